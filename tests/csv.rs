//! CSV export and import (`partnership_map::domain::csv_io`): lossless round trips on the real
//! data, the test builder and synthetic data; every malformed file of `tests/fixtures/csv_*.csv`
//! reported with its exact located messages; and no panic on any input.

mod common;

use common::*;
use partnership_map::domain::csv_io::{columns, export_csv, import_csv, COLUMN_COUNT, REQUIRED_COLUMNS};
use partnership_map::domain::synth::synth;
use partnership_map::domain::{load_dataset, Dataset, Loaded};
use serde_json::json;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn real() -> Dataset {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).expect("data file");
    let loaded = load_dataset(&text);
    assert!(loaded.is_valid(), "data/partnerships.json has problems:\n{}", list(&loaded.problems));
    loaded.dataset
}

/// The test builder's document: the base of every fixture.
fn builder() -> Dataset {
    load_valid(&valid_document()).dataset
}

fn all(ds: &Dataset) -> Vec<usize> {
    (0..ds.partnerships.len()).collect()
}

fn messages(l: &Loaded) -> Vec<String> {
    l.problems.iter().map(|p| p.to_string()).collect()
}

fn ids(l: &Loaded) -> Vec<&str> {
    l.dataset.partnerships.iter().map(|p| p.id.as_str()).collect()
}

/// Export, import, export again: the same bytes; and the partnerships and authorities of the
/// exported pairs come back equal, with the base's vocabularies.
#[track_caller]
fn assert_round_trip(ds: &Dataset, pairs: &[usize]) -> Loaded {
    let first = export_csv(ds, pairs);
    let imported = import_csv(first.as_bytes(), ds);
    assert!(imported.is_valid(), "import of the export has problems:\n{}", list(&imported.problems));
    let back = &imported.dataset;
    let again = export_csv(back, &all(back));
    assert!(first == again, "export → import → export changed the bytes");

    assert_eq!(back.partnerships.len(), pairs.len());
    for (p, &i) in back.partnerships.iter().zip(pairs) {
        assert_eq!(p, &ds.partnerships[i]);
        for id in [&p.korean, &p.french] {
            assert_eq!(back.authority(id), ds.authority(id), "authority {id}");
        }
    }
    let used = pairs.iter().flat_map(|&i| [&ds.partnerships[i].korean, &ds.partnerships[i].french]);
    assert_eq!(back.authorities.len(), used.collect::<std::collections::BTreeSet<_>>().len());
    assert_eq!((&back.themes, &back.agreement_kinds, &back.authority_kinds), (&ds.themes, &ds.agreement_kinds, &ds.authority_kinds));
    assert_eq!((&back.tiers, &back.regions, back.data_as_of), (&ds.tiers, &ds.regions, ds.data_as_of));
    imported
}

// ---------------------------------------------------------------------------------------------
// Round trips

#[test]
fn the_real_data_survives_a_round_trip() {
    let ds = real();
    let back = assert_round_trip(&ds, &all(&ds));
    // Every pair is in the file, so every event is kept.
    assert_eq!(back.dataset.events, ds.events);
}

#[test]
fn the_test_builder_survives_a_round_trip_whole_and_in_part() {
    let ds = builder();
    assert_round_trip(&ds, &all(&ds));
    assert_round_trip(&ds, &[2, 0]);
    assert_round_trip(&ds, &[1]);
    assert_round_trip(&ds, &[]);
}

#[test]
fn synthetic_data_survives_a_round_trip() {
    let ds = synth(&builder(), 300, 7);
    assert_round_trip(&ds, &all(&ds));
}

#[test]
fn awkward_values_survive_a_round_trip() {
    let mut doc = valid_document();
    let pair = &mut doc["partnerships"][0];
    pair["term"] = json!("Accord \"d'amitié\", de coopération;\nsigné à Paris");
    pair["summary"] = json!({ "fr": "Virgules, \"guillemets\"\net retours à la ligne", "ko": "서울·파리, 우호협력", "en": null });
    pair["sources"] = json!([
        { "title": "Title | with a bar", "url": null },
        { "title": "Ends with a bar |", "url": null },
        { "title": "A | B", "url": "https://example.org/a|b?x=1,2" },
        { "title": "Plain", "url": null },
    ]);
    pair["milestones"][0]["label"] = json!({ "fr": "Virgule, \"citation\"", "ko": "25주년", "en": "25th, \"anniversary\"" });
    let paris = &mut doc["authorities"][0];
    paris["location"] = json!({ "lat": 48.856_613, "lng": -0.000_1 });
    paris["notes"] = json!({ "fr": "=1+1", "ko": null, "en": "Leading ' quote" });
    paris["last_verified"] = json!("2026-11");
    doc["partnerships"][1]["last_verified"] = json!("2026-11-28");
    doc["partnerships"][1]["uncertain"] = json!(["year", "themes"]);
    let ds = load_valid(&doc).dataset;
    assert_round_trip(&ds, &all(&ds));
}

#[test]
fn wordings_with_their_languages_survive_a_round_trip() {
    let mut doc = valid_document();
    let pair = &mut doc["partnerships"][0];
    pair["term"] = json!(null);
    pair["wording"] = json!([
        { "text": "우호협력 협정", "lang": "ko", "gloss": { "en": "friendship and cooperation agreement" } },
        { "text": "accord d'amitié, \"de coopération\"", "lang": "fr", "role": "french-side", "year": 1991 },
    ]);
    let ds = load_valid(&doc).dataset;
    assert_eq!(ds.partnerships[0].wording.len(), 2);
    let back = assert_round_trip(&ds, &all(&ds));
    assert_eq!(back.dataset.partnerships[0].wording, ds.partnerships[0].wording);

    // A cell that is not a list of wordings is reported in its column.
    let csv = export_csv(&ds, &[0]).replacen("[{\"\"text\"\"", "{\"\"text\"\"", 1);
    let l = import_csv(csv.as_bytes(), &ds);
    assert!(messages(&l).iter().any(|m| m.starts_with("row 2, column \"wording\": ")), "{:?}", messages(&l));
}

#[test]
fn events_are_kept_when_all_their_partnerships_are_in_the_file() {
    let mut doc = valid_document();
    doc["events"] = json!([
        { "id": "treaty", "date": "1886-06-04", "label": { "en": "Treaty" } },
        { "id": "signing", "date": "1991-11-05", "label": { "en": "Signing" }, "partnerships": ["seoul-paris"] },
        { "id": "both", "date": "2005", "label": { "en": "Both" }, "partnerships": ["seoul-paris", "gyeongju-nice"] },
    ]);
    let ds = load_valid(&doc).dataset;
    let event_ids = |l: &Loaded| l.dataset.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    assert_eq!(event_ids(&assert_round_trip(&ds, &[0])), ["treaty", "signing"]);
    assert_eq!(event_ids(&assert_round_trip(&ds, &[1, 0])), ["treaty", "signing", "both"]);
    assert_eq!(event_ids(&assert_round_trip(&ds, &[2])), ["treaty"]);

    // An event whose partnership is in the file but invalid says so on that partnership's row.
    let csv = export_csv(&ds, &[0]).replace(",friendship,", ",friendly,");
    let l = import_csv(csv.as_bytes(), &ds);
    assert_eq!(
        messages(&l),
        [
            "row 2, column \"id\": the base file's event \"signing\" concerns this partnership, which is invalid: the event is left out",
            "row 2, column \"kind\": unknown agreement kind \"friendly\"",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The file format

#[test]
fn the_export_starts_with_a_bom_and_the_header() {
    let text = export_csv(&builder(), &[0]);
    let header = text.strip_prefix('\u{feff}').expect("a byte-order mark").lines().next().unwrap();
    assert_eq!(header.split(',').count(), COLUMN_COUNT);
    assert_eq!(header.split(',').map(str::to_string).collect::<Vec<_>>(), columns());
    assert!(header.starts_with("id,status,kind,term,year,date,themes,summary_fr,summary_ko,summary_en,milestones,uncertain,last_verified,sources,wording,kr_id,kr_name_fr,"));
}

#[test]
fn cells_follow_the_conventions() {
    let text = export_csv(&builder(), &[0]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(cell("themes"), "culture; economy");
    assert_eq!(cell("summary_fr"), "");
    assert_eq!(cell("summary_en"), "Culture and economy.");
    assert_eq!(cell("sources"), "Ville de Paris | https://www.paris.fr/pages/villes-partenaires\n2016 flyer");
    assert_eq!(
        cell("milestones"),
        r#"[{"date":"1992","label":{"fr":null,"ko":null,"en":"First exchange"},"uncertain":true,"sources":[{"title":"Flyer","url":null}]},{"date":"2016-05","label":{"fr":null,"ko":null,"en":"25th anniversary"},"uncertain":false,"sources":[]}]"#
    );
    assert_eq!((cell("kr_lat"), cell("kr_lng"), cell("fr_lng")), ("37.5665".into(), "126.978".into(), "2.3522".into()));
    assert_eq!((cell("fr_population"), cell("fr_population_year")), ("2113705".into(), "2021".into()));
    assert_eq!((cell("kr_population"), cell("kr_website")), ("".into(), "".into()));
    assert_eq!(cell("fr_uncertain"), "population");
}

#[test]
fn the_committed_good_fixture_is_the_builder_export() {
    let ds = builder();
    assert_eq!(String::from_utf8(fixture("csv_good.csv")).unwrap(), export_csv(&ds, &all(&ds)));
    // And the JSON base of the command-line tests is the builder's document.
    let base = load_dataset(&String::from_utf8(fixture("base.json")).unwrap());
    assert!(base.is_valid());
    assert_eq!(base.dataset, ds);
}

#[test]
fn a_file_without_bom_with_crlf_line_ends_reads_the_same() {
    let ds = builder();
    let text = export_csv(&ds, &all(&ds));
    let windows = text.trim_start_matches('\u{feff}').replace('\n', "\r\n");
    let l = import_csv(windows.as_bytes(), &ds);
    assert!(l.is_valid(), "{}", list(&l.problems));
    assert_eq!(l.dataset.partnerships, ds.partnerships);
}

#[test]
fn columns_may_come_in_any_order_and_optional_ones_may_be_missing() {
    let ds = builder();
    let csv = "fr_region,fr_name_fr,fr_id,kr_region,kr_name_fr,kr_id,status,id,year\n\
               FR-PAC,Nice,fr-nice,KR-47,Gyeongju,kr-gyeongju,signed,gyeongju-nice,2005\n";
    let l = import_csv(csv.as_bytes(), &ds);
    assert!(l.is_valid(), "{}", list(&l.problems));
    let p = &l.dataset.partnerships[0];
    assert_eq!((p.id.as_str(), p.korean.as_str(), p.french.as_str(), p.year), ("gyeongju-nice", "kr-gyeongju", "fr-nice", Some(2005)));
    assert_eq!(p.kind, None);
    assert!(p.themes.is_empty() && p.sources.is_empty());
    let nice = l.dataset.authority("fr-nice").unwrap();
    assert_eq!((nice.location, nice.kind.as_deref()), (None, None));
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
    // Row 2 holds a cell of two lines; a blank line is row 3; the bad row is row 4.
    let ds = builder();
    let text = export_csv(&ds, &[0, 1]);
    let (head, last) = text.trim_end().rsplit_once('\n').unwrap();
    let text = format!("{head}\n\n{}\n", last.replacen(",2005,", ",2005a,", 1));
    let l = import_csv(text.as_bytes(), &ds);
    assert_eq!(messages(&l), ["row 4, column \"year\": \"2005a\" is not a number"]);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(messages(&import_csv(crlf.as_bytes(), &ds)), ["row 4, column \"year\": \"2005a\" is not a number"]);
    let three_blank = text.replacen("\n\n", "\n\n\n\n", 1);
    assert_eq!(messages(&import_csv(three_blank.as_bytes(), &ds)), ["row 6, column \"year\": \"2005a\" is not a number"]);
}

#[test]
fn rows_of_empty_cells_are_skipped() {
    let ds = builder();
    let mut text = export_csv(&ds, &all(&ds));
    text.push_str(&",".repeat(COLUMN_COUNT - 1));
    text.push('\n');
    text.push_str(&" ,".repeat(3));
    text.push('\n');
    let l = import_csv(text.as_bytes(), &ds);
    assert!(l.is_valid(), "{}", list(&l.problems));
    assert_eq!(l.dataset.partnerships.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// Malformed files: exact located messages

#[track_caller]
fn assert_fixture(name: &str, expected: &[&str], loaded_pairs: &[&str]) -> Loaded {
    let l = import_csv(&fixture(name), &builder());
    assert_eq!(messages(&l), expected, "{name}");
    assert_eq!(ids(&l), loaded_pairs, "{name}: the valid rest");
    l
}

#[test]
fn wrong_types_are_reported_by_row_and_column() {
    assert_fixture(
        "csv_wrong_types.csv",
        &[
            "row 2, column \"year\": \"1991.5\" is not a whole number",
            "row 3, column \"kr_lat\": \"north\" is not a number",
            "row 4, column \"fr_lat\": \"43,2965\" is not a number: use a decimal point, not a comma",
            "row 4, column \"fr_lng\": \"5,3698\" is not a number: use a decimal point, not a comma",
            "row 5, column \"milestones\": not a JSON list of milestones: EOF while parsing an object at line 1 column 45",
        ],
        &[],
    );
}

#[test]
fn unknown_ids_are_reported_by_row_and_column() {
    assert_fixture(
        "csv_unknown_ids.csv",
        &[
            "row 2, column \"kind\": unknown agreement kind \"twining\"",
            "row 3, column \"themes\": unknown theme \"cooking\"",
            "row 3, column \"kr_id\": authority \"kr-gyeongju\" is invalid (see row 3)",
            "row 3, column \"kr_kind\": unknown authority kind \"village\"",
            "row 4, column \"fr_id\": authority \"fr-marseille\" is invalid (see row 4)",
            "row 4, column \"fr_region\": unknown region \"FR-XYZ\"",
        ],
        &[],
    );
}

#[test]
fn a_duplicate_partnership_id_names_the_first_row() {
    assert_fixture(
        "csv_duplicate_ids.csv",
        &["row 4, column \"id\": duplicate id \"seoul-paris\": already used by row 2; only the first is kept"],
        &["seoul-paris", "gyeongju-nice"],
    );
}

#[test]
fn bad_coordinates_are_reported_on_their_column() {
    assert_fixture(
        "csv_bad_coordinates.csv",
        &[
            "row 2, column \"kr_id\": authority \"kr-seoul\" is invalid (see row 2)",
            "row 2, column \"kr_lat\": latitude 137.5 is outside -90..90",
            "row 3, column \"fr_id\": authority \"fr-nice\" is invalid (see row 3)",
            "row 3, column \"fr_lng\": longitude 200 is outside -180..180",
            "row 4, column \"fr_lng\": empty, but fr_lat is given: give both or neither",
        ],
        &[],
    );
}

#[test]
fn bad_years_are_reported_on_their_column() {
    assert_fixture(
        "csv_bad_years.csv",
        &[
            "row 2, column \"year\": year 1700 is outside 1800..2100",
            "row 2, column \"date\": date 1991-11-05 does not fall in year 1700",
            "row 3, column \"date\": \"2005-02-30\": day 30 does not exist in that month",
            "row 4, column \"year\": must be null for status \"exchange\" (nothing signed): put dates in milestones",
        ],
        &[],
    );
}

#[test]
fn broken_quoting_names_the_row_where_it_starts() {
    // The unclosed quote of row 3 swallows the rest of the file; row 2 still loads.
    assert_fixture("csv_broken_quoting.csv", &["row 3: 4 fields instead of 48 — check the quotes"], &["seoul-paris"]);
}

#[test]
fn latin_1_rows_are_refused_and_the_others_load() {
    // Saved by a spreadsheet as Windows-1252: "Séoul" is not UTF-8, Hangul became "??".
    let l = assert_fixture(
        "csv_latin1.csv",
        &["row 2: not valid UTF-8 — save the file as UTF-8", "row 4: not valid UTF-8 — save the file as UTF-8"],
        &["gyeongju-nice"],
    );
    assert_eq!(l.dataset.authority("kr-gyeongju").unwrap().name.ko.as_deref(), Some("??"));
}

#[test]
fn an_inconsistent_repeated_authority_names_both_rows_and_the_column() {
    assert_fixture(
        "csv_inconsistent_authority.csv",
        &[
            "row 4, column \"kr_name_ko\": \"서울특별시\" differs from row 2 (\"서울\") for authority \"kr-seoul\": repeat an authority identically in every row (this row is left out)",
            "row 4, column \"kr_lat\": \"37.56\" differs from row 2 (\"37.5665\") for authority \"kr-seoul\": repeat an authority identically in every row (this row is left out)",
        ],
        &["seoul-paris", "gyeongju-nice"],
    );
}

#[test]
fn with_one_good_and_one_bad_row_the_good_row_loads() {
    let l = assert_fixture(
        "csv_one_good_one_bad.csv",
        &[
            "row 3, column \"kr_id\": authority \"kr-seoul\" is invalid (see row 3)",
            "row 3, column \"kr_region\": unknown region \"KR-99\"",
        ],
        &["gyeongju-nice"],
    );
    let ds = builder();
    assert_eq!(l.dataset.partnerships[0], *ds.partnership("gyeongju-nice").unwrap());
    assert_eq!(l.dataset.authority("fr-nice"), ds.authority("fr-nice"));
    assert_eq!(l.dataset.authority("kr-gyeongju"), ds.authority("kr-gyeongju"));
}

#[test]
fn header_problems_are_reported_on_row_1() {
    let ds = builder();
    let good = export_csv(&ds, &all(&ds));
    let l = import_csv(good.replacen("kr_notes_fr", "kr_remarks", 1).replacen(",term,", ",,", 1).as_bytes(), &ds);
    assert_eq!(
        messages(&l),
        ["row 1, column 4: the column has no name", "row 1, column \"kr_remarks\": unknown column: the columns are those that export-csv writes (id, status, kind, …, kr_id, kr_name_fr, …, fr_id, …)"]
    );
    // The rest still loads, without the two columns.
    assert_eq!(l.dataset.partnerships.len(), 3);
    assert_eq!(l.dataset.partnerships[0].term, None);

    let l = import_csv(good.replacen("fr_region", "year", 1).as_bytes(), &ds);
    assert_eq!(
        messages(&l),
        ["row 1, column \"year\": the column appears twice (columns 5 and 39): only the first is read", "row 1: missing column \"fr_region\""]
    );
    assert!(l.dataset.partnerships.is_empty());
    // The vocabularies are still the base's, so the app could show an empty map.
    assert_eq!(l.dataset.themes, ds.themes);
}

#[test]
fn every_required_column_is_checked() {
    for required in REQUIRED_COLUMNS {
        let header: Vec<String> = columns().into_iter().filter(|c| c != required).collect();
        let l = import_csv(header.join(",").as_bytes(), &builder());
        assert_eq!(messages(&l), [format!("row 1: missing column \"{required}\"")]);
    }
}

#[test]
fn empty_files_and_header_only_files() {
    let ds = builder();
    for empty in [&b""[..], b"\xEF\xBB\xBF", b"\n\n"] {
        let l = import_csv(empty, &ds);
        assert_eq!(messages(&l), ["row 1: the file is empty: expected a header row with the column names (as export-csv writes them)"]);
    }
    let l = import_csv(export_csv(&ds, &[]).as_bytes(), &ds);
    assert!(l.is_valid() && l.dataset.partnerships.is_empty());
}

#[test]
fn problems_inside_structured_cells_name_the_item() {
    let ds = builder();
    let text = export_csv(&ds, &[0])
        .replace("2016 flyer", "2016 flyer | ftp://example.org")
        .replace(r#"""date"":""2016-05"""#, r#"""date"":""2016-13"""#);
    let l = import_csv(text.as_bytes(), &ds);
    assert_eq!(
        messages(&l),
        [
            "row 2, column \"milestones\": [1].date: \"2016-13\": month 13 does not exist",
            "row 2, column \"sources\": source 2: \"ftp://example.org\" is not an http(s) link",
        ]
    );
}

#[test]
fn an_authority_on_the_wrong_side_is_reported() {
    let ds = builder();
    let text = export_csv(&ds, &[0, 2]);
    // Row 3 writes Paris in the Korean columns (the file's last line).
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    let last = lines.len() - 1;
    lines[last] = lines[last].replacen("kr-seoul,Séoul,서울,,special-city,KR-11", "fr-paris,Séoul,서울,,special-city,KR-11", 1);
    let l = import_csv(lines.concat().as_bytes(), &ds);
    assert_eq!(messages(&l), ["row 3, column \"kr_id\": \"fr-paris\" is the French authority of row 2: an authority keeps its side"]);
    assert_eq!(ids(&l), ["seoul-paris"]);
}

#[test]
fn a_missing_authority_id_is_reported() {
    let ds = builder();
    let text = export_csv(&ds, &[1]).replacen("kr-gyeongju,", ",", 1);
    let l = import_csv(text.as_bytes(), &ds);
    assert_eq!(messages(&l), ["row 2, column \"kr_id\": empty: every row needs its Korean authority's id"]);
}

// ---------------------------------------------------------------------------------------------
// Robustness

#[test]
fn no_input_makes_the_import_panic() {
    let ds = builder();
    let good = export_csv(&ds, &all(&ds)).into_bytes();
    let mut rng = Rng::new(2026);
    let alphabet: &[u8] = b",\"\n\r;|[]{}: -.0123456789abcxyz\xEF\xBB\xBF\xE9\xFF\x00";
    for case in 0..400 {
        let bytes: Vec<u8> = if case % 4 == 0 {
            (0..rng.below(300)).map(|_| alphabet[rng.below(alphabet.len())]).collect()
        } else {
            let mut b = good.clone();
            for _ in 0..1 + rng.below(6) {
                let at = rng.below(b.len());
                match rng.below(3) {
                    0 => b[at] = alphabet[rng.below(alphabet.len())],
                    1 => {
                        b.remove(at);
                    }
                    _ => b.insert(at, alphabet[rng.below(alphabet.len())]),
                }
            }
            b
        };
        let l = import_csv(&bytes, &ds);
        for p in &l.problems {
            assert!(p.path.starts_with("row "), "case {case}: unlocated problem {p}");
            assert_eq!(p.position, None);
        }
        // Whatever loaded is valid: it exports and reads back without a problem.
        let again = import_csv(export_csv(&l.dataset, &all(&l.dataset)).as_bytes(), &ds);
        assert!(again.is_valid(), "case {case}:\n{}", list(&again.problems));
    }
}

#[test]
fn hostile_cells_do_not_flood_the_messages() {
    let ds = builder();
    let long = "x".repeat(100_000);
    let text = export_csv(&ds, &[1]).replacen(",2005,", &format!(",{long},"), 1);
    let l = import_csv(text.as_bytes(), &ds);
    assert_eq!(l.problems.len(), 1);
    assert!(l.problems[0].message.chars().count() < 200, "{}", l.problems[0].message);
}

/// The export of one pair of the builder with one cell changed.
fn with_cell(pair: usize, column: &str, value: &str) -> Vec<u8> {
    let text = export_csv(&builder(), &[pair]);
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().clone();
    let mut row: Vec<String> = r.records().next().unwrap().unwrap().iter().map(str::to_string).collect();
    row[header.iter().position(|h| h == column).unwrap()] = value.into();
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(&header).unwrap();
    w.write_record(&row).unwrap();
    w.into_inner().unwrap()
}

#[test]
fn numbers_are_checked_with_a_useful_message() {
    for (column, value, message) in [
        ("year", "99999999999", "\"99999999999\" is out of range"),
        ("year", "1e3", "\"1e3\" must be written with digits only"),
        ("year", " 1991 ", ""),
        ("fr_population", "-5", "\"-5\" is out of range"),
        ("fr_population", "", "empty, but fr_population_year is given: give both or neither"),
        ("kr_lng", "NaN", "\"NaN\" is not a number"),
        ("kr_lat", "inf", "\"inf\" is not a number"),
        ("kr_lat", "", "empty, but kr_lng is given: give both or neither"),
    ] {
        let l = import_csv(&with_cell(0, column, value), &builder());
        let expected: Vec<String> = if message.is_empty() {
            vec![]
        } else {
            let at = if value.is_empty() { if column == "kr_lat" { "kr_lat" } else { "fr_population" } } else { column };
            vec![format!("row 2, column \"{at}\": {message}")]
        };
        assert_eq!(messages(&l), expected, "{column} = {value:?}");
    }
}

#[test]
fn the_document_built_from_a_csv_is_what_load_dataset_reads() {
    // The import goes through the same loader: a CSV value the JSON would refuse is refused.
    let mut doc = valid_document();
    doc["partnerships"][1]["uncertain"] = json!(["colour"]);
    let json_problems: Vec<String> = load(&doc).problems.iter().map(|p| p.message.clone()).collect();
    let l = import_csv(&with_cell(1, "uncertain", "colour"), &builder());
    let csv_problems: Vec<String> = l.problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(csv_problems, json_problems);
    assert_eq!(l.problems[0].path, "row 2, column \"uncertain\"");
}

// ---------------------------------------------------------------------------------------------
// Formula injection (issue 18, item 4): a text cell a spreadsheet would run as a formula is
// written as text, `'` in front and in quotes; the numbers the exporter writes stay numbers.

/// The published data with the French name of pair 0's Korean authority set to `name`.
fn real_with_name(name: &str) -> Dataset {
    let mut doc: serde_json::Value = serde_json::from_str(&real_text()).unwrap();
    let id = real().partnerships[0].korean.clone();
    let a = doc["authorities"].as_array_mut().unwrap().iter_mut().find(|a| a["id"] == id.as_str()).unwrap();
    a["name"]["fr"] = json!(name);
    load_valid(&doc).dataset
}

/// The raw text of pair 0's `kr_name_fr` cell as written in the file (quotes included), and the
/// cell as a CSV reader reads it.
fn name_cell(ds: &Dataset) -> (String, String) {
    let text = export_csv(ds, &[0]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let column = reader.headers().unwrap().iter().position(|h| h == "kr_name_fr").unwrap();
    let read = reader.records().next().unwrap().unwrap()[column].to_string();
    let written = format!("\"{}\"", read.replace('"', "\"\""));
    assert!(text.contains(&written), "the cell {read:?} is not written in quotes");
    (written, read)
}

#[track_caller]
fn assert_neutralised(name: &str) {
    let ds = real_with_name(name);
    let (_, read) = name_cell(&ds);
    assert_eq!(read, format!("'{name}"), "the name {name:?} must be written as text");
    // And it reads back as it was.
    let back = import_csv(export_csv(&ds, &all(&ds)).as_bytes(), &ds);
    let id = &ds.partnerships[0].korean;
    assert_eq!(back.dataset.authority(id).unwrap().name.fr.as_deref(), Some(name));
}

#[test]
fn csv_formula_injection_a_hyperlink_formula_is_written_as_text() {
    assert_neutralised("=HYPERLINK(\"http://evil.example/\",\"Paris\")");
}

#[test]
fn csv_formula_injection_a_leading_plus_is_written_as_text() {
    assert_neutralised("+1");
}

#[test]
fn csv_formula_injection_a_leading_minus_is_written_as_text() {
    assert_neutralised("-1+2");
}

#[test]
fn csv_formula_injection_a_leading_at_is_written_as_text() {
    assert_neutralised("@SUM(A1)");
}

#[test]
fn csv_formula_injection_a_leading_tab_is_written_as_text() {
    assert_neutralised("\tx");
}

#[test]
fn csv_formula_injection_a_leading_carriage_return_is_written_as_text() {
    assert_neutralised("\rx");
}

#[test]
fn csv_formula_injection_other_text_cells_are_guarded_too() {
    let mut doc: serde_json::Value = serde_json::from_str(&real_text()).unwrap();
    doc["partnerships"][0]["summary"] = json!({ "fr": null, "ko": null, "en": "=1+1" });
    doc["partnerships"][0]["sources"][0]["title"] = json!("@cmd");
    let id = doc["partnerships"][0]["id"].as_str().unwrap().to_string();
    let ds = load_valid(&doc).dataset;
    let pair = ds.partnerships.iter().position(|p| p.id == id).unwrap();
    let text = export_csv(&ds, &[pair]);
    assert!(text.contains(",\"'=1+1\","), "summary_en not guarded");
    assert!(text.contains(",\"'@cmd\n"), "sources not guarded");
    assert_round_trip(&ds, &all(&ds));
}

#[test]
fn csv_formula_injection_numbers_stay_numbers() {
    let ds = real();
    let west = (0..ds.partnerships.len())
        .find(|&i| ds.authority(&ds.partnerships[i].french).and_then(|a| a.location).is_some_and(|l| l.lng < 0.0))
        .expect("a French authority west of Greenwich");
    let text = export_csv(&ds, &[west]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let column = reader.headers().unwrap().iter().position(|h| h == "fr_lng").unwrap();
    let lng = reader.records().next().unwrap().unwrap()[column].to_string();
    assert!(lng.starts_with('-') && lng.parse::<f64>().is_ok(), "fr_lng {lng:?} is not a plain negative number");
    assert!(!text.contains("'-"), "a number was guarded");
}

#[test]
fn csv_formula_injection_export_then_import_changes_nothing() {
    // Every guarded start, and texts that already start with `'`, with or without a formula.
    let mut doc: serde_json::Value = serde_json::from_str(&real_text()).unwrap();
    let names = ["=1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''+x", "'plain", "it's"];
    for (a, name) in doc["authorities"].as_array_mut().unwrap().iter_mut().zip(names) {
        a["name"]["fr"] = json!(name);
    }
    let ds = load_valid(&doc).dataset;
    assert_round_trip(&ds, &all(&ds));
}
