//! `LoadingStatus`: what shows while the data is on its way.

use leptos::prelude::*;

use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// A spinner and a message, announced politely to screen readers.
#[component]
pub fn LoadingStatus(
    /// Interface language.
    lang: Memo<Lang>,
) -> impl IntoView {
    view! {
        <div class="status-screen" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <p>{move || t(lang.get(), Msg::Loading)}</p>
        </div>
    }
}
