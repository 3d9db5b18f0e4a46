//! `FacetOption`: one checkbox of a multi-select facet, with its count.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::{FacetCounts, Localized, UrlState};

/// Which multi-select facet: how to read its counts and its selection in the URL state.
#[derive(Clone, Copy)]
pub struct Facet {
    pub name: &'static str,
    pub counts: fn(&FacetCounts) -> &BTreeMap<String, usize>,
    pub selection: fn(&UrlState) -> &BTreeSet<String>,
    pub selection_mut: fn(&mut UrlState) -> &mut BTreeSet<String>,
}

/// One [`FacetOption`] per `(id, label)`, wired to the explorer's counts and URL state.
pub fn facet_options(facet: Facet, options: Vec<(String, Localized)>) -> impl IntoView {
    let ctx = use_explore();
    options
        .into_iter()
        .map(|(id, label)| {
            let (id_count, id_checked, id_toggle) = (id.clone(), id.clone(), id.clone());
            view! {
                <FacetOption
                    facet=facet.name
                    id=id
                    label=Signal::derive(move || label.get(ctx.lang.get()).to_string())
                    count=Signal::derive(move || ctx.counts.with(|c| (facet.counts)(c).get(&id_count).copied().unwrap_or(0)))
                    checked=Signal::derive(move || ctx.url.state.with(|s| (facet.selection)(s).contains(&id_checked)))
                    on_toggle=move |on| {
                        let id = id_toggle.clone();
                        ctx.url.update(|s| {
                            let selected = (facet.selection_mut)(s);
                            if on { selected.insert(id); } else { selected.remove(&id); }
                        })
                    }
                />
            }
        })
        .collect_view()
}

/// A labelled checkbox showing how many partnerships the option gives. Options that would give
/// none stay visible (so the list does not jump) but are marked empty.
#[component]
pub fn FacetOption(
    /// Which facet (`region`, `theme`): used for the input's name.
    facet: &'static str,
    /// The option's id (`FR-IDF`, `culture`).
    id: String,
    /// The label in the interface language.
    label: Signal<String>,
    /// How many partnerships the option would give with the other facets as they are.
    count: Signal<usize>,
    /// Whether the option is selected.
    checked: Signal<bool>,
    /// Called with the new checked state.
    on_toggle: impl Fn(bool) + Send + Sync + 'static,
    /// A line sample of this style (`pm-link--<swatch>`) before the label, as in the legend.
    #[prop(optional, into)]
    swatch: Option<String>,
) -> impl IntoView {
    let input_id = format!("{facet}-{id}");
    let lang = super::context::use_explore().lang;
    let swatch = swatch.map(|s| view! { <span class=format!("kind-swatch kind-swatch--{s}") aria-hidden="true"></span> });
    view! {
        <li class="facet-option" class:is-empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                id=input_id.clone()
                name=facet
                value=id
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle(event_target_checked(&ev))
            />
            <label for=input_id>
                {swatch}
                <span class="facet-label">{move || label.get()}</span>
                <span class="facet-count">{move || crate::domain::i18n::format_number(lang.get(), count.get() as u64)}</span>
            </label>
        </li>
    }
}
