//! The world view: one Leaflet map, France and Korea joined by great-circle arcs.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use js_sys::Array;
use leaflet::{LatLngBounds, Map, MapOptions, Polyline, PolylineOptions};
use wasm_bindgen::prelude::*;

use super::markers::MarkerSet;
use super::scene::{self, Frame, Painter, Scene, CANVAS_ABOVE};
use super::{add_basemap, bindings, fit_options, set_svg_title, to_leaflet, toggle_class, Callbacks, LinkSpec, MarkerSpec, Pick};
use crate::domain::geo::great_circle;

const ARC_SEGMENTS: usize = 64;

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

pub struct WorldMap {
    map: Map,
    container: web_sys::HtmlElement,
    /// Set when there are too many links for one element each: everything is drawn on a canvas.
    painter: Option<Painter>,
    markers: MarkerSet,
    links: Links,
    callbacks: Callbacks,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    resize: Option<SizeWatch>,
}

fn path_element(layer: &Polyline) -> Option<web_sys::Element> {
    bindings::layer_element(layer)
}

/// A size observer and the callback it calls.
pub(crate) type SizeWatch = (web_sys::ResizeObserver, Closure<dyn FnMut(JsValue)>);

/// Tells Leaflet when its container changes size (a panel opens, a phone rotates): Leaflet
/// itself only watches the window.
pub(crate) fn observe_size(map: &Map, container: &web_sys::HtmlElement) -> Option<SizeWatch> {
    let map = map.clone();
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        map.invalidate_size(false);
    });
    web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok().map(|observer| {
        observer.observe(container);
        (observer, closure)
    })
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
        super::add_zoom_control(&map, &callbacks, None);
        map.set_view(&leaflet::LatLng::new(50.0, 65.0), 3.0);
        add_basemap(&map, basemap);
        let resize = observe_size(&map, container);
        let mut world = WorldMap {
            map,
            container: container.clone(),
            painter: None,
            markers: MarkerSet::new("world", &callbacks),
            links: Links::default(),
            callbacks,
            closures: Vec::new(),
            resize,
        };
        // Markers that would overlap at the new zoom are spread apart again, and the lines follow.
        let (map, markers, links) = (world.map.clone(), world.markers.clone(), world.links.clone());
        let respread = world.handler(move || {
            markers.spread(&map);
            links.relink(&markers);
        });
        world.map.on("zoomend", &respread);
        Ok(world)
    }

    pub(crate) fn leaflet(&self) -> &Map {
        &self.map
    }

    fn handler(&mut self, f: impl Fn() + 'static) -> JsValue {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        let js = closure.as_ref().clone();
        self.closures.push(closure);
        js
    }

    pub fn set_data(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        if links.len() > CANVAS_ABOVE {
            if let Ok(mut s) = Scene::new(&self.container) {
                s.set_data(markers, links);
                let map = self.map.clone();
                let painter = Painter::new(s, move || Some(Frame::World(scene::projection(&map, (0.0, 0.0)))));
                let zoom_map = self.map.clone();
                let zoom_to = std::rc::Rc::new(move |french: &[crate::domain::dataset::LatLng], korean: &[crate::domain::dataset::LatLng]| {
                    super::zoom_to_places(&zoom_map, &[french, korean].concat())
                });
                self.closures.extend(scene::listen(&self.map, &painter, &self.callbacks, std::rc::Rc::new(|| (0.0, 0.0)), zoom_to));
                let p = painter.clone();
                let resized = self.handler(move || {
                    p.update(|s| s.resize());
                    p.schedule();
                });
                self.map.on("resize", &resized);
                self.painter = Some(painter);
                return;
            }
        }
        for spec in markers {
            self.markers.add(spec);
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
            self.links.0.borrow_mut().0.insert(spec.id.clone(), LinkLayers { line, hit, label: spec.label.clone(), ends: (spec.french.clone(), spec.korean.clone()) });
        }
    }

    pub fn show(&mut self, links: &[&str], markers: &[&str]) {
        if let Some(p) = &self.painter {
            return p.update(|s| s.show(links, markers));
        }
        let links: HashSet<String> = links.iter().map(|s| s.to_string()).collect();
        let mut markers: HashSet<String> = markers.iter().map(|s| s.to_string()).collect();
        {
            let inner = self.links.0.borrow();
            markers.extend(links.iter().filter_map(|id| inner.0.get(id)).flat_map(|l| [l.ends.0.clone(), l.ends.1.clone()]));
        }
        let (links, markers) = (&links, &markers);
        self.markers.show(&self.map, markers);
        {
            let mut inner = self.links.0.borrow_mut();
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
        self.links.relink(&self.markers);
        let inner = self.links.0.borrow();
        let (all, shown) = &*inner;
        // Added in id order: which line lies on top does not depend on hashing.
        let mut ids: Vec<&String> = shown.iter().collect();
        ids.sort();
        for id in ids {
            let l = &all[id];
            if path_element(&l.line).is_some() {
                continue; // already on the map
            }
            l.line.add_to(&self.map);
            l.hit.add_to(&self.map);
            if let Some(el) = path_element(&l.line) {
                let _ = el.set_attribute("data-pair-id", id);
            }
            if let Some(el) = path_element(&l.hit) {
                let _ = el.set_attribute("data-hit-pair-id", id);
                set_svg_title(&el, &l.label);
            }
        }
    }

    pub fn select(&mut self, pair: Option<&str>) {
        if let Some(p) = &self.painter {
            return p.update(|s| s.select(pair));
        }
        let inner = self.links.0.borrow();
        let (all, shown) = &*inner;
        for (id, l) in all {
            let on = Some(id.as_str()) == pair;
            toggle_class(path_element(&l.line), "is-selected", on);
            if on && shown.contains(id) {
                l.line.bring_to_front();
                l.hit.bring_to_front();
            }
        }
        let ends = pair.and_then(|p| all.get(p)).map(|l| l.ends.clone());
        self.markers.set_class("is-selected", |id| ends.as_ref().is_some_and(|(a, b)| a == id || b == id));
    }

    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        if let Some(p) = &self.painter {
            return p.update(|s| s.highlight(pairs));
        }
        let inner = self.links.0.borrow();
        let mut ends = HashSet::new();
        for (id, l) in &inner.0 {
            let on = pairs.contains(id);
            toggle_class(path_element(&l.line), "is-highlighted", on);
            if on {
                ends.insert(l.ends.0.clone());
                ends.insert(l.ends.1.clone());
            }
        }
        self.markers.set_class("is-highlighted", |id| ends.contains(id));
    }

    pub fn focus_pair(&self, id: &str, animate: bool, bottom: f64) {
        if let Some(p) = &self.painter {
            let ends = p.scene().ends(id);
            if let Some((a, b)) = ends {
                let bounds = LatLngBounds::new(&to_leaflet(a), &to_leaflet(b));
                self.map.fit_bounds_with_options(&bounds, &fit_options(animate, [32.0, 32.0, 32.0, bottom + 16.0], 7.0));
            }
            return;
        }
        if let Some(l) = self.links.0.borrow().0.get(id) {
            let bounds: LatLngBounds = l.line.get_bounds();
            self.map.fit_bounds_with_options(&bounds, &fit_options(animate, [32.0, 32.0, 32.0, bottom + 16.0], 7.0));
        }
    }

    pub fn fit_all(&self) {
        let points = match &self.painter {
            Some(p) => p.scene().shown_positions(None),
            None => self.markers.shown_positions(),
        };
        if points.is_empty() {
            return;
        }
        let list: Array = points.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
        let bounds = LatLngBounds::new_from_list(&list);
        self.map.fit_bounds_with_options(&bounds, &fit_options(false, [32.0; 4], 7.0));
        if let Some(p) = &self.painter {
            return p.update(|s| s.draw());
        }
        self.markers.spread(&self.map);
        self.links.relink(&self.markers);
    }
}

impl Drop for WorldMap {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.resize {
            observer.disconnect();
        }
        // Removing a map ends its pan (a pair just selected) but not its zoom; both fire a last
        // move, whose frame is forgotten after.
        bindings::finish_zoom(&self.map);
        self.map.remove();
        if let Some(p) = &self.painter {
            p.cancel();
        }
    }
}
