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

/// The 12 pairs of the 2016 country-group flyer.
const FLYER: [&str; 12] = [
    "daejeon-nice", "guro-issy", "gyeongbuk-grand-est", "gyeongju-versailles", "hongcheon-sanary", "icheon-limoges",
    "jeju-rouen", "muju-evian", "seoul-paris", "suncheon-nantes", "taebaek-megeve", "yanggu-saint-mande",
];

#[test]
fn it_holds_the_twelve_flyer_pairs_and_their_twenty_four_authorities() {
    let ds = real().dataset;
    let flyer: Vec<_> = FLYER.iter().map(|id| ds.partnership(id).unwrap_or_else(|| panic!("{id} is missing"))).collect();
    let mut authorities: Vec<&str> = flyer.iter().flat_map(|p| [p.korean.as_str(), p.french.as_str()]).collect();
    authorities.sort();
    authorities.dedup();
    assert_eq!(authorities.len(), 24);
    // Six first-agreement years are known; the other six stay unknown.
    assert_eq!(flyer.iter().filter(|p| p.year.is_none()).count(), 6);
    let mut years: Vec<i32> = flyer.iter().filter_map(|p| p.year).collect();
    years.sort();
    assert_eq!(years, [1991, 1999, 2005, 2009, 2011, 2015]);
    // Every flyer authority is on the map: the research gives their coordinates.
    for id in authorities {
        assert!(ds.authority(id).unwrap().location.is_some(), "{id} has no coordinates");
    }
}

#[test]
fn its_publisher_is_the_country_group_of_cites_unies_france_as_the_research_gives_it() {
    let ds = real().dataset;
    let p = ds.publisher.as_ref().expect("the data names its publisher");
    assert_eq!(p.name.fr.as_deref(), Some("Cités Unies France — groupe-pays Corée du Sud"));
    // The group's page (partnership-facts.md, source key cuf-groupe), cited as its source.
    let page = "https://cites-unies-france.org/spip.php?page=pays_page&id_article=3873&id_rubrique=268";
    assert_eq!(p.url.as_deref(), Some(page));
    assert!(p.sources.iter().any(|s| s.url.as_deref() == Some(page)));
    // No e-mail address is in the research: none is made up.
    assert_eq!(p.email, None);
    // The data's date, shown in the About panel: the file's own.
    assert_eq!(ds.data_date().map(|d| d.to_string()).as_deref(), Some("2026-11-28"));
}

#[test]
fn it_holds_the_whole_known_dataset_with_statuses() {
    use partnership_map::domain::Status;
    let ds = real().dataset;
    // 12 flyer pairs + 24 more links of the research (16 with a signed document).
    assert_eq!(ds.partnerships.len(), 36);
    let count = |s: Status| ds.partnerships.iter().filter(|p| p.status == s).count();
    assert_eq!(count(Status::Signed) + count(Status::Listed), 28);
    assert_eq!(count(Status::Exchange) + count(Status::Planned), 8);
    // Authorities with several partners are one authority with several links.
    let links = |id: &str| ds.partnerships.iter().filter(|p| p.korean == id || p.french == id).count();
    assert_eq!(links("kr-daejeon"), 2);
    assert_eq!(links("fr-limoges"), 2);
    assert_eq!(links("kr-bucheon"), 2);
    assert!(ds.events.len() >= 56, "{} events", ds.events.len());
    assert!(ds.tiers.iter().any(|t| t.country == Country::France) && ds.tiers.iter().any(|t| t.country == Country::Korea));
    // Every authority is tagged with its tier.
    for a in &ds.authorities {
        assert!(ds.tier_of(a).is_some() || a.kind.is_none(), "{} has no tier", a.id);
    }
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
fn every_located_authority_is_drawn_inside_its_own_country() {
    for a in &real().dataset.authorities {
        let Some(at) = a.location else { continue };
        let inside = match a.country {
            Country::France => (41.0..51.5).contains(&at.lat) && (-5.5..10.0).contains(&at.lng),
            Country::Korea => (33.0..39.0).contains(&at.lat) && (124.0..131.0).contains(&at.lng),
        };
        assert!(inside, "{} at {at:?} is outside {:?}", a.id, a.country);
    }
}

#[test]
fn the_flyer_s_four_ile_de_france_pairs_are_paris_issy_versailles_saint_mande() {
    let ds = real().dataset;
    let mut names: Vec<String> = FLYER
        .iter()
        .filter_map(|id| ds.partnership(id))
        .filter_map(|p| ds.authority(&p.french))
        .filter(|a| a.region == "FR-IDF")
        .filter_map(|a| a.name.fr.clone())
        .collect();
    names.sort();
    assert_eq!(names, ["Issy-les-Moulineaux", "Paris", "Saint-Mandé", "Versailles"]);
}

#[test]
fn every_partnership_is_drawn() {
    // Issue 17: every authority has a position by the rule of its kind (data/README.md,
    // "Coordinates"), so every pair of the file is a line on the map.
    let ds = real().dataset;
    let unplaced: Vec<&str> = ds.authorities.iter().filter(|a| a.location.is_none()).map(|a| a.id.as_str()).collect();
    assert_eq!(unplaced, Vec::<&str>::new());
    let drawn = ds.partnerships.iter().filter(|p| ds.is_drawable(p)).count();
    assert_eq!((drawn, ds.partnerships.len()), (36, 36));
}

#[test]
fn statuses_and_years_are_no_stronger_than_their_sources() {
    use partnership_map::domain::Status;
    let ds = real().dataset;
    // Muju–Évian is known only from a partner-town list: no source reports a signed document.
    let muju = ds.partnership("muju-evian").unwrap();
    assert!(muju.status != Status::Signed || muju.is_uncertain("status"), "{:?}", muju.status);
    // Bucheon–Angoulême's 1999 meeting was a verbal agreement (합의), not a signed document: a
    // milestone, not the pair's year.
    let bucheon = ds.partnership("bucheon-angouleme").unwrap();
    assert_ne!(bucheon.year, Some(1999));
    assert!(bucheon.milestones.iter().any(|m| m.date.year == 1999), "the 1999 meeting is kept as a milestone");
}
