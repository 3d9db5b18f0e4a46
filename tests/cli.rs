//! The data tool as a user runs it (`partnerships-data`, the built binary): exit codes, located
//! problems, CSV round trips through files, synthetic data, stats, and the committed JSON
//! Schema being up to date.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the tool from the repository root, as CI does.
fn run(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_partnerships-data")).args(args).current_dir(ROOT).output().expect("run the tool");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("partnerships-data-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn path(&self, file: &str) -> String {
        self.0.join(file).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// validate and exit codes

#[test]
fn the_bundled_data_is_valid() {
    let r = run(&["validate", "data/partnerships.json"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("data/partnerships.json: valid ("), "{}", r.stdout);
    assert!(r.stdout.ends_with(" events)\n") && r.stdout.lines().count() == 1, "{}", r.stdout);
    assert_eq!(r.stderr, "");
}

#[test]
fn validate_prints_every_problem_with_path_and_line_column() {
    let cases: &[(&str, &[&str])] = &[
        ("json_wrong_types.json", &[
            "tests/fixtures/json_wrong_types.json:146:16: authorities[1].location.lat: invalid type: string \"43.7102\", expected f64",
            "tests/fixtures/json_wrong_types.json:305:15: partnerships[0].year: invalid type: string \"1991\", expected i32",
            "tests/fixtures/json_wrong_types.json:315:17: partnerships[1].themes: invalid type: string \"culture\", expected a sequence",
            "tests/fixtures/json_wrong_types.json: 3 problems; the valid rest has 1 partnership, 5 authorities, 0 events",
        ]),
        ("json_unknown_ids.json", &[
            "tests/fixtures/json_unknown_ids.json:191:17: authorities[4].region: unknown region \"KR-99\"",
            "tests/fixtures/json_unknown_ids.json:309:9: partnerships[1].authorities[0]: authority \"kr-gyeongju\" is invalid (see authorities[4])",
            "tests/fixtures/json_unknown_ids.json:310:9: partnerships[1].authorities[1]: unknown authority \"fr-nise\"",
            "tests/fixtures/json_unknown_ids.json:330:9: partnerships[2].themes[1]: unknown theme \"cooking\"",
            "tests/fixtures/json_unknown_ids.json: 4 problems; the valid rest has 1 partnership, 5 authorities, 0 events",
        ]),
        ("json_duplicate_ids.json", &[
            "tests/fixtures/json_duplicate_ids.json:412:13: themes[2].id: duplicate id \"culture\": already used by themes[0]; only the first is kept",
            "tests/fixtures/json_duplicate_ids.json:210:13: authorities[6].id: duplicate id \"fr-nice\": already used by authorities[1]; only the first is kept",
            "tests/fixtures/json_duplicate_ids.json:352:13: partnerships[3].id: duplicate id \"gyeongju-nice\": already used by partnerships[1]; only the first is kept",
            "tests/fixtures/json_duplicate_ids.json: 3 problems; the valid rest has 3 partnerships, 6 authorities, 0 events",
        ]),
        ("json_bad_coordinates.json", &[
            "tests/fixtures/json_bad_coordinates.json:183:19: authorities[4].location: expected an object with named fields, found a list",
            "tests/fixtures/json_bad_coordinates.json:114:19: authorities[0].location: latitude 148.8566 is outside -90..90",
            "tests/fixtures/json_bad_coordinates.json:197:19: authorities[5].location: longitude -228.7294 is outside -180..180",
            "tests/fixtures/json_bad_coordinates.json:257:9: partnerships[0].authorities[1]: authority \"fr-paris\" is invalid (see authorities[0])",
            "tests/fixtures/json_bad_coordinates.json:309:9: partnerships[1].authorities[0]: authority \"kr-gyeongju\" is invalid (see authorities[4])",
            "tests/fixtures/json_bad_coordinates.json: 5 problems; the valid rest has 1 partnership, 3 authorities, 0 events",
        ]),
        ("json_bad_years.json", &[
            "tests/fixtures/json_bad_years.json:127:17: authorities[0].population.year: year 21 is outside 1800..2100",
            "tests/fixtures/json_bad_years.json:257:9: partnerships[0].authorities[1]: authority \"fr-paris\" is invalid (see authorities[0])",
            "tests/fixtures/json_bad_years.json:259:15: partnerships[0].date: date 1992-11-05 does not fall in year 1991",
            "tests/fixtures/json_bad_years.json:264:19: partnerships[0].milestones[0].date: \"2016-13\": month 13 does not exist",
            "tests/fixtures/json_bad_years.json:318:15: partnerships[1].year: year 1005 is outside 1800..2100",
            "tests/fixtures/json_bad_years.json: 5 problems; the valid rest has 1 partnership, 5 authorities, 0 events",
        ]),
    ];
    for (name, expected) in cases {
        let file = format!("tests/fixtures/{name}");
        let r = run(&["validate", &file]);
        assert_eq!(r.code, 1, "{name}");
        assert_eq!(r.stdout.lines().collect::<Vec<_>>(), *expected, "{name}");
    }
}

#[test]
fn validate_checks_the_published_files_own_rules() {
    // Each fixture breaks one rule of the published file (data/README.md, "Checking the file");
    // clean.json breaks none. The seat table comes from --seats.
    let seats = "tests/fixtures/audit/seats.md";
    let clean = run(&["validate", "tests/fixtures/audit/clean.json", "--seats", seats]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    assert_eq!(clean.stdout, "tests/fixtures/audit/clean.json: valid (3 partnerships, 6 authorities, 0 events)\n");
    let cases: &[(&str, &str, &[&str])] = &[
        ("undrawable.json", seats, &[
            "tests/fixtures/audit/undrawable.json:145:19: authorities[1].location: fr-nice has no position, so its partnerships are not drawn",
        ]),
        ("weak_sources.json", seats, &[
            "tests/fixtures/audit/weak_sources.json:157:18: authorities[1].sources[0].url: http://40.74.122.252/index.cgi/contrast/https-page: a bare IP address",
            "tests/fixtures/audit/weak_sources.json:161:18: authorities[1].sources[1].url: https://www.gaok.or.kr/gaok/bbs/B0000003/view.do;jsessionid=21CB074D5EF7.gaoknew?nttId=1883: carries a session id",
            "tests/fixtures/audit/weak_sources.json:165:18: authorities[1].sources[2].url: https://wonilvalve.com/index.php?q=https%3A%2F%2Ffr.wikipedia.org%2Fwiki%2FNice: a proxy",
            "tests/fixtures/audit/weak_sources.json:169:18: authorities[1].sources[3].url: https://journal-des-communes.fr/?s=COP22: a search page",
            "tests/fixtures/audit/weak_sources.json:173:18: authorities[1].sources[4].url: https://pt.frwiki.wiki/wiki/Nice: a mirror or copy",
        ]),
        ("milestone_sources.json", seats, &[
            "tests/fixtures/audit/milestone_sources.json:271:22: partnerships[0].milestones[0].sources: 3 sources for one milestone",
        ]),
        ("far_from_seat.json", seats, &[
            "tests/fixtures/audit/far_from_seat.json:172:19: authorities[3].location: kr-seoul is 27.0 km from its seat (37.5663, 126.9779)",
        ]),
        ("clean.json", "tests/fixtures/audit/seats_unplaced.md", &[
            "tests/fixtures/audit/clean.json:168:5: authorities[3].uncertain: kr-seoul's seat is not placed (— in the seat table), so its location must be listed as uncertain",
        ]),
        ("clean.json", "tests/fixtures/audit/seats_unreadable.md", &[
            "tests/fixtures/audit/seats_unreadable.md:7:1: seats: the seat row of kr-seoul has no readable latitude and longitude",
            "tests/fixtures/audit/clean.json:172:19: authorities[3].location: kr-seoul stands at its seat, but the seat table",
        ]),
    ];
    for (name, seats, expected) in cases {
        let file = format!("tests/fixtures/audit/{name}");
        let r = run(&["validate", &file, "--seats", seats]);
        assert_eq!(r.code, 1, "{name}: {}", r.stdout);
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), expected.len() + 1, "{name}: {}", r.stdout);
        for (line, start) in lines.iter().zip(expected.iter()) {
            assert!(line.starts_with(start), "{name}: expected a line starting\n  {start}\ngot\n  {line}");
        }
        let n = expected.len();
        let problems = if n == 1 { "1 problem".to_string() } else { format!("{n} problems") };
        assert_eq!(lines[n], format!("{file}: {problems}; the valid rest has 3 partnerships, 6 authorities, 0 events"), "{name}");
    }
    // A seat table that cannot be read is an I/O error, not silence.
    let r = run(&["validate", "tests/fixtures/audit/clean.json", "--seats", "tests/fixtures/audit/no-such.md"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot read the seat table tests/fixtures/audit/no-such.md"), "{}", r.stderr);
}

#[test]
fn the_line_and_column_point_at_the_value() {
    // tests/fixtures/json_bad_years.json:318:15 is where the bad year starts.
    let text = String::from_utf8(read(&format!("{ROOT}/tests/fixtures/json_bad_years.json"))).unwrap();
    let line = text.lines().nth(317).unwrap();
    assert!(line[14..].starts_with("1005"), "{line}");
}

#[test]
fn validate_reads_csv_against_a_base() {
    let r = run(&["validate", "tests/fixtures/csv_good.csv", "--base", "tests/fixtures/base.json"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, "tests/fixtures/csv_good.csv: valid (3 partnerships, 5 authorities, 0 events)\n"));

    let r = run(&["validate", "tests/fixtures/csv_one_good_one_bad.csv", "--base=tests/fixtures/base.json"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout,
        "tests/fixtures/csv_one_good_one_bad.csv: row 3, column \"kr_id\": authority \"kr-seoul\" is invalid (see row 3)\n\
         tests/fixtures/csv_one_good_one_bad.csv: row 3, column \"kr_region\": unknown region \"KR-99\"\n\
         tests/fixtures/csv_one_good_one_bad.csv: 2 problems; the valid rest has 1 partnership, 3 authorities, 0 events\n"
    );
    // The default base is the bundled data.
    let dir = TempDir::new("default-base");
    let csv = dir.path("real.csv");
    assert_eq!(run(&["export-csv", "data/partnerships.json", "-o", &csv]).code, 0);
    let r = run(&["validate", &csv]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn broken_files_are_data_problems() {
    let dir = TempDir::new("broken");
    let cases: &[(&str, &[u8], &str)] = &[
        ("syntax.json", b"{\n  \"schema_version\": 2,\n  \"themes\": [,]\n}\n", "syntax.json:3:14: $: not valid JSON: expected value"),
        ("latin1.json", b"{\n  \"a\": \"S\xe9oul\"\n}\n", "latin1.json:2:10: $: not valid UTF-8 — save the file as UTF-8"),
        ("empty.json", b"", "empty.json:1:1: $: the file is empty"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path(name);
        std::fs::write(&path, bytes).unwrap();
        let r = run(&["validate", &path]);
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        let first = r.stdout.lines().next().unwrap_or("");
        assert_eq!(first.strip_prefix(&format!("{}/", dir.0.display())).unwrap_or(first), *expected, "{name}");
    }
}

#[test]
fn usage_and_io_errors_exit_with_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["validate"],
        &["validate", "a.json", "b.json"],
        &["validate", "data/partnerships.json", "--colour"],
        &["synth", "--pairs", "ten", "--seed", "1"],
        &["synth", "--pairs", "10"],
        &["schema", "extra"],
        &["export-csv", "data/partnerships.json", "-o"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("partnerships-data: ") && r.stderr.contains("Usage:"), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
    }
    let r = run(&["validate", "no/such/file.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("partnerships-data: cannot read no/such/file.json: "), "{}", r.stderr);
    let r = run(&["validate", "tests/fixtures/csv_good.csv", "--base", "no/such/base.json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = run(&["schema", "-o", "no/such/dir/schema.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("partnerships-data: cannot write no/such/dir/schema.json: "), "{}", r.stderr);
}

#[test]
fn help_is_printed_on_request() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    for command in ["validate", "import-csv", "export-csv", "stats", "synth", "schema", "Exit status"] {
        assert!(r.stdout.contains(command), "{command}");
    }
}

// ---------------------------------------------------------------------------------------------
// CSV through files

#[test]
fn export_import_export_through_files_is_lossless() {
    let dir = TempDir::new("round-trip");
    let (a, json, b) = (dir.path("a.csv"), dir.path("a.json"), dir.path("b.csv"));
    let r = run(&["export-csv", "data/partnerships.json", "-o", &a]);
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
    let r = run(&["import-csv", &a, "--base", "data/partnerships.json", "-o", &json]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let r = run(&["export-csv", &json, "-o", &b]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&a) == read(&b), "export → import → export changed the bytes");
    assert!(read(&a).starts_with(b"\xEF\xBB\xBFid,status,kind,"));

    // The JSON written by import-csv is valid and holds the same partnerships.
    let r = run(&["validate", &json]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let original = partnership_map::domain::load_dataset(&String::from_utf8(read(&format!("{ROOT}/data/partnerships.json"))).unwrap());
    let imported = partnership_map::domain::load_dataset(&String::from_utf8(read(&json)).unwrap());
    assert_eq!(imported.dataset.partnerships, original.dataset.partnerships);
    assert_eq!(imported.dataset.events, original.dataset.events);

    // Without -o, the output goes to standard output.
    let r = run(&["export-csv", &json]);
    assert_eq!(r.stdout.as_bytes(), &read(&a)[..]);
}

#[test]
fn import_csv_writes_the_valid_rest_and_reports_the_problems() {
    let dir = TempDir::new("import-bad");
    let out = dir.path("out.json");
    let r = run(&["import-csv", "tests/fixtures/csv_one_good_one_bad.csv", "--base", "tests/fixtures/base.json", "-o", &out]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "tests/fixtures/csv_one_good_one_bad.csv: row 3, column \"kr_id\": authority \"kr-seoul\" is invalid (see row 3)\n\
         tests/fixtures/csv_one_good_one_bad.csv: row 3, column \"kr_region\": unknown region \"KR-99\"\n"
    );
    let loaded = partnership_map::domain::load_dataset(&String::from_utf8(read(&out)).unwrap());
    assert!(loaded.is_valid());
    assert_eq!(loaded.dataset.partnerships.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["gyeongju-nice"]);
}

#[test]
fn every_csv_fixture_is_reported_with_rows_and_columns() {
    for (name, first) in [
        ("csv_wrong_types.csv", "row 2, column \"year\": \"1991.5\" is not a whole number"),
        ("csv_unknown_ids.csv", "row 2, column \"kind\": unknown agreement kind \"twining\""),
        ("csv_duplicate_ids.csv", "row 4, column \"id\": duplicate id \"seoul-paris\": already used by row 2; only the first is kept"),
        ("csv_bad_coordinates.csv", "row 2, column \"kr_id\": authority \"kr-seoul\" is invalid (see row 2)"),
        ("csv_bad_years.csv", "row 2, column \"year\": year 1700 is outside 1800..2100"),
        ("csv_broken_quoting.csv", "row 3: 4 fields instead of 48 — check the quotes"),
        ("csv_latin1.csv", "row 2: not valid UTF-8 — save the file as UTF-8"),
        ("csv_inconsistent_authority.csv", "row 4, column \"kr_name_ko\": \"서울특별시\" differs from row 2 (\"서울\") for authority \"kr-seoul\": repeat an authority identically in every row (this row is left out)"),
    ] {
        let file = format!("tests/fixtures/{name}");
        let r = run(&["validate", &file, "--base", "tests/fixtures/base.json"]);
        assert_eq!(r.code, 1, "{name}");
        assert_eq!(r.stdout.lines().next(), Some(format!("{file}: {first}").as_str()), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// synth, stats, schema

#[test]
fn synth_is_deterministic_and_valid_at_a_thousand_pairs() {
    let dir = TempDir::new("synth");
    let (a, b, c) = (dir.path("a.json"), dir.path("b.json"), dir.path("c.json"));
    for (out, seed) in [(&a, "42"), (&b, "42"), (&c, "43")] {
        let r = run(&["synth", "--pairs", "1000", "--seed", seed, "-o", out]);
        assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    }
    assert!(read(&a) == read(&b), "the same seed gave different bytes");
    assert!(read(&a) != read(&c), "another seed gave the same bytes");
    let r = run(&["validate", &a]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains(": valid (1000 partnerships, 750 authorities, "), "{}", r.stdout);
    // It converts to CSV and back like real data.
    let (csv, back) = (dir.path("a.csv"), dir.path("back.json"));
    assert_eq!(run(&["export-csv", &a, "-o", &csv]).code, 0);
    assert_eq!(run(&["import-csv", &csv, "--base", &a, "-o", &back]).code, 0);
    assert_eq!(run(&["export-csv", &back]).stdout.as_bytes(), &read(&csv)[..]);
}

#[test]
fn stats_prints_the_count_tables() {
    let r = run(&["stats", "tests/fixtures/base.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "3 partnerships, 6 authorities, 0 events

By status
  signed    signed document               3
  listed    listed, nothing signed found  0
  exchange  exchanges, nothing signed     0
  planned   announced plan                0

By kind / status
  twinning          Twinning          1
  friendship        Friendship        1
  cooperation       Cooperation       1
  letter-of-intent  Letter of intent  0

By region (a pair counts in both of its regions)
  FR-IDF  Île-de-France               1
  FR-PAC  Provence-Alpes-Côte d'Azur  2
  KR-11   Séoul                       2
  KR-47   Gyeongsang du Nord          1

By theme (a pair counts once per theme)
  culture  Culture         2
  economy  Economy         2
  (none)   no theme known  0

By year of first agreement
  1991     1
  2005     1
  unknown  1
"
    );
    // Of a CSV file too, and with problems: the counts of the valid rest, exit 1.
    let r = run(&["stats", "tests/fixtures/csv_one_good_one_bad.csv", "--base", "tests/fixtures/base.json"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("1 partnership"), "{}", r.stdout);
    assert_eq!(r.stderr.lines().count(), 2);
}

#[test]
fn the_committed_json_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(Path::new(ROOT).join("data/partnerships.schema.json")).unwrap_or_default();
    let r = run(&["schema"]);
    assert_eq!(r.code, 0);
    assert!(
        committed == r.stdout,
        "data/partnerships.schema.json differs from the schema generated from src/domain/model.rs; regenerate it with\n\n    cargo run --bin partnerships-data -- schema -o data/partnerships.schema.json\n"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).expect("the schema is JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["schema_version"]["const"], 2);
    assert!(schema["$defs"]["Partnership"]["properties"]["status"]["description"].is_string());
}

// ---------------------------------------------------------------------------------------------
// first-paint (issue 19): the page's title, count and list, written at build time

#[test]
fn first_paint_writes_the_bundled_list_into_the_page() {
    let dir = TempDir::new("first-paint");
    let out = dir.path("index.html");
    let r = run(&["first-paint", "data/partnerships.json", "--page", "index.html", "-o", &out]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let page = String::from_utf8(read(&out)).unwrap();
    let total = serde_json::from_slice::<serde_json::Value>(&read("data/partnerships.json")).unwrap()["partnerships"].as_array().unwrap().len();
    assert_eq!(page.matches("<li data-pair=").count(), total, "every partnership");
    assert!(page.contains("<h1>Carte des partenariats franco-coréens</h1>"));
    assert!(page.contains(&format!(" sur {total} partenariats</h2>")));
    assert!(!page.contains("<!-- first-paint:"), "both markers replaced");
    // The loading screen and its CSS-only reload link are kept.
    assert!(page.contains("class=\"status-slow\""));
}

#[test]
fn first_paint_writes_the_maps_opening_view_beside_the_page() {
    let dir = TempDir::new("first-view");
    let (out, view) = (dir.path("index.html"), dir.path("first-view.json"));
    let r = run(&["first-paint", "data/partnerships.json", "--page", "index.html", "-o", &out, "--first-view", &view]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let view: serde_json::Value = serde_json::from_slice(&read(&view)).unwrap();
    let data: serde_json::Value = serde_json::from_slice(&read("data/partnerships.json")).unwrap();
    let located = data["authorities"].as_array().unwrap().iter().filter(|a| !a["location"].is_null()).count();
    assert_eq!(view["markers"].as_array().unwrap().len(), located, "a marker per located authority");
    let seoul = view["markers"].as_array().unwrap().iter().find(|m| m["id"] == "kr-seoul").unwrap();
    assert_eq!(seoul["name"]["ko"], "서울특별시");
    assert_eq!(seoul["kr"], true);
    // The opening view draws the signed and listed agreements, not the exchanges and plans.
    let shown = view["shown"].as_array().unwrap();
    assert!(!shown.is_empty());
    for id in shown {
        let pair = data["partnerships"].as_array().unwrap().iter().find(|p| &p["id"] == id).unwrap();
        assert!(pair["status"] == "signed" || pair["status"] == "listed", "{id}: {}", pair["status"]);
    }
}

#[test]
fn first_paint_refuses_data_with_problems_and_writes_nothing() {
    let dir = TempDir::new("first-paint-bad");
    let out = dir.path("index.html");
    let r = run(&["first-paint", "tests/fixtures/json_unknown_ids.json", "--page", "index.html", "-o", &out]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("tests/fixtures/json_unknown_ids.json:310:9: partnerships[1].authorities[1]: unknown authority \"fr-nise\""), "{}", r.stderr);
    assert!(r.stderr.ends_with("tests/fixtures/json_unknown_ids.json: 4 problems; no first paint written\n"), "{}", r.stderr);
    assert!(!Path::new(&out).exists());
}

#[test]
fn first_paint_needs_a_page_with_its_markers() {
    let dir = TempDir::new("first-paint-page");
    let page = dir.path("page.html");
    std::fs::write(&page, "<div id=\"app\"></div>").unwrap();
    let r = run(&["first-paint", "data/partnerships.json", "--page", &page]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the page has no <!-- first-paint:header --> marker"), "{}", r.stderr);
    assert_eq!(run(&["first-paint", "data/partnerships.json"]).code, 2, "no --page");
}
