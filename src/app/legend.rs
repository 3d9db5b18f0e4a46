//! `Legend`: what the marker shapes and line styles mean.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::describe::kind_option_label;
use crate::domain::i18n::{t, Msg};

/// Marker shapes per country and one line sample per "kind / status" option, in a band along
/// the bottom of the map, which the maps' frame leaves free (`data-covers-map`): it never hides
/// what it explains. Folded at first on a phone, in an embed (a small frame needs its map) and on
/// a kiosk (the card says the kind in words).
#[component]
pub fn Legend(
    /// Whether the map now draws group markers (crowds too close to tell apart at this zoom).
    grouped: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_explore();
    // Only the kinds the map shows now: a line style no line has explains nothing, and the band
    // stays short.
    let kinds = Memo::new(move |_| {
        ctx.ds.with_value(|d| {
            let shown: std::collections::HashSet<&str> = ctx.visible.with(|v| v.iter().map(|&i| d.partnerships[i].kind_option()).collect());
            d.kind_options().into_iter().filter(|k| shown.contains(k.as_str())).collect::<Vec<String>>()
        })
    });
    // Large datasets are drawn on a canvas, in groups and bundles (see `map::CANVAS_ABOVE`).
    let canvas = ctx.ds.with_value(|d| d.partnerships.iter().filter(|p| d.is_drawable(p)).count() > crate::map::CANVAS_ABOVE);
    let line = |class: String| {
        view! {
            <svg class="legend-line" width="36" height="10" aria-hidden="true">
                <line x1="2" y1="5" x2="34" y2="5" class=class />
            </svg>
        }
    };
    view! {
        <details
            class="legend"
            data-covers-map=""
            // Open where there is room for it: a desktop, and a pavilion's screen, where nobody hovers.
            open=super::desktop_screen() && !ctx.url.state.with_untracked(super::embedded)
            // Opened or folded: the maps are framed around it again.
            on:toggle=move |_| ctx.covers.update(|n| *n += 1)
        >
            <summary>{move || t(ctx.lang.get(), Msg::Legend)}</summary>
            <ul>
                <li><span class="legend-marker pm-marker--fr" aria-hidden="true"></span>{move || t(ctx.lang.get(), Msg::FrenchAuthority)}</li>
                <li><span class="legend-marker pm-marker--kr" aria-hidden="true"></span>{move || t(ctx.lang.get(), Msg::KoreanAuthority)}</li>
                <For
                    each=move || kinds.get()
                    key=|id| id.clone()
                    children=move |id| {
                        let (class, kind) = (format!("pm-link pm-link--{id}"), id.clone());
                        view! { <li data-kind=kind>{line(class)}{move || ctx.ds.with_value(|d| kind_option_label(d, &id, ctx.lang.get()))}</li> }
                    }
                />
                {move || (canvas || grouped.get()).then(|| view! {
                    <li><span class="legend-marker legend-group" aria-hidden="true">"3"</span>{move || t(ctx.lang.get(), Msg::LegendGroup)}</li>
                })}
                {canvas.then(|| view! {
                    <li>{line("pm-link legend-bundle".to_string())}{move || t(ctx.lang.get(), Msg::LegendBundle)}</li>
                })}
            </ul>
        </details>
    }
}
