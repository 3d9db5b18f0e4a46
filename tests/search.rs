//! Search on the real data: what a visitor types, in either script or spelling, finds the pair it
//! names; what it does not name stays out. Search combines with the other filters.

mod common;

use partnership_map::domain::{visible_pairs, Dataset, Filters, Lang};

fn real() -> Dataset {
    common::real_dataset()
}

/// Ids of the pairs a search shows, every kind and status included.
fn found(ds: &Dataset, q: &str) -> Vec<String> {
    let f = Filters { query: q.to_string(), kinds: Some(ds.kind_options().into_iter().collect()), ..Filters::default() };
    visible_pairs(ds, &f).into_iter().map(|i| ds.partnerships[i].id.clone()).collect()
}

#[test]
fn seoul_in_any_script_or_accent_finds_seoul_paris() {
    let ds = real();
    for q in ["seoul", "Séoul", "SEOUL", "서울", "서울특별시", "Seoul-teukbyeolsi"] {
        assert!(found(&ds, q).contains(&"seoul-paris".to_string()), "{q}: {:?}", found(&ds, q));
    }
    // The districts of Seoul are in Seoul too; Busan's pair is not.
    assert!(!found(&ds, "seoul").contains(&"busan-cannes".to_string()));
}

#[test]
fn accents_hyphens_and_case_do_not_matter() {
    let ds = real();
    assert_eq!(found(&ds, "evian"), ["muju-evian"]);
    assert_eq!(found(&ds, "EVIAN les bains"), ["muju-evian"]);
    assert_eq!(found(&ds, "saint mande"), ["yanggu-saint-mande"]);
    assert_eq!(found(&ds, "Saint-Mandé"), ["yanggu-saint-mande"]);
    assert_eq!(found(&ds, "mande saint"), ["yanggu-saint-mande"]);
}

/// Ids of the pairs (every kind and status) with an authority in one of `regions`.
fn in_regions(ds: &Dataset, regions: &[&str]) -> Vec<String> {
    ds.partnerships
        .iter()
        .filter(|p| [&p.korean, &p.french].iter().any(|id| ds.authority(id).is_some_and(|a| regions.contains(&a.region.as_str()))))
        .map(|p| p.id.clone())
        .collect()
}

/// Issue 15: `gyeongbuk` and `경북` found the Gyeongbuk pair and missed Gyeongju–Versailles
/// (Gyeongju is in the province): the short forms were the authority's, not the region's.
#[test]
fn gyeongbuk_short_forms_find_every_pair_in_the_province_like_its_full_names() {
    let ds = real();
    let in_province = in_regions(&ds, &["KR-47"]);
    assert!(in_province.contains(&"gyeongbuk-grand-est".to_string()) && in_province.contains(&"gyeongju-versailles".to_string()), "{in_province:?}");
    for q in ["gyeongbuk", "Gyeongbuk", "경북", "Gyeongsangbuk-do", "gyeongsangbuk do", "경상북도", "North Gyeongsang", "Gyeongsang du Nord"] {
        assert_eq!(found(&ds, q), in_province, "{q}");
    }
    // South Gyeongsang is another province.
    assert!(!found(&ds, "경상남도").contains(&"gyeongbuk-grand-est".to_string()));
}

/// Issue 15: `Alsace`, which signed the Gyeongbuk agreement in 1999 and merged into Grand Est
/// on 1 January 2016, found nothing.
#[test]
fn former_names_find_every_pair_in_todays_region() {
    let ds = real();
    let grand_est = in_regions(&ds, &["FR-GES"]);
    assert!(grand_est.contains(&"gyeongbuk-grand-est".to_string()) && grand_est.len() > 1, "{grand_est:?}");
    for q in ["Alsace", "alsace", "알자스", "Lorraine", "Champagne-Ardenne", "champagne ardenne"] {
        assert_eq!(found(&ds, q), grand_est, "{q}");
    }
    // Renamed provinces: their former names find today's.
    for q in ["강원도", "Gangwon-do"] {
        assert_eq!(found(&ds, q), in_regions(&ds, &["KR-42"]), "{q}");
    }
    assert_eq!(found(&ds, "전라북도"), in_regions(&ds, &["KR-45"]));
    assert!(!in_regions(&ds, &["KR-42"]).is_empty() && !in_regions(&ds, &["KR-45"]).is_empty());
    // A former name is not an alias: the region tells them apart.
    let ges = ds.region("FR-GES").unwrap();
    assert!(ges.aliases.is_empty());
    assert_eq!(ges.former_names.iter().map(|f| f.name.get(Lang::Fr)).collect::<Vec<_>>(), ["Alsace", "Champagne-Ardenne", "Lorraine"]);
    assert_eq!(ges.former_names[0].name.ko.as_deref(), Some("알자스"));
}

#[test]
fn older_romanisations_are_aliases() {
    let ds = real();
    assert_eq!(found(&ds, "Pusan"), ["busan-cannes"]);
    assert_eq!(found(&ds, "Kyŏngju"), ["gyeongju-versailles", "gyeongju-lyon"]);
    assert_eq!(found(&ds, "kyongju"), found(&ds, "Gyeongju"));
}

#[test]
fn what_is_not_named_is_not_found() {
    let ds = real();
    for q in ["tokyo", "lyonnais", "서울시청", "paris 99", "xyz"] {
        assert_eq!(found(&ds, q), Vec::<String>::new(), "{q}");
    }
    // Every word must be found: "saint" alone finds Saint-Mandé, "saint tokyo" nothing.
    assert!(found(&ds, "saint").contains(&"yanggu-saint-mande".to_string()));
    assert!(found(&ds, "saint tokyo").is_empty());
    // An empty search keeps everything.
    assert_eq!(found(&ds, "  ").len(), ds.partnerships.len());
}

#[test]
fn search_combines_with_the_filters_and_the_counts() {
    let ds = real();
    let mut f = Filters { query: "paris".into(), ..Filters::default() };
    let paris = visible_pairs(&ds, &f);
    assert!(paris.len() >= 2, "{paris:?}");
    f.from = Some(1990);
    f.to = Some(1992);
    let narrowed: Vec<String> = visible_pairs(&ds, &f).into_iter().map(|i| ds.partnerships[i].id.clone()).collect();
    // Paris, and Paris 13e (whose name holds "Paris"), of those years.
    assert_eq!(narrowed, ["seoul-paris", "seodaemun-paris-13e"]);
    // Facet counts count only what the search finds.
    let counts = partnership_map::domain::facet_counts(&ds, &Filters { query: "évian".into(), ..Filters::default() });
    assert_eq!(counts.regions.values().sum::<usize>(), 2, "{:?}", counts.regions);
    assert_eq!(counts.regions["FR-ARA"], 1);
}

#[test]
fn suggestions_name_authorities_then_regions_in_both_scripts() {
    use partnership_map::domain::search::suggest;
    let ds = real();
    let s = suggest(&ds, "seoul", Lang::Fr, 8);
    assert_eq!(s[0].label, "Séoul · 서울특별시");
    assert_eq!(s[0].value, "Séoul");
    assert!(s.iter().any(|x| x.label.starts_with("Séoul") && x.value == "Séoul"));
    let ko = suggest(&ds, "서울", Lang::Ko, 8);
    assert_eq!(ko[0].label, "서울특별시 · Séoul");
    // The province (the authority) and the region it is: both have the short form.
    assert_eq!(suggest(&ds, "경북", Lang::En, 8).iter().map(|x| x.value.as_str()).collect::<Vec<_>>(), ["North Gyeongsang Province", "North Gyeongsang"]);
    assert!(suggest(&ds, "", Lang::Fr, 8).is_empty());
    assert!(suggest(&ds, "tokyo", Lang::Fr, 8).is_empty());
    assert!(suggest(&ds, "a", Lang::Fr, 5).len() <= 5);
}

#[test]
fn suggestions_do_not_repeat_a_search_and_words_match_from_their_start() {
    use partnership_map::domain::search::suggest;
    let ds = real();
    let s = suggest(&ds, "gy", Lang::En, 20);
    let values: Vec<&str> = s.iter().map(|x| x.value.as_str()).collect();
    let mut unique = values.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(values.len(), unique.len(), "{values:?}");
    // "gy" begins Gyeonggi and Gyeongju, not Busan-gwangyeoksi.
    assert!(values.iter().all(|v| v.to_lowercase().split([' ', '-']).any(|w| w.starts_with("gy"))), "{values:?}");
    assert!(!values.contains(&"Busan"));
}
