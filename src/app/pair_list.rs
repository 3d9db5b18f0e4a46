//! `PairList`: the visible partnerships as a list, the map's twin for every user.

use leptos::prelude::*;

use super::context::{use_explore, Hover};
use super::embed_bar::ListShown;
use super::list_order::ListOrder;
use crate::domain::describe::{pair_regions, pair_sentence, pair_title, unlocated_note_of};
use crate::domain::i18n::{t, Msg};
use crate::domain::Order;

/// How many items the list shows at first, and adds at each "show more": thousands of list
/// items would cost more than the rest of the page together, and a screen shows about twenty.
const PAGE: usize = 50;

/// One `li[data-pair-id]` per visible partnership in the chosen order (the first [`PAGE`], then
/// more on demand), under the select of that order; choosing one selects it and focuses the
/// map. Keyed: a filter change only adds and removes the items that change, and a new order
/// moves them (so the keyboard's ↑/↓ follow it).
#[component]
pub fn PairList() -> impl IntoView {
    let ctx = use_explore();
    let limit = RwSignal::new(PAGE);
    let shown = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.ordered.with(|v| v.iter().take(limit.get()).map(|&i| (i, lang)).collect::<Vec<_>>())
    });
    let hidden = Memo::new(move |_| ctx.visible.with(|v| v.len()).saturating_sub(limit.get()));
    view! {
        <ListOrder />
        <Show
            when=move || !ctx.visible.with(|v| v.is_empty())
            fallback=move || view! { <p class="empty-list">{move || t(ctx.lang.get(), Msg::NoMatch)}</p> }
        >
            <ul class="pair-list">
                <For each=move || shown.get() key=|k| *k children=move |(i, lang)| item(i, lang) />
            </ul>
            {move || (hidden.get() > 0).then(|| view! {
                <button type="button" class="button button--secondary show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || format!("{} ({})", t(ctx.lang.get(), Msg::ShowMore), crate::domain::i18n::format_number(ctx.lang.get(), hidden.get() as u64))}
                </button>
            })}
        </Show>
    }
}

/// ArrowDown / ArrowUp (and Home / End) move the focus pair by pair along the list; the map
/// highlights the focused pair (focus is hover).
fn move_by_arrows(e: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let step = match e.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    let Some(item) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|b| b.closest("li").ok().flatten()) else { return };
    let target = match step {
        1 => item.next_element_sibling(),
        -1 => item.previous_element_sibling(),
        i32::MIN => item.parent_element().and_then(|l| l.first_element_child()),
        _ => item.parent_element().and_then(|l| l.last_element_child()),
    };
    if let Some(button) = target.and_then(|li| li.query_selector("button").ok().flatten()).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        e.prevent_default();
        // Focusing scrolls the list as far as needed to show it.
        let _ = button.focus();
    }
}

/// The keyboard focus follows a list item to the card it opened (the list is hidden then).
fn focus_card() {
    use wasm_bindgen::JsCast;
    let card = document().query_selector("article.pair-card .close-button").ok().flatten();
    if let Some(button) = card.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = button.focus();
    }
}

/// The list item of one partnership.
fn item(i: usize, lang: crate::domain::Lang) -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let p = &ds.partnerships[i];
    let id = p.id.clone();
    let id_click = id.clone();
    let (id_enter, id_focus, id_hl) = (id.clone(), id.clone(), id.clone());
    let is_highlighted = move || ctx.highlighted.with(|h| h.contains(&id_hl));
    let kind = p.kind_option().to_string();
    let year = p.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into());
    // From the selection's memo, not the address: a filter change rewrites the address, and 50
    // items would each check it again.
    let is_selected = Signal::derive(move || ctx.selected.get() == Some(i));
    // In an embed's list, choosing an item goes to the map, where its card opens.
    let list_shown = use_context::<ListShown>();
    let choose = move |id: String| {
        ctx.select(Some(id));
        if let Some(ListShown(shown)) = list_shown {
            if shown.get_untracked() {
                shown.set(false);
                request_animation_frame(focus_card);
            }
        }
    };
    let desc_id = format!("pair-desc-{id}");
    // Why a pair has no line on the map ("Position unknown: Seocho-gu").
    let note = unlocated_note_of(&ds, p, lang);
    // Ordered by region, each item says its regions (else the order could not be seen).
    let regions = pair_regions(&ds, p, lang);
    let by_region = move || ctx.sort.get() == Order::Region;
    view! {
        <li
            data-pair-id=id
            class:is-selected=is_selected
            class:is-highlighted=is_highlighted
            on:mouseenter=move |_| ctx.hovered.set(Some(Hover::Pair(id_enter.clone())))
            on:mouseleave=move |_| ctx.hovered.set(None)
            on:focusin=move |_| ctx.hovered.set(Some(Hover::Pair(id_focus.clone())))
            on:focusout=move |_| ctx.hovered.set(None)
        >
            // Named by what it shows; described by the whole sentence (kind, year, themes), which
            // screen readers read after the name.
            <button
                type="button"
                class="pair-item"
                aria-pressed=move || is_selected.get().to_string()
                aria-describedby=desc_id.clone()
                on:click=move |_| choose(id_click.clone())
                on:keydown=move_by_arrows
            >
                <span class=format!("kind-swatch kind-swatch--{kind}") aria-hidden="true"></span>
                // The note is shown under the title but left out of the button's name: the
                // describing sentence ends with it, so a screen reader hears it once.
                <span class="pair-item-title">
                    {pair_title(&ds, p, lang)}
                    {move || by_region().then(|| view! { <span class="pair-item-regions">{regions.clone()}</span> })}
                    {note.map(|n| view! { <span class="pair-item-note" aria-hidden="true">{n}</span> })}
                </span>
                <span class="pair-item-year">{year}</span>
            </button>
            // `hidden`, not visually hidden: a description referenced by `aria-describedby` is
            // read even when hidden, and a hidden one is never laid out (at 10,000 pairs a filter
            // change replaces dozens of items; their sentences were half the layout).
            <span id=desc_id hidden>{pair_sentence(&ds, p, lang)}</span>
        </li>
    }
}
