//! The twin view: France and Korea each on its own Leaflet map, side by side (or one above the
//! other on a narrow screen), every partnership drawn across the gutter on an SVG overlay that
//! follows both maps as they pan and zoom. An end whose marker is out of view stops at its
//! map's edge, pointing towards it.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use js_sys::Array;
use leaflet::{LatLngBounds, Map, MapOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::markers::MarkerSet;
use super::scene::{self, Frame, Painter, Scene, CANVAS_ABOVE};
use super::{add_basemap, bindings, fit_options, set_svg_title, to_leaflet, toggle_class, Callbacks, LinkSpec, MarkerSpec, Pick};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::{cross_link, Rect};

const SVG: &str = "http://www.w3.org/2000/svg";
/// Room kept around the markers when a map is fitted (left, top, right, bottom): clear of the
/// zoom buttons and the view switch above, and of the attribution below, so that no marker
/// hides under them.
const FIT_PADDING: [f64; 4] = [48.0, 64.0, 48.0, 36.0];
/// Pixels at each end of a line that do not catch the pointer (a marker is 18 px wide).
const HIT_MARGIN: f64 = 14.0;

struct TwinLink {
    line: Element,
    hit: Element,
    french: String,
    korean: String,
}

struct Inner {
    root: HtmlElement,
    fr_pane: HtmlElement,
    kr_pane: HtmlElement,
    overlay: Element,
    fr: Map,
    kr: Map,
    fr_markers: MarkerSet,
    kr_markers: MarkerSet,
    links: HashMap<String, TwinLink>,
    shown: HashSet<String>,
    stacked: bool,
    /// The two panes' boxes in the overlay's coordinates, measured when the layout changes
    /// (never while redrawing: reading layout there would force it for every frame of a pan).
    rects: (Rect, Rect),
    /// A redraw is already scheduled for the next animation frame. A `Cell`: Leaflet fires its
    /// events synchronously while `Inner` is borrowed (fitting the view), so the event handler
    /// may only take a shared borrow.
    /// The animation frame asked for to redraw the overlay, not yet run.
    pending: std::cell::Cell<Option<i32>>,
    /// Set when there are too many links for one element each: everything is drawn on a canvas.
    painter: Option<Painter>,
}

pub struct TwinMap {
    inner: Rc<RefCell<Inner>>,
    callbacks: Callbacks,
    closures: Vec<Closure<dyn FnMut(JsValue)>>,
    resize: Option<web_sys::ResizeObserver>,
}

fn div(doc: &web_sys::Document, class: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element("div")?.unchecked_into();
    el.set_class_name(class);
    Ok(el)
}

fn new_map(pane: &HtmlElement, basemap: &JsValue, attribution: bool, callbacks: &Callbacks, country: Country) -> Result<Map, JsValue> {
    let options = MapOptions::new();
    options.set_zoom_snap(0.25);
    options.set_zoom_delta(0.5);
    options.set_min_zoom(3.0);
    options.set_max_zoom(12.0);
    // Without animations every position is final when `move`/`zoom` fire, so the overlay can
    // follow exactly (and nothing flies for people who prefer reduced motion).
    options.set_zoom_animation(false);
    options.set_fade_animation(false);
    options.set_marker_zoom_animation(false);
    options.set_attribution_control(attribution);
    options.set_zoom_control(false);
    let map = Map::new_with_element(pane, &options)?;
    super::add_zoom_control(&map, callbacks, Some(country));
    map.set_view(&leaflet::LatLng::new(40.0, 60.0), 4.0);
    add_basemap(&map, basemap);
    Ok(map)
}

impl Inner {
    /// Box of a pane in the overlay's coordinates (the root's CSS pixels).
    fn rect(&self, pane: &HtmlElement) -> Rect {
        let root = self.root.get_bounding_client_rect();
        let r = pane.get_bounding_client_rect();
        Rect { left: r.left() - root.left(), top: r.top() - root.top(), right: r.right() - root.left(), bottom: r.bottom() - root.top() }
    }

    fn measure(&mut self) {
        self.rects = (self.rect(&self.fr_pane), self.rect(&self.kr_pane));
    }

    /// Where the canvas scene is drawn: each map's projection in the root's pixels.
    fn frame(&self) -> Frame {
        let (fr_rect, kr_rect) = self.rects;
        Frame::Twin {
            fr: scene::projection(&self.fr, (fr_rect.left, fr_rect.top)),
            kr: scene::projection(&self.kr, (kr_rect.left, kr_rect.top)),
            fr_rect,
            kr_rect,
            stacked: self.stacked,
        }
    }

    /// Redraws every shown link from where its two markers are now.
    fn redraw(&self) {
        if let Some(p) = &self.painter {
            return p.schedule();
        }
        let (fr_rect, kr_rect) = self.rects;
        for id in &self.shown {
            let Some(link) = self.links.get(id) else { continue };
            let ends = (
                self.fr_markers.container_point(&self.fr, &link.french).map(|(x, y)| (x + fr_rect.left, y + fr_rect.top)),
                self.kr_markers.container_point(&self.kr, &link.korean).map(|(x, y)| (x + kr_rect.left, y + kr_rect.top)),
            );
            let (Some(fr), Some(kr)) = ends else { continue };
            let geometry = cross_link(fr, kr, fr_rect, kr_rect, self.stacked);
            let _ = link.line.set_attribute("d", &geometry.path());
            // The hit area stops short of the markers, which stay easy to point at.
            let _ = link.hit.set_attribute("d", &geometry.trimmed(HIT_MARGIN).path());
            toggle_class(Some(link.line.clone()), "is-clamped-start", geometry.from_clamped);
            toggle_class(Some(link.line.clone()), "is-clamped-end", geometry.to_clamped);
        }
    }
}

impl TwinMap {
    /// The France and the Korea maps.
    pub(crate) fn leaflets(&self) -> Vec<Map> {
        let i = self.inner.borrow();
        vec![i.fr.clone(), i.kr.clone()]
    }

    pub fn new(container: &HtmlElement, stacked: bool, basemap: &JsValue, callbacks: Callbacks) -> Result<Self, JsValue> {
        let doc = container.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
        let _ = container.class_list().add_2("map--twin", if stacked { "map--stacked" } else { "map--side-by-side" });
        let fr_pane = div(&doc, "twin-pane twin-pane--fr")?;
        let kr_pane = div(&doc, "twin-pane twin-pane--kr")?;
        container.append_child(&fr_pane)?;
        container.append_child(&kr_pane)?;
        let overlay = doc.create_element_ns(Some(SVG), "svg")?;
        overlay.set_attribute("class", "link-overlay")?;
        overlay.set_attribute("aria-hidden", "true")?;
        // The arrow that ends a line whose marker is out of view.
        let defs = doc.create_element_ns(Some(SVG), "defs")?;
        let marker = doc.create_element_ns(Some(SVG), "marker")?;
        for (k, v) in [("id", "pm-arrow"), ("viewBox", "0 0 10 10"), ("refX", "8"), ("refY", "5"), ("markerWidth", "6"), ("markerHeight", "6"), ("orient", "auto-start-reverse")] {
            marker.set_attribute(k, v)?;
        }
        let arrow = doc.create_element_ns(Some(SVG), "path")?;
        arrow.set_attribute("d", "M0 0 L10 5 L0 10 z")?;
        arrow.set_attribute("class", "pm-arrow")?;
        marker.append_child(&arrow)?;
        defs.append_child(&marker)?;
        overlay.append_child(&defs)?;
        container.append_child(&overlay)?;

        let fr = new_map(&fr_pane, basemap, false, &callbacks, Country::France)?;
        let kr = new_map(&kr_pane, basemap, true, &callbacks, Country::Korea)?;
        let inner = Rc::new(RefCell::new(Inner {
            root: container.clone(),
            fr_pane,
            kr_pane,
            overlay,
            fr,
            kr,
            fr_markers: MarkerSet::new("fr", &callbacks),
            kr_markers: MarkerSet::new("kr", &callbacks),
            links: HashMap::new(),
            shown: HashSet::new(),
            stacked,
            rects: (Rect { left: 0.0, top: 0.0, right: 0.0, bottom: 0.0 }, Rect { left: 0.0, top: 0.0, right: 0.0, bottom: 0.0 }),
            pending: std::cell::Cell::new(None),
            painter: None,
        }));
        inner.borrow_mut().measure();
        let mut twin = TwinMap { inner, callbacks, closures: Vec::new(), resize: None };

        // The overlay follows either map, redrawn at most once per animation frame however many
        // move and zoom events a frame brings; markers are spread apart again at each zoom.
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(&twin.inner);
        let frame = Closure::<dyn FnMut(JsValue)>::new({
            let weak = weak.clone();
            move |_| {
                if let Some(inner) = weak.upgrade() {
                    let i = inner.borrow();
                    i.pending.set(None);
                    i.redraw();
                }
            }
        });
        let frame_js: js_sys::Function = frame.as_ref().clone().unchecked_into();
        twin.closures.push(frame);
        let redraw = twin.handler({
            let weak = weak.clone();
            move || {
                if let Some(inner) = weak.upgrade() {
                    let i = inner.borrow();
                    if i.pending.get().is_none() {
                        if let Some(w) = web_sys::window() {
                            i.pending.set(w.request_animation_frame(&frame_js).ok());
                        }
                    }
                }
            }
        });
        let respread = twin.handler({
            let weak = weak.clone();
            move || {
                if let Some(inner) = weak.upgrade() {
                    let i = inner.borrow();
                    i.fr_markers.spread(&i.fr);
                    i.kr_markers.spread(&i.kr);
                    i.redraw();
                }
            }
        });
        {
            let i = twin.inner.borrow();
            for map in [&i.fr, &i.kr] {
                map.on("move zoom resize viewreset", &redraw);
                map.on("zoomend", &respread);
            }
        }
        // A resized container (panel opened, phone rotated): both maps and the overlay follow.
        let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(inner) = weak.upgrade() {
                inner.borrow_mut().measure();
                let i = inner.borrow();
                if let Some(p) = &i.painter {
                    p.update(|s| s.resize());
                }
                i.fr.invalidate_size(false);
                i.kr.invalidate_size(false);
                i.redraw();
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(container);
            twin.resize = Some(observer);
        }
        twin.closures.push(on_resize);
        Ok(twin)
    }

    fn handler(&mut self, f: impl Fn() + 'static) -> JsValue {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        let js = closure.as_ref().clone();
        self.closures.push(closure);
        js
    }

    fn listen(&mut self, el: &Element, event: &str, f: impl Fn() + 'static) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
        let _ = el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        self.closures.push(closure);
    }

    pub fn set_data(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        if links.len() > CANVAS_ABOVE {
            let root = self.inner.borrow().root.clone();
            if let Ok(mut s) = Scene::new(&root) {
                s.set_data(markers, links);
                let weak = Rc::downgrade(&self.inner);
                let painter = Painter::new(s, move || weak.upgrade()?.try_borrow().ok().map(|i| i.frame()));
                let (fr, kr) = (self.inner.borrow().fr.clone(), self.inner.borrow().kr.clone());
                for (map, french) in [(fr, true), (kr, false)] {
                    let weak = Rc::downgrade(&self.inner);
                    let offset = Rc::new(move || {
                        weak.upgrade()
                            .and_then(|i| i.try_borrow().ok().map(|i| if french { i.rects.0 } else { i.rects.1 }))
                            .map_or((0.0, 0.0), |r| (r.left, r.top))
                    });
                    let maps = (self.inner.borrow().fr.clone(), self.inner.borrow().kr.clone());
                    let zoom_to = Rc::new(move |french: &[Position], korean: &[Position]| {
                        super::zoom_to_places(&maps.0, french);
                        super::zoom_to_places(&maps.1, korean);
                    });
                    self.closures.extend(scene::listen(&map, &painter, &self.callbacks, offset, zoom_to));
                }
                self.inner.borrow_mut().painter = Some(painter);
                return;
            }
        }
        {
            let i = self.inner.borrow();
            for spec in markers {
                match spec.country {
                    crate::domain::Country::France => i.fr_markers.add(spec),
                    crate::domain::Country::Korea => i.kr_markers.add(spec),
                }
            }
        }
        let Some(doc) = self.inner.borrow().root.owner_document() else { return };
        for spec in links {
            let (Ok(line), Ok(hit)) = (doc.create_element_ns(Some(SVG), "path"), doc.create_element_ns(Some(SVG), "path")) else { continue };
            let _ = line.set_attribute("class", &format!("pm-link pm-link--{}", spec.kind));
            let _ = line.set_attribute("data-pair-id", &spec.id);
            let _ = hit.set_attribute("class", "pm-link-hit");
            let _ = hit.set_attribute("data-hit-pair-id", &spec.id);
            set_svg_title(&hit, &spec.label);
            let (pick, hover) = (self.callbacks.on_pick.clone(), self.callbacks.on_hover.clone());
            let id = spec.id.clone();
            self.listen(&hit, "click", { let id = id.clone(); move || pick(Pick::Pair(id.clone())) });
            self.listen(&hit, "mouseenter", { let (id, hover) = (id.clone(), hover.clone()); move || hover(Some(Pick::Pair(id.clone()))) });
            self.listen(&hit, "mouseleave", move || hover(None));
            self.inner.borrow_mut().links.insert(spec.id.clone(), TwinLink { line, hit, french: spec.french.clone(), korean: spec.korean.clone() });
        }
    }

    pub fn show(&mut self, links: &[&str], markers: &[&str]) {
        if let Some(p) = self.painter() {
            return p.update(|s| s.show(links, markers));
        }
        let links: HashSet<String> = links.iter().map(|s| s.to_string()).collect();
        let mut markers: HashSet<String> = markers.iter().map(|s| s.to_string()).collect();
        {
            let i = self.inner.borrow();
            markers.extend(links.iter().filter_map(|id| i.links.get(id)).flat_map(|l| [l.french.clone(), l.korean.clone()]));
        }
        let (links, markers) = (&links, &markers);
        {
            let mut i = self.inner.borrow_mut();
            for id in i.shown.difference(links) {
                if let Some(l) = i.links.get(id) {
                    l.line.remove();
                    l.hit.remove();
                }
            }
            // Added in id order: which line lies on top does not depend on hashing.
            let mut added: Vec<&String> = links.difference(&i.shown).collect();
            added.sort();
            for id in added {
                if let Some(l) = i.links.get(id) {
                    // Only links with both ends on the map are drawn.
                    if i.fr_markers.position(&l.french).is_some() && i.kr_markers.position(&l.korean).is_some() {
                        let _ = i.overlay.append_child(&l.line);
                        let _ = i.overlay.append_child(&l.hit);
                    }
                }
            }
            i.shown = links.clone();
        }
        let i = self.inner.borrow();
        i.fr_markers.show(&i.fr, markers);
        i.kr_markers.show(&i.kr, markers);
        i.redraw();
    }

    fn ends_of(i: &Inner, pairs: impl Fn(&str) -> bool) -> HashSet<&str> {
        i.links.iter().filter(|(id, _)| pairs(id)).flat_map(|(_, l)| [l.french.as_str(), l.korean.as_str()]).collect()
    }

    fn painter(&self) -> Option<Painter> {
        self.inner.borrow().painter.clone()
    }

    pub fn select(&mut self, pair: Option<&str>) {
        if let Some(p) = self.painter() {
            return p.update(|s| s.select(pair));
        }
        let i = self.inner.borrow();
        for (id, l) in &i.links {
            let on = Some(id.as_str()) == pair;
            toggle_class(Some(l.line.clone()), "is-selected", on);
            if on && l.line.parent_node().is_some() {
                // Drawn last = drawn on top.
                let _ = i.overlay.append_child(&l.line);
                let _ = i.overlay.append_child(&l.hit);
            }
        }
        let ends = Self::ends_of(&i, |id| Some(id) == pair);
        i.fr_markers.set_class("is-selected", |id| ends.contains(id));
        i.kr_markers.set_class("is-selected", |id| ends.contains(id));
    }

    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        if let Some(p) = self.painter() {
            return p.update(|s| s.highlight(pairs));
        }
        let i = self.inner.borrow();
        for (id, l) in &i.links {
            toggle_class(Some(l.line.clone()), "is-highlighted", pairs.contains(id));
        }
        let ends = Self::ends_of(&i, |id| pairs.contains(id));
        i.fr_markers.set_class("is-highlighted", |id| ends.contains(id));
        i.kr_markers.set_class("is-highlighted", |id| ends.contains(id));
    }

    /// Pans each map to its end of the pair, keeping the zoom, clear of a card at the bottom.
    pub fn focus_pair(&self, id: &str, animate: bool, bottom: f64) {
        let i = self.inner.borrow();
        let ends = match &i.painter {
            Some(p) => p.scene().ends(id).map(|(a, b)| (Some(a), Some(b))),
            None => i.links.get(id).map(|l| (i.fr_markers.position(&l.french), i.kr_markers.position(&l.korean))),
        };
        let Some((french, korean)) = ends else { return };
        let (_, kr_rect) = (i.rect(&i.fr_pane), i.rect(&i.kr_pane));
        // The card covers the lower part of the view: only the lower map when stacked.
        let (fr_bottom, kr_bottom) = if i.stacked { (24.0, (bottom - (i.rect(&i.root.clone()).bottom - kr_rect.bottom)).max(24.0)) } else { (bottom, bottom) };
        for (map, at, b) in [(&i.fr, french, fr_bottom), (&i.kr, korean, kr_bottom)] {
            if let Some(at) = at {
                let p = to_leaflet(at);
                let bounds = LatLngBounds::new(&p, &p);
                map.fit_bounds_with_options(&bounds, &fit_options(animate, [32.0, 32.0, 32.0, b + 16.0], map.get_zoom()));
            }
        }
    }

    /// Fits each map to its country's shown markers.
    pub fn fit_all(&self) {
        let i = self.inner.borrow();
        for (map, markers, country) in [(&i.fr, &i.fr_markers, Country::France), (&i.kr, &i.kr_markers, Country::Korea)] {
            let points: Vec<Position> = match &i.painter {
                Some(p) => p.scene().shown_positions(Some(country)),
                None => markers.shown_positions(),
            };
            if points.is_empty() {
                continue;
            }
            let list: Array = points.iter().map(|p| JsValue::from(to_leaflet(*p))).collect();
            map.fit_bounds_with_options(&LatLngBounds::new_from_list(&list), &fit_options(false, FIT_PADDING, 9.0));
            markers.spread(map);
        }
        match &i.painter {
            Some(p) => p.update(|s| s.draw()),
            None => i.redraw(),
        }
    }
}

impl Drop for TwinMap {
    fn drop(&mut self) {
        if let Some(observer) = &self.resize {
            observer.disconnect();
        }
        let i = self.inner.borrow();
        // Removing a map ends its pan (a pair just selected) but not its zoom; both fire a last
        // move, whose frame is forgotten below.
        bindings::finish_zoom(&i.fr);
        bindings::finish_zoom(&i.kr);
        i.fr.remove();
        i.kr.remove();
        // Then the frames those moves asked for: they would call closures dropped with the map.
        if let (Some(id), Some(w)) = (i.pending.take(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
        }
        if let Some(p) = &i.painter {
            p.cancel();
        }
        i.overlay.remove();
        i.fr_pane.remove();
        i.kr_pane.remove();
        let _ = i.root.class_list().remove_3("map--twin", "map--stacked", "map--side-by-side");
    }
}
