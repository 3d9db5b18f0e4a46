//! `Legend`: what the marker shapes and line styles mean.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};

/// Marker shapes per country and one line sample per agreement kind (and "unknown").
/// Folded at first on a phone, where it would hide the map.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = use_explore();
    let kinds: Vec<(String, crate::domain::Localized)> =
        ctx.ds.with_value(|d| d.agreement_kinds.iter().map(|k| (k.id.clone(), k.label.clone())).collect());
    let has_unknown = ctx.ds.with_value(|d| d.partnerships.iter().any(|p| p.kind.is_none()));
    let line = |class: String| {
        view! {
            <svg class="legend-line" width="36" height="10" aria-hidden="true">
                <line x1="2" y1="5" x2="34" y2="5" class=class />
            </svg>
        }
    };
    view! {
        <details class="legend" open=super::wide_screen()>
            <summary>{move || t(ctx.lang.get(), Msg::Legend)}</summary>
            <ul>
                <li><span class="legend-marker pm-marker--fr" aria-hidden="true"></span>{move || t(ctx.lang.get(), Msg::FrenchAuthority)}</li>
                <li><span class="legend-marker pm-marker--kr" aria-hidden="true"></span>{move || t(ctx.lang.get(), Msg::KoreanAuthority)}</li>
                {kinds
                    .into_iter()
                    .map(|(id, label)| view! {
                        <li>{line(format!("pm-link pm-link--{id}"))}{move || label.get(ctx.lang.get()).to_string()}</li>
                    })
                    .collect_view()}
                {has_unknown.then(|| view! {
                    <li>{line("pm-link pm-link--unknown".into())}{move || t(ctx.lang.get(), Msg::UnknownKind)}</li>
                })}
            </ul>
        </details>
    }
}
