//! `TiersPanel`: the French and Korean local administrations side by side.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::dataset::Tier;
use crate::domain::i18n::{format_date, format_number, t, Msg};
use crate::domain::{Country, Dataset, Lang};

fn tier_card(ds: &Dataset, tier: &Tier, lang: Lang) -> impl IntoView {
    let compared: Vec<String> = tier.compare_with.iter().filter_map(|id| ds.tier(id)).map(|o| o.name.get(lang).to_string()).collect();
    let count = tier.count.as_ref().map(|c| {
        let note = c.note.as_ref().map(|n| format!(" — {}", n.get(lang))).unwrap_or_default();
        format!("{} ({}){note}", format_number(lang, c.value), format_date(lang, c.as_of))
    });
    let sources = tier
        .sources
        .iter()
        .map(|s| match s.url.clone() {
            Some(url) => view! { <li><a href=url target="_blank" rel="noopener noreferrer">{s.title.clone()}</a></li> }.into_any(),
            None => view! { <li>{s.title.clone()}</li> }.into_any(),
        })
        .collect_view();
    view! {
        <article class="tier" data-tier-id=tier.id.clone()>
            <h4>{tier.name.get(lang).to_string()}</h4>
            {count.map(|c| view! { <p class="tier-count">{c}</p> })}
            <p>{tier.description.get(lang).to_string()}</p>
            {(!compared.is_empty()).then(|| view! { <p class="tier-compare"><strong>{t(lang, Msg::ComparedWith)}": "</strong>{compared.join(", ")}</p> })}
            <details class="tier-sources"><summary>{t(lang, Msg::Sources)}</summary><ul class="sources">{sources}</ul></details>
        </article>
    }
}

/// Two columns of tiers, France and Korea, highest tier first, each with its sources.
#[component]
pub fn TiersPanel() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    move || {
        let lang = ctx.lang.get();
        let column = |country: Country, heading: Msg| {
            let mut tiers: Vec<&Tier> = ds.tiers.iter().filter(|t| t.country == country).collect();
            tiers.sort_by_key(|t| t.order);
            let cards = tiers.into_iter().map(|tier| tier_card(&ds, tier, lang)).collect_view();
            view! { <section class=format!("tiers-column tiers-column--{}", country.code().to_ascii_lowercase())><h3>{t(lang, heading)}</h3>{cards}</section> }
        };
        view! {
            <div class="tiers-panel">
                <p class="panel-intro">{t(lang, Msg::AdministrationsIntro)}</p>
                <div class="tiers-columns">
                    {column(Country::France, Msg::France)}
                    {column(Country::Korea, Msg::Korea)}
                </div>
            </div>
        }
    }
}
