//! `FilterPanel`: region, kind/status, theme and year filters, and "clear filters".

use leptos::prelude::*;

use super::context::use_explore;
use super::kind_filter::KindFilter;
use super::later::Later;
use super::region_filter::RegionFilter;
#[cfg(feature = "full")]
use super::search_box::SearchBox;
use super::theme_filter::ThemeFilter;
use super::year_filter::YearFilter;
use crate::domain::i18n::{count_text, show_results, t, Msg};
use crate::domain::Filters;

/// A column beside the map on a desktop; elsewhere a drawer (over the map on a tablet, above it
/// on a phone, in an embedded map), closed at first so the map comes first, its summary saying
/// what the filters give and a button at its foot closing it onto the results.
#[component]
pub fn FilterPanel() -> impl IntoView {
    let ctx = use_explore();
    let open = super::desktop_screen() && !ctx.url.state.with_untracked(super::embedded);
    let is_default = move || ctx.url.state.with(|s| s.filters.is_default());
    let total = ctx.ds.with_value(|d| d.partnerships.len());
    let shown = move || ctx.visible.with(Vec::len);
    let drawer = NodeRef::<leptos::html::Details>::new();
    let show = move |_| {
        if let Some(d) = drawer.get_untracked() {
            d.set_open(false);
        }
        super::card_sheet::scroll_to_map();
    };
    view! {
        // An embed searches by its address (`q=`) only.
        {full_only! { <SearchBox /> }}
        <details class="filter-panel" open=open node_ref=drawer>
            <summary>
                <h2>{move || t(ctx.lang.get(), Msg::Filters)}</h2>
                <span class="filter-count" aria-hidden="true">{move || count_text(ctx.lang.get(), shown(), total)}</span>
            </summary>
            <div class="filter-drawer">
                // The options scroll above the actions, which never cover one of them.
                // Its options are built in the task after the rest of the page (`Later`): closed
                // on a phone, in a column of the layout's width on a wider screen, nothing moves
                // when they come.
                <div class="filter-options">
                    <Later>
                        <RegionFilter />
                        <KindFilter />
                        <ThemeFilter />
                        <YearFilter />
                    </Later>
                </div>
                <div class="filter-actions">
                    <button
                        type="button"
                        class="button button--secondary clear-filters"
                        disabled=is_default
                        on:click=move |_| ctx.url.update(|s| s.filters = Filters::default())
                    >
                        {move || t(ctx.lang.get(), Msg::ClearFilters)}
                    </button>
                    <button type="button" class="button show-results" on:click=show>
                        {move || show_results(ctx.lang.get(), shown())}
                    </button>
                </div>
            </div>
        </details>
    }
}
