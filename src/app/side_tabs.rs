//! `SideTabs`: switches the side column between the list, the timeline and the administrations.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};
use crate::domain::Panel;

/// Three tab buttons writing `panel=` to the URL.
#[component]
pub fn SideTabs() -> impl IntoView {
    let ctx = use_explore();
    let tab = move |panel: Option<Panel>, label: Msg, id: &'static str| {
        let selected = move || ctx.url.state.with(|s| s.panel == panel);
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{id}")
                aria-selected=move || selected().to_string()
                on:click=move |_| ctx.url.update(|s| s.panel = panel)
            >
                {move || t(ctx.lang.get(), label)}
            </button>
        }
    };
    view! {
        <div class="side-tabs" role="tablist">
            {tab(None, Msg::Partnerships, "list")}
            {tab(Some(Panel::Timeline), Msg::Timeline, "timeline")}
            {tab(Some(Panel::Tiers), Msg::Administrations, "tiers")}
        </div>
    }
}
