//! Full screen for the embed bar's button and the kiosk's `f` key: the Fullscreen API, or a
//! pretended full screen (`html.is-pseudo-fullscreen`) where the API is missing (iOS Safari).

use leptos::prelude::*;

/// Whether the page is in full screen, real or pretended.
pub fn in_full_screen() -> bool {
    document().fullscreen_element().is_some()
        || document().document_element().is_some_and(|e| e.class_list().contains("is-pseudo-fullscreen"))
}

/// Full screen by the Fullscreen API (allowed by the host's `allow="fullscreen"`); where the API
/// is missing or refused (iOS Safari), the map fills the frame's whole viewport instead.
pub fn toggle_full_screen() {
    let doc = document();
    let Some(root) = doc.document_element() else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
        return;
    }
    if root.class_list().contains("is-pseudo-fullscreen") {
        let _ = root.class_list().remove_1("is-pseudo-fullscreen");
        return;
    }
    if !doc.fullscreen_enabled() || root.request_fullscreen().is_err() {
        let _ = root.class_list().add_1("is-pseudo-fullscreen");
    }
}
