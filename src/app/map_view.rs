//! `MapView`: hosts the map seam and keeps it in step with the filters, the selection and what
//! is hovered.

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::context::{use_explore, Hover};
use crate::domain::describe::{authority_label, pair_kind_label, pair_title};
use crate::domain::i18n::{group_label, t, zoom_labels, Msg};
use crate::domain::View;
use crate::map::{Callbacks, Layout, LinkSpec, MarkerSpec, PartnershipMap, Pick};

/// The Leaflet map(s). Creates the seam once, then only tells it which ids to show, select and
/// highlight.
#[component]
pub fn MapView(
    /// GeoJSON text of the country outlines, when it could be fetched.
    basemap: Option<Arc<str>>,
    /// Set once the visible partnerships are drawn.
    drawn: RwSignal<bool>,
    /// Whether the map now draws group markers (crowds too close to tell apart).
    grouped: RwSignal<bool>,
    /// Twin (side by side, stacked on a phone) or world.
    view: View,
) -> impl IntoView {
    let ctx = use_explore();
    let node = NodeRef::<leptos::html::Div>::new();
    let seam: StoredValue<Option<PartnershipMap>, LocalStorage> = StoredValue::new_local(None);
    let created = RwSignal::new(false);
    let groups_by_set = StoredValue::new(HashMap::new());
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
        let on_hover = move |pick: Option<Pick>| {
            ctx.hovered.set(pick.map(|p| match p {
                Pick::Pair(id) => Hover::Pair(id),
                Pick::Authority(id) => Hover::Authority(id),
            }))
        };
        let layout = match view {
            View::World => Layout::World,
            View::Twin => Layout::Twin { stacked: !super::wide_screen() },
        };
        let callbacks = Callbacks {
            on_pick: Rc::new(on_pick),
            on_hover: Rc::new(on_hover),
            group_label: Rc::new(move |n| group_label(lang, n)),
            zoom_labels: Rc::new(move |country| zoom_labels(lang, country)),
            on_groups: Rc::new(move |set, any| {
                groups_by_set.update_value(|g: &mut HashMap<&'static str, bool>| {
                    g.insert(set, any);
                });
                let any = groups_by_set.with_value(|g| g.values().any(|&b| b));
                if grouped.get_untracked() != any {
                    grouped.set(any);
                }
            }),
            touch_targets: ctx.url.state.with_untracked(|s| s.kiosk),
        };
        let mut map = match PartnershipMap::new(&el, layout, &basemap_js, callbacks) {
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
        let links: Vec<LinkSpec> = ds
            .partnerships
            .iter()
            // Only pairs with both ends on the map can be drawn.
            .filter(|p| ds.is_drawable(p))
            .filter_map(|p| {
                let (k, f) = ds.ends(p)?;
                Some(LinkSpec {
                    id: p.id.clone(),
                    french: f.id.clone(),
                    korean: k.id.clone(),
                    kind: p.kind_option().to_string(),
                    // The kind in words too: a line's colour is never the only way to tell it.
                    label: format!("{} — {}", pair_title(&ds, p, lang), pair_kind_label(&ds, p, lang)),
                })
            })
            .collect();
        map.set_data(&markers, &links);
        if ctx.url.state.with_untracked(|s| s.embed) {
            map.hold_wheel_until_used(&el);
        }
        seam.set_value(Some(map));
        created.set(true);
    });

    // Which links and markers are on the map follows the filters.
    Effect::new(move |previous: Option<bool>| {
        if !created.get() {
            return false;
        }
        let ds = ctx.dataset();
        let visible = ctx.visible.get();
        // A drawn link brings its two ends; the ends of a pair that cannot be drawn (one has no
        // place) are shown on their own.
        let mut links = Vec::with_capacity(visible.len());
        let mut markers = Vec::new();
        for i in visible {
            let p = &ds.partnerships[i];
            if ds.is_drawable_at(i) {
                links.push(p.id.as_str());
            } else {
                markers.push(p.korean.as_str());
                markers.push(p.french.as_str());
            }
        }
        seam.update_value(|m| {
            if let Some(m) = m {
                m.show(&links, &markers);
                // The first time, frame what is shown.
                if previous != Some(true) {
                    m.fit_all();
                }
            }
        });
        drawn.set(true);
        true
    });

    // The selection is highlighted; chosen elsewhere than on the map, the map also moves to it.
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
                    let bottom = match node.get_untracked() {
                        Some(el) if super::wide_screen() => el.client_height() as f64 * 0.5,
                        _ => 0.0,
                    };
                    m.focus_pair(&p.id, !crate::map::prefers_reduced_motion(), bottom);
                }
            }
        });
    });

    // Asked for an overview (a kiosk's Home key): frame everything shown.
    Effect::new(move |previous: Option<u32>| {
        let n = ctx.overview.get();
        if created.get() && previous.is_some_and(|p| p != n) {
            seam.with_value(|m| {
                if let Some(m) = m {
                    m.fit_all();
                }
            });
        }
        n
    });

    // Hovering or focusing a line, a marker or a list item highlights the pair and its ends.
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let pairs = ctx.highlighted.get();
        seam.update_value(|m| {
            if let Some(m) = m {
                m.highlight(&pairs);
            }
        });
    });

    on_cleanup(move || seam.set_value(None));

    view! {
        <div
            class="map"
            data-view=view.id()
            node_ref=node
            role="region"
            aria-label=move || t(ctx.lang.get(), Msg::MapLabel)
        ></div>
    }
}
