//! The browser app: leptos components, one per file, named after the component.
//!
//! Global state is the URL ([`url_sync`]); what is visible and every count are memos over the
//! pure domain ([`context`]). Effects only talk to the outside world: the map seam, the
//! document's attributes, the history.

/// A view only the full build has (Cargo.toml's feature `full`): the embed build puts nothing in
/// its place and does not compile what the view names. None of it is ever seen in an embed
/// (hidden there by the stylesheet, `html[data-embed]`, or left out by the app).
macro_rules! full_only {
    ($($view:tt)*) => {{
        #[cfg(feature = "full")]
        let view = leptos::prelude::view! { $($view)* };
        #[cfg(not(feature = "full"))]
        let view = ();
        view
    }};
}

// One file per component, named after it: `App` lives in `app.rs`.
#[allow(clippy::module_inception)]
mod app;
mod authority_card;
mod card_sheet;
mod context;
mod data_source;
mod embed_bar;
mod explorer;
mod facet_option;
mod fetch;
mod full_screen;
mod filter_panel;
mod kind_filter;
mod later;
mod legend;
mod list_order;
mod load_error;
mod loading_status;
mod map_view;
mod pair_card;
mod pair_list;
mod problems_panel;
mod region_filter;
mod result_count;
mod theme_filter;
mod url_notices;
mod url_sync;
mod view_toggle;
mod year_filter;

// The full build's (Cargo.toml, `full`): what an embedded map never shows. The page header and
// its About panel (with the propose form and "Open a dataset…"), languages and offline badge;
// the search box; the side tabs with the timeline and the two administrations; the list's
// tools (CSV, share with its QR code and PNG, the embed builder); the way back to the map on a
// phone; previewing a file opened or dropped on the page; the kiosk.
#[cfg(feature = "full")]
mod about_panel;
#[cfg(feature = "full")]
mod back_to_map;
#[cfg(feature = "full")]
mod data_menu;
#[cfg(feature = "full")]
mod download_png;
#[cfg(feature = "full")]
mod embed_builder;
#[cfg(feature = "full")]
mod file_drop;
#[cfg(feature = "full")]
mod file_preview;
#[cfg(feature = "full")]
mod kiosk;
#[cfg(feature = "full")]
mod kiosk_card;
#[cfg(feature = "full")]
mod language_switcher;
#[cfg(feature = "full")]
mod offline_badge;
#[cfg(feature = "full")]
mod open_dataset;
#[cfg(feature = "full")]
mod preview_banner;
#[cfg(feature = "full")]
mod propose_form;
#[cfg(feature = "full")]
mod save_file;
#[cfg(feature = "full")]
mod search_box;
#[cfg(feature = "full")]
mod share_panel;
#[cfg(feature = "full")]
mod side_tabs;
#[cfg(feature = "full")]
mod tiers_panel;
#[cfg(feature = "full")]
mod timeline_panel;
#[cfg(feature = "full")]
mod timeline_player;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::UrlState;

pub use app::App;

/// Whether the page is an embedded map (`embed=1`). The embed build has no other layout: loaded
/// on another address by mistake, it lays the page out as an embed.
pub(crate) fn embedded(state: &UrlState) -> bool {
    state.embed || !cfg!(feature = "full")
}

/// Whether the page is the pavilion's kiosk (`mode=kiosk`): the full build's only.
pub(crate) fn kiosk_mode(state: &UrlState) -> bool {
    state.kiosk && cfg!(feature = "full")
}

/// A desktop's screen (wider than a tablet, the stylesheet's 1100 px): the filters and the
/// legend start open only there.
pub(crate) fn desktop_screen() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w > 1100.0)
}

/// Resolves in a later task of the page's event loop (a zero-delay timeout): the start's work
/// split at these points lets the browser paint and answer input between its parts (a task of
/// more than 50 ms is what Lighthouse's total blocking time counts).
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Listens for `event` on `target` in the capture phase (heard before the page's own listeners;
/// also events that do not bubble, such as `toggle`) for as long as the calling component lives.
pub(crate) fn listen_capturing<E: wasm_bindgen::convert::FromWasmAbi + 'static>(target: web_sys::EventTarget, event: &'static str, handler: impl FnMut(E) + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut(E)>::new(handler);
    let callback: js_sys::Function = closure.as_ref().clone().unchecked_into();
    let _ = target.add_event_listener_with_callback_and_bool(event, &callback, true);
    let keep = StoredValue::new_local(Some(closure));
    on_cleanup(move || {
        let _ = target.remove_event_listener_with_callback_and_bool(event, &callback, true);
        keep.set_value(None);
    });
}

/// `fault=panic` in the address the page was opened with: opening a card panics, so that the
/// crash screen (public/boot.js) is tested by the real thing. Read once at start: the app
/// rewrites the address to its canonical form, which leaves unknown parameters out.
static FAULT_PANIC: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(crate) fn fault_injected() -> bool {
    FAULT_PANIC.load(std::sync::atomic::Ordering::Relaxed)
}

/// Replaces the static loading message of `index.html` with the app.
pub fn mount() {
    let search = window().location().search().unwrap_or_default();
    FAULT_PANIC.store(search.split(['?', '&']).any(|p| p == "fault=panic"), std::sync::atomic::Ordering::Relaxed);
    let root = document().get_element_by_id("app").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(el) => {
            // Constant text only: the boot message written in index.html.
            el.set_inner_html("");
            leptos::mount::mount_to(el, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}
