//! The page's first paint: the title, the count and the list of partnerships written into
//! `index.html` at build time (by the data tool, `partnerships-data first-paint`), so that a
//! visitor reads real content before the wasm has arrived, and with JavaScript off.
//!
//! It shows what the map's list shows when it opens with no filter: the same pairs (the default
//! filters: agreements, signed or listed), in the same order ([`order::ordered`] with the default
//! [`Order`]), named as the list names them ([`pair_title`]), under the same count
//! ([`count_on_map_text`]); then the other partnerships (exchanges and plans, which the map shows
//! on demand), so that a page read without JavaScript lists every one. In French, the page's
//! `lang`. The app replaces it when it starts (`app::mount` empties `#app`).
//!
//! Every string from the data is escaped as HTML text or attribute by `html-escape`; nothing
//! from the data becomes a link, a script or a style (a strict CSP forbids inline ones). Native
//! only: the wasm never writes this page, and `html-escape` stays out of it.

use html_escape::{encode_double_quoted_attribute, encode_text};

use super::dataset::Dataset;
use super::describe::{pair_kind_label, pair_title};
use super::filter::{visible_pairs, Filters};
use super::i18n::{count_on_map_text, partnership_count_text, t, Lang, Msg};
use super::order::{self, Order};

/// Where the header (the title) goes in the page: inside `<div id="app">`, before the loading
/// status.
pub const HEADER_MARKER: &str = "<!-- first-paint:header -->";
/// Where the count and the list go: inside `<div id="app">`, after the loading status.
pub const MAIN_MARKER: &str = "<!-- first-paint:main -->";

/// The first paint is the French page's (`<html lang="fr">`); the app then follows the
/// visitor's language.
const LANG: Lang = Lang::Fr;
/// The heading of the partnerships the map does not show by default. The static page's own
/// words: the wasm never shows them, so they are not in the interface's tables (`i18n`).
const OTHERS_HEADING: &str = "Sans accord signé : échanges et projets";
/// How the map shows them (the "kind / status" filter, `Msg::KindStatus`).
const OTHERS_NOTE: &str = "que la carte montre avec le filtre « Accord ou statut ».";
/// A year the data does not give (never a guess).
const UNKNOWN_YEAR: &str = "année inconnue";
/// How many pairs each list of the first paint names, as the map's list shows at first
/// (`app::pair_list`'s page of 50): at 10,000 pairs, every pair made a page of 2.9 MB that the
/// browser parsed and laid out before the map could start.
pub const LISTED: usize = 50;
/// Under a list cut at [`LISTED`]: how many more the map lists.
fn more_text(n: usize) -> String {
    format!("… et {} de plus, que la carte liste tous.", partnership_count_text(LANG, n))
}

/// The two pieces of the first paint, as HTML, each for its marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstPaint {
    /// The page's header: the title (`h1`) and the subtitle, as the app's header has them.
    pub header: String,
    /// The count (a heading), the list of the pairs the map shows first, then the others.
    pub main: String,
}

/// The first paint of `ds`: what the map's list shows when it opens, as static HTML.
pub fn first_paint(ds: &Dataset) -> FirstPaint {
    let shown = order::ordered(ds, &visible_pairs(ds, &Filters::default()), Order::default(), LANG);
    let others: Vec<usize> = (0..ds.partnerships.len()).filter(|i| !shown.contains(i)).collect();
    let others = order::ordered(ds, &others, Order::default(), LANG);
    let drawn = shown.iter().filter(|&&i| ds.is_drawable_at(i)).count();

    let header = format!(
        "<header class=\"app-header first-paint-header\">\n      <div class=\"app-title\">\n        <h1>{}</h1>\n        <p class=\"app-subtitle\">{}</p>\n      </div>\n    </header>",
        text(t(LANG, Msg::Title)),
        text(t(LANG, Msg::Subtitle)),
    );

    // A map too large for the first view to pay starts with its interface (public/boot.js).
    let off = if super::first_view::pays(ds) { "" } else { " data-first-view=\"off\"" };
    let mut main = format!("<main class=\"first-paint\"{off} aria-labelledby=\"first-paint-count\">\n");
    main.push_str(&format!(
        "      <h2 id=\"first-paint-count\" class=\"first-paint-count\">{}</h2>\n",
        text(&count_on_map_text(LANG, shown.len(), ds.partnerships.len(), drawn))
    ));
    main.push_str(&list(ds, &shown, "      "));
    if !others.is_empty() {
        main.push_str("      <section class=\"first-paint-others\" aria-labelledby=\"first-paint-others\">\n");
        main.push_str(&format!("        <h2 id=\"first-paint-others\">{}</h2>\n", text(OTHERS_HEADING)));
        main.push_str(&format!("        <p>{}, {}</p>\n", text(&partnership_count_text(LANG, others.len())), text(OTHERS_NOTE)));
        main.push_str(&list(ds, &others, "        "));
        main.push_str("      </section>\n");
    }
    main.push_str("    </main>");
    FirstPaint { header, main }
}

/// A `ul` of the pairs `pairs` (indices into `ds.partnerships`), in that order: each item its
/// pair's id (`data-pair`), name, kind or status, and year; `indent`: the list's in the page.
fn list(ds: &Dataset, pairs: &[usize], indent: &str) -> String {
    let mut out = format!("{indent}<ul class=\"first-paint-list\">\n");
    for &i in pairs.iter().take(LISTED) {
        let p = &ds.partnerships[i];
        let year = p.year.map_or_else(|| UNKNOWN_YEAR.to_string(), |y| y.to_string());
        out.push_str(&format!(
            "{indent}  <li data-pair=\"{}\"><span class=\"kind-swatch kind-swatch--{}\" aria-hidden=\"true\"></span><span class=\"first-paint-pair\"><span class=\"first-paint-title\">{}</span> <span class=\"first-paint-detail\">{} · {}</span></span></li>\n",
            attribute(&p.id),
            attribute(p.kind_option()),
            text(&pair_title(ds, p, LANG)),
            text(&pair_kind_label(ds, p, LANG)),
            text(&year),
        ));
    }
    out.push_str(&format!("{indent}</ul>\n"));
    if pairs.len() > LISTED {
        out.push_str(&format!("{indent}<p class=\"first-paint-more\">{}</p>\n", text(&more_text(pairs.len() - LISTED))));
    }
    out
}

fn text(s: &str) -> std::borrow::Cow<'_, str> {
    encode_text(s)
}

fn attribute(s: &str) -> std::borrow::Cow<'_, str> {
    encode_double_quoted_attribute(s)
}

/// What stops a page from taking the first paint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageProblem {
    /// The marker is not in the page.
    Missing(&'static str),
    /// The marker is in the page more than once: which one is meant?
    Repeated(&'static str),
}

impl std::fmt::Display for PageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageProblem::Missing(m) => write!(f, "the page has no {m} marker"),
            PageProblem::Repeated(m) => write!(f, "the page has the {m} marker more than once"),
        }
    }
}

/// `page` with each marker replaced by its piece of `paint`. Each marker must be there exactly
/// once: a page that lost one would otherwise be published without its first paint.
pub fn fill_page(page: &str, paint: &FirstPaint) -> Result<String, PageProblem> {
    for marker in [HEADER_MARKER, MAIN_MARKER] {
        match page.matches(marker).count() {
            0 => return Err(PageProblem::Missing(marker)),
            1 => {}
            _ => return Err(PageProblem::Repeated(marker)),
        }
    }
    // The pieces hold no marker (`<!--` is escaped in every text they carry), so the second
    // replacement cannot find one the first has written.
    Ok(page.replacen(HEADER_MARKER, &paint.header, 1).replacen(MAIN_MARKER, &paint.main, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load_dataset;
    use serde_json::json;

    /// Four pairs in an order that is not the ids' (the list keeps the data's), one of them an
    /// exchange (not shown by default), one with no year, one named by a hostile file.
    fn doc() -> serde_json::Value {
        let label = |fr: &str, ko: &str, en: &str| json!({ "fr": fr, "ko": ko, "en": en });
        let authority = |id: &str, country: &str, region: &str, name: serde_json::Value| {
            let location = if country == "KR" { json!({ "lat": 37.5, "lng": 127.0 }) } else { json!({ "lat": 46.6, "lng": 2.4 }) };
            json!({ "id": id, "country": country, "name": name, "region": region, "location": location })
        };
        let pair = |id: &str, k: &str, f: &str, status: &str, kind: Option<&str>, year: Option<i32>| {
            json!({ "id": id, "authorities": [k, f], "status": status, "kind": kind, "year": year })
        };
        json!({
            "schema_version": 2,
            "themes": [], "authority_kinds": [], "administrative_tiers": [], "events": [],
            "agreement_kinds": [
                { "id": "twinning", "label": label("Jumelage", "자매결연", "Twinning") },
                { "id": "friendship", "label": label("Accord d'amitié", "우호교류", "Friendship agreement") },
            ],
            "regions": [
                { "id": "KR-11", "country": "KR", "name": label("Séoul", "서울특별시", "Seoul") },
                { "id": "FR-IDF", "country": "FR", "name": label("Île-de-France", "일드프랑스", "Île-de-France") },
            ],
            "authorities": [
                authority("kr-seoul", "KR", "KR-11", label("Séoul", "서울특별시", "Seoul")),
                authority("kr-guro", "KR", "KR-11", label("Guro-gu", "구로구", "Guro District")),
                authority("kr-evil", "KR", "KR-11", label("<img src=x onerror=alert(1)>", "<b>악</b>", "Evil & Co")),
                authority("fr-paris", "FR", "FR-IDF", label("Paris", "파리", "Paris")),
                authority("fr-issy", "FR", "FR-IDF", json!({ "fr": "Issy-les-Moulineaux" })),
            ],
            "partnerships": [
                pair("seoul-paris", "kr-seoul", "fr-paris", "signed", Some("friendship"), Some(1991)),
                pair("guro-paris", "kr-guro", "fr-paris", "exchange", None, None),
                pair("guro-issy", "kr-guro", "fr-issy", "listed", Some("twinning"), None),
                pair("evil-issy", "kr-evil", "fr-issy", "signed", Some("twinning"), Some(2001)),
            ],
        })
    }

    fn dataset() -> Dataset {
        dataset_of(doc())
    }

    fn dataset_of(doc: serde_json::Value) -> Dataset {
        let loaded = load_dataset(&doc.to_string());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }

    /// The `data-pair` ids of a piece of HTML, in order.
    fn ids(html: &str) -> Vec<&str> {
        html.split("data-pair=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect()
    }

    #[test]
    fn the_list_is_the_maps_default_list_in_its_order_then_the_others() {
        let ds = dataset();
        let paint = first_paint(&ds);
        let (first, rest) = paint.main.split_once("first-paint-others").unwrap();
        // What the map lists when it opens: its own functions, the same answer.
        let default: Vec<&str> = order::ordered(&ds, &visible_pairs(&ds, &Filters::default()), Order::default(), Lang::Fr)
            .into_iter()
            .map(|i| ds.partnerships[i].id.as_str())
            .collect();
        assert_eq!(ids(first), default);
        assert_eq!(ids(first), ["seoul-paris", "guro-issy", "evil-issy"], "the data's order, the exchange left out");
        assert_eq!(ids(rest), ["guro-paris"], "then the exchange, under its own heading");
        assert!(rest.contains("Sans accord signé : échanges et projets"), "{rest}");
        assert!(rest.contains("1\u{a0}partenariat, que la carte"), "{rest}");
    }

    #[test]
    fn each_list_names_its_first_fifty_and_counts_the_rest() {
        let ds = crate::domain::synth::synth(&dataset(), 130, 7);
        let main = first_paint(&ds).main;
        assert!(main.matches("<li ").count() <= 2 * LISTED, "two lists of at most fifty");
        let (first, _) = main.split_once("first-paint-others").unwrap_or((&main, ""));
        assert_eq!(first.matches("<li ").count(), LISTED, "the opening list: its first fifty");
        let shown = visible_pairs(&ds, &Filters::default()).len();
        assert!(first.contains(&format!("<p class=\"first-paint-more\">… et {}\u{a0}partenariats de plus, que la carte liste tous.</p>", shown - LISTED)), "{first}");
        // What the map's list shows first: the same fifty, in its order.
        let default: Vec<&str> = order::ordered(&ds, &visible_pairs(&ds, &Filters::default()), Order::default(), Lang::Fr)
            .into_iter()
            .take(LISTED)
            .map(|i| ds.partnerships[i].id.as_str())
            .collect();
        assert_eq!(ids(first), default);
    }

    #[test]
    fn a_map_too_large_for_the_first_view_says_so() {
        let ds = dataset();
        assert!(!first_paint(&ds).main.contains("data-first-view"), "four pairs open on the first view");
        let large = crate::domain::synth::synth(&ds, super::super::first_view::FIRST_VIEW_UP_TO + 1, 7);
        assert!(!super::super::first_view::pays(&large));
        assert!(first_paint(&large).main.starts_with("<main class=\"first-paint\" data-first-view=\"off\""));
        let small = crate::domain::synth::synth(&ds, super::super::first_view::FIRST_VIEW_UP_TO, 7);
        assert!(super::super::first_view::pays(&small), "{} links", super::super::first_view::links(&small).count());
    }

    #[test]
    fn the_count_is_the_maps_count_and_the_title_its_title() {
        let ds = dataset();
        let paint = first_paint(&ds);
        assert!(paint.main.contains(">3 sur 4 partenariats</h2>"), "{}", paint.main);
        assert!(paint.header.contains("<h1>Carte des partenariats franco-coréens</h1>"), "{}", paint.header);
        assert_eq!(paint.main.matches("<li ").count(), 4, "every partnership is listed");
    }

    #[test]
    fn each_pair_is_named_as_the_list_names_it_with_its_kind_and_year() {
        let ds = dataset();
        let main = first_paint(&ds).main;
        assert!(main.contains("<span class=\"first-paint-title\">Séoul ↔ Paris</span> <span class=\"first-paint-detail\">Accord d'amitié · 1991</span>"), "{main}");
        assert!(main.contains("<span class=\"first-paint-title\">Guro-gu ↔ Paris</span> <span class=\"first-paint-detail\">Échanges, rien de signé · année inconnue</span>"), "{main}");
        assert!(main.contains("kind-swatch--friendship") && main.contains("kind-swatch--exchange"), "{main}");
    }

    #[test]
    fn a_null_year_is_unknown_never_a_guess() {
        let ds = dataset();
        let main = first_paint(&ds).main;
        assert!(main.contains("Guro-gu ↔ Issy-les-Moulineaux</span> <span class=\"first-paint-detail\">Jumelage · année inconnue</span>"), "{main}");
    }

    #[test]
    fn a_hostile_name_is_text_not_markup() {
        let ds = dataset();
        let main = first_paint(&ds).main;
        assert!(main.contains("&lt;img src=x onerror=alert(1)&gt; ↔ Issy-les-Moulineaux"), "{main}");
        assert!(!main.contains("<img"), "{main}");
        assert!(!main.contains("<b>"), "{main}");
        // Nothing from the data becomes a link, a script or a style.
        for tag in ["<a ", "<script", "<style", " style=", " href="] {
            assert!(!first_paint(&ds).header.contains(tag) && !main.contains(tag), "{tag} in {main}");
        }
    }

    #[test]
    fn escaping_leaves_no_character_that_could_end_the_text_or_the_attribute() {
        for hostile in ["<", ">", "&", "\"", "'", "</li></ul><script>x</script>", "<!-- first-paint:main -->"] {
            let escaped = text(hostile);
            assert!(!escaped.contains('<') && !escaped.contains('>'), "{hostile} → {escaped}");
            let escaped = attribute(hostile);
            assert!(!escaped.contains('"') && !escaped.contains('<'), "{hostile} → {escaped}");
        }
        assert_eq!(text("Évian & <Séoul>"), "Évian &amp; &lt;Séoul&gt;");
    }

    #[test]
    fn the_page_takes_the_paint_at_its_markers_once_each() {
        let paint = FirstPaint { header: "<h1>T</h1>".into(), main: "<main>M</main>".into() };
        let page = format!("<div id=\"app\">{HEADER_MARKER}<div role=\"status\"></div>{MAIN_MARKER}</div>");
        assert_eq!(fill_page(&page, &paint).unwrap(), "<div id=\"app\"><h1>T</h1><div role=\"status\"></div><main>M</main></div>");
        assert_eq!(fill_page("<div id=\"app\"></div>", &paint), Err(PageProblem::Missing(HEADER_MARKER)));
        assert_eq!(fill_page(&format!("{HEADER_MARKER}{MAIN_MARKER}{MAIN_MARKER}"), &paint), Err(PageProblem::Repeated(MAIN_MARKER)));
        // A data string that looks like a marker is escaped text, so it is never replaced.
        let mut d = doc();
        d["authorities"][0]["name"]["fr"] = json!(MAIN_MARKER);
        let filled = fill_page(&page, &first_paint(&dataset_of(d))).unwrap();
        assert_eq!(filled.matches("<main").count(), 1);
        assert!(filled.contains("&lt;!-- first-paint:main --&gt;"), "{filled}");
    }

    #[test]
    fn the_bundled_data_paints_every_pair_the_map_opens_with() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).unwrap();
        let loaded = load_dataset(&text);
        assert!(loaded.problems.is_empty());
        let ds = loaded.dataset;
        let paint = first_paint(&ds);
        let listed = ids(&paint.main);
        assert_eq!(listed.len(), ds.partnerships.len());
        let shown = visible_pairs(&ds, &Filters::default()).len();
        assert!(paint.main.contains(&format!(">{shown} sur {} partenariats</h2>", ds.partnerships.len())), "{}", paint.main);
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        let filled = fill_page(&page, &paint).expect("index.html has both markers");
        assert!(filled.find("<h1>").unwrap() < filled.find("role=\"status\"").unwrap(), "the title before the loading status");
        assert!(filled.find("role=\"status\"").unwrap() < filled.find("first-paint-count").unwrap(), "the status before the list");
    }
}
