//! `MapView`: hosts the map seam and keeps it in step with the filters and the selection.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::describe::{authority_label, pair_title};
use crate::domain::geo::{curved_link, fan_bends};
use crate::domain::i18n::{t, Msg};
use crate::map::{LinkSpec, MarkerSpec, PartnershipMap, Pick};

/// How far links bow from the straight line, as a share of their length: fanned out between
/// these two so that parallel France–Korea links can be told apart and clicked.
const LINK_BEND: (f64, f64) = (0.03, 0.32);
const LINK_SEGMENTS: usize = 48;

fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The Leaflet map. Creates the seam once, then only tells it which ids to show and select.
#[component]
pub fn MapView(
    /// GeoJSON text of the country outlines, when it could be fetched.
    basemap: Option<Arc<str>>,
    /// Set once the visible partnerships are drawn.
    drawn: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_explore();
    let node = NodeRef::<leptos::html::Div>::new();
    let seam: StoredValue<Option<PartnershipMap>, LocalStorage> = StoredValue::new_local(None);
    let created = RwSignal::new(false);
    // A selection made on the map itself does not move the map.
    let picked_on_map = StoredValue::new(false);

    node.on_load(move |el| {
        let ds = ctx.dataset();
        let lang = ctx.lang.get_untracked();
        let basemap_js = basemap
            .as_deref()
            .and_then(|text| js_sys::JSON::parse(text).ok())
            .unwrap_or(wasm_bindgen::JsValue::NULL);
        let pick_ds = ds.clone();
        let on_pick = move |pick: Pick| {
            let pair = match pick {
                Pick::Pair(id) => Some(id),
                // A marker selects the first visible partnership of its authority.
                Pick::Authority(id) => ctx.visible.with_untracked(|v| {
                    v.iter()
                        .map(|&i| &pick_ds.partnerships[i])
                        .find(|p| p.korean == id || p.french == id)
                        .map(|p| p.id.clone())
                }),
            };
            if pair.is_some() {
                picked_on_map.set_value(true);
                ctx.select(pair);
            }
        };
        let mut map = match PartnershipMap::new(&el, &basemap_js, on_pick) {
            Ok(m) => m,
            Err(e) => {
                leptos::logging::error!("the map could not be created: {e:?}");
                return;
            }
        };
        let markers: Vec<MarkerSpec> = ds
            .authorities
            .iter()
            .filter_map(|a| {
                // "Séoul · 서울특별시 — Upper-level local government": the name, then the tier.
                let label = match ds.tier_of(a) {
                    Some(tier) => format!("{} — {}", authority_label(a, lang), tier.name.get(lang)),
                    None => authority_label(a, lang),
                };
                Some(MarkerSpec { id: a.id.clone(), at: a.location?, country: a.country, label })
            })
            .collect();
        let drawable: Vec<_> = ds
            .partnerships
            .iter()
            .filter_map(|p| {
                let (k, f) = ds.ends(p)?;
                Some((p, f.location?, k.location?))
            })
            .collect();
        let bends = fan_bends(&drawable.iter().map(|&(_, f, k)| (f, k)).collect::<Vec<_>>(), LINK_BEND.0, LINK_BEND.1);
        let links: Vec<LinkSpec> = drawable
            .iter()
            .zip(bends)
            .map(|(&(p, f, k), bend)| {
                LinkSpec {
                    id: p.id.clone(),
                    points: curved_link(f, k, bend, LINK_SEGMENTS),
                    kind: p.kind_option().to_string(),
                    label: pair_title(&ds, p, lang),
                }
            })
            .collect();
        map.set_markers(&markers);
        map.set_links(&links, |id| ds.partnership(id).map(|p| (p.korean.clone(), p.french.clone())));
        let all: Vec<_> = markers.iter().map(|m| m.at).collect();
        map.fit(&all, false, [32.0; 4]);
        seam.set_value(Some(map));
        created.set(true);
    });

    // Which links and markers are on the map follows the filters.
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let ds = ctx.dataset();
        let visible = ctx.visible.get();
        let mut links = HashSet::new();
        let mut markers = HashSet::new();
        for i in visible {
            let p = &ds.partnerships[i];
            links.insert(p.id.clone());
            markers.insert(p.korean.clone());
            markers.insert(p.french.clone());
        }
        seam.update_value(|m| {
            if let Some(m) = m {
                m.show(&links, &markers);
            }
        });
        drawn.set(true);
    });

    // The selection is highlighted; chosen from the list, the map also moves to it.
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let selected = ctx.selected.get();
        let ds = ctx.dataset();
        let pair = selected.map(|i| &ds.partnerships[i]);
        let from_map = picked_on_map.get_value();
        picked_on_map.set_value(false);
        seam.update_value(|m| {
            if let Some(m) = m {
                m.select(pair.map(|p| p.id.as_str()));
                if let (Some(p), false, true) = (pair, from_map, ctx.selected_visible.get_untracked()) {
                    // Leave room for the card, which covers the lower half of a wide map (on a
                    // phone it sits below the map instead).
                    let (_, h) = m.size();
                    let padding = if super::wide_screen() { [32.0, 32.0, 32.0, h * 0.5 + 16.0] } else { [24.0; 4] };
                    m.fit_link(&p.id, !prefers_reduced_motion(), padding);
                }
            }
        });
    });

    on_cleanup(move || seam.set_value(None));

    view! {
        <div
            class="map"
            node_ref=node
            role="region"
            aria-label=move || t(ctx.lang.get(), Msg::MapLabel)
        ></div>
    }
}
