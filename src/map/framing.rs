//! How one Leaflet map keeps its frame: fitted to what is shown, with the side that costs least
//! left free for each element that covers it (`data-covers-map`: a card, the legend, the view
//! switch; and the map's own buttons), until the user moves it by hand; and whether it has come
//! to rest (`data-settled` on the view's element, which tests and embedding pages can wait on).
//!
//! "By hand" is what a person does to this map: a drag, the wheel, a double click, a pinch, the
//! zoom buttons, the keyboard, a box zoom, a click on a group or an edge indicator. Moves the
//! program makes (fits, resizes) never count, however they are animated.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Array;
use leaflet::{LatLngBounds, Map};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{fit_options, to_leaflet};
use crate::domain::dataset::LatLng as Position;
use crate::domain::frame::{fit_padding, Padding};
use crate::domain::geo::Rect;
use crate::domain::screen::mercator;

/// A framing's handlers. Those on the map's element are taken off when the framing goes: the
/// world map's element stays in the page after its map is removed (World → Side by side), and a
/// click there would otherwise call a dropped closure.
struct Listeners {
    _closures: Vec<Closure<dyn FnMut(JsValue)>>,
    on_pane: Option<(HtmlElement, Handler)>,
}

/// A page event's handler, kept alive for as long as it listens.
type Handler = Closure<dyn FnMut(JsValue)>;

/// The page events on the map's element that tell a move by hand.
const HAND_EVENTS: [&str; 5] = ["wheel", "dblclick", "touchstart", "click", "keydown"];

impl Drop for Listeners {
    fn drop(&mut self) {
        if let Some((pane, closure)) = self.on_pane.take() {
            for event in HAND_EVENTS {
                let _ = pane.remove_event_listener_with_callback_and_bool(event, closure.as_ref().unchecked_ref(), true);
            }
        }
    }
}

/// The most a fit zooms in.
pub const MAX_FIT_ZOOM: f64 = 9.0;
/// The least a fit shows, in degrees of longitude and latitude: enough of the country around a
/// single authority, or a capital and its districts, to know where they are (an embed focused
/// on Nice showed a few kilometres of beige coast).
const MIN_SPAN: (f64, f64) = (5.0, 3.0);

/// The box a twin view's map shows its country in (south-west and north-east corners, degrees):
/// metropolitan France with Corsica, and South Korea with Jeju and Ulleungdo. The context added
/// around a lone authority stays inside it where it can (Nice showed Italy, not France).
pub const FRANCE_BOX: (Position, Position) = (Position { lat: 41.3, lng: -5.2 }, Position { lat: 51.1, lng: 9.6 });
pub const KOREA_BOX: (Position, Position) = (Position { lat: 33.1, lng: 124.6 }, Position { lat: 38.7, lng: 130.9 });

/// Slides the interval [lo, hi] into [min, max] where it fits, else centres it there.
fn slide_into(lo: f64, hi: f64, min: f64, max: f64) -> (f64, f64) {
    if hi - lo >= max - min {
        let shift = (min + max) / 2.0 - (lo + hi) / 2.0;
        return (lo + shift, hi + shift);
    }
    let shift = if lo < min { min - lo } else if hi > max { max - hi } else { 0.0 };
    (lo + shift, hi + shift)
}

/// `places`, with two corners added where they span less than [`MIN_SPAN`]: a box around their
/// middle, slid into `home` (the map's country) where it fits.
fn with_context(places: &[Position], home: Option<(Position, Position)>) -> Vec<Position> {
    let (mut lat0, mut lat1, mut lng0, mut lng1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for p in places {
        (lat0, lat1, lng0, lng1) = (lat0.min(p.lat), lat1.max(p.lat), lng0.min(p.lng), lng1.max(p.lng));
    }
    if !lat0.is_finite() || (lng1 - lng0 >= MIN_SPAN.0 && lat1 - lat0 >= MIN_SPAN.1) {
        return places.to_vec();
    }
    let (mid_lat, mid_lng) = ((lat0 + lat1) / 2.0, (lng0 + lng1) / 2.0);
    let (half_lng, half_lat) = ((lng1 - lng0).max(MIN_SPAN.0) / 2.0, (lat1 - lat0).max(MIN_SPAN.1) / 2.0);
    let (mut s, mut n, mut w, mut e) = (mid_lat - half_lat, mid_lat + half_lat, mid_lng - half_lng, mid_lng + half_lng);
    if let Some((sw, ne)) = home {
        // Only by as much as keeps every place inside the box.
        (s, n) = slide_into(s, n, sw.lat.min(lat0), ne.lat.max(lat1));
        (w, e) = slide_into(w, e, sw.lng.min(lng0), ne.lng.max(lng1));
    }
    let mut out = places.to_vec();
    out.push(Position { lat: s.max(-85.0), lng: w });
    out.push(Position { lat: n.min(85.0), lng: e });
    out
}

/// The frame state of one Leaflet map (cheap to clone: the indicators' handlers keep one).
#[derive(Clone)]
pub struct Framing {
    pub map: Map,
    /// The map's element (the Leaflet container).
    pub pane: HtmlElement,
    /// The user moved this map since the last filter change.
    pub hand: Rc<Cell<bool>>,
    /// The country this map shows (twin view), which a lone authority's context stays in.
    pub home: Option<(Position, Position)>,
    /// Fits asked of Leaflet whose `moveend` has not come yet.
    settling: Rc<Cell<u32>>,
    _listeners: Rc<Listeners>,
}

fn is_map_key(key: &str) -> bool {
    matches!(key, "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "+" | "-" | "=" | "_")
}

/// The box of an element in the page, or `None` when it is not displayed.
pub fn page_rect(el: &Element) -> Option<Rect> {
    let r = el.get_bounding_client_rect();
    (r.width() > 0.0 && r.height() > 0.0).then(|| Rect { left: r.left(), top: r.top(), right: r.right(), bottom: r.bottom() })
}

/// What covers part of the maps of `root` (the view's element), in page pixels: elements marked
/// `data-covers-map` anywhere in the page (a card is beside the map, over the list, or a sheet
/// fixed to the screen's bottom, by screen class; one that misses the map is ignored by the
/// fit), and the Leaflet controls inside it.
///
/// A cover fixed to the screen (a phone's bottom sheet) is counted where it will be once the page
/// is scrolled to the map, as it is when a card opens: the frame does not depend on where the page
/// happens to be scrolled (a search typed above the map, the list read below it).
pub fn covers(root: &HtmlElement) -> Vec<Rect> {
    let mut out = marked(root, "[data-covers-map]");
    out.extend(elements(root, ".leaflet-control").into_iter().filter_map(|el| page_rect(&el)));
    out
}

/// The elements of `scope` that `selector` picks.
fn elements(scope: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = scope.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The boxes of the page's elements that `selector` picks, in page pixels, one fixed to the
/// screen counted where it will be once the page is scrolled to the map (see [`covers`]).
fn marked(root: &HtmlElement, selector: &str) -> Vec<Rect> {
    let shift = fixed_shift(root);
    let window = web_sys::window();
    let Some(page) = root.owner_document().and_then(|d| d.document_element()) else { return Vec::new() };
    elements(&page, selector)
        .into_iter()
        .filter_map(|el| {
            let r = page_rect(&el)?;
            let fixed = shift != 0.0 && window.as_ref().is_some_and(|w| on_fixed(w, &el));
            Some(if fixed { Rect { top: r.top + shift, bottom: r.bottom + shift, ..r } } else { r })
        })
        .collect()
}

/// Whether `el` is fixed to the screen, or inside something that is (a card in its sheet).
fn on_fixed(w: &web_sys::Window, el: &Element) -> bool {
    let mut at = Some(el.clone());
    while let Some(e) = at {
        let position = w.get_computed_style(&e).ok().flatten().and_then(|s| s.get_property_value("position").ok());
        if position.as_deref() == Some("fixed") {
            return true;
        }
        at = e.parent_element();
    }
    false
}

/// How far the map is below where scrolling the page to it would put it (0 when the page does
/// not scroll, or is scrolled to the map).
fn fixed_shift(root: &HtmlElement) -> f64 {
    let Some(w) = web_sys::window() else { return 0.0 };
    let top = root.get_bounding_client_rect().top();
    let scrolled = w.scroll_y().unwrap_or(0.0);
    let screen = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let page = w.document().and_then(|d| d.document_element()).map_or(0.0, |e| f64::from(e.scroll_height()));
    let page_top = top + scrolled;
    let target = page_top.min((page - screen).max(0.0)).max(0.0);
    top - (page_top - target)
}

/// Hides the map's own buttons (zoom, attribution) wherever a card covers them (an `article`
/// marked `data-covers-map`: a pair's or an authority's card, the kiosk's band): a button under a
/// card can be neither seen nor pressed, and was drawn over the card's text (issue 16: the other
/// map's + and − over an embed's card). They come back once uncovered. `visibility` keeps their
/// boxes, so that they are measured the same either way. The zoom buttons go too under what else
/// stands over the map (the view switch, the legend): beside a side panel the map is narrow, and
/// the view switch met the Korean map's + (the wheel, a pinch and the keys still zoom).
pub fn hide_controls_under_covers(pane: &HtmlElement, root: &HtmlElement) {
    let cards = marked(root, "article[data-covers-map]");
    let others = marked(root, "[data-covers-map]:not(article)");
    for control in elements(pane, ".leaflet-control") {
        let zoom = control.class_list().contains("leaflet-control-zoom");
        let covered = page_rect(&control).is_some_and(|r| cards.iter().any(|c| c.overlaps(&r)) || (zoom && others.iter().any(|c| c.overlaps(&r))));
        let _ = control.class_list().toggle_with_force("is-covered", covered);
    }
}

impl Framing {
    /// Watches `map` (whose element is `pane`) for moves by hand and for the end of moves;
    /// `on_rest` is called after each `moveend` (a fit, a drag, a zoom). `root`: the view's
    /// element, whose `data-settled` a move sets to "false" (the view sets it back at rest).
    pub fn new(map: &Map, pane: &HtmlElement, root: &HtmlElement, on_rest: Rc<dyn Fn()>) -> Framing {
        let hand = Rc::new(Cell::new(false));
        let settling = Rc::new(Cell::new(0u32));
        let mut listeners = Vec::new();
        let by_hand = {
            let hand = hand.clone();
            move || hand.set(true)
        };
        // Leaflet's own: a drag and a box zoom only ever come from a person.
        for event in ["dragstart", "boxzoomend"] {
            let by_hand = by_hand.clone();
            let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| by_hand());
            map.on(event, closure.as_ref());
            listeners.push(closure);
        }
        // The page's: the wheel (when it zooms), a double click, a pinch, the zoom buttons and
        // the keyboard (arrows, + and -) on the map itself.
        let closure = Closure::<dyn FnMut(JsValue)>::new({
            let (by_hand, map, pane) = (by_hand.clone(), map.clone(), pane.clone());
            move |e: JsValue| {
                let Some(e) = e.dyn_ref::<web_sys::Event>() else { return };
                let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                let yes = match e.type_().as_str() {
                    "wheel" => js_sys::Reflect::get(&map, &JsValue::from_str("scrollWheelZoom"))
                        .ok()
                        .and_then(|h| js_sys::Reflect::get(&h, &JsValue::from_str("_enabled")).ok())
                        .is_some_and(|v| v.is_truthy()),
                    "dblclick" => true,
                    "touchstart" => e.dyn_ref::<web_sys::TouchEvent>().is_some_and(|t| t.touches().length() >= 2),
                    "click" => target.as_ref().and_then(|t| t.closest(".leaflet-control-zoom").ok().flatten()).is_some(),
                    "keydown" => {
                        let on_map = target.as_ref().is_some_and(|t| JsValue::from(t.clone()) == JsValue::from(pane.clone()));
                        on_map && e.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| is_map_key(&k.key()))
                    }
                    _ => false,
                };
                if yes {
                    by_hand();
                }
            }
        });
        for event in HAND_EVENTS {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_capture(true);
            options.set_passive(true);
            let _ = pane.add_event_listener_with_callback_and_add_event_listener_options(event, closure.as_ref().unchecked_ref(), &options);
        }
        let on_pane = Some((pane.clone(), closure));
        let closure = Closure::<dyn FnMut(JsValue)>::new({
            let settling = settling.clone();
            move |_| {
                settling.set(settling.get().saturating_sub(1));
                on_rest();
            }
        });
        map.on("moveend", closure.as_ref());
        listeners.push(closure);
        // Any move (a drag and its inertia, a zoom) unsettles the view until it rests again.
        let closure = Closure::<dyn FnMut(JsValue)>::new({
            let root = root.clone();
            move |_| {
                let _ = root.set_attribute("data-settled", "false");
            }
        });
        map.on("movestart", closure.as_ref());
        listeners.push(closure);
        Framing { map: map.clone(), pane: pane.clone(), hand, home: None, settling, _listeners: Rc::new(Listeners { _closures: listeners, on_pane }) }
    }

    /// Whether a fit asked for is still under way.
    pub fn is_settling(&self) -> bool {
        self.settling.get() > 0
    }

    /// The padding that keeps `covers` out of the frame for these places.
    fn padding(&self, places: &[Position], covers: &[Rect], base: Padding) -> Option<(Rect, Padding)> {
        let pane = page_rect(&self.pane)?;
        let units: Vec<(f64, f64)> = places.iter().map(|p| mercator(*p)).collect();
        let (x0, x1) = units.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), u| (a.min(u.0), b.max(u.0)));
        let (y0, y1) = units.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), u| (a.min(u.1), b.max(u.1)));
        let extent = ((x1 - x0).max(0.0) * 256.0, (y1 - y0).max(0.0) * 256.0);
        Some((pane, fit_padding(pane, base, covers, extent)))
    }

    /// Fits the map to `places`, clear of `covers` (page pixels), with at least `base` around.
    pub fn fit(&self, places: &[Position], covers: &[Rect], base: Padding, max_zoom: f64, animate: bool) {
        if places.is_empty() {
            return;
        }
        let places = &with_context(places, self.home);
        let Some((_, pad)) = self.padding(places, covers, base) else { return };
        let list: Array = places.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
        self.settling.set(self.settling.get() + 1);
        self.map.fit_bounds_with_options(&LatLngBounds::new_from_list(&list), &fit_options(animate, pad, max_zoom));
    }

    /// Brings `places` into view if any is out of it (beyond the map's edges or under what
    /// covers it), keeping the zoom where they fit: a map moved by hand keeps as much of its
    /// frame as it can.
    pub fn reveal(&self, places: &[Position], covers: &[Rect], base: Padding, animate: bool) {
        if places.is_empty() {
            return;
        }
        let Some(pane) = page_rect(&self.pane) else { return };
        let seen = Rect { left: pane.left + 8.0, top: pane.top + 8.0, right: pane.right - 8.0, bottom: pane.bottom - 8.0 };
        let inside = places.iter().all(|p| {
            let c = self.map.lat_lng_to_container_point(&to_leaflet(*p));
            let at = (c.x() + pane.left, c.y() + pane.top);
            seen.contains(at) && !covers.iter().any(|r| r.contains(at))
        });
        if !inside {
            self.fit(places, covers, base, self.map.get_zoom(), animate);
        }
    }
}
