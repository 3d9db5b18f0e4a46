//! The pavilion's big screen: the attract loop's order, tour files, the phone link of the kiosk
//! card's QR code, the kiosk's URL settings, and the timeline's playback.

mod common;

use common::real_dataset;
use partnership_map::domain::filter::Filters;
use partnership_map::domain::i18n::Lang;
use partnership_map::domain::i18n::Msg;
use partnership_map::domain::kiosk::{attract_order, card_facts, card_languages, parse_tour, phone_link, playback_filters, playback_years};
use partnership_map::domain::{visible_pairs, UrlState, View};

#[test]
fn the_attract_loop_goes_from_the_oldest_agreement_to_the_newest_then_the_undated() {
    let ds = real_dataset();
    let visible = visible_pairs(&ds, &Filters::default());
    let order = attract_order(&ds, &visible);
    assert_eq!(order.len(), visible.len());
    let years: Vec<Option<i32>> = order.iter().map(|&i| ds.partnerships[i].year).collect();
    let dated = years.iter().take_while(|y| y.is_some()).count();
    assert!(dated > 5 && dated < years.len(), "{years:?}");
    assert!(years[..dated].windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    assert!(years[dated..].iter().all(Option::is_none));
    assert_eq!(ds.partnerships[order[0]].year, ds.year_span().map(|s| s.0));
}

#[test]
fn the_big_card_says_what_is_known_of_a_pair_in_french_and_korean() {
    let ds = real_dataset();
    let seoul = ds.partnership("seoul-paris").unwrap();
    let facts = card_facts(&ds, seoul, card_languages(Lang::Fr));
    assert_eq!(facts.iter().map(|f| f.label).collect::<Vec<_>>(), [Msg::Kind, Msg::FirstAgreement, Msg::Themes]);
    assert_eq!(facts[1].values, ["1991", "1991"]);
    assert!(facts[2].values[0].contains("Urbanisme") && facts[2].values[1].contains("도시계획"), "{facts:?}");
    // An exchange has no kind of agreement, but what it is is known.
    let exchange = ds.partnership("gangjin-limoges").unwrap();
    assert_eq!(card_facts(&ds, exchange, card_languages(Lang::Fr))[0].values[0], "Échanges, rien de signé");
}

/// Issue 16 (seen at the pavilion's rehearsal): a presenter in English got a card in French and
/// Korean. The interface's language comes first; Korean stays beside French or English.
#[test]
fn the_big_card_speaks_the_interface_s_language_first() {
    assert_eq!(card_languages(Lang::Fr), [Lang::Fr, Lang::Ko]);
    assert_eq!(card_languages(Lang::Ko), [Lang::Ko, Lang::Fr]);
    assert_eq!(card_languages(Lang::En), [Lang::En, Lang::Ko]);
    let ds = real_dataset();
    let seoul = ds.partnership("seoul-paris").unwrap();
    let facts = card_facts(&ds, seoul, card_languages(Lang::En));
    assert!(facts[2].values[0].contains("Urban planning") && facts[2].values[1].contains("도시계획"), "{facts:?}");
    assert!(!facts.iter().any(|f| f.values.iter().any(|v| v.contains("Urbanisme") || v.contains("amitié"))), "no French in English: {facts:?}");
}

/// Issue 16: "Accord de type inconnu · inconnu · aucun thème connu" in big type on the kiosk.
#[test]
fn regression_the_big_card_leaves_unknown_kind_year_and_themes_out() {
    let ds = real_dataset();
    let unknown = ds.partnership("gyeongju-versailles").unwrap();
    assert!(unknown.kind.is_none() && unknown.year.is_none() && unknown.themes.is_empty());
    assert_eq!(card_facts(&ds, unknown, card_languages(Lang::Fr)), []);
    // Kind and themes known, year not: only the year is left out.
    let nice = ds.partnership("daejeon-nice").unwrap();
    assert_eq!(card_facts(&ds, nice, card_languages(Lang::Fr)).iter().map(|f| f.label).collect::<Vec<_>>(), [Msg::Kind, Msg::Themes]);
    // Listed (no kind), no theme, year unknown: nothing (issue 17 made Muju–Évian `listed`).
    let muju = ds.partnership("muju-evian").unwrap();
    assert!(muju.kind.is_none() && muju.year.is_none() && muju.themes.is_empty());
    assert_eq!(card_facts(&ds, muju, card_languages(Lang::Fr)), []);
}

#[test]
fn a_tour_file_gives_its_steps_with_state_and_captions() {
    let ds = real_dataset();
    let text = r#"{"title": {"fr": "Visite", "en": "Tour"}, "steps": [
        {"filters": "region=FR-IDF&from=1990", "view": "world", "pair": "seoul-paris",
         "caption": {"fr": "Paris et Séoul", "ko": "파리와 서울", "en": "Paris and Seoul"}},
        {"caption": {"en": "Everything"}}
    ]}"#;
    let (tour, problems) = parse_tour(text, &ds);
    assert_eq!(problems, []);
    assert_eq!(tour.title.fr.as_deref(), Some("Visite"));
    assert_eq!(tour.steps.len(), 2);
    let first = &tour.steps[0];
    assert_eq!(first.state.view, Some(View::World));
    assert_eq!(first.state.pair.as_deref(), Some("seoul-paris"));
    assert_eq!(first.state.filters.from, Some(1990));
    assert!(first.state.filters.regions.contains("FR-IDF"));
    assert_eq!(first.caption.ko.as_deref(), Some("파리와 서울"));
    assert_eq!(tour.steps[1].state, UrlState::default());
}

#[test]
fn every_problem_of_a_tour_file_is_located_and_the_valid_rest_still_runs() {
    let ds = real_dataset();
    let text = r#"{"steps": [
        {"filters": "region=FR-XXX&from=abc", "view": "moon", "pair": "no-such-pair", "caption": {"de": "Hallo", "fr": 3}, "colour": "red"},
        "not a step",
        {"filters": 12, "caption": "text"},
        {"pair": "seoul-paris"}
    ]}"#;
    let (tour, problems) = parse_tour(text, &ds);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "tour.steps[0].filters",
        "tour.steps[0].view",
        "tour.steps[0].pair",
        "tour.steps[0].caption.de",
        "tour.steps[0].caption.fr",
        "tour.steps[0].colour",
        "tour.steps[1]",
        "tour.steps[2].filters",
        "tour.steps[2].caption",
    ] {
        assert!(paths.contains(&expected), "{expected} missing from {paths:?}");
    }
    // "from=abc" and the unknown region are both reported.
    assert_eq!(paths.iter().filter(|p| **p == "tour.steps[0].filters").count(), 2, "{problems:?}");
    assert_eq!(tour.steps.len(), 3, "three objects, one string");
    assert_eq!(tour.steps[2].state.pair.as_deref(), Some("seoul-paris"));
    assert_eq!(tour.steps[0].state.filters.regions.len(), 0);
}

#[test]
fn a_broken_tour_file_says_where() {
    let ds = real_dataset();
    let (tour, problems) = parse_tour("{\"steps\": [\n  {\"pair\": }\n]}", &ds);
    assert!(tour.steps.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].position.map(|p| p.0), Some(2), "{problems:?}");
    for (text, path) in [("[]", "tour"), ("{}", "tour.steps"), ("{\"steps\": []}", "tour.steps")] {
        let (_, problems) = parse_tour(text, &ds);
        assert_eq!(problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), [path], "{text}");
    }
}

#[test]
fn the_qr_code_sends_phones_to_the_pair_as_a_full_page() {
    assert_eq!(
        phone_link("https://example.org/carte/?mode=kiosk&dwell=5#x", "seoul-paris", Lang::Ko),
        "https://example.org/carte/?pair=seoul-paris&lang=ko"
    );
    assert_eq!(phone_link("http://192.168.1.10:8080/", "busan-cannes", Lang::Fr), "http://192.168.1.10:8080/?pair=busan-cannes&lang=fr");
}

#[test]
fn kiosk_settings_live_in_the_url_and_hostile_values_are_refused() {
    let (s, notices) = UrlState::parse("?mode=kiosk&dwell=3&idle=20&tour=tours/forum-2026.json&qr=https%3A%2F%2Fexample.org%2Fcarte%2F&lang=fr");
    assert_eq!(notices, []);
    assert!(s.kiosk);
    assert_eq!((s.dwell, s.idle), (Some(3), Some(20)));
    assert_eq!(s.tour.as_deref(), Some("tours/forum-2026.json"));
    assert_eq!(s.qr.as_deref(), Some("https://example.org/carte/"));
    assert_eq!(UrlState::parse(&s.to_query()).0, s, "round trip");
    for bad in [
        "mode=presenter",
        "dwell=0",
        "dwell=-4",
        "idle=1.5",
        "tour=../secret.json",
        "tour=https://evil.example/t.json",
        "tour=//evil.example/t.json",
        "tour=/etc/t.json",
        "tour=tour.js",
        "qr=javascript:alert(1)",
        "qr=data:text/html,x",
        "qr=https://",
        "qr=https://a.example/\"><script>",
    ] {
        let (s, notices) = UrlState::parse(bad);
        assert_eq!(notices.len(), 1, "{bad}");
        assert_eq!(s, UrlState::default(), "{bad}");
    }
}

#[test]
fn playback_adds_each_years_partnerships_up_to_today() {
    let ds = real_dataset();
    let years = playback_years(&ds, 2026);
    let (first, _) = ds.year_span().unwrap();
    assert_eq!(*years.first().unwrap(), first, "from the first agreement");
    assert_eq!(*years.last().unwrap(), 2026);
    let base = Filters::default();
    let mut before = 0;
    for &y in &years {
        let shown = visible_pairs(&ds, &playback_filters(&base, y));
        // Brute force: the agreements (the default kinds) of a known year up to y.
        let expected = ds.partnerships.iter().filter(|p| p.status.is_agreement() && p.year.is_some_and(|py| py <= y)).count();
        assert_eq!(shown.len(), expected, "{y}");
        assert!(shown.len() >= before);
        before = shown.len();
    }
    assert!(before > 10);
    // Other filters are kept.
    let idf = Filters { regions: ["FR-IDF".to_string()].into(), ..Filters::default() };
    assert!(visible_pairs(&ds, &playback_filters(&idf, 2026)).len() < before);
}
