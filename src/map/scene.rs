//! The canvas scene: above [`CANVAS_ABOVE`] links, a view draws every link and marker on one
//! canvas instead of one SVG or DOM element each, and finds what is under the pointer itself
//! (`domain::screen::Hits`). The data changes (filters, selection, highlight) redraw at once;
//! map moves redraw at most once per animation frame (the views schedule it). The drawing goes
//! through a [`Surface`], which a worker rasterises where it can.
//!
//! Nothing from the data becomes markup here either: labels only go into the host's `title`.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use rustc_hash::FxHashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::surface::Surface;
use super::{Callbacks, LinkSpec, MarkerSpec, Pick};
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::frame::{edge_groups, EdgeGroup};
use crate::domain::geo::{cross_curve, great_circle, Rect};
use crate::domain::screen::{arc_segments, bundle, bundle_width, cluster, mercator, unmercator, Bundle, Cluster, Hit, Hits, Projection};

/// Above this many links a map draws on a canvas; at or below, each link and marker is an
/// element of its own (focusable markers, CSS-styled lines).
pub const CANVAS_ABOVE: usize = 500;
/// Marker radius on the canvas, CSS pixels.
const RADIUS: f64 = 4.5;
/// Above this many links on screen, lines are drawn one pixel wide and opaque: the rasteriser's
/// fast path (ten thousand 3-pixel translucent lines take a third of a second to rasterise in
/// software; hairlines a few milliseconds). Colour and dashes still tell the kinds apart.
const HAIRLINES_ABOVE: usize = 1500;
/// How near the pointer must be to a marker, and to a line, to pick it.
const POINT_PICK: f64 = 8.0;
const LINE_PICK: f64 = 6.0;

/// Where the scene is drawn this frame.
#[derive(Debug, Clone, Copy)]
pub enum Frame {
    /// One map: markers and great-circle arcs in one projection.
    World(Projection),
    /// Two maps side by side (or stacked): each country in its own projection and box, links
    /// across the gutter.
    Twin { fr: Projection, kr: Projection, fr_rect: Rect, kr_rect: Rect, stacked: bool },
}

struct SceneMarker {
    id: String,
    label: String,
    rank: u32,
    country: Country,
    at: Position,
    unit: (f64, f64),
}

struct SceneLink {
    id: String,
    french: usize,
    korean: usize,
    style: usize,
    label: String,
    /// The great circle in the unit square (world view).
    arc: Vec<(f64, f64)>,
}

/// How a kind of link is drawn: the stylesheet's colour, and the width and dashes of its
/// `.pm-link--kind` rule.
struct Style {
    colour: String,
    width: f64,
    dash: &'static [f64],
    alpha: f64,
}

fn css_colour(var: &str, fallback: &str) -> String {
    web_sys::window()
        .and_then(|w| w.get_computed_style(&w.document()?.document_element()?).ok().flatten())
        .and_then(|css| css.get_property_value(var).ok())
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

fn style_of(kind: &str) -> Style {
    // Mirrors `.pm-link--*` in public/style.css (a canvas has no stylesheet).
    let (var, width, dash, alpha): (&str, f64, &'static [f64], f64) = match kind {
        "twinning" => ("--twinning", 3.5, &[], 0.9),
        "friendship" => ("--friendship", 3.0, &[], 0.9),
        "cooperation" => ("--cooperation", 2.5, &[], 0.9),
        "letter-of-intent" => ("--letter", 2.0, &[], 0.9),
        "exchange" => ("--exchange", 2.0, &[9.0, 6.0], 0.85),
        "planned" => ("--planned", 2.0, &[3.0, 6.0], 0.85),
        _ => ("--unknown", 3.0, &[1.0, 6.0], 0.9),
    };
    Style { colour: css_colour(var, "#6b7280"), width, dash, alpha }
}

pub struct Scene {
    /// The canvas, drawn by a worker where one can be had.
    surface: Surface,
    /// The element whose `title` and cursor follow the pointer.
    host: HtmlElement,
    markers: Vec<SceneMarker>,
    marker_ix: FxHashMap<String, usize>,
    links: Vec<SceneLink>,
    link_ix: FxHashMap<String, usize>,
    styles: Vec<Style>,
    colours: [String; 4],
    shown_links: Vec<usize>,
    shown_markers: Vec<usize>,
    selected: Vec<usize>,
    highlighted: Vec<usize>,
    frame: Option<Frame>,
    hits: Hits,
    /// The groups of markers and of links of the last frame, for [`Scene::target_at`].
    clusters: Vec<Cluster>,
    bundles: Vec<Bundle>,
    hovered: Option<Pick>,
    /// Per country (France, Korea), the indicators on the edges found by the last frame: the
    /// groups, the places of the markers they index, and the places of the markers in view.
    edges: [(Vec<EdgeGroup>, Vec<Position>, Vec<Position>); 2],
    /// Told after each frame (the view updates its indicators and names).
    after_draw: Option<AfterDraw>,
    /// What covers the maps (the host's pixels): the indicators keep clear of it.
    pub avoid: Vec<Rect>,
}

/// What the view is told after each frame.
pub type AfterDraw = Rc<dyn Fn(&Scene)>;

/// What a click on the canvas asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// One authority or partnership.
    Pick(Pick),
    /// A group: zoom in until these places (French, Korean) stand apart.
    Zoom(Vec<Position>, Vec<Position>),
}

/// Zooms the map(s) onto a group clicked on the canvas: its French and its Korean places.
pub type ZoomTo = Rc<dyn Fn(&[Position], &[Position])>;

/// Markers closer than this (a grid cell, CSS pixels) are drawn as one group with their number.
const CELL: f64 = 32.0;
/// The most lines a frame draws: beyond, groups are made on cells twice as large (up to
/// `MAX_CELL`). Software rasterisation of a few thousand long lines takes tens of milliseconds;
/// 350 halves the frame of 600 (traced at 10,000 pairs) and reads more clearly.
const MAX_LINES: usize = 350;
const MAX_CELL: f64 = 128.0;
/// A bundle of links of several kinds.
const MIXED: &str = "#475569";

/// The marked indices, in increasing order (marking, then reading in order, costs less than
/// sorting 10,000 numbers).
fn marked(marks: &[bool]) -> Vec<usize> {
    marks.iter().enumerate().filter_map(|(i, &m)| m.then_some(i)).collect()
}

/// Radius of a group of `n` markers.
fn group_radius(n: usize) -> f64 {
    (7.0 + 2.0 * (n as f64).log2()).min(16.0)
}

const FR: usize = 0;
const KR: usize = 1;
const SELECTED: usize = 2;
const FOCUS: usize = 3;

impl Scene {
    /// A canvas over `host` (which must be positioned), below the map's controls.
    pub fn new(host: &HtmlElement) -> Result<Scene, JsValue> {
        let mut scene = Scene {
            surface: Surface::new(host)?,
            host: host.clone(),
            markers: Vec::new(),
            marker_ix: FxHashMap::default(),
            links: Vec::new(),
            link_ix: FxHashMap::default(),
            styles: Vec::new(),
            colours: [
                css_colour("--fr", "#1d4ed8"),
                css_colour("--kr", "#be123c"),
                css_colour("--selected", "#111827"),
                css_colour("--focus", "#f59e0b"),
            ],
            shown_links: Vec::new(),
            shown_markers: Vec::new(),
            selected: Vec::new(),
            highlighted: Vec::new(),
            frame: None,
            hits: Hits::default(),
            clusters: Vec::new(),
            bundles: Vec::new(),
            hovered: None,
            edges: Default::default(),
            after_draw: None,
            avoid: Vec::new(),
        };
        scene.resize();
        Ok(scene)
    }

    /// Reads the host's size (call when it changes, never while drawing: reading layout there
    /// would force it for every frame).
    pub fn resize(&mut self) {
        let (w, h) = (self.host.client_width().max(0) as f64, self.host.client_height().max(0) as f64);
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
        self.surface.resize(w, h, dpr);
    }

    pub fn set_data(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        for m in markers {
            self.marker_ix.insert(m.id.clone(), self.markers.len());
            self.markers.push(SceneMarker { id: m.id.clone(), label: m.label.clone(), rank: m.rank, country: m.country, at: m.at, unit: mercator(m.at) });
        }
        let mut style_ix: HashMap<String, usize> = HashMap::new();
        for l in links {
            let (Some(&french), Some(&korean)) = (self.marker_ix.get(&l.french), self.marker_ix.get(&l.korean)) else { continue };
            let style = *style_ix.entry(l.kind.clone()).or_insert_with(|| {
                self.styles.push(style_of(&l.kind));
                self.styles.len() - 1
            });
            let (a, b) = (self.markers[french].at, self.markers[korean].at);
            let arc: Vec<(f64, f64)> = great_circle(a, b, arc_segments(a, b)).into_iter().map(mercator).collect();
            self.link_ix.insert(l.id.clone(), self.links.len());
            self.links.push(SceneLink { id: l.id.clone(), french, korean, style, label: l.label.clone(), arc });
        }
    }

    /// Shows exactly these links and markers, and redraws.
    pub fn show(&mut self, links: &[&str], markers: &[&str]) {
        let mut shown_links = vec![false; self.links.len()];
        let mut shown_markers = vec![false; self.markers.len()];
        for &l in links.iter().filter_map(|id| self.link_ix.get(*id)) {
            shown_links[l] = true;
            shown_markers[self.links[l].french] = true;
            shown_markers[self.links[l].korean] = true;
        }
        for &m in markers.iter().filter_map(|id| self.marker_ix.get(*id)) {
            shown_markers[m] = true;
        }
        self.shown_links = marked(&shown_links);
        self.shown_markers = marked(&shown_markers);
        self.draw();
    }

    pub fn select(&mut self, pairs: &[&str]) {
        self.selected = pairs.iter().filter_map(|id| self.link_ix.get(*id).copied()).collect();
        self.draw();
    }

    /// New hover titles (a language change).
    pub fn relabel(&mut self, markers: &[MarkerSpec], links: &[LinkSpec]) {
        for m in markers {
            if let Some(&i) = self.marker_ix.get(&m.id) {
                self.markers[i].label = m.label.clone();
            }
        }
        for l in links {
            if let Some(&i) = self.link_ix.get(&l.id) {
                self.links[i].label = l.label.clone();
            }
        }
    }

    /// The ids of a link's two ends, French then Korean.
    pub fn end_ids(&self, pair: &str) -> Option<(String, String)> {
        let l = &self.links[*self.link_ix.get(pair)?];
        Some((self.markers[l.french].id.clone(), self.markers[l.korean].id.clone()))
    }

    /// An authority's rank (for the order of names).
    pub fn rank_of(&self, id: &str) -> Option<u32> {
        self.marker_ix.get(id).map(|&i| self.markers[i].rank)
    }

    /// Where an authority is drawn in the current frame (the host's pixels).
    pub fn screen_of(&self, id: &str) -> Option<(f64, f64)> {
        let frame = self.frame?;
        self.marker_ix.get(id).map(|&i| self.screen(&self.markers[i], &frame))
    }

    /// What the last frame drew of one country's markers (or of both): single markers, named by
    /// their id, and groups.
    pub fn drawn(&self, country: Option<Country>) -> Vec<super::markers::Drawn> {
        let Some(frame) = self.frame else { return Vec::new() };
        self.clusters
            .iter()
            .filter(|c| country.is_none_or(|k| c.group == k as u8))
            .filter(|c| self.in_view(if c.group == Country::France as u8 { Country::France } else { Country::Korea }, c.at, &frame))
            .map(|c| {
                let id = match c.members.as_slice() {
                    [one] => Some(self.markers[self.shown_markers[*one]].id.clone()),
                    _ => None,
                };
                let r = if id.is_some() { RADIUS * 1.25 } else { group_radius(c.members.len()) };
                let country = if c.group == Country::France as u8 { Country::France } else { Country::Korea };
                super::markers::Drawn { id, at: c.at, radius: r, reach: r.max(POINT_PICK), country, seed: None }
            })
            .collect()
    }

    /// The indicators on one country's edges found by the last frame (see [`Scene::edges`]).
    pub fn edges(&self, country: Country) -> (Vec<EdgeGroup>, Vec<Position>, Vec<Position>) {
        self.edges[if country == Country::France { 0 } else { 1 }].clone()
    }

    /// Told after each frame.
    pub fn set_after_draw(&mut self, hook: AfterDraw) {
        self.after_draw = Some(hook);
    }

    pub fn highlight(&mut self, pairs: &HashSet<String>) {
        let mut highlighted: Vec<usize> = pairs.iter().filter_map(|id| self.link_ix.get(id).copied()).collect();
        highlighted.sort_unstable();
        if highlighted != self.highlighted {
            self.highlighted = highlighted;
            self.draw();
        }
    }

    pub fn set_frame(&mut self, frame: Frame) {
        self.frame = Some(frame);
    }

    /// Both ends of a link, French then Korean.
    pub fn ends(&self, pair: &str) -> Option<(Position, Position)> {
        let l = &self.links[*self.link_ix.get(pair)?];
        Some((self.markers[l.french].at, self.markers[l.korean].at))
    }

    /// Positions of the shown markers, of one country or of both.
    pub fn shown_positions(&self, country: Option<Country>) -> Vec<Position> {
        self.shown_markers
            .iter()
            .map(|&i| &self.markers[i])
            .filter(|m| country.is_none_or(|c| m.country == c))
            .map(|m| m.at)
            .collect()
    }

    /// What a click at a point of the host (CSS pixels) means, as the last frame drew it.
    pub fn target_at(&self, at: (f64, f64)) -> Option<Target> {
        Some(match self.hits.pick(at, POINT_PICK, LINE_PICK)? {
            Hit::Point(c) => match self.clusters[c].members.as_slice() {
                [one] => Target::Pick(Pick::Authority(self.markers[self.shown_markers[*one]].id.clone())),
                many => {
                    let places = many.iter().map(|&m| self.markers[self.shown_markers[m]].at).collect();
                    match self.clusters[c].group == Country::France as u8 {
                        true => Target::Zoom(places, Vec::new()),
                        false => Target::Zoom(Vec::new(), places),
                    }
                }
            },
            Hit::Line(b) => match self.bundles[b].links.as_slice() {
                [one] => Target::Pick(Pick::Pair(self.links[*one].id.clone())),
                many => Target::Zoom(
                    many.iter().map(|&l| self.markers[self.links[l].french].at).collect(),
                    many.iter().map(|&l| self.markers[self.links[l].korean].at).collect(),
                ),
            },
        })
    }

    /// Follows the pointer: the cursor shows that a click would do something, and the title
    /// names a single authority or partnership. Returns the pick when it changed (a group is no
    /// pick: it zooms in).
    pub fn hover_at(&mut self, at: Option<(f64, f64)>) -> Option<Option<Pick>> {
        let target = at.and_then(|p| self.target_at(p));
        let pick = match &target {
            Some(Target::Pick(p)) => Some(p.clone()),
            _ => None,
        };
        let _ = self.host.style().set_property("cursor", if target.is_some() { "pointer" } else { "" });
        let title = match &pick {
            Some(Pick::Pair(id)) => self.link_ix.get(id).map(|&i| self.links[i].label.as_str()),
            Some(Pick::Authority(id)) => self.marker_ix.get(id).map(|&i| self.markers[i].label.as_str()),
            None => None,
        };
        match title {
            Some(t) => {
                let _ = self.host.set_attribute("title", t);
            }
            None => {
                let _ = self.host.remove_attribute("title");
            }
        }
        if pick == self.hovered {
            return None;
        }
        self.hovered = pick.clone();
        Some(pick)
    }

    fn screen(&self, m: &SceneMarker, frame: &Frame) -> (f64, f64) {
        match frame {
            Frame::World(p) => p.at(m.unit),
            Frame::Twin { fr, kr, .. } => match m.country {
                Country::France => fr.at(m.unit),
                Country::Korea => kr.at(m.unit),
            },
        }
    }

    /// Whether a marker drawn at `p` is in view (in a twin view: in its own map's box).
    fn in_view(&self, country: Country, (x, y): (f64, f64), frame: &Frame) -> bool {
        let (w, h) = self.surface.size();
        match frame {
            Frame::World(_) => x > -16.0 && y > -16.0 && x < w + 16.0 && y < h + 16.0,
            Frame::Twin { fr_rect, kr_rect, .. } => match country {
                Country::France => fr_rect.contains((x, y)),
                Country::Korea => kr_rect.contains((x, y)),
            },
        }
    }

    /// The screen points of a line from `a` to `b` (French end, Korean end), or `None` when a
    /// world arc lies wholly off screen. `arc`: the exact great circle, when the ends are the
    /// link's own markers. In the twin view, the caller gives an end beyond its map's edge as
    /// the indicator standing for it.
    fn line_points(&self, a: (f64, f64), b: (f64, f64), arc: Option<&SceneLink>, frame: &Frame) -> Option<Vec<(f64, f64)>> {
        match frame {
            Frame::World(p) => {
                let unit: Vec<(f64, f64)> = match arc {
                    Some(l) => l.arc.clone(),
                    None => {
                        let (ga, gb) = (unmercator(p.unit(a)), unmercator(p.unit(b)));
                        great_circle(ga, gb, arc_segments(ga, gb)).into_iter().map(mercator).collect()
                    }
                };
                let points: Vec<(f64, f64)> = unit.into_iter().map(|u| p.at(u)).collect();
                let (w, h) = self.surface.size();
                let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
                for &(x, y) in &points {
                    (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
                }
                (x1 >= -8.0 && y1 >= -8.0 && x0 <= w + 8.0 && y0 <= h + 8.0).then_some(points)
            }
            Frame::Twin { stacked, .. } => {
                let c = cross_curve(a, b, *stacked);
                Some((0..=16).map(|i| c.point(i as f64 / 16.0)).collect())
            }
        }
    }

    /// Redraws everything from the current frame: markers grouped per screen cell, the links
    /// between two groups as one line as thick as they are many; the highlighted and selected
    /// partnerships on top, exactly.
    pub fn draw(&mut self) {
        let Some(frame) = self.frame else { return };
        let mut hits = std::mem::take(&mut self.hits);
        hits.clear();
        self.surface.clear();

        // Group the shown markers per cell of the screen, then the links per pair of groups.
        let points: Vec<(u8, (f64, f64))> = self
            .shown_markers
            .iter()
            .map(|&i| {
                let m = &self.markers[i];
                (m.country as u8, self.screen(m, &frame))
            })
            .collect();
        // Coarser cells while there would be more lines than a frame can afford to draw.
        let mut cell = CELL;
        let (clusters, bundles, cluster_of) = loop {
            let (clusters, of) = cluster(&points, cell);
            let mut cluster_of = vec![usize::MAX; self.markers.len()];
            for (k, &i) in self.shown_markers.iter().enumerate() {
                cluster_of[i] = of[k];
            }
            let bundles = bundle(self.shown_links.iter().filter_map(|&i| {
                let l = &self.links[i];
                let (a, b) = (cluster_of[l.french], cluster_of[l.korean]);
                (a != usize::MAX && b != usize::MAX).then_some((i, a, b, l.style))
            }));
            if bundles.len() <= MAX_LINES || cell >= MAX_CELL {
                break (clusters, bundles, cluster_of);
            }
            cell *= 2.0;
        };

        // The markers beyond each map's edge: one indicator per edge, where their lines end.
        let edge_rects: [(Country, Rect); 2] = match frame {
            Frame::Twin { fr_rect, kr_rect, .. } => [(Country::France, fr_rect), (Country::Korea, kr_rect)],
            Frame::World(_) => {
                let (w, h) = self.surface.size();
                let r = Rect { left: 0.0, top: 0.0, right: w, bottom: h };
                [(Country::France, r), (Country::Korea, r)]
            }
        };
        // Where the lines of each cluster end (the twin view): on it, or on its indicator.
        let mut ends: Vec<(f64, f64)> = clusters.iter().map(|c| c.at).collect();
        for (k, (country, rect)) in edge_rects.iter().enumerate() {
            let mine: Vec<usize> = (0..self.shown_markers.len()).filter(|&j| points[j].0 == *country as u8).collect();
            let at: Vec<(f64, f64)> = mine.iter().map(|&j| points[j].1).collect();
            let (groups, of) = edge_groups(*rect, &at, super::decor::EDGE_INSET, super::decor::EDGE_CORNER, &self.avoid);
            for (j, g) in mine.iter().zip(&of) {
                if let Some(g) = g {
                    ends[cluster_of[self.shown_markers[*j]]] = groups[*g].at;
                }
            }
            let places = mine.iter().map(|&j| self.markers[self.shown_markers[j]].at).collect();
            let in_view = mine.iter().zip(&of).filter(|(_, g)| g.is_none()).map(|(&j, _)| self.markers[self.shown_markers[j]].at).collect();
            self.edges[k] = (groups, places, in_view);
        }
        let twin = matches!(frame, Frame::Twin { .. });
        let end_of = |c: usize| if twin { ends[c] } else { clusters[c].at };

        // Lines: thin ones first, thick bundles over them.
        let mut order: Vec<usize> = (0..bundles.len()).collect();
        order.sort_by_key(|&b| bundles[b].links.len());
        let hairlines = bundles.len() > HAIRLINES_ABOVE;
        let mut drawn = 0;
        let mut batch: Vec<Option<usize>> = Vec::new();
        let mut batched: HashMap<Option<usize>, Vec<Vec<(f64, f64)>>> = HashMap::new();
        for b in order {
            let bundle = &bundles[b];
            let (ca, cb) = (&clusters[bundle.ends.0], &clusters[bundle.ends.1]);
            let exact = (bundle.links.len() == 1 && ca.members.len() == 1 && cb.members.len() == 1).then(|| &self.links[bundle.links[0]]);
            let Some(points) = self.line_points(end_of(bundle.ends.0), end_of(bundle.ends.1), exact.filter(|_| !twin || (end_of(bundle.ends.0) == ca.at && end_of(bundle.ends.1) == cb.at)), &frame) else { continue };
            drawn += bundle.links.len();
            hits.add_line(b, points.iter().copied());
            if hairlines && bundle.links.len() == 1 {
                // Thousands of single links: one path per kind, one pixel wide.
                if !batched.contains_key(&bundle.style) {
                    batch.push(bundle.style);
                }
                batched.entry(bundle.style).or_default().push(points);
                continue;
            }
            let style = bundle.style.map(|s| &self.styles[s]);
            self.surface.begin_path();
            trace(&mut self.surface, &points);
            match style {
                Some(s) => self.surface.stroke(&s.colour, bundle_width(bundle.links.len(), s.width), s.dash, s.alpha),
                None => self.surface.stroke(MIXED, bundle_width(bundle.links.len(), 2.0), &[], 0.85),
            }
        }
        for key in batch {
            self.surface.begin_path();
            for points in &batched[&key] {
                trace(&mut self.surface, points);
            }
            match key.map(|s| &self.styles[s]) {
                Some(s) => self.surface.stroke(&s.colour, 1.0, s.dash, 1.0),
                None => self.surface.stroke(MIXED, 1.0, &[], 1.0),
            }
        }

        // The highlighted, then the selected partnership, exactly, on top.
        let on_map = |i: &usize| self.shown_links.binary_search(i).is_ok();
        let emphasised: Vec<(usize, &str, bool)> = self
            .highlighted
            .iter()
            .filter(|i| on_map(i))
            .map(|&i| (i, self.styles[self.links[i].style].colour.as_str(), false))
            .chain(self.selected.iter().filter(|i| on_map(i)).map(|&i| (i, self.colours[SELECTED].as_str(), true)))
            .collect();
        for &(i, colour, _) in &emphasised {
            let l = &self.links[i];
            let mut ends = (self.screen(&self.markers[l.french], &frame), self.screen(&self.markers[l.korean], &frame));
            let exact = if twin {
                // An end beyond its map stops on the indicator standing for it.
                let (a, b) = (end_of(cluster_of[l.french]), end_of(cluster_of[l.korean]));
                let fr_in = self.in_view(Country::France, ends.0, &frame);
                let kr_in = self.in_view(Country::Korea, ends.1, &frame);
                ends = (if fr_in { ends.0 } else { a }, if kr_in { ends.1 } else { b });
                None
            } else {
                Some(l)
            };
            if let Some(points) = self.line_points(ends.0, ends.1, exact.or(Some(l)).filter(|_| !twin), &frame) {
                self.surface.begin_path();
                trace(&mut self.surface, &points);
                self.surface.stroke(colour, 5.0, &[], 1.0);
            }
        }

        // Markers: French circles, Korean diamonds; a group larger, with its number.
        let mut markers_drawn = 0;
        let mut groups: Vec<(Country, (f64, f64), f64, usize)> = Vec::new();
        for (country, colour) in [(Country::France, FR), (Country::Korea, KR)] {
            self.surface.begin_path();
            for (c, cl) in clusters.iter().enumerate() {
                if cl.group != country as u8 || !self.in_view(country, cl.at, &frame) {
                    continue;
                }
                hits.add_point(c, cl.at, if cl.members.len() > 1 { group_radius(cl.members.len()) } else { 0.0 });
                markers_drawn += cl.members.len();
                match cl.members.len() {
                    1 => marker_path(&mut self.surface, country, cl.at, RADIUS),
                    n => groups.push((country, cl.at, group_radius(n), n)),
                }
            }
            // White edges first, then every fill over them: dense markers stay coloured.
            self.surface.stroke("#ffffff", 2.5, &[], 1.0);
            self.surface.fill(&self.colours[colour]);
        }
        for (country, at, r, n) in groups {
            self.surface.begin_path();
            marker_path(&mut self.surface, country, at, r);
            self.surface.stroke("#ffffff", 2.0, &[], 1.0);
            self.surface.fill(&self.colours[if country == Country::France { FR } else { KR }]);
            self.surface.count(n, at.0, at.1);
        }

        // The ends of the emphasised partnerships, where they really are, ringed.
        for &(i, colour, selected) in &emphasised {
            let l = &self.links[i];
            for end in [l.french, l.korean] {
                let m = &self.markers[end];
                let p = self.screen(m, &frame);
                if !self.in_view(m.country, p, &frame) {
                    continue;
                }
                self.surface.begin_path();
                marker_path(&mut self.surface, m.country, p, RADIUS);
                self.surface.fill(&self.colours[if m.country == Country::France { FR } else { KR }]);
                self.surface.begin_path();
                marker_path(&mut self.surface, m.country, p, RADIUS + 3.5);
                self.surface.stroke(if selected { colour } else { self.colours[FOCUS].as_str() }, 3.0, &[], 1.0);
            }
        }

        self.hits = hits;
        self.clusters = clusters;
        self.bundles = bundles;
        self.surface.finish();
        if let Some(hook) = self.after_draw.clone() {
            hook(self);
        }
        let canvas = self.surface.canvas();
        let _ = canvas.set_attribute("data-links-drawn", &drawn.to_string());
        let _ = canvas.set_attribute("data-markers-drawn", &markers_drawn.to_string());
    }

    /// Hides the canvas while Leaflet animates a zoom (the drawing would lag behind the land).
    pub fn set_hidden(&self, hidden: bool) {
        let _ = self.surface.canvas().class_list().toggle_with_force("is-hidden", hidden);
    }
}

impl Drop for Scene {
    fn drop(&mut self) {
        // The surface removes its canvas.
        let _ = self.host.remove_attribute("title");
    }
}

/// Adds a line, point by point, to the current path.
fn trace(surface: &mut Surface, points: &[(f64, f64)]) {
    let mut it = points.iter();
    if let Some(&(x, y)) = it.next() {
        surface.move_to(x, y);
    }
    for &(x, y) in it {
        surface.line_to(x, y);
    }
}

/// Adds a marker's shape to the current path: a French circle, a Korean diamond.
fn marker_path(surface: &mut Surface, country: Country, (x, y): (f64, f64), r: f64) {
    match country {
        Country::France => surface.circle(x, y, r),
        Country::Korea => {
            let r = r * 1.25;
            surface.move_to(x, y - r);
            surface.line_to(x + r, y);
            surface.line_to(x, y + r);
            surface.line_to(x - r, y);
            surface.close_path();
        }
    }
}

/// A scene shared with the map's event handlers: changes of data redraw at once, map moves at
/// most once per animation frame. `frame_of` tells where the maps are now.
#[derive(Clone)]
pub struct Painter {
    scene: Rc<RefCell<Scene>>,
    /// The animation frame asked for and not yet run.
    pending: Rc<Cell<Option<i32>>>,
    frame_of: Rc<dyn Fn() -> Option<Frame>>,
    next_frame: js_sys::Function,
}

impl Painter {
    pub fn new(scene: Scene, frame_of: impl Fn() -> Option<Frame> + 'static) -> Painter {
        let scene = Rc::new(RefCell::new(scene));
        let pending = Rc::new(Cell::new(None));
        let frame_of: Rc<dyn Fn() -> Option<Frame>> = Rc::new(frame_of);
        // Handed to JS for good, holding only weak references: a frame that comes after the
        // scene is gone does nothing instead of calling a dropped closure.
        let next_frame: js_sys::Function = Closure::<dyn FnMut(JsValue)>::new({
            let (scene, pending, frame_of) = (Rc::downgrade(&scene), pending.clone(), frame_of.clone());
            move |_| {
                pending.set(None);
                if let (Some(scene), Some(frame)) = (scene.upgrade(), frame_of()) {
                    if let Ok(mut s) = scene.try_borrow_mut() {
                        s.set_frame(frame);
                        s.draw();
                    }
                }
            }
        })
        .into_js_value()
        .unchecked_into();
        // If the canvas's worker is lost, the surface draws itself from the next frame on.
        scene.borrow().surface.on_lost(Rc::new({
            let (pending, next_frame) = (pending.clone(), next_frame.clone());
            move || request_frame(&pending, &next_frame)
        }));
        Painter { scene, pending, frame_of, next_frame }
    }

    /// Redraws at the next animation frame (however many times it is asked before then). Safe
    /// to call from inside Leaflet's synchronous events.
    pub fn schedule(&self) {
        request_frame(&self.pending, &self.next_frame);
    }

    /// Forgets a frame asked for: the map is going, and with it the closure the frame would call.
    pub fn cancel(&self) {
        if let (Some(id), Some(w)) = (self.pending.take(), web_sys::window()) {
            let _ = w.cancel_animation_frame(id);
        }
    }

    /// Changes the scene from where the maps are now (`f` redraws).
    /// Tells `hook` after each frame drawn (the view's indicators and names follow).
    pub fn after_draw(&self, hook: AfterDraw) {
        self.scene.borrow_mut().set_after_draw(hook);
    }

    pub fn update<R>(&self, f: impl FnOnce(&mut Scene) -> R) -> R {
        let frame = (self.frame_of)();
        let mut scene = self.scene.borrow_mut();
        if let Some(frame) = frame {
            scene.set_frame(frame);
        }
        f(&mut scene)
    }

    pub fn scene(&self) -> std::cell::Ref<'_, Scene> {
        self.scene.borrow()
    }
}

/// Asks for `next_frame` at the next animation frame, unless it is already asked for.
fn request_frame(pending: &Cell<Option<i32>>, next_frame: &js_sys::Function) {
    if pending.get().is_none() {
        if let Some(w) = web_sys::window() {
            pending.set(w.request_animation_frame(next_frame).ok());
        }
    }
}

/// Where a Leaflet map draws the unit square now, in the host's pixels (`offset`: the map's
/// top-left corner in the host).
pub fn projection(map: &leaflet::Map, offset: (f64, f64)) -> Projection {
    let c = map.lat_lng_to_container_point(&leaflet::LatLng::new(0.0, 0.0));
    Projection { scale: 256.0 * 2f64.powf(map.get_zoom()), centre: (c.x() + offset.0, c.y() + offset.1) }
}

/// The event's `containerPoint`, moved by `offset` into the host's pixels.
fn event_point(e: &JsValue, offset: (f64, f64)) -> Option<(f64, f64)> {
    let p = js_sys::Reflect::get(e, &JsValue::from_str("containerPoint")).ok()?;
    let x = js_sys::Reflect::get(&p, &JsValue::from_str("x")).ok()?.as_f64()?;
    let y = js_sys::Reflect::get(&p, &JsValue::from_str("y")).ok()?.as_f64()?;
    Some((x + offset.0, y + offset.1))
}

/// Wires a Leaflet map to the painter: redrawn as the map moves, hidden while a zoom is
/// animated, and the pointer picks and hovers what the scene drew. Returns the handlers, to be
/// kept as long as the map.
pub fn listen(
    map: &leaflet::Map,
    painter: &Painter,
    callbacks: &Callbacks,
    offset: Rc<dyn Fn() -> (f64, f64)>,
    zoom_to: ZoomTo,
) -> Vec<Closure<dyn FnMut(JsValue)>> {
    let mut closures = Vec::new();
    let mut on = |events: &str, f: Box<dyn Fn(JsValue)>| {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| f(e));
        map.on(events, closure.as_ref());
        closures.push(closure);
    };
    let p = painter.clone();
    on("move zoom viewreset", Box::new(move |_| p.schedule()));
    let p = painter.clone();
    on("zoomanim", Box::new(move |_| p.scene().set_hidden(true)));
    let p = painter.clone();
    on("zoomend", Box::new(move |_| {
        p.scene().set_hidden(false);
        p.schedule();
    }));
    let (p, pick, o) = (painter.clone(), callbacks.on_pick.clone(), offset.clone());
    on("click", Box::new(move |e| {
        let found = event_point(&e, o()).and_then(|at| p.scene().target_at(at));
        match found {
            Some(Target::Pick(found)) => pick(found),
            Some(Target::Zoom(french, korean)) => zoom_to(&french, &korean),
            None => {}
        }
    }));
    let (p, hover, o) = (painter.clone(), callbacks.on_hover.clone(), offset);
    on("mousemove", Box::new(move |e| {
        let changed = p.scene.try_borrow_mut().ok().and_then(|mut s| s.hover_at(event_point(&e, o())));
        if let Some(now) = changed {
            hover(now);
        }
    }));
    let (p, hover) = (painter.clone(), callbacks.on_hover.clone());
    on("mouseout", Box::new(move |_| {
        let changed = p.scene.try_borrow_mut().ok().and_then(|mut s| s.hover_at(None));
        if let Some(now) = changed {
            hover(now);
        }
    }));
    closures
}
