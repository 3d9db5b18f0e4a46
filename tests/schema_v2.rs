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
