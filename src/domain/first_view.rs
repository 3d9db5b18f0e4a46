//! The map's opening view, as the map seam draws it: every located authority as a marker, every
//! drawable pair as a link, each named as the interface names it (in the three languages), and
//! which of them the opening view shows. The app builds its map from these ([`marker`],
//! [`link`]); the data tool writes the whole of it at build time (`first-view.json`, by
//! `partnerships-data first-paint --first-view`), so that a module with the map seam alone
//! (issue 19's first-view module; `make bench-floor` measures one) can draw the opening view
//! without the data's loader or the interface.

use serde::Serialize;

use super::dataset::{Authority, Dataset, Partnership};
use super::describe::{authority_label, authority_names, pair_kind_label, pair_title};
use super::filter::{visible_pairs, Filters};
use super::i18n::{count_text, t, Lang, Msg};

/// How much an authority stands for on the map, to lead a crowd and be named first: its
/// population (Paris before Issy-les-Moulineaux, Seoul before Bucheon), except that a region or
/// a province comes after every city, its marker being only a point standing for an area (the
/// Paris area's group was named after the Région Normandie, whose point is Rouen).
pub fn rank(a: &Authority) -> u32 {
    let population = a.population.map_or(0, |p| p.value.min(999_999_999) as u32);
    let areal = matches!(a.kind.as_deref(), Some("region-fr" | "province" | "special-self-governing-province"));
    if areal {
        population / 1000
    } else {
        population.saturating_add(1_000_000)
    }
}

/// A marker's accessible name and hover title: "Séoul · 서울특별시 — Upper-level local
/// government" (the name, then the tier).
pub fn marker_label(ds: &Dataset, a: &Authority, lang: Lang) -> String {
    match ds.tier_of(a) {
        Some(tier) => format!("{} — {}", authority_label(a, lang), tier.name.get(lang)),
        None => authority_label(a, lang),
    }
}

/// A link's hover title: the pair, then its kind in words (a line's colour is never the only
/// way to tell it).
pub fn link_label(ds: &Dataset, p: &Partnership, lang: Lang) -> String {
    format!("{} — {}", pair_title(ds, p, lang), pair_kind_label(ds, p, lang))
}

/// A text in each of the interface's languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Texts {
    pub fr: String,
    pub ko: String,
    pub en: String,
}

impl Texts {
    fn of(f: impl Fn(Lang) -> String) -> Texts {
        Texts { fr: f(Lang::Fr), ko: f(Lang::Ko), en: f(Lang::En) }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => &self.fr,
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }
}

/// A located authority, as the map's marker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewMarker {
    pub id: String,
    /// Latitude, longitude.
    pub at: [f64; 2],
    /// On the Korean side.
    pub kr: bool,
    pub rank: u32,
    /// The name written beside the marker.
    pub name: Texts,
    /// Its accessible name and hover title ([`marker_label`]).
    pub label: Texts,
}

/// A drawable pair, as the map's link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewLink {
    pub id: String,
    /// Marker ids of the two ends.
    pub french: String,
    pub korean: String,
    /// The agreement kind, `unknown`, `exchange` or `planned` (the line's style).
    pub kind: String,
    pub label: Texts,
}

/// The interface's words the embed's first view shows (`src/first.rs`), written here from the
/// interface's own tables so that its module does not carry them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chrome {
    pub title: Texts,
    pub list: Texts,
    pub full_screen: Texts,
    pub open_full_map: Texts,
    pub filters: Texts,
    /// "28 of 36 partnerships".
    pub count: Texts,
    pub map: Texts,
    pub view: Texts,
    pub twin: Texts,
    pub world: Texts,
    pub legend: Texts,
    pub france: Texts,
    pub korea: Texts,
}

/// Everything the map draws, and what its opening view shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstView {
    pub markers: Vec<ViewMarker>,
    pub links: Vec<ViewLink>,
    /// The links the opening view shows (the default filters' drawable pairs), in data order.
    pub shown: Vec<String>,
    /// The ends of the pairs the opening view lists but cannot draw (one end has no place): shown
    /// as markers alone.
    pub alone: Vec<String>,
    /// How many pairs the opening view lists (drawn or not), and the data's whole number: the
    /// filters' count ("28 of 36 partnerships").
    pub listed: usize,
    pub total: usize,
    pub chrome: Chrome,
}

/// Every located authority as the map draws it, named in `lang`: `(authority, marker)` pairs.
pub fn markers<'a>(ds: &'a Dataset) -> impl Iterator<Item = (&'a Authority, [f64; 2])> + 'a {
    ds.authorities.iter().filter_map(|a| a.location.map(|at| (a, [at.lat, at.lng])))
}

/// Every drawable pair with its two ends (Korean, French).
pub fn links<'a>(ds: &'a Dataset) -> impl Iterator<Item = (&'a Partnership, &'a Authority, &'a Authority)> + 'a {
    ds.partnerships.iter().filter(|p| ds.is_drawable(p)).filter_map(|p| ds.ends(p).map(|(k, f)| (p, k, f)))
}

/// Up to how many drawable links the opening view is drawn by the first view's module: the
/// map's own threshold for its canvas (`map::scene::CANVAS_ABOVE`). Below it, the first view
/// draws the opening view sooner than the interface would (`make bench`, 36 pairs: in 0.5 to
/// 0.7 of the time); at 10,000 pairs it was slower (1.7 to 1.9 s against the interface's 1.35:
/// its file is 5 MB, three languages of every name and label), so a larger map starts with its
/// interface at once: the page says so (`first_paint`, `data-first-view="off"`).
pub const FIRST_VIEW_UP_TO: usize = 500;

/// Whether `ds` opens on the first view ([`FIRST_VIEW_UP_TO`]).
pub fn pays(ds: &Dataset) -> bool {
    links(ds).nth(FIRST_VIEW_UP_TO).is_none()
}

/// The map of `ds` and its opening view.
pub fn first_view(ds: &Dataset) -> FirstView {
    let markers = markers(ds)
        .map(|(a, at)| ViewMarker {
            id: a.id.clone(),
            at,
            kr: a.country == super::dataset::Country::Korea,
            rank: rank(a),
            name: Texts::of(|lang| authority_names(a, lang).0),
            label: Texts::of(|lang| marker_label(ds, a, lang)),
        })
        .collect();
    let links = links(ds)
        .map(|(p, k, f)| ViewLink {
            id: p.id.clone(),
            french: f.id.clone(),
            korean: k.id.clone(),
            kind: p.kind_option().to_string(),
            label: Texts::of(|lang| link_label(ds, p, lang)),
        })
        .collect();
    let (mut shown, mut alone) = (Vec::new(), Vec::new());
    let visible = visible_pairs(ds, &Filters::default());
    for &i in &visible {
        let p = &ds.partnerships[i];
        if ds.is_drawable_at(i) {
            shown.push(p.id.clone());
        } else {
            alone.extend([p.korean.clone(), p.french.clone()]);
        }
    }
    let word = |msg: Msg| Texts::of(|lang| t(lang, msg).to_string());
    let chrome = Chrome {
        title: word(Msg::Title),
        list: word(Msg::ShowList),
        full_screen: word(Msg::FullScreen),
        open_full_map: word(Msg::OpenFullMap),
        filters: word(Msg::Filters),
        count: Texts::of(|lang| count_text(lang, visible.len(), ds.partnerships.len())),
        map: word(Msg::MapLabel),
        view: word(Msg::View),
        twin: word(Msg::ViewTwin),
        world: word(Msg::ViewWorld),
        legend: word(Msg::Legend),
        france: word(Msg::France),
        korea: word(Msg::Korea),
    };
    FirstView { markers, links, shown, alone, listed: visible.len(), total: ds.partnerships.len(), chrome }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::load_bytes;

    fn bundled() -> Dataset {
        let loaded = load_bytes(&std::fs::read("data/partnerships.json").unwrap());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }

    #[test]
    fn the_opening_view_shows_the_default_filters_drawable_pairs_and_alone_the_rest() {
        let ds = bundled();
        let view = first_view(&ds);
        let visible = visible_pairs(&ds, &Filters::default());
        let drawable: Vec<&str> = visible.iter().filter(|&&i| ds.is_drawable_at(i)).map(|&i| ds.partnerships[i].id.as_str()).collect();
        assert_eq!(view.shown, drawable);
        assert!(!view.shown.is_empty() && view.shown.len() < ds.partnerships.len(), "the default view hides some pairs");
        let undrawn = visible.len() - drawable.len();
        assert_eq!(view.alone.len(), 2 * undrawn);
        assert_eq!((view.listed, view.total), (visible.len(), ds.partnerships.len()));
        // Every shown link is a link, and every link's ends are markers.
        for id in &view.shown {
            assert!(view.links.iter().any(|l| &l.id == id), "{id} is drawn");
        }
        for l in &view.links {
            for end in [&l.french, &l.korean] {
                assert!(view.markers.iter().any(|m| &m.id == end), "{}: {end} has a marker", l.id);
            }
        }
        let located = ds.authorities.iter().filter(|a| a.location.is_some()).count();
        assert_eq!(view.markers.len(), located);
    }

    #[test]
    fn names_and_labels_are_the_interfaces_in_each_language() {
        let ds = bundled();
        let view = first_view(&ds);
        let seoul = view.markers.iter().find(|m| m.id == "kr-seoul").expect("Seoul is on the map");
        assert!(seoul.kr);
        assert_eq!(seoul.name.get(Lang::Fr), "Séoul");
        assert_eq!(seoul.name.get(Lang::Ko), "서울특별시");
        assert!(seoul.label.get(Lang::En).starts_with("Seoul · 서울특별시 — "), "{}", seoul.label.en);
        let paris = view.markers.iter().find(|m| m.id == "fr-paris").expect("Paris is on the map");
        assert!(!paris.kr && paris.rank > seoul.rank.min(1_000_000), "a city ranks above any region");
        let link = &view.links[0];
        let p = ds.partnerships.iter().find(|p| p.id == link.id).unwrap();
        for lang in Lang::ALL {
            assert_eq!(link.label.get(lang), format!("{} — {}", pair_title(&ds, p, lang), pair_kind_label(&ds, p, lang)));
        }
    }

    #[test]
    fn a_region_ranks_after_every_city() {
        let ds = bundled();
        let view = first_view(&ds);
        let region = view.markers.iter().find(|m| m.id == "fr-normandie").expect("the Région Normandie is on the map").rank;
        let city = ds.authorities.iter().filter(|a| a.kind.as_deref() == Some("commune")).map(rank).min().expect("communes in the data");
        assert!(region < city, "the Région Normandie ({region}) after every commune ({city})");
    }
}
