//! The bundled `data/partnerships.json` loads with no problem and says what the research says.

use partnership_map::domain::{load_dataset, Country};

fn real() -> partnership_map::domain::Loaded {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).expect("data file");
    load_dataset(&text)
}

#[test]
fn the_bundled_dataset_is_valid() {
    let loaded = real();
    let report: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(loaded.is_valid(), "data/partnerships.json has problems:\n{}", report.join("\n"));
}

#[test]
fn it_holds_the_twelve_flyer_pairs_and_their_twenty_four_authorities() {
    let ds = real().dataset;
    assert_eq!(ds.partnerships.len(), 12);
    assert_eq!(ds.authorities.len(), 24);
    assert_eq!(ds.authorities.iter().filter(|a| a.country == Country::France).count(), 12);
    // Six first-agreement years are known today; the other six stay unknown.
    assert_eq!(ds.partnerships.iter().filter(|p| p.year.is_none()).count(), 6);
    let mut years: Vec<i32> = ds.partnerships.iter().filter_map(|p| p.year).collect();
    years.sort();
    assert_eq!(years, [1991, 1999, 2005, 2009, 2011, 2015]);
}

#[test]
fn every_record_keeps_its_sources() {
    let ds = real().dataset;
    for p in &ds.partnerships {
        assert!(!p.sources.is_empty(), "{} has no source", p.id);
    }
    for a in &ds.authorities {
        assert!(!a.sources.is_empty(), "{} has no source", a.id);
    }
}

#[test]
fn every_authority_is_drawn_inside_its_own_country() {
    for a in &real().dataset.authorities {
        let at = a.location.unwrap_or_else(|| panic!("{} has no coordinates", a.id));
        let inside = match a.country {
            Country::France => (41.0..51.5).contains(&at.lat) && (-5.5..10.0).contains(&at.lng),
            Country::Korea => (33.0..39.0).contains(&at.lat) && (124.0..131.0).contains(&at.lng),
        };
        assert!(inside, "{} at {at:?} is outside {:?}", a.id, a.country);
    }
}

#[test]
fn the_four_ile_de_france_pairs_are_those_of_the_flyer() {
    let ds = real().dataset;
    let mut names: Vec<String> = ds
        .partnerships
        .iter()
        .filter_map(|p| ds.authority(&p.french))
        .filter(|a| a.region == "FR-IDF")
        .filter_map(|a| a.name.fr.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["Issy-les-Moulineaux", "Paris", "Saint-Mandé", "Versailles"]);
}
