//! The map seam: the only module that names Leaflet.
//!
//! It owns every Leaflet object, speaks ids and plain specs ([`MarkerSpec`], [`LinkSpec`]),
//! reports clicks and hovers as ids, and removes its maps when dropped. Nothing from the data is
//! ever given to Leaflet as HTML: labels go into `title` properties, `data-*` attributes and
//! text nodes through the DOM API. Swapping Leaflet for another engine should touch only this
//! module.
//!
//! Two views: [`world::WorldMap`] (one map, great-circle arcs) and [`twin::TwinMap`] (France and
//! Korea side by side, links drawn across the gutter on an overlay that follows both maps). Both
//! name what they show ([`labels`]), stand for what lies beyond their edges with one indicator
//! per edge ([`edges`]), and keep their frame ([`framing`]): fitted to what is shown, clear of
//! what covers them (elements marked `data-covers-map`), until the user moves them by hand.

mod bindings;
mod decor;
mod edges;
mod framing;
mod labels;
mod markers;
// The PNG download's picture: the full app's (an embed downloads nothing; Cargo.toml, `full`).
#[cfg(feature = "full")]
pub mod picture;
mod scene;
mod surface;

pub use scene::CANVAS_ABOVE;
pub mod twin;
pub mod world;

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use leaflet::LatLng;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::dataset::{Country, LatLng as Position};
pub use crate::domain::frame::Edge;

/// What to draw for one authority.
pub struct MarkerSpec {
    pub id: String,
    pub at: Position,
    pub country: Country,
    /// Accessible name and hover title (plain text).
    pub label: String,
    /// The name written beside the marker on the map (plain text, the interface's language).
    pub name: String,
    /// How much the authority stands for on the map (the app ranks by tier, then population):
    /// the first of a crowd stands for it, and its name is placed before others.
    pub rank: u32,
}

/// What to draw for one partnership.
pub struct LinkSpec {
    pub id: String,
    /// Marker ids of the two ends, French then Korean.
    pub french: String,
    pub korean: String,
    /// Style class suffix: the agreement kind, `unknown`, `exchange` or `planned`.
    pub kind: String,
    /// Plain-text name, the line's hover title.
    pub label: String,
}

/// What the user clicked, hovered or focused on the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Pair(String),
    Authority(String),
}

/// The map's own words, in the interface's language: replaced as a whole when the language
/// changes ([`PartnershipMap::relabel`]).
pub struct Words {
    /// The accessible name of a marker standing for this many authorities (it zooms in).
    pub group: Box<dyn Fn(usize) -> String>,
    /// The names of the zoom buttons (in, out) of the map of a country, or of the world map.
    pub zoom: Box<dyn Fn(Option<Country>) -> (String, String)>,
    /// The accessible name of an edge indicator: how many authorities lie beyond which edge of
    /// which map (`None`: the world map).
    pub edge: Box<dyn Fn(usize, Edge, Option<Country>) -> String>,
    /// A country's name, written on its map.
    pub country: Box<dyn Fn(Country) -> String>,
}

impl Words {
    /// The interface's words for the map in `lang` (`domain::i18n`): the app's and the first
    /// view's (src/first.rs).
    pub fn of(lang: crate::domain::i18n::Lang) -> Words {
        use crate::domain::i18n::{edge_label, group_label, t, zoom_labels, Msg};
        Words {
            group: Box::new(move |n| group_label(lang, n)),
            zoom: Box::new(move |country| zoom_labels(lang, country)),
            edge: Box::new(move |n, edge, country| edge_label(lang, n, edge, country)),
            country: Box::new(move |c| t(lang, if c == Country::France { Msg::France } else { Msg::Korea }).to_string()),
        }
    }
}

/// The words shared by every part of a map, so that a language change reaches them all.
pub type SharedWords = Rc<RefCell<Words>>;

/// How the map talks back (every callback speaks ids), and the words it needs.
#[derive(Clone)]
pub struct Callbacks {
    pub on_pick: Rc<dyn Fn(Pick)>,
    /// `Some` when the pointer or the keyboard focus enters a line or a marker, `None` when it
    /// leaves.
    pub on_hover: Rc<dyn Fn(Option<Pick>)>,
    pub words: SharedWords,
    /// Whether a set of markers (`"world"`, `"fr"`, `"kr"`) now draws any group marker, after
    /// each layout (a zoom, a filter change).
    pub on_groups: Rc<dyn Fn(&'static str, bool)>,
    /// Touch-sized (44 px) marker targets whatever the screen's width: a kiosk's touch screen.
    pub touch_targets: bool,
}

/// Which view to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    World,
    /// France and Korea side by side, or one above the other on a narrow screen.
    Twin { stacked: bool },
}

/// How to frame the maps ([`PartnershipMap::frame`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reframe {
    /// The filters changed: every map fits what is shown, even one moved by hand.
    All,
    /// The selection or what covers the map changed: maps not moved by hand fit what is shown;
    /// one moved by hand only brings the selected pairs' ends into view, if they are not.
    Keep,
}

/// The map, whichever the view: the app calls these and nothing else.
pub enum PartnershipMap {
    World(world::WorldMap),
    Twin(twin::TwinMap),
}

impl PartnershipMap {
    pub fn new(container: &web_sys::HtmlElement, layout: Layout, basemap: &JsValue, callbacks: Callbacks) -> Result<Self, JsValue> {
        Ok(match layout {
            Layout::World => PartnershipMap::World(world::WorldMap::new(container, basemap, callbacks)?),
            Layout::Twin { stacked } => PartnershipMap::Twin(twin::TwinMap::new(container, stacked, basemap, callbacks)?),
        })
    }

    /// Creates the markers and links (not yet shown). Call once per dataset.
    pub fn set_data(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        match self {
            PartnershipMap::World(m) => m.set_data(markers, links),
            PartnershipMap::Twin(m) => m.set_data(markers, links),
        }
    }

    /// Shows exactly these links with their two ends, and these other markers (an authority
    /// whose partner is not on the map); ids may repeat. The ends come with their links: at
    /// 10,000 pairs, looking up 20,000 end ids at each filter change cost a fifth of it.
    pub fn show(&mut self, links: &[&str], markers: &[&str]) {
        match self {
            PartnershipMap::World(m) => m.show(links, markers),
            PartnershipMap::Twin(m) => m.show(links, markers),
        }
    }

    /// Marks these links and their markers as selected (a pair, or an authority's pairs).
    pub fn select(&mut self, pairs: &[&str]) {
        match self {
            PartnershipMap::World(m) => m.select(pairs),
            PartnershipMap::Twin(m) => m.select(pairs),
        }
    }

    /// Marks these links and their markers as highlighted (hover or focus).
    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        match self {
            PartnershipMap::World(m) => m.highlight(pairs),
            PartnershipMap::Twin(m) => m.highlight(pairs),
        }
    }

    /// Frames the maps now on what [`Self::show`] is about to show (the same links and markers),
    /// before it is shown: markers and lines are then laid once, at the view they are seen at.
    /// Shown first, they were laid at the home view, then moved and spread again by the fit (at a
    /// phone's speed, the fit was half of the first view's drawing). The fit that [`Self::frame`]
    /// asks for afterwards finds the maps where it would put them. For a map's first
    /// [`Self::show`]; later ones frame as they did.
    pub fn preframe(&self, links: &[&str], markers: &[&str]) {
        match self {
            PartnershipMap::World(m) => m.preframe(links, markers),
            PartnershipMap::Twin(m) => m.preframe(links, markers),
        }
    }

    /// Frames the maps at the next animation frame (when what covers them has been laid out):
    /// each fits what is shown and the ends of `include` (the selected pairs), clear of what
    /// covers it; see [`Reframe`] for a map moved by hand. Reduced motion: jumps, no flight.
    pub fn frame(&self, how: Reframe, include: &[&str]) {
        let include: Vec<String> = include.iter().map(|s| s.to_string()).collect();
        match self {
            PartnershipMap::World(m) => m.frame(how, include),
            PartnershipMap::Twin(m) => m.frame(how, include),
        }
    }

    /// New texts for everything the map names (a language change): markers, lines, groups,
    /// names on the map, edge indicators and buttons. Nothing is rebuilt; the frame, the
    /// selection and the highlight stay.
    pub fn relabel(&mut self, markers: &[MarkerSpec], links: &[LinkSpec], words: Words) {
        match self {
            PartnershipMap::World(m) => m.relabel(markers, links, words),
            PartnershipMap::Twin(m) => m.relabel(markers, links, words),
        }
    }

    /// For a map embedded in another page: the mouse wheel scrolls the page, not the map, until
    /// the map is clicked, touched or focused (no scroll trap).
    pub fn hold_wheel_until_used(&mut self, container: &web_sys::HtmlElement) {
        let maps: Vec<leaflet::Map> = match self {
            PartnershipMap::World(m) => vec![m.leaflet().clone()],
            PartnershipMap::Twin(m) => m.leaflets(),
        };
        for map in &maps {
            wheel(map, false);
        }
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            for map in &maps {
                wheel(map, true);
            }
        });
        for event in ["pointerdown", "focusin", "touchstart"] {
            let _ = container.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        // Lives as long as the page: the container goes with the map.
        closure.forget();
    }
}

pub(crate) fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

pub(crate) fn to_leaflet(p: Position) -> LatLng {
    LatLng::new(p.lat, p.lng)
}

/// Fits a Leaflet map to places (a group marker clicked), zooming in at least one step.
pub(crate) fn zoom_to_places(map: &leaflet::Map, places: &[Position]) {
    if places.is_empty() {
        return;
    }
    let list: js_sys::Array = places.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
    let bounds = leaflet::LatLngBounds::new_from_list(&list);
    let (Some(zoom), Some(centre)) = (bindings::bounds_zoom(map, &bounds), bindings::bounds_center(&bounds)) else { return };
    let options = Object::new();
    set(&options, "animate", !prefers_reduced_motion());
    map.set_view_with_options(&centre, zoom.max(map.get_zoom() + 1.0).min(map.get_max_zoom()), &options);
}

pub(crate) fn fit_options(animate: bool, [left, top, right, bottom]: [f64; 4], max_zoom: f64) -> Object {
    let options = Object::new();
    set(&options, "paddingTopLeft", Array::of2(&JsValue::from(left), &JsValue::from(top)));
    set(&options, "paddingBottomRight", Array::of2(&JsValue::from(right), &JsValue::from(bottom)));
    set(&options, "animate", animate);
    set(&options, "maxZoom", max_zoom);
    options
}

/// `map.scrollWheelZoom.enable()` / `.disable()`.
fn wheel(map: &leaflet::Map, on: bool) {
    if let Ok(handler) = Reflect::get(map, &JsValue::from_str("scrollWheelZoom")) {
        let handler: leaflet::Handler = handler.unchecked_into();
        if on {
            handler.enable();
        } else {
            handler.disable();
        }
    }
}

/// A phone-sized window: the width at which the stylesheet switches to one column (keep in step
/// with `@media (max-width: 720px)` in public/style.css). Markers then get touch-sized targets.
pub fn narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w <= 720.0)
}

/// Whether the twin view puts France above Korea rather than beside it: on a phone-sized window,
/// except an embed in a frame wider than high and wide enough for two maps (stacked in a 640×460
/// frame, each country was a strip 160 px high, every line one bundle into one group). The
/// interface (`MapView`) and the embed's first view (src/first.rs) both ask this.
pub fn stacked_twin(embed: bool) -> bool {
    let size = |v: Result<JsValue, JsValue>| v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let Some(window) = web_sys::window() else { return false };
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    narrow_screen() && !(embed && width >= 480.0 && width >= height)
}

/// How much larger than the usual 16 px the page's type is (a kiosk's big screen sets 20 to
/// 48 px): markers and their targets grow with it, never shrink.
pub fn type_scale() -> f64 {
    let px = web_sys::window()
        .and_then(|w| {
            let root = w.document()?.document_element()?;
            w.get_computed_style(&root).ok().flatten()
        })
        .and_then(|s| s.get_property_value("font-size").ok())
        // The browser's own number parser: Rust's float parsing is 2.5 KB of wasm.
        .map(|v| js_sys::parse_float(v.trim_end_matches("px")))
        .filter(|px| px.is_finite())
        .unwrap_or(16.0);
    (px / 16.0).max(1.0)
}

/// Whether the user asked for less motion: the maps then jump instead of flying and zooming.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Leaflet's zoom buttons, named in the interface's language (Leaflet's own are in English).
pub(crate) fn add_zoom_control(map: &leaflet::Map, callbacks: &Callbacks, country: Option<Country>) {
    let (zoom_in, zoom_out) = (callbacks.words.borrow().zoom)(country);
    let mut options = leaflet::ZoomOptions::new();
    options.set_zoom_in_title(&zoom_in);
    options.set_zoom_out_title(&zoom_out);
    leaflet::Zoom::new(&options).add_to(map);
}

/// Names a map's zoom buttons again (Leaflet reads its options only when it builds them).
pub(crate) fn rename_zoom_control(map: &leaflet::Map, words: &Words, country: Option<Country>) {
    let (zoom_in, zoom_out) = (words.zoom)(country);
    let Some(container) = Reflect::get(map, &JsValue::from_str("_container")).ok().and_then(|c| c.dyn_into::<web_sys::Element>().ok()) else { return };
    for (class, name) in [(".leaflet-control-zoom-in", zoom_in), (".leaflet-control-zoom-out", zoom_out)] {
        if let Ok(Some(button)) = container.query_selector(class) {
            let _ = button.set_attribute("title", &name);
            let _ = button.set_attribute("aria-label", &name);
        }
    }
}

/// A map's country outlines, laid in the task after the map's first fit. Laid at once, they were
/// projected for the opening view and then again for the fitted one: about a third of the
/// map's start (profiled: 276 ms to add them and 202 ms to fit, of 1.5 s in the wasm, twin view).
/// And a few at a time ([`lay_some`]): all 136 at once held the page for 365 to 590 ms at a
/// phone's speed (CPU ×4), which Lighthouse counts as blocking time. And not in the fit's own
/// task, which was 140–210 ms at CPU ×4 with the first slice and the order of the outlines in it
/// (40–55 ms of it; `make bench`'s longtask figures in the README).
pub(crate) struct Land(RefCell<Option<JsValue>>);

impl Land {
    pub(crate) fn new(basemap: &JsValue) -> Self {
        Land(RefCell::new(Some(basemap.clone())))
    }

    /// Adds the outlines to `map` in a later task, the first time only (not at all if the map
    /// is removed before then).
    pub(crate) fn lay(&self, map: &leaflet::Map) {
        let basemap = self.0.borrow_mut().take();
        if let Some(basemap) = basemap {
            let map = map.clone();
            let later = Closure::once_into_js(move || {
                if bindings::is_live(&map) {
                    add_basemap(&map, &basemap);
                }
            });
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(later.unchecked_ref());
            }
        }
    }
}

/// The outlines' pane (`bindings::pane`), between Leaflet's tiles (200) and its vectors (400).
const LAND_PANE: &str = "pmLand";

/// The basemap layer: country outlines as a non-interactive GeoJSON layer, the countries nearest
/// the map's centre first, in slices of a few milliseconds each (the page answers in between).
pub(crate) fn add_basemap(map: &leaflet::Map, basemap: &JsValue) {
    if basemap.is_null() || basemap.is_undefined() {
        return;
    }
    // The outlines have a pane of their own, under the lines: laid after the first fit, in the
    // lines' pane (Leaflet's overlay pane) they came after them in its SVG and covered every
    // line over land (the world view showed only the bits over the sea).
    let style = Object::new();
    if bindings::pane(map, LAND_PANE, "350").is_some() {
        set(&style, "pane", LAND_PANE);
    }
    set(&style, "className", "pm-land");
    set(&style, "weight", 0.8);
    set(&style, "fillOpacity", 1.0);
    set(&style, "interactive", false);
    set(&style, "attribution", "Natural Earth");
    let features = Reflect::get(basemap, &JsValue::from_str("features")).ok().and_then(|f| f.dyn_into::<Array>().ok());
    // Written from the land file (domain::land): anything else is handed to Leaflet whole.
    let Some(features) = features else { return lay_all(map, basemap, &style) };
    let land = match bindings::geo_json(&JsValue::NULL, &style) {
        Ok(land) => land,
        Err(e) => return leptos::logging::warn!("basemap: Leaflet refused the outlines: {e:?}"),
    };
    land.add_to(map);
    let centre = map.get_center();
    let (lat, lng) = (centre.lat(), centre.lng());
    let mut order: Vec<(f64, JsValue)> = features.iter().map(|f| (first_point(&f).map_or(f64::MAX, |(x, y)| (x - lng).powi(2) + (y - lat).powi(2)), f)).collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    lay_some(land, order.into_iter().map(|(_, f)| f).collect(), 0);
}

fn lay_all(map: &leaflet::Map, basemap: &JsValue, style: &Object) {
    match bindings::geo_json(basemap, style) {
        Ok(land) => {
            land.add_to(map);
        }
        Err(e) => {
            // A geometry Leaflet still refuses leaves the map without land, as a missing
            // basemap does.
            leptos::logging::warn!("basemap: Leaflet refused the outlines: {e:?}");
        }
    }
}

/// The first position of a feature's geometry, as (longitude, latitude).
fn first_point(feature: &JsValue) -> Option<(f64, f64)> {
    let geometry = Reflect::get(feature, &JsValue::from_str("geometry")).ok()?;
    let mut at = Reflect::get(&geometry, &JsValue::from_str("coordinates")).ok()?;
    while let Some(first) = at.dyn_ref::<Array>().map(|a| a.get(0)).filter(|f| f.is_array()) {
        at = first;
    }
    let point = at.dyn_into::<Array>().ok()?;
    Some((point.get(0).as_f64()?, point.get(1).as_f64()?))
}

/// Adds features from `from` on for about 8 ms, then the rest in a later task. A map removed in
/// the meantime takes the rest into its detached layer, which then goes with it.
fn lay_some(land: leaflet::Layer, features: Vec<JsValue>, from: usize) {
    let start = js_sys::Date::now();
    let mut next = from;
    while next < features.len() {
        // One outline Leaflet refuses is left out, the others are still laid.
        if let Err(e) = bindings::add_data(&land, &features[next]) {
            leptos::logging::warn!("basemap: Leaflet refused outline {next}: {e:?}");
        }
        next += 1;
        if js_sys::Date::now() - start > 8.0 {
            break;
        }
    }
    if next < features.len() {
        let rest = Closure::once_into_js(move || lay_some(land, features, next));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(rest.unchecked_ref());
        }
    }
}

/// Gives an SVG element a hover title, as text (an SVG `<title>` child: SVG has no `title`
/// attribute), or replaces it.
pub(crate) fn set_svg_title(el: &web_sys::Element, text: &str) {
    if let Some(title) = el.first_element_child().filter(|c| c.tag_name() == "title") {
        title.set_text_content(Some(text));
        return;
    }
    let Some(doc) = el.owner_document() else { return };
    if let Ok(title) = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "title") {
        title.set_text_content(Some(text));
        let _ = el.append_child(&title);
    }
}

pub(crate) fn toggle_class(el: Option<web_sys::Element>, class: &str, on: bool) {
    if let Some(el) = el {
        let _ = el.class_list().toggle_with_force(class, on);
    }
}

