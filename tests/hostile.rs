//! The hostile data files of `tests/fixtures/hostile/cases.json` through the data tool, as a
//! user runs it (`partnerships-data validate`): each file gives exactly its expected problems,
//! located, exits 1 (0 when it has none; never a panic), and keeps exactly the expected
//! partnerships. The browser reads the same files in `tests/e2e/hostile.test.mjs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_map::domain::load_bytes;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn hostile_dir() -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/hostile")
}

/// A file of the set: committed, or generated as its `generate` entry says.
fn bytes_of(case: &Value) -> Vec<u8> {
    let dir = hostile_dir();
    let Some(rule) = case.get("generate") else {
        let name = case["file"].as_str().unwrap();
        return std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    let base = std::fs::read_to_string(dir.join(rule["from"].as_str().unwrap())).unwrap();
    let mut doc: Value = serde_json::from_str(&base).unwrap();
    if let Some(set) = rule.get("set").and_then(Value::as_object) {
        for (pointer, text) in set {
            let value = text["repeat"].as_str().unwrap().repeat(text["times"].as_u64().unwrap() as usize);
            set_creating(&mut doc, pointer, Value::String(value));
        }
    }
    if let Some(copies) = rule.get("copies") {
        let record = doc.pointer(copies["of"].as_str().unwrap()).unwrap().clone();
        let id = record["id"].as_str().unwrap().to_string();
        let suffix = copies["id_suffix"].as_str().unwrap();
        let list = doc["partnerships"].as_array_mut().unwrap();
        for n in 0..copies["times"].as_u64().unwrap() {
            let mut copy = record.clone();
            copy["id"] = Value::String(format!("{id}{suffix}{n}"));
            list.push(copy);
        }
    }
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap();
    if let Some(size) = rule.get("pad_to_bytes").and_then(Value::as_u64) {
        assert!(bytes.len() as u64 <= size, "{} bytes before padding to {size}", bytes.len());
    }
    if let Some(size) = rule.get("pad_to_bytes").and_then(Value::as_u64) {
        bytes.resize(size as usize, b' ');
    }
    bytes
}

/// Sets the value at a JSON pointer, making the objects on the way when they are missing.
fn set_creating(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let keys: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for key in &keys[..keys.len() - 1] {
        at = match at {
            Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            Value::Object(fields) => fields.entry(key.to_string()).or_insert_with(|| Value::Object(Default::default())),
            _ => panic!("{pointer}: not a container"),
        };
    }
    at.as_object_mut().unwrap_or_else(|| panic!("{pointer}: not an object")).insert(keys[keys.len() - 1].to_string(), value);
}

fn cases() -> Vec<Value> {
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(hostile_dir().join("cases.json")).unwrap()).unwrap();
    manifest["cases"].as_array().unwrap().clone()
}

#[test]
fn every_hostile_file_is_reported_by_the_data_tool_with_its_located_problems() {
    let tmp = std::env::temp_dir().join(format!("partnerships-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let cases = cases();
    assert!(cases.len() >= 12, "the set covers every kind of hostile input");
    for case in &cases {
        let name = case["file"].as_str().unwrap();
        let path = tmp.join(name);
        std::fs::write(&path, bytes_of(case)).unwrap();
        let shown = path.to_string_lossy().into_owned();
        let out = Command::new(env!("CARGO_BIN_EXE_partnerships-data")).args(["validate", &shown]).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let expected = case["problems"].as_array().unwrap();
        assert_eq!(out.status.code(), Some(if expected.is_empty() { 0 } else { 1 }), "{name}: {stdout}{}", String::from_utf8_lossy(&out.stderr));

        // Exactly the expected problems, each with its path and message, and its line and
        // column when the manifest gives them (every problem of a parsed file has some).
        let lines: Vec<&str> = stdout.lines().collect();
        let (report, summary) = lines.split_at(lines.len() - 1);
        assert_eq!(report.len(), expected.len(), "{name}:\n{stdout}");
        for p in expected {
            let (path_in_file, message) = (p[2].as_str().unwrap(), p[3].as_str().unwrap());
            let wanted = match (p[0].as_u64(), p[1].as_u64()) {
                (Some(line), Some(column)) => format!("{shown}:{line}:{column}: {path_in_file}: {message}"),
                _ => format!(": {path_in_file}: {message}"),
            };
            assert!(report.iter().any(|l| l.ends_with(&wanted) && l.starts_with(&shown)), "{name}: no line ending with\n  {wanted}\nin\n{stdout}");
        }
        // Reports stay readable whatever the file holds.
        assert!(report.iter().all(|l| l.chars().count() < shown.len() + 400), "{name}: a report line is too long");

        // The valid rest: exactly these partnerships.
        let pairs: Vec<&str> = case["pairs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        let n = pairs.len();
        let counted = format!("{n} {}", if n == 1 { "partnership" } else { "partnerships" });
        assert!(summary[0].contains(&counted), "{name}: {}", summary[0]);
        let loaded = load_bytes(&std::fs::read(&path).unwrap());
        let mut kept: Vec<&str> = loaded.dataset.partnerships.iter().map(|p| p.id.as_str()).collect();
        kept.sort_unstable();
        assert_eq!(kept, pairs, "{name}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// Markup is data like any other: kept verbatim (the browser shows it as text).
#[test]
fn markup_is_kept_verbatim() {
    let case = cases().into_iter().find(|c| c["file"] == "markup.json").unwrap();
    let loaded = load_bytes(&bytes_of(&case));
    let paris = loaded.dataset.authority("fr-paris").unwrap();
    assert_eq!(paris.name.fr.as_deref(), Some("<script>window.__pwned = 1</script>Paris"));
    let pair = loaded.dataset.partnerships.iter().find(|p| p.id == "seoul-paris").unwrap();
    assert_eq!(pair.summary.as_ref().and_then(|s| s.en.as_deref()), Some("\"><svg onload=\"window.__pwned = 3\"><b>bold</b>"));
}
