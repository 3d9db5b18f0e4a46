//! A data file checked off the page, in a worker (`public/loader-worker.js`), and handed back.
//!
//! Checking a large file takes seconds (150,000 problems in 20 MB); on the page's thread that
//! would freeze the tab. The worker runs the same loader, then sends what the page needs: the
//! valid records written back as a data file ([`super::export::to_json`], which the loader reads
//! back unchanged), the first [`KEPT`] problems with their locations, and how many there are in
//! all. The page then reads only the valid part, and lists what the problems panel shows.

use serde::{Deserialize, Serialize};

use super::export::to_json;
use super::load::{load_bytes_listing, load_dataset, Loaded};
use super::problem::Problem;

/// Problems sent back with their text and place; the rest are counted.
pub const KEPT: usize = 200;

/// A problem as sent: path, message, line and column.
type Sent = (String, String, Option<(usize, usize)>);

#[derive(Serialize, Deserialize)]
struct Handoff {
    /// The valid records as a data file; `None` when nothing in the file was valid.
    valid: Option<String>,
    /// The first problems: path, message, line and column.
    problems: Vec<Sent>,
    /// Every problem found.
    total: usize,
}

/// Checks a data file (JSON) and writes what the page needs, as text (run in the worker).
pub fn check(bytes: &[u8]) -> String {
    // Only the problems sent are written out and located; the others are counted.
    let loaded = load_bytes_listing(bytes, KEPT);
    let ds = &loaded.dataset;
    let empty = ds.partnerships.is_empty() && ds.authorities.is_empty() && ds.events.is_empty();
    let handoff = Handoff {
        valid: (!empty).then(|| to_json(ds)),
        problems: loaded.problems.iter().map(|p| (p.path.clone(), p.message.clone(), p.position)).collect(),
        total: loaded.problem_count(),
    };
    serde_json::to_string(&handoff).unwrap_or_else(|e| {
        // Strings and numbers only: this cannot fail, but a failure must still read as one.
        serde_json::to_string(&Handoff { valid: None, problems: vec![("$".into(), format!("the check could not be written: {e}"), None)], total: 1 }).unwrap_or_default()
    })
}

/// The page's side: the checked file as the loader would have given it, its problems beyond
/// the first [`KEPT`] counted in `unlisted`.
pub fn receive(text: &str) -> Loaded {
    let handoff: Handoff = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) => return Loaded::refused(Problem::at("$", format!("the check of the file came back unreadable: {e}"))),
    };
    let mut loaded = match &handoff.valid {
        Some(valid) => load_dataset(valid),
        None => Loaded::default(),
    };
    // The valid part reads back with no problem; should it not, that is said too.
    let mut problems: Vec<Problem> = handoff.problems.into_iter().map(|(path, message, position)| Problem { path, message, position }).collect();
    let listed = problems.len();
    problems.append(&mut loaded.problems);
    loaded.unlisted = handoff.total.saturating_sub(listed);
    loaded.problems = problems;
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::load::load_bytes;

    fn doc_with_bad_years(bad: usize) -> String {
        let real = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/partnerships.json")).expect("the bundled data");
        let mut doc: serde_json::Value = serde_json::from_str(&real).expect("JSON");
        let pairs = doc["partnerships"].as_array_mut().expect("partnerships");
        for p in pairs.iter_mut().take(bad) {
            p["year"] = serde_json::json!(3000);
        }
        doc.to_string()
    }

    #[test]
    fn a_file_checked_off_the_page_reads_as_the_loader_reads_it() {
        for bad in [0, 1, 5] {
            let text = doc_with_bad_years(bad);
            let direct = load_bytes(text.as_bytes());
            let handed = receive(&check(text.as_bytes()));
            assert_eq!(handed.dataset, direct.dataset, "{bad} bad years: the same valid records");
            assert_eq!(handed.problems, direct.problems, "{bad} bad years: the same problems, located");
            assert_eq!(handed.unlisted, 0);
            assert_eq!(handed.problem_count(), direct.problems.len());
            assert_eq!(bad == 0, direct.problems.is_empty());
        }
    }

    #[test]
    fn only_the_first_problems_travel_the_rest_are_counted() {
        let mut doc = serde_json::json!({ "schema_version": 2, "partnerships": [] });
        doc["partnerships"] = serde_json::Value::Array((0..KEPT + 50).map(|i| serde_json::json!({ "id": format!("p{i}") })).collect());
        let text = doc.to_string();
        let direct = load_bytes(text.as_bytes());
        let handed = receive(&check(text.as_bytes()));
        assert!(direct.problems.len() > KEPT);
        assert_eq!(handed.problems.len(), KEPT);
        assert_eq!(handed.problems[..], direct.problems[..KEPT]);
        assert_eq!(handed.problem_count(), direct.problems.len());
        assert!(handed.dataset.partnerships.is_empty());
    }

    #[test]
    fn problems_listed_first_are_the_loaders_first_worded_and_located_the_same() {
        // Keys given twice (found before the validator), numbers out of range, unknown
        // authorities, years out of range, a text too long: problems of every origin, many lines.
        let mut pairs = Vec::new();
        for i in 0..60 {
            pairs.push(match i % 5 {
                0 => format!("{{\"id\": \"p{i}\", \"id\": \"q{i}\"}}"),
                1 => format!("{{\"id\": \"p{i}\", \"year\": 1e400}}"),
                2 => format!("{{\"id\": \"p{i}\", \"authorities\": [\"kr-nowhere\", \"fr-nowhere\"], \"status\": \"signed\", \"sources\": []}}"),
                3 => format!("{{\"id\": \"p{i}\", \"year\": 1700, \"status\": \"signed\", \"authorities\": [], \"sources\": []}}"),
                _ => format!("{{\"id\": \"p{i}\", \"summary\": {{\"fr\": \"{}\"}}}}", "é".repeat(10_001)),
            });
        }
        let text = format!("{{\"schema_version\": 2, \"partnerships\": [\n{}\n]}}", pairs.join(",\n"));
        let all = load_bytes(text.as_bytes());
        assert!(all.problems.len() > 60, "{}", all.problems.len());
        for listed in [0, 1, 7, 12, 13, 50, all.problems.len(), usize::MAX] {
            let first = load_bytes_listing(text.as_bytes(), listed);
            let n = listed.min(all.problems.len());
            assert_eq!(first.problems[..], all.problems[..n], "{listed} listed");
            assert_eq!(first.problem_count(), all.problems.len(), "{listed} listed");
            assert_eq!(first.dataset, all.dataset);
        }
    }

    #[test]
    fn a_file_refused_whole_is_refused_the_same() {
        for text in ["not json", "{\"partnerships\": 3}", ""] {
            let direct = load_bytes(text.as_bytes());
            let handed = receive(&check(text.as_bytes()));
            assert_eq!(handed.problems, direct.problems, "{text:?}");
            assert!(handed.dataset.partnerships.is_empty());
        }
        assert_eq!(receive("garbage").problem_count(), 1);
    }
}
