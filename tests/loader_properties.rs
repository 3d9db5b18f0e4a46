//! Property-based checks of the loader (issue 9): generated hostile input never makes it panic,
//! every problem it reports says where, and whatever it accepts holds only safe links. Bounded
//! (a few hundred cases each) so that it runs in every `cargo test`.

mod common;

use common::valid_document;
use partnership_map::domain::load::is_http_url;
use partnership_map::domain::{load_dataset, Loaded};
use proptest::prelude::*;
use serde_json::Value;

/// What hostile data puts in a field: markup, script links, huge or odd numbers, wrong types.
fn hostile_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        prop_oneof![
            Just("<script>window.__pwned=1</script>".to_string()),
            Just("<img src=x onerror=window.__pwned=1>".to_string()),
            Just("\"><svg onload=window.__pwned=1>".to_string()),
            Just("javascript:window.__pwned=1".to_string()),
            Just("data:text/html,<script>1</script>".to_string()),
            Just("vbscript:msgbox(1)".to_string()),
            Just("https://example.org/ok".to_string()),
            Just("FR-IDF".to_string()),
            Just("2016-05-32".to_string()),
            ".{0,40}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer of a document (objects' keys, arrays' items), parents first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

/// No problem without a place, no link in the accepted data that is not http(s).
fn check(loaded: &Loaded) -> Result<(), TestCaseError> {
    for p in &loaded.problems {
        prop_assert!(!p.path.is_empty(), "a problem with no location: {}", p.message);
        prop_assert!(!p.message.is_empty(), "a problem with no message at {}", p.path);
    }
    let ds = &loaded.dataset;
    let links = ds
        .authorities
        .iter()
        .filter_map(|a| a.website.as_deref())
        .chain(ds.partnerships.iter().flat_map(|p| p.sources.iter().filter_map(|s| s.url.as_deref())))
        .chain(ds.events.iter().flat_map(|e| e.sources.iter().filter_map(|s| s.url.as_deref())));
    for url in links {
        prop_assert!(is_http_url(url), "a link that is not http(s) was accepted: {url}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text at all: JSON or not.
    #[test]
    fn any_text_is_refused_or_loaded_without_panic(text in "\\PC{0,200}") {
        check(&load_dataset(&text))?;
    }

    /// A valid file with up to six of its values replaced by hostile ones, or removed.
    #[test]
    fn a_valid_file_with_hostile_values_anywhere_loads_the_rest(
        picks in prop::collection::vec((any::<prop::sample::Index>(), hostile_value(), any::<bool>()), 1..6)
    ) {
        let mut doc = valid_document();
        for (index, value, remove) in picks {
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            if all.is_empty() {
                break;
            }
            let pointer = index.get(&all).clone();
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            match doc.pointer_mut(parent) {
                Some(Value::Object(m)) if remove => { m.remove(key); }
                Some(Value::Array(a)) if remove => { a.remove(key.parse::<usize>().unwrap()); }
                _ => { *doc.pointer_mut(&pointer).unwrap() = value; }
            }
        }
        let loaded = load_dataset(&doc.to_string());
        check(&loaded)?;
        // What stays is a consistent map: every partnership kept has both its authorities.
        let ds = &loaded.dataset;
        for p in &ds.partnerships {
            prop_assert!(ds.authority(&p.french).is_some() && ds.authority(&p.korean).is_some(), "{} kept without its ends", p.id);
        }
    }
}
