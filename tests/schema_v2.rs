//! Schema 2: partnership status, the "kind / status" facet, administrative tiers and events.

mod common;

use std::collections::BTreeSet;

use common::*;
use partnership_map::domain::filter::events_in_years;
use partnership_map::domain::{facet_counts, visible_pairs, Filters, Loaded, Status};
use serde_json::{json, Value};

fn with(change: impl FnOnce(&mut Value)) -> Loaded {
    let mut doc = valid_document();
    change(&mut doc);
    load(&doc)
}

#[track_caller]
fn only_problem(l: &Loaded, path: &str, fragment: &str) {
    assert_eq!(l.problems.len(), 1, "expected one problem at {path}, got:\n{}", list(&l.problems));
    assert_eq!(l.problems[0].path, path, "{}", list(&l.problems));
    assert!(l.problems[0].message.contains(fragment), "{}", list(&l.problems));
}

/// valid_document plus an exchange and a planned pair, and three events.
fn mixed() -> Value {
    let mut doc = valid_document();
    let list = doc["partnerships"].as_array_mut().unwrap();
    list.push(json!({ "id": "gyeongju-paris", "authorities": ["kr-gyeongju", "fr-paris"], "status": "exchange",
        "themes": ["culture"], "milestones": [{ "date": "2017-12-09", "label": { "en": "Visit" } }] }));
    list.push(json!({ "id": "seoul-nice", "authorities": ["kr-seoul", "fr-nice"], "status": "planned", "themes": [] }));
    list.push(json!({ "id": "gyeongju-marseille", "authorities": ["kr-gyeongju", "fr-marseille"], "status": "listed", "themes": [] }));
    doc["events"] = json!([
        { "id": "treaty", "date": "1886-06-04", "label": { "en": "Treaty" } },
        { "id": "signing", "date": "1991-11-12", "label": { "en": "Signing" }, "partnerships": ["seoul-paris"] },
        { "id": "cross-year", "date": "2015-09", "end_date": "2016-12", "label": { "en": "Cross year" } },
    ]);
    doc
}

#[test]
fn the_mixed_document_loads_with_each_status() {
    let l = load_valid(&mixed());
    let status: Vec<Status> = l.dataset.partnerships.iter().map(|p| p.status).collect();
    assert!(status.contains(&Status::Exchange) && status.contains(&Status::Planned) && status.contains(&Status::Listed));
    assert_eq!(l.dataset.events.len(), 3);
    assert_eq!(l.dataset.kind_options(), ["twinning", "friendship", "cooperation", "letter-of-intent", "unknown", "exchange", "planned"]);
}

#[test]
fn a_wording_carries_its_language_and_whose_words_it_is() {
    use partnership_map::domain::dataset::WordingRole;
    let l = load_valid(&{
        let mut d = valid_document();
        d["partnerships"][0]["wording"] = json!([
            { "text": "우호협력 협정", "lang": "ko", "gloss": { "en": "friendship and cooperation agreement" } },
            { "text": "accord de partenariat", "lang": "fr", "role": "french-side", "year": 2022 },
        ]);
        d
    });
    let w = &l.dataset.partnerships[0].wording;
    assert_eq!((w[0].lang.as_str(), w[0].role, w[0].year), ("ko", WordingRole::Document, None));
    assert_eq!((w[1].lang.as_str(), w[1].role, w[1].year), ("fr", WordingRole::FrenchSide, Some(2022)));
    assert_eq!(w[0].gloss.as_ref().and_then(|g| g.en.as_deref()), Some("friendship and cooperation agreement"));
}

#[test]
fn a_wording_without_text_language_or_known_role_is_reported_where_it_is() {
    for (wording, path, fragment) in [
        (json!({ "text": " ", "lang": "ko" }), "partnerships[0].wording[0].text", "needs its text"),
        (json!({ "text": "자매결연", "lang": "Korean" }), "partnerships[0].wording[0].lang", "\"Korean\" is not a language code"),
        (json!({ "text": "자매결연", "lang": "ko\" onload=\"x" }), "partnerships[0].wording[0].lang", "is not a language code"),
        (json!({ "text": "자매결연", "lang": "ko", "role": "press" }), "partnerships[0].wording[0].role", "unknown role \"press\""),
        (json!({ "text": "자매결연", "lang": "ko", "year": 3000 }), "partnerships[0].wording[0].year", "outside"),
        (json!({ "text": "자매결연", "lang": "ko", "gloss": {} }), "partnerships[0].wording[0].gloss", "at least one of fr, ko, en"),
    ] {
        let l = with(|d| d["partnerships"][0]["wording"] = json!([wording]));
        only_problem(&l, path, fragment);
        assert!(l.dataset.partnership("seoul-paris").is_none(), "the record is refused");
    }
    // A misspelt key is refused like everywhere in the file.
    let l = with(|d| d["partnerships"][0]["wording"] = json!([{ "text": "자매결연", "language": "ko" }]));
    assert!(!l.is_valid());
}

#[test]
fn the_bundled_data_gives_every_wording_its_language_and_keeps_no_untagged_term() {
    let ds = real_dataset();
    let worded = ds.partnerships.iter().filter(|p| !p.wording.is_empty()).count();
    assert_eq!(worded, 26);
    assert!(ds.partnerships.iter().all(|p| p.term.is_none()), "every wording says its language");
    let langs: BTreeSet<&str> = ds.partnerships.iter().flat_map(|p| p.wording.iter().map(|w| w.lang.as_str())).collect();
    assert_eq!(langs, BTreeSet::from(["de", "en", "fr", "ko"]));
    // The example: the Gyeongbuk–Alsace convention's own French words, and the Korean
    // press's, each in its language.
    let p = ds.partnership("gyeongbuk-grand-est").unwrap();
    assert_eq!(p.wording.iter().map(|w| (w.text.as_str(), w.lang.as_str())).collect::<Vec<_>>(), [("conviennent de se jumeler", "fr"), ("자매결연", "ko")]);
    // A wording's text is only words: no gloss, no note, no quotation mark composed into it.
    for p in &ds.partnerships {
        for w in &p.wording {
            assert!(!w.text.contains(['(', ';', '«', '»', '“', '”']) || w.text.ends_with("(type not named)"), "{}: {:?}", p.id, w.text);
        }
    }
}

#[test]
fn an_unknown_status_is_reported() {
    let l = with(|d| d["partnerships"][0]["status"] = json!("signedd"));
    only_problem(&l, "partnerships[0].status", "unknown status \"signedd\"");
}

#[test]
fn an_exchange_or_plan_cannot_have_a_kind_or_a_year_of_signature() {
    let l = with(|d| d["partnerships"][0]["status"] = json!("exchange"));
    let paths: BTreeSet<&str> = l.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, BTreeSet::from(["partnerships[0].kind", "partnerships[0].year", "partnerships[0].date"]), "{}", list(&l.problems));
    assert!(l.problems.iter().all(|p| p.message.contains("nothing signed")));
}

#[test]
fn a_kind_of_authority_must_name_a_tier_of_its_own_country() {
    let l = with(|d| d["authority_kinds"][0]["tier"] = json!("fr-nowhere"));
    assert!(l.problems.iter().any(|p| p.path == "authority_kinds[0].tier" && p.message.contains("unknown tier")), "{}", list(&l.problems));
    let l = with(|d| d["authority_kinds"][0]["tier"] = json!("kr-lower"));
    assert!(l.problems.iter().any(|p| p.path == "authority_kinds[0].tier" && p.message.contains("belongs to country KR")), "{}", list(&l.problems));
}

#[test]
fn tiers_compare_with_the_other_country_only() {
    // An invalid tier makes the kinds that use it invalid too: the département tier has a kind
    // but no authority in the small document.
    let l = with(|d| d["administrative_tiers"][0]["compare_with"] = json!(["fr-commune"]));
    assert_eq!(l.problems[0].path, "administrative_tiers[0].compare_with[0]", "{}", list(&l.problems));
    assert!(l.problems[0].message.contains("same country"));
    let l = with(|d| d["administrative_tiers"][0]["compare_with"] = json!(["kr-nowhere"]));
    assert_eq!(l.problems[0].path, "administrative_tiers[0].compare_with[0]", "{}", list(&l.problems));
    assert!(l.problems[0].message.contains("unknown tier"));
    assert!(l.problems.iter().all(|p| !p.path.starts_with("authorities")), "{}", list(&l.problems));
    let l = with(|d| d["administrative_tiers"][0]["count"]["as_of"] = json!("last year"));
    assert_eq!(l.problems[0].path, "administrative_tiers[0].count.as_of", "{}", list(&l.problems));
    assert!(l.problems[0].message.contains("not a date"));
    // The kind that uses the refused tier says why it is refused too.
    assert!(l.problems[1..].iter().any(|p| p.message == "tier \"fr-departement\" is invalid (see administrative_tiers[0])"), "{}", list(&l.problems));
}

#[test]
fn an_event_must_point_at_existing_partnerships_and_end_after_it_starts() {
    let mut doc = mixed();
    doc["events"][1]["partnerships"] = json!(["seoul-paris", "seoul-pariss"]);
    let l = load(&doc);
    only_problem(&l, "events[1].partnerships[1]", "partnership \"seoul-pariss\" is unknown");

    let mut doc = mixed();
    doc["partnerships"][0]["year"] = json!("1991");
    let l = load(&doc);
    assert!(l.problems.iter().any(|p| p.path == "events[1].partnerships[0]" && p.message.contains("is invalid")), "{}", list(&l.problems));

    let mut doc = mixed();
    doc["events"][2]["end_date"] = json!("2014");
    only_problem(&load(&doc), "events[2].end_date", "before it starts");
}

#[test]
fn a_bad_last_verified_date_is_reported() {
    let l = with(|d| d["partnerships"][1]["last_verified"] = json!("yesterday"));
    only_problem(&l, "partnerships[1].last_verified", "not a date");
    let l = with(|d| d["authorities"][5]["last_verified"] = json!("2026-02-30"));
    only_problem(&l, "authorities[5].last_verified", "does not exist");
}

fn ids(l: &Loaded, v: &[usize]) -> Vec<String> {
    v.iter().map(|&i| l.dataset.partnerships[i].id.clone()).collect()
}

#[test]
fn by_default_agreements_show_and_exchanges_and_plans_do_not() {
    let l = load_valid(&mixed());
    let shown = ids(&l, &visible_pairs(&l.dataset, &Filters::default()));
    assert_eq!(shown, ["seoul-paris", "gyeongju-nice", "seoul-marseille", "gyeongju-marseille"]);
    let counts = facet_counts(&l.dataset, &Filters::default());
    assert_eq!(counts.kinds["exchange"], 1);
    assert_eq!(counts.kinds["planned"], 1);
    assert_eq!(counts.kinds["unknown"], 1);
    assert_eq!(counts.kinds["twinning"], 1);
}

#[test]
fn asking_for_exchanges_shows_exactly_the_chosen_kinds() {
    let l = load_valid(&mixed());
    let f = Filters { kinds: Some(BTreeSet::from(["exchange".to_string(), "twinning".to_string()])), ..Filters::default() };
    assert_eq!(ids(&l, &visible_pairs(&l.dataset, &f)), ["gyeongju-nice", "gyeongju-paris"]);
    let none = Filters { kinds: Some(BTreeSet::new()), ..Filters::default() };
    assert!(visible_pairs(&l.dataset, &none).is_empty());
    // The default spelled out is every agreement option.
    assert_eq!(
        Filters::default().kinds_or_default(&l.dataset),
        BTreeSet::from(["twinning", "friendship", "cooperation", "letter-of-intent", "unknown"].map(String::from))
    );
}

#[test]
fn the_timeline_shows_the_events_of_the_selected_years() {
    let l = load_valid(&mixed());
    let ev = |from, to| {
        let f = Filters { from, to, ..Filters::default() };
        events_in_years(&l.dataset, &f).iter().map(|e| e.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ev(None, None), ["treaty", "signing", "cross-year"]);
    assert_eq!(ev(Some(1990), Some(2000)), ["signing"]);
    // An event spanning 2015–2016 belongs to both years.
    assert_eq!(ev(Some(2016), None), ["cross-year"]);
    assert_eq!(ev(None, Some(2015)), ["treaty", "signing", "cross-year"]);
    assert!(ev(Some(2017), Some(2020)).is_empty());
}
