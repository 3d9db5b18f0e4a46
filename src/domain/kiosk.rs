//! The pavilion's big screen: the attract loop's order, tour files of prepared steps, the link a
//! kiosk card's QR code gives to phones, and the timeline's playback years.
//!
//! Timers, keys and the screen are the app's business (`src/app/kiosk.rs`); what can be decided
//! without a browser is here.

use serde_json::Value;

use super::dataset::{Dataset, Localized, Partnership, UNKNOWN_KIND};
use super::describe::kind_option_label;
use super::filter::Filters;
use super::i18n::{Lang, Msg};
use super::problem::Problem;
use super::url_state::{UrlState, View};

/// Seconds a pair stays on screen in the attract loop when `dwell=` does not say.
pub const DEFAULT_DWELL: u32 = 10;
/// Seconds without input before a kiosk resets when `idle=` does not say.
pub const DEFAULT_IDLE: u32 = 90;
/// More steps than a presenter can walk through: the rest of a longer file is left out.
pub const MAX_TOUR_STEPS: usize = 200;
const MAX_CAPTION: usize = 400;

/// The attract loop's order: the visible partnerships by year of first agreement, the oldest
/// first, those of unknown year last (each group in the list's order).
pub fn attract_order(ds: &Dataset, visible: &[usize]) -> Vec<usize> {
    let mut order = visible.to_vec();
    order.sort_by_key(|&i| (ds.partnerships[i].year.is_none(), ds.partnerships[i].year));
    order
}

/// One prepared step of a tour: the state it shows and what the presenter says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStep {
    /// Filters, view and selected pair (the language and the mode are the kiosk's own).
    pub state: UrlState,
    pub caption: Localized,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tour {
    pub title: Localized,
    pub steps: Vec<TourStep>,
}

/// Reads a tour file (format in README.md, "Kiosk"): `{"title": {…}, "steps": [{"filters":
/// "region=FR-IDF", "view": "world", "pair": "seoul-paris", "caption": {"fr": …, "ko": …,
/// "en": …}}]}`. Every problem is collected with its location; a step with a problem in its
/// state keeps what is valid (as a URL would), so the tour still runs.
pub fn parse_tour(text: &str, ds: &Dataset) -> (Tour, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut tour = Tour::default();
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let position = (e.line() > 0).then(|| (e.line(), e.column()));
            problems.push(Problem { path: "tour".into(), message: format!("not valid JSON: {e}"), position });
            return (tour, problems);
        }
    };
    let Some(root) = root.as_object() else {
        problems.push(Problem::at("tour", "expected an object with \"steps\""));
        return (tour, problems);
    };
    if let Some(title) = root.get("title") {
        tour.title = localized(title, "tour.title", &mut problems).unwrap_or_default();
    }
    let Some(steps) = root.get("steps").and_then(Value::as_array) else {
        problems.push(Problem::at("tour.steps", "expected a list of steps"));
        return (tour, problems);
    };
    if steps.len() > MAX_TOUR_STEPS {
        problems.push(Problem::at("tour.steps", format!("{} steps: only the first {MAX_TOUR_STEPS} are used", steps.len())));
    }
    for (i, step) in steps.iter().take(MAX_TOUR_STEPS).enumerate() {
        let at = format!("tour.steps[{i}]");
        let Some(step) = step.as_object() else {
            problems.push(Problem::at(at, "expected an object"));
            continue;
        };
        let mut state = UrlState::default();
        match step.get("filters") {
            None | Some(Value::Null) => {}
            Some(Value::String(q)) => {
                let (parsed, notices) = UrlState::parse(q);
                for n in notices {
                    problems.push(Problem::at(format!("{at}.filters"), format!("{}={}: {}", n.param, n.value, n.reason)));
                }
                state.filters = parsed.filters;
            }
            Some(_) => problems.push(Problem::at(format!("{at}.filters"), "expected a query string such as \"region=FR-IDF&from=2000\"")),
        }
        match step.get("view") {
            None | Some(Value::Null) => {}
            Some(Value::String(v)) if v == "twin" => state.view = Some(View::Twin),
            Some(Value::String(v)) if v == "world" => state.view = Some(View::World),
            Some(_) => problems.push(Problem::at(format!("{at}.view"), "expected \"twin\" or \"world\"")),
        }
        match step.get("pair") {
            None | Some(Value::Null) => {}
            Some(Value::String(p)) if ds.partnership(p).is_some() => state.pair = Some(p.clone()),
            Some(Value::String(p)) => problems.push(Problem::at(format!("{at}.pair"), format!("no partnership \"{}\"", clip(p)))),
            Some(_) => problems.push(Problem::at(format!("{at}.pair"), "expected a partnership id")),
        }
        for n in state.retain_known(ds) {
            problems.push(Problem::at(format!("{at}.filters"), format!("{}={}: {}", n.param, n.value, n.reason)));
        }
        let caption = match step.get("caption") {
            None | Some(Value::Null) => Localized::default(),
            Some(c) => localized(c, &format!("{at}.caption"), &mut problems).unwrap_or_default(),
        };
        for key in step.keys().filter(|k| !["filters", "view", "pair", "caption"].contains(&k.as_str())) {
            problems.push(Problem::at(format!("{at}.{}", clip(key)), "unknown field (expected filters, view, pair, caption)"));
        }
        tour.steps.push(TourStep { state, caption });
    }
    if tour.steps.is_empty() {
        problems.push(Problem::at("tour.steps", "no step to show"));
    }
    (tour, problems)
}

/// `{"fr": …, "ko": …, "en": …}`, each optional, plain text.
fn localized(value: &Value, at: &str, problems: &mut Vec<Problem>) -> Option<Localized> {
    let Some(map) = value.as_object() else {
        problems.push(Problem::at(at, "expected {\"fr\": …, \"ko\": …, \"en\": …}"));
        return None;
    };
    let mut out = Localized::default();
    for (key, text) in map {
        let slot = match key.as_str() {
            "fr" => &mut out.fr,
            "ko" => &mut out.ko,
            "en" => &mut out.en,
            other => {
                problems.push(Problem::at(format!("{at}.{}", clip(other)), "unknown language (expected fr, ko, en)"));
                continue;
            }
        };
        match text.as_str() {
            Some(t) if t.chars().count() <= MAX_CAPTION => *slot = Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            Some(_) => problems.push(Problem::at(format!("{at}.{key}"), format!("longer than {MAX_CAPTION} characters"))),
            None => problems.push(Problem::at(format!("{at}.{key}"), "expected text")),
        }
    }
    Some(out)
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

/// The two languages a kiosk's big card is written in at once, the interface's first: the
/// pavilion's French and Korean; a presenter who chose English gets English, and Korean beside it
/// for the partners in the room.
pub fn card_languages(lang: Lang) -> [Lang; 2] {
    match lang {
        Lang::Fr => [Lang::Fr, Lang::Ko],
        Lang::Ko => [Lang::Ko, Lang::Fr],
        Lang::En => [Lang::En, Lang::Ko],
    }
}

/// One fact on a kiosk's big card: what it is ("Type · 유형") and its value in each of the
/// card's two languages ([`card_languages`], same order).
#[derive(Debug, Clone, PartialEq)]
pub struct CardFact {
    pub label: Msg,
    pub values: [String; 2],
}

/// What the big card says about a pair: its kind (or that it is an exchange or a plan), the
/// year of its first agreement and its themes, each only when the data knows it, in the card's
/// two languages. Read from a few metres away, "unknown kind · unknown · no known theme" says
/// nothing: a fact the data leaves `null` is left out (the full page's card still says "unknown").
pub fn card_facts(ds: &Dataset, p: &Partnership, langs: [Lang; 2]) -> Vec<CardFact> {
    let mut facts = Vec::new();
    let kind = p.kind_option();
    if kind != UNKNOWN_KIND {
        facts.push(CardFact { label: Msg::Kind, values: langs.map(|l| kind_option_label(ds, kind, l)) });
    }
    if let Some(y) = p.year {
        facts.push(CardFact { label: Msg::FirstAgreement, values: langs.map(|_| y.to_string()) });
    }
    let themes = |l: Lang| p.themes.iter().filter_map(|id| ds.theme(id)).map(|th| th.label.get(l)).collect::<Vec<_>>().join(", ");
    if p.themes.iter().any(|id| ds.theme(id).is_some()) {
        facts.push(CardFact { label: Msg::Themes, values: langs.map(themes) });
    }
    facts
}

/// What a visitor's phone opens from a kiosk card's QR code: the pair, in the kiosk's language,
/// as a full page (no kiosk mode), at `base` (the `qr=` setting, or the kiosk's own address).
pub fn phone_link(base: &str, pair: &str, lang: Lang) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let state = UrlState { pair: Some(pair.to_string()), lang: Some(lang), ..UrlState::default() };
    format!("{base}?{}", state.to_query())
}

/// The years the timeline's playback steps through: from the first agreement's year to
/// `this_year` (today); the older events (a 19th-century treaty) are history before the first
/// link, listed by the timeline but not played. Empty when no agreement has a year.
pub fn playback_years(ds: &Dataset, this_year: i32) -> Vec<i32> {
    let first = ds.partnerships.iter().filter_map(|p| p.year).min();
    match first {
        Some(first) => (first..=this_year.max(first)).collect(),
        None => Vec::new(),
    }
}

/// The filters of playback at `year`: every partnership agreed up to that year (cumulative),
/// with the other filters as they were. Unknown years cannot be placed in time: left out.
pub fn playback_filters(base: &Filters, year: i32) -> Filters {
    Filters { from: None, to: Some(year), include_unknown_year: false, ..base.clone() }
}
