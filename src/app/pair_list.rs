//! `PairList`: the visible partnerships as a list, the map's twin for every user.

use leptos::prelude::*;

use super::context::{use_explore, Hover};
use crate::domain::describe::{pair_sentence, pair_title};
use crate::domain::i18n::{t, Msg};

/// How many items the list shows at first, and adds at each "show more": thousands of list
/// items would cost more than the rest of the page together, and a screen shows about twenty.
const PAGE: usize = 100;

/// One `li[data-pair-id]` per visible partnership (the first [`PAGE`], then more on demand);
/// choosing one selects it and focuses the map. Keyed: a filter change only adds and removes
/// the items that change.
#[component]
pub fn PairList() -> impl IntoView {
    let ctx = use_explore();
    let limit = RwSignal::new(PAGE);
    let shown = Memo::new(move |_| {
        let lang = ctx.lang.get();
        ctx.visible.with(|v| v.iter().take(limit.get()).map(|&i| (i, lang)).collect::<Vec<_>>())
    });
    let hidden = Memo::new(move |_| ctx.visible.with(|v| v.len()).saturating_sub(limit.get()));
    view! {
        <Show
            when=move || !ctx.visible.with(|v| v.is_empty())
            fallback=move || view! { <p class="empty-list">{move || t(ctx.lang.get(), Msg::NoMatch)}</p> }
        >
            <ul class="pair-list">
                <For each=move || shown.get() key=|k| *k children=move |(i, lang)| item(i, lang) />
            </ul>
            {move || (hidden.get() > 0).then(|| view! {
                <button type="button" class="button button--secondary show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {format!("{} ({})", t(ctx.lang.get(), Msg::ShowMore), hidden.get())}
                </button>
            })}
        </Show>
    }
}

/// The list item of one partnership.
fn item(i: usize, lang: crate::domain::Lang) -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let p = &ds.partnerships[i];
    let id = p.id.clone();
    let id_selected = id.clone();
    let id_click = id.clone();
    let (id_enter, id_focus, id_hl) = (id.clone(), id.clone(), id.clone());
    let is_highlighted = move || ctx.highlighted.with(|h| h.contains(&id_hl));
    let kind = p.kind_option().to_string();
    let year = p.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into());
    let is_selected = Signal::derive(move || ctx.url.state.with(|s| s.pair.as_deref() == Some(id_selected.as_str())));
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
            <button
                type="button"
                class="pair-item"
                aria-pressed=move || is_selected.get().to_string()
                aria-label=pair_sentence(&ds, p, lang)
                on:click=move |_| ctx.select(Some(id_click.clone()))
            >
                <span class=format!("kind-swatch kind-swatch--{kind}") aria-hidden="true"></span>
                <span class="pair-item-title">{pair_title(&ds, p, lang)}</span>
                <span class="pair-item-year">{year}</span>
            </button>
        </li>
    }
}
