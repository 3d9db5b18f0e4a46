//! A pair that cannot be drawn says why (issue 15): five default pairs had an authority with no
//! known position and were listed with no line and no word why. Since issue 17 every authority
//! of the bundled data has a position, so these tests take the eight that had none out again.

mod common;

use common::{real_dataset_without_positions, ONCE_UNPLACED};
use partnership_map::domain::Dataset;

fn real_dataset() -> Dataset {
    real_dataset_without_positions(&ONCE_UNPLACED)
}
use partnership_map::domain::describe::{not_drawn_reason, pair_sentence, unlocated_names, unlocated_note_of};
use partnership_map::domain::i18n::{count_on_map_text, Lang};
use partnership_map::domain::{visible_pairs, Filters};

/// Whether a text holds the note of an unknown position, in any language.
fn says_unlocated(text: &str) -> bool {
    ["Position inconnue", "Positions inconnues", "Position unknown", "Positions unknown", "위치 미상"].iter().any(|n| text.contains(n))
}

#[test]
fn the_authorities_without_a_position_are_exactly_why_a_pair_is_not_drawn() {
    let ds = real_dataset();
    for p in &ds.partnerships {
        let (k, f) = ds.ends(p).expect("a loaded pair's ends resolve");
        let want: Vec<&str> = [k, f].into_iter().filter(|a| a.location.is_none()).map(|a| a.id.as_str()).collect();
        let got: Vec<&str> = ds.unlocated_ends(p).into_iter().map(|a| a.id.as_str()).collect();
        assert_eq!(got, want, "{}", p.id);
        assert_eq!(ds.is_drawable(p), got.is_empty(), "{}", p.id);
    }
    // The five of the issue, among the pairs shown by default.
    let undrawn: Vec<&str> = visible_pairs(&ds, &Filters::default()).into_iter().filter(|&i| !ds.is_drawable_at(i)).map(|i| ds.partnerships[i].id.as_str()).collect();
    assert_eq!(undrawn, ["seocho-paris-15e", "yangcheon-paris-17e", "gyeonggi-ile-de-france", "goyang-pemb", "seodaemun-paris-13e"]);
    // Korean end first, as the pair is named.
    let both = ds.partnership("gyeonggi-ile-de-france").unwrap();
    assert_eq!(ds.unlocated_ends(both).iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["kr-gyeonggi", "fr-ile-de-france"]);
}

#[test]
fn the_list_note_names_them_in_the_interface_language() {
    let ds = real_dataset();
    let seocho = ds.partnership("seocho-paris-15e").unwrap();
    assert_eq!(unlocated_note_of(&ds, seocho, Lang::Fr).as_deref(), Some("Position inconnue : Seocho-gu"));
    assert_eq!(unlocated_note_of(&ds, seocho, Lang::Ko).as_deref(), Some("위치 미상: 서초구"));
    assert_eq!(unlocated_note_of(&ds, seocho, Lang::En).as_deref(), Some("Position unknown: Seocho District"));
    let both = ds.partnership("gyeonggi-ile-de-france").unwrap();
    assert_eq!(unlocated_note_of(&ds, both, Lang::Fr).as_deref(), Some("Positions inconnues : Gyeonggi, Région Île-de-France"));
    assert_eq!(unlocated_note_of(&ds, both, Lang::Ko).as_deref(), Some("위치 미상: 경기도, 일드프랑스"));
    // A French authority with no Hangul name keeps its Latin one in Korean.
    let pemb = ds.partnership("goyang-pemb").unwrap();
    assert_eq!(unlocated_names(&ds, pemb, Lang::Ko), ["Paris Est Marne & Bois"]);
    // A drawable pair has no note.
    let paris = ds.partnership("seoul-paris").unwrap();
    for lang in Lang::ALL {
        assert_eq!(unlocated_note_of(&ds, paris, lang), None);
        assert_eq!(not_drawn_reason(&ds, paris, lang), None);
        assert!(!says_unlocated(&pair_sentence(&ds, paris, lang)), "{}", pair_sentence(&ds, paris, lang));
    }
}

#[test]
fn the_describing_sentence_ends_with_the_note() {
    let ds = real_dataset();
    for p in &ds.partnerships {
        for lang in Lang::ALL {
            let sentence = pair_sentence(&ds, p, lang);
            match unlocated_note_of(&ds, p, lang) {
                Some(note) => assert!(sentence.ends_with(&format!(". {note}")), "{sentence}"),
                None => assert!(!says_unlocated(&sentence), "{sentence}"),
            }
        }
    }
    let seocho = ds.partnership("seocho-paris-15e").unwrap();
    assert!(pair_sentence(&ds, seocho, Lang::En).starts_with("Seocho District ↔ Paris 15th arrondissement, letter of intent, 2016"), "{}", pair_sentence(&ds, seocho, Lang::En));
}

#[test]
fn the_card_says_the_pair_is_not_drawn_and_why() {
    let ds = real_dataset();
    let seocho = ds.partnership("seocho-paris-15e").unwrap();
    assert_eq!(not_drawn_reason(&ds, seocho, Lang::En).as_deref(), Some("This partnership is not drawn on the map: no position is known for Seocho District."));
    assert_eq!(not_drawn_reason(&ds, seocho, Lang::Fr).as_deref(), Some("Ce partenariat n'est pas tracé sur la carte : position inconnue pour Seocho-gu."));
    assert_eq!(not_drawn_reason(&ds, seocho, Lang::Ko).as_deref(), Some("이 교류는 지도에 선으로 그려지지 않습니다: 서초구의 위치를 알 수 없습니다."));
    let both = ds.partnership("gyeonggi-ile-de-france").unwrap();
    assert_eq!(not_drawn_reason(&ds, both, Lang::En).as_deref(), Some("This partnership is not drawn on the map: no position is known for Gyeonggi Province and Île-de-France Region."));
    assert_eq!(not_drawn_reason(&ds, both, Lang::Fr).as_deref(), Some("Ce partenariat n'est pas tracé sur la carte : positions inconnues pour Gyeonggi et Région Île-de-France."));
    assert_eq!(not_drawn_reason(&ds, both, Lang::Ko).as_deref(), Some("이 교류는 지도에 선으로 그려지지 않습니다: 경기도, 일드프랑스의 위치를 알 수 없습니다."));
}

#[test]
fn the_count_says_how_many_shown_pairs_are_on_the_map() {
    let ds = real_dataset();
    let shown = visible_pairs(&ds, &Filters::default());
    let drawn = shown.iter().filter(|&&i| ds.is_drawable_at(i)).count();
    let total = ds.partnerships.len();
    assert_eq!((shown.len(), drawn, total), (28, 23, 36));
    assert_eq!(count_on_map_text(Lang::En, shown.len(), total, drawn), "28 of 36 partnerships · 23 on the map");
    assert_eq!(count_on_map_text(Lang::Fr, shown.len(), total, drawn), "28 sur 36 partenariats · 23 sur la carte");
    assert_eq!(count_on_map_text(Lang::Ko, shown.len(), total, drawn), "전체 36건 중 28건 · 지도에 23건");
}
