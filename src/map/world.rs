//! The world view: one Leaflet map, France and Korea joined by great-circle arcs, the two
//! countries and the authorities named on it, one indicator per edge for what lies beyond.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use js_sys::Array;
use leaflet::{Map, MapOptions, Polyline, PolylineOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::decor::Decor;
use super::framing::Framing;
use super::labels::NameAnchor;
use super::markers::MarkerSet;
use super::scene::{self, Frame, Painter, Scene, CANVAS_ABOVE};
use super::{bindings, rename_zoom_control, set_svg_title, to_leaflet, toggle_class, Callbacks, Land, LinkSpec, MarkerSpec, Pick, Reframe, Words};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::{great_circle, Rect};

const ARC_SEGMENTS: usize = 64;
/// Where each country's name is written on the world map: about the middle of its land.
const COUNTRY_NAMES: [(Country, &str, Position); 2] = [
    (Country::France, "country:FR", Position { lat: 46.6, lng: 2.4 }),
    (Country::Korea, "country:KR", Position { lat: 36.4, lng: 127.9 }),
];

struct LinkLayers {
    line: Polyline,
    /// A wide transparent twin that makes a thin line easy to hit with a finger.
    hit: Polyline,
    label: String,
    ends: (String, String),
}

/// Every link by id, and the ids of those shown.
type LinkTable = (HashMap<String, LinkLayers>, HashSet<String>);

/// The links and which are shown, shared with the zoom handler that redraws them.
#[derive(Clone, Default)]
struct Links(Rc<RefCell<LinkTable>>);

impl Links {
    /// Draws each shown link as the great circle between its two markers as drawn now (after
    /// spreading), so that lines always end on their markers.
    fn relink(&self, markers: &MarkerSet) {
        let inner = self.0.borrow();
        let (links, shown) = &*inner;
        for id in shown {
            let Some(l) = links.get(id) else { continue };
            let (Some(a), Some(b)) = (markers.displayed(&l.ends.0), markers.displayed(&l.ends.1)) else { continue };
            let points: Array = great_circle(a, b, ARC_SEGMENTS).into_iter().map(|p| JsValue::from(to_leaflet(p))).collect();
            l.line.set_lat_lngs(&points);
            l.hit.set_lat_lngs(&points);
        }
    }
}

/// What the map's event handlers share with the view.
struct State {
    map: Map,
    container: web_sys::HtmlElement,
    markers: MarkerSet,
    links: Links,
    decor: Decor,
    painter: RefCell<Option<Painter>>,
    selected: RefCell<Vec<String>>,
    highlighted: RefCell<HashSet<String>>,
    include: RefCell<Vec<String>>,
    fit: Cell<Option<(Reframe, bool)>>,
    framed_once: Cell<bool>,
    /// Animation frames asked for: names following a move, a rest, a fit.
    pending: Cell<Option<i32>>,
    resting: Cell<Option<i32>>,
    fitting: Cell<Option<i32>>,
    frame_fns: RefCell<Option<(js_sys::Function, js_sys::Function, js_sys::Function)>>,
    size: Cell<(f64, f64)>,
    /// The outlines, laid at the first fit (see [`Land`]).
    land: Land,
}

pub struct WorldMap {
    state: Rc<State>,
    callbacks: Callbacks,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    resize: Option<SizeWatch>,
}

fn path_element(layer: &Polyline) -> Option<web_sys::Element> {
    bindings::layer_element(layer)
}

/// A size observer and the callback it calls.
pub(crate) type SizeWatch = (web_sys::ResizeObserver, Closure<dyn FnMut(JsValue)>);

fn request(pending: &Cell<Option<i32>>, f: &js_sys::Function) {
    if pending.get().is_none() {
        if let Some(w) = web_sys::window() {
            pending.set(w.request_animation_frame(f).ok());
        }
    }
}

impl State {
    /// The map's box (its own pixels), as last measured: reading it at every frame of a move
    /// would force a layout each time.
    fn rect(&self) -> Rect {
        let (w, h) = self.size.get();
        Rect { left: 0.0, top: 0.0, right: w, bottom: h }
    }

    fn measure(&self) {
        self.size.set((self.container.client_width() as f64, self.container.client_height() as f64));
    }

    /// Frame by frame while the map moves: the indicators and the names follow.
    fn follow(&self) {
        self.pending.set(None);
        if let Some(p) = self.painter.borrow().as_ref() {
            return p.schedule();
        }
        let points: Vec<(String, (f64, f64), Position)> = self
            .markers
            .shown_places()
            .into_iter()
            .filter_map(|(id, place)| Some((id.clone(), self.markers.container_point(&self.map, &id)?, place)))
            .chain(COUNTRY_NAMES.iter().map(|(_, id, at)| {
                let p = self.map.lat_lng_to_container_point(&to_leaflet(*at));
                (id.to_string(), (p.x(), p.y()), *at)
            }))
            .collect();
        let markers = points.len() - COUNTRY_NAMES.len();
        self.decor.follow(self.rect(), &points[..markers]);
        let by_id: HashMap<&str, (f64, f64)> = points.iter().map(|p| (p.0.as_str(), p.1)).collect();
        self.decor.follow_names(|id| by_id.get(id).copied());
    }

    /// The map stands still (or what it shows changed): indicators, then names.
    fn rest(&self) {
        self.resting.set(None);
        if self.painter.borrow().is_none() {
            self.follow();
        }
        let painter = self.painter.borrow().clone();
        let pairs: Vec<String> = self.selected.borrow().iter().chain(self.highlighted.borrow().iter()).cloned().collect();
        let must: HashSet<String> = match &painter {
            Some(p) => pairs.iter().filter_map(|id| p.scene().end_ids(id)).flat_map(|(a, b)| [a, b]).collect(),
            None => {
                let links = self.links.0.borrow();
                pairs.iter().filter_map(|id| links.0.get(id)).flat_map(|l| [l.ends.0.clone(), l.ends.1.clone()]).collect()
            }
        };
        let drawn = match &painter {
            Some(p) => p.scene().drawn(None),
            None => self.markers.drawn(&self.map),
        };
        // The countries' names on their land, before any authority's.
        let countries = COUNTRY_NAMES
            .iter()
            .map(|(_, id, at)| {
                let p = self.map.lat_lng_to_container_point(&to_leaflet(*at));
                // France's name west of its markers, Korea's east: away from the arcs.
                let away = if id.ends_with("FR") { (-1.0, 0.0) } else { (1.0, 0.0) };
                NameAnchor { id: id.to_string(), at: (p.x(), p.y()), gap: 18.0, must: true, rank: u32::MAX, away }
            })
            .filter(|a| self.rect().contains(a.at))
            .collect();
        let rank = |id: &str| match &painter {
            Some(p) => p.scene().rank_of(id),
            None => self.markers.name_of(id).map(|(_, r)| r),
        };
        self.decor.place_names(self.rect(), &drawn, rank, &must, countries);
        if let Some(p) = &painter {
            let avoid = self.decor.avoid.borrow().clone();
            p.update(|s| s.avoid = avoid);
        }
        self.update_settled();
    }

    fn update_settled(&self) {
        let settled = self.fitting.get().is_none() && self.resting.get().is_none() && !self.decor.framing.is_settling();
        let value = if settled { "true" } else { "false" };
        if self.container.get_attribute("data-settled").as_deref() != Some(value) {
            let _ = self.container.set_attribute("data-settled", value);
        }
    }

    fn schedule(&self, which: usize) {
        if let Some(fns) = self.frame_fns.borrow().as_ref() {
            let (pending, f) = match which {
                0 => (&self.pending, &fns.0),
                1 => (&self.resting, &fns.1),
                _ => (&self.fitting, &fns.2),
            };
            request(pending, f);
        }
        self.update_settled();
    }

    fn ask_fit(&self, how: Reframe) {
        let animate = self.framed_once.get() && !super::prefers_reduced_motion();
        self.framed_once.set(true);
        let how = match self.fit.get() {
            Some((Reframe::All, _)) => Reframe::All,
            _ => how,
        };
        self.fit.set(Some((how, animate)));
        self.schedule(2);
    }

    fn apply_fit(&self) {
        self.fitting.set(None);
        let Some((how, animate)) = self.fit.take() else {
            self.land.lay(&self.map);
            return self.update_settled();
        };
        let painter = self.painter.borrow().clone();
        let places = match &painter {
            Some(p) => p.scene().shown_positions(None),
            None => self.markers.shown_positions(),
        };
        let include: Vec<Position> = self
            .include
            .borrow()
            .iter()
            .filter_map(|id| match &painter {
                Some(p) => p.scene().ends(id),
                None => self.links.0.borrow().0.get(id).and_then(|l| Some((self.markers.position(&l.ends.0)?, self.markers.position(&l.ends.1)?))),
            })
            .flat_map(|(a, b)| [a, b])
            .collect();
        if how == Reframe::All {
            self.decor.framing.hand.set(false);
        }
        self.decor.frame(&places, &include, how == Reframe::Keep, animate);
        self.land.lay(&self.map);
        self.schedule(1);
    }
}

impl WorldMap {
    pub fn new(container: &web_sys::HtmlElement, basemap: &JsValue, callbacks: Callbacks) -> Result<Self, JsValue> {
        let options = MapOptions::new();
        options.set_zoom_snap(0.25);
        options.set_zoom_delta(0.5);
        options.set_min_zoom(1.0);
        options.set_max_zoom(12.0);
        options.set_zoom_control(false);
        if super::prefers_reduced_motion() {
            // No flying, zooming or fading: every change is shown at once.
            options.set_zoom_animation(false);
            options.set_fade_animation(false);
            options.set_marker_zoom_animation(false);
        }
        let map = Map::new_with_element(container, &options)?;
        let _ = container.set_attribute("data-settled", "false");
        super::add_zoom_control(&map, &callbacks, None);
        map.set_view(&leaflet::LatLng::new(50.0, 65.0), 3.0);
        let weak_cell: Rc<RefCell<Weak<State>>> = Rc::new(RefCell::new(Weak::new()));
        let on_rest: Rc<dyn Fn()> = Rc::new({
            let weak_cell = weak_cell.clone();
            move || {
                if let Some(s) = weak_cell.borrow().upgrade() {
                    s.schedule(1);
                }
            }
        });
        let framing = Framing::new(&map, container, container, on_rest);
        let markers = MarkerSet::new("world", &callbacks, framing.hand.clone());
        // Arcs leave France eastward and reach Korea from the west: names go the other way.
        let decor = Decor::new(framing, container, container, None, callbacks.words.clone(), [(-1.0, 0.0), (1.0, 0.0)])?;
        let state = Rc::new(State {
            map: map.clone(),
            container: container.clone(),
            markers,
            links: Links::default(),
            decor,
            painter: RefCell::new(None),
            selected: RefCell::new(Vec::new()),
            highlighted: RefCell::new(HashSet::new()),
            include: RefCell::new(Vec::new()),
            fit: Cell::new(None),
            framed_once: Cell::new(false),
            pending: Cell::new(None),
            resting: Cell::new(None),
            fitting: Cell::new(None),
            frame_fns: RefCell::new(None),
            size: Cell::new((0.0, 0.0)),
            land: Land::new(basemap),
        });
        state.measure();
        *weak_cell.borrow_mut() = Rc::downgrade(&state);
        let mut world = WorldMap { state, callbacks, closures: Vec::new(), resize: None };
        let weak = Rc::downgrade(&world.state);
        // Handed to JS for good, holding only a weak reference: a frame that comes after the map
        // is gone does nothing instead of calling a dropped closure.
        let on_frame = |f: fn(&State)| -> js_sys::Function {
            let weak = weak.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                if let Some(s) = weak.upgrade() {
                    f(&s);
                }
            })
            .into_js_value()
            .unchecked_into()
        };
        let (follow, rest, fit) = (on_frame(State::follow), on_frame(State::rest), on_frame(State::apply_fit));
        *world.state.frame_fns.borrow_mut() = Some((follow, rest, fit));
        // Markers that would overlap at the new zoom are laid out again, and the lines follow;
        // names hide while a zoom is animated.
        let s = world.state.clone();
        let respread = world.handler(move || {
            s.decor.set_names_hidden(false);
            s.markers.spread(&s.map);
            s.links.relink(&s.markers);
        });
        world.state.map.on("zoomend", &respread);
        let s = Rc::downgrade(&world.state);
        let hide = world.handler(move || {
            if let Some(s) = s.upgrade() {
                s.decor.set_names_hidden(true);
            }
        });
        world.state.map.on("zoomanim", &hide);
        let s = Rc::downgrade(&world.state);
        let moved = world.handler(move || {
            if let Some(s) = s.upgrade() {
                s.schedule(0);
            }
        });
        world.state.map.on("move", &moved);
        // Tells Leaflet when its container changes size (a panel opens, a phone rotates):
        // Leaflet itself only watches the window. A map not moved by hand is framed again.
        let s = Rc::downgrade(&world.state);
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(s) = s.upgrade() {
                s.measure();
                s.map.invalidate_size(false);
                if let Some(p) = s.painter.borrow().as_ref() {
                    p.update(|sc| sc.resize());
                    p.schedule();
                }
                if s.framed_once.get() {
                    s.ask_fit(Reframe::Keep);
                }
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()) {
            observer.observe(container);
            world.resize = Some((observer, closure));
        }
        Ok(world)
    }

    pub(crate) fn leaflet(&self) -> &Map {
        &self.state.map
    }

    fn handler(&mut self, f: impl Fn() + 'static) -> JsValue {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        let js = closure.as_ref().clone();
        self.closures.push(closure);
        js
    }

    pub fn set_data(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        let names: Vec<(String, String)> = markers.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
        self.state.decor.set_names(&names);
        if links.len() > CANVAS_ABOVE {
            if let Ok(mut s) = Scene::new(&self.state.container) {
                s.set_data(markers, links);
                let map = self.state.map.clone();
                let painter = Painter::new(s, move || Some(Frame::World(scene::projection(&map, (0.0, 0.0)))));
                let weak = Rc::downgrade(&self.state);
                painter.after_draw(Rc::new(move |scene: &Scene| {
                    let Some(s) = weak.upgrade() else { return };
                    let (groups, places, in_view) = scene.edges(Country::France);
                    let (k_groups, k_places, k_in_view) = scene.edges(Country::Korea);
                    // The world map is one box: one indicator per edge for both countries.
                    let mut all = groups;
                    let offset = places.len();
                    for mut g in k_groups {
                        g.members.iter_mut().for_each(|m| *m += offset);
                        match all.iter_mut().find(|a| a.edge == g.edge) {
                            Some(a) => a.members.extend(g.members),
                            None => all.push(g),
                        }
                    }
                    let every: Vec<Position> = places.into_iter().chain(k_places).collect();
                    s.decor.show_edges(&all, |m| every[m], in_view.into_iter().chain(k_in_view).collect());
                    s.decor.follow_names(|id| scene.screen_of(id).or_else(|| COUNTRY_NAMES.iter().find(|c| c.1 == id).map(|c| {
                        let p = s.map.lat_lng_to_container_point(&to_leaflet(c.2));
                        (p.x(), p.y())
                    })));
                }));
                let zoom_map = self.state.map.clone();
                let hand = self.state.decor.framing.hand.clone();
                let zoom_to = Rc::new(move |french: &[Position], korean: &[Position]| {
                    hand.set(true);
                    super::zoom_to_places(&zoom_map, &[french, korean].concat())
                });
                self.closures.extend(scene::listen(&self.state.map, &painter, &self.callbacks, Rc::new(|| (0.0, 0.0)), zoom_to));
                let p = painter.clone();
                let resized = self.handler(move || {
                    p.update(|s| s.resize());
                    p.schedule();
                });
                self.state.map.on("resize", &resized);
                *self.state.painter.borrow_mut() = Some(painter);
                return;
            }
        }
        for spec in markers {
            self.state.markers.add(spec);
        }
        for spec in links {
            let points = Array::new();
            let line_options = PolylineOptions::new();
            line_options.set_class_name(format!("pm-link pm-link--{}", spec.kind));
            line_options.set_interactive(false);
            line_options.set_weight(2.5);
            let line = Polyline::new_with_options(&points, &line_options);
            let hit_options = PolylineOptions::new();
            hit_options.set_class_name("pm-link-hit".to_string());
            hit_options.set_weight(10.0);
            hit_options.set_opacity(0.0);
            let hit = Polyline::new_with_options(&points, &hit_options);
            let (pick, hover) = (self.callbacks.on_pick.clone(), self.callbacks.on_hover.clone());
            let id = spec.id.clone();
            let click = self.handler({ let id = id.clone(); move || pick(Pick::Pair(id.clone())) });
            let over = self.handler({ let (id, hover) = (id.clone(), hover.clone()); move || hover(Some(Pick::Pair(id.clone()))) });
            let out = self.handler(move || hover(None));
            hit.on("click", &click);
            hit.on("mouseover", &over);
            hit.on("mouseout", &out);
            self.state.links.0.borrow_mut().0.insert(spec.id.clone(), LinkLayers { line, hit, label: spec.label.clone(), ends: (spec.french.clone(), spec.korean.clone()) });
        }
    }

    pub fn show(&mut self, links: &[&str], markers: &[&str]) {
        if let Some(p) = self.state.painter.borrow().as_ref() {
            p.update(|s| s.show(links, markers));
            return self.state.schedule(1);
        }
        let links: HashSet<String> = links.iter().map(|s| s.to_string()).collect();
        let mut markers: HashSet<String> = markers.iter().map(|s| s.to_string()).collect();
        {
            let inner = self.state.links.0.borrow();
            markers.extend(links.iter().filter_map(|id| inner.0.get(id)).flat_map(|l| [l.ends.0.clone(), l.ends.1.clone()]));
        }
        let (links, markers) = (&links, &markers);
        self.state.markers.show(&self.state.map, markers);
        {
            let mut inner = self.state.links.0.borrow_mut();
            let (all, shown) = &mut *inner;
            for id in shown.difference(links) {
                if let Some(l) = all.get(id) {
                    l.line.remove();
                    l.hit.remove();
                }
            }
            *shown = links.iter().filter(|id| all.contains_key(*id)).cloned().collect();
        }
        // Points first (from the markers as now drawn), then onto the map.
        self.state.links.relink(&self.state.markers);
        {
            let inner = self.state.links.0.borrow();
            let (all, shown) = &*inner;
            // Added in id order: which line lies on top does not depend on hashing.
            let mut ids: Vec<&String> = shown.iter().collect();
            ids.sort();
            for id in ids {
                let l = &all[id];
                if path_element(&l.line).is_some() {
                    continue; // already on the map
                }
                l.line.add_to(&self.state.map);
                l.hit.add_to(&self.state.map);
                if let Some(el) = path_element(&l.line) {
                    let _ = el.set_attribute("data-pair-id", id);
                }
                if let Some(el) = path_element(&l.hit) {
                    let _ = el.set_attribute("data-hit-pair-id", id);
                    set_svg_title(&el, &l.label);
                }
            }
        }
        self.state.schedule(1);
    }

    pub fn select(&mut self, pairs: &[&str]) {
        *self.state.selected.borrow_mut() = pairs.iter().map(|s| s.to_string()).collect();
        *self.state.include.borrow_mut() = pairs.iter().map(|s| s.to_string()).collect();
        if let Some(p) = self.state.painter.borrow().as_ref() {
            p.update(|s| s.select(pairs));
            return self.state.schedule(1);
        }
        {
            let inner = self.state.links.0.borrow();
            let (all, shown) = &*inner;
            for (id, l) in all {
                let on = pairs.contains(&id.as_str());
                toggle_class(path_element(&l.line), "is-selected", on);
                if on && shown.contains(id) {
                    l.line.bring_to_front();
                    l.hit.bring_to_front();
                }
            }
            let ends: HashSet<&str> = pairs.iter().filter_map(|p| all.get(*p)).flat_map(|l| [l.ends.0.as_str(), l.ends.1.as_str()]).collect();
            self.state.markers.set_selected(&self.state.map, |id| ends.contains(id));
        }
        self.state.links.relink(&self.state.markers);
        self.state.schedule(1);
    }

    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        if *self.state.highlighted.borrow() == *pairs {
            return;
        }
        *self.state.highlighted.borrow_mut() = pairs.clone();
        if let Some(p) = self.state.painter.borrow().as_ref() {
            p.update(|s| s.highlight(pairs));
            return self.state.schedule(1);
        }
        {
            let inner = self.state.links.0.borrow();
            let mut ends = HashSet::new();
            for (id, l) in &inner.0 {
                let on = pairs.contains(id);
                toggle_class(path_element(&l.line), "is-highlighted", on);
                if on {
                    ends.insert(l.ends.0.clone());
                    ends.insert(l.ends.1.clone());
                }
            }
            self.state.markers.set_class("is-highlighted", |id| ends.contains(id));
        }
        self.state.schedule(1);
    }

    /// Frames the map now on what [`Self::show`] is about to show, before it is shown (see
    /// [`super::PartnershipMap::preframe`]). Not with the canvas (its frame is drawn at once).
    pub fn preframe(&self, links: &[&str], markers: &[&str]) {
        if self.state.painter.borrow().is_some() {
            return;
        }
        let ends: Vec<String> = {
            let known = self.state.links.0.borrow();
            links.iter().filter_map(|id| known.0.get(*id)).flat_map(|l| [l.ends.0.clone(), l.ends.1.clone()]).collect()
        };
        let places: Vec<Position> = ends.iter().map(String::as_str).chain(markers.iter().copied()).filter_map(|id| self.state.markers.position(id)).collect();
        self.state.decor.frame(&places, &[], false, false);
    }

    pub fn frame(&self, how: Reframe, include: Vec<String>) {
        *self.state.include.borrow_mut() = include;
        self.state.ask_fit(how);
    }

    pub fn relabel(&mut self, markers: &[MarkerSpec], links: &[LinkSpec], words: Words) {
        *self.callbacks.words.borrow_mut() = words;
        let names: Vec<(String, String)> = markers.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
        self.state.decor.set_names(&names);
        self.state.markers.relabel(markers);
        rename_zoom_control(&self.state.map, &self.callbacks.words.borrow(), None);
        match self.state.painter.borrow().as_ref() {
            Some(p) => p.update(|s| s.relabel(markers, links)),
            None => {
                let mut inner = self.state.links.0.borrow_mut();
                for spec in links {
                    if let Some(l) = inner.0.get_mut(&spec.id) {
                        l.label = spec.label.clone();
                        if let Some(el) = path_element(&l.hit) {
                            set_svg_title(&el, &spec.label);
                        }
                    }
                }
            }
        }
        self.state.schedule(1);
    }
}

impl Drop for WorldMap {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.resize {
            observer.disconnect();
        }
        // Removing a map ends its pan (a pair just selected) but not its zoom; both fire a last
        // move, whose frame is forgotten after.
        bindings::finish_zoom(&self.state.map);
        self.state.map.remove();
        bindings::off_all(&self.state.map);
        if let Some(w) = web_sys::window() {
            for pending in [&self.state.pending, &self.state.resting, &self.state.fitting] {
                if let Some(id) = pending.take() {
                    let _ = w.cancel_animation_frame(id);
                }
            }
        }
        if let Some(p) = self.state.painter.borrow().as_ref() {
            p.cancel();
        }
        // The page keeps the element for the next view (leptos rebuilds it in place): it leaves
        // as it came, without the world map's state nor Leaflet's tab stop.
        for attribute in ["data-settled", "data-zoom", "data-by-hand", "tabindex"] {
            let _ = self.state.container.remove_attribute(attribute);
        }
    }
}
