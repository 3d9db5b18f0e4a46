//! `FileDrop`: a JSON or CSV file dropped anywhere on the page is previewed
//! ([`super::file_preview`]); while one is dragged over the page, a hint says so.

use leptos::prelude::*;

use super::data_source::{use_data_source, DataSource};
use super::file_preview::warm_check_worker;
use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// Listens on the whole window for as long as it lives; renders the hint.
#[component]
pub fn FileDrop(
    /// Interface language.
    lang: Memo<Lang>,
) -> impl IntoView {
    let data = use_data_source();
    let dragging = RwSignal::new(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        if !dragging.get_untracked() {
            warm_check_worker();
        }
        dragging.set(true);
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving for a child element also fires: only a leave out of the window counts.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = DataSource::first_file(ev.data_transfer().and_then(|d| d.files())) {
            data.open(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <div class="drop-hint" class:is-visible=move || dragging.get() aria-hidden="true">
            <p>{move || t(lang.get(), Msg::DropHint)}</p>
        </div>
    }
}
