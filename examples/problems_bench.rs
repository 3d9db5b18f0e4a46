//! Benchmark of the loader on files full of problems (issue 18, item 5), run on demand with
//! `make bench-problems` (not a test: it prints figures and asserts nothing). For 20,000 and
//! 150,000 partnerships with one problem each (a year out of range), written on one line as the
//! built data file is, it prints the file's size, the native time of `load_bytes` (parse,
//! validation, every problem located by line and column) and of `handoff::check`, what the
//! browser's worker runs (the same, with only the first 200 problems written out and located,
//! the rest counted), and writes the files to `target/bench/problems-N.json` for the browser
//! half (`tests/bench/problems.mjs`).
//!
//! Usage: cargo run --release --example problems_bench [-- 20000 150000]

use std::time::Instant;

use partnership_map::domain::handoff;
use partnership_map::domain::load::MAX_FILE_BYTES;
use partnership_map::domain::load_bytes;
use serde_json::{json, Value};

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![20_000, 150_000] } else { sizes };
    let published: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/data/partnerships.json")).expect("data file")).expect("JSON");
    let out = format!("{root}/target/bench");
    std::fs::create_dir_all(&out).expect("target/bench");
    println!("{:>9} {:>10} {:>9} {:>12} {:>12} {:>12} {:>12}", "records", "bytes", "problems", "load (ms)", "best of 3", "check (ms)", "best of 3");
    for n in sizes {
        let text = file_with_problems(&published, n);
        assert!(text.len() <= MAX_FILE_BYTES, "{} bytes: over the loader's limit", text.len());
        let path = format!("{out}/problems-{n}.json");
        std::fs::write(&path, &text).expect("write");
        let (mut times, mut checks) = (Vec::new(), Vec::new());
        let mut problems = 0;
        // Alternated, so that a busy machine weighs on both alike.
        for _ in 0..3 {
            let start = Instant::now();
            let loaded = load_bytes(text.as_bytes());
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            problems = loaded.problems.len();
            assert!(loaded.problems.iter().all(|p| p.position.is_some()), "every problem located");
            drop(loaded);
            let start = Instant::now();
            let checked = handoff::check(text.as_bytes());
            checks.push(start.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(handoff::receive(&checked).problem_count(), problems);
        }
        let best = |t: &[f64]| t.iter().copied().fold(f64::INFINITY, f64::min);
        println!("{n:>9} {:>10} {problems:>9} {:>12.0} {:>12.0} {:>12.0} {:>12.0}", text.len(), times[0], best(&times), checks[0], best(&checks));
    }
}

/// The published vocabularies and authorities, with `n` partnerships each of which has one
/// problem (a year out of range, so every one is refused and located), and no events.
fn file_with_problems(published: &Value, n: usize) -> String {
    let mut doc = published.clone();
    let korean: Vec<&str> = ids(published, "kr-");
    let french: Vec<&str> = ids(published, "fr-");
    let pairs: Vec<Value> = (0..n)
        .map(|i| {
            json!({
                "id": format!("pair-{i}"),
                "authorities": [korean[i % korean.len()], french[i % french.len()]],
                "status": "signed", "kind": null, "year": 1700, "sources": [],
            })
        })
        .collect();
    doc["partnerships"] = Value::Array(pairs);
    doc["events"] = json!([]);
    serde_json::to_string(&doc).expect("JSON")
}

fn ids<'a>(doc: &'a Value, prefix: &str) -> Vec<&'a str> {
    doc["authorities"].as_array().unwrap().iter().filter_map(|a| a["id"].as_str()).filter(|id| id.starts_with(prefix)).collect()
}
