//! `MapView`: hosts the map seam and keeps it in step with the filters, the selection, what is
//! hovered, what covers the map, and the language.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

use super::context::{use_explore, Hover};
use crate::domain::describe::authority_names;
use crate::domain::first_view;
use crate::domain::i18n::{t, Msg};
use crate::domain::{Dataset, Lang, View};
use crate::map::{Callbacks, Layout, LinkSpec, MarkerSpec, PartnershipMap, Pick, Reframe, Words};


/// Every located authority as the map draws it, named in `lang` (the names and labels the
/// build writes for the first view too: `domain::first_view`).
fn marker_specs(ds: &Dataset, lang: Lang) -> Vec<MarkerSpec> {
    first_view::markers(ds)
        .map(|(a, [lat, lng])| MarkerSpec {
            id: a.id.clone(),
            at: crate::domain::dataset::LatLng { lat, lng },
            country: a.country,
            label: first_view::marker_label(ds, a, lang),
            name: authority_names(a, lang).0,
            rank: first_view::rank(a),
        })
        .collect()
}

/// Every drawable partnership, named in `lang`.
fn link_specs(ds: &Dataset, lang: Lang) -> Vec<LinkSpec> {
    first_view::links(ds)
        .map(|(p, k, f)| LinkSpec {
            id: p.id.clone(),
            french: f.id.clone(),
            korean: k.id.clone(),
            kind: p.kind_option().to_string(),
            label: first_view::link_label(ds, p, lang),
        })
        .collect()
}

/// The Leaflet map(s). Creates the seam once, then only tells it which ids to show, select and
/// highlight, how to frame them, and in which language to name them.
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
    // Outlines missing or refused (src/app/app.rs): the map is drawn without land, and says so.
    let land_missing = basemap.is_none();
    let node = NodeRef::<leptos::html::Div>::new();
    let seam: StoredValue<Option<PartnershipMap>, LocalStorage> = StoredValue::new_local(None);
    let created = RwSignal::new(false);
    let groups_by_set = StoredValue::new(HashMap::new());

    // Cleared when the view goes (a view switch) before the task below has made the map.
    let alive = Arc::new(AtomicBool::new(true));
    let alive_at_cleanup = Arc::clone(&alive);
    on_cleanup(move || alive_at_cleanup.store(false, Ordering::Relaxed));

    let create = move |el: leptos::web_sys::HtmlDivElement| {
        let ds = ctx.dataset();
        let lang = ctx.lang.get_untracked();
        let basemap_js = basemap
            .as_deref()
            .and_then(|text| js_sys::JSON::parse(text).ok())
            .unwrap_or(wasm_bindgen::JsValue::NULL);
        let on_pick = move |pick: Pick| match pick {
            Pick::Pair(id) => ctx.select(Some(id)),
            // An authority with one partnership on the map opens it; with several, its card
            // lists them all.
            Pick::Authority(id) => match ctx.visible_of(&id).as_slice() {
                [one] => {
                    let pair = ctx.dataset().partnerships[*one].id.clone();
                    ctx.select(Some(pair));
                }
                _ => ctx.select_place(Some(id)),
            },
        };
        let on_hover = move |pick: Option<Pick>| {
            ctx.hovered.set(pick.map(|p| match p {
                Pick::Pair(id) => Hover::Pair(id),
                Pick::Authority(id) => Hover::Authority(id),
            }))
        };
        let layout = match view {
            View::World => Layout::World,
            View::Twin => Layout::Twin { stacked: crate::map::stacked_twin(ctx.url.state.with_untracked(super::embedded)) },
        };
        let callbacks = Callbacks {
            on_pick: Rc::new(on_pick),
            on_hover: Rc::new(on_hover),
            words: Rc::new(RefCell::new(Words::of(lang))),
            on_groups: Rc::new(move |set, any| {
                groups_by_set.update_value(|g: &mut HashMap<&'static str, bool>| {
                    g.insert(set, any);
                });
                let any = groups_by_set.with_value(|g| g.values().any(|&b| b));
                if grouped.get_untracked() != any {
                    grouped.set(any);
                }
            }),
            touch_targets: ctx.url.state.with_untracked(super::kiosk_mode),
        };
        let mut map = match PartnershipMap::new(&el, layout, &basemap_js, callbacks) {
            Ok(m) => m,
            Err(e) => {
                leptos::logging::error!("the map could not be created: {e:?}");
                return;
            }
        };
        map.set_data(&marker_specs(&ds, lang), &link_specs(&ds, lang));
        if ctx.url.state.with_untracked(super::embedded) {
            map.hold_wheel_until_used(&el);
        }
        seam.set_value(Some(map));
    };
    // The map is made in a task of its own, after the one that built the page around it, and
    // what it shows is drawn and framed in the task after that: at start on a phone's CPU (×4)
    // the three were one task of 300–400 ms, the longest of the start, which Lighthouse counts
    // as blocking time; apart, 95–140 ms (both Leaflet maps and their data) and 70–95 ms.
    node.on_load(move |el| {
        let alive = Arc::clone(&alive);
        leptos::task::spawn_local(async move {
            super::next_task().await;
            if !alive.load(Ordering::Relaxed) {
                return;
            }
            create(el);
            // And what it shows, framed, in the task after.
            super::next_task().await;
            if alive.load(Ordering::Relaxed) {
                created.set(true);
            }
        });
    });

    // The ids the map marks as selected, and keeps in its frame.
    let marked_ids = move || {
        let ds = ctx.dataset();
        // A selected pair the filters hide is not framed: what is shown is.
        let visible = ctx.visible.get();
        ctx.marked.get().into_iter().filter(|&i| ds.is_drawable_at(i) && visible.contains(&i)).map(|i| ds.partnerships[i].id.clone()).collect::<Vec<String>>()
    };

    // Which links and markers are on the map follows the filters; each change frames them
    // again, as a fresh page with the same address would (even a map moved by hand).
    let first_show = StoredValue::new(true);
    Effect::new(move |_| {
        if !created.get() {
            return;
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
        // Only the filters re-run this: a new selection frames with `Keep` (below).
        let include = untrack(marked_ids);
        let include: Vec<&str> = include.iter().map(String::as_str).collect();
        seam.update_value(|m| {
            if let Some(m) = m {
                // This map's first show is framed before it is shown (`PartnershipMap::preframe`).
                if first_show.get_value() {
                    first_show.set_value(false);
                    m.preframe(&links, &markers);
                }
                m.show(&links, &markers);
                m.frame(Reframe::All, &include);
            }
        });
        drawn.set(true);
    });

    // The selection (a pair, or an authority's pairs) is marked and kept in the frame, clear of
    // the card that opens for it; closing the card frames what is shown again. A map moved by
    // hand keeps its frame, only brought to the selection if it is out of view.
    Effect::new(move |_| {
        if !created.get() {
            return;
        }
        let ids = marked_ids();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        seam.update_value(|m| {
            if let Some(m) = m {
                m.select(&ids);
                m.frame(Reframe::Keep, &ids);
            }
        });
    });

    // Something over the map opened, closed or changed size (the legend): frame around it.
    Effect::new(move |previous: Option<u32>| {
        let n = ctx.covers.get();
        if created.get() && previous.is_some_and(|p| p != n) {
            let ids = marked_ids();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            seam.with_value(|m| {
                if let Some(m) = m {
                    m.frame(Reframe::Keep, &ids);
                }
            });
        }
        n
    });

    // Asked for an overview (a kiosk's Home key): frame everything shown.
    Effect::new(move |previous: Option<u32>| {
        let n = ctx.overview.get();
        if created.get() && previous.is_some_and(|p| p != n) {
            let ids = marked_ids();
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            seam.with_value(|m| {
                if let Some(m) = m {
                    m.frame(Reframe::All, &ids);
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

    // A language change names everything on the map anew, without rebuilding it.
    Effect::new(move |previous: Option<Lang>| {
        let lang = ctx.lang.get();
        if created.get() && previous.is_some_and(|p| p != lang) {
            let ds = ctx.dataset();
            let (markers, links) = (marker_specs(&ds, lang), link_specs(&ds, lang));
            seam.update_value(|m| {
                if let Some(m) = m {
                    m.relabel(&markers, &links, Words::of(lang));
                }
            });
        }
        lang
    });

    on_cleanup(move || seam.set_value(None));

    view! {
        <div
            class="map"
            data-view=view.id()
            node_ref=node
            role="region"
            aria-label=move || t(ctx.lang.get(), Msg::MapLabel)
        >
            {land_missing.then(|| view! { <p class="map-note" role="status">{move || t(ctx.lang.get(), Msg::NoLand)}</p> })}
        </div>
    }
}
