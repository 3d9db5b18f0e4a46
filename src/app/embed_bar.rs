//! `EmbedBar`: in an embedded map (`embed=1`), the switch between the map and the list, and the
//! link that opens the same view as a full page in a new tab.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};

#[component]
pub fn EmbedBar(
    /// Whether the list is shown instead of the map.
    show_list: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_explore();
    // The same state without `embed=1`, under the same path: what the visitor is looking at.
    let full = move || {
        let query = ctx.url.state.with(|s| {
            let mut s = s.clone();
            s.embed = false;
            s.to_query()
        });
        let path = window().location().pathname().unwrap_or_default();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    };
    view! {
        <div class="embed-bar">
            <button
                type="button"
                class="button button--secondary embed-toggle"
                aria-pressed=move || show_list.get().to_string()
                on:click=move |_| show_list.update(|v| *v = !*v)
            >
                {move || if show_list.get() { t(ctx.lang.get(), Msg::ShowMap) } else { t(ctx.lang.get(), Msg::ShowList) }}
            </button>
            <a class="embed-open" href=full target="_blank" rel="noopener">
                {move || t(ctx.lang.get(), Msg::OpenFullMap)}
                <span aria-hidden="true">" ↗"</span>
            </a>
        </div>
    }
}
