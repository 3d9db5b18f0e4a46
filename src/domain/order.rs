//! The order of the list of partnerships (`sort=`): the data's own order (the default), by name,
//! by year of first agreement (oldest or newest first) or by region.
//!
//! Names are compared as the interface writes them, folded ([`super::search::fold`]: no case,
//! no accents, punctuation as a space), so `Île-de-France` sorts with the I's in French and
//! English; in Korean the Hangul names are compared, whose syllables Unicode orders as the
//! dictionary does (가, 나, 다…), and, as Korean collation has it (CLDR's `ko`, what the
//! browser's `Intl.Collator("ko")` does), Hangul comes before Latin letters: 파리 before Lille. Pairs of the same rank keep their ids' order, so an order is the
//! same on every load. Unknown years come last whether the oldest or the newest come first: a
//! list that starts with "unknown" says nothing.
//!
//! Pure: the list, the CSV download and the browser tests all use [`ranks`].

use std::collections::BTreeMap;

use super::dataset::{Dataset, Partnership};
use super::describe::authority_names;
use super::i18n::Lang;
use super::search::fold;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// The data file's order (not written in the URL).
    #[default]
    Data,
    /// By the pair's name as the list shows it (Korean authority, then French), A→Z.
    Name,
    /// By year of first agreement, oldest first; unknown years last.
    Oldest,
    /// By year of first agreement, newest first; unknown years last.
    Newest,
    /// By the Korean authority's region, then the French one's, then by name.
    Region,
}

impl Order {
    pub const ALL: [Order; 5] = [Order::Data, Order::Name, Order::Oldest, Order::Newest, Order::Region];

    /// The value of `sort=` (`data` for the default, which the URL leaves out).
    pub fn id(self) -> &'static str {
        match self {
            Order::Data => "data",
            Order::Name => "name",
            Order::Oldest => "oldest",
            Order::Newest => "newest",
            Order::Region => "region",
        }
    }

    pub fn try_from_id(id: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// A name folded for comparison in `lang`: in Korean, letters of other scripts are moved after
/// every Hangul syllable (into a private-use plane, which sorts above them).
fn collation_key(name: &str, lang: Lang) -> String {
    let folded = fold(name);
    if lang != Lang::Ko {
        return folded;
    }
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{1100}'..='\u{11FF}').contains(&c) || ('\u{3130}'..='\u{318F}').contains(&c);
    folded.chars().map(|c| if c.is_alphabetic() && !hangul(c) { char::from_u32(0xF0000 + c as u32).unwrap_or(c) } else { c }).collect()
}

/// Each authority's folded name and region name, by its index in `ds.authorities`, made once
/// (thousands of pairs share a few hundred authorities, and folding asks the browser to
/// normalise).
struct Folded<'a> {
    ds: &'a Dataset,
    names: Vec<String>,
    regions: Vec<String>,
}

impl<'a> Folded<'a> {
    fn new(ds: &'a Dataset, lang: Lang, with_regions: bool) -> Folded<'a> {
        let names = ds.authorities.iter().map(|a| collation_key(&authority_names(a, lang).0, lang)).collect();
        let regions = if with_regions {
            ds.authorities.iter().map(|a| ds.region(&a.region).map(|r| collation_key(r.name.get(lang), lang)).unwrap_or_default()).collect()
        } else {
            Vec::new()
        };
        Folded { ds, names, regions }
    }

    fn name(&self, id: &str) -> String {
        self.ds.authority_index(id).and_then(|i| self.names.get(i)).cloned().unwrap_or_else(|| fold(id))
    }

    fn region(&self, id: &str) -> String {
        self.ds.authority_index(id).and_then(|i| self.regions.get(i)).cloned().unwrap_or_default()
    }
}

/// What a pair is sorted by, as one string that compares as the order does, its id last (ties
/// keep the ids' order, and no two pairs have the same key). Fields are ended by U+0001, below
/// any character a folded name holds, so that a name comes before its longer namesakes. One
/// string, so that the ranking is a `BTreeMap<String, usize>` (as the facet counts are) and
/// adds no sort of its own to the wasm.
fn key(folded: &Folded, p: &Partnership, order: Order) -> String {
    const END: char = '\u{1}';
    let year = |newest: bool| match p.year {
        // Four digits from 1800 to 2100; the unknown after every known year.
        Some(y) => format!("0{:04}", if newest { 9999 - y } else { y }),
        None => "1".to_string(),
    };
    let fields = match order {
        Order::Data => String::new(),
        Order::Name => format!("{}{END}{}", folded.name(&p.korean), folded.name(&p.french)),
        Order::Oldest => year(false),
        Order::Newest => year(true),
        Order::Region => format!("{}{END}{}{END}{}{END}{}", folded.region(&p.korean), folded.region(&p.french), folded.name(&p.korean), folded.name(&p.french)),
    };
    format!("{fields}{END}{}", p.id)
}

/// Each partnership's place in `order` (a permutation of `0..n`, indexed like
/// `ds.partnerships`): computed once per order and language, so that a filter change only
/// places numbers. The data order gives `0..n`.
pub fn ranks(ds: &Dataset, order: Order, lang: Lang) -> Vec<usize> {
    let n = ds.partnerships.len();
    if order == Order::Data {
        return (0..n).collect();
    }
    let folded = Folded::new(ds, lang, order == Order::Region);
    let sorted: BTreeMap<String, usize> = ds.partnerships.iter().enumerate().map(|(i, p)| (key(&folded, p, order), i)).collect();
    let mut rank: Vec<usize> = (0..n).collect();
    for (place, i) in sorted.into_values().enumerate() {
        rank[i] = place;
    }
    rank
}

/// `pairs` (indices into `ds.partnerships`) in the order of `ranks` (from [`ranks`]); an index
/// out of range goes last. Placed by rank rather than sorted: `ranks` is a permutation.
pub fn in_order(pairs: &[usize], ranks: &[usize]) -> Vec<usize> {
    let mut slots: Vec<Option<usize>> = vec![None; ranks.len()];
    let mut rest = Vec::new();
    for &i in pairs {
        match ranks.get(i).and_then(|&r| slots.get_mut(r)) {
            Some(slot @ None) => *slot = Some(i),
            // Out of range, or given twice.
            _ => rest.push(i),
        }
    }
    slots.into_iter().flatten().chain(rest).collect()
}

/// `pairs` in `order`: [`ranks`] then [`in_order`], for a single use.
pub fn ordered(ds: &Dataset, pairs: &[usize], order: Order, lang: Lang) -> Vec<usize> {
    in_order(pairs, &ranks(ds, order, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load_dataset;
    use serde_json::json;

    fn doc() -> serde_json::Value {
        let label = |fr: &str, ko: &str, en: &str| json!({ "fr": fr, "ko": ko, "en": en });
        let authority = |id: &str, country: &str, region: &str, name: serde_json::Value| {
            let location = if country == "KR" { json!({ "lat": 37.5, "lng": 127.0 }) } else { json!({ "lat": 46.6, "lng": 2.4 }) };
            json!({ "id": id, "country": country, "name": name, "region": region, "location": location })
        };
        let pair = |id: &str, k: &str, f: &str, year: Option<i32>| {
            json!({ "id": id, "authorities": [k, f], "status": if year.is_some() { "signed" } else { "listed" }, "kind": null, "year": year })
        };
        json!({
            "schema_version": 2,
            "themes": [], "agreement_kinds": [], "authority_kinds": [], "administrative_tiers": [], "events": [],
            "regions": [
                { "id": "KR-11", "country": "KR", "name": label("Séoul", "서울특별시", "Seoul") },
                { "id": "KR-47", "country": "KR", "name": label("Gyeongsang du Nord", "경상북도", "North Gyeongsang") },
                { "id": "FR-IDF", "country": "FR", "name": label("Île-de-France", "일드프랑스", "Île-de-France") },
                { "id": "FR-ARA", "country": "FR", "name": label("Auvergne-Rhône-Alpes", "오베르뉴론알프", "Auvergne-Rhône-Alpes") },
            ],
            "authorities": [
                authority("kr-seoul", "KR", "KR-11", label("Séoul", "서울특별시", "Seoul")),
                authority("kr-guro", "KR", "KR-11", label("Guro-gu", "구로구", "Guro District")),
                authority("kr-gyeongju", "KR", "KR-47", label("Gyeongju", "경주시", "Gyeongju")),
                authority("kr-andong", "KR", "KR-47", label("Andong", "안동시", "Andong")),
                authority("fr-paris", "FR", "FR-IDF", label("Paris", "파리", "Paris")),
                authority("fr-evian", "FR", "FR-ARA", json!({ "fr": "Évian-les-Bains" })),
                authority("fr-issy", "FR", "FR-IDF", json!({ "fr": "Issy-les-Moulineaux" })),
            ],
            // The data's order is none of the others.
            "partnerships": [
                pair("seoul-paris", "kr-seoul", "fr-paris", Some(1991)),
                pair("gyeongju-evian", "kr-gyeongju", "fr-evian", None),
                pair("guro-issy", "kr-guro", "fr-issy", Some(2005)),
                pair("andong-paris", "kr-andong", "fr-paris", Some(1991)),
                pair("seoul-evian", "kr-seoul", "fr-evian", Some(2010)),
                pair("andong-evian", "kr-andong", "fr-evian", None),
            ],
        })
    }

    fn ids(ds: &Dataset, order: Order, lang: Lang) -> Vec<&str> {
        let all: Vec<usize> = (0..ds.partnerships.len()).collect();
        ordered(ds, &all, order, lang).into_iter().map(|i| ds.partnerships[i].id.as_str()).collect()
    }

    fn dataset() -> Dataset {
        let loaded = load_dataset(&doc().to_string());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        loaded.dataset
    }

    #[test]
    fn the_default_is_the_data_order_and_each_order_has_an_id_that_reads_back() {
        let ds = dataset();
        assert_eq!(ids(&ds, Order::Data, Lang::Fr), ["seoul-paris", "gyeongju-evian", "guro-issy", "andong-paris", "seoul-evian", "andong-evian"]);
        for o in Order::ALL {
            assert_eq!(Order::try_from_id(o.id()), Some(o));
        }
        assert_eq!(Order::try_from_id("year"), None);
        assert_eq!(Order::default(), Order::Data);
    }

    #[test]
    fn by_name_latin_names_sort_without_accents_or_case_and_hangul_in_dictionary_order() {
        let ds = dataset();
        // Andong, Guro-gu, Gyeongju, Séoul (as "seoul"); the French name breaks a tie of Korean names.
        assert_eq!(ids(&ds, Order::Name, Lang::Fr), ["andong-evian", "andong-paris", "guro-issy", "gyeongju-evian", "seoul-evian", "seoul-paris"]);
        // English names: "Guro District" still before "Gyeongju".
        assert_eq!(ids(&ds, Order::Name, Lang::En), ["andong-evian", "andong-paris", "guro-issy", "gyeongju-evian", "seoul-evian", "seoul-paris"]);
        // 경주시 (ㄱ+ㅕ) before 구로구 (ㄱ+ㅜ), then 서울 (ㅅ), then 안동 (ㅇ); 파리 before "Évian"
        // (no Hangul name): in Korean, Hangul comes before Latin letters.
        assert_eq!(ids(&ds, Order::Name, Lang::Ko), ["gyeongju-evian", "guro-issy", "seoul-paris", "seoul-evian", "andong-paris", "andong-evian"]);
        assert!(collation_key("파리", Lang::Ko) < collation_key("Évian", Lang::Ko));
        assert!(collation_key("Paris", Lang::Fr) > collation_key("Évian", Lang::Fr));
        assert!(collation_key("Paris 13e", Lang::Ko) < collation_key("Paris 15e", Lang::Ko), "digits keep their order");
    }

    #[test]
    fn by_year_unknown_years_come_last_both_ways_and_ties_keep_the_ids_order() {
        let ds = dataset();
        assert_eq!(ids(&ds, Order::Oldest, Lang::Fr), ["andong-paris", "seoul-paris", "guro-issy", "seoul-evian", "andong-evian", "gyeongju-evian"]);
        assert_eq!(ids(&ds, Order::Newest, Lang::Fr), ["seoul-evian", "guro-issy", "andong-paris", "seoul-paris", "andong-evian", "gyeongju-evian"]);
    }

    #[test]
    fn by_region_the_korean_region_then_the_french_one_then_the_names() {
        let ds = dataset();
        // Gyeongsang du Nord, then Séoul; in each, Auvergne-Rhône-Alpes before Île-de-France;
        // then the names.
        assert_eq!(ids(&ds, Order::Region, Lang::Fr), ["andong-evian", "gyeongju-evian", "andong-paris", "seoul-evian", "guro-issy", "seoul-paris"]);
        // In Korean: 경상북도 before 서울특별시, 오베르뉴론알프 before 일드프랑스, 경주 before 안동.
        assert_eq!(ids(&ds, Order::Region, Lang::Ko), ["gyeongju-evian", "andong-evian", "andong-paris", "seoul-evian", "guro-issy", "seoul-paris"]);
        // In English the regions' English names: North Gyeongsang, then Seoul.
        assert_eq!(ids(&ds, Order::Region, Lang::En), ["andong-evian", "gyeongju-evian", "andong-paris", "seoul-evian", "guro-issy", "seoul-paris"]);
    }

    #[test]
    fn ranks_sort_any_subset_and_ignore_indices_out_of_range() {
        let ds = dataset();
        let ranks = ranks(&ds, Order::Oldest, Lang::Fr);
        let mut seen = ranks.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..ds.partnerships.len()).collect::<Vec<_>>(), "a permutation");
        assert_eq!(in_order(&[5, 4, 0, 99], &ranks), [0, 4, 5, 99]);
        assert_eq!(in_order(&[], &ranks), Vec::<usize>::new());
    }

    #[test]
    fn the_real_data_orders_by_year_with_no_unknown_before_a_known_year() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).unwrap();
        let ds = load_dataset(&text).dataset;
        let all: Vec<usize> = (0..ds.partnerships.len()).collect();
        for order in [Order::Oldest, Order::Newest] {
            let years: Vec<Option<i32>> = ordered(&ds, &all, order, Lang::Fr).into_iter().map(|i| ds.partnerships[i].year).collect();
            let known = years.iter().take_while(|y| y.is_some()).count();
            assert!(years[known..].iter().all(Option::is_none), "{order:?}: {years:?}");
            let mut sorted: Vec<i32> = years[..known].iter().flatten().copied().collect();
            if order == Order::Newest {
                sorted.reverse();
            }
            assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "{order:?}: {years:?}");
        }
    }
}
