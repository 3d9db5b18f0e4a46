//! `CardSheet`: where a card (a pair's, an authority's) opens, by screen class. Over the lower
//! part of the map on a desktop; over the list, beside the map, on a tablet held sideways; a
//! bottom sheet on a phone and on a tablet held upright, at three heights (small, medium, full
//! screen) set by dragging its handle, tapping it, or with the arrow keys on it. When a card
//! opens as a sheet the page is scrolled to the map, which frames the pair clear of the sheet
//! (the card is a `data-covers-map`); each new height frames it again.
//!
//! The layouts themselves are the stylesheet's (`.card-sheet`); this component only knows
//! whether the sheet layout applies, to pick the opening height and to scroll.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};
use crate::domain::sheet::SheetHeight as Height;
use crate::domain::Lang;

/// The screens where a card is a bottom sheet; the same query as the stylesheet's.
const SHEET_QUERY: &str = "(max-width: 599px), (max-width: 1100px) and (orientation: portrait)";
/// The screens where the sheet opens small, so that the map above keeps room for the pair.
const PHONE_QUERY: &str = "(max-width: 599px)";

fn matches(query: &str) -> bool {
    window().match_media(query).ok().flatten().is_some_and(|m| m.matches())
}

/// Scrolls the page so that the map's top is at the top of the screen (a phone's page holds the
/// map above the list: a list item far below opens its pair's card with the map in view).
pub(crate) fn scroll_to_map() {
    if let Ok(Some(map)) = document().query_selector(".map-column") {
        let top = map.get_bounding_client_rect().top() + window().scroll_y().unwrap_or(0.0);
        window().scroll_to_with_x_and_y(0.0, top.max(0.0));
    }
}

/// The place of the cards: the pair's and the authority's, as `children`.
#[component]
pub fn CardSheet(children: Children) -> impl IntoView {
    let ctx = use_explore();
    let height = RwSignal::new(Height::Half);
    // What the card shows: a new pair or authority opens the sheet at its first height.
    let shown = Memo::new(move |_| (ctx.selected.get(), ctx.place.get()));
    Effect::new(move |previous: Option<(Option<usize>, Option<String>)>| {
        let now = shown.get();
        let opened = now.0.is_some() || now.1.is_some();
        if opened && previous.as_ref() != Some(&now) && matches(SHEET_QUERY) {
            // Back from a pair to its authority's card keeps the height chosen.
            let first = previous.as_ref().is_none_or(|(p, a)| p.is_none() && a.is_none());
            if first {
                height.set(if matches(PHONE_QUERY) { Height::Peek } else { Height::Half });
            }
            scroll_to_map();
        }
        now
    });
    // Each new height frames the maps again, clear of the sheet.
    Effect::new(move |previous: Option<Height>| {
        let h = height.get();
        if previous.is_some_and(|p| p != h) {
            ctx.covers.update(|n| *n += 1);
        }
        h
    });

    // Dragging the handle: the sheet follows the finger, then settles at the nearest height.
    let sheet = NodeRef::<leptos::html::Aside>::new();
    let drag = StoredValue::new(None::<(f64, f64, bool)>); // (start y, start height, moved)
    let on_down = move |ev: web_sys::PointerEvent| {
        let Some(el) = sheet.get_untracked() else { return };
        let h = el.get_bounding_client_rect().height();
        drag.set_value(Some((ev.client_y() as f64, h, false)));
        if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some((y0, h0, _)) = drag.get_value() else { return };
        let dy = ev.client_y() as f64 - y0;
        if dy.abs() < 6.0 {
            return;
        }
        drag.set_value(Some((y0, h0, true)));
        if let Some(el) = sheet.get_untracked() {
            let screen = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
            let to = (h0 - dy).clamp(screen * 0.15, screen);
            // CSSOM, not a style attribute: the page's CSP forbids inline styles in markup.
            let _ = web_sys::HtmlElement::style(&el).set_property("height", &format!("{to}px"));
        }
    };
    let on_up = move |_: web_sys::PointerEvent| {
        let Some((_, _, moved)) = drag.get_value() else { return };
        drag.set_value(None);
        let Some(el) = sheet.get_untracked() else { return };
        if moved {
            let screen = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
            let fraction = el.get_bounding_client_rect().height() / screen;
            let _ = web_sys::HtmlElement::style(&el).remove_property("height");
            height.set(Height::nearest(fraction, matches(PHONE_QUERY)));
        } else {
            height.update(|h| *h = h.next());
        }
    };
    let on_cancel = move |_: web_sys::PointerEvent| {
        drag.set_value(None);
        if let Some(el) = sheet.get_untracked() {
            let _ = web_sys::HtmlElement::style(&el).remove_property("height");
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let to = match ev.key().as_str() {
            "ArrowUp" | "PageUp" => height.get_untracked().taller(),
            "ArrowDown" | "PageDown" => height.get_untracked().shorter(),
            "Home" => Height::Full,
            "End" => Height::Peek,
            _ => return,
        };
        ev.prevent_default();
        height.set(to);
    };
    let label = move || {
        let lang = ctx.lang.get();
        let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
        format!("{}{colon}{}", t(lang, Msg::SheetHandle), t(lang, height.get().name()))
    };

    view! {
        <aside class="card-sheet" data-covers-map="" data-height=move || height.get().attr() node_ref=sheet aria-label=move || t(ctx.lang.get(), Msg::CardRegion)>
            // A pointer-driven handle; for the keyboard, a button (Enter: the next height;
            // arrows: taller, shorter).
            <button
                type="button"
                class="sheet-handle"
                aria-label=label
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
                on:keydown=on_key
                on:click=move |ev| {
                    // A pointer's tap was handled on pointerup; a key's click (Enter, Space)
                    // has no pointer (detail 0).
                    if ev.detail() == 0 {
                        height.update(|h| *h = h.next());
                    }
                }
            >
                <span class="sheet-grip" aria-hidden="true"></span>
            </button>
            {children()}
        </aside>
    }
}
