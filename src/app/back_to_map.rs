//! `BackToMap`: on a phone, whose page holds the map above a long list, one tap from anywhere
//! brings the map back into view. Shown only while the map is out of sight and no card's sheet
//! is open (the sheet opens with the map in view); the stylesheet shows it on phones only.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};

#[component]
pub fn BackToMap() -> impl IntoView {
    let ctx = use_explore();
    let away = RwSignal::new(false);
    let measure = move || {
        if let Ok(Some(map)) = document().query_selector(".map-column") {
            let r = map.get_bounding_client_rect();
            // Out of sight: less than a quarter of the map on screen.
            let screen = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
            let seen = (r.bottom().min(screen) - r.top().max(0.0)).max(0.0);
            away.set(seen < r.height().min(screen) * 0.25);
        }
    };
    let scrolled = window_event_listener(leptos::ev::scroll, move |_| measure());
    on_cleanup(move || scrolled.remove());
    let card_open = move || ctx.selected.get().is_some() || ctx.place.get().is_some();
    view! {
        <button
            type="button"
            class="button back-to-map"
            hidden=move || !away.get() || card_open()
            on:click=move |_| {
                super::card_sheet::scroll_to_map();
                away.set(false);
            }
        >
            <span aria-hidden="true">"↑ "</span>{move || t(ctx.lang.get(), Msg::BackToMap)}
        </button>
    }
}
