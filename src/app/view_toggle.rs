//! `ViewToggle`: France and Korea side by side, or the world map.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};
use crate::domain::View;

/// Two buttons over the map writing `view=` to the URL.
#[component]
pub fn ViewToggle() -> impl IntoView {
    let ctx = use_explore();
    let button = move |view: View, label: Msg| {
        let pressed = move || ctx.view.get() == view;
        view! {
            <button
                type="button"
                data-view=view.id()
                aria-pressed=move || pressed().to_string()
                on:click=move |_| ctx.url.update(|s| s.view = if view == ctx.default_view { None } else { Some(view) })
            >
                {move || t(ctx.lang.get(), label)}
            </button>
        }
    };
    view! {
        <div class="view-toggle" data-covers-map="" role="group" aria-label=move || t(ctx.lang.get(), Msg::View)>
            {button(View::Twin, Msg::ViewTwin)}
            {button(View::World, Msg::ViewWorld)}
        </div>
    }
}
