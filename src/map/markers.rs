//! The authority markers of one Leaflet map: created once, shown and hidden by id, spread apart
//! when they would hide each other at the current zoom.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leaflet::{DivIconOptions, Map, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;

use super::{bindings, to_leaflet, toggle_class, Callbacks, MarkerSpec, Pick};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::spread_overlapping;

/// Markers closer than this (screen pixels) are moved apart onto a small ring.
const MIN_MARKER_DISTANCE: f64 = 34.0;

/// Shared (cheap to clone) so that map event handlers can re-spread the markers.
#[derive(Clone)]
pub struct MarkerSet(Rc<RefCell<Inner>>);

struct Inner {
    markers: HashMap<String, (Marker, Position)>,
    shown: HashSet<String>,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl MarkerSet {
    pub fn new() -> Self {
        MarkerSet(Rc::new(RefCell::new(Inner { markers: HashMap::new(), shown: HashSet::new(), closures: Vec::new() })))
    }

    pub fn add(&self, spec: &MarkerSpec, callbacks: &Callbacks) {
        self.0.borrow_mut().add(spec, callbacks);
    }

    pub fn show(&self, map: &Map, ids: &HashSet<String>, callbacks: &Callbacks) {
        self.0.borrow_mut().show(map, ids, callbacks);
    }

    pub fn spread(&self, map: &Map) {
        self.0.borrow().spread(map);
    }

    pub fn container_point(&self, map: &Map, id: &str) -> Option<(f64, f64)> {
        self.0.borrow().container_point(map, id)
    }

    pub fn shown_positions(&self) -> Vec<Position> {
        let inner = self.0.borrow();
        inner.shown.iter().filter_map(|id| inner.markers.get(id)).map(|(_, at)| *at).collect()
    }

    /// Where a marker is drawn now (after spreading), as coordinates.
    pub fn displayed(&self, id: &str) -> Option<Position> {
        let inner = self.0.borrow();
        let (marker, _) = inner.markers.get(id)?;
        let p = marker.get_lat_lng();
        Some(Position { lat: p.lat(), lng: p.lng() })
    }

    pub fn position(&self, id: &str) -> Option<Position> {
        self.0.borrow().markers.get(id).map(|(_, at)| *at)
    }

    pub fn set_class(&self, class: &str, on: impl Fn(&str) -> bool) {
        for (id, (m, _)) in &self.0.borrow().markers {
            toggle_class(bindings::layer_element(m), class, on(id));
        }
    }
}

impl Inner {
    fn listen(&mut self, target: &leaflet::Evented, event: &str, f: impl Fn() + 'static) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        target.on(event, closure.as_ref());
        self.closures.push(closure);
    }

    fn add(&mut self, spec: &MarkerSpec, callbacks: &Callbacks) {
        let class = match spec.country {
            Country::France => "pm-marker pm-marker--fr",
            Country::Korea => "pm-marker pm-marker--kr",
        };
        let icon_options = DivIconOptions::new();
        icon_options.set_class_name(class.to_string());
        // 24 px: the smallest pointer target WCAG 2.2 allows; the dot is 18 px (see the CSS).
        icon_options.set_icon_size(Point::new(24.0, 24.0));
        let options = MarkerOptions::new();
        options.set_icon(bindings::div_icon(&icon_options));
        options.set_title(spec.label.clone());
        options.set_alt(spec.label.clone());
        options.set_keyboard(true);
        options.set_rise_on_hover(true);
        let marker = Marker::new_with_options(&to_leaflet(spec.at), &options);
        let id = spec.id.clone();
        let (pick, hover) = (callbacks.on_pick.clone(), callbacks.on_hover.clone());
        let evented: &leaflet::Evented = &marker;
        // Leaflet fires "click" on Enter for a keyboard-focused marker too.
        self.listen(evented, "click", { let id = id.clone(); move || pick(Pick::Authority(id.clone())) });
        self.listen(evented, "mouseover", { let (id, hover) = (id.clone(), hover.clone()); move || hover(Some(Pick::Authority(id.clone()))) });
        self.listen(evented, "mouseout", { let hover = hover.clone(); move || hover(None) });
        self.markers.insert(spec.id.clone(), (marker, spec.at));
    }


    /// Shows exactly the markers of `ids` that belong to this set.
    fn show(&mut self, map: &Map, ids: &HashSet<String>, callbacks: &Callbacks) {
        let wanted: HashSet<String> = ids.iter().filter(|id| self.markers.contains_key(*id)).cloned().collect();
        for id in self.shown.difference(&wanted) {
            if let Some((m, _)) = self.markers.get(id) {
                m.remove();
            }
        }
        let added: Vec<String> = wanted.difference(&self.shown).cloned().collect();
        for id in &added {
            if let Some((m, _)) = self.markers.get(id) {
                m.add_to(map);
                if let Some(el) = bindings::layer_element(m) {
                    let _ = el.set_attribute("data-authority-id", id);
                    // Keyboard focus highlights like the pointer does.
                    for (event, pick) in [("focus", Some(Pick::Authority(id.clone()))), ("blur", None)] {
                        let hover = callbacks.on_hover.clone();
                        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| hover(pick.clone()));
                        let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
                        self.closures.push(closure);
                    }
                }
            }
        }
        self.shown = wanted;
        self.spread(map);
    }

    /// Moves markers that would overlap at the current zoom onto a ring around their centre.
    fn spread(&self, map: &Map) {
        let ids: Vec<&String> = {
            let mut v: Vec<&String> = self.shown.iter().collect();
            v.sort();
            v
        };
        let points: Vec<(f64, f64)> = ids
            .iter()
            .map(|id| {
                let p = map.lat_lng_to_layer_point(&to_leaflet(self.markers[*id].1));
                (p.x(), p.y())
            })
            .collect();
        for (id, (x, y)) in ids.iter().zip(spread_overlapping(&points, MIN_MARKER_DISTANCE)) {
            let (marker, _) = &self.markers[*id];
            marker.set_lat_lng(&map.layer_point_to_lat_lng(&Point::new(x, y)));
        }
    }

    /// Where a marker is drawn now (after spreading), in the map's container pixels.
    fn container_point(&self, map: &Map, id: &str) -> Option<(f64, f64)> {
        let (marker, _) = self.markers.get(id)?;
        let p = map.lat_lng_to_container_point(&marker.get_lat_lng());
        Some((p.x(), p.y()))
    }




}
