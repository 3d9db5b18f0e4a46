//! Search on the real data: what a visitor types, in either script or spelling, finds the pair it
//! names; what it does not name stays out. Search combines with the other filters.

mod common;

use partnership_map::domain::search::{Suggestion, SuggestionKind};
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

/// The suggestions for `text` with the default filters.
fn suggest(ds: &Dataset, text: &str, lang: Lang, limit: usize) -> Vec<Suggestion> {
    partnership_map::domain::search::suggest(ds, &Filters::default(), text, lang, limit)
}

/// How many pairs the search for `q` shows under `f`.
fn count_of(ds: &Dataset, f: &Filters, q: &str) -> usize {
    visible_pairs(ds, &Filters { query: q.to_string(), ..f.clone() }).len()
}

#[test]
fn suggestions_name_authorities_then_regions_in_both_scripts() {
    let ds = real();
    let s = suggest(&ds, "seoul", Lang::Fr, 8);
    // Séoul the city and Séoul the region make the same search, which finds the region's pairs
    // (its districts' too): one suggestion, the region.
    assert_eq!(s[0].name, "Séoul · 서울특별시");
    assert_eq!(s[0].value, "Séoul");
    assert_eq!(s[0].kind, SuggestionKind::Region);
    assert_eq!(s.iter().filter(|x| x.value == "Séoul").count(), 1);
    let n = count_of(&ds, &Filters::default(), "Séoul");
    assert!(n > 1);
    assert_eq!(s[0].label(), format!("Séoul · 서울특별시 — région, {n}\u{a0}partenariats"));
    let ko = suggest(&ds, "서울", Lang::Ko, 8);
    assert_eq!(ko[0].label(), format!("서울특별시 · Séoul — 광역, {n}건"));
    assert!(suggest(&ds, "", Lang::Fr, 8).is_empty());
    assert!(suggest(&ds, "tokyo", Lang::Fr, 8).is_empty());
    assert!(suggest(&ds, "a", Lang::Fr, 5).len() <= 5);
}

#[test]
fn suggestions_say_what_they_are_and_how_many_pairs_they_give() {
    let ds = real();
    let f = Filters::default();
    // The examples of issue 15.
    let gb = suggest(&ds, "Gyeongsangbuk-do", Lang::En, 8);
    assert_eq!(gb.len(), 1, "{gb:?}");
    assert_eq!(gb[0].label(), "North Gyeongsang · 경상북도 (Gyeongsangbuk-do) — region, 2\u{a0}partnerships");
    assert_eq!(count_of(&ds, &f, &gb[0].value), 2);
    assert_eq!(suggest(&ds, "경상북도", Lang::Fr, 8)[0].label(), "Gyeongsang du Nord · 경상북도 — région, 2\u{a0}partenariats");
    assert_eq!(suggest(&ds, "경상북도", Lang::Ko, 8)[0].label(), "경상북도 · Gyeongsang du Nord — 광역, 2건");
    // Daejeon the city is the only partner in its region: the suggestion is the authority.
    let dj = suggest(&ds, "daejeon", Lang::En, 8);
    assert_eq!(dj.iter().map(Suggestion::label).collect::<Vec<_>>(), ["Daejeon · 대전광역시 — authority, 2\u{a0}partnerships"]);
    assert_eq!(dj[0].kind, SuggestionKind::Authority);
    // A former region says what became of it.
    let alsace = suggest(&ds, "Alsace", Lang::En, 8);
    assert_eq!(alsace.iter().map(Suggestion::label).collect::<Vec<_>>(), ["Alsace · 알자스 — former region, now part of Grand Est · 3\u{a0}partnerships"]);
    assert_eq!(alsace[0].kind, SuggestionKind::FormerName);
    assert_eq!(alsace[0].value, "Alsace");
    assert_eq!(suggest(&ds, "alsace", Lang::Fr, 8)[0].label(), "Alsace · 알자스 — ancienne région, aujourd'hui dans la région Grand Est · 3\u{a0}partenariats");
    assert_eq!(suggest(&ds, "알자스", Lang::Ko, 8)[0].label(), "알자스 · Alsace — 옛 레지옹, 지금은 그랑테스트의 일부 · 3건");
    assert_eq!(suggest(&ds, "알자스", Lang::Ko, 8)[0].value, "알자스");
    // A renamed province, and a former name known only in Hangul.
    assert_eq!(suggest(&ds, "강원도", Lang::En, 8)[0].label(), format!("Gangwon-do · 강원도 — former name, now Gangwon State · {}\u{a0}partnerships", count_of(&ds, &f, "Gangwon-do")));
    assert_eq!(suggest(&ds, "전라북도", Lang::Fr, 8)[0].label(), "전라북도 — ancien nom, aujourd'hui Jeolla du Nord · 1\u{a0}partenariat");
    // Found through an alias the label does not show: the label shows it.
    let kyongju = suggest(&ds, "kyongju", Lang::Fr, 8);
    assert_eq!(kyongju[0].name, "Gyeongju · 경주시 (Kyongju)");
    // The count is the search's for the value, under the other filters as they are.
    for lang in Lang::ALL {
        for f in [Filters::default(), Filters { from: Some(2000), ..Filters::default() }, Filters { kinds: Some(ds.kind_options().into_iter().collect()), ..Filters::default() }] {
            for text in ["g", "gyeong", "경", "alsace", "paris", "s", "강원도", "lorraine"] {
                for s in partnership_map::domain::search::suggest(&ds, &f, text, lang, 8) {
                    assert_eq!(s.count, count_of(&ds, &f, &s.value), "{text} {lang:?} {f:?}: {s:?}");
                    assert!(s.about.contains(&partnership_map::domain::i18n::format_number(lang, s.count as u64)), "{s:?}");
                }
            }
        }
    }
    // Plurals: one and none.
    assert!(suggest(&ds, "evian", Lang::En, 8)[0].label().ends_with("— authority, 1\u{a0}partnership"));
    let none = partnership_map::domain::search::suggest(&ds, &Filters { from: Some(2100), include_unknown_year: false, ..Filters::default() }, "evian", Lang::Fr, 8);
    assert!(none[0].label().ends_with("— collectivité, 0\u{a0}partenariat"), "{none:?}");
}

#[test]
fn suggestions_do_not_repeat_a_search_and_words_match_from_their_start() {
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
