//! The URL contract: the state a link can carry (documented in README.md, "URL parameters").
//!
//! `region=FR-IDF,KR-47&theme=culture,crafts&kind=twinning,exchange&from=2005&to=2012&unknown=0&pair=<id>&lang=fr`.
//! Parsing never fails: a malformed or unknown value is dropped with a [`UrlNotice`] that the
//! interface shows. Printing gives one canonical query string (defaults left out), so equal
//! states give equal URLs and history entries.

use std::collections::BTreeSet;

use super::dataset::Dataset;
use super::filter::Filters;
use super::i18n::Lang;
use super::load::{is_iso_3166_2, is_slug};
use super::order::Order;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub filters: Filters,
    /// The selected partnership.
    pub pair: Option<String>,
    /// The selected authority (`place=`): its card lists its partnerships. A pair opened from
    /// it keeps it, so that closing the pair's card goes back to the authority's.
    pub place: Option<String>,
    /// The interface language, when the URL chooses one.
    pub lang: Option<Lang>,
    /// The side panel shown instead of the list.
    pub panel: Option<Panel>,
    /// The "About" panel, open over the map (`about=1`), on its propose form (`about=propose`).
    pub about: Option<AboutPage>,
    /// The list's order (`sort=`); the default, the data's order, is left out of the URL.
    pub sort: Order,
    /// The map view; `None` = the default (twin).
    pub view: Option<View>,
    /// Embedded in another site (`embed=1`): the map, a list toggle and a filter drawer only.
    pub embed: bool,
    /// Presenter and kiosk mode (`mode=kiosk`): large type, the attract loop, clicker keys.
    pub kiosk: bool,
    /// Seconds each pair of the attract loop stays on screen (`dwell=`; default 10).
    pub dwell: Option<u32>,
    /// Seconds without input before a kiosk resets and resumes its loop (`idle=`; default 90).
    pub idle: Option<u32>,
    /// A tour file of prepared steps (`tour=tours/forum.json`), relative to the app.
    pub tour: Option<String>,
    /// Where the kiosk card's QR code sends phones (`qr=https://…/`), when the kiosk runs from a
    /// copy that phones cannot reach; by default, this page's own address.
    pub qr: Option<String>,
    /// The parameters this version does not know (`utm_source=news`), each as it came
    /// (`key=value`, still percent-encoded), in their order: they may belong to the embedding
    /// page, a campaign or a later version, and are printed back after the map's own.
    pub extra: Vec<String>,
}

/// A tour file's address: a path inside the app's folder (letters, digits, `-_./`), ending in
/// `.json`, never going up (`..`) or elsewhere (no scheme, no `//`).
pub fn is_tour_path(s: &str) -> bool {
    s.len() <= 200
        && s.ends_with(".json")
        && !s.starts_with('/')
        && !s.contains("..")
        && !s.contains("//")
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
}

/// An absolute `http:` or `https:` address with no space or quote in it.
pub fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && s.len() <= 300
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>`".contains(c))
}

/// Seconds for `dwell=` and `idle=`: a whole number from 1 to a day.
fn parse_seconds(param: &str, value: &str, notices: &mut Vec<UrlNotice>) -> Option<u32> {
    match value.trim().parse::<u32>() {
        Ok(n) if (1..=86_400).contains(&n) => Some(n),
        _ => {
            notices.push(notice(param, value, "expected seconds from 1 to 86400"));
            None
        }
    }
}

/// How the map shows France and Korea.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Two maps side by side (stacked on a phone), links drawn across the gutter.
    #[default]
    Twin,
    /// One map of the world with great-circle arcs.
    World,
}

impl View {
    pub fn id(self) -> &'static str {
        match self {
            View::Twin => "twin",
            View::World => "world",
        }
    }

    /// The view an address names ([`View::id`]).
    pub fn from_id(id: &str) -> Option<View> {
        [View::Twin, View::World].into_iter().find(|v| v.id() == id)
    }

    /// The view a page opens on when its address names none: an embed in a frame
    /// [`LOW_FRAME`] px high or lower opens on the world map (two stacked maps would be strips);
    /// everything else side by side. The app's and the embed's first view's (src/first.rs).
    pub fn opening(embedded: bool, frame_height: f64) -> View {
        if embedded && frame_height <= LOW_FRAME {
            View::World
        } else {
            View::Twin
        }
    }
}

/// At this frame height or below an embed opens on the world map ([`View::opening`]); the
/// stylesheet's `@media (max-height: 420px)` drops the map's buttons there too.
pub const LOW_FRAME: f64 = 420.0;

/// Side panels beside the map (the list of partnerships is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    Timeline,
    Tiers,
}

impl Panel {
    pub fn id(self) -> &'static str {
        match self {
            Panel::Timeline => "timeline",
            Panel::Tiers => "tiers",
        }
    }
}

/// What the "About" panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AboutPage {
    /// What the map is, who keeps it, what its words mean, the licences (`about=1`).
    About,
    /// The "Propose a partnership or a correction" form (`about=propose`).
    Propose,
}

impl AboutPage {
    pub fn id(self) -> &'static str {
        match self {
            AboutPage::About => "1",
            AboutPage::Propose => "propose",
        }
    }
}

/// A value of the URL that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlNotice {
    pub param: String,
    pub value: String,
    pub reason: &'static str,
}

impl std::fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={} ({})", self.param, self.value, self.reason)
    }
}

fn notice(param: &str, value: &str, reason: &'static str) -> UrlNotice {
    let value: String = value.chars().take(60).collect();
    UrlNotice { param: param.to_string(), value, reason }
}

/// The notices of one kind (the same parameter, ignored for the same reason): a link with 1,486
/// unknown regions gives one line, not 1,486.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeGroup {
    pub param: String,
    /// Why; `None` for ids that name nothing (malformed, or not in the data): to a visitor both
    /// are "unknown regions".
    pub reason: Option<&'static str>,
    /// How many values were ignored for it.
    pub count: usize,
    /// The first few of them, to name.
    pub examples: Vec<String>,
}

/// The notices grouped by kind, in the order each kind first appears, each group naming at most
/// `examples` of its values.
pub fn group_notices(notices: &[UrlNotice], examples: usize) -> Vec<NoticeGroup> {
    let mut groups: Vec<NoticeGroup> = Vec::new();
    for n in notices {
        let reason = (n.reason != "malformed id" && !n.reason.starts_with("no such")).then_some(n.reason);
        // There are a few dozen kinds at most (parameters × reasons): a scan is enough.
        match groups.iter_mut().find(|g| g.param == n.param && g.reason == reason) {
            Some(g) => {
                g.count += 1;
                if g.examples.len() < examples {
                    g.examples.push(n.value.clone());
                }
            }
            None => groups.push(NoticeGroup {
                param: n.param.clone(),
                reason,
                count: 1,
                examples: (examples > 0).then(|| n.value.clone()).into_iter().collect(),
            }),
        }
    }
    groups
}

/// An unknown parameter as it will be written back: as it came when it is already a plain,
/// encoded `key=value` (the address the browser gives always is), else encoded anew (a query
/// given by hand with spaces or quotes), so that the address never carries them raw.
fn kept(segment: &str, key: &str, value: &str) -> String {
    let plain = segment.bytes().all(|b| b.is_ascii_graphic() && !b"\"'<>`#".contains(&b));
    if plain {
        return segment.to_string();
    }
    let encode = |v: &str| form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
    format!("{}={}", encode(key), encode(value))
}

fn parse_year(param: &str, value: &str, notices: &mut Vec<UrlNotice>) -> Option<i32> {
    match value.trim().parse::<i32>() {
        Ok(y) if super::load::YEAR_RANGE.contains(&y) => Some(y),
        Ok(_) => {
            notices.push(notice(param, value, "year out of range"));
            None
        }
        Err(_) => {
            notices.push(notice(param, value, "not a year"));
            None
        }
    }
}

fn parse_list(param: &str, value: &str, valid: fn(&str) -> bool, out: &mut BTreeSet<String>, notices: &mut Vec<UrlNotice>) {
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if valid(item) {
            out.insert(item.to_string());
        } else {
            notices.push(notice(param, item, "malformed id"));
        }
    }
}

impl UrlState {
    /// Reads a query string (with or without its leading `?`). Parameters this version does not
    /// know are left alone (kept in [`UrlState::extra`], never reported): they may belong to the
    /// embedding page or to a later version.
    pub fn parse(query: &str) -> (UrlState, Vec<UrlNotice>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut s = UrlState::default();
        let mut notices = Vec::new();
        // One `key=value` at a time, so that an unknown one can be kept as it came.
        for segment in query.split('&').filter(|p| !p.is_empty()) {
            let Some((key, value)) = form_urlencoded::parse(segment.as_bytes()).next() else { continue };
            match key.as_ref() {
                "region" => parse_list("region", &value, is_iso_3166_2, &mut s.filters.regions, &mut notices),
                "theme" => parse_list("theme", &value, is_slug, &mut s.filters.themes, &mut notices),
                "kind" => {
                    // Present, even empty, means "exactly these" (`kind=` shows nothing).
                    let mut kinds = BTreeSet::new();
                    parse_list("kind", &value, is_slug, &mut kinds, &mut notices);
                    s.filters.kinds = Some(kinds);
                }
                "from" => s.filters.from = parse_year("from", &value, &mut notices),
                "to" => s.filters.to = parse_year("to", &value, &mut notices),
                "unknown" => match value.as_ref() {
                    "1" => s.filters.include_unknown_year = true,
                    "0" => s.filters.include_unknown_year = false,
                    other => notices.push(notice("unknown", other, "expected 0 or 1")),
                },
                "q" => s.filters.query = value.trim().chars().take(200).collect(),
                "pair" if is_slug(&value) => s.pair = Some(value.into_owned()),
                "focus" if is_slug(&value) => s.filters.focus = Some(value.into_owned()),
                "focus" => notices.push(notice("focus", &value, "malformed id")),
                "embed" => match value.as_ref() {
                    "1" => s.embed = true,
                    "0" => s.embed = false,
                    other => notices.push(notice("embed", other, "expected 1 or 0")),
                },
                "pair" => notices.push(notice("pair", &value, "malformed id")),
                "place" if is_slug(&value) => s.place = Some(value.into_owned()),
                "place" => notices.push(notice("place", &value, "malformed id")),
                "view" => match View::from_id(&value) {
                    Some(view) => s.view = Some(view),
                    None => notices.push(notice("view", &value, "expected twin or world")),
                },
                "panel" => match value.as_ref() {
                    "timeline" => s.panel = Some(Panel::Timeline),
                    "tiers" => s.panel = Some(Panel::Tiers),
                    "list" => s.panel = None,
                    other => notices.push(notice("panel", other, "expected list, timeline or tiers")),
                },
                "about" => match value.as_ref() {
                    "1" => s.about = Some(AboutPage::About),
                    "propose" => s.about = Some(AboutPage::Propose),
                    "0" => s.about = None,
                    other => notices.push(notice("about", other, "expected 1 or propose")),
                },
                "sort" => match Order::try_from_id(&value) {
                    Some(o) => s.sort = o,
                    None => notices.push(notice("sort", &value, "expected name, oldest, newest, region or data")),
                },
                "mode" => match value.as_ref() {
                    "kiosk" => s.kiosk = true,
                    "full" => s.kiosk = false,
                    other => notices.push(notice("mode", other, "expected kiosk")),
                },
                "dwell" => s.dwell = parse_seconds("dwell", &value, &mut notices),
                "idle" => s.idle = parse_seconds("idle", &value, &mut notices),
                "tour" if is_tour_path(&value) => s.tour = Some(value.into_owned()),
                "tour" => notices.push(notice("tour", &value, "expected a .json file in the app's folder")),
                "qr" if is_web_address(&value) => s.qr = Some(value.into_owned()),
                "qr" => notices.push(notice("qr", &value, "expected an http(s) address")),
                "lang" => match Lang::try_from_code(&value) {
                    Some(l) => s.lang = Some(l),
                    None => notices.push(notice("lang", &value, "expected fr, ko or en")),
                },
                _ => s.extra.push(kept(segment, &key, &value)),
            }
        }
        if let (Some(f), Some(t)) = (s.filters.from, s.filters.to) {
            if f > t {
                notices.push(notice("from", &f.to_string(), "after \"to\": the two were swapped"));
                s.filters.from = Some(t);
                s.filters.to = Some(f);
            }
        }
        (s, notices)
    }

    /// Drops ids the dataset does not have (a region with no code, a removed partnership).
    pub fn retain_known(&mut self, ds: &Dataset) -> Vec<UrlNotice> {
        let mut notices = Vec::new();
        self.filters.regions.retain(|r| {
            let ok = ds.region(r).is_some();
            if !ok {
                notices.push(notice("region", r, "no such region"));
            }
            ok
        });
        self.filters.themes.retain(|t| {
            let ok = ds.theme(t).is_some();
            if !ok {
                notices.push(notice("theme", t, "no such theme"));
            }
            ok
        });
        if let Some(kinds) = &mut self.filters.kinds {
            let options = ds.kind_options();
            kinds.retain(|k| {
                let ok = options.contains(k);
                if !ok {
                    notices.push(notice("kind", k, "no such kind or status"));
                }
                ok
            });
        }
        if let Some(a) = &self.filters.focus {
            if ds.authority(a).is_none() {
                notices.push(notice("focus", a, "no such authority"));
                self.filters.focus = None;
            }
        }
        if let Some(p) = &self.pair {
            if ds.partnership(p).is_none() {
                notices.push(notice("pair", p, "no such partnership"));
                self.pair = None;
            }
        }
        if let Some(a) = &self.place {
            if ds.authority(a).is_none() {
                notices.push(notice("place", a, "no such authority"));
                self.place = None;
            }
        }
        notices
    }

    /// The canonical query string, without `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        // Every value is an id checked by `parse`/`retain_known` (letters, digits, hyphens) or a
        // number, so nothing needs escaping and the commas stay readable.
        let mut parts = Vec::new();
        let f = &self.filters;
        if !f.regions.is_empty() {
            parts.push(format!("region={}", f.regions.iter().cloned().collect::<Vec<_>>().join(",")));
        }
        if !f.themes.is_empty() {
            parts.push(format!("theme={}", f.themes.iter().cloned().collect::<Vec<_>>().join(",")));
        }
        if let Some(kinds) = &f.kinds {
            parts.push(format!("kind={}", kinds.iter().cloned().collect::<Vec<_>>().join(",")));
        }
        if let Some(y) = f.from {
            parts.push(format!("from={y}"));
        }
        if let Some(y) = f.to {
            parts.push(format!("to={y}"));
        }
        if !f.include_unknown_year {
            parts.push("unknown=0".into());
        }
        if !f.query.is_empty() {
            // The one free-text value: percent-encoded.
            parts.push(format!("q={}", form_urlencoded::byte_serialize(f.query.as_bytes()).collect::<String>()));
        }
        if let Some(a) = &f.focus {
            parts.push(format!("focus={a}"));
        }
        if let Some(a) = &self.place {
            parts.push(format!("place={a}"));
        }
        if let Some(p) = &self.pair {
            parts.push(format!("pair={p}"));
        }
        if let Some(p) = self.panel {
            parts.push(format!("panel={}", p.id()));
        }
        if self.sort != Order::Data {
            parts.push(format!("sort={}", self.sort.id()));
        }
        if let Some(v) = self.view {
            parts.push(format!("view={}", v.id()));
        }
        if let Some(a) = self.about {
            parts.push(format!("about={}", a.id()));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.code()));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        let encode = |v: &str| form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
        if self.kiosk {
            parts.push("mode=kiosk".into());
        }
        if let Some(n) = self.dwell {
            parts.push(format!("dwell={n}"));
        }
        if let Some(n) = self.idle {
            parts.push(format!("idle={n}"));
        }
        if let Some(t) = &self.tour {
            parts.push(format!("tour={}", encode(t)));
        }
        if let Some(q) = &self.qr {
            parts.push(format!("qr={}", encode(q)));
        }
        parts.extend(self.extra.iter().cloned());
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_parses_and_prints_back() {
        let q = "region=FR-IDF,KR-47&theme=crafts,culture&kind=exchange,twinning&from=2005&to=2012&unknown=0&pair=seoul-paris&panel=timeline&view=world&lang=ko";
        let (s, notices) = UrlState::parse(q);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.filters.regions.iter().map(String::as_str).collect::<Vec<_>>(), ["FR-IDF", "KR-47"]);
        assert_eq!(s.filters.themes.len(), 2);
        assert_eq!((s.filters.from, s.filters.to, s.filters.include_unknown_year), (Some(2005), Some(2012), false));
        assert_eq!(s.pair.as_deref(), Some("seoul-paris"));
        assert_eq!(s.lang, Some(Lang::Ko));
        assert_eq!(s.to_query(), q);
        assert_eq!(UrlState::parse(&s.to_query()).0, s);
    }

    #[test]
    fn an_authority_is_selected_by_place_and_a_pair_opened_from_it_keeps_it() {
        let (s, n) = UrlState::parse("place=kr-daejeon&pair=daejeon-nice");
        assert!(n.is_empty());
        assert_eq!((s.place.as_deref(), s.pair.as_deref()), (Some("kr-daejeon"), Some("daejeon-nice")));
        assert_eq!(s.to_query(), "place=kr-daejeon&pair=daejeon-nice");
        let (s, n) = UrlState::parse("place=%3Cscript%3E");
        assert_eq!((s.place, n.len()), (None, 1));
    }

    #[test]
    fn the_about_panel_and_its_form_are_reachable_by_address() {
        let (s, n) = UrlState::parse("lang=ko&about=1");
        assert!(n.is_empty());
        assert_eq!(s.about, Some(AboutPage::About));
        assert_eq!(s.to_query(), "about=1&lang=ko");
        let (s, n) = UrlState::parse("pair=seoul-paris&about=propose");
        assert!(n.is_empty());
        assert_eq!(s.about, Some(AboutPage::Propose));
        assert_eq!(UrlState::parse(&s.to_query()).0, s);
        assert_eq!(UrlState::parse("about=0").0.about, None);
        let (s, n) = UrlState::parse("about=yes&region=FR-IDF");
        assert_eq!((s.about, s.filters.regions.len()), (None, 1));
        assert_eq!(n.iter().map(|x| x.param.as_str()).collect::<Vec<_>>(), ["about"]);
    }

    #[test]
    fn the_list_order_reads_and_prints_back_and_the_default_order_is_left_out() {
        for (q, order) in [("sort=name", Order::Name), ("sort=oldest", Order::Oldest), ("sort=newest", Order::Newest), ("sort=region", Order::Region)] {
            let (s, n) = UrlState::parse(q);
            assert!(n.is_empty(), "{q}: {n:?}");
            assert_eq!(s.sort, order);
            assert_eq!(s.to_query(), q);
            assert_eq!(UrlState::parse(&s.to_query()).0, s);
        }
        // With the rest of the state, in its canonical place (after the panel, before the view).
        let q = "region=FR-IDF&pair=seoul-paris&panel=timeline&sort=newest&view=world&lang=ko";
        let (s, n) = UrlState::parse(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.to_query(), q);
        // The default order is the data's, and is not written.
        let (s, n) = UrlState::parse("sort=data&lang=en");
        assert!(n.is_empty());
        assert_eq!((s.sort, s.to_query().as_str()), (Order::Data, "lang=en"));
        assert_eq!(UrlState::default().sort, Order::Data);
    }

    #[test]
    fn an_unknown_order_is_ignored_with_a_notice() {
        let (s, n) = UrlState::parse("sort=year&theme=culture");
        assert_eq!(s.sort, Order::Data);
        assert_eq!(s.filters.themes.len(), 1);
        assert_eq!(n.iter().map(|x| (x.param.as_str(), x.value.as_str())).collect::<Vec<_>>(), [("sort", "year")]);
        assert_eq!(s.to_query(), "theme=culture");
        let (s, n) = UrlState::parse("sort=%3Cscript%3E");
        assert_eq!((s.sort, n.len()), (Order::Data, 1));
    }

    #[test]
    fn the_default_state_is_the_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::parse("").0, UrlState::default());
        assert_eq!(UrlState::parse("?unknown=1").0, UrlState::default());
    }

    #[test]
    fn escaped_commas_and_a_leading_question_mark_are_understood() {
        let (s, n) = UrlState::parse("?region=FR-IDF%2CKR-11&theme=culture");
        assert!(n.is_empty());
        assert_eq!(s.filters.regions.len(), 2);
    }

    #[test]
    fn malformed_values_are_ignored_with_a_notice_and_the_rest_is_kept() {
        let (s, n) = UrlState::parse("region=FR-IDF,<script>&from=abc&to=2012&unknown=maybe&lang=de&pair=Bad%20Id&theme=culture");
        assert_eq!(s.filters.regions.len(), 1);
        assert_eq!(s.filters.from, None);
        assert_eq!(s.filters.to, Some(2012));
        assert!(s.filters.include_unknown_year);
        assert_eq!(s.lang, None);
        assert_eq!(s.pair, None);
        assert_eq!(s.filters.themes.len(), 1);
        let params: Vec<&str> = n.iter().map(|x| x.param.as_str()).collect();
        assert_eq!(params, ["region", "from", "unknown", "lang", "pair"]);
    }

    #[test]
    fn an_empty_kind_means_none_and_no_kind_means_the_default() {
        let (s, n) = UrlState::parse("kind=");
        assert!(n.is_empty());
        assert_eq!(s.filters.kinds, Some(BTreeSet::new()));
        assert_eq!(s.to_query(), "kind=");
        assert_eq!(UrlState::parse("lang=fr").0.filters.kinds, None);
    }

    #[test]
    fn a_reversed_year_range_is_swapped_with_a_notice() {
        let (s, n) = UrlState::parse("from=2012&to=2005");
        assert_eq!((s.filters.from, s.filters.to), (Some(2005), Some(2012)));
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn unrelated_parameters_of_an_embedding_page_are_left_alone() {
        let (s, n) = UrlState::parse("utm_source=newsletter&region=KR-11");
        assert!(n.is_empty());
        assert_eq!(s.filters.regions.len(), 1);
    }

    /// Issue 18: `utm_source=…` was dropped from the address, though the README says unknown
    /// parameters are left alone.
    #[test]
    fn regression_unknown_parameters_are_kept_in_the_address_after_the_maps_own_in_their_order() {
        let (mut s, n) = UrlState::parse("utm_source=news&lang=en&ref=a%20b&region=KR-11&utm_medium=e-mail");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.extra, ["utm_source=news", "ref=a%20b", "utm_medium=e-mail"]);
        assert_eq!(s.to_query(), "region=KR-11&lang=en&utm_source=news&ref=a%20b&utm_medium=e-mail");
        // A filter changes: they stay, and the address is stable from then on.
        s.filters.themes.insert("culture".into());
        let q = s.to_query();
        assert_eq!(q, "region=KR-11&theme=culture&lang=en&utm_source=news&ref=a%20b&utm_medium=e-mail");
        assert_eq!(UrlState::parse(&q).0.to_query(), q);
        // Alone, and with no value.
        assert_eq!(UrlState::parse("fbclid").0.to_query(), "fbclid");
        // Written by hand with what an address must not carry raw: encoded.
        let (s, _) = UrlState::parse("note=a b\"<x>");
        assert_eq!(s.to_query(), "note=a+b%22%3Cx%3E");
    }

    #[test]
    fn notices_are_grouped_by_parameter_and_reason_with_their_count_and_a_few_values() {
        let mut q = String::from("lang=en&from=abc&region=");
        q.push_str(&(0..1486).map(|i| format!("XX-{i}")).collect::<Vec<_>>().join(","));
        q.push_str("&theme=Bad!&to=xyz");
        let (mut s, mut notices) = UrlState::parse(&q);
        // Well-formed region codes the dataset has not (here, none): dropped once it is read.
        notices.extend(s.retain_known(&Dataset::default()));
        assert_eq!(notices.len(), 1489);
        let groups = group_notices(&notices, 3);
        let summary: Vec<(&str, usize, Vec<&str>)> = groups.iter().map(|g| (g.param.as_str(), g.count, g.examples.iter().map(String::as_str).collect())).collect();
        // XX-1000 and after are malformed (three characters at most after the country), the
        // others well-formed but unknown: to a visitor, all unknown regions.
        assert_eq!(
            summary,
            [("from", 1, vec!["abc"]), ("region", 1486, vec!["XX-1000", "XX-1001", "XX-1002"]), ("theme", 1, vec!["Bad!"]), ("to", 1, vec!["xyz"])]
        );
        assert_eq!(groups.iter().map(|g| g.reason).collect::<Vec<_>>(), [Some("not a year"), None, None, Some("not a year")]);
        assert!(group_notices(&[], 3).is_empty());
    }
}
