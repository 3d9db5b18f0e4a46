//! `ThemeFilter`: the themes of cooperation, from the dataset's vocabulary.

use leptos::prelude::*;

use super::context::use_explore;
use super::facet_option::{facet_options, Facet};
use crate::domain::i18n::{t, Msg};

const THEME: Facet = Facet {
    name: "theme",
    counts: |c| &c.themes,
    selection: |s| &s.filters.themes,
    selection_mut: |s| &mut s.filters.themes,
};

/// One checkbox per theme that at least one partnership carries.
#[component]
pub fn ThemeFilter() -> impl IntoView {
    let ctx = use_explore();
    let options = ctx.ds.with_value(|d| d.themes_in_use().into_iter().map(|th| (th.id.clone(), th.label.clone())).collect());
    view! {
        <fieldset class="facet facet-group">
            <legend><h3>{move || t(ctx.lang.get(), Msg::Theme)}</h3></legend>
            <ul class="facet-options facet-options--columns">{facet_options(THEME, options)}</ul>
        </fieldset>
    }
}
