//! The twin view: France and Korea each on its own Leaflet map, side by side (or one above the
//! other on a narrow screen), every partnership drawn across the gutter on an SVG overlay that
//! follows both maps as they pan and zoom. Markers beyond a map's edge are stood for by one
//! indicator per edge, where their lines stop; each map names its country and its authorities.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};

use leaflet::{Map, MapOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::decor::Decor;
use super::framing::Framing;
use super::markers::{Drawn, MarkerSet};
use super::scene::{self, Frame, Painter, Scene, CANVAS_ABOVE};
use super::{bindings, rename_zoom_control, set_svg_title, toggle_class, Callbacks, Land, LinkSpec, MarkerSpec, Pick, Reframe, Words};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::geo::{cross_curve, Rect};

const SVG: &str = "http://www.w3.org/2000/svg";
/// Pixels at each end of a line that do not catch the pointer (a marker is 18 px wide).
const HIT_MARGIN: f64 = 14.0;

struct TwinLink {
    line: Element,
    hit: Element,
    french: String,
    korean: String,
}

/// One country's map and what it shows.
struct Side {
    map: Map,
    pane: HtmlElement,
    markers: MarkerSet,
    decor: Decor,
    country: Country,
    /// The outlines, laid at the first fit (see [`Land`]).
    land: Land,
}

struct Inner {
    root: HtmlElement,
    fr: Side,
    kr: Side,
    overlay: Element,
    /// The visible lines, and their wider invisible hit areas (clipped around the markers, so
    /// that a tap on a marker or a group is never taken by a line passing over it).
    lines: Element,
    hits: Element,
    hit_clip: Element,
    /// The lines themselves stop at the edge of every marker and group they meet, which stay
    /// readable (a group's number was hidden under the lines converging on it).
    line_clip: Element,
    links: HashMap<String, TwinLink>,
    shown: HashSet<String>,
    stacked: bool,
    /// The two panes' boxes in the overlay's coordinates, measured when the layout changes
    /// (never while redrawing: reading layout there would force it for every frame of a pan).
    rects: (Rect, Rect),
    /// The view's size, measured with them.
    size: (f64, f64),
    /// The animation frames asked for and not yet run: a redraw, a rest (names placed), a fit.
    pending: Cell<Option<i32>>,
    resting: Cell<Option<i32>>,
    fitting: Cell<Option<i32>>,
    /// The fit asked for: how, and whether it may be animated.
    fit: Cell<Option<(Reframe, bool)>>,
    /// The pairs whose ends every fit includes (the selection).
    include: RefCell<Vec<String>>,
    selected: RefCell<Vec<String>>,
    highlighted: RefCell<HashSet<String>>,
    /// The first fit jumps (a fresh page); later ones fly unless motion is reduced.
    framed_once: Cell<bool>,
    /// The callbacks of those animation frames.
    frame_fns: Option<(js_sys::Function, js_sys::Function, js_sys::Function)>,
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

fn new_map(pane: &HtmlElement, attribution: bool, callbacks: &Callbacks, country: Country) -> Result<Map, JsValue> {
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
    // Until there is something to frame (and with nothing to frame: a file with no valid pair),
    // each side shows its own country's mainland, not a point between the two.
    let home = country.areas()[0];
    let zoom = if country == Country::France { 5.0 } else { 6.0 };
    map.set_view(&leaflet::LatLng::new((home.lat.0 + home.lat.1) / 2.0, (home.lng.0 + home.lng.1) / 2.0), zoom);
    Ok(map)
}

/// Asks for `f` at the next animation frame unless it is already asked for.
fn request(pending: &Cell<Option<i32>>, f: &js_sys::Function) {
    if pending.get().is_none() {
        if let Some(w) = web_sys::window() {
            pending.set(w.request_animation_frame(f).ok());
        }
    }
}

impl Inner {
    /// Box of a pane in the overlay's coordinates (the root's CSS pixels).
    fn rect(&self, pane: &HtmlElement) -> Rect {
        let root = self.root.get_bounding_client_rect();
        let r = pane.get_bounding_client_rect();
        Rect { left: r.left() - root.left(), top: r.top() - root.top(), right: r.right() - root.left(), bottom: r.bottom() - root.top() }
    }

    fn measure(&mut self) {
        self.rects = (self.rect(&self.fr.pane), self.rect(&self.kr.pane));
        self.size = (self.root.client_width() as f64, self.root.client_height() as f64);
    }

    fn side(&self, country: Country) -> (&Side, Rect) {
        match country {
            Country::France => (&self.fr, self.rects.0),
            Country::Korea => (&self.kr, self.rects.1),
        }
    }

    /// Where the canvas scene is drawn: each map's projection in the root's pixels.
    fn frame(&self) -> Frame {
        let (fr_rect, kr_rect) = self.rects;
        Frame::Twin {
            fr: scene::projection(&self.fr.map, (fr_rect.left, fr_rect.top)),
            kr: scene::projection(&self.kr.map, (kr_rect.left, kr_rect.top)),
            fr_rect,
            kr_rect,
            stacked: self.stacked,
        }
    }

    /// Each shown marker of one side: id, where it is drawn (root pixels), its true place.
    fn points(&self, country: Country) -> Vec<(String, (f64, f64), Position)> {
        let (side, rect) = self.side(country);
        side.markers
            .shown_places()
            .into_iter()
            .filter_map(|(id, place)| {
                let (x, y) = side.markers.container_point(&side.map, &id)?;
                Some((id, (x + rect.left, y + rect.top), place))
            })
            .collect()
    }

    /// What one side draws (markers and groups), in root pixels.
    fn drawn(&self, country: Country) -> Vec<Drawn> {
        let (side, rect) = self.side(country);
        match &self.painter {
            Some(p) => p.scene().drawn(Some(country)),
            None => side.markers.drawn(&side.map).into_iter().map(|d| Drawn { at: (d.at.0 + rect.left, d.at.1 + rect.top), ..d }).collect(),
        }
    }

    /// Redraws every shown link from where its two markers are now (or the indicator standing
    /// for them), the indicators, and the names' positions.
    fn redraw(&self) {
        if let Some(p) = &self.painter {
            return p.schedule();
        }
        let (fr_rect, kr_rect) = self.rects;
        let (fr_points, kr_points) = (self.points(Country::France), self.points(Country::Korea));
        let fr_ends = self.fr.decor.follow(fr_rect, &fr_points);
        let kr_ends = self.kr.decor.follow(kr_rect, &kr_points);
        let fr_end: HashMap<&str, ((f64, f64), bool)> = fr_points.iter().zip(&fr_ends).map(|(p, &e)| (p.0.as_str(), (e, e != p.1))).collect();
        let kr_end: HashMap<&str, ((f64, f64), bool)> = kr_points.iter().zip(&kr_ends).map(|(p, &e)| (p.0.as_str(), (e, e != p.1))).collect();
        for id in &self.shown {
            let Some(link) = self.links.get(id) else { continue };
            let (Some(&(from, from_beyond)), Some(&(to, to_beyond))) = (fr_end.get(link.french.as_str()), kr_end.get(link.korean.as_str())) else { continue };
            let curve = cross_curve(from, to, self.stacked);
            let _ = link.line.set_attribute("d", &curve.path());
            // The hit area stops short of the markers, which stay easy to point at.
            let _ = link.hit.set_attribute("d", &curve.trimmed(HIT_MARGIN).path());
            toggle_class(Some(link.line.clone()), "is-beyond-start", from_beyond);
            toggle_class(Some(link.line.clone()), "is-beyond-end", to_beyond);
        }
        // Holes in the lines' hit areas where markers and groups are: a tap there is theirs.
        // (The size measured with the panes: reading it here would force a layout per frame.)
        let (w, h) = (self.size.0 + 20.0, self.size.1 + 20.0);
        let outer = format!("M-10 -10H{w:.0}V{h:.0}H-10Z");
        let (mut hits, mut lines) = (outer.clone(), outer);
        let circle = |d: &mut String, (x, y): (f64, f64), r: f64| {
            d.push_str(&format!("M{:.1} {y:.1}a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0Z", x - r, 2.0 * r, -2.0 * r));
        };
        for m in self.drawn(Country::France).into_iter().chain(self.drawn(Country::Korea)) {
            circle(&mut hits, m.at, m.reach);
            circle(&mut lines, m.at, m.radius + 2.0);
        }
        let _ = self.hit_clip.set_attribute("d", &hits);
        let _ = self.line_clip.set_attribute("d", &lines);
    }

    /// The ends of these pairs on one side, as places.
    fn ends_on(&self, pairs: &[String], country: Country) -> Vec<Position> {
        pairs
            .iter()
            .filter_map(|id| match &self.painter {
                Some(p) => p.scene().ends(id).map(|(f, k)| if country == Country::France { f } else { k }),
                None => self.links.get(id).and_then(|l| {
                    let (side, _) = self.side(country);
                    side.markers.position(if country == Country::France { &l.french } else { &l.korean })
                }),
            })
            .collect()
    }

    /// The map has come to rest (or what it shows changed): lines, indicators, then names.
    fn rest(&self) {
        self.resting.set(None);
        // A fit asked for in this same frame moves the maps: names placed now would be placed
        // again right after. They wait for the next frame (the fit's own move asks for it too).
        if self.fitting.get().is_some() {
            return self.schedule_rest();
        }
        // (A canvas is drawn on every change and move already.)
        if self.painter.is_none() {
            self.redraw();
        }
        let must: HashSet<String> = {
            let pairs: Vec<String> = self.selected.borrow().iter().chain(self.highlighted.borrow().iter()).cloned().collect();
            let ends = |c: Country| -> Vec<String> {
                pairs
                    .iter()
                    .filter_map(|id| match &self.painter {
                        Some(p) => p.scene().end_ids(id).map(|(f, k)| if c == Country::France { f } else { k }),
                        None => self.links.get(id).map(|l| if c == Country::France { l.french.clone() } else { l.korean.clone() }),
                    })
                    .collect()
            };
            ends(Country::France).into_iter().chain(ends(Country::Korea)).collect()
        };
        for country in [Country::France, Country::Korea] {
            let (side, rect) = self.side(country);
            let drawn = self.drawn(country);
            let rank = |id: &str| match &self.painter {
                Some(p) => p.scene().rank_of(id),
                None => side.markers.name_of(id).map(|(_, r)| r),
            };
            side.decor.place_names(rect, &drawn, rank, &must, Vec::new());
        }
        if let Some(p) = &self.painter {
            let avoid: Vec<Rect> = self.fr.decor.avoid.borrow().iter().chain(self.kr.decor.avoid.borrow().iter()).copied().collect();
            p.update(|s| s.avoid = avoid);
        }
        self.update_settled();
    }

    /// `data-settled` on the view's element: "true" once no fit is asked for or under way.
    fn update_settled(&self) {
        let settled = self.fitting.get().is_none() && self.resting.get().is_none() && !self.fr.decor.framing.is_settling() && !self.kr.decor.framing.is_settling();
        let value = if settled { "true" } else { "false" };
        if self.root.get_attribute("data-settled").as_deref() != Some(value) {
            let _ = self.root.set_attribute("data-settled", value);
        }
    }

    fn schedule_rest(&self) {
        if let Some((_, rest, _)) = &self.frame_fns {
            request(&self.resting, rest);
        }
        self.update_settled();
    }

    /// Fits the maps as asked (at an animation frame: what covers them is laid out by then).
    fn apply_fit(&self) {
        self.fitting.set(None);
        let Some((how, animate)) = self.fit.take() else {
            self.lay_land();
            return self.update_settled();
        };
        let include = self.include.borrow().clone();
        for country in [Country::France, Country::Korea] {
            let (side, _) = self.side(country);
            let places = match &self.painter {
                Some(p) => p.scene().shown_positions(Some(country)),
                None => side.markers.shown_positions(),
            };
            if how == Reframe::All {
                side.decor.framing.hand.set(false);
            }
            side.decor.frame(&places, &self.ends_on(&include, country), how == Reframe::Keep, animate);
        }
        self.lay_land();
        self.schedule_rest();
    }

    /// The outlines of both maps, at their first fit (the app frames a new map at once, even with
    /// nothing to show).
    fn lay_land(&self) {
        self.fr.land.lay(&self.fr.map);
        self.kr.land.lay(&self.kr.map);
    }
}

impl TwinMap {
    /// The France and the Korea maps.
    pub(crate) fn leaflets(&self) -> Vec<Map> {
        let i = self.inner.borrow();
        vec![i.fr.map.clone(), i.kr.map.clone()]
    }

    pub fn new(container: &HtmlElement, stacked: bool, basemap: &JsValue, callbacks: Callbacks) -> Result<Self, JsValue> {
        let doc = container.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
        let _ = container.class_list().add_2("map--twin", if stacked { "map--stacked" } else { "map--side-by-side" });
        let _ = container.set_attribute("data-settled", "false");
        let fr_pane = div(&doc, "twin-pane twin-pane--fr")?;
        let kr_pane = div(&doc, "twin-pane twin-pane--kr")?;
        container.append_child(&fr_pane)?;
        container.append_child(&kr_pane)?;
        let overlay = doc.create_element_ns(Some(SVG), "svg")?;
        overlay.set_attribute("class", "link-overlay")?;
        overlay.set_attribute("aria-hidden", "true")?;
        let defs = doc.create_element_ns(Some(SVG), "defs")?;
        // A clip path (in the overlay's own units, even-odd) and the path that draws it.
        let clip_path = |id: &str| -> Result<web_sys::Element, JsValue> {
            let clip = doc.create_element_ns(Some(SVG), "clipPath")?;
            clip.set_attribute("id", id)?;
            clip.set_attribute("clipPathUnits", "userSpaceOnUse")?;
            let path = doc.create_element_ns(Some(SVG), "path")?;
            path.set_attribute("clip-rule", "evenodd")?;
            clip.append_child(&path)?;
            defs.append_child(&clip)?;
            Ok(path)
        };
        let hit_clip = clip_path("pm-hit-clip")?;
        let line_clip = clip_path("pm-line-clip")?;
        overlay.append_child(&defs)?;
        let lines = doc.create_element_ns(Some(SVG), "g")?;
        lines.set_attribute("class", "pm-lines")?;
        lines.set_attribute("clip-path", "url(#pm-line-clip)")?;
        let hits = doc.create_element_ns(Some(SVG), "g")?;
        hits.set_attribute("class", "pm-hits")?;
        hits.set_attribute("clip-path", "url(#pm-hit-clip)")?;
        overlay.append_child(&lines)?;
        overlay.append_child(&hits)?;
        container.append_child(&overlay)?;

        let fr = new_map(&fr_pane, false, &callbacks, Country::France)?;
        let kr = new_map(&kr_pane, true, &callbacks, Country::Korea)?;
        // Filled in below: the maps' rest handlers need the view they belong to.
        let weak_cell: Rc<RefCell<Weak<RefCell<Inner>>>> = Rc::new(RefCell::new(Weak::new()));
        let on_rest: Rc<dyn Fn()> = Rc::new({
            let weak_cell = weak_cell.clone();
            move || {
                if let Some(inner) = weak_cell.borrow().upgrade() {
                    if let Ok(i) = inner.try_borrow() {
                        i.schedule_rest();
                    }
                }
            }
        });
        let side = |map: Map, pane: HtmlElement, key: &'static str, country: Country| -> Result<Side, JsValue> {
            let mut framing = Framing::new(&map, &pane, container, on_rest.clone());
            framing.home = Some(if country == Country::France { super::framing::FRANCE_BOX } else { super::framing::KOREA_BOX });
            let markers = MarkerSet::new(key, &callbacks, framing.hand.clone());
            // Names go first where the lines do not: west of France and east of Korea side by
            // side, above France and below Korea stacked.
            let away = if stacked { [(0.0, -1.0), (0.0, 1.0)] } else { [(-1.0, 0.0), (1.0, 0.0)] };
            let decor = Decor::new(framing, container, container, Some(country), callbacks.words.clone(), away)?;
            Ok(Side { map, pane, markers, decor, country, land: Land::new(basemap) })
        };
        let fr = side(fr, fr_pane, "fr", Country::France)?;
        let kr = side(kr, kr_pane, "kr", Country::Korea)?;
        let inner = Rc::new(RefCell::new(Inner {
            root: container.clone(),
            fr,
            kr,
            overlay,
            lines,
            hits,
            hit_clip,
            line_clip,
            links: HashMap::new(),
            shown: HashSet::new(),
            stacked,
            rects: (Rect { left: 0.0, top: 0.0, right: 0.0, bottom: 0.0 }, Rect { left: 0.0, top: 0.0, right: 0.0, bottom: 0.0 }),
            size: (0.0, 0.0),
            pending: Cell::new(None),
            resting: Cell::new(None),
            fitting: Cell::new(None),
            fit: Cell::new(None),
            include: RefCell::new(Vec::new()),
            selected: RefCell::new(Vec::new()),
            highlighted: RefCell::new(HashSet::new()),
            framed_once: Cell::new(false),
            frame_fns: None,
            painter: None,
        }));
        *weak_cell.borrow_mut() = Rc::downgrade(&inner);
        inner.borrow_mut().measure();
        let mut twin = TwinMap { inner, callbacks, closures: Vec::new(), resize: None };

        // The animation frames: a redraw (at most one per frame however many move and zoom
        // events it brings), a rest (names placed once the maps stand still), a fit.
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(&twin.inner);
        // Each is handed to JS for good (`into_js_value`): it holds only a weak reference, so a
        // frame that comes after the maps are gone finds nothing to do instead of calling a
        // dropped closure (three small boxes per view made).
        let on_frame = |f: fn(&Inner)| -> js_sys::Function {
            let weak = weak.clone();
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                if let Some(inner) = weak.upgrade() {
                    if let Ok(i) = inner.try_borrow() {
                        f(&i);
                    }
                }
            })
            .into_js_value()
            .unchecked_into()
        };
        let redraw = on_frame(|i| {
            i.pending.set(None);
            i.redraw();
        });
        let rest = on_frame(|i| i.rest());
        let fit = on_frame(|i| i.apply_fit());
        twin.inner.borrow_mut().frame_fns = Some((redraw, rest, fit));
        let schedule_redraw = twin.handler({
            let weak = weak.clone();
            move || {
                if let Some(inner) = weak.upgrade() {
                    let i = inner.borrow();
                    if let Some((redraw, _, _)) = &i.frame_fns {
                        request(&i.pending, redraw);
                    }
                }
            }
        });
        // Markers are laid out again at each zoom; the rest (names) follows at `moveend`.
        let respread = twin.handler({
            let weak = weak.clone();
            move || {
                if let Some(inner) = weak.upgrade() {
                    let i = inner.borrow();
                    i.fr.markers.spread(&i.fr.map);
                    i.kr.markers.spread(&i.kr.map);
                    i.redraw();
                }
            }
        });
        {
            let i = twin.inner.borrow();
            for map in [&i.fr.map, &i.kr.map] {
                map.on("move zoom resize viewreset", &schedule_redraw);
                map.on("zoomend", &respread);
            }
        }
        // A resized container (panel opened, phone rotated): both maps and the overlay follow,
        // and maps not moved by hand are framed again. Not for the observer's first call, which
        // reports the size the maps were made at: framing again there moved a view already
        // framed (the embed's first view, 1920×1080: Korea slid 43 px after it was drawn).
        let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(inner) = weak.upgrade() {
                let before = {
                    let i = inner.borrow();
                    (i.rects, i.size)
                };
                inner.borrow_mut().measure();
                let i = inner.borrow();
                if (i.rects, i.size) == before {
                    return;
                }
                if let Some(p) = &i.painter {
                    p.update(|s| s.resize());
                }
                i.fr.map.invalidate_size(false);
                i.kr.map.invalidate_size(false);
                i.redraw();
                if i.framed_once.get() {
                    i.ask_fit(Reframe::Keep);
                }
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
        let names: Vec<(String, String)> = markers.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
        {
            let i = self.inner.borrow();
            let of = |c: Country| names.iter().zip(markers).filter(|(_, m)| m.country == c).map(|(n, _)| n.clone()).collect::<Vec<_>>();
            i.fr.decor.set_names(&of(Country::France));
            i.kr.decor.set_names(&of(Country::Korea));
        }
        if links.len() > CANVAS_ABOVE {
            let root = self.inner.borrow().root.clone();
            if let Ok(mut s) = Scene::new(&root) {
                s.set_data(markers, links);
                let weak = Rc::downgrade(&self.inner);
                let painter = Painter::new(s, move || weak.upgrade()?.try_borrow().ok().map(|i| i.frame()));
                // After each canvas frame: the indicators the scene found, and the names.
                let weak = Rc::downgrade(&self.inner);
                painter.after_draw(Rc::new(move |scene: &Scene| {
                    let Some(inner) = weak.upgrade() else { return };
                    let Ok(i) = inner.try_borrow() else { return };
                    for country in [Country::France, Country::Korea] {
                        let (side, _) = i.side(country);
                        let (groups, places, in_view) = scene.edges(country);
                        side.decor.show_edges(&groups, |m| places[m], in_view);
                        side.decor.follow_names(|id| scene.screen_of(id));
                    }
                }));
                let maps = {
                    let i = self.inner.borrow();
                    (i.fr.map.clone(), i.kr.map.clone(), i.fr.decor.framing.hand.clone(), i.kr.decor.framing.hand.clone())
                };
                for (map, french) in [(maps.0.clone(), true), (maps.1.clone(), false)] {
                    let weak = Rc::downgrade(&self.inner);
                    let offset = Rc::new(move || {
                        weak.upgrade()
                            .and_then(|i| i.try_borrow().ok().map(|i| if french { i.rects.0 } else { i.rects.1 }))
                            .map_or((0.0, 0.0), |r| (r.left, r.top))
                    });
                    let maps = maps.clone();
                    let zoom_to = Rc::new(move |french: &[Position], korean: &[Position]| {
                        for (map, places, hand) in [(&maps.0, french, &maps.2), (&maps.1, korean, &maps.3)] {
                            if !places.is_empty() {
                                hand.set(true);
                                super::zoom_to_places(map, places);
                            }
                        }
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
                    Country::France => i.fr.markers.add(spec),
                    Country::Korea => i.kr.markers.add(spec),
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
            p.update(|s| s.show(links, markers));
            return self.inner.borrow().schedule_rest();
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
                    if i.fr.markers.position(&l.french).is_some() && i.kr.markers.position(&l.korean).is_some() {
                        let _ = i.lines.append_child(&l.line);
                        let _ = i.hits.append_child(&l.hit);
                    }
                }
            }
            i.shown = links.clone();
        }
        let i = self.inner.borrow();
        i.fr.markers.show(&i.fr.map, markers);
        i.kr.markers.show(&i.kr.map, markers);
        i.redraw();
        i.schedule_rest();
    }

    fn ends_of(i: &Inner, pairs: impl Fn(&str) -> bool) -> HashSet<&str> {
        i.links.iter().filter(|(id, _)| pairs(id)).flat_map(|(_, l)| [l.french.as_str(), l.korean.as_str()]).collect()
    }

    fn painter(&self) -> Option<Painter> {
        self.inner.borrow().painter.clone()
    }

    pub fn select(&mut self, pairs: &[&str]) {
        {
            let i = self.inner.borrow();
            *i.selected.borrow_mut() = pairs.iter().map(|s| s.to_string()).collect();
            *i.include.borrow_mut() = pairs.iter().map(|s| s.to_string()).collect();
        }
        if let Some(p) = self.painter() {
            p.update(|s| s.select(pairs));
            return self.inner.borrow().schedule_rest();
        }
        let i = self.inner.borrow();
        for (id, l) in &i.links {
            let on = pairs.contains(&id.as_str());
            toggle_class(Some(l.line.clone()), "is-selected", on);
            if on && l.line.parent_node().is_some() {
                // Drawn last = drawn on top.
                let _ = i.lines.append_child(&l.line);
                let _ = i.hits.append_child(&l.hit);
            }
        }
        let ends = Self::ends_of(&i, |id| pairs.contains(&id));
        i.fr.markers.set_selected(&i.fr.map, |id| ends.contains(id));
        i.kr.markers.set_selected(&i.kr.map, |id| ends.contains(id));
        i.redraw();
        i.schedule_rest();
    }

    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        {
            let i = self.inner.borrow();
            if *i.highlighted.borrow() == *pairs {
                return;
            }
            *i.highlighted.borrow_mut() = pairs.clone();
        }
        if let Some(p) = self.painter() {
            p.update(|s| s.highlight(pairs));
            return self.inner.borrow().schedule_rest();
        }
        let i = self.inner.borrow();
        for (id, l) in &i.links {
            toggle_class(Some(l.line.clone()), "is-highlighted", pairs.contains(id));
        }
        let ends = Self::ends_of(&i, |id| pairs.contains(id));
        i.fr.markers.set_class("is-highlighted", |id| ends.contains(id));
        i.kr.markers.set_class("is-highlighted", |id| ends.contains(id));
        i.schedule_rest();
    }

    /// Frames both maps now on what [`Self::show`] is about to show, before it is shown (see
    /// [`super::PartnershipMap::preframe`]). Not with the canvas (its frame is drawn at once).
    pub fn preframe(&self, links: &[&str], markers: &[&str]) {
        let i = self.inner.borrow();
        if i.painter.is_some() {
            return;
        }
        for country in [Country::France, Country::Korea] {
            let (side, _) = i.side(country);
            let ends = links.iter().filter_map(|id| i.links.get(*id)).map(|l| if country == Country::France { l.french.as_str() } else { l.korean.as_str() });
            let places: Vec<Position> = ends.chain(markers.iter().copied()).filter_map(|id| side.markers.position(id)).collect();
            side.decor.frame(&places, &[], false, false);
        }
    }

    /// Asks for a fit at the next animation frame (see [`super::PartnershipMap::frame`]).
    pub fn frame(&self, how: Reframe, include: Vec<String>) {
        let i = self.inner.borrow();
        *i.include.borrow_mut() = include;
        i.ask_fit(how);
    }

    pub fn relabel(&mut self, markers: &[MarkerSpec], links: &[LinkSpec], words: Words) {
        *self.callbacks.words.borrow_mut() = words;
        let i = self.inner.borrow();
        let names: Vec<(String, String)> = markers.iter().map(|m| (m.id.clone(), m.name.clone())).collect();
        for side in [&i.fr, &i.kr] {
            let mine: Vec<(String, String)> = names.iter().zip(markers).filter(|(_, m)| m.country == side.country).map(|(n, _)| n.clone()).collect();
            side.decor.set_names(&mine);
            side.markers.relabel(markers);
            rename_zoom_control(&side.map, &self.callbacks.words.borrow(), Some(side.country));
        }
        match &i.painter {
            Some(p) => p.update(|s| s.relabel(markers, links)),
            None => {
                for spec in links {
                    if let Some(l) = i.links.get(&spec.id) {
                        set_svg_title(&l.hit, &spec.label);
                    }
                }
            }
        }
        i.schedule_rest();
    }
}

impl Inner {
    fn ask_fit(&self, how: Reframe) {
        let animate = self.framed_once.get() && !super::prefers_reduced_motion();
        self.framed_once.set(true);
        let how = match self.fit.get() {
            Some((Reframe::All, _)) => Reframe::All,
            _ => how,
        };
        self.fit.set(Some((how, animate)));
        if let Some((_, _, fit)) = &self.frame_fns {
            request(&self.fitting, fit);
        }
        self.update_settled();
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
        bindings::finish_zoom(&i.fr.map);
        bindings::finish_zoom(&i.kr.map);
        i.fr.map.remove();
        i.kr.map.remove();
        bindings::off_all(&i.fr.map);
        bindings::off_all(&i.kr.map);
        // Then the frames those moves asked for: they would call closures dropped with the map.
        if let Some(w) = web_sys::window() {
            for pending in [&i.pending, &i.resting, &i.fitting] {
                if let Some(id) = pending.take() {
                    let _ = w.cancel_animation_frame(id);
                }
            }
        }
        if let Some(p) = &i.painter {
            p.cancel();
        }
        i.overlay.remove();
        i.fr.pane.remove();
        i.kr.pane.remove();
        let _ = i.root.class_list().remove_3("map--twin", "map--stacked", "map--side-by-side");
        let _ = i.root.remove_attribute("data-settled");
    }
}
