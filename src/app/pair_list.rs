//! `PairList`: the visible partnerships as a list, the map's twin for every user.

use leptos::prelude::*;

use super::context::{use_explore, Hover};
use crate::domain::describe::{pair_sentence, pair_title};
use crate::domain::i18n::{t, Msg};

/// One `li[data-pair-id]` per visible partnership; choosing one selects it and focuses the map.
#[component]
pub fn PairList() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    move || {
        let lang = ctx.lang.get();
        let visible = ctx.visible.get();
        if visible.is_empty() {
            return view! { <p class="empty-list">{t(lang, Msg::NoMatch)}</p> }.into_any();
        }
        let items = visible
            .into_iter()
            .map(|i| {
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
            })
            .collect_view();
        view! { <ul class="pair-list">{items}</ul> }.into_any()
    }
}
