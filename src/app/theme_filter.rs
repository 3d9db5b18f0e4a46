//! `ThemeFilter`: the themes of cooperation, from the dataset's vocabulary.

use leptos::prelude::*;

use super::context::use_explore;
use super::facet_option::FacetOption;
use crate::domain::i18n::{t, Msg};

/// One checkbox per theme that at least one partnership carries.
#[component]
pub fn ThemeFilter() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let options = ds
        .themes_in_use()
        .into_iter()
        .map(|theme| {
            let id = theme.id.clone();
            let label = theme.label.clone();
            let (id_count, id_checked, id_toggle) = (id.clone(), id.clone(), id.clone());
            view! {
                <FacetOption
                    facet="theme"
                    id=id
                    label=Signal::derive(move || label.get(ctx.lang.get()).to_string())
                    count=Signal::derive(move || ctx.counts.with(|c| c.themes.get(&id_count).copied().unwrap_or(0)))
                    checked=Signal::derive(move || ctx.url.state.with(|s| s.filters.themes.contains(&id_checked)))
                    on_toggle=move |on| {
                        let id = id_toggle.clone();
                        ctx.url.update(|s| {
                            if on { s.filters.themes.insert(id); } else { s.filters.themes.remove(&id); }
                        })
                    }
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet facet-group">
            <legend><h3>{move || t(ctx.lang.get(), Msg::Theme)}</h3></legend>
            <ul class="facet-options facet-options--columns">{options}</ul>
        </fieldset>
    }
}
