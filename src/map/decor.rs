//! What one Leaflet map shows besides its markers and lines, the same in both views: the
//! authorities' names ([`NameLayer`]), its country's name, the indicators on its edges
//! ([`EdgeMarks`]), and its frame ([`Framing`]).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::edges::EdgeMarks;
use super::framing::{covers, hide_controls_under_covers, page_rect, Framing, MAX_FIT_ZOOM};
use super::labels::{NameAnchor, NameLayer};
use super::markers::Drawn;
use super::SharedWords;
use crate::domain::dataset::{Country, LatLng as Position};
use crate::domain::frame::{edge_groups, Edge, EdgeGroup};
use crate::domain::geo::Rect;

/// An edge indicator stands this far inside its map's edge, and this far from its corners
/// (where the zoom buttons and the view switch are).
pub(crate) const EDGE_INSET: f64 = 24.0;
pub(crate) const EDGE_CORNER: f64 = 32.0;
/// Room kept around what a fit shows: a marker's target, and its name beside it.
pub const FIT_BASE: [f64; 4] = [28.0, 28.0, 28.0, 28.0];
/// Between a marker's centre and its name.
const NAME_GAP: f64 = 4.0;
/// The most names tried on one map (a screen holds far fewer).
const MAX_NAMES: usize = 200;

/// The shown markers beyond each edge, and those in view, as last drawn: what a click on an
/// indicator brings into view.
#[derive(Default)]
struct Beyond {
    edges: Vec<(Edge, Vec<Position>)>,
    in_view: Vec<Position>,
}

pub struct Decor {
    pub framing: Framing,
    names: RefCell<NameLayer>,
    edges: EdgeMarks,
    /// The map's country in the twin view; `None` for the world map.
    country: Option<Country>,
    beyond: Rc<RefCell<Beyond>>,
    words: SharedWords,
    /// The view's element: what covers the maps is found beside it.
    root: HtmlElement,
    /// What covers the map (host pixels), as measured at the last rest: the indicators keep
    /// clear of it while the map moves (measuring it at every frame would force a layout).
    pub avoid: Rc<RefCell<Vec<Rect>>>,
    /// Where French and Korean names go first: away from where their lines go.
    away: [(f64, f64); 2],
}

impl Decor {
    /// `pane`: the Leaflet map's element; `host`: where its names and indicators are drawn (above
    /// the lines); `root`: the view's element.
    /// `away`: the side French and Korean names try first (away from their lines).
    pub fn new(framing: Framing, host: &HtmlElement, root: &HtmlElement, country: Option<Country>, words: SharedWords, away: [(f64, f64); 2]) -> Result<Decor, JsValue> {
        let class = match country {
            Some(Country::France) => "pm-on-fr",
            Some(Country::Korea) => "pm-on-kr",
            None => "pm-on-world",
        };
        let names = NameLayer::new(host, class)?;
        let beyond: Rc<RefCell<Beyond>> = Rc::default();
        let on_click: Rc<dyn Fn(Edge)> = Rc::new({
            let (beyond, framing, root) = (beyond.clone(), framing.clone(), root.clone());
            move |edge| {
                let places: Vec<Position> = {
                    let b = beyond.borrow();
                    let Some((_, out)) = b.edges.iter().find(|(e, _)| *e == edge) else { return };
                    b.in_view.iter().chain(out.iter()).copied().collect()
                };
                // The user chose this frame: it stays until the next filter change.
                framing.hand.set(true);
                framing.fit(&places, &covers(&root), FIT_BASE, MAX_FIT_ZOOM.max(framing.map.get_zoom()), !super::prefers_reduced_motion());
            }
        });
        let edges = EdgeMarks::new(host, class, on_click)?;
        Ok(Decor { framing, names: RefCell::new(names), edges, country, beyond, words, root: root.clone(), avoid: Rc::default(), away })
    }

    /// Sets the names written on the map (`id`, name), and the country's (a caption in the twin
    /// view, a name on the land in the world view).
    pub fn set_names(&self, names: &[(String, String)]) {
        let mut layer = self.names.borrow_mut();
        let words = self.words.borrow();
        let class = match self.country {
            Some(Country::France) | None => "pm-name--fr",
            Some(Country::Korea) => "pm-name--kr",
        };
        layer.set_names(names.iter().map(|(id, name)| (id.as_str(), name.as_str(), class)));
        match self.country {
            Some(c) => layer.set_caption(&(words.country)(c)),
            None => {
                let countries = [(Country::France, "country:FR"), (Country::Korea, "country:KR")].map(|(c, id)| (id, (words.country)(c)));
                layer.set_names(countries.iter().map(|(id, n)| (*id, n.as_str(), "pm-name--country")));
            }
        }
    }

    /// Frame by frame: groups the shown markers lying outside `rect` (the host's pixels) by the
    /// edge they are beyond, shows one indicator per edge, and moves the names with their
    /// markers. `points`: each shown marker's id, where it is drawn (host pixels) and its true
    /// place. Returns where each one's lines end: on it, or on its indicator.
    pub fn follow(&self, rect: Rect, points: &[(String, (f64, f64), Position)]) -> Vec<(f64, f64)> {
        let at: Vec<(f64, f64)> = points.iter().map(|p| p.1).collect();
        let (groups, of) = edge_groups(rect, &at, EDGE_INSET, EDGE_CORNER, &self.avoid.borrow());
        let in_view = points.iter().zip(&of).filter(|(_, g)| g.is_none()).map(|(p, _)| p.2).collect();
        self.show_edges(&groups, |m| points[m].2, in_view);
        let ends = of.iter().zip(&at).map(|(g, &p)| g.map_or(p, |g| groups[g].at)).collect();
        let by_id: std::collections::HashMap<&str, (f64, f64)> = points.iter().map(|p| (p.0.as_str(), p.1)).collect();
        self.names.borrow().follow(|id| by_id.get(id).copied());
        ends
    }

    /// Shows one indicator per group (host pixels), and keeps what a click on one brings into
    /// view: its members' places (`place_of` a member index) and those of the markers in view.
    pub fn show_edges(&self, groups: &[EdgeGroup], place_of: impl Fn(usize) -> Position, in_view: Vec<Position>) {
        {
            let mut b = self.beyond.borrow_mut();
            b.edges = groups.iter().map(|g| (g.edge, g.members.iter().map(|&m| place_of(m)).collect())).collect();
            b.in_view = in_view;
        }
        let words = self.words.borrow();
        self.edges.update(groups, (0.0, 0.0), |g| (words.edge)(g.members.len(), g.edge, self.country));
    }

    /// Moves the names with their markers (`at`: where a marker is drawn now, host pixels).
    pub fn follow_names(&self, at: impl Fn(&str) -> Option<(f64, f64)>) {
        self.names.borrow().follow(at);
    }

    /// At rest: writes the names that fit beside what is drawn (`drawn`, host pixels), the
    /// `must` ones always, inside `rect` and clear of every marker, indicator and cover; `extra`
    /// names (the countries on the world map) first.
    pub fn place_names(&self, rect: Rect, drawn: &[Drawn], name_rank: impl Fn(&str) -> Option<u32>, must: &HashSet<String>, extra: Vec<NameAnchor>) {
        let Ok(mut layer) = self.names.try_borrow_mut() else { return };
        // The map's zoom, for whoever reads the page's structure (tests, an embedding page).
        let _ = self.framing.pane.set_attribute("data-zoom", &format!("{:.2}", self.framing.map.get_zoom()));
        let _ = self.framing.pane.set_attribute("data-by-hand", if self.framing.hand.get() { "true" } else { "false" });
        hide_controls_under_covers(&self.framing.pane, &self.root);
        let origin = layer.origin();
        let to_host = |r: Rect| Rect { left: r.left - origin.0, top: r.top - origin.1, right: r.right - origin.0, bottom: r.bottom - origin.1 };
        let covering: Vec<Rect> = covers(&self.root).into_iter().map(to_host).collect();
        *self.avoid.borrow_mut() = covering.clone();
        let mut obstacles: Vec<Rect> = covering.into_iter().chain(self.edges.boxes().into_iter().map(to_host)).collect();
        let markers: Vec<Rect> = drawn.iter().map(|d| Rect::around(d.at, d.radius + 1.0)).collect();
        // The country's caption: beside the zoom buttons (the top left corner of the map), or in
        // the bottom left corner above whatever covers the bottom (the legend, a card), or under
        // the buttons, or in the top or bottom right corner: the first place where nothing covers
        // it and it covers no marker; in a crowded map, the one over the fewest markers.
        if self.country.is_some() {
            let zoom = self.framing.pane.query_selector(".leaflet-control-zoom").ok().flatten().and_then(|z| page_rect(&z)).map(to_host);
            let z = zoom.unwrap_or(Rect { left: rect.left + 10.0, top: rect.top + 10.0, right: rect.left + 10.0, bottom: rect.top + 10.0 });
            let size = layer.caption_size();
            let left_strip = Rect { left: rect.left, top: rect.top, right: rect.left + size.0 + 20.0, bottom: rect.bottom };
            // What stands on the map's foot (the legend, a card, the credits) in a strip: a
            // caption goes above it.
            let floor_of = |strip: Rect| {
                let low = rect.top + (rect.bottom - rect.top) * 0.6;
                obstacles.iter().filter(|o| o.overlaps(&strip) && o.bottom > low).map(|o| o.top).fold(rect.bottom, f64::min)
            };
            let floor = floor_of(left_strip);
            let right_floor = floor_of(Rect { left: rect.right - size.0 - 20.0, ..left_strip });
            let spots = [
                (z.right + 8.0, z.top + 4.0),
                (rect.left + 10.0, floor - size.1 - 10.0),
                (z.left, z.bottom + 8.0),
                (rect.right - size.0 - 10.0, z.top + 4.0),
                (rect.right - size.0 - 10.0, right_floor - size.1 - 10.0),
            ];
            let boxed = |&(x, y): &(f64, f64)| Rect { left: x, top: y, right: x + size.0, bottom: y + size.1 };
            let uncovered = |p: &(f64, f64)| {
                let b = boxed(p);
                rect.holds(&b) && !obstacles.iter().any(|o| o.overlaps(&b))
            };
            let markers_under = |p: &(f64, f64)| markers.iter().filter(|m| m.overlaps(&boxed(p))).count();
            let at = spots.iter().copied().filter(uncovered).min_by_key(markers_under).unwrap_or(spots[0]);
            obstacles.extend(layer.place_caption(Some(at)));
        }
        obstacles.extend(markers);
        let away = |c: Country| self.away[if c == Country::France { 0 } else { 1 }];
        // A group is named by its most important member and how many more it holds: "Paris +6".
        let group_names: Vec<(String, String)> = drawn
            .iter()
            .filter_map(|d| {
                let (seed, n) = d.seed.as_ref()?;
                let name = layer.text_of(seed)?;
                Some((format!("group:{seed}"), format!("{name} +{}", n - 1)))
            })
            .collect();
        let class = if self.country == Some(Country::Korea) { "pm-name--kr pm-name--group" } else { "pm-name--fr pm-name--group" };
        layer.set_names(group_names.iter().map(|(id, text)| (id.as_str(), text.as_str(), class)));
        let mut anchors = extra;
        anchors.extend(drawn.iter().filter_map(|d| {
            let (id, rank) = match (&d.id, &d.seed) {
                (Some(id), _) => (id.clone(), name_rank(id)?),
                // Groups before single names: they stand for more.
                (None, Some((seed, n))) => (format!("group:{seed}"), name_rank(seed)?.saturating_add(1000 + *n as u32)),
                _ => return None,
            };
            Some(NameAnchor { must: must.contains(&id), at: d.at, gap: d.radius + NAME_GAP, rank, away: away(d.country), id })
        }));
        // On a canvas of thousands, the most important names only (the selection's always).
        if anchors.len() > MAX_NAMES {
            anchors.sort_by(|a, b| b.must.cmp(&a.must).then(b.rank.cmp(&a.rank)).then_with(|| a.id.cmp(&b.id)));
            let keep = anchors.iter().filter(|a| a.must).count().max(MAX_NAMES);
            anchors.truncate(keep);
        }
        let bounds = Rect { left: rect.left + 2.0, top: rect.top + 2.0, right: rect.right - 2.0, bottom: rect.bottom - 2.0 };
        layer.place(&anchors, &obstacles, bounds);
    }

    /// Hides the names while Leaflet animates a zoom.
    pub fn set_names_hidden(&self, hidden: bool) {
        self.names.borrow().set_hidden(hidden);
    }

    /// Frames this map: fits `places` (what is shown and `include`), or, when the user moved it
    /// by hand and `keep` is set, only brings `include` into view.
    pub fn frame(&self, places: &[Position], include: &[Position], keep: bool, animate: bool) {
        let covers = covers(&self.root);
        if keep && self.framing.hand.get() {
            self.framing.reveal(include, &covers, FIT_BASE, animate);
        } else {
            let all: Vec<Position> = places.iter().chain(include).copied().collect();
            self.framing.fit(&all, &covers, FIT_BASE, MAX_FIT_ZOOM, animate);
        }
    }
}
