//! `RegionFilter`: French régions and Korean province-level regions (ISO 3166-2).

use leptos::prelude::*;

use super::context::use_explore;
use super::facet_option::{facet_options, Facet};
use crate::domain::i18n::{t, Msg};
use crate::domain::Country;

const REGION: Facet = Facet {
    name: "region",
    counts: |c| &c.regions,
    selection: |s| &s.filters.regions,
    selection_mut: |s| &mut s.filters.regions,
};

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
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect();
        view! {
            <fieldset class="facet">
                <legend>{move || t(ctx.lang.get(), heading)}</legend>
                <ul class="facet-options">{facet_options(REGION, options)}</ul>
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
