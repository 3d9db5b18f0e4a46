//! `UrlNotices`: values of the address that were ignored, so a broken link explains itself.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};

/// A dismissible note listing the ignored `param=value` pairs.
#[component]
pub fn UrlNotices() -> impl IntoView {
    let ctx = use_explore();
    let notices = ctx.url.notices;
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="url-notices" role="status">
                    <span>{t(ctx.lang.get(), Msg::UrlIgnored)}</span>
                    " "
                    {list.iter().map(|n| view! { <code>{n.to_string()}</code>" " }).collect_view()}
                    <button type="button" class="link-button" on:click=move |_| notices.set(Vec::new())>
                        {t(ctx.lang.get(), Msg::Close)}
                    </button>
                </div>
            }
        })
    }
}
