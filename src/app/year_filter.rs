//! `YearFilter`: the year range of the first agreement, and whether unknown years count.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};

/// Two year fields bounded by the data's years, and the "include unknown year" switch (on by
/// default: six of the twelve flyer pairs have no known year).
#[component]
pub fn YearFilter() -> impl IntoView {
    let ctx = use_explore();
    let (min, max) = ctx.ds.with_value(|d| d.year_span()).unwrap_or((1950, 2030));
    let parse = |value: String| value.trim().parse::<i32>().ok();
    let year_field = move |which: Msg, id: &'static str| {
        let get = move || ctx.url.state.with(|s| if which == Msg::From { s.filters.from } else { s.filters.to });
        view! {
            <label class="year-field" for=id>
                <span>{move || t(ctx.lang.get(), which)}</span>
                <input
                    type="number"
                    id=id
                    inputmode="numeric"
                    min=min
                    max=max
                    step="1"
                    placeholder=if which == Msg::From { min.to_string() } else { max.to_string() }
                    prop:value=move || get().map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        let year = parse(event_target_value(&ev));
                        ctx.url.update(|s| {
                            if which == Msg::From { s.filters.from = year } else { s.filters.to = year }
                            // Keep the range the right way round whatever order the fields are typed in.
                            if let (Some(f), Some(t)) = (s.filters.from, s.filters.to) {
                                if f > t {
                                    s.filters.from = Some(t);
                                    s.filters.to = Some(f);
                                }
                            }
                        });
                    }
                />
            </label>
        }
    };
    view! {
        <fieldset class="facet facet-group">
            <legend><h3>{move || t(ctx.lang.get(), Msg::Years)}</h3></legend>
            <div class="year-range">
                {year_field(Msg::From, "year-from")}
                {year_field(Msg::To, "year-to")}
            </div>
            <ul class="facet-options">
                <li class="facet-option">
                    <input
                        type="checkbox"
                        id="include-unknown"
                        prop:checked=move || ctx.url.state.with(|s| s.filters.include_unknown_year)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ctx.url.update(|s| s.filters.include_unknown_year = on);
                        }
                    />
                    <label for="include-unknown">
                        <span class="facet-label">{move || t(ctx.lang.get(), Msg::IncludeUnknownYear)}</span>
                        <span class="facet-count">{move || ctx.counts.with(|c| c.unknown_year).to_string()}</span>
                    </label>
                </li>
            </ul>
        </fieldset>
    }
}
