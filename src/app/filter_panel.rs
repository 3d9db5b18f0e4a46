//! `FilterPanel`: region, kind/status, theme and year filters, and "clear filters".

use leptos::prelude::*;

use super::context::use_explore;
use super::kind_filter::KindFilter;
use super::region_filter::RegionFilter;
use super::search_box::SearchBox;
use super::theme_filter::ThemeFilter;
use super::year_filter::YearFilter;
use crate::domain::i18n::{t, Msg};
use crate::domain::Filters;

/// A drawer: open on wide screens, closed at first on a phone so the map comes first.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let ctx = use_explore();
    // Open beside a wide map; a closed drawer on a phone and in an embedded map.
    let wide = super::wide_screen() && !ctx.url.state.with_untracked(|s| s.embed);
    let is_default = move || ctx.url.state.with(|s| s.filters.is_default());
    view! {
        <SearchBox />
        <details class="filter-panel" open=wide>
            <summary><h2>{move || t(ctx.lang.get(), Msg::Filters)}</h2></summary>
            <RegionFilter />
            <KindFilter />
            <ThemeFilter />
            <YearFilter />
            <button
                type="button"
                class="button clear-filters"
                disabled=is_default
                on:click=move |_| ctx.url.update(|s| s.filters = Filters::default())
            >
                {move || t(ctx.lang.get(), Msg::ClearFilters)}
            </button>
        </details>
    }
}
