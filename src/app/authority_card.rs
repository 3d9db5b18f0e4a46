//! `AuthorityCard`: an authority chosen on the map (`place=`) and every partnership it has, each
//! one a button that opens its card. A marker stands for all its authority's partnerships, not
//! only the first one found (Daejeon has Nice and Grenoble).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_explore;
use crate::domain::describe::{authority_label, authority_name_langs, authority_names, pair_kind_label};
use crate::domain::i18n::{partnership_count_text, t, Msg};
use crate::domain::order::in_order;

/// Moves the keyboard focus to the authority's card (after its pair's card closed).
pub fn focus_authority_card() {
    if let Ok(Some(el)) = document().query_selector(".authority-card h2") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The card of the selected authority, while no pair's card is open; Escape or the close button
/// closes it.
#[component]
pub fn AuthorityCard() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        // A pair's card open over it closes first (it marks the key as handled).
        if ev.key() == "Escape" && !ev.default_prevented() && ctx.selected.get_untracked().is_none() && ctx.place.get_untracked().is_some() {
            ev.prevent_default();
            ctx.select_place(None);
        }
    });
    on_cleanup(move || listener.remove());

    move || {
        if ctx.selected.get().is_some() {
            return None;
        }
        let id = ctx.place.get()?;
        let lang = ctx.lang.get();
        let a = ds.authority(&id)?;
        let (name, other) = authority_names(a, lang);
        let (name_lang, other_lang) = authority_name_langs(a, lang);
        let tier = ds.tier_of(a).map(|t| t.name.get(lang).to_string());
        let region = ds.region(&a.region).map(|r| r.name.get(lang).to_string());
        let facts: Vec<String> = tier.into_iter().chain(region).collect();
        // Its partnerships in the list's order: those the filters show first.
        let visible = ctx.visible.get();
        let own: Vec<usize> = ds.partnerships.iter().enumerate().filter(|(_, p)| p.korean == id || p.french == id).map(|(i, _)| i).collect();
        let own = ctx.ranks.with(|r| in_order(&own, r));
        let pairs: Vec<(usize, bool)> = own.iter().filter(|i| visible.contains(i)).map(|&i| (i, true)).chain(own.iter().filter(|i| !visible.contains(i)).map(|&i| (i, false))).collect();
        let shown = pairs.iter().filter(|(_, s)| *s).count();
        let items = pairs
            .into_iter()
            .map(|(i, is_shown)| {
                let p = &ds.partnerships[i];
                let partner = if p.korean == id { &p.french } else { &p.korean };
                let partner = ds.authority(partner).map(|a| authority_label(a, lang)).unwrap_or_else(|| partner.clone());
                let kind = pair_kind_label(&ds, p, lang);
                let year = p.year.map(|y| y.to_string()).unwrap_or_else(|| t(lang, Msg::YearUnknown).to_string());
                let pair_id = p.id.clone();
                view! {
                    <li data-pair-id=p.id.clone() class:is-hidden-by-filters=!is_shown>
                        <button type="button" class="authority-pair" on:click=move |_| ctx.select(Some(pair_id.clone()))>
                            <span class=format!("kind-swatch kind-swatch--{}", p.kind_option()) aria-hidden="true"></span>
                            <span class="authority-pair-name">"↔ "{partner}</span>
                            <span class="authority-pair-facts">{kind}" · "{year}</span>
                            {(!is_shown).then(|| view! { <span class="authority-pair-hidden">{t(lang, Msg::HiddenByFiltersShort)}</span> })}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <article class="pair-card authority-card" data-covers-map="" aria-labelledby="authority-card-title" data-authority-id=id.clone()>
                <header class="pair-card-header">
                    <h2 id="authority-card-title" tabindex="-1">
                        <span class="name-primary" lang=(name_lang != lang.code()).then_some(name_lang)>{name}</span>
                        {other.map(|o| view! { " " <span class="name-secondary" lang=other_lang>{o}</span> })}
                    </h2>
                    <button type="button" class="close-button" aria-label=t(lang, Msg::Close) on:click=move |_| ctx.select_place(None)>"×"</button>
                </header>
                <div class="authority-card-body">
                    <p class="authority-card-facts">{facts.join(" · ")}" — "{partnership_count_text(lang, shown)}</p>
                    <ul class="authority-pairs" aria-label=t(lang, Msg::Partnerships)>{items}</ul>
                </div>
            </article>
        })
    }
}
