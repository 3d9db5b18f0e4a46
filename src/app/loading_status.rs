//! `LoadingStatus`: what shows while the data is on its way, with how much has arrived.

use leptos::prelude::*;

use crate::domain::i18n::{received_text, t, Msg};
use crate::domain::Lang;

/// A spinner and a message, announced politely to screen readers; once bytes arrive, how many
/// (and a progress bar when the server said how many to expect).
#[component]
pub fn LoadingStatus(
    /// Interface language.
    lang: Memo<Lang>,
    /// Bytes of the data received so far, and the announced size when known.
    received: RwSignal<Option<(u64, Option<u64>)>>,
) -> impl IntoView {
    view! {
        <div class="status-screen" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{move || t(lang.get(), Msg::Loading)}</p>
            {move || received.get().filter(|(got, _)| *got > 0).map(|(got, total)| view! {
                <p class="loading-progress">{received_text(lang.get(), got, total)}</p>
                {total.map(|all| view! { <progress max=all.to_string() value=got.to_string() aria-hidden="true"></progress> })}
            })}
        </div>
    }
}
