//! `UrlNotices`: values of the address that were ignored, so a broken link explains itself.
//!
//! One line per kind of problem, with its count and a few of its values: a link with 1,486
//! unknown regions gave 1,486 notices and pushed the map 6,271 px down (issue 18). The box's
//! height is bounded too (public/style.css).

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, url_notice_more, url_notice_other_kinds, url_notice_summary, Lang, Msg};
use crate::domain::url_state::group_notices;

/// Kinds of problem listed; any beyond are counted on one more line.
const MAX_KINDS: usize = 4;
/// Values named for each kind.
const MAX_EXAMPLES: usize = 3;

/// A dismissible note: each kind of ignored value, counted, with the first few `param=value`.
#[component]
pub fn UrlNotices() -> impl IntoView {
    let ctx = use_explore();
    let notices = ctx.url.notices;
    let groups = Memo::new(move |_| notices.with(|n| group_notices(n, MAX_EXAMPLES)));
    move || {
        let groups = groups.get();
        let lang = ctx.lang.get();
        (!groups.is_empty()).then(|| {
            let hidden = groups.len().saturating_sub(MAX_KINDS);
            let lines = groups
                .into_iter()
                .take(MAX_KINDS)
                .map(|g| {
                    let more = g.count - g.examples.len();
                    let param = g.param.clone();
                    view! {
                        <li class="url-notice" data-param=g.param.clone() data-count=g.count>
                            {url_notice_summary(lang, &g.param, g.reason, g.count)}
                            // French sets a (no-break) space before its colon.
                            {if lang == Lang::Fr { "\u{a0}: " } else { ": " }}
                            {g.examples.into_iter().map(|v| view! { <code>{format!("{param}={v}")}</code>" " }).collect_view()}
                            {(more > 0).then(|| url_notice_more(lang, more))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="url-notices" role="status">
                    <span>{t(lang, Msg::UrlIgnored)}</span>
                    <ul class="url-notice-list">
                        {lines}
                        {(hidden > 0).then(|| view! { <li class="url-notice">{url_notice_other_kinds(lang, hidden)}</li> })}
                    </ul>
                    <button type="button" class="link-button" on:click=move |_| notices.set(Vec::new())>
                        {t(lang, Msg::Close)}
                    </button>
                </div>
            }
        })
    }
}
