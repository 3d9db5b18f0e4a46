//! `LoadError`: the data file could not be fetched at all.

use leptos::prelude::*;

use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// The reason, and a button that tries again.
#[component]
pub fn LoadError(
    /// Interface language.
    lang: Memo<Lang>,
    /// What went wrong (URL and HTTP status or network error).
    message: String,
    /// Called when the user asks to try again.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="status-screen status-screen--error" role="alert">
            <p class="status-title">{move || t(lang.get(), Msg::LoadFailed)}</p>
            <p class="status-detail"><code>{message}</code></p>
            <button type="button" class="button" on:click=move |_| on_retry()>{move || t(lang.get(), Msg::Retry)}</button>
        </div>
    }
}
