//! `use_url_state`: the URL query is the app's global state.
//!
//! Changing the state pushes a history entry (so Back steps back through filter changes);
//! corrections the app makes on its own (dropping unknown ids) replace the entry instead.
//! Going back or forward re-reads the URL.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::{UrlNotice, UrlState};

#[derive(Clone, Copy)]
pub struct UrlStore {
    pub state: RwSignal<UrlState>,
    /// Values of the URL that were ignored, shown to the user.
    pub notices: RwSignal<Vec<UrlNotice>>,
    replace_next: StoredValue<bool>,
}

impl UrlStore {
    /// A user's step: changes the state and adds a history entry.
    pub fn update(&self, f: impl FnOnce(&mut UrlState)) {
        self.state.update(f);
    }

    /// A correction: changes the state without a new history entry.
    pub fn replace(&self, state: UrlState) {
        self.replace_next.set_value(true);
        self.state.set(state);
    }
}

/// The full address of the app showing `state`, on this host and path (for links to share or
/// embed; `state.embed` says whether it is the embedded page).
pub fn page_address(state: &UrlState) -> String {
    let location = window().location();
    let (origin, path) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    let query = state.to_query();
    if query.is_empty() { format!("{origin}{path}") } else { format!("{origin}{path}?{query}") }
}

/// The address of what is shown, as a full page (never `embed=1`).
pub fn full_page_address(state: &UrlState) -> String {
    page_address(&UrlState { embed: false, ..state.clone() })
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

pub fn use_url_state() -> UrlStore {
    let (initial, notices) = UrlState::parse(&current_search());
    let store = UrlStore {
        state: RwSignal::new(initial),
        notices: RwSignal::new(notices),
        // The first write only makes the address canonical: no history entry for it.
        replace_next: StoredValue::new(true),
    };

    // Back/Forward steps taken so far (see the write below).
    let steps = StoredValue::new(0u64);
    Effect::new(move |_| {
        let query = store.state.with(|s| s.to_query());
        let target = if query.is_empty() { String::new() } else { format!("?{query}") };
        let replace = store.replace_next.get_value();
        store.replace_next.set_value(false);
        let scheduled_in = steps.get_value();
        // Written once the next frame is on screen: the history entry costs the browser a few
        // milliseconds (up to 8 on a busy machine), which need not delay the map and the list
        // that the change is for.
        request_animation_frame(move || set_timeout(
            move || {
                // Back or Forward came in between: the address is the browser's now, and writing
                // this older state would add a stray entry.
                if steps.get_value() != scheduled_in {
                    return;
                }
                if target == current_search() {
                    return; // already there: the first run, or a Back/Forward step being applied
                }
                let location = window().location();
                // Keep the path and the hash: the app may live under any sub-path.
                let url = format!(
                    "{}{}{}",
                    location.pathname().unwrap_or_default(),
                    target,
                    location.hash().unwrap_or_default()
                );
                if let Ok(history) = window().history() {
                    let _ = if replace {
                        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                    } else {
                        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                    };
                }
            },
            std::time::Duration::ZERO,
        ));
    });

    let listener = window_event_listener(leptos::ev::popstate, move |_| {
        steps.update_value(|n| *n += 1);
        let (state, notices) = UrlState::parse(&current_search());
        store.notices.set(notices);
        store.state.set(state);
    });
    on_cleanup(move || listener.remove());
    store
}
