//! The authority markers of one Leaflet map: created once, shown and hidden by id, spread apart
//! when they would hide each other at the current zoom, and gathered into a group marker (a
//! count that zooms in) where a crowd is too big to spread.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leaflet::{DivIconOptions, Map, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;

use super::{bindings, to_leaflet, toggle_class, Callbacks, MarkerSpec, Pick};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::{layout_markers, max_ring_within, Placed, RING_SLACK};

/// A marker's pointer target (screen pixels): 24 px, the smallest WCAG 2.2 (AA) allows; 44 px on
/// a phone, where fingers aim (the dot or diamond drawn inside stays the same size).
const TARGET: f64 = 24.0;
const TOUCH_TARGET: f64 = 44.0;

/// Markers closer than this (screen pixels) are moved apart onto a small ring: targets never
/// overlap, even where rings settle a little closer than asked (`RING_SLACK`).
fn spacing(target: f64) -> f64 {
    (target / RING_SLACK).ceil().max(34.0)
}


/// Shared (cheap to clone) so that map event handlers can re-spread the markers.
#[derive(Clone)]
pub struct MarkerSet(Rc<RefCell<Inner>>);

struct Inner {
    markers: HashMap<String, (Marker, Position, Country)>,
    shown: HashSet<String>,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    /// The group markers drawn now.
    groups: Vec<Group>,
    /// Classes set by [`MarkerSet::set_class`], for the group markers drawn later.
    classes: HashMap<&'static str, HashSet<String>>,
    callbacks: Callbacks,
    /// One click handler for every group marker: it outlives the groups, which are replaced at
    /// each zoom (possibly from inside this very handler).
    group_click: Option<Closure<dyn FnMut(JsValue)>>,
    /// The map the markers were last laid out on.
    map: Option<Map>,
    /// Which set this is, in [`Callbacks::on_groups`].
    key: &'static str,
    /// Pointer target of a marker, in pixels.
    target: f64,
}

/// A marker standing for a crowd of authorities; clicking it zooms in on them.
struct Group {
    marker: Marker,
    members: Vec<String>,
}

impl Drop for Group {
    fn drop(&mut self) {
        self.marker.remove();
    }
}

impl MarkerSet {
    pub fn new(key: &'static str, callbacks: &Callbacks) -> Self {
        let set = MarkerSet(Rc::new(RefCell::new(Inner {
            markers: HashMap::new(),
            shown: HashSet::new(),
            closures: Vec::new(),
            groups: Vec::new(),
            classes: HashMap::new(),
            callbacks: callbacks.clone(),
            group_click: None,
            map: None,
            key,
            target: (if callbacks.touch_targets || super::narrow_screen() { TOUCH_TARGET } else { TARGET }) * super::type_scale(),
        })));
        // Weak: the handler lives inside the set it looks into.
        let weak = Rc::downgrade(&set.0);
        let click = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            let key_press = js_sys::Reflect::get(&e, &JsValue::from_str("type")).ok().and_then(|t| t.as_string()).as_deref() == Some("keypress");
            if key_press && !activates(&e) {
                return;
            }
            let target = js_sys::Reflect::get(&e, &JsValue::from_str("target")).unwrap_or(JsValue::UNDEFINED);
            // Read what to zoom to, then let go of the set before the map moves (a zoom lays
            // the markers out again).
            let found = {
                let inner = inner.borrow();
                let group = inner.groups.iter().find(|g| JsValue::from(g.marker.clone()) == target);
                group.zip(inner.map.clone()).map(|(g, map)| (map, g.members.iter().map(|m| inner.markers[m].1).collect::<Vec<Position>>()))
            };
            if let Some((map, places)) = found {
                super::zoom_to_places(&map, &places);
            }
        });
        set.0.borrow_mut().group_click = Some(click);
        set
    }

    pub fn add(&self, spec: &MarkerSpec) {
        self.0.borrow_mut().add(spec);
    }

    pub fn show(&self, map: &Map, ids: &HashSet<String>) {
        self.0.borrow_mut().show(map, ids);
    }

    /// Lays the shown markers out again for the current zoom (spread apart, crowds grouped).
    pub fn spread(&self, map: &Map) {
        self.0.borrow_mut().spread(map);
    }

    pub fn container_point(&self, map: &Map, id: &str) -> Option<(f64, f64)> {
        self.0.borrow().container_point(map, id)
    }

    pub fn shown_positions(&self) -> Vec<Position> {
        let inner = self.0.borrow();
        inner.shown.iter().filter_map(|id| inner.markers.get(id)).map(|(_, at, _)| *at).collect()
    }

    /// Where a marker is drawn now (after spreading), as coordinates.
    pub fn displayed(&self, id: &str) -> Option<Position> {
        let inner = self.0.borrow();
        let (marker, _, _) = inner.markers.get(id)?;
        let p = marker.get_lat_lng();
        Some(Position { lat: p.lat(), lng: p.lng() })
    }

    pub fn position(&self, id: &str) -> Option<Position> {
        self.0.borrow().markers.get(id).map(|(_, at, _)| *at)
    }

    /// Sets a state class (selected, highlighted) on these markers, and on the group marker of
    /// any of them that is in a group.
    pub fn set_class(&self, class: &'static str, on: impl Fn(&str) -> bool) {
        let mut inner = self.0.borrow_mut();
        let ids: HashSet<String> = inner.markers.keys().filter(|id| on(id)).cloned().collect();
        for (id, (m, _, _)) in &inner.markers {
            toggle_class(bindings::layer_element(m), class, ids.contains(id));
        }
        for g in &inner.groups {
            toggle_class(bindings::layer_element(&g.marker), class, g.members.iter().any(|m| ids.contains(m)));
        }
        inner.classes.insert(class, ids);
    }
}

/// Whether a Leaflet `keypress` event is Enter or Space (what activates a button), which then
/// does not also scroll the page.
fn activates(e: &JsValue) -> bool {
    let Ok(original) = js_sys::Reflect::get(e, &JsValue::from_str("originalEvent")) else { return false };
    let Some(key) = original.dyn_ref::<web_sys::KeyboardEvent>() else { return false };
    let yes = matches!(key.key().as_str(), "Enter" | " ");
    if yes {
        key.prevent_default();
    }
    yes
}

impl Inner {
    fn listen(&mut self, target: &leaflet::Evented, event: &str, f: impl Fn() + 'static) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        target.on(event, closure.as_ref());
        self.closures.push(closure);
    }

    fn add(&mut self, spec: &MarkerSpec) {
        let callbacks = &self.callbacks;
        let class = match spec.country {
            Country::France => "pm-marker pm-marker--fr",
            Country::Korea => "pm-marker pm-marker--kr",
        };
        let icon_options = DivIconOptions::new();
        icon_options.set_class_name(class.to_string());
        // The dot is 18 px whatever the target (see the CSS).
        icon_options.set_icon_size(Point::new(self.target, self.target));
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
        self.listen(evented, "click", { let (id, pick) = (id.clone(), pick.clone()); move || pick(Pick::Authority(id.clone())) });
        // Leaflet 1.9 makes a `keyboard` marker focusable but only passes its key presses on.
        let activate = Closure::<dyn FnMut(JsValue)>::new({
            let id = id.clone();
            move |e: JsValue| {
                if activates(&e) {
                    pick(Pick::Authority(id.clone()))
                }
            }
        });
        evented.on("keypress", activate.as_ref());
        self.closures.push(activate);
        self.listen(evented, "mouseover", { let (id, hover) = (id.clone(), hover.clone()); move || hover(Some(Pick::Authority(id.clone()))) });
        self.listen(evented, "mouseout", { let hover = hover.clone(); move || hover(None) });
        self.markers.insert(spec.id.clone(), (marker, spec.at, spec.country));
    }


    /// Shows exactly the markers of `ids` that belong to this set.
    fn show(&mut self, map: &Map, ids: &HashSet<String>) {
        let callbacks = self.callbacks.clone();
        let wanted: HashSet<String> = ids.iter().filter(|id| self.markers.contains_key(*id)).cloned().collect();
        for id in self.shown.difference(&wanted) {
            if let Some((m, _, _)) = self.markers.get(id) {
                m.remove();
            }
        }
        let added: Vec<String> = wanted.difference(&self.shown).cloned().collect();
        for id in &added {
            if let Some((m, _, _)) = self.markers.get(id) {
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

    /// Moves markers that would overlap at the current zoom onto a ring around their centre, and
    /// replaces crowds too big for a ring by one group marker. A grouped marker is hidden and
    /// moved to its group, so that the lines of its partnerships end there.
    fn spread(&mut self, map: &Map) {
        let ids: Vec<String> = {
            let mut v: Vec<String> = self.shown.iter().cloned().collect();
            v.sort();
            v
        };
        let points: Vec<(f64, f64)> = ids
            .iter()
            .map(|id| {
                let p = map.lat_lng_to_layer_point(&to_leaflet(self.markers[id].1));
                (p.x(), p.y())
            })
            .collect();
        // Rings no wider than a fifth of the map: a small map groups sooner than it spreads.
        let size = map.get_size();
        let apart = spacing(self.target);
        let layout = layout_markers(&points, apart, max_ring_within(apart, size.x().min(size.y()) / 5.0));
        self.map = Some(map.clone());
        self.groups.clear();
        for group in &layout.groups {
            let members: Vec<String> = group.members.iter().map(|&i| ids[i].clone()).collect();
            let at = map.layer_point_to_lat_lng(&Point::new(group.at.0, group.at.1));
            self.groups.push(self.group_marker(map, &at, members));
        }
        for (id, placed) in ids.iter().zip(&layout.placed) {
            let (marker, _, _) = &self.markers[id];
            match *placed {
                Placed::At(x, y) => marker.set_lat_lng(&map.layer_point_to_lat_lng(&Point::new(x, y))),
                // Hidden where it really is: its lines still fan out from under the group.
                Placed::InGroup(_) => marker.set_lat_lng(&to_leaflet(self.markers[id].1)),
            }
            toggle_class(bindings::layer_element(marker), "is-grouped", matches!(placed, Placed::InGroup(_)));
        }
        (self.callbacks.on_groups)(self.key, !self.groups.is_empty());
    }

    /// A marker showing how many authorities it stands for; a click (or Enter) zooms in on them.
    fn group_marker(&self, map: &Map, at: &leaflet::LatLng, members: Vec<String>) -> Group {
        let countries: HashSet<Country> = members.iter().map(|m| self.markers[m].2).collect();
        let class = match countries.iter().next() {
            _ if countries.len() > 1 => "pm-marker pm-group pm-group--mixed",
            Some(Country::France) => "pm-marker pm-marker--fr pm-group",
            _ => "pm-marker pm-marker--kr pm-group",
        };
        let icon_options = DivIconOptions::new();
        icon_options.set_class_name(class.to_string());
        let size = self.target.max(30.0);
        icon_options.set_icon_size(Point::new(size, size));
        let label = (self.callbacks.group_label)(members.len());
        let options = MarkerOptions::new();
        options.set_icon(bindings::div_icon(&icon_options));
        options.set_title(label.clone());
        options.set_alt(label);
        options.set_keyboard(true);
        options.set_rise_on_hover(true);
        let marker = Marker::new_with_options(at, &options);
        marker.add_to(map);
        if let Some(el) = bindings::layer_element(&marker) {
            // The count as text, never markup.
            el.set_text_content(Some(&members.len().to_string()));
            let _ = el.set_attribute("role", "button");
            let _ = el.set_attribute("data-group-size", &members.len().to_string());
            for (class, ids) in &self.classes {
                toggle_class(Some(el.clone()), class, members.iter().any(|m| ids.contains(m)));
            }
        }
        if let Some(click) = &self.group_click {
            marker.on("click", click.as_ref());
            marker.on("keypress", click.as_ref());
        }
        Group { marker, members }
    }

    /// Where a marker is drawn now (after spreading), in the map's container pixels.
    fn container_point(&self, map: &Map, id: &str) -> Option<(f64, f64)> {
        let (marker, _, _) = self.markers.get(id)?;
        let p = map.lat_lng_to_container_point(&marker.get_lat_lng());
        Some((p.x(), p.y()))
    }




}
