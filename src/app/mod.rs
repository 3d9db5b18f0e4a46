//! The browser app: leptos components, one per file, named after the component.
//!
//! Global state is the URL ([`url_sync`]); what is visible and every count are memos over the
//! pure domain ([`context`]). Effects only talk to the outside world: the map seam, the
//! document's attributes, the history.

// One file per component, named after it: `App` lives in `app.rs`.
#[allow(clippy::module_inception)]
mod app;
mod about_panel;
mod authority_card;
mod back_to_map;
mod card_sheet;
mod context;
mod data_menu;
mod data_source;
mod download_png;
mod embed_bar;
mod embed_builder;
mod explorer;
mod facet_option;
mod fetch;
mod file_drop;
mod file_preview;
mod full_screen;
mod filter_panel;
mod search_box;
mod kind_filter;
mod kiosk;
mod kiosk_card;
mod language_switcher;
mod legend;
mod list_order;
mod load_error;
mod loading_status;
mod map_view;
mod offline_badge;
mod open_dataset;
mod pair_card;
mod pair_list;
mod preview_banner;
mod problems_panel;
mod propose_form;
mod region_filter;
mod result_count;
mod save_file;
mod share_panel;
mod side_tabs;
mod theme_filter;
mod tiers_panel;
mod timeline_panel;
mod timeline_player;
mod url_notices;
mod url_sync;
mod view_toggle;
mod year_filter;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use app::App;

/// Wider than a phone ([`crate::map::narrow_screen`]).
pub(crate) fn wide_screen() -> bool {
    !crate::map::narrow_screen()
}

/// A desktop's screen (wider than a tablet, the stylesheet's 1100 px): the filters and the
/// legend start open only there.
pub(crate) fn desktop_screen() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w > 1100.0)
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
