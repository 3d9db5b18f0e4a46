//! `RegionFilter`: French régions and Korean province-level regions (ISO 3166-2).

use leptos::prelude::*;

use super::context::use_explore;
use super::facet_option::FacetOption;
use crate::domain::i18n::{t, Msg};
use crate::domain::Country;

/// Two groups of checkboxes, France then Korea, listing the regions the data touches.
#[component]
pub fn RegionFilter() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let group = move |country: Country, heading: Msg| {
        let options = ds
            .regions_in_use()
            .into_iter()
            .filter(|r| r.country == country)
            .map(|r| {
                let id = r.id.clone();
                let name = r.name.clone();
                let (id_count, id_checked, id_toggle) = (id.clone(), id.clone(), id.clone());
                view! {
                    <FacetOption
                        facet="region"
                        id=id
                        label=Signal::derive(move || name.get(ctx.lang.get()).to_string())
                        count=Signal::derive(move || ctx.counts.with(|c| c.regions.get(&id_count).copied().unwrap_or(0)))
                        checked=Signal::derive(move || ctx.url.state.with(|s| s.filters.regions.contains(&id_checked)))
                        on_toggle=move |on| {
                            let id = id_toggle.clone();
                            ctx.url.update(|s| {
                                if on { s.filters.regions.insert(id); } else { s.filters.regions.remove(&id); }
                            })
                        }
                    />
                }
            })
            .collect_view();
        view! {
            <fieldset class="facet">
                <legend>{move || t(ctx.lang.get(), heading)}</legend>
                <ul class="facet-options">{options}</ul>
            </fieldset>
        }
    };
    view! {
        <div class="facet-group" role="group" aria-labelledby="region-heading">
            <h3 id="region-heading">{move || t(ctx.lang.get(), Msg::Region)}</h3>
            {group(Country::France, Msg::France)}
            {group(Country::Korea, Msg::Korea)}
        </div>
    }
}
