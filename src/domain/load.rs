//! Loading and validation: the one gate between a data file and the rest of the program.
//!
//! [`load_dataset`] never panics. It collects every problem it finds, each with its location
//! (`partnerships[3].authorities[1]: unknown authority "fr-nise"`), drops the records that have
//! problems and keeps the valid rest. The browser app and the data tool both call it, so the
//! browser never accepts a file that CI rejects.

// Fx hashing: the keys are ids and paths of the file being checked (150,000 of each in a large
// file), hashed several times each; no order is taken from these maps.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt::Display;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::dataset::*;
use super::date::PartialDate;
use super::model::*;
use super::problem::Problem;

/// The schema version this program reads.
pub const SCHEMA_VERSION: u32 = 2;

/// Earliest and latest year accepted for an agreement or a milestone. The 1851 Narval wreck is
/// the oldest dated event of Franco-Korean relations in the research; 2100 catches typos.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1800..=2100;

/// The largest data file read, in bytes: twice the whole national atlas of decentralised
/// cooperation (10,000 partnerships make 12 MB). Beyond, a file is refused before it is parsed,
/// so a huge file cannot freeze the tab or exhaust its memory.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// The longest text a record may hold, in characters: ten times the longest real one (a tier's
/// description, 1,150). A record with a longer text is refused with the text's location.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Fields a record may list in `uncertain`.
const AUTHORITY_FIELDS: &[&str] = &["name", "kind", "region", "location", "population", "website"];
const PARTNERSHIP_FIELDS: &[&str] = &["authorities", "kind", "term", "wording", "year", "date", "themes", "summary"];

/// The outcome of loading: the valid records, and every problem found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
    /// Problems found beyond those in `problems` (a file checked off the page sends only the
    /// first ones: [`crate::domain::handoff`]); 0 when `problems` holds them all.
    pub unlisted: usize,
}

impl Loaded {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }

    /// How many problems were found, listed or not.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.unlisted
    }

    /// A file refused as a whole (too large, not UTF-8, not JSON…): no records, one problem.
    pub fn refused(problem: Problem) -> Loaded {
        Loaded { dataset: Dataset::default(), problems: vec![problem], unlisted: 0 }
    }

    /// The first `listed` problems kept, the others counted.
    fn listing(mut self, listed: usize) -> Loaded {
        if self.problems.len() > listed {
            self.unlisted += self.problems.len() - listed;
            self.problems.truncate(listed);
        }
        self
    }
}

/// Loads a data file's bytes: refused when larger than [`MAX_FILE_BYTES`] or not UTF-8 (located
/// at the first wrong byte), read by [`load_dataset`] otherwise. A byte-order mark is skipped.
pub fn load_bytes(bytes: &[u8]) -> Loaded {
    load_bytes_listing(bytes, usize::MAX)
}

/// As [`load_bytes`], with only the first `listed` problems written out and located (the same
/// as [`load_bytes`] gives first), the others counted in [`Loaded::unlisted`]: a file checked off
/// the page sends only the first ones ([`crate::domain::handoff`]), and placing and wording
/// 150,000 problems would be most of the check's time.
pub fn load_bytes_listing(bytes: &[u8], listed: usize) -> Loaded {
    if bytes.len() > MAX_FILE_BYTES {
        return Loaded::refused(too_large(Some(bytes.len() as u64))).listing(listed);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_listing(text.strip_prefix('\u{FEFF}').unwrap_or(text), listed),
        Err(e) => {
            // Located at the first wrong byte, counted as every other position is.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let position = super::json_position::line_column(valid, valid.len());
            Loaded::refused(Problem { path: "$".into(), message: "not valid UTF-8 — save the file as UTF-8".into(), position: Some(position) }).listing(listed)
        }
    }
}

/// The problem of a file larger than [`MAX_FILE_BYTES`], of `size` bytes when known (a
/// download is stopped as soon as it passes the limit).
pub fn too_large(size: Option<u64>) -> Problem {
    let mb = |b: f64| b / (1024.0 * 1024.0);
    let limit = mb(MAX_FILE_BYTES as f64);
    let message = match size {
        Some(n) => format!("the file is {:.1} MB: larger than the {limit:.0} MB this map reads", mb(n as f64)),
        None => format!("the file is larger than the {limit:.0} MB this map reads"),
    };
    Problem { path: "$".into(), message, position: None }
}

/// Loads a data file's text. See the module documentation.
pub fn load_dataset(text: &str) -> Loaded {
    load_listing(text, usize::MAX)
}

/// [`load_dataset`] writing out the first `listed` problems (see [`load_bytes_listing`]).
fn load_listing(text: &str, listed: usize) -> Loaded {
    load_all(text, listed).listing(listed)
}

fn load_all(text: &str, listed: usize) -> Loaded {
    if text.len() > MAX_FILE_BYTES {
        return Loaded::refused(too_large(Some(text.len() as u64)));
    }
    let mut problems = Vec::new();
    // What serde_json does not say: duplicate keys (it keeps the last) and numbers beyond f64
    // (it refuses the whole file). The latter are read as `null`, at the same length.
    let scan = super::json_position::scan(text);
    let root: Value = match serde_json::from_str(&scan.without_out_of_range(text)) {
        Ok(v) => v,
        Err(e) => {
            let message = if text.trim().is_empty() {
                "the file is empty".to_string()
            } else {
                format!("not valid JSON: {}", strip_position(&e.to_string()))
            };
            // serde_json gives column 0 for an error right after a newline; positions are 1-based.
            problems.push(Problem { path: "$".into(), message, position: Some((e.line(), e.column().max(1))) });
            return Loaded { dataset: Dataset::default(), problems, unlisted: 0 };
        }
    };
    let Value::Object(root) = root else {
        problems.push(Problem::at("$", "the file must hold a JSON object"));
        return Loaded { dataset: Dataset::default(), problems, unlisted: 0 };
    };

    // Each at the byte offset of what was found, placed by the final sweep with the others.
    let mut known = Vec::new();
    let top: Vec<_> = scan.duplicates.iter().filter(|d| d.record.is_empty()).collect();
    if !top.is_empty() {
        for d in top {
            known.push((problems.len(), d.at.start));
            problems.push(Problem::at(
                d.path.clone(),
                format!("the top-level field \"{}\" is given twice: the file is refused, as it is unclear which one is meant", truncate(&d.text)),
            ));
        }
        super::json_position::locate_all_with(text, &mut problems, &known);
        return Loaded { dataset: Dataset::default(), problems, unlisted: 0 };
    }
    // A record holding one of these is refused, with a problem where each stands.
    let mut refused = HashSet::default();
    for d in &scan.duplicates {
        known.push((problems.len(), d.at.start));
        problems.push(Problem::at(d.path.clone(), format!("the key \"{}\" is given twice: the record is refused, as it is unclear which value is meant", truncate(&d.text))));
        refused.insert(d.record.clone());
    }
    for n in &scan.out_of_range {
        known.push((problems.len(), n.at.start));
        problems.push(Problem::at(n.path.clone(), format!("the number {} is out of range (beyond ±1.8e308)", truncate(&n.text))));
        refused.insert(n.record.clone());
    }

    const KNOWN: &[&str] = &[
        "schema_version", "data_as_of", "publisher", "themes", "agreement_kinds", "authority_kinds",
        "administrative_tiers", "regions", "authorities", "partnerships", "events",
    ];
    for key in root.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        problems.push(Problem::at(key.clone(), "unknown top-level field"));
    }

    let schema_version = match root.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION as u64) => SCHEMA_VERSION,
        Some(v) => {
            problems.push(Problem::at(
                "schema_version",
                format!("unsupported schema version {v}: this program reads version {SCHEMA_VERSION}"),
            ));
            SCHEMA_VERSION
        }
        None => {
            problems.push(Problem::at("schema_version", format!("missing (expected {SCHEMA_VERSION})")));
            SCHEMA_VERSION
        }
    };
    let data_as_of = match root.get("data_as_of") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => PartialDate::try_parse(s)
            .map_err(|e| problems.push(Problem::at("data_as_of", e)))
            .ok(),
        Some(_) => {
            problems.push(Problem::at("data_as_of", "expected a date string such as \"2026-11-28\""));
            None
        }
    };

    let mut v = Validator { problems, listed, unlisted: 0, declared: HashMap::default(), refused };
    let publisher = v.publisher(&root);

    let themes: Vec<(String, Theme)> = v.records::<RawTheme>(&root, "themes", &[])
        .into_iter()
        .filter_map(|(path, raw)| {
            let ok = v.check_slug(format_args!("{path}.id"), &raw.id) & v.check_label(format_args!("{path}.label"), &raw.label);
            ok.then(|| (path, Theme { id: raw.id, label: localized(raw.label) }))
        })
        .collect();
    let themes = v.dedupe(themes, |t| &t.id);

    let agreement_kinds: Vec<(String, AgreementKind)> = v.records::<RawAgreementKind>(&root, "agreement_kinds", &[])
        .into_iter()
        .filter_map(|(path, raw)| {
            let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id) & v.check_label(format_args!("{path}.label"), &raw.label);
            if let Some(d) = &raw.description {
                ok &= v.check_label(format_args!("{path}.description"), d);
            }
            ok.then(|| (path, AgreementKind { id: raw.id, label: localized(raw.label), description: raw.description.map(localized) }))
        })
        .collect();
    let agreement_kinds = v.dedupe(agreement_kinds, |k| &k.id);

    let raw_tiers = v.records::<RawTier>(&root, "administrative_tiers", &["count"]);
    let tier_country: HashMap<String, Country> =
        raw_tiers.iter().filter_map(|(_, t)| Some((t.id.clone(), Country::try_from_code(&t.country)?))).collect();
    let tiers: Vec<(String, Tier)> = raw_tiers
        .into_iter()
        .filter_map(|(path, raw)| {
            let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id)
                & v.check_label(format_args!("{path}.name"), &raw.name)
                & v.check_label(format_args!("{path}.description"), &raw.description);
            let country = v.country(format_args!("{path}.country"), &raw.country);
            ok &= country.is_some();
            let count = match raw.count {
                None => None,
                Some(c) => match PartialDate::try_parse(&c.as_of) {
                    Ok(as_of) => Some(Count { value: c.value, as_of, note: c.note.map(localized) }),
                    Err(e) => {
                        ok = false;
                        v.push(format_args!("{path}.count.as_of"), e);
                        None
                    }
                },
            };
            for (i, other) in raw.compare_with.iter().enumerate() {
                match tier_country.get(other) {
                    None => {
                        ok = false;
                        v.push(format_args!("{path}.compare_with[{i}]"), format_args!("unknown tier \"{}\"", truncate(other)));
                    }
                    Some(c) if Some(*c) == country => {
                        ok = false;
                        v.push(format_args!("{path}.compare_with[{i}]"), format_args!("\"{other}\" is a tier of the same country: compare with the other country's tiers"));
                    }
                    _ => {}
                }
            }
            let sources = v.sources(&path, raw.sources);
            ok &= sources.is_some();
            ok.then(|| {
                (path, Tier {
                    id: raw.id,
                    country: country.unwrap(),
                    order: raw.order,
                    name: localized(raw.name),
                    count,
                    description: localized(raw.description),
                    compare_with: raw.compare_with,
                    sources: sources.unwrap(),
                })
            })
        })
        .collect();
    let tiers = v.dedupe(tiers, |t| &t.id);

    let authority_kinds: Vec<(String, AuthorityKind)> = v.records::<RawAuthorityKind>(&root, "authority_kinds", &[])
        .into_iter()
        .filter_map(|(path, raw)| {
            let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id) & v.check_label(format_args!("{path}.label"), &raw.label);
            let country = v.country(format_args!("{path}.country"), &raw.country);
            ok &= country.is_some();
            match tiers.iter().find(|t| t.id == raw.tier) {
                None => {
                    ok = false;
                    v.push(format_args!("{path}.tier"), v.unresolved("administrative_tiers", "tier", &raw.tier));
                }
                Some(t) if Some(t.country) != country && country.is_some() => {
                    ok = false;
                    v.push(format_args!("{path}.tier"), format_args!("tier \"{}\" belongs to country {}", raw.tier, t.country.code()));
                }
                _ => {}
            }
            ok.then(|| (path, AuthorityKind { id: raw.id, country: country.unwrap(), tier: raw.tier, label: localized(raw.label) }))
        })
        .collect();
    let authority_kinds = v.dedupe(authority_kinds, |k| &k.id);

    let regions: Vec<(String, Region)> = v.records::<RawRegion>(&root, "regions", &[])
        .into_iter()
        .filter_map(|(path, raw)| {
            let mut ok = v.check_label(format_args!("{path}.name"), &raw.name);
            let country = v.country(format_args!("{path}.country"), &raw.country);
            ok &= country.is_some();
            if !is_iso_3166_2(&raw.id) {
                ok = false;
                v.push(format_args!("{path}.id"), format_args!("\"{}\" is not an ISO 3166-2 code such as \"FR-IDF\" or \"KR-47\"", raw.id));
            } else if let Some(c) = country {
                if !raw.id.starts_with(&format!("{}-", c.code())) {
                    ok = false;
                    v.push(format_args!("{path}.id"), format_args!("\"{}\" does not belong to country {}", raw.id, c.code()));
                }
            }
            ok &= v.check_aliases(&path, &raw.aliases);
            let former_names = v.former_names(&path, raw.former_names);
            ok &= former_names.is_some();
            ok.then(|| (path, Region { id: raw.id, country: country.unwrap(), name: localized(raw.name), aliases: raw.aliases, former_names: former_names.unwrap_or_default() }))
        })
        .collect();
    let regions = v.dedupe(regions, |r| &r.id);

    let theme_ids: HashSet<&str> = themes.iter().map(|t| t.id.as_str()).collect();
    let agreement_ids: HashSet<&str> = agreement_kinds.iter().map(|k| k.id.as_str()).collect();
    let authority_kind_country: HashMap<&str, Country> =
        authority_kinds.iter().map(|k| (k.id.as_str(), k.country)).collect();
    let region_country: HashMap<&str, Country> = regions.iter().map(|r| (r.id.as_str(), r.country)).collect();

    let raw_authorities = v.records::<RawAuthority>(&root, "authorities", &["location", "population"]);
    let mut authorities = Vec::new();
    for (path, raw) in raw_authorities {
        let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id);
        let country = v.country(format_args!("{path}.country"), &raw.country);
        ok &= country.is_some();
        if let Some(c) = country {
            let prefix = format!("{}-", c.code().to_ascii_lowercase());
            if !raw.id.starts_with(&prefix) {
                ok = false;
                v.push(format_args!("{path}.id"), format_args!("\"{}\" must start with \"{prefix}\" (country {})", raw.id, c.code()));
            }
        }
        if raw.name.fr.as_deref().is_none_or(|s| s.trim().is_empty()) {
            ok = false;
            v.push(format_args!("{path}.name.fr"), "the French / Latin-script name is required");
        }
        ok &= v.check_label(format_args!("{path}.name"), &raw.name);
        if let Some(kind) = &raw.kind {
            match authority_kind_country.get(kind.as_str()) {
                None => {
                    ok = false;
                    v.push(format_args!("{path}.kind"), v.unresolved("authority_kinds", "authority kind", kind));
                }
                Some(kc) if Some(*kc) != country && country.is_some() => {
                    ok = false;
                    v.push(format_args!("{path}.kind"), format_args!("authority kind \"{kind}\" belongs to country {}", kc.code()));
                }
                _ => {}
            }
        }
        match region_country.get(raw.region.as_str()) {
            None => {
                ok = false;
                v.push(format_args!("{path}.region"), v.unresolved("regions", "region", &raw.region));
            }
            Some(rc) if Some(*rc) != country && country.is_some() => {
                ok = false;
                v.push(format_args!("{path}.region"), format_args!("region \"{}\" is not in country {}", raw.region, raw.country));
            }
            _ => {}
        }
        let location = match raw.location {
            None => None,
            Some(l) => match LatLng::try_new(l.lat, l.lng) {
                Ok(ll) if country.is_none_or(|c| v.check_area(&path, c, ll)) => Some(ll),
                Ok(_) => {
                    ok = false;
                    None
                }
                Err(e) => {
                    ok = false;
                    v.push(format_args!("{path}.location"), e);
                    None
                }
            },
        };
        if let Some(p) = raw.population {
            if p.value == 0 {
                ok = false;
                v.push(format_args!("{path}.population.value"), "population must be positive");
            }
            if !YEAR_RANGE.contains(&p.year) {
                ok = false;
                v.push(format_args!("{path}.population.year"), format_args!("year {} is outside {}..{}", p.year, YEAR_RANGE.start(), YEAR_RANGE.end()));
            }
        }
        if let Some(w) = &raw.website {
            ok &= v.check_url(format_args!("{path}.website"), w);
        }
        if let Some(n) = &raw.notes {
            ok &= v.check_label(format_args!("{path}.notes"), n);
        }
        ok &= v.check_uncertain(&path, &raw.uncertain, AUTHORITY_FIELDS);
        ok &= v.check_aliases(&path, &raw.aliases);
        let last_verified = v.optional_date(format_args!("{path}.last_verified"), raw.last_verified.as_deref());
        ok &= last_verified.is_ok();
        let sources = v.sources(&path, raw.sources);
        ok &= sources.is_some();
        if ok {
            authorities.push((path, Authority {
                id: raw.id,
                country: country.unwrap(),
                name: localized(raw.name),
                kind: raw.kind,
                region: raw.region,
                location,
                population: raw.population.map(|p| Population { value: p.value, year: p.year }),
                website: raw.website,
                notes: raw.notes.map(localized),
                uncertain: raw.uncertain,
                last_verified: last_verified.unwrap_or(None),
                sources: sources.unwrap(),
                aliases: raw.aliases,
            }));
        }
    }
    let authorities = v.dedupe(authorities, |a| &a.id);
    let authority_country: HashMap<&str, Country> = authorities.iter().map(|a| (a.id.as_str(), a.country)).collect();

    let mut partnerships = Vec::new();
    for (path, raw) in v.records::<RawPartnership>(&root, "partnerships", &[]) {
        let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id);
        let mut ends: [Option<(&str, Country)>; 2] = [None, None];
        if raw.authorities.len() != 2 {
            ok = false;
            v.push(format_args!("{path}.authorities"), format_args!("expected exactly 2 authorities (Korean, French), found {}", raw.authorities.len()));
        }
        for (i, id) in raw.authorities.iter().enumerate().take(2) {
            match authority_country.get(id.as_str()) {
                Some(c) => ends[i] = Some((id, *c)),
                None => {
                    ok = false;
                    v.push(format_args!("{path}.authorities[{i}]"), v.unresolved("authorities", "authority", id));
                }
            }
        }
        let (mut korean, mut french) = (String::new(), String::new());
        if let [Some((a, ca)), Some((b, cb))] = &ends {
            match (ca, cb) {
                (Country::Korea, Country::France) => (korean, french) = (a.to_string(), b.to_string()),
                (Country::France, Country::Korea) => {
                    ok = false;
                    v.push(format_args!("{path}.authorities"), "order must be [Korean authority, French authority]");
                }
                _ => {
                    ok = false;
                    v.push(format_args!("{path}.authorities"), format_args!("a partnership links one Korean and one French authority; both are {}", ca.code()));
                }
            }
        }
        let status = Status::try_from_id(&raw.status);
        match status {
            None => {
                ok = false;
                v.push(format_args!("{path}.status"), format_args!("unknown status \"{}\": expected signed, listed, exchange or planned", truncate(&raw.status)));
            }
            // Nothing was signed: there can be no kind of agreement, nor a year of signature.
            Some(s @ (Status::Exchange | Status::Planned)) => {
                for (field, given) in [("kind", raw.kind.is_some()), ("year", raw.year.is_some()), ("date", raw.date.is_some())] {
                    if given {
                        ok = false;
                        v.push(format_args!("{path}.{field}"), format_args!("must be null for status \"{}\" (nothing signed): put dates in milestones", s.id()));
                    }
                }
            }
            Some(_) => {}
        }
        if let Some(kind) = &raw.kind {
            if !agreement_ids.contains(kind.as_str()) {
                ok = false;
                v.push(format_args!("{path}.kind"), v.unresolved("agreement_kinds", "agreement kind", kind));
            }
        }
        if let Some(y) = raw.year {
            if !YEAR_RANGE.contains(&y) {
                ok = false;
                v.push(format_args!("{path}.year"), format_args!("year {y} is outside {}..{}", YEAR_RANGE.start(), YEAR_RANGE.end()));
            }
        }
        let date = match &raw.date {
            None => None,
            Some(s) => match PartialDate::try_parse(s) {
                Ok(d) => {
                    match raw.year {
                        None => {
                            ok = false;
                            v.push(format_args!("{path}.date"), format_args!("date {d} is given but year is null"));
                        }
                        Some(y) if y != d.year => {
                            ok = false;
                            v.push(format_args!("{path}.date"), format_args!("date {d} does not fall in year {y}"));
                        }
                        _ => {}
                    }
                    Some(d)
                }
                Err(e) => {
                    ok = false;
                    v.push(format_args!("{path}.date"), e);
                    None
                }
            },
        };
        let mut seen_themes = HashSet::default();
        for (i, t) in raw.themes.iter().enumerate() {
            if !theme_ids.contains(t.as_str()) {
                ok = false;
                v.push(format_args!("{path}.themes[{i}]"), v.unresolved("themes", "theme", t));
            } else if !seen_themes.insert(t) {
                ok = false;
                v.push(format_args!("{path}.themes[{i}]"), format_args!("theme \"{t}\" is listed twice"));
            }
        }
        let mut milestones = Vec::new();
        for (i, m) in raw.milestones.into_iter().enumerate() {
            let mpath = format!("{path}.milestones[{i}]");
            let mut mok = v.check_label(format_args!("{mpath}.label"), &m.label);
            let d = v.date_in_range(format_args!("{mpath}.date"), &m.date);
            mok &= d.is_some();
            let sources = v.sources(&mpath, m.sources);
            mok &= sources.is_some();
            ok &= mok;
            if mok {
                milestones.push(Milestone { date: d.unwrap(), label: localized(m.label), uncertain: m.uncertain, sources: sources.unwrap() });
            }
        }
        milestones.sort_by_key(|m| m.date);
        let wording = v.wording(&path, raw.wording);
        ok &= wording.is_some();
        if let Some(s) = &raw.summary {
            ok &= v.check_label(format_args!("{path}.summary"), s);
        }
        ok &= v.check_uncertain(&path, &raw.uncertain, PARTNERSHIP_FIELDS);
        let last_verified = v.optional_date(format_args!("{path}.last_verified"), raw.last_verified.as_deref());
        ok &= last_verified.is_ok();
        let sources = v.sources(&path, raw.sources);
        ok &= sources.is_some();
        if ok {
            partnerships.push((path, Partnership {
                id: raw.id,
                korean,
                french,
                status: status.unwrap(),
                kind: raw.kind,
                term: raw.term,
                wording: wording.unwrap_or_default(),
                year: raw.year,
                date,
                milestones,
                themes: raw.themes,
                summary: raw.summary.map(localized),
                uncertain: raw.uncertain,
                last_verified: last_verified.unwrap_or(None),
                sources: sources.unwrap(),
            }));
        }
    }
    let partnerships = v.dedupe(partnerships, |p| &p.id);

    // Taken out (not copied: 150,000 ids in a large file) while the events push problems; no
    // reference is resolved against the partnerships after this.
    let declared_partnerships = v.declared.remove("partnerships").unwrap_or_default();
    let partnership_ids: HashSet<&str> = partnerships.iter().map(|p| p.id.as_str()).collect();
    let mut events = Vec::new();
    for (path, raw) in v.records::<RawEvent>(&root, "events", &[]) {
        let mut ok = v.check_slug(format_args!("{path}.id"), &raw.id) & v.check_label(format_args!("{path}.label"), &raw.label);
        let date = v.date_in_range(format_args!("{path}.date"), &raw.date);
        let end_date = match raw.end_date.as_deref() {
            None => Ok(None),
            Some(e) => v.date_in_range(format_args!("{path}.end_date"), e).map(Some).ok_or(()),
        };
        ok &= date.is_some() && end_date.is_ok();
        if let (Some(d), Ok(Some(e))) = (date, end_date) {
            if e.year < d.year || (e.year == d.year && e.month.unwrap_or(12) < d.month.unwrap_or(1)) {
                ok = false;
                v.push(format_args!("{path}.end_date"), format_args!("ends ({e}) before it starts ({d})"));
            }
        }
        for (i, id) in raw.partnerships.iter().enumerate() {
            if !partnership_ids.contains(id.as_str()) {
                ok = false;
                let why = if declared_partnerships.contains_key(id) { "is invalid" } else { "is unknown" };
                v.push(format_args!("{path}.partnerships[{i}]"), format_args!("partnership \"{}\" {why}", truncate(id)));
            }
        }
        let sources = v.sources(&path, raw.sources);
        ok &= sources.is_some();
        if ok {
            events.push((path, Event {
                id: raw.id,
                date: date.unwrap(),
                end_date: end_date.unwrap_or(None),
                label: localized(raw.label),
                partnerships: raw.partnerships,
                uncertain: raw.uncertain,
                sources: sources.unwrap(),
            }));
        }
    }
    let mut events = v.dedupe(events, |e| &e.id);
    events.sort_by_key(|e| e.date);

    // Those found before the validator (keys given twice…) may be more than `listed` alone.
    let (mut problems, mut unlisted) = (v.problems, v.unlisted);
    if problems.len() > listed {
        unlisted += problems.len() - listed;
        problems.truncate(listed);
    }
    super::json_position::locate_all_with(text, &mut problems, &known);
    // Hostile values (a 1 MB id) end up in paths and messages: keep every report readable.
    for p in &mut problems {
        cut_to(&mut p.path, MAX_REPORT);
        cut_to(&mut p.message, MAX_REPORT);
    }
    let mut dataset = Dataset::new(
        schema_version,
        data_as_of,
        Records { themes, agreement_kinds, authority_kinds, tiers, regions, authorities, partnerships, events },
    );
    dataset.publisher = publisher;
    Loaded { dataset, problems, unlisted }
}

/// serde_json appends " at line L column C" to its messages; the position is kept separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

fn localized(raw: RawLocalized) -> Localized {
    let clean = |s: Option<String>| s.filter(|t| !t.trim().is_empty());
    Localized { fr: clean(raw.fr), ko: clean(raw.ko), en: clean(raw.en) }
}

/// `kebab-case`: lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// An e-mail address of the plain shape `name@domain.tld`: letters, digits and `._+-` before the
/// `@`, dot-separated labels of letters, digits and hyphens after it, a top-level domain of two
/// letters or more. Narrower than RFC 5322 on purpose: the address goes into a `mailto:` link,
/// where `?`, `&`, `%`, quotes or spaces would change what the link does.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `CC-XXX`: an ISO 3166-2 subdivision code (two-letter country, 1–3 letters or digits).
/// An ISO 639 language code as a `lang` attribute takes it: two or three lowercase letters.
pub fn is_language_code(s: &str) -> bool {
    (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

pub fn is_iso_3166_2(s: &str) -> bool {
    let Some((country, sub)) = s.split_once('-') else { return false };
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=3).contains(&sub.len())
        && sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// What follows `http://` or `https://` (either case), or `None` for any other scheme.
pub(crate) fn after_http_scheme(s: &str) -> Option<&str> {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    if lower.starts_with("https://") {
        Some(&s[8..])
    } else if lower.starts_with("http://") {
        Some(&s[7..])
    } else {
        None
    }
}

/// Only absolute `http:` and `https:` links with a host are ever rendered as links.
pub fn is_http_url(s: &str) -> bool {
    let Some(rest) = after_http_scheme(s) else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// A web address as a person reads it: without its scheme and a lone trailing slash
/// ("https://metropole.nantes.fr/" → "metropole.nantes.fr"). The link keeps the whole address.
pub fn url_text(url: &str) -> &str {
    let rest = after_http_scheme(url).unwrap_or(url);
    match rest.strip_suffix('/') {
        Some(r) if !r.contains('/') => r,
        _ => rest,
    }
}


struct Validator {
    /// The problems written out: the first `listed` found.
    problems: Vec<Problem>,
    /// How many problems are written out; the others are only counted, in `unlisted`.
    listed: usize,
    unlisted: usize,
    /// For each list, every id declared in it (valid or not) and the index where it was first
    /// declared, so that a reference to an invalid record says "invalid", not "unknown".
    declared: HashMap<String, HashMap<String, usize>>,
    /// Records refused before they are read (a key given twice, a number out of range): their
    /// problems are already pushed.
    refused: HashSet<String>,
}

impl Validator {
    /// Aliases are searched: an empty one would match everything.
    fn check_aliases(&mut self, path: &str, aliases: &[String]) -> bool {
        let mut ok = true;
        for (i, a) in aliases.iter().enumerate() {
            if a.trim().is_empty() {
                self.push(format_args!("{path}.aliases[{i}]"), "empty alias");
                ok = false;
            }
        }
        ok
    }

    /// A region's former names, each with a name and a known change; `None` (every problem
    /// pushed) when one is wrong: like an alias, an empty name would match everything.
    fn former_names(&mut self, path: &str, raw: Vec<RawFormerName>) -> Option<Vec<FormerName>> {
        let mut out = Vec::with_capacity(raw.len());
        let mut ok = true;
        for (i, f) in raw.into_iter().enumerate() {
            let at = format!("{path}.former_names[{i}]");
            let named = self.check_label(format_args!("{at}.name"), &f.name);
            let change = NameChange::try_from_id(&f.change);
            if change.is_none() {
                self.push(format_args!("{at}.change"), format_args!("unknown change \"{}\": expected \"merged\" or \"renamed\"", truncate(&f.change)));
            }
            match (named, change) {
                (true, Some(change)) => out.push(FormerName { name: localized(f.name), change }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// Writes out a problem while fewer than `listed` are, and counts it past them: paths and
    /// messages are given unwritten (`format_args!`), so a problem only counted costs no text.
    fn push(&mut self, path: impl Display, message: impl Display) {
        if self.problems.len() < self.listed {
            self.problems.push(Problem::at(path.to_string(), message.to_string()));
        } else {
            self.unlisted += 1;
        }
    }

    /// Deserialises each element of a top-level list on its own, so one bad record is reported
    /// with its index and the others still load. `objects` names fields that must be JSON
    /// objects: serde's derive would also read a list of values in field order, so a GeoJSON-style
    /// `[lng, lat]` would load with the two swapped.
    fn records<T: DeserializeOwned>(&mut self, root: &serde_json::Map<String, Value>, key: &str, objects: &[&str]) -> Vec<(String, T)> {
        let items = match root.get(key) {
            None => {
                self.push(key, "missing list");
                return Vec::new();
            }
            Some(Value::Array(items)) => items,
            Some(_) => {
                self.push(key, "expected a list");
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        let mut declared = std::mem::take(self.declared.entry(key.to_string()).or_default());
        declared.reserve(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                declared.entry(id.to_string()).or_insert(i);
            }
            if let Some(t) = self.record(&path, item, objects) {
                out.push((path, t));
            }
        }
        self.declared.insert(key.to_string(), declared);
        out
    }

    /// One record at `path`, deserialised with every problem located under it; `None` when it
    /// has one. See [`Validator::records`] for `objects`.
    fn record<T: DeserializeOwned>(&mut self, path: &str, item: &Value, objects: &[&str]) -> Option<T> {
        if self.refused.contains(path) {
            return None;
        }
        let lists: Vec<&&str> = objects.iter().filter(|f| item.get(**f).is_some_and(Value::is_array)).collect();
        if !lists.is_empty() {
            for f in lists {
                self.push(format_args!("{path}.{f}"), "expected an object with named fields, found a list");
            }
            return None;
        }
        let mut long = Vec::new();
        if has_long_text(item) {
            long_texts(item, &mut String::new(), &mut long);
        }
        if !long.is_empty() {
            for (inner, chars) in long {
                self.push(format_args!("{path}{inner}"), format_args!("a text of {chars} characters: at most {MAX_TEXT_CHARS}"));
            }
            return None;
        }
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = e.path().to_string();
                let at = if inner == "." { path.to_string() } else { format!("{path}.{inner}") };
                self.push(at, e.into_inner().to_string());
                None
            }
        }
    }

    /// The optional `publisher` block, checked like a record: a name, an `http(s)` link, an
    /// e-mail address of a plain shape ([`is_email`]), sources. `None` when absent or `null`,
    /// and when it has a problem (each one pushed, located under `publisher`).
    fn publisher(&mut self, root: &serde_json::Map<String, Value>) -> Option<Publisher> {
        let item = root.get("publisher").filter(|v| !v.is_null())?;
        let raw: RawPublisher = self.record("publisher", item, &[])?;
        let mut ok = self.check_label("publisher.name", &raw.name);
        if let Some(u) = &raw.url {
            ok &= self.check_url("publisher.url", u);
        }
        if let Some(e) = &raw.email {
            if !is_email(e) {
                ok = false;
                self.push("publisher.email", format_args!("\"{}\" is not an e-mail address such as \"name@example.org\"", truncate(e)));
            }
        }
        let sources = self.sources("publisher", raw.sources);
        ok &= sources.is_some();
        ok.then(|| Publisher { name: localized(raw.name), url: raw.url, email: raw.email, sources: sources.unwrap_or_default() })
    }

    /// What to say of a reference that does not resolve: "unknown tier \"x\"", or, when a record
    /// with that id exists but was refused, where to find its own problems.
    fn unresolved(&self, list: &str, what: &str, id: &str) -> String {
        match self.declared.get(list).and_then(|ids| ids.get(id)) {
            Some(i) => format!("{what} \"{}\" is invalid (see {list}[{i}])", truncate(id)),
            None => format!("unknown {what} \"{}\"", truncate(id)),
        }
    }

    /// A date of the form `YYYY[-MM[-DD]]` whose year is plausible.
    fn date_in_range(&mut self, path: impl Display, text: &str) -> Option<PartialDate> {
        match PartialDate::try_parse(text) {
            Ok(d) if YEAR_RANGE.contains(&d.year) => Some(d),
            Ok(d) => {
                self.push(path, format_args!("year {} is outside {}..{}", d.year, YEAR_RANGE.start(), YEAR_RANGE.end()));
                None
            }
            Err(e) => {
                self.push(path, e);
                None
            }
        }
    }

    /// An optional date: `Err` when given but wrong.
    fn optional_date(&mut self, path: impl Display, text: Option<&str>) -> Result<Option<PartialDate>, ()> {
        match text {
            None => Ok(None),
            Some(t) => self.date_in_range(path, t).map(Some).ok_or(()),
        }
    }

    /// Keeps the first record of each id and reports the others where they stand.
    fn dedupe<T>(&mut self, items: Vec<(String, T)>, id: impl Fn(&T) -> &str) -> Vec<T> {
        let mut first: HashMap<String, String> = HashMap::default();
        let mut out = Vec::with_capacity(items.len());
        for (path, item) in items {
            match first.get(id(&item)) {
                Some(at) => self.push(format_args!("{path}.id"), format_args!("duplicate id \"{}\": already used by {at}; only the first is kept", id(&item))),
                None => {
                    first.insert(id(&item).to_string(), path);
                    out.push(item);
                }
            }
        }
        out
    }

    /// A position within its country's areas ([`Country::areas`]); otherwise a problem at the
    /// coordinate that lies outside them all (`location.lat`), or at `location` when each lies
    /// within some area but not the same one.
    fn check_area(&mut self, path: &str, country: Country, at: LatLng) -> bool {
        let areas = country.areas();
        if areas.iter().any(|a| a.holds(at.lat, at.lng)) {
            return true;
        }
        let main = &areas[0];
        let overseas = if areas.len() > 1 { " and the overseas territories listed in data/README.md" } else { "" };
        let within = |range: (f64, f64), x: f64| (range.0..=range.1).contains(&x);
        let lat_out = !areas.iter().any(|a| within(a.lat, at.lat));
        let lng_out = !areas.iter().any(|a| within(a.lng, at.lng));
        if lat_out {
            self.push(format_args!("{path}.location.lat"), format_args!("latitude {} is outside {} ({}..{}){overseas}", at.lat, main.name, main.lat.0, main.lat.1));
        }
        if lng_out {
            self.push(format_args!("{path}.location.lng"), format_args!("longitude {} is outside {} ({}..{}){overseas}", at.lng, main.name, main.lng.0, main.lng.1));
        }
        if !lat_out && !lng_out {
            self.push(format_args!("{path}.location"), format_args!("{}, {} is outside {} (lat {}..{}, lng {}..{}){overseas}", at.lat, at.lng, main.name, main.lat.0, main.lat.1, main.lng.0, main.lng.1));
        }
        false
    }

    fn check_slug(&mut self, path: impl Display, id: &str) -> bool {
        let ok = is_slug(id);
        if !ok {
            self.push(path, format_args!("\"{}\" is not a kebab-case id (lowercase letters, digits and single hyphens)", truncate(id)));
        }
        ok
    }

    fn check_label(&mut self, path: impl Display, l: &RawLocalized) -> bool {
        let present = [&l.fr, &l.ko, &l.en].iter().any(|t| t.as_deref().is_some_and(|s| !s.trim().is_empty()));
        if !present {
            self.push(path, "needs a text in at least one of fr, ko, en");
        }
        present
    }

    fn country(&mut self, path: impl Display, code: &str) -> Option<Country> {
        let c = Country::try_from_code(code);
        if c.is_none() {
            self.push(path, format_args!("unknown country \"{}\": expected \"FR\" or \"KR\"", truncate(code)));
        }
        c
    }

    fn check_url(&mut self, path: impl Display, url: &str) -> bool {
        let ok = is_http_url(url);
        if !ok {
            self.push(path, format_args!("\"{}\" is not an http(s) link", truncate(url)));
        }
        ok
    }

    fn check_uncertain(&mut self, path: &str, fields: &[String], allowed: &[&str]) -> bool {
        let mut ok = true;
        for (i, f) in fields.iter().enumerate() {
            if !allowed.contains(&f.as_str()) {
                ok = false;
                self.push(format_args!("{path}.uncertain[{i}]"), format_args!("\"{}\" is not a field that can be uncertain ({})", truncate(f), allowed.join(", ")));
            }
        }
        ok
    }

    /// A partnership's wordings: each a text, its language (an ISO 639-1 code, so that it can
    /// be a `lang` attribute), its role and year when given, its gloss.
    fn wording(&mut self, path: &str, raw: Vec<RawWording>) -> Option<Vec<Wording>> {
        let mut ok = true;
        let mut out = Vec::with_capacity(raw.len());
        for (i, w) in raw.into_iter().enumerate() {
            let wpath = format!("{path}.wording[{i}]");
            if w.text.trim().is_empty() {
                ok = false;
                self.push(format_args!("{wpath}.text"), "a wording needs its text");
            }
            let lang_ok = is_language_code(&w.lang);
            if !lang_ok {
                ok = false;
                self.push(format_args!("{wpath}.lang"), format_args!("\"{}\" is not a language code: expected two or three lowercase letters (ko, fr, en, de…)", truncate(&w.lang)));
            }
            let role = match w.role.as_deref() {
                None => Some(WordingRole::Document),
                Some(r) => WordingRole::try_from_id(r),
            };
            if role.is_none() {
                ok = false;
                let ids: Vec<&str> = WordingRole::ALL.iter().map(|r| r.id()).collect();
                self.push(format_args!("{wpath}.role"), format_args!("unknown role \"{}\": expected {}", truncate(w.role.as_deref().unwrap_or_default()), ids.join(", ")));
            }
            if let Some(y) = w.year {
                if !YEAR_RANGE.contains(&y) {
                    ok = false;
                    self.push(format_args!("{wpath}.year"), format_args!("year {y} is outside {}..{}", YEAR_RANGE.start(), YEAR_RANGE.end()));
                }
            }
            if let Some(g) = &w.gloss {
                ok &= self.check_label(format_args!("{wpath}.gloss"), g);
            }
            if let (true, Some(role)) = (ok, role) {
                out.push(Wording { text: w.text, lang: w.lang, role, year: w.year, gloss: w.gloss.map(localized) });
            }
        }
        ok.then_some(out)
    }

    fn sources(&mut self, path: &str, raw: Vec<RawSource>) -> Option<Vec<Source>> {
        let mut ok = true;
        let mut out = Vec::with_capacity(raw.len());
        for (i, s) in raw.into_iter().enumerate() {
            if s.title.trim().is_empty() {
                ok = false;
                self.push(format_args!("{path}.sources[{i}].title"), "a source needs a title");
            }
            if let Some(u) = &s.url {
                ok &= self.check_url(format_args!("{path}.sources[{i}].url"), u);
            }
            out.push(Source { title: s.title, url: s.url });
        }
        ok.then_some(out)
    }
}

fn too_long(s: &str) -> bool {
    s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS
}

/// Whether [`long_texts`] finds anything: the same walk without writing paths, as nearly every
/// record has no such text.
fn has_long_text(value: &Value) -> bool {
    match value {
        Value::String(s) => too_long(s),
        Value::Array(items) => items.iter().any(has_long_text),
        Value::Object(fields) => fields.iter().any(|(key, item)| too_long(key) || has_long_text(item)),
        _ => false,
    }
}

/// The texts longer than [`MAX_TEXT_CHARS`] in a record, with their paths inside it (`.name.fr`)
/// and lengths. A key that long is one too.
fn long_texts(value: &Value, at: &mut String, found: &mut Vec<(String, usize)>) {
    use std::fmt::Write;
    match value {
        Value::String(s) if too_long(s) => found.push((at.clone(), s.chars().count())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = at.len();
                let _ = write!(at, "[{i}]");
                long_texts(item, at, found);
                at.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = at.len();
                if too_long(key) {
                    found.push((format!("{at}.{}", truncate(key)), key.chars().count()));
                    continue;
                }
                at.push('.');
                at.push_str(key);
                long_texts(item, at, found);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// Long hostile strings are cut in messages so that a report stays readable.
fn truncate(s: &str) -> String {
    truncate_to(s, 80)
}

/// The longest path or message a problem may have, in characters (the longest legitimate one,
/// serde's "unknown field …, expected one of …" list, is about 160).
const MAX_REPORT: usize = 300;

fn truncate_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => format!("{}…", &s[..cut]),
    }
}

/// [`truncate_to`] in place.
fn cut_to(s: &mut String, max: usize) {
    if let Some((cut, _)) = s.char_indices().nth(max) {
        s.truncate(cut);
        s.push('…');
    }
}

#[cfg(test)]
mod url_text_tests {
    #[test]
    fn an_address_is_written_without_its_scheme_or_a_lone_trailing_slash() {
        use super::url_text;
        assert_eq!(url_text("https://metropole.nantes.fr/"), "metropole.nantes.fr");
        assert_eq!(url_text("HTTP://www.suncheon.go.kr"), "www.suncheon.go.kr");
        assert_eq!(url_text("https://example.org/a/b/"), "example.org/a/b/");
        assert_eq!(url_text("mailto:x"), "mailto:x");
    }
}
