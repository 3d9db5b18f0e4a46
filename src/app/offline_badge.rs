//! `OfflineBadge`: says that the map is kept for use without a network, and that it is in use
//! without one. `public/boot.js` sets `html[data-offline]` and `html[data-network]`; the
//! stylesheet shows the sentence that applies (nothing until the offline copy is ready).

use leptos::prelude::*;

use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// Both sentences, one shown by the stylesheet.
#[component]
pub fn OfflineBadge(
    /// Interface language.
    lang: Memo<Lang>,
) -> impl IntoView {
    view! {
        <p class="offline-badge">
            <span class="offline-ready">{move || t(lang.get(), Msg::AvailableOffline)}</span>
            <span class="offline-now">{move || t(lang.get(), Msg::OfflineNow)}</span>
        </p>
    }
}
