//! `KindFilter`: what kind of agreement was signed, or where a pair stands (exchange, plan).

use leptos::prelude::*;

use super::context::use_explore;
use super::facet_option::FacetOption;
use crate::domain::describe::kind_option_label;
use crate::domain::i18n::{t, Msg};

/// One checkbox per agreement kind, "unknown kind", "exchange" and "planned". Agreements are
/// ticked by default; exchanges and plans only when asked for (`kind=` in the URL).
#[component]
pub fn KindFilter() -> impl IntoView {
    let ctx = use_explore();
    let options = ctx.ds.with_value(|d| d.kind_options());
    let rows = options
        .into_iter()
        .map(|option| {
            let (o_label, o_count, o_checked, o_toggle) = (option.clone(), option.clone(), option.clone(), option.clone());
            view! {
                <FacetOption
                    facet="kind"
                    id=option.clone()
                    label=Signal::derive(move || ctx.ds.with_value(|d| kind_option_label(d, &o_label, ctx.lang.get())))
                    count=Signal::derive(move || ctx.counts.with(|c| c.kinds.get(&o_count).copied().unwrap_or(0)))
                    checked=Signal::derive(move || ctx.url.state.with(|s| ctx.ds.with_value(|d| s.filters.kind_selected(d, &o_checked))))
                    on_toggle=move |on| {
                        ctx.url.update(|s| {
                            let mut kinds = ctx.ds.with_value(|d| s.filters.kinds_or_default(d));
                            if on { kinds.insert(o_toggle.clone()); } else { kinds.remove(&o_toggle); }
                            // Back to the default set: leave `kind=` out of the URL.
                            let default = ctx.ds.with_value(|d| crate::domain::Filters::default().kinds_or_default(d));
                            s.filters.kinds = (kinds != default).then_some(kinds);
                        })
                    }
                    swatch=option
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet facet-group">
            <legend><h3>{move || t(ctx.lang.get(), Msg::KindStatus)}</h3></legend>
            <ul class="facet-options">{rows}</ul>
        </fieldset>
    }
}
