//! The domain behind the data tool, other than CSV: writing a dataset back as JSON
//! (`export`), synthetic data (`synth`) and counts (`stats`).

mod common;

use std::collections::{BTreeSet, HashSet};

use common::*;
use partnership_map::domain::export::{to_document, to_json};
use partnership_map::domain::stats::stats;
use partnership_map::domain::synth::{synth, SplitMix64};
use partnership_map::domain::{load_dataset, Country, Dataset, Status};
use serde_json::json;

fn real() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).expect("data file");
    load_dataset(&text).dataset
}

/// Written as JSON and read back by the loader: no problem, the same dataset.
#[track_caller]
fn assert_reloads(ds: &Dataset) {
    let loaded = load_dataset(&to_json(ds));
    assert!(loaded.is_valid(), "{}", list(&loaded.problems));
    assert_eq!(&loaded.dataset, ds);
}

// ---------------------------------------------------------------------------------------------
// export

#[test]
fn a_written_dataset_reads_back_identically() {
    assert_reloads(&real());
    assert_reloads(&load_valid(&valid_document()).dataset);
    let mut doc = valid_document();
    doc["events"] = json!([
        { "id": "cross-year", "date": "2015-09", "end_date": "2016-12", "label": { "en": "Cross year" },
          "uncertain": true, "sources": [{ "title": "Flyer", "url": null }] },
        { "id": "signing", "date": "1991-11-12", "label": { "en": "Signing" }, "partnerships": ["seoul-paris"] },
    ]);
    assert_reloads(&load_valid(&doc).dataset);
}

#[test]
fn the_document_writes_every_top_level_field() {
    let value = serde_json::to_value(to_document(&real())).unwrap();
    let keys: BTreeSet<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "schema_version", "data_as_of", "publisher", "themes", "agreement_kinds", "authority_kinds",
            "administrative_tiers", "regions", "authorities", "partnerships", "events",
        ])
    );
    assert_eq!(value["schema_version"], 2);
}

// ---------------------------------------------------------------------------------------------
// synth

#[test]
fn synthetic_data_is_valid_and_deterministic() {
    let base = real();
    let a = synth(&base, 1000, 42);
    assert_reloads(&a);
    assert_eq!(to_json(&a), to_json(&synth(&base, 1000, 42)));
    assert_ne!(to_json(&a), to_json(&synth(&base, 1000, 43)));
    assert_eq!(a.partnerships.len(), 1000);
    let french = a.authorities.iter().filter(|x| x.country == Country::France).count();
    let korean = a.authorities.iter().filter(|x| x.country == Country::Korea).count();
    assert_eq!((french, korean), (500, 250));
}

#[test]
fn small_synthetic_sets_have_at_least_twelve_authorities_per_country() {
    for pairs in [0, 1, 5, 30] {
        let ds = synth(&load_valid(&valid_document()).dataset, pairs, 1);
        assert_reloads(&ds);
        assert_eq!(ds.partnerships.len(), pairs);
        assert_eq!(ds.authorities.iter().filter(|x| x.country == Country::France).count(), 12.max(pairs / 2));
        assert_eq!(ds.authorities.iter().filter(|x| x.country == Country::Korea).count(), 12.max(pairs / 4));
    }
}

#[test]
fn synthetic_data_looks_like_the_real_thing() {
    let base = real();
    let ds = synth(&base, 2000, 7);
    for a in &ds.authorities {
        let code = if a.country == Country::France { "fr" } else { "kr" };
        assert!(a.id.starts_with(&format!("{code}-synth-")) && a.id.len() == 15, "{}", a.id);
        let at = a.location.expect("located");
        let inside = match a.country {
            Country::France => (42.0..=51.0).contains(&at.lat) && (-4.5..=8.0).contains(&at.lng),
            Country::Korea => (34.0..=38.3).contains(&at.lat) && (126.0..=129.5).contains(&at.lng),
        };
        assert!(inside, "{} at {at:?}", a.id);
        assert!(a.name.fr.is_some() && a.name.ko.is_some(), "{}", a.id);
        // The region of a real authority of the same country.
        assert!(base.authorities.iter().any(|b| b.country == a.country && b.region == a.region), "{}", a.id);
        assert_eq!(a.sources.len(), 1);
        assert_eq!(a.sources[0].title, "Synthetic record (seed 7)");
        assert_eq!(a.sources[0].url, None);
    }
    let n = ds.partnerships.len() as f64;
    let share = |f: &dyn Fn(&partnership_map::domain::Partnership) -> bool| ds.partnerships.iter().filter(|p| f(p)).count() as f64 / n;
    assert!(share(&|p| p.status == Status::Signed) > 0.6);
    for s in Status::ALL {
        assert!(share(&|p| p.status == s) > 0.03, "{s:?}");
    }
    let kinds: HashSet<&str> = ds.partnerships.iter().filter_map(|p| p.kind.as_deref()).collect();
    assert_eq!(kinds.len(), base.agreement_kinds.len());
    let agreements: Vec<_> = ds.partnerships.iter().filter(|p| p.status.is_agreement()).collect();
    let unknown = agreements.iter().filter(|p| p.year.is_none()).count() as f64 / agreements.len() as f64;
    assert!((0.10..0.20).contains(&unknown), "unknown year share {unknown}");
    for p in &ds.partnerships {
        assert!(p.themes.len() <= 3);
        if let Some(y) = p.year {
            assert!((1960..=2026).contains(&y));
            assert!(p.date.is_none_or(|d| d.year == y));
        }
        assert_eq!(p.sources[0].title, "Synthetic record (seed 7)");
    }
    assert!(share(&|p| p.themes.is_empty()) > 0.05 && share(&|p| p.themes.len() == 3) > 0.1);
    // Some pairs share an authority, as real hubs do; no two pairs link the same two.
    let ends: HashSet<(&str, &str)> = ds.partnerships.iter().map(|p| (p.korean.as_str(), p.french.as_str())).collect();
    assert_eq!(ends.len(), ds.partnerships.len());
    // Context events of the base are kept; the others named real pairs.
    assert!(ds.events.iter().all(|e| e.partnerships.is_empty()));
    assert_eq!(ds.events.len(), base.events.iter().filter(|e| e.partnerships.is_empty()).count());
}

#[test]
fn splitmix64_is_the_reference_generator() {
    // First outputs for seed 0 of the reference SplitMix64 (Vigna).
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    let mut r = SplitMix64::new(1);
    assert!((0..1000).map(|_| r.unit()).all(|u| (0.0..1.0).contains(&u)));
    assert_eq!(SplitMix64::new(5).below(0), 0);
}

// ---------------------------------------------------------------------------------------------
// stats

#[test]
fn stats_count_by_status_kind_region_theme_and_year() {
    let mut doc = valid_document();
    doc["partnerships"].as_array_mut().unwrap().push(json!({
        "id": "gyeongju-paris", "authorities": ["kr-gyeongju", "fr-paris"], "status": "exchange", "themes": ["culture"],
    }));
    let ds = load_valid(&doc).dataset;
    let s = stats(&ds);
    assert_eq!((s.partnerships, s.authorities, s.events), (4, 6, 0));
    let counts = |rows: &[partnership_map::domain::stats::Count]| rows.iter().map(|c| (c.id.clone(), c.count)).collect::<Vec<_>>();
    let pairs = |v: &[(&str, usize)]| v.iter().map(|(a, n)| (a.to_string(), *n)).collect::<Vec<_>>();
    assert_eq!(counts(&s.by_status), pairs(&[("signed", 3), ("listed", 0), ("exchange", 1), ("planned", 0)]));
    assert_eq!(
        counts(&s.by_kind),
        pairs(&[("twinning", 1), ("friendship", 1), ("cooperation", 1), ("letter-of-intent", 0), ("exchange", 1)])
    );
    assert_eq!(counts(&s.by_region), pairs(&[("FR-IDF", 2), ("FR-PAC", 2), ("KR-11", 2), ("KR-47", 2)]));
    assert_eq!(counts(&s.by_theme), pairs(&[("culture", 3), ("economy", 2)]));
    assert_eq!(s.without_theme, 0);
    assert_eq!(s.by_year.iter().map(|(y, n)| (*y, *n)).collect::<Vec<_>>(), [(1991, 1), (2005, 1)]);
    assert_eq!(s.unknown_year, 2);
}

#[test]
fn stats_render_as_aligned_tables() {
    let s = stats(&load_valid(&valid_document()).dataset);
    let text = s.to_string();
    assert!(text.starts_with("3 partnerships, 6 authorities, 0 events\n\nBy status\n  signed    signed document               3\n"), "{text}");
    assert!(text.contains("By region (a pair counts in both of its regions)\n  FR-IDF  Île-de-France               1\n  FR-PAC  Provence-Alpes-Côte d'Azur  2\n"), "{text}");
    assert!(text.ends_with("By year of first agreement\n  1991     1\n  2005     1\n  unknown  1\n"), "{text}");
}
