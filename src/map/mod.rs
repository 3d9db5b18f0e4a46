//! The map seam: the only module that names Leaflet.
//!
//! It owns every Leaflet object, speaks ids and plain specs ([`MarkerSpec`], [`LinkSpec`]),
//! reports clicks as ids through `on_pick`, and removes the map when dropped. Nothing from the
//! data is ever given to Leaflet as HTML: labels go into `title` properties and `data-*`
//! attributes through the DOM API. Swapping Leaflet for another engine should touch only this
//! file and `bindings.rs`.

mod bindings;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use leaflet::{DivIconOptions, LatLng, LatLngBounds, Map, MapOptions, Marker, MarkerOptions, Point, Polyline, PolylineOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::domain::dataset::{Country, LatLng as Position};

/// What to draw for one authority.
pub struct MarkerSpec {
    pub id: String,
    pub at: Position,
    pub country: Country,
    /// Accessible name and hover title (plain text).
    pub label: String,
}

/// What to draw for one partnership.
pub struct LinkSpec {
    pub id: String,
    pub points: Vec<Position>,
    /// Style class suffix: the agreement kind, `unknown`, `exchange` or `planned`.
    pub kind: String,
    pub label: String,
}

/// What the user clicked or activated on the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Pair(String),
    Authority(String),
}

struct LinkLayers {
    line: Polyline,
    /// A wide transparent twin that makes a thin line easy to hit with a finger.
    hit: Polyline,
    /// Plain-text name shown as the line's hover title.
    label: String,
}

pub struct PartnershipMap {
    map: Map,
    markers: HashMap<String, Marker>,
    links: HashMap<String, LinkLayers>,
    shown_markers: HashSet<String>,
    shown_links: HashSet<String>,
    selected: Option<String>,
    link_ends: HashMap<String, (String, String)>,
    on_pick: Rc<dyn Fn(Pick)>,
    // Leaflet keeps JS references to these callbacks: they must live as long as the map.
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    /// Tells Leaflet when its container changes size (a panel opens, a phone rotates): Leaflet
    /// itself only watches the window.
    resize: Option<(web_sys::ResizeObserver, Closure<dyn FnMut(JsValue)>)>,
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn fit_options(animate: bool, [left, top, right, bottom]: [f64; 4]) -> Object {
    let options = Object::new();
    set(&options, "paddingTopLeft", Array::of2(&JsValue::from(left), &JsValue::from(top)));
    set(&options, "paddingBottomRight", Array::of2(&JsValue::from(right), &JsValue::from(bottom)));
    set(&options, "animate", animate);
    set(&options, "maxZoom", 7);
    options
}

fn to_leaflet(p: Position) -> LatLng {
    LatLng::new(p.lat, p.lng)
}

/// Gives an SVG element a hover title, as text (an SVG `<title>` child: SVG has no `title`
/// attribute).
fn set_svg_title(el: &Element, text: &str) {
    if el.first_element_child().is_some_and(|c| c.tag_name() == "title") {
        return;
    }
    let Some(doc) = el.owner_document() else { return };
    if let Ok(title) = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "title") {
        title.set_text_content(Some(text));
        let _ = el.append_child(&title);
    }
}

fn path_element(layer: &Polyline) -> Option<Element> {
    bindings::layer_element(layer)
}

impl PartnershipMap {
    /// Creates the map in `container` with the bundled country outlines (`basemap`: GeoJSON, or
    /// `JsValue::NULL` when it could not be loaded: the links still draw on an empty sea).
    pub fn new(container: &HtmlElement, basemap: &JsValue, on_pick: impl Fn(Pick) + 'static) -> Result<Self, JsValue> {
        let options = MapOptions::new();
        options.set_zoom_snap(0.25);
        options.set_zoom_delta(0.5);
        options.set_min_zoom(2.0);
        options.set_max_zoom(12.0);
        options.set_world_copy_jump(false);
        let map = Map::new_with_element(container, &options)?;
        map.set_view(&LatLng::new(45.0, 65.0), 3.0);
        if !basemap.is_null() && !basemap.is_undefined() {
            let style = Object::new();
            set(&style, "className", "pm-land");
            set(&style, "weight", 0.8);
            set(&style, "fillOpacity", 1.0);
            set(&style, "interactive", false);
            set(&style, "attribution", "Natural Earth");
            bindings::geo_json(basemap, &style).add_to(&map);
        }
        let resize = {
            let map = map.clone();
            let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                map.invalidate_size(false);
            });
            web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok().map(|observer| {
                observer.observe(container);
                (observer, closure)
            })
        };
        Ok(PartnershipMap {
            resize,
            map,
            markers: HashMap::new(),
            links: HashMap::new(),
            shown_markers: HashSet::new(),
            shown_links: HashSet::new(),
            selected: None,
            link_ends: HashMap::new(),
            on_pick: Rc::new(on_pick),
            closures: Vec::new(),
        })
    }

    fn pick_handler(&mut self, pick: Pick) -> JsValue {
        let on_pick = self.on_pick.clone();
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| on_pick(pick.clone()));
        let js = closure.as_ref().clone();
        self.closures.push(closure);
        js
    }

    /// Creates the markers (not yet shown). Call once per dataset.
    pub fn set_markers(&mut self, specs: &[MarkerSpec]) {
        for spec in specs {
            let class = match spec.country {
                Country::France => "pm-marker pm-marker--fr",
                Country::Korea => "pm-marker pm-marker--kr",
            };
            let icon_options = DivIconOptions::new();
            icon_options.set_class_name(class.to_string());
            icon_options.set_icon_size(Point::new(18.0, 18.0));
            let options = MarkerOptions::new();
            options.set_icon(bindings::div_icon(&icon_options));
            options.set_title(spec.label.clone());
            options.set_alt(spec.label.clone());
            options.set_keyboard(true);
            options.set_rise_on_hover(true);
            let marker = Marker::new_with_options(&to_leaflet(spec.at), &options);
            let handler = self.pick_handler(Pick::Authority(spec.id.clone()));
            marker.on("click", &handler);
            // Leaflet fires "click" on Enter for keyboard-focused markers too.
            self.markers.insert(spec.id.clone(), marker);
        }
    }

    /// Creates the links (not yet shown). `ends` gives each link's two marker ids.
    pub fn set_links(&mut self, specs: &[LinkSpec], ends: impl Fn(&str) -> Option<(String, String)>) {
        for spec in specs {
            let points: Array = spec.points.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
            let kind = &spec.kind;
            let line_options = PolylineOptions::new();
            line_options.set_class_name(format!("pm-link pm-link--{kind}"));
            line_options.set_interactive(false);
            line_options.set_weight(2.5);
            let line = Polyline::new_with_options(&points, &line_options);
            let hit_options = PolylineOptions::new();
            hit_options.set_class_name("pm-link-hit".to_string());
            hit_options.set_weight(10.0);
            hit_options.set_opacity(0.0);
            let hit = Polyline::new_with_options(&points, &hit_options);
            let handler = self.pick_handler(Pick::Pair(spec.id.clone()));
            hit.on("click", &handler);
            if let Some(e) = ends(&spec.id) {
                self.link_ends.insert(spec.id.clone(), e);
            }
            self.links.insert(spec.id.clone(), LinkLayers { line, hit, label: spec.label.clone() });
        }
    }

    /// Shows exactly these links and markers, adding and removing layers by id.
    pub fn show(&mut self, links: &HashSet<String>, markers: &HashSet<String>) {
        for id in self.shown_links.difference(links) {
            if let Some(l) = self.links.get(id) {
                l.line.remove();
                l.hit.remove();
            }
        }
        for id in links.difference(&self.shown_links) {
            if let Some(l) = self.links.get(id) {
                l.line.add_to(&self.map);
                l.hit.add_to(&self.map);
                for (layer, attr) in [(&l.line, "data-pair-id"), (&l.hit, "data-hit-pair-id")] {
                    if let Some(el) = path_element(layer) {
                        let _ = el.set_attribute(attr, id);
                    }
                }
                if let Some(el) = path_element(&l.hit) {
                    set_svg_title(&el, &l.label);
                }
            }
        }
        for id in self.shown_markers.difference(markers) {
            if let Some(m) = self.markers.get(id) {
                m.remove();
            }
        }
        for id in markers.difference(&self.shown_markers) {
            if let Some(m) = self.markers.get(id) {
                m.add_to(&self.map);
                if let Some(el) = bindings::layer_element(m) {
                    let _ = el.set_attribute("data-authority-id", id);
                }
            }
        }
        self.shown_links = links.clone();
        self.shown_markers = markers.clone();
        let selected = self.selected.take();
        self.select(selected.as_deref());
    }

    /// Highlights one link and its two markers (or nothing).
    pub fn select(&mut self, pair: Option<&str>) {
        let toggle = |el: Option<Element>, on: bool| {
            if let Some(el) = el {
                let _ = el.class_list().toggle_with_force("is-selected", on);
            }
        };
        for (id, l) in &self.links {
            let on = Some(id.as_str()) == pair;
            toggle(path_element(&l.line), on);
            if on && self.shown_links.contains(id) {
                l.line.bring_to_front();
                l.hit.bring_to_front();
            }
        }
        let ends = pair.and_then(|p| self.link_ends.get(p));
        for (id, m) in &self.markers {
            let on = ends.is_some_and(|(a, b)| a == id || b == id);
            toggle(bindings::layer_element(m), on);
        }
        self.selected = pair.map(str::to_string);
    }

    /// Fits the view to these points, leaving `padding` pixels free on each side
    /// (`[left, top, right, bottom]`: room for a card drawn over the map).
    pub fn fit(&self, points: &[Position], animate: bool, padding: [f64; 4]) {
        if points.is_empty() {
            return;
        }
        let list: Array = points.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
        let bounds = LatLngBounds::new_from_list(&list);
        self.map.fit_bounds_with_options(&bounds, &fit_options(animate, padding));
    }

    /// Fits the view to a whole link, its curve included.
    pub fn fit_link(&self, id: &str, animate: bool, padding: [f64; 4]) {
        if let Some(l) = self.links.get(id) {
            let bounds = l.line.get_bounds();
            self.map.fit_bounds_with_options(&bounds, &fit_options(animate, padding));
        }
    }

    /// The map's size in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        let p = self.map.get_size();
        (p.x(), p.y())
    }
}

impl Drop for PartnershipMap {
    fn drop(&mut self) {
        if let Some((observer, _)) = &self.resize {
            observer.disconnect();
        }
        self.map.remove();
    }
}
