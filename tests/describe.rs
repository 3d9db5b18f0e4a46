//! What a picture of the map says it shows: the filters in force, in words, in each language.

mod common;

use common::real_dataset;
use partnership_map::domain::describe::filter_summary;
use partnership_map::domain::filter::Filters;
use partnership_map::domain::i18n::Lang;

#[test]
fn no_filter_says_nothing() {
    let ds = real_dataset();
    for lang in [Lang::Fr, Lang::Ko, Lang::En] {
        assert!(filter_summary(&ds, &Filters::default(), lang).is_empty());
    }
}

#[test]
fn each_filter_in_force_is_one_phrase_with_the_datas_own_labels() {
    let ds = real_dataset();
    let f = Filters {
        regions: ["KR-11".to_string(), "FR-IDF".to_string()].into(),
        themes: ["culture".to_string()].into(),
        from: Some(2000),
        to: Some(2020),
        include_unknown_year: false,
        kinds: Some(["friendship".to_string(), "twinning".to_string()].into()),
        query: " seoul ".into(),
        focus: Some("kr-seoul".into()),
    };
    assert_eq!(
        filter_summary(&ds, &f, Lang::En),
        [
            "Authority: Seoul · 서울특별시",
            "Search: “seoul”",
            "Region: Île-de-France, Seoul",
            "Theme: Culture",
            "Agreement or status: Twinning (sister city), Friendship agreement (exchange or cooperation)",
            "Year of first agreement: 2000–2020, unknown years left out",
        ]
    );
    let fr = filter_summary(&ds, &f, Lang::Fr);
    assert_eq!(fr[1], "Rechercher : « seoul »");
    assert_eq!(fr[5], "Année du premier accord : 2000–2020, années inconnues exclues");
    let ko = filter_summary(&ds, &f, Lang::Ko);
    assert!(ko[0].starts_with("지자체: 서울"), "{ko:?}");
    assert!(ko.iter().all(|p| p.contains(": ")));
}

#[test]
fn one_sided_year_ranges_and_unknown_ids_still_read() {
    let ds = real_dataset();
    let from = Filters { from: Some(2010), ..Filters::default() };
    assert_eq!(filter_summary(&ds, &from, Lang::En), ["Year of first agreement: 2010–"]);
    let to = Filters { to: Some(1999), ..Filters::default() };
    assert_eq!(filter_summary(&ds, &to, Lang::En), ["Year of first agreement: –1999"]);
    let one = Filters { from: Some(2016), to: Some(2016), ..Filters::default() };
    assert_eq!(filter_summary(&ds, &one, Lang::En), ["Year of first agreement: 2016"]);
    let odd = Filters { themes: ["no-such-theme".to_string()].into(), ..Filters::default() };
    assert_eq!(filter_summary(&ds, &odd, Lang::En), ["Theme: no-such-theme"]);
}
