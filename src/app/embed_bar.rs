//! `EmbedBar`: in an embedded map (`embed=1`), the switch between the map and the list, and the
//! link that opens the same view as a full page in a new tab. It also tells the host page how
//! tall the embedded page would like to be (see README, "Embed it": the resize script).

use leptos::prelude::*;

use super::context::use_explore;
use super::full_screen::{in_full_screen, toggle_full_screen};
use super::url_sync::full_page_address;
use crate::domain::i18n::{t, Msg};

/// The message type the host page's resize script listens for.
pub const HEIGHT_MESSAGE: &str = "franco-korean-map:height";

/// In an embed, whether the list is shown in place of the map: a list item opens its card on
/// the map (in list mode the map, and the card over it, are hidden). Provided by the explorer
/// in an embed only.
#[derive(Clone, Copy)]
pub struct ListShown(pub RwSignal<bool>);

/// The map's preferred height in an embed, in CSS pixels (the list's is its content's).
const MAP_HEIGHT: i32 = 420;

/// The height the embedded page needs: the bar, the filter drawer as it is (open or closed),
/// then the map, or the whole list when it is shown.
fn wanted_height(show_list: bool) -> i32 {
    let doc = document();
    // The whole content of an element, borders included.
    let height = |sel: &str, content: bool| {
        doc.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            .map(|e| if content { e.scroll_height() + e.offset_height() - e.client_height() } else { e.offset_height() })
            .unwrap_or(0)
    };
    let body = if show_list { height(".list-column", true) } else { MAP_HEIGHT };
    height(".embed-bar", false) + height(".filters-column", true) + body
}

/// Posts `{ type, height }` to the host page, if there is one.
fn post_height(show_list: bool) {
    let height = wanted_height(show_list);
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return; // not in a frame
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // Any host may read a height: nothing private is sent.
    let _ = parent.post_message(&message, "*");
}

#[component]
pub fn EmbedBar(
    /// Whether the list is shown instead of the map.
    show_list: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_explore();
    // After each change that can change the height (the list shown or not, what it lists, the
    // filter drawer opened or closed), once the page is laid out again.
    let drawer = RwSignal::new(0u32);
    // `toggle` does not bubble: listened for on the way down.
    super::listen_capturing(document().into(), "toggle", move |_: web_sys::Event| drawer.update(|n| *n += 1));
    Effect::new(move |_| {
        let list = show_list.get();
        ctx.visible.track();
        drawer.track();
        request_animation_frame(move || post_height(list));
    });
    // Re-read on each change of full screen (the button's pressed state).
    let full_screen = RwSignal::new(0u32);
    let change = window_event_listener_untyped("fullscreenchange", move |_| full_screen.update(|n| *n += 1));
    on_cleanup(move || change.remove());
    // The same state without `embed=1`: what the visitor is looking at, as a full page.
    let full = move || ctx.url.state.with(full_page_address);
    // The page's banner in an embed (the full page's header is left out): it names the map for
    // screen readers, which the frame's own title does not always do.
    view! {
        <header class="embed-bar">
            <h1 class="visually-hidden">{move || t(ctx.lang.get(), Msg::Title)}</h1>
            <button
                type="button"
                class="button button--secondary embed-toggle"
                aria-pressed=move || show_list.get().to_string()
                on:click=move |_| show_list.update(|v| *v = !*v)
            >
                {move || if show_list.get() { t(ctx.lang.get(), Msg::ShowMap) } else { t(ctx.lang.get(), Msg::ShowList) }}
            </button>
            <button
                type="button"
                class="button button--secondary embed-fullscreen"
                aria-pressed=move || { full_screen.get(); in_full_screen().to_string() }
                on:click=move |_| {
                    toggle_full_screen();
                    // The API answers later (`fullscreenchange`); the fallback at once.
                    full_screen.update(|n| *n += 1);
                }
            >
                {move || t(ctx.lang.get(), Msg::FullScreen)}
            </button>
            <a class="embed-open" href=full target="_blank" rel="noopener">
                {move || t(ctx.lang.get(), Msg::OpenFullMap)}
                <span aria-hidden="true">" ↗"</span>
            </a>
        </header>
    }
}
