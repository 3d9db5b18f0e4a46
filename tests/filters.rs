//! Filters, visible pairs, facet counts and the URL state's clean-up against a dataset.
//!
//! The small dataset (indices are those of `visible_pairs`):
//!
//! | # | id               | Korean end (region)   | French end (region)     | year | themes               |
//! |---|------------------|-----------------------|-------------------------|------|----------------------|
//! | 0 | seoul-paris      | kr-seoul (KR-11)      | fr-paris (FR-IDF)       | 1991 | culture              |
//! | 1 | gyeongju-nice    | kr-gyeongju (KR-47)   | fr-nice (FR-PAC)        | 2005 | culture, economy     |
//! | 2 | andong-marseille | kr-andong (KR-47)     | fr-marseille (FR-PAC)   | ?    | economy              |
//! | 3 | busan-marseille  | kr-busan (KR-26)      | fr-marseille (FR-PAC)   | 2000 | education            |
//! | 4 | seoul-rennes     | kr-seoul (KR-11)      | fr-rennes (FR-BRE)      | 2012 | (none)               |
//! | 5 | busan-nice       | kr-busan (KR-26)      | fr-nice (FR-PAC)        | ?    | culture              |
//! | 6 | andong-paris     | kr-andong (KR-47)     | fr-paris (FR-IDF)       | 2010 | economy, education   |
//!
//! FR-ARA is a region no authority is in.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use partnership_map::domain::{facet_counts, visible_pairs, Dataset, Filters, UrlState};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Builders

fn region(id: &str) -> Value {
    json!({ "id": id, "country": &id[..2], "name": { "fr": id } })
}

fn theme(id: &str) -> Value {
    json!({ "id": id, "label": { "en": id } })
}

fn small_dataset() -> Dataset {
    let mut doc = vocabularies();
    doc["regions"] = json!(["FR-IDF", "FR-PAC", "FR-BRE", "FR-ARA", "KR-11", "KR-47", "KR-26"].map(region));
    doc["themes"] = json!(["culture", "economy", "education"].map(theme));
    doc["authorities"] = json!([
        authority("fr-paris", "FR", "FR-IDF", Some("commune")),
        authority("fr-nice", "FR", "FR-PAC", Some("commune")),
        authority("fr-marseille", "FR", "FR-PAC", None),
        authority("fr-rennes", "FR", "FR-BRE", Some("commune")),
        authority("kr-seoul", "KR", "KR-11", Some("special-city")),
        authority("kr-gyeongju", "KR", "KR-47", Some("si")),
        authority("kr-andong", "KR", "KR-47", Some("si")),
        authority("kr-busan", "KR", "KR-26", None),
    ]);
    doc["partnerships"] = json!([
        partnership("seoul-paris", "kr-seoul", "fr-paris", Some(1991), &["culture"]),
        partnership("gyeongju-nice", "kr-gyeongju", "fr-nice", Some(2005), &["culture", "economy"]),
        partnership("andong-marseille", "kr-andong", "fr-marseille", None, &["economy"]),
        partnership("busan-marseille", "kr-busan", "fr-marseille", Some(2000), &["education"]),
        partnership("seoul-rennes", "kr-seoul", "fr-rennes", Some(2012), &[]),
        partnership("busan-nice", "kr-busan", "fr-nice", None, &["culture"]),
        partnership("andong-paris", "kr-andong", "fr-paris", Some(2010), &["economy", "education"]),
    ]);
    load_valid(&doc).dataset
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn with_regions(items: &[&str]) -> Filters {
    Filters { regions: set(items), ..Filters::default() }
}

fn with_themes(items: &[&str]) -> Filters {
    Filters { themes: set(items), ..Filters::default() }
}

fn years(from: Option<i32>, to: Option<i32>, include_unknown_year: bool) -> Filters {
    Filters { from, to, include_unknown_year, ..Filters::default() }
}

/// An independent statement of the filter rules, used as the reference.
struct Reference {
    /// Per partnership: the regions of its two ends, its themes and its year.
    rows: Vec<([String; 2], Vec<String>, Option<i32>)>,
    /// Per partnership: its two authorities.
    ends: Vec<[String; 2]>,
}

impl Reference {
    fn new(ds: &Dataset) -> Self {
        let region_of: HashMap<&str, &str> = ds.authorities.iter().map(|a| (a.id.as_str(), a.region.as_str())).collect();
        let rows = ds
            .partnerships
            .iter()
            .map(|p| {
                let ends = [region_of[p.korean.as_str()].to_string(), region_of[p.french.as_str()].to_string()];
                (ends, p.themes.clone(), p.year)
            })
            .collect();
        let ends = ds.partnerships.iter().map(|p| [p.korean.clone(), p.french.clone()]).collect();
        Reference { rows, ends }
    }

    fn keeps(&self, i: usize, f: &Filters) -> bool {
        let (ends, themes, year) = &self.rows[i];
        let region = f.regions.is_empty() || ends.iter().any(|r| f.regions.contains(r));
        let theme = f.themes.is_empty() || themes.iter().any(|t| f.themes.contains(t));
        let year = match year {
            None => f.include_unknown_year,
            Some(y) => f.from.is_none_or(|from| from <= *y) && f.to.is_none_or(|to| *y <= to),
        };
        let focus = f.focus.as_ref().is_none_or(|a| self.ends[i].contains(a));
        region && theme && year && focus
    }

    fn visible(&self, f: &Filters) -> Vec<usize> {
        (0..self.rows.len()).filter(|&i| self.keeps(i, f)).collect()
    }

    fn count(&self, f: &Filters) -> usize {
        (0..self.rows.len()).filter(|&i| self.keeps(i, f)).count()
    }
}

/// Checks every facet count of `f` against a brute-force count of what choosing that option
/// (the other facets unchanged) would show, both with the reference and with `visible_pairs`.
#[track_caller]
fn assert_facet_counts_match_brute_force(ds: &Dataset, reference: &Reference, f: &Filters) {
    let counts = facet_counts(ds, f);
    let region_ids: BTreeSet<&str> = ds.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(counts.regions.keys().map(String::as_str).collect::<BTreeSet<_>>(), region_ids, "one count per region");
    for r in &ds.regions {
        let option = Filters { regions: set(&[&r.id]), ..f.clone() };
        let expected = reference.count(&option);
        assert_eq!(counts.regions[&r.id], expected, "region {} under {f:?}", r.id);
        assert_eq!(visible_pairs(ds, &option).len(), expected, "visible_pairs, region {} under {f:?}", r.id);
    }
    let theme_ids: BTreeSet<&str> = ds.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(counts.themes.keys().map(String::as_str).collect::<BTreeSet<_>>(), theme_ids, "one count per theme");
    for t in &ds.themes {
        let option = Filters { themes: set(&[&t.id]), ..f.clone() };
        let expected = reference.count(&option);
        assert_eq!(counts.themes[&t.id], expected, "theme {} under {f:?}", t.id);
        assert_eq!(visible_pairs(ds, &option).len(), expected, "visible_pairs, theme {} under {f:?}", t.id);
    }
    let known_years: BTreeSet<i32> = ds.partnerships.iter().filter_map(|p| p.year).collect();
    for &y in &known_years {
        let option = Filters { from: Some(y), to: Some(y), include_unknown_year: false, ..f.clone() };
        assert_eq!(counts.years.get(&y).copied().unwrap_or(0), reference.count(&option), "year {y} under {f:?}");
    }
    assert!(counts.years.keys().all(|y| known_years.contains(y)), "a count for a year no partnership has");
    assert!(counts.years.values().all(|&n| n > 0), "years are listed only when they have partnerships");
    let any_year = Filters { from: None, to: None, include_unknown_year: true, ..f.clone() };
    let only_known = Filters { include_unknown_year: false, ..any_year.clone() };
    let expected_unknown = reference.count(&any_year) - reference.count(&only_known);
    assert_eq!(counts.unknown_year, expected_unknown, "unknown_year under {f:?}");
}

// ---------------------------------------------------------------------------------------------
// Visible pairs

#[test]
fn clear_filters_show_every_partnership_in_data_order() {
    let ds = small_dataset();
    let f = Filters::default();
    assert!(f.is_default());
    assert!(f.include_unknown_year, "by default partnerships of unknown year are shown");
    assert_eq!(visible_pairs(&ds, &f), [0, 1, 2, 3, 4, 5, 6]);
    assert!(!with_regions(&["FR-IDF"]).is_default());
    assert!(!years(None, None, false).is_default());
}

#[test]
fn a_pair_is_in_a_region_when_either_end_is() {
    let ds = small_dataset();
    // French end in Provence-Alpes-Côte d'Azur.
    assert_eq!(visible_pairs(&ds, &with_regions(&["FR-PAC"])), [1, 2, 3, 5]);
    // Korean end in North Gyeongsang.
    assert_eq!(visible_pairs(&ds, &with_regions(&["KR-47"])), [1, 2, 6]);
    assert_eq!(visible_pairs(&ds, &with_regions(&["FR-BRE"])), [4]);
}

#[test]
fn choosing_several_regions_shows_pairs_in_any_of_them() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &with_regions(&["FR-IDF", "KR-26"])), [0, 3, 5, 6]);
}

#[test]
fn a_pair_in_two_chosen_regions_is_shown_once() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &with_regions(&["FR-PAC", "KR-47"])), [1, 2, 3, 5, 6]);
}

#[test]
fn a_region_with_no_partnership_shows_nothing() {
    let ds = small_dataset();
    assert!(visible_pairs(&ds, &with_regions(&["FR-ARA"])).is_empty());
    assert!(visible_pairs(&ds, &with_regions(&["FR-COR"])).is_empty(), "an id the dataset does not know matches nothing");
}

#[test]
fn choosing_several_themes_shows_pairs_with_any_of_them() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &with_themes(&["culture"])), [0, 1, 5]);
    assert_eq!(visible_pairs(&ds, &with_themes(&["culture", "education"])), [0, 1, 3, 5, 6]);
}

#[test]
fn a_pair_without_themes_is_hidden_by_any_theme_choice() {
    let ds = small_dataset();
    let all = with_themes(&["culture", "economy", "education"]);
    assert_eq!(visible_pairs(&ds, &all), [0, 1, 2, 3, 5, 6]);
}

#[test]
fn region_and_theme_choices_combine_so_both_must_hold() {
    let ds = small_dataset();
    let f = Filters { regions: set(&["FR-PAC"]), themes: set(&["culture"]), ..Filters::default() };
    assert_eq!(visible_pairs(&ds, &f), [1, 5]);
    let f = Filters { regions: set(&["FR-PAC", "KR-11"]), themes: set(&["culture", "education"]), ..Filters::default() };
    assert_eq!(visible_pairs(&ds, &f), [0, 1, 3, 5]);
    let f = Filters { regions: set(&["FR-BRE"]), themes: set(&["culture"]), ..Filters::default() };
    assert!(visible_pairs(&ds, &f).is_empty());
}

#[test]
fn a_year_range_includes_both_of_its_ends() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &years(Some(2000), Some(2005), false)), [1, 3]);
    // One year inside each end excludes both 2000 and 2005.
    assert!(visible_pairs(&ds, &years(Some(2001), Some(2004), false)).is_empty());
    assert_eq!(visible_pairs(&ds, &years(Some(2005), Some(2005), false)), [1]);
}

#[test]
fn partnerships_of_unknown_year_are_shown_only_while_included() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &years(None, None, false)), [0, 1, 3, 4, 6]);
    assert_eq!(visible_pairs(&ds, &years(Some(2000), Some(2005), true)), [1, 2, 3, 5]);
    // A range that matches no known year still shows the unknown ones when asked to.
    assert_eq!(visible_pairs(&ds, &years(Some(2013), Some(2020), true)), [2, 5]);
    assert!(visible_pairs(&ds, &years(Some(2013), Some(2020), false)).is_empty());
}

#[test]
fn a_start_year_alone_keeps_that_year_and_later() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &years(Some(2005), None, false)), [1, 4, 6]);
    assert_eq!(visible_pairs(&ds, &years(Some(2005), None, true)), [1, 2, 4, 5, 6]);
}

#[test]
fn an_end_year_alone_keeps_that_year_and_earlier() {
    let ds = small_dataset();
    assert_eq!(visible_pairs(&ds, &years(None, Some(2000), false)), [0, 3]);
    assert_eq!(visible_pairs(&ds, &years(None, Some(2000), true)), [0, 2, 3, 5]);
}

#[test]
fn all_three_facets_combine() {
    let ds = small_dataset();
    let f = Filters {
        regions: set(&["FR-PAC", "FR-IDF"]),
        themes: set(&["economy", "education"]),
        from: Some(2001),
        to: None,
        include_unknown_year: true,
        kinds: None,
        query: String::new(),
        focus: None,
    };
    // PAC or IDF: 0,1,2,3,5,6; economy or education: 1,2,3,6; 2001 or later or unknown: 1,2,4,5,6.
    assert_eq!(visible_pairs(&ds, &f), [1, 2, 6]);
    let reference = Reference::new(&ds);
    assert_eq!(reference.visible(&f), [1, 2, 6]);
}

// ---------------------------------------------------------------------------------------------
// Facet counts

#[test]
fn facet_counts_with_clear_filters_count_every_pair_of_each_option() {
    let ds = small_dataset();
    let c = facet_counts(&ds, &Filters::default());
    let regions: Vec<(&str, usize)> = c.regions.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        regions,
        [("FR-ARA", 0), ("FR-BRE", 1), ("FR-IDF", 2), ("FR-PAC", 4), ("KR-11", 2), ("KR-26", 2), ("KR-47", 3)]
    );
    let themes: Vec<(&str, usize)> = c.themes.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(themes, [("culture", 3), ("economy", 3), ("education", 2)]);
    let years: Vec<(i32, usize)> = c.years.iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(years, [(1991, 1), (2000, 1), (2005, 1), (2010, 1), (2012, 1)]);
    assert_eq!(c.unknown_year, 2);
}

#[test]
fn a_facet_count_applies_the_other_facets_but_not_its_own() {
    let ds = small_dataset();
    let f = Filters {
        regions: set(&["FR-PAC"]),
        themes: set(&["culture"]),
        from: Some(2000),
        to: None,
        include_unknown_year: false,
        kinds: None,
        query: String::new(),
        focus: None,
    };
    assert_eq!(visible_pairs(&ds, &f), [1]);
    let c = facet_counts(&ds, &f);
    // Regions under culture and 2000-: only gyeongju-nice.
    assert_eq!(c.regions["FR-PAC"], 1);
    assert_eq!(c.regions["KR-47"], 1);
    assert_eq!(c.regions["FR-IDF"], 0, "seoul-paris (1991) is outside the years");
    assert_eq!(c.regions["KR-26"], 0, "busan-nice has no known year");
    // Themes under FR-PAC and 2000-: gyeongju-nice and busan-marseille.
    assert_eq!((c.themes["culture"], c.themes["economy"], c.themes["education"]), (1, 1, 1));
    // Years under FR-PAC and culture: gyeongju-nice (2005) and busan-nice (unknown), whatever
    // the year range and the unknown switch say.
    assert_eq!(c.years.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(), [(2005, 1)]);
    assert_eq!(c.unknown_year, 1);
}

#[test]
fn the_unknown_year_count_ignores_the_year_range_and_the_switch() {
    let ds = small_dataset();
    assert_eq!(facet_counts(&ds, &years(Some(2013), Some(2020), false)).unknown_year, 2);
    assert_eq!(facet_counts(&ds, &with_themes(&["economy"])).unknown_year, 1);
    assert_eq!(facet_counts(&ds, &with_regions(&["KR-26"])).unknown_year, 1);
    assert_eq!(facet_counts(&ds, &with_regions(&["FR-IDF"])).unknown_year, 0);
}

#[test]
fn facet_counts_equal_what_choosing_each_option_would_show() {
    let ds = small_dataset();
    let reference = Reference::new(&ds);
    let region_choices: [&[&str]; 4] = [&[], &["FR-PAC"], &["KR-47", "FR-IDF"], &["FR-ARA"]];
    let theme_choices: [&[&str]; 3] = [&[], &["culture"], &["economy", "education"]];
    let year_choices = [
        (None, None, true),
        (None, None, false),
        (Some(2000), Some(2005), true),
        (Some(2005), None, false),
        (None, Some(1991), true),
    ];
    let mut checked = 0;
    for regions in region_choices {
        for themes in theme_choices {
            for (from, to, include_unknown_year) in year_choices {
                let f = Filters { regions: set(regions), themes: set(themes), from, to, include_unknown_year, kinds: None, query: String::new(), focus: None };
                assert_eq!(visible_pairs(&ds, &f), reference.visible(&f), "{f:?}");
                assert_facet_counts_match_brute_force(&ds, &reference, &f);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 60);
}

// ---------------------------------------------------------------------------------------------
// URL state against the dataset

#[test]
fn a_link_naming_unknown_ids_keeps_the_known_ones_and_says_what_was_dropped() {
    let ds = small_dataset();
    let (mut s, parse_notices) =
        UrlState::parse("region=FR-IDF,FR-COR&theme=culture,sport&from=2000&unknown=0&pair=seoul-paris");
    assert!(parse_notices.is_empty(), "well-formed ids pass parsing: {parse_notices:?}");
    let notices = s.retain_known(&ds);
    let dropped: Vec<(&str, &str, &str)> =
        notices.iter().map(|n| (n.param.as_str(), n.value.as_str(), n.reason)).collect();
    assert_eq!(dropped, [("region", "FR-COR", "no such region"), ("theme", "sport", "no such theme")]);
    assert_eq!(s.filters.regions, set(&["FR-IDF"]));
    assert_eq!(s.filters.themes, set(&["culture"]));
    assert_eq!((s.filters.from, s.filters.include_unknown_year), (Some(2000), false), "years are left alone");
    assert_eq!(s.pair.as_deref(), Some("seoul-paris"));
    assert_eq!(s.to_query(), "region=FR-IDF&theme=culture&from=2000&unknown=0&pair=seoul-paris");
}

#[test]
fn embed_and_focus_round_trip_and_an_unknown_or_malformed_focus_is_dropped_with_a_notice() {
    let ds = small_dataset();
    let (mut s, notices) = UrlState::parse("embed=1&focus=fr-paris&lang=en&view=world");
    assert!(notices.is_empty(), "{notices:?}");
    assert!(s.embed);
    assert_eq!(s.filters.focus.as_deref(), Some("fr-paris"));
    assert!(s.retain_known(&ds).is_empty());
    assert_eq!(s.to_query(), "focus=fr-paris&view=world&lang=en&embed=1");
    let (mut s, _) = UrlState::parse("focus=fr-lille&embed=1");
    let notices = s.retain_known(&ds);
    assert_eq!(notices.iter().map(|n| (n.param.as_str(), n.reason)).collect::<Vec<_>>(), [("focus", "no such authority")]);
    assert_eq!(s.to_query(), "embed=1");
    let (s, notices) = UrlState::parse("focus=%3Cscript%3E&embed=yes");
    assert_eq!(notices.iter().map(|n| (n.param.as_str(), n.reason)).collect::<Vec<_>>(), [("focus", "malformed id"), ("embed", "expected 1 or 0")]);
    assert_eq!(s, UrlState::default());
}

#[test]
fn a_link_to_a_removed_partnership_drops_the_selection() {
    let ds = small_dataset();
    let (mut s, _) = UrlState::parse("pair=lyon-busan&region=KR-26");
    let notices = s.retain_known(&ds);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!((notices[0].param.as_str(), notices[0].reason), ("pair", "no such partnership"));
    assert_eq!(s.pair, None);
    assert_eq!(s.filters.regions, set(&["KR-26"]));
}

#[test]
fn a_link_whose_only_region_was_removed_shows_everything_rather_than_nothing() {
    let ds = small_dataset();
    let (mut s, _) = UrlState::parse("region=FR-COR");
    assert!(visible_pairs(&ds, &s.filters).is_empty());
    s.retain_known(&ds);
    assert!(s.filters.is_default());
    assert_eq!(visible_pairs(&ds, &s.filters).len(), ds.partnerships.len());
}

#[test]
fn a_link_naming_only_known_ids_is_kept_as_is() {
    let ds = small_dataset();
    let (mut s, _) = UrlState::parse("region=FR-PAC,KR-47&theme=culture,education&to=2010&pair=busan-nice&lang=ko");
    let before = s.clone();
    assert!(s.retain_known(&ds).is_empty());
    assert_eq!(s, before);
}

// ---------------------------------------------------------------------------------------------
// At scale

const FR_REGIONS: [&str; 5] = ["FR-IDF", "FR-PAC", "FR-BRE", "FR-ARA", "FR-HDF"];
const KR_REGIONS: [&str; 5] = ["KR-11", "KR-26", "KR-47", "KR-41", "KR-50"];
const THEMES: [&str; 6] = ["culture", "economy", "education", "sport", "tourism", "science"];

fn synthetic_dataset(rng: &mut Rng, n: usize) -> Dataset {
    let mut doc = vocabularies();
    doc["regions"] = Value::Array(FR_REGIONS.iter().chain(&KR_REGIONS).map(|r| region(r)).collect());
    doc["themes"] = Value::Array(THEMES.iter().map(|t| theme(t)).collect());
    let mut authorities = Vec::new();
    for i in 0..30 {
        authorities.push(authority(&format!("fr-c{i}"), "FR", FR_REGIONS[rng.below(FR_REGIONS.len())], None));
        authorities.push(authority(&format!("kr-c{i}"), "KR", KR_REGIONS[rng.below(KR_REGIONS.len())], None));
    }
    doc["authorities"] = Value::Array(authorities);
    let partnerships = (0..n)
        .map(|i| {
            let year = (!rng.chance(1, 10)).then(|| 1950 + rng.below(76) as i32);
            let mut themes: Vec<&str> = Vec::new();
            for _ in 0..rng.below(4) {
                let t = THEMES[rng.below(THEMES.len())];
                if !themes.contains(&t) {
                    themes.push(t);
                }
            }
            let k = format!("kr-c{}", rng.below(30));
            let f = format!("fr-c{}", rng.below(30));
            partnership(&format!("p-{i}"), &k, &f, year, &themes)
        })
        .collect();
    doc["partnerships"] = Value::Array(partnerships);
    load_valid(&doc).dataset
}

fn random_subset(rng: &mut Rng, from: &[&str]) -> BTreeSet<String> {
    if rng.chance(1, 3) {
        return BTreeSet::new();
    }
    (0..1 + rng.below(3)).map(|_| from[rng.below(from.len())].to_string()).collect()
}

fn random_filters(rng: &mut Rng, authorities: &[String]) -> Filters {
    // Now and then an id the dataset does not have, as a stale link would carry.
    let regions: Vec<&str> = FR_REGIONS.iter().chain(&KR_REGIONS).copied().chain(["FR-COR"]).collect();
    let themes: Vec<&str> = THEMES.iter().copied().chain(["crafts"]).collect();
    let year = |rng: &mut Rng| (!rng.chance(1, 2)).then(|| 1945 + rng.below(86) as i32);
    Filters {
        regions: random_subset(rng, &regions),
        themes: random_subset(rng, &themes),
        from: year(rng),
        to: year(rng),
        include_unknown_year: rng.chance(1, 2),
        kinds: None,
        query: String::new(),
        // Now and then a partner site's map of one authority.
        focus: rng.chance(1, 4).then(|| authorities[rng.below(authorities.len())].clone()),
    }
}

#[test]
fn with_ten_thousand_partnerships_the_visible_pairs_match_a_brute_force_reference() {
    const N: usize = 10_000;
    let mut rng = Rng::new(0x5EED_F00D);
    let ds = synthetic_dataset(&mut rng, N);
    assert_eq!(ds.partnerships.len(), N);
    let reference = Reference::new(&ds);
    let authorities: Vec<String> = ds.authorities.iter().map(|a| a.id.clone()).collect();

    assert_eq!(visible_pairs(&ds, &Filters::default()).len(), N);
    let mut partial = 0;
    let mut focused = 0;
    for round in 0..48 {
        let f = random_filters(&mut rng, &authorities);
        focused += usize::from(f.focus.is_some());
        let visible = visible_pairs(&ds, &f);
        assert_eq!(visible, reference.visible(&f), "round {round}: {f:?}");
        if !visible.is_empty() && visible.len() < N {
            partial += 1;
        }
        if round % 8 == 0 {
            assert_facet_counts_match_brute_force(&ds, &reference, &f);
        }
    }
    // The random filters are not all trivial (everything or nothing).
    assert!(partial >= 20, "only {partial} rounds showed a strict, non-empty part of the data");
    assert!(focused >= 6, "only {focused} rounds focused on one authority");
}

#[test]
fn focus_keeps_exactly_one_authoritys_partnerships_and_scopes_every_count() {
    let ds = real_dataset();
    let paris = Filters { focus: Some("fr-paris".into()), ..Filters::default() };
    let visible: Vec<&str> = visible_pairs(&ds, &paris).iter().map(|&i| ds.partnerships[i].id.as_str()).collect();
    let expected: Vec<&str> = ds
        .partnerships
        .iter()
        .filter(|p| (p.french == "fr-paris" || p.korean == "fr-paris") && Filters::default().matches(&ds, p))
        .map(|p| p.id.as_str())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(visible, expected);
    assert!(visible.contains(&"seoul-paris"));
    // Counts only count Paris's partnerships: no other French region has any.
    let counts = facet_counts(&ds, &paris);
    assert_eq!(counts.regions["FR-ARA"], 0);
    assert_eq!(counts.regions["FR-IDF"], visible.len());
    // With another filter, the focus still applies.
    let paris_1991 = Filters { from: Some(1991), to: Some(1991), include_unknown_year: false, ..paris.clone() };
    assert_eq!(visible_pairs(&ds, &paris_1991).iter().map(|&i| ds.partnerships[i].id.as_str()).collect::<Vec<_>>(), ["seoul-paris"]);
}
