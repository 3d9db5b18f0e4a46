//! The authority markers of one Leaflet map: created once, shown and hidden by id, laid out
//! again at each zoom so that none hides another (`domain::geo::layout_markers`): a small crowd
//! is spread on a ring around where it is, each marker joined to its true place by a leader
//! line; a bigger one is one group marker (its count; a click zooms in) standing where its most
//! important member is.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leaflet::{DivIconOptions, Map, Marker, MarkerOptions, Point, Polyline, PolylineOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{bindings, set, to_leaflet, toggle_class, Callbacks, MarkerSpec, Pick};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::{layout_markers_around, Placed, RING_SLACK};

/// A marker's pointer target (screen pixels): 24 px, the smallest WCAG 2.2 (AA) allows; 44 px on
/// a phone, where fingers aim (the dot or diamond drawn inside stays the same size).
const TARGET: f64 = 24.0;
const TOUCH_TARGET: f64 = 44.0;
/// Half the size of the dot or diamond drawn (CSS: 18 and 22 px), and of a group marker's.
const DOT: f64 = 11.0;

/// The widest a ring of spread markers may be on the ground, in kilometres.
const RING_KM: f64 = 60.0;

/// Markers closer than this (screen pixels) are moved apart onto a small ring: targets never
/// overlap, even where rings settle a little closer than asked (`RING_SLACK`).
fn spacing(target: f64) -> f64 {
    (target / RING_SLACK).ceil().max(34.0)
}

/// Shared (cheap to clone) so that map event handlers can lay the markers out again.
#[derive(Clone)]
pub struct MarkerSet(Rc<RefCell<Inner>>);

struct Entry {
    marker: Marker,
    at: Position,
    country: Country,
    rank: u32,
    /// Its name written on the map.
    name: String,
}

struct Inner {
    markers: HashMap<String, Entry>,
    shown: HashSet<String>,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    /// The group markers drawn now.
    groups: Vec<Group>,
    /// The leader lines of the markers spread on rings now.
    leaders: Vec<leaflet::Layer>,
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
    /// Half the size of a marker's dot, and how much the page's type is scaled (a kiosk's big
    /// screen), read once: reading the page's style at every frame would force it each time.
    dot: f64,
    scale: f64,
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

/// Where one marker or group is drawn now, for names and hit areas.
pub struct Drawn {
    /// The authority, or `None` for a group marker.
    pub id: Option<String>,
    /// The map's container pixels.
    pub at: (f64, f64),
    /// Half the size of what is drawn there.
    pub radius: f64,
    /// Half the size of its pointer target.
    pub reach: f64,
    pub country: Country,
    /// For a group marker: the authority it is drawn for (its most important member) and how
    /// many it stands for, to name it ("Paris +6").
    pub seed: Option<(String, usize)>,
}

impl MarkerSet {
    /// `hand` is set when a click on a group zooms in: the user chose that frame.
    pub fn new(key: &'static str, callbacks: &Callbacks, hand: Rc<Cell<bool>>) -> Self {
        let set = MarkerSet(Rc::new(RefCell::new(Inner {
            markers: HashMap::new(),
            shown: HashSet::new(),
            closures: Vec::new(),
            groups: Vec::new(),
            leaders: Vec::new(),
            classes: HashMap::new(),
            callbacks: callbacks.clone(),
            group_click: None,
            map: None,
            key,
            target: (if callbacks.touch_targets || super::narrow_screen() { TOUCH_TARGET } else { TARGET }) * super::type_scale(),
            dot: DOT * super::type_scale(),
            scale: super::type_scale(),
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
                group.zip(inner.map.clone()).map(|(g, map)| (map, g.members.iter().map(|m| inner.markers[m].at).collect::<Vec<Position>>()))
            };
            if let Some((map, places)) = found {
                hand.set(true);
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

    /// The shown markers' true places, with their ids.
    pub fn shown_places(&self) -> Vec<(String, Position)> {
        let inner = self.0.borrow();
        let mut out: Vec<(String, Position)> = inner.shown.iter().filter_map(|id| inner.markers.get(id).map(|e| (id.clone(), e.at))).collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    pub fn shown_positions(&self) -> Vec<Position> {
        self.shown_places().into_iter().map(|(_, p)| p).collect()
    }

    /// Where a marker is drawn now (after spreading), as coordinates.
    pub fn displayed(&self, id: &str) -> Option<Position> {
        let inner = self.0.borrow();
        let p = inner.markers.get(id)?.marker.get_lat_lng();
        Some(Position { lat: p.lat(), lng: p.lng() })
    }

    pub fn position(&self, id: &str) -> Option<Position> {
        self.0.borrow().markers.get(id).map(|e| e.at)
    }

    /// What is drawn now (markers on their own, and group markers), in the map's pixels.
    pub fn drawn(&self, map: &Map) -> Vec<Drawn> {
        let inner = self.0.borrow();
        let reach = inner.target / 2.0;
        let grouped: HashSet<&String> = inner.groups.iter().flat_map(|g| g.members.iter()).collect();
        let mut out: Vec<Drawn> = inner
            .shown
            .iter()
            .filter(|id| !grouped.contains(id))
            .filter_map(|id| {
                let country = inner.markers.get(id)?.country;
                inner.container_point(map, id).map(|at| Drawn { id: Some(id.clone()), at, radius: inner.dot, reach, country, seed: None })
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        for g in &inner.groups {
            let p = map.lat_lng_to_container_point(&g.marker.get_lat_lng());
            let half = inner.target.max(30.0) / 2.0;
            let seed = g.members.first().cloned();
            let country = seed.as_ref().and_then(|s| inner.markers.get(s)).map_or(Country::France, |e| e.country);
            out.push(Drawn { id: None, at: (p.x(), p.y()), radius: half.min(17.0 * inner.scale), reach: half, country, seed: seed.map(|s| (s, g.members.len())) });
        }
        out
    }

    /// The name and rank of a shown marker, for the names on the map.
    pub fn name_of(&self, id: &str) -> Option<(String, u32)> {
        self.0.borrow().markers.get(id).map(|e| (e.name.clone(), e.rank))
    }

    /// New accessible names and written names (a language change); group markers too.
    pub fn relabel(&self, specs: &[MarkerSpec]) {
        let mut inner = self.0.borrow_mut();
        for spec in specs {
            if let Some(e) = inner.markers.get_mut(&spec.id) {
                e.name = spec.name.clone();
                rename(&e.marker, &spec.label);
            }
        }
        let words = inner.callbacks.words.clone();
        for g in &inner.groups {
            rename(&g.marker, &(words.borrow().group)(g.members.len()));
        }
    }

    /// Marks these markers as selected: they stand on their own, out of any group, so the
    /// markers are laid out again.
    pub fn set_selected(&self, map: &Map, on: impl Fn(&str) -> bool) {
        let before = self.0.borrow().classes.get("is-selected").cloned().unwrap_or_default();
        self.set_class("is-selected", on);
        let changed = self.0.borrow().classes.get("is-selected").is_some_and(|now| *now != before);
        if changed {
            self.spread(map);
        }
    }

    /// Sets a state class (selected, highlighted) on these markers, and on the group marker of
    /// any of them that is in a group.
    pub fn set_class(&self, class: &'static str, on: impl Fn(&str) -> bool) {
        let mut inner = self.0.borrow_mut();
        let ids: HashSet<String> = inner.markers.keys().filter(|id| on(id)).cloned().collect();
        for (id, e) in &inner.markers {
            toggle_class(bindings::layer_element(&e.marker), class, ids.contains(id));
        }
        for g in &inner.groups {
            toggle_class(bindings::layer_element(&g.marker), class, g.members.iter().any(|m| ids.contains(m)));
        }
        inner.classes.insert(class, ids);
    }
}

/// A marker's accessible name and hover title, now and when Leaflet draws it again.
fn rename(marker: &Marker, label: &str) {
    if let Ok(options) = js_sys::Reflect::get(marker, &JsValue::from_str("options")) {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("title"), &JsValue::from_str(label));
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("alt"), &JsValue::from_str(label));
    }
    if let Some(el) = bindings::layer_element(marker) {
        let _ = el.set_attribute("title", label);
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
        self.markers.insert(spec.id.clone(), Entry { marker, at: spec.at, country: spec.country, rank: spec.rank, name: spec.name.clone() });
    }

    /// Shows exactly the markers of `ids` that belong to this set.
    fn show(&mut self, map: &Map, ids: &HashSet<String>) {
        let callbacks = self.callbacks.clone();
        let wanted: HashSet<String> = ids.iter().filter(|id| self.markers.contains_key(*id)).cloned().collect();
        for id in self.shown.difference(&wanted) {
            if let Some(e) = self.markers.get(id) {
                e.marker.remove();
            }
        }
        let added: Vec<String> = wanted.difference(&self.shown).cloned().collect();
        for id in &added {
            if let Some(e) = self.markers.get(id) {
                e.marker.add_to(map);
                if let Some(el) = bindings::layer_element(&e.marker) {
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

    /// Lays the shown markers out for the current zoom: crowds of markers that would overlap are
    /// spread on a small ring (with leader lines) or drawn as one group marker, where the most
    /// important of them is. A grouped marker is hidden where it really is, so that the lines
    /// of its partnerships start there.
    fn spread(&mut self, map: &Map) {
        // In order of importance: the first of a crowd stands for it. The selected pair's
        // markers stand on their own, where they are, never in a group, never covered.
        let solo: HashSet<String> = self.classes.get("is-selected").map(|s| s.intersection(&self.shown).cloned().collect()).unwrap_or_default();
        let mut ids: Vec<String> = self.shown.iter().cloned().collect();
        ids.sort_by(|a, b| self.markers[b].rank.cmp(&self.markers[a].rank).then_with(|| a.cmp(b)));
        let alone: Vec<usize> = ids.iter().enumerate().filter(|(_, id)| solo.contains(*id)).map(|(i, _)| i).collect();
        let points: Vec<(f64, f64)> = ids
            .iter()
            .map(|id| {
                let p = map.lat_lng_to_layer_point(&to_leaflet(self.markers[id].at));
                (p.x(), p.y())
            })
            .collect();
        // A ring no wider than 60 km on the ground, nor than a fifth of the map: spread markers
        // stay in the place they are in (a ring of seven put Paris in Normandy on a phone; the
        // Paris area spreads on a desktop's map of France, and is one group on a phone's).
        let size = map.get_size();
        let apart = spacing(self.target);
        let lat = map.get_center().lat().to_radians().cos().max(0.05);
        let metres_per_pixel = 40_075_016.7 * lat / (256.0 * 2f64.powf(map.get_zoom()));
        let max_radius = (RING_KM * 1000.0 / metres_per_pixel).min(size.x().min(size.y()) / 5.0);
        let layout = layout_markers_around(&points, &alone, apart, max_radius);
        self.map = Some(map.clone());
        self.groups.clear();
        for leader in self.leaders.drain(..) {
            leader.remove();
        }
        for group in &layout.groups {
            let members: Vec<String> = group.members.iter().map(|&i| ids[i].clone()).collect();
            let at = map.layer_point_to_lat_lng(&Point::new(group.at.0, group.at.1));
            // A group drawn beside a selected marker points to where its members are.
            let n = group.members.len() as f64;
            let (cx, cy) = group.members.iter().fold((0.0, 0.0), |(x, y), &i| (x + points[i].0 / n, y + points[i].1 / n));
            if !group.members.iter().any(|&i| points[i] == group.at) {
                self.leaders.extend(leader(map, &at, &map.layer_point_to_lat_lng(&Point::new(cx, cy))));
            }
            self.groups.push(self.group_marker(map, &at, members));
        }
        for ((id, placed), home) in ids.iter().zip(&layout.placed).zip(&points) {
            let e = &self.markers[id];
            match *placed {
                Placed::At(x, y) => {
                    let shown_at = map.layer_point_to_lat_lng(&Point::new(x, y));
                    e.marker.set_lat_lng(&shown_at);
                    if (x - home.0).abs() + (y - home.1).abs() > 2.0 {
                        self.leaders.extend(leader(map, &shown_at, &to_leaflet(e.at)));
                    }
                }
                // Hidden under its group, on the group's side towards where it is: its lines end
                // on the group (not in the empty place where it is: a member may stand a
                // marker's spacing from it), each at its own point, so that they stay apart.
                Placed::InGroup(g) => {
                    let at = layout.groups[g].at;
                    let reach = self.target.max(30.0) / 2.0 * 0.8;
                    let (dx, dy) = (home.0 - at.0, home.1 - at.1);
                    let d = (dx * dx + dy * dy).sqrt();
                    let k = if d > reach { reach / d } else { 1.0 };
                    e.marker.set_lat_lng(&map.layer_point_to_lat_lng(&Point::new(at.0 + dx * k, at.1 + dy * k)));
                }
            }
            toggle_class(bindings::layer_element(&e.marker), "is-grouped", matches!(placed, Placed::InGroup(_)));
            // Drawn aside from where it is (on a ring, or beside a selected marker).
            let aside = matches!(*placed, Placed::At(x, y) if (x - home.0).abs() + (y - home.1).abs() > 2.0);
            toggle_class(bindings::layer_element(&e.marker), "is-aside", aside);
        }
        (self.callbacks.on_groups)(self.key, !self.groups.is_empty());
    }

    /// A marker showing how many authorities it stands for; a click (or Enter) zooms in on them.
    fn group_marker(&self, map: &Map, at: &leaflet::LatLng, members: Vec<String>) -> Group {
        let countries: HashSet<Country> = members.iter().map(|m| self.markers[m].country).collect();
        let class = match countries.iter().next() {
            _ if countries.len() > 1 => "pm-marker pm-group pm-group--mixed",
            Some(Country::France) => "pm-marker pm-marker--fr pm-group",
            _ => "pm-marker pm-marker--kr pm-group",
        };
        let icon_options = DivIconOptions::new();
        icon_options.set_class_name(class.to_string());
        let size = self.target.max(30.0);
        icon_options.set_icon_size(Point::new(size, size));
        let label = (self.callbacks.words.borrow().group)(members.len());
        let options = MarkerOptions::new();
        options.set_icon(bindings::div_icon(&icon_options));
        options.set_title(label.clone());
        options.set_alt(label);
        options.set_keyboard(true);
        options.set_rise_on_hover(true);
        // Above the markers it stands among.
        options.set_z_index_offset(500.0);
        let marker = Marker::new_with_options(at, &options);
        marker.add_to(map);
        if let Some(el) = bindings::layer_element(&marker) {
            // The count as text, never markup.
            el.set_text_content(Some(&members.len().to_string()));
            let _ = el.set_attribute("role", "button");
            let _ = el.set_attribute("data-group-size", &members.len().to_string());
            // Which authorities it stands for (ids), for whoever reads the page's structure.
            let _ = el.set_attribute("data-members", &members.join(" "));
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
        let e = self.markers.get(id)?;
        let p = map.lat_lng_to_container_point(&e.marker.get_lat_lng());
        Some((p.x(), p.y()))
    }
}

/// A thin line from where a spread marker is drawn to where it really is, ending in a dot
/// there. Neither catches the pointer.
fn leader(map: &Map, from: &leaflet::LatLng, to: &leaflet::LatLng) -> [leaflet::Layer; 2] {
    let options = PolylineOptions::new();
    options.set_class_name("pm-leader".to_string());
    options.set_interactive(false);
    options.set_weight(1.5);
    let line = Polyline::new_with_options(&js_sys::Array::of2(from, to), &options);
    line.add_to(map);
    let dot_options = js_sys::Object::new();
    set(&dot_options, "radius", 2.5);
    set(&dot_options, "className", "pm-leader-dot");
    set(&dot_options, "interactive", false);
    set(&dot_options, "weight", 1.0);
    set(&dot_options, "fillOpacity", 1.0);
    let dot = leaflet::CircleMarker::new_with_options(to, &dot_options);
    dot.add_to(map);
    [line.unchecked_into(), dot.unchecked_into()]
}
