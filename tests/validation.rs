//! Loading and validation of a data file (`partnership_map::domain::load_dataset`).
//!
//! Every test starts from one small valid document, breaks one thing, and checks that the
//! problem is reported at the right place with a useful message and that the rest still loads.

mod common;

use common::*;
use partnership_map::domain::{load_bytes, load_dataset, Country, Loaded};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------------
// Helpers

fn partnership_ids(l: &Loaded) -> Vec<&str> {
    l.dataset.partnerships.iter().map(|p| p.id.as_str()).collect()
}

fn authority_ids(l: &Loaded) -> Vec<&str> {
    l.dataset.authorities.iter().map(|a| a.id.as_str()).collect()
}

/// Asserts that `l` has exactly one problem, at `path`, whose message contains `fragment`.
#[track_caller]
fn assert_only_problem(l: &Loaded, path: &str, fragment: &str) {
    assert_eq!(l.problems.len(), 1, "expected exactly one problem at {path}, got:\n{}", list(&l.problems));
    assert_problem(l, path, fragment);
}

/// Asserts that `l` has a problem at `path` whose message contains `fragment`.
#[track_caller]
fn assert_problem(l: &Loaded, path: &str, fragment: &str) {
    assert!(
        l.problems.iter().any(|p| p.path == path && p.message.contains(fragment)),
        "expected a problem at {path} containing {fragment:?}, got:\n{}",
        list(&l.problems)
    );
}

/// The valid document with one change.
fn valid_with(change: impl FnOnce(&mut Value)) -> Value {
    let mut doc = valid_document();
    change(&mut doc);
    doc
}

fn push(list: &mut Value, item: Value) {
    list.as_array_mut().expect("a list").push(item);
}

fn remove(record: &mut Value, key: &str) {
    record.as_object_mut().expect("an object").remove(key);
}

const ALL_PAIRS: [&str; 3] = ["seoul-paris", "gyeongju-nice", "seoul-marseille"];

// ---------------------------------------------------------------------------------------------
// The valid document

#[test]
fn the_valid_document_loads_without_problems_and_resolves_every_id() {
    let l = load_valid(&valid_document());
    assert!(l.is_valid());
    let ds = &l.dataset;
    assert_eq!(ds.schema_version, 2);
    assert_eq!(ds.data_as_of.map(|d| d.to_string()).as_deref(), Some("2026-11-28"));
    assert_eq!(ds.themes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["culture", "economy"]);
    assert_eq!(
        ds.agreement_kinds.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["twinning", "friendship", "cooperation", "letter-of-intent"]
    );
    assert_eq!(ds.authority_kinds.len(), 4);
    assert_eq!(ds.regions.len(), 4);
    assert_eq!(authority_ids(&l), ["fr-paris", "fr-nice", "fr-marseille", "kr-seoul", "kr-gyeongju", "kr-andong"]);
    assert_eq!(partnership_ids(&l), ALL_PAIRS);

    let p = ds.partnership("seoul-paris").unwrap();
    assert_eq!((p.korean.as_str(), p.french.as_str()), ("kr-seoul", "fr-paris"));
    assert_eq!(p.year, Some(1991));
    assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("1991-11-05"));
    let (k, f) = ds.ends(p).unwrap();
    assert_eq!((k.country, f.country), (Country::Korea, Country::France));
    assert_eq!(f.location.map(|l| (l.lat, l.lng)), Some((48.8566, 2.3522)));
    assert_eq!(f.population.map(|p| p.value), Some(2_113_705));
    assert_eq!(p.sources.len(), 2);
    assert_eq!(p.sources[1].url, None, "a source without a link keeps a null url");
    assert!(p.is_uncertain("date") && !p.is_uncertain("year"));
    assert_eq!(ds.partnership("seoul-marseille").unwrap().year, None, "a null year stays unknown");
    assert_eq!(ds.authority("fr-marseille").unwrap().location, None, "a null location stays unknown");
}

#[test]
fn milestones_are_listed_in_date_order_whatever_the_file_order() {
    let l = load_valid(&valid_document());
    let p = l.dataset.partnership("seoul-paris").unwrap();
    let dates: Vec<String> = p.milestones.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["1992", "2016-05"]);
    assert!(p.milestones[0].uncertain);
}

#[test]
fn empty_texts_in_labels_count_as_missing() {
    let doc = valid_with(|d| d["authorities"][0]["name"] = json!({ "fr": "Paris", "ko": "  ", "en": "" }));
    let l = load_valid(&doc);
    let name = &l.dataset.authority("fr-paris").unwrap().name;
    assert_eq!((name.ko.as_deref(), name.en.as_deref()), (None, None));
}

// ---------------------------------------------------------------------------------------------
// The file as a whole

#[test]
fn a_syntax_error_is_reported_with_its_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"themes\": [,]\n}";
    let l = load_dataset(text);
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    let p = &l.problems[0];
    assert_eq!(p.path, "$");
    assert_eq!(p.position, Some((3, 14)));
    assert!(p.message.starts_with("not valid JSON"), "{p}");
    assert!(p.message.contains("expected value"), "{p}");
    assert!(!p.message.contains("at line"), "the position is given once, not repeated in the message: {p}");
    assert_eq!(p.to_string(), "$ (line 3, column 14): not valid JSON: expected value");
    assert!(l.dataset.partnerships.is_empty());
}

#[test]
fn a_trailing_comma_in_a_hand_edited_file_is_located() {
    let mut text = serde_json::to_string_pretty(&valid_document()).unwrap();
    // Add a trailing comma after the last partnership.
    let end = text.rfind(']').unwrap();
    let last_brace = text[..end].rfind('}').unwrap();
    text.insert(last_brace + 1, ',');
    let line = text[..=last_brace + 1].lines().count();
    let l = load_dataset(&text);
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    assert_eq!(l.problems[0].path, "$");
    assert!(l.problems[0].message.contains("trailing comma"), "{}", l.problems[0]);
    let (at_line, _) = l.problems[0].position.expect("a position");
    assert!(at_line == line || at_line == line + 1, "reported line {at_line}, comma on line {line}");
}

#[test]
fn a_truncated_file_has_a_one_based_position() {
    // A file cut right after a newline: the position must still be a real (1-based) column.
    for text in ["{\n", "{\n  \"schema_version\": 1,\n", "[\n"] {
        let l = load_dataset(text);
        assert_eq!(l.problems.len(), 1, "{text:?}: {}", list(&l.problems));
        let (line, col) = l.problems[0].position.expect("a position");
        assert!(line >= 1 && col >= 1, "{text:?} reported line {line}, column {col}");
    }
}

#[test]
fn an_empty_file_says_so() {
    for text in ["", "   \n\t\n"] {
        let l = load_dataset(text);
        assert_eq!(l.problems.len(), 1, "{text:?}: {}", list(&l.problems));
        assert_eq!(l.problems[0].path, "$");
        assert_eq!(l.problems[0].message, "the file is empty");
    }
}

#[test]
fn a_file_that_is_not_an_object_is_refused() {
    for text in ["[]", "42", "null", "\"partnerships\"", "true", "[{\"schema_version\": 1}]"] {
        let l = load_dataset(text);
        assert_eq!(l.problems.len(), 1, "{text}: {}", list(&l.problems));
        assert_eq!(l.problems[0].path, "$");
        assert_eq!(l.problems[0].message, "the file must hold a JSON object");
        assert_eq!(l.problems[0].position, None);
    }
}

#[test]
fn a_missing_schema_version_is_reported_and_the_data_still_loads() {
    let l = load(&valid_with(|d| remove(d, "schema_version")));
    assert_only_problem(&l, "schema_version", "missing");
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn an_unsupported_schema_version_is_reported() {
    for v in [json!(1), json!(3), json!(0), json!("2"), json!(1.5), json!(null)] {
        let l = load(&valid_with(|d| d["schema_version"] = v.clone()));
        assert_only_problem(&l, "schema_version", "unsupported schema version");
        assert!(l.problems[0].message.contains(&v.to_string()), "the message names the value: {}", l.problems[0]);
        assert_eq!(partnership_ids(&l), ALL_PAIRS);
    }
}

#[test]
fn an_unknown_top_level_field_is_reported_by_name() {
    // A misspelt list name: the real one is intact, so everything loads.
    let l = load(&valid_with(|d| d["partnership"] = json!([])));
    assert_only_problem(&l, "partnership", "unknown top-level field");
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn a_missing_list_is_reported_and_the_other_lists_load() {
    let l = load(&valid_with(|d| remove(d, "partnerships")));
    assert_only_problem(&l, "partnerships", "missing list");
    assert_eq!(l.dataset.authorities.len(), 6);

    let l = load(&valid_with(|d| d["partnerships"] = json!({ "seoul-paris": {} })));
    assert_only_problem(&l, "partnerships", "expected a list");
    assert_eq!(l.dataset.authorities.len(), 6);
}

#[test]
fn a_bad_data_as_of_date_is_reported() {
    let l = load(&valid_with(|d| d["data_as_of"] = json!("28/11/2026")));
    assert_only_problem(&l, "data_as_of", "is not a date");
    assert_eq!(l.dataset.data_as_of, None);
    assert_eq!(partnership_ids(&l), ALL_PAIRS);

    let l = load(&valid_with(|d| d["data_as_of"] = json!(2026)));
    assert_only_problem(&l, "data_as_of", "expected a date string");
}

// ---------------------------------------------------------------------------------------------
// The publisher (who keeps the map, and where proposals go)

fn publisher(url: Value, email: Value) -> Value {
    json!({
        "name": label("Groupe-pays", "국가별 그룹", "Country group"),
        "url": url,
        "email": email,
        "sources": [{ "title": "The group's page", "url": "https://example.org/groupe" }],
    })
}

#[test]
fn the_publisher_block_is_optional_and_read_when_given() {
    assert_eq!(load_valid(&valid_document()).dataset.publisher, None);
    assert_eq!(load_valid(&valid_with(|d| d["publisher"] = Value::Null)).dataset.publisher, None);
    let l = load_valid(&valid_with(|d| d["publisher"] = publisher(json!("https://example.org/groupe"), json!("groupe.coree@example.org"))));
    let p = l.dataset.publisher.expect("a publisher");
    assert_eq!(p.name.en.as_deref(), Some("Country group"));
    assert_eq!(p.url.as_deref(), Some("https://example.org/groupe"));
    assert_eq!(p.email.as_deref(), Some("groupe.coree@example.org"));
    assert_eq!(p.sources.len(), 1);
    // Link and address may be unknown.
    let l = load_valid(&valid_with(|d| d["publisher"] = publisher(Value::Null, Value::Null)));
    assert_eq!(l.dataset.publisher.map(|p| (p.url, p.email)), Some((None, None)));
}

#[test]
fn a_publisher_s_link_other_than_http_and_a_malformed_address_are_each_located_and_the_rest_loads() {
    let doc = valid_with(|d| d["publisher"] = publisher(json!("javascript:alert(1)"), json!("groupe@example.org?cc=x@evil.example")));
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let l = load_dataset(&text);
    assert_eq!(l.problems.len(), 2, "{}", list(&l.problems));
    assert_problem(&l, "publisher.url", "is not an http(s) link");
    assert_problem(&l, "publisher.email", "is not an e-mail address");
    // Each is found in an editor: the line of its value.
    for (path, needle) in [("publisher.url", "javascript:"), ("publisher.email", "?cc=")] {
        let line = text.lines().position(|l| l.contains(needle)).unwrap() + 1;
        let p = l.problems.iter().find(|p| p.path == path).unwrap();
        assert_eq!(p.position.map(|(l, _)| l), Some(line), "{p}");
    }
    // A wrong publisher is left out, never half-used; the partnerships all load.
    assert_eq!(l.dataset.publisher, None);
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn a_publisher_without_a_name_of_a_wrong_type_or_with_an_unknown_field_is_refused_where_it_is_wrong() {
    let l = load(&valid_with(|d| d["publisher"] = json!({ "name": {}, "url": null, "email": null })));
    assert_only_problem(&l, "publisher.name", "needs a text");
    let l = load(&valid_with(|d| d["publisher"] = json!({ "name": { "fr": "X" }, "email": 42 })));
    assert_only_problem(&l, "publisher.email", "invalid type");
    let l = load(&valid_with(|d| d["publisher"] = json!({ "name": { "fr": "X" }, "phone": "+33" })));
    assert_only_problem(&l, "publisher.phone", "unknown field `phone`");
    let l = load(&valid_with(|d| d["publisher"] = json!("Cités Unies France")));
    assert_only_problem(&l, "publisher", "expected a publisher object");
    let l = load(&valid_with(|d| d["publisher"] = json!({ "name": { "fr": "X" }, "sources": [{ "title": "", "url": "ftp://x.org" }] })));
    assert_problem(&l, "publisher.sources[0].title", "needs a title");
    assert_problem(&l, "publisher.sources[0].url", "is not an http(s) link");
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn e_mail_addresses_must_have_a_plain_shape_that_a_mailto_link_cannot_misread() {
    use partnership_map::domain::load::is_email;
    for ok in ["groupe@example.org", "g.pays-coree+carte@cites-unies-france.org", "a_b@sub.example.co.kr"] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in [
        "", "groupe", "@example.org", "groupe@", "groupe@example", "groupe@@example.org", "gro upe@example.org",
        "groupe@example.org?subject=x", "groupe@example.org&body=x", "a%40b@example.org", "\"a\"@example.org",
        "groupe@-example.org", "groupe@example..org", ".groupe@example.org", "groupe@example.o", "groupe@example.123",
        "javascript:alert(1)@x.org", "<a@b.org>",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Partnerships and the authorities they link

#[test]
fn a_partnership_with_an_unknown_authority_is_reported_at_that_authority() {
    let doc = valid_with(|d| d["partnerships"][1]["authorities"][1] = json!("fr-nise"));
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let l = partnership_map::domain::load_dataset(&text);
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    let p = &l.problems[0];
    assert_eq!(format!("{}: {}", p.path, p.message), "partnerships[1].authorities[1]: unknown authority \"fr-nise\"");
    // …and where to find it in an editor: the line and column of the bad id.
    let (line, column) = p.position.expect("a position");
    let at = text.lines().nth(line - 1).unwrap().chars().skip(column - 1).collect::<String>();
    assert!(at.starts_with("\"fr-nise\""), "line {line} column {column}: {at}");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "seoul-marseille"]);
    assert!(l.dataset.authority("fr-nice").is_some(), "the authority itself is still there");
}

#[test]
fn a_partnership_with_an_invalid_authority_points_at_that_authority() {
    let l = load(&valid_with(|d| d["authorities"][1]["region"] = json!("FR-XXX")));
    assert_eq!(l.problems.len(), 2, "{}", list(&l.problems));
    assert_problem(&l, "authorities[1].region", "unknown region \"FR-XXX\"");
    assert_problem(&l, "partnerships[1].authorities[1]", "authority \"fr-nice\" is invalid (see authorities[1])");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "seoul-marseille"]);
    assert!(l.dataset.authority("fr-nice").is_none());
}

#[test]
fn a_partnership_between_two_korean_authorities_is_refused() {
    let l = load(&valid_with(|d| d["partnerships"][1]["authorities"] = json!(["kr-gyeongju", "kr-seoul"])));
    assert_only_problem(&l, "partnerships[1].authorities", "one Korean and one French authority; both are KR");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["partnerships"][1]["authorities"] = json!(["fr-nice", "fr-paris"])));
    assert_only_problem(&l, "partnerships[1].authorities", "both are FR");
}

#[test]
fn a_partnership_listed_french_first_is_refused() {
    let l = load(&valid_with(|d| d["partnerships"][0]["authorities"] = json!(["fr-paris", "kr-seoul"])));
    assert_only_problem(&l, "partnerships[0].authorities", "order must be [Korean authority, French authority]");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);
}

#[test]
fn a_partnership_needs_exactly_two_authorities() {
    let three = json!(["kr-seoul", "fr-paris", "fr-nice"]);
    let l = load(&valid_with(|d| d["partnerships"][0]["authorities"] = three));
    assert_only_problem(&l, "partnerships[0].authorities", "expected exactly 2 authorities (Korean, French), found 3");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["partnerships"][0]["authorities"] = json!(["kr-seoul"])));
    assert_only_problem(&l, "partnerships[0].authorities", "found 1");

    let l = load(&valid_with(|d| d["partnerships"][0]["authorities"] = json!([])));
    assert_only_problem(&l, "partnerships[0].authorities", "found 0");
}

#[test]
fn a_value_of_the_wrong_json_type_is_located_inside_its_record() {
    let l = load(&valid_with(|d| d["partnerships"][0]["year"] = json!("1991")));
    assert_only_problem(&l, "partnerships[0].year", "invalid type: string \"1991\", expected i32");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["authorities"][5]["location"]["lat"] = json!("36.5")));
    assert_only_problem(&l, "authorities[5].location.lat", "invalid type");

    let l = load(&valid_with(|d| d["partnerships"][0]["milestones"][1]["uncertain"] = json!("yes")));
    assert_only_problem(&l, "partnerships[0].milestones[1].uncertain", "expected a boolean");
}

#[test]
fn a_missing_required_field_names_the_field() {
    let l = load(&valid_with(|d| remove(&mut d["partnerships"][2], "id")));
    assert_only_problem(&l, "partnerships[2]", "missing field `id`");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "gyeongju-nice"]);

    let l = load(&valid_with(|d| remove(&mut d["authorities"][5], "region")));
    assert_only_problem(&l, "authorities[5]", "missing field `region`");
}

#[test]
fn a_misspelt_field_is_reported_instead_of_ignored() {
    let l = load(&valid_with(|d| {
        let p = d["partnerships"][1].as_object_mut().unwrap();
        let year = p.remove("year").unwrap();
        p.insert("yeer".into(), year);
    }));
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    let p = &l.problems[0];
    assert!(p.path.starts_with("partnerships[1]"), "{p}");
    assert!(p.message.contains("unknown field `yeer`"), "{p}");
    assert!(p.message.contains("`year`"), "the message suggests the known fields: {p}");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["authorities"][5]["location"]["lon"] = json!(128.7)));
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    assert!(l.problems[0].path.starts_with("authorities[5].location"), "{}", l.problems[0]);
    assert!(l.problems[0].message.contains("unknown field `lon`"), "{}", l.problems[0]);
}

// ---------------------------------------------------------------------------------------------
// Vocabularies

#[test]
fn an_unknown_theme_is_reported_at_its_index() {
    let l = load(&valid_with(|d| d["partnerships"][0]["themes"][1] = json!("sport")));
    assert_only_problem(&l, "partnerships[0].themes[1]", "unknown theme \"sport\"");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);
}

#[test]
fn a_theme_listed_twice_in_a_partnership_is_reported_at_the_second() {
    let l = load(&valid_with(|d| d["partnerships"][0]["themes"] = json!(["culture", "economy", "culture"])));
    assert_only_problem(&l, "partnerships[0].themes[2]", "theme \"culture\" is listed twice");
}

#[test]
fn an_unknown_agreement_kind_is_reported() {
    let l = load(&valid_with(|d| d["partnerships"][1]["kind"] = json!("sister-city")));
    assert_only_problem(&l, "partnerships[1].kind", "unknown agreement kind \"sister-city\"");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "seoul-marseille"]);
}

#[test]
fn an_unknown_authority_kind_is_reported() {
    let l = load(&valid_with(|d| d["authorities"][5]["kind"] = json!("gun")));
    assert_only_problem(&l, "authorities[5].kind", "unknown authority kind \"gun\"");
    assert_eq!(authority_ids(&l).len(), 5);
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn an_authority_kind_of_the_other_country_is_refused() {
    let l = load(&valid_with(|d| d["authorities"][5]["kind"] = json!("commune")));
    assert_only_problem(&l, "authorities[5].kind", "authority kind \"commune\" belongs to country FR");
    assert!(l.dataset.authority("kr-andong").is_none());
}

#[test]
fn an_unknown_region_is_reported() {
    let l = load(&valid_with(|d| d["authorities"][5]["region"] = json!("KR-49")));
    assert_only_problem(&l, "authorities[5].region", "unknown region \"KR-49\"");
}

#[test]
fn a_region_of_the_other_country_is_refused() {
    let l = load(&valid_with(|d| d["authorities"][5]["region"] = json!("FR-IDF")));
    assert_only_problem(&l, "authorities[5].region", "region \"FR-IDF\" is not in country KR");
}

#[test]
fn a_region_id_must_be_an_iso_3166_2_code_of_its_country() {
    for bad in ["IDF", "fr-idf", "FR_IDF", "FR-IDFX", "FRA-IDF", "FR-"] {
        let l = load(&valid_with(|d| {
            push(&mut d["regions"], json!({ "id": bad, "country": "FR", "name": { "fr": "Nowhere" } }))
        }));
        assert_only_problem(&l, "regions[4].id", "is not an ISO 3166-2 code");
        assert_eq!(l.dataset.regions.len(), 4, "{bad}");
    }
    let l = load(&valid_with(|d| {
        push(&mut d["regions"], json!({ "id": "KR-26", "country": "FR", "name": { "fr": "Busan" } }))
    }));
    assert_only_problem(&l, "regions[4].id", "\"KR-26\" does not belong to country FR");
}

#[test]
fn a_region_s_former_names_load_and_find_its_pairs() {
    use partnership_map::domain::dataset::NameChange;
    use partnership_map::domain::{visible_pairs, Filters};
    let l = load_valid(&valid_with(|d| {
        d["regions"][3]["former_names"] = json!([{ "name": { "fr": "Ancienne Province", "ko": "옛도" }, "change": "renamed" }])
    }));
    let r = l.dataset.region("KR-47").expect("KR-47 loads");
    assert_eq!(r.former_names.len(), 1);
    assert_eq!(r.former_names[0].change, NameChange::Renamed);
    assert_eq!(r.former_names[0].name.ko.as_deref(), Some("옛도"));
    // Searched like an alias: every pair with an authority in the region.
    let in_region: Vec<&str> = l
        .dataset
        .partnerships
        .iter()
        .filter(|p| [&p.korean, &p.french].iter().any(|id| l.dataset.authority(id).is_some_and(|a| a.region == "KR-47")))
        .map(|p| p.id.as_str())
        .collect();
    assert!(!in_region.is_empty());
    for q in ["ancienne province", "옛도"] {
        let f = Filters { query: q.into(), kinds: Some(l.dataset.kind_options().into_iter().collect()), ..Filters::default() };
        let found: Vec<&str> = visible_pairs(&l.dataset, &f).into_iter().map(|i| l.dataset.partnerships[i].id.as_str()).collect();
        assert_eq!(found, in_region, "{q}");
    }
}

#[test]
fn a_former_name_needs_a_name_and_a_known_change() {
    let l = load(&valid_with(|d| {
        push(
            &mut d["regions"],
            json!({ "id": "KR-26", "country": "KR", "name": { "fr": "Busan" }, "former_names": [
                { "name": { "fr": " ", "ko": null }, "change": "merged" },
                { "name": { "en": "Old Busan" }, "change": "split" },
            ] }),
        )
    }));
    assert_eq!(l.problems.len(), 2, "{}", list(&l.problems));
    assert_problem(&l, "regions[4].former_names[0].name", "needs a text in at least one of fr, ko, en");
    assert_problem(&l, "regions[4].former_names[1].change", "unknown change \"split\": expected \"merged\" or \"renamed\"");
    assert!(l.dataset.region("KR-26").is_none());
    assert_eq!(l.dataset.regions.len(), 4);
    // A plain string where an object is expected is located too, and nothing panics.
    for bad in [json!(["Alsace"]), json!("Alsace"), json!([{ "name": "Alsace", "change": "merged" }]), json!([{ "name": { "fr": "Alsace" } }])] {
        let l = load(&valid_with(|d| push(&mut d["regions"], json!({ "id": "KR-26", "country": "KR", "name": { "fr": "Busan" }, "former_names": bad.clone() }))));
        assert_eq!(l.problems.len(), 1, "{bad}: {}", list(&l.problems));
        assert!(l.problems[0].path.starts_with("regions[4].former_names"), "{bad}: {}", list(&l.problems));
        assert_eq!(l.dataset.regions.len(), 4);
    }
}

#[test]
fn an_unknown_country_is_reported() {
    let l = load(&valid_with(|d| d["authorities"][5]["country"] = json!("KP")));
    assert_only_problem(&l, "authorities[5].country", "unknown country \"KP\"");
}

#[test]
fn ids_must_be_kebab_case() {
    for bad in ["Seoul-Paris", "seoul_paris", "seoul--paris", "-seoul", "seoul paris", "", "séoul-paris"] {
        let l = load(&valid_with(|d| d["partnerships"][0]["id"] = json!(bad)));
        assert_only_problem(&l, "partnerships[0].id", "is not a kebab-case id");
        assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"], "{bad:?}");
    }
    let l = load(&valid_with(|d| {
        push(&mut d["agreement_kinds"], json!({ "id": "Memorandum", "label": { "en": "MoU" } }))
    }));
    assert_only_problem(&l, "agreement_kinds[4].id", "\"Memorandum\" is not a kebab-case id");
}

#[test]
fn an_authority_id_must_start_with_its_country_prefix() {
    let lyon = |id: &str| {
        valid_with(|d| push(&mut d["authorities"], authority(id, "FR", "FR-PAC", Some("commune"))))
    };
    let l = load(&lyon("lyon"));
    assert_only_problem(&l, "authorities[6].id", "\"lyon\" must start with \"fr-\" (country FR)");
    let l = load(&lyon("kr-lyon"));
    assert_only_problem(&l, "authorities[6].id", "must start with \"fr-\"");
    assert_eq!(authority_ids(&l).len(), 6);
    load_valid(&lyon("fr-lyon"));
}

#[test]
fn a_vocabulary_entry_needs_a_label_in_some_language() {
    let l = load(&valid_with(|d| push(&mut d["themes"], json!({ "id": "sport", "label": { "fr": " " } }))));
    assert_only_problem(&l, "themes[2].label", "needs a text in at least one of fr, ko, en");
    assert_eq!(l.dataset.themes.len(), 2);
}

#[test]
fn an_agreement_kind_description_without_text_is_refused() {
    let l = load(&valid_with(|d| d["agreement_kinds"][0]["description"] = json!({ "en": "" })));
    assert_problem(&l, "agreement_kinds[0].description", "needs a text in at least one of fr, ko, en");
    assert!(l.dataset.agreement_kind("twinning").is_none());
    // No description at all is fine.
    let l = load_valid(&valid_with(|d| remove(&mut d["agreement_kinds"][0], "description")));
    assert_eq!(l.dataset.agreement_kind("twinning").unwrap().description, None);
}

#[test]
fn an_authority_needs_a_french_name() {
    let l = load(&valid_with(|d| d["authorities"][5]["name"] = json!({ "ko": "안동" })));
    assert_only_problem(&l, "authorities[5].name.fr", "the French / Latin-script name is required");
}

// ---------------------------------------------------------------------------------------------
// Authority values

#[test]
fn a_missing_or_null_location_is_allowed() {
    let l = load_valid(&valid_with(|d| remove(&mut d["authorities"][5], "location")));
    assert_eq!(l.dataset.authority("kr-andong").unwrap().location, None);
    let l = load_valid(&valid_with(|d| d["authorities"][5]["location"] = Value::Null));
    assert_eq!(l.dataset.authority("kr-andong").unwrap().location, None);
}

#[test]
fn a_location_out_of_range_is_refused() {
    let l = load(&valid_with(|d| d["authorities"][5]["location"] = json!({ "lat": 95.0, "lng": 128.7 })));
    assert_only_problem(&l, "authorities[5].location", "latitude 95 is outside -90..90");
    assert!(l.dataset.authority("kr-andong").is_none());

    let l = load(&valid_with(|d| d["authorities"][5]["location"] = json!({ "lat": 36.5, "lng": -180.5 })));
    assert_only_problem(&l, "authorities[5].location", "longitude -180.5 is outside -180..180");

    // The edges of the country's bounds (data/README.md) are valid; the globe's are not Korea.
    load_valid(&valid_with(|d| d["authorities"][5]["location"] = json!({ "lat": 33.0, "lng": 131.5 })));
    let l = load(&valid_with(|d| d["authorities"][5]["location"] = json!({ "lat": -90.0, "lng": 180.0 })));
    assert_problem(&l, "authorities[5].location.lat", "latitude -90 is outside South Korea (33..39)");
}

/// Issue 18: Seoul at 90, 180 passed the ±90/±180 check and the Korea map zoomed out to the world.
#[test]
fn seoul_at_90_180_is_refused_with_a_problem_at_each_coordinate() {
    let mut doc: Value = serde_json::from_str(&real_text()).unwrap();
    let i = doc["authorities"].as_array().unwrap().iter().position(|a| a["id"] == "kr-seoul").unwrap();
    doc["authorities"][i]["location"] = json!({ "lat": 90, "lng": 180 });
    let l = load(&doc);
    assert_problem(&l, &format!("authorities[{i}].location.lat"), "latitude 90 is outside South Korea (33..39)");
    assert_problem(&l, &format!("authorities[{i}].location.lng"), "longitude 180 is outside South Korea (124..131.5)");
    assert!(l.dataset.authority("kr-seoul").is_none(), "Seoul is refused, as any authority with a wrong position");
    assert!(l.dataset.partnerships.iter().all(|p| p.korean != "kr-seoul"));
    assert!(l.problems.iter().any(|p| p.path.starts_with("partnerships[") && p.message.starts_with("authority \"kr-seoul\" is invalid")));
    // Every other authority still loads.
    assert_eq!(l.dataset.authorities.len(), doc["authorities"].as_array().unwrap().len() - 1);
}

#[test]
fn french_positions_may_be_in_europe_or_overseas_but_not_in_korea() {
    // Saint-Denis de La Réunion and Nouméa are France; a French authority at Seoul is not.
    for (lat, lng) in [(-20.8789, 55.4481), (-22.2758, 166.458), (41.9192, 8.7386)] {
        load_valid(&valid_with(|d| d["authorities"][0]["location"] = json!({ "lat": lat, "lng": lng })));
    }
    let l = load(&valid_with(|d| d["authorities"][0]["location"] = json!({ "lat": 37.5665, "lng": 126.978 })));
    assert_problem(&l, "authorities[0].location.lng", "longitude 126.978 is outside metropolitan France (-5.5..10) and the overseas territories listed in data/README.md");
    // Each coordinate within some area, but not the same one: the position as a whole.
    let l = load(&valid_with(|d| d["authorities"][0]["location"] = json!({ "lat": 48.85, "lng": 55.4 })));
    assert_only_problem_at_or_below(&l, "authorities[0].location", "48.85, 55.4 is outside metropolitan France");
}

#[track_caller]
fn assert_only_problem_at_or_below(l: &Loaded, path: &str, fragment: &str) {
    assert_problem(l, path, fragment);
    assert!(l.problems.iter().filter(|p| p.path.starts_with("authorities")).count() == 1, "{}", list(&l.problems));
}

/// Issue 18: `{"id":"seoul-paris","id":"smuggled-pair"}` loaded as "smuggled-pair" (last wins).
#[test]
fn a_key_given_twice_refuses_its_record_and_says_where() {
    let text = real_text();
    let first = text.find("\"id\": \"seoul-paris\"").expect("seoul-paris in the data");
    let doubled = format!("{}\"id\": \"seoul-paris\", \"id\": \"smuggled-pair\"{}", &text[..first], &text[first + "\"id\": \"seoul-paris\"".len()..]);
    let l = load_dataset(&doubled);
    let p = l.problems.iter().find(|p| p.message.contains("given twice")).expect("a problem");
    assert!(p.path.starts_with("partnerships[") && p.path.ends_with("].id"), "{p}");
    assert_eq!(p.message, "the key \"id\" is given twice: the record is refused, as it is unclear which value is meant");
    let second = first + "\"id\": \"seoul-paris\", ".len();
    assert_eq!(p.position, Some(partnership_map::domain::json_position::line_column(&doubled, second)));
    // The rest are the events of that pair, which now refer to no pair.
    assert!(l.problems[1..].iter().all(|p| p.path.starts_with("events[")), "{}", list(&l.problems));
    let ids: Vec<&str> = l.dataset.partnerships.iter().map(|p| p.id.as_str()).collect();
    assert!(!ids.contains(&"seoul-paris") && !ids.contains(&"smuggled-pair"));
    assert_eq!(ids.len(), real_dataset().partnerships.len() - 1, "the rest still shows");
}

#[test]
fn a_key_given_twice_deep_in_a_record_or_escaped_is_found_too() {
    // In a record's name, written with an escape the second time, and in the publisher block.
    let doc = valid_document().to_string();
    let doc = doc.replacen("\"name\":{", "\"name\":{\"\\u0066r\":\"X\",", 1);
    let l = load_dataset(&doc);
    assert!(l.problems[0].path.ends_with(".name.fr"), "{}", l.problems[0]);
    assert!(l.problems[0].message.starts_with("the key \"fr\" is given twice"));
    // The record is refused: what refers to it says so.
    assert!(l.problems[1..].iter().all(|p| p.message.contains("is invalid (see")), "{}", list(&l.problems));
}

/// Issue 18: a second top-level `partnerships` replaced the first (36 pairs became 1).
#[test]
fn a_top_level_field_given_twice_refuses_the_file() {
    let text = real_text();
    let end = text.rfind('}').unwrap();
    let doubled = format!("{}, \"partnerships\": []\n}}\n", text[..end].trim_end());
    let l = load_dataset(&doubled);
    assert_eq!(l.problems.len(), 1, "{}", list(&l.problems));
    assert_eq!(l.problems[0].path, "partnerships");
    assert_eq!(l.problems[0].message, "the top-level field \"partnerships\" is given twice: the file is refused, as it is unclear which one is meant");
    assert!(l.problems[0].position.is_some());
    assert!(l.dataset.partnerships.is_empty() && l.dataset.authorities.is_empty());
}

/// Issue 18: `1e400` made serde_json refuse the whole file.
#[test]
fn a_number_out_of_range_refuses_its_record_not_the_file() {
    let mut doc: Value = serde_json::from_str(&real_text()).unwrap();
    doc["partnerships"][2]["year"] = json!(12345);
    let id = doc["partnerships"][2]["id"].as_str().unwrap().to_string();
    let text = serde_json::to_string_pretty(&doc).unwrap().replacen("\"year\": 12345", "\"year\": 1e400", 1);
    let l = load_dataset(&text);
    // The rest are the events of that pair, which is refused.
    assert!(l.problems[1..].iter().all(|p| p.path.starts_with("events[") && p.message.ends_with("is invalid")), "{}", list(&l.problems));
    assert_eq!(l.problems[0].path, "partnerships[2].year");
    assert_eq!(l.problems[0].message, "the number 1e400 is out of range (beyond ±1.8e308)");
    let line = text.lines().position(|l| l.contains("1e400")).unwrap() + 1;
    assert_eq!(l.problems[0].position.map(|p| p.0), Some(line));
    assert_eq!(l.dataset.partnerships.len(), real_dataset().partnerships.len() - 1);
    assert!(l.dataset.partnerships.iter().all(|p| p.id != id));
    // Even where null is allowed (a population), the record is refused: 1e400 is not null.
    let text = valid_document().to_string().replacen("\"lat\":37.5665", "\"lat\":-1e999", 1);
    let l = load_dataset(&text);
    assert_eq!(l.problems.len(), 1 + l.problems.iter().filter(|p| p.message.contains("is invalid")).count(), "{}", list(&l.problems));
    assert!(l.problems[0].message.starts_with("the number -1e999 is out of range"));
}

#[test]
fn a_population_must_be_positive() {
    let l = load(&valid_with(|d| d["authorities"][5]["population"] = json!({ "value": 0, "year": 2020 })));
    assert_only_problem(&l, "authorities[5].population.value", "population must be positive");

    let l = load(&valid_with(|d| d["authorities"][5]["population"] = json!({ "value": -5, "year": 2020 })));
    assert_only_problem(&l, "authorities[5].population.value", "invalid value");

    let l = load(&valid_with(|d| d["authorities"][5]["population"] = json!({ "value": 154_000, "year": 20 })));
    assert_only_problem(&l, "authorities[5].population.year", "year 20 is outside 1800..2100");
}

#[test]
fn only_http_and_https_websites_are_accepted() {
    let refused = [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//www.andong.go.kr",
        "www.andong.go.kr",
        "https://",
        "https:///path",
        "https://www.andong.go.kr/\"onmouseover=\"alert(1)",
        "https://www.andong.go.kr/ x",
        "",
    ];
    for url in refused {
        let l = load(&valid_with(|d| d["authorities"][5]["website"] = json!(url)));
        assert_only_problem(&l, "authorities[5].website", "is not an http(s) link");
        assert!(l.dataset.authority("kr-andong").is_none(), "{url:?} was accepted");
        assert_eq!(partnership_ids(&l), ALL_PAIRS);
    }
    for url in ["https://www.andong.go.kr/", "http://andong.go.kr", "HTTPS://WWW.ANDONG.GO.KR/path?q=1#top"] {
        let l = load_valid(&valid_with(|d| d["authorities"][5]["website"] = json!(url)));
        assert_eq!(l.dataset.authority("kr-andong").unwrap().website.as_deref(), Some(url));
    }
}

#[test]
fn a_source_link_must_be_http_or_https_and_a_source_needs_a_title() {
    let l = load(&valid_with(|d| d["partnerships"][0]["sources"][0]["url"] = json!("ftp://paris.fr/villes.pdf")));
    assert_only_problem(&l, "partnerships[0].sources[0].url", "is not an http(s) link");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["authorities"][0]["sources"][0]["url"] = json!("javascript:void(0)")));
    assert_problem(&l, "authorities[0].sources[0].url", "is not an http(s) link");

    let l = load(&valid_with(|d| d["partnerships"][0]["milestones"][1]["sources"][0]["url"] = json!("data:,x")));
    assert_only_problem(&l, "partnerships[0].milestones[1].sources[0].url", "is not an http(s) link");

    let l = load(&valid_with(|d| d["partnerships"][1]["sources"] = json!([{ "title": "  ", "url": null }])));
    assert_only_problem(&l, "partnerships[1].sources[0].title", "a source needs a title");
}

// ---------------------------------------------------------------------------------------------
// Dates and years

#[test]
fn a_date_must_fall_in_the_year_of_the_partnership() {
    let l = load(&valid_with(|d| d["partnerships"][0]["date"] = json!("1992-11-05")));
    assert_only_problem(&l, "partnerships[0].date", "date 1992-11-05 does not fall in year 1991");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);
    let l = load(&valid_with(|d| d["partnerships"][0]["date"] = json!("1989")));
    assert_only_problem(&l, "partnerships[0].date", "date 1989 does not fall in year 1991");
    // A date of the right year at a coarser precision is fine.
    load_valid(&valid_with(|d| d["partnerships"][0]["date"] = json!("1991-11")));
}

#[test]
fn a_date_without_a_year_is_refused() {
    let l = load(&valid_with(|d| d["partnerships"][2]["date"] = json!("2010-03")));
    assert_only_problem(&l, "partnerships[2].date", "date 2010-03 is given but year is null");
    assert_eq!(partnership_ids(&l), ["seoul-paris", "gyeongju-nice"]);
}

#[test]
fn a_date_that_does_not_exist_is_refused() {
    let l = load(&valid_with(|d| {
        d["partnerships"][1]["year"] = json!(2023);
        d["partnerships"][1]["date"] = json!("2023-02-30");
    }));
    assert_only_problem(&l, "partnerships[1].date", "day 30 does not exist");

    let l = load(&valid_with(|d| d["partnerships"][1]["date"] = json!("2005-13")));
    assert_only_problem(&l, "partnerships[1].date", "month 13 does not exist");

    let l = load(&valid_with(|d| d["partnerships"][1]["date"] = json!("12/10/2005")));
    assert_only_problem(&l, "partnerships[1].date", "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");

    // A leap day is a real date.
    load_valid(&valid_with(|d| {
        d["partnerships"][1]["year"] = json!(2024);
        d["partnerships"][1]["date"] = json!("2024-02-29");
    }));
}

#[test]
fn a_year_outside_the_plausible_range_is_refused() {
    let l = load(&valid_with(|d| d["partnerships"][1]["year"] = json!(20005)));
    assert_only_problem(&l, "partnerships[1].year", "year 20005 is outside 1800..2100");
}

#[test]
fn a_bad_milestone_date_is_reported_at_the_milestone() {
    let l = load(&valid_with(|d| d["partnerships"][0]["milestones"][0]["date"] = json!("spring 2016")));
    assert_only_problem(&l, "partnerships[0].milestones[0].date", "\"spring 2016\" is not a date");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["partnerships"][0]["milestones"][0]["date"] = json!("1700-01")));
    assert_only_problem(&l, "partnerships[0].milestones[0].date", "year 1700 is outside 1800..2100");

    let l = load(&valid_with(|d| d["partnerships"][0]["milestones"][1]["label"] = json!({})));
    assert_only_problem(&l, "partnerships[0].milestones[1].label", "needs a text");
}

// ---------------------------------------------------------------------------------------------
// Duplicates, uncertainty, several problems

#[test]
fn a_duplicate_authority_id_is_reported_at_the_second_and_the_first_is_kept() {
    let l = load(&valid_with(|d| {
        let mut copy = d["authorities"][0].clone();
        copy["name"] = json!({ "fr": "Paris (copie)" });
        push(&mut d["authorities"], copy);
    }));
    assert_only_problem(&l, "authorities[6].id", "duplicate id \"fr-paris\": already used by authorities[0]");
    assert_eq!(l.dataset.authority("fr-paris").unwrap().name.fr.as_deref(), Some("Paris"));
    assert_eq!(authority_ids(&l).len(), 6);
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
}

#[test]
fn a_duplicate_partnership_id_is_reported_at_the_second_and_the_first_is_kept() {
    let l = load(&valid_with(|d| {
        let mut copy = d["partnerships"][0].clone();
        copy["year"] = json!(2001);
        remove(&mut copy, "date");
        push(&mut d["partnerships"], copy);
    }));
    assert_only_problem(&l, "partnerships[3].id", "duplicate id \"seoul-paris\": already used by partnerships[0]");
    assert_eq!(partnership_ids(&l), ALL_PAIRS);
    assert_eq!(l.dataset.partnership("seoul-paris").unwrap().year, Some(1991));
}

#[test]
fn a_duplicate_theme_id_is_reported() {
    let l = load(&valid_with(|d| push(&mut d["themes"], json!({ "id": "culture", "label": { "en": "Arts" } }))));
    assert_only_problem(&l, "themes[2].id", "duplicate id \"culture\"");
    assert_eq!(l.dataset.theme("culture").unwrap().label.en.as_deref(), Some("Culture"));
}

#[test]
fn uncertain_may_only_list_fields_of_the_record() {
    let l = load(&valid_with(|d| d["partnerships"][0]["uncertain"] = json!(["date", "yeer"])));
    assert_only_problem(&l, "partnerships[0].uncertain[1]", "\"yeer\" is not a field that can be uncertain");
    assert_eq!(partnership_ids(&l), ["gyeongju-nice", "seoul-marseille"]);

    let l = load(&valid_with(|d| d["authorities"][5]["uncertain"] = json!(["id"])));
    assert_only_problem(&l, "authorities[5].uncertain[0]", "\"id\" is not a field that can be uncertain");

    load_valid(&valid_with(|d| d["partnerships"][1]["uncertain"] = json!(["year", "kind", "themes"])));
}

#[test]
fn every_problem_of_a_file_is_reported_not_just_the_first() {
    let l = load(&valid_with(|d| {
        d["data_as_of"] = json!("2026-13-01");
        push(&mut d["themes"], json!({ "id": "Bad Id", "label": { "en": "Bad" } }));
        d["authorities"][5]["website"] = json!("javascript:alert(1)");
        d["partnerships"][0]["themes"][1] = json!("sport");
        d["partnerships"][1]["authorities"][1] = json!("fr-nise");
        d["partnerships"][2]["kind"] = json!("pact");
        d["partnerships"][2]["uncertain"] = json!(["colour"]);
    }));
    let mut paths: Vec<&str> = l.problems.iter().map(|p| p.path.as_str()).collect();
    paths.sort_unstable();
    assert_eq!(
        paths,
        [
            "authorities[5].website",
            "data_as_of",
            "partnerships[0].themes[1]",
            "partnerships[1].authorities[1]",
            "partnerships[2].kind",
            "partnerships[2].uncertain[0]",
            "themes[2].id",
        ],
        "{}",
        list(&l.problems)
    );
    assert!(partnership_ids(&l).is_empty());
    assert_eq!(authority_ids(&l).len(), 5, "the valid authorities still load");
}

// ---------------------------------------------------------------------------------------------
// Hostile content

#[test]
fn markup_in_a_name_is_kept_as_plain_text() {
    let hostile = "<img src=x onerror=alert(1)>";
    let l = load_valid(&valid_with(|d| {
        d["authorities"][0]["name"]["fr"] = json!(hostile);
        d["partnerships"][0]["summary"] = json!({ "en": format!("{hostile}</p><script>alert(2)</script>") });
        d["partnerships"][0]["term"] = json!("\"'><svg onload=alert(3)>");
    }));
    let paris = l.dataset.authority("fr-paris").unwrap();
    assert_eq!(paris.name.fr.as_deref(), Some(hostile), "loading neither escapes nor strips");
    let p = l.dataset.partnership("seoul-paris").unwrap();
    assert!(p.summary.as_ref().unwrap().en.as_deref().unwrap().starts_with(hostile));
    assert_eq!(p.term.as_deref(), Some("\"'><svg onload=alert(3)>"));
}

/// A named change to the valid document.
type Change<'a> = (&'a str, Box<dyn Fn(&mut Value) + 'a>);

/// Every place where a value ends up in a message: a 1 MB value must neither panic nor make a
/// 1 MB report.
#[test]
fn a_huge_string_does_not_panic_and_its_messages_stay_short() {
    const LIMIT: usize = 1000;
    let huge = "a".repeat(1 << 20);
    let places: Vec<Change> = vec![
        ("authority name", Box::new(|d: &mut Value| d["authorities"][5]["name"]["fr"] = json!(huge))),
        ("authority id", Box::new(|d: &mut Value| d["authorities"][5]["id"] = json!(huge))),
        ("website", Box::new(|d: &mut Value| d["authorities"][5]["website"] = json!(huge))),
        ("country", Box::new(|d: &mut Value| d["authorities"][5]["country"] = json!(huge))),
        ("authority kind", Box::new(|d: &mut Value| d["authorities"][5]["kind"] = json!(huge))),
        ("region", Box::new(|d: &mut Value| d["authorities"][5]["region"] = json!(huge))),
        ("region id", Box::new(|d: &mut Value| d["regions"][0]["id"] = json!(huge))),
        ("authority reference", Box::new(|d: &mut Value| d["partnerships"][1]["authorities"][1] = json!(huge))),
        ("agreement kind", Box::new(|d: &mut Value| d["partnerships"][1]["kind"] = json!(huge))),
        ("theme reference", Box::new(|d: &mut Value| d["partnerships"][1]["themes"][0] = json!(huge))),
        ("date", Box::new(|d: &mut Value| d["partnerships"][1]["date"] = json!(huge))),
        ("milestone date", Box::new(|d: &mut Value| d["partnerships"][0]["milestones"][0]["date"] = json!(huge))),
        ("uncertain", Box::new(|d: &mut Value| d["partnerships"][1]["uncertain"] = json!([huge]))),
        ("year as a string", Box::new(|d: &mut Value| d["partnerships"][1]["year"] = json!(huge))),
        ("unknown field", Box::new(|d: &mut Value| d["partnerships"][1][huge.as_str()] = json!(1))),
        ("unknown nested field", Box::new(|d: &mut Value| d["authorities"][5]["location"][huge.as_str()] = json!(1))),
        ("unknown top-level field", Box::new(|d: &mut Value| d[huge.as_str()] = json!(1))),
        ("schema version", Box::new(|d: &mut Value| d["schema_version"] = json!(huge))),
        ("data as of", Box::new(|d: &mut Value| d["data_as_of"] = json!(huge))),
        ("duplicate id", Box::new(|d: &mut Value| {
            let mut t = json!({ "id": huge, "label": { "en": "x" } });
            push(&mut d["themes"], t.clone());
            t["label"] = json!({ "en": "y" });
            push(&mut d["themes"], t);
        })),
    ];
    for (what, change) in &places {
        let l = load(&valid_with(|d| change(d)));
        for p in &l.problems {
            assert!(!p.path.is_empty(), "{what}: empty path");
            assert!(
                p.message.chars().count() <= LIMIT && p.path.chars().count() <= LIMIT,
                "{what}: a {} character message at a {} character path",
                p.message.chars().count(),
                p.path.chars().count()
            );
        }
        assert!(!l.problems.is_empty(), "{what}: the huge value was accepted");
    }

    // A long value under the text limit: the message shows its beginning, then marks the cut.
    let l = load(&valid_with(|d| d["partnerships"][1]["id"] = json!(format!("ID{}", "a".repeat(9_000)))));
    assert_eq!(l.problems.len(), 1);
    assert!(l.problems[0].message.starts_with("\"IDaaaa"), "{}", l.problems[0].message.chars().take(100).collect::<String>());
    assert!(l.problems[0].message.contains('…'));
}

/// A 1 MB name or summary is refused with its place and length, and only its record goes: the
/// pairs of a refused authority say where to look.
#[test]
fn a_text_longer_than_the_limit_refuses_its_record_at_that_text() {
    let huge = "<script>window.__pwned=1</script>".repeat(40_000);
    let chars = huge.chars().count();
    let l = load(&valid_with(|d| {
        d["authorities"][5]["name"]["fr"] = json!(huge);
        d["partnerships"][0]["summary"] = json!({ "en": huge });
    }));
    let andong = l.problems.iter().find(|p| p.path == "authorities[5].name.fr").expect("the name is located");
    assert_eq!(andong.message, format!("a text of {chars} characters: at most 10000"));
    assert!(andong.position.is_some(), "and given its line and column");
    assert_problem(&l, "partnerships[0].summary.en", &format!("a text of {chars} characters"));
    assert!(l.dataset.authority("kr-andong").is_none());
    assert!(!partnership_ids(&l).contains(&"seoul-paris"));
    // The other records are kept.
    assert!(l.dataset.authority("kr-seoul").is_some());
    assert_eq!(partnership_ids(&l).len(), load(&valid_document()).dataset.partnerships.len() - 1 - dropped_with_andong());
    // 10,000 characters are still accepted.
    let l = load(&valid_with(|d| d["authorities"][5]["name"]["fr"] = json!("가".repeat(10_000))));
    assert!(l.is_valid(), "{:?}", l.problems);
}

/// The pairs of the valid document that involve kr-andong (authorities[5]).
fn dropped_with_andong() -> usize {
    load(&valid_document()).dataset.partnerships.iter().filter(|p| p.korean == "kr-andong" && p.id != "seoul-paris").count()
}

#[test]
fn a_file_larger_than_the_limit_is_refused_unread() {
    use partnership_map::domain::load::MAX_FILE_BYTES;
    // Valid JSON (the valid document followed by spaces), only too large.
    let mut bytes = serde_json::to_vec(&valid_document()).unwrap();
    bytes.resize(MAX_FILE_BYTES + 1, b' ');
    let l = load_bytes(&bytes);
    assert_eq!(l.problems.len(), 1);
    assert_eq!((l.problems[0].path.as_str(), l.problems[0].message.as_str()), ("$", "the file is 25.0 MB: larger than the 25 MB this map reads"));
    assert!(l.dataset.partnerships.is_empty());
    // One byte less is read.
    bytes.truncate(MAX_FILE_BYTES);
    assert!(load_bytes(&bytes).is_valid());
}

#[test]
fn bytes_that_are_not_utf8_are_located_and_a_byte_order_mark_is_skipped() {
    let l = load_bytes(b"{\n  \"schema_version\": 2,\n  \"x\": \"S\xe9oul\"\n}");
    assert_eq!(l.problems.len(), 1);
    assert_eq!(l.problems[0].message, "not valid UTF-8 — save the file as UTF-8");
    assert_eq!(l.problems[0].position, Some((3, 10)));
    let mut with_bom = "\u{FEFF}".as_bytes().to_vec();
    with_bom.extend(serde_json::to_vec(&valid_document()).unwrap());
    assert!(load_bytes(&with_bom).is_valid());
}

// ---------------------------------------------------------------------------------------------
// Never panics

/// Sets the value at a JSON pointer, adding the last key when it is absent. Returns the value
/// that was there, if any.
fn set_at(doc: &mut Value, pointer: &str, value: Value) -> Option<Value> {
    if let Some(slot) = doc.pointer_mut(pointer) {
        return Some(std::mem::replace(slot, value));
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    doc.pointer_mut(parent).and_then(Value::as_object_mut).expect("parent object").insert(key.to_string(), value);
    None
}

/// `/partnerships/0/year` → `partnerships[0]`; `/schema_version` → `schema_version`.
fn record_path(pointer: &str) -> String {
    let mut parts = pointer.trim_start_matches('/').split('/');
    let top = parts.next().unwrap();
    match parts.next() {
        Some(i) if i.bytes().all(|b| b.is_ascii_digit()) => format!("{top}[{i}]"),
        _ => top.to_string(),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[test]
fn malformed_values_anywhere_never_panic_and_every_problem_is_located() {
    let pointers = [
        "/schema_version", "/data_as_of", "/themes", "/themes/0", "/themes/0/id", "/themes/0/label",
        "/themes/0/label/fr", "/agreement_kinds", "/agreement_kinds/0/description", "/authority_kinds/0/country",
        "/regions", "/regions/0/id", "/regions/0/country", "/regions/0/name", "/authorities", "/authorities/0",
        "/authorities/0/id", "/authorities/0/name", "/authorities/0/name/fr", "/authorities/0/kind",
        "/authorities/0/region", "/authorities/0/location", "/authorities/0/location/lat",
        "/authorities/0/population", "/authorities/0/population/value", "/authorities/0/website",
        "/authorities/0/notes", "/authorities/0/uncertain", "/authorities/0/sources/0",
        "/authorities/0/sources/0/url", "/partnerships", "/partnerships/0", "/partnerships/0/id",
        "/partnerships/0/authorities", "/partnerships/0/authorities/0", "/partnerships/0/kind",
        "/partnerships/0/term", "/partnerships/0/year", "/partnerships/0/date", "/partnerships/0/milestones",
        "/partnerships/0/milestones/0", "/partnerships/0/milestones/0/date", "/partnerships/0/milestones/0/uncertain",
        "/partnerships/0/themes", "/partnerships/0/themes/0", "/partnerships/0/summary",
        "/partnerships/0/uncertain/0", "/partnerships/0/sources/0/title",
    ];
    let values = [
        json!(0), json!(-1), json!(1.5e300), json!(""), json!("x"), Value::Null, json!(true), json!([]), json!({}),
        json!([[[[[]]]]]), json!([null]), json!({ "id": 1, "fr": [] }),
    ];
    let mut variants = 0;
    for pointer in pointers {
        for value in &values {
            let mut doc = valid_document();
            let before = set_at(&mut doc, pointer, value.clone());
            let l = load(&doc);
            variants += 1;
            for p in &l.problems {
                assert!(!p.path.is_empty(), "{pointer} = {value}: a problem without a path: {p:?}");
                assert!(!p.message.is_empty(), "{pointer} = {value}: a problem without a message: {p:?}");
                let _ = p.to_string();
            }
            // A value of another JSON type than the valid one is always reported, inside its record.
            if let Some(before) = before {
                if !before.is_null() && !value.is_null() && json_type(&before) != json_type(value) {
                    let record = record_path(pointer);
                    assert!(
                        l.problems.iter().any(|p| p.path.starts_with(&record)),
                        "{pointer} = {value}: expected a problem under {record}, got:\n{}",
                        list(&l.problems)
                    );
                }
            }
            // Whatever was wrong, what loaded is consistent: every partnership resolves.
            for p in &l.dataset.partnerships {
                assert!(l.dataset.ends(p).is_some(), "{pointer} = {value}: {} does not resolve", p.id);
            }
        }
    }
    assert!(variants >= 500);
}

#[test]
fn malformed_files_never_panic() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_object = format!("{{\"schema_version\": 1, \"themes\": {}}}", "[".repeat(10_000));
    let texts = [
        "\u{feff}{}".to_string(),
        "{}".to_string(),
        "{\"schema_version\": null}".to_string(),
        "\0".to_string(),
        "{\"themes\": [{\"id\": \"\\ud800\", \"label\": {}}]}".to_string(),
        "{\"a\": 1e999999}".to_string(),
        "{\"schema_version\": 18446744073709551616}".to_string(),
        "{\"partnerships\": [1, \"x\", null, [], {}]}".to_string(),
        deep_array,
        deep_object,
        valid_document().to_string().replace('}', ""),
        valid_document().to_string().chars().take(500).collect(),
    ];
    for text in &texts {
        let l = load_dataset(text);
        assert!(!l.problems.is_empty(), "{:?} was accepted", text.chars().take(40).collect::<String>());
        assert!(l.problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
    }
    // An empty object reports each missing piece.
    let l = load_dataset("{}");
    for key in ["schema_version", "themes", "agreement_kinds", "authority_kinds", "regions", "authorities", "partnerships"] {
        assert!(l.problems.iter().any(|p| p.path == key), "{key} not reported: {}", list(&l.problems));
    }
}

/// Regression: serde's derive read `[36.5, 128.7]` as `{lat, lng}` in field order, so a
/// GeoJSON-style `[lng, lat]` would have loaded with the coordinates swapped.
#[test]
fn a_location_given_as_a_list_is_refused_rather_than_read_in_field_order() {
    let mut doc = common::valid_document();
    doc["authorities"][0]["location"] = serde_json::json!([128.7, 36.5]);
    let loaded = partnership_map::domain::load_dataset(&doc.to_string());
    let p = loaded.problems.iter().find(|p| p.path.starts_with("authorities[0].location")).expect("a located problem");
    assert!(p.message.contains("expected an object"), "{p}");
    let mut doc = common::valid_document();
    doc["authorities"][0]["population"] = serde_json::json!([150000, 2020]);
    let loaded = partnership_map::domain::load_dataset(&doc.to_string());
    assert!(loaded.problems.iter().any(|p| p.path.starts_with("authorities[0].population")));
}

#[test]
fn a_partnership_pointing_at_an_unreadable_authority_says_it_is_invalid_not_unknown() {
    let mut doc = common::valid_document();
    let id = doc["authorities"][0]["id"].as_str().unwrap().to_string();
    doc["authorities"][0]["location"] = serde_json::json!({ "lat": "north", "lng": 2.0 });
    let loaded = partnership_map::domain::load_dataset(&doc.to_string());
    let msgs: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let refs: Vec<&String> = msgs.iter().filter(|m| m.contains(&format!("\"{id}\""))).collect();
    assert!(!refs.is_empty(), "no partnership refers to {id}: {msgs:?}");
    assert!(refs.iter().all(|m| m.contains("is invalid (see authorities[0])")), "{refs:?}");
}
