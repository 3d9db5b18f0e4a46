//! Filter semantics and facet counts.
//!
//! OR within a facet, AND across facets. A partnership is in a region when either of its two
//! authorities is. A year range keeps partnerships whose first agreement falls inside it; those
//! with an unknown year are kept only while "include unknown year" is on. The "kind / status"
//! facet shows agreements by default (signed or listed, whatever their kind); exchanges and plans
//! only when asked for.

use std::collections::{BTreeMap, BTreeSet};

use super::dataset::{Dataset, Event, Partnership};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Filters {
    pub regions: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub include_unknown_year: bool,
    /// Options of the "kind / status" facet ([`Partnership::kind_option`]); `None` = the default:
    /// every agreement, no exchange or plan.
    pub kinds: Option<BTreeSet<String>>,
}

impl Default for Filters {
    fn default() -> Self {
        Filters { regions: BTreeSet::new(), themes: BTreeSet::new(), from: None, to: None, include_unknown_year: true, kinds: None }
    }
}

impl Filters {
    pub fn is_default(&self) -> bool {
        *self == Filters::default()
    }

    fn region_ok(&self, ds: &Dataset, p: &Partnership) -> bool {
        self.regions.is_empty()
            || ds.ends(p).is_some_and(|(k, f)| self.regions.contains(&k.region) || self.regions.contains(&f.region))
    }

    fn theme_ok(&self, p: &Partnership) -> bool {
        self.themes.is_empty() || p.themes.iter().any(|t| self.themes.contains(t))
    }

    fn year_ok(&self, p: &Partnership) -> bool {
        match p.year {
            None => self.include_unknown_year,
            Some(y) => self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t),
        }
    }

    fn kind_ok(&self, p: &Partnership) -> bool {
        match &self.kinds {
            None => p.status.is_agreement(),
            Some(kinds) => kinds.contains(p.kind_option()),
        }
    }

    /// Whether the "kind / status" option is selected (explicitly, or by default).
    pub fn kind_selected(&self, ds: &Dataset, option: &str) -> bool {
        match &self.kinds {
            Some(kinds) => kinds.contains(option),
            None => ds.partnerships.iter().any(|p| p.kind_option() == option && p.status.is_agreement())
                || ds.agreement_kinds.iter().any(|k| k.id == option),
        }
    }

    /// The selected options, the default spelled out: what a checkbox change starts from.
    pub fn kinds_or_default(&self, ds: &Dataset) -> BTreeSet<String> {
        ds.kind_options().into_iter().filter(|o| self.kind_selected(ds, o)).collect()
    }

    pub fn matches(&self, ds: &Dataset, p: &Partnership) -> bool {
        self.region_ok(ds, p) && self.theme_ok(p) && self.year_ok(p) && self.kind_ok(p)
    }
}

/// Indices (into `ds.partnerships`) of the partnerships the filters keep, in data order.
pub fn visible_pairs(ds: &Dataset, f: &Filters) -> Vec<usize> {
    ds.partnerships.iter().enumerate().filter(|(_, p)| f.matches(ds, p)).map(|(i, _)| i).collect()
}

/// How many partnerships each option would give, the other facets staying as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    pub regions: BTreeMap<String, usize>,
    pub themes: BTreeMap<String, usize>,
    /// Partnerships of unknown year that the region and theme facets keep.
    pub unknown_year: usize,
    /// Partnerships per known year, under the region and theme facets.
    pub years: BTreeMap<i32, usize>,
    /// Per "kind / status" option, under the other facets.
    pub kinds: BTreeMap<String, usize>,
}

pub fn facet_counts(ds: &Dataset, f: &Filters) -> FacetCounts {
    let mut c = FacetCounts::default();
    for r in &ds.regions {
        c.regions.insert(r.id.clone(), 0);
    }
    for t in &ds.themes {
        c.themes.insert(t.id.clone(), 0);
    }
    for o in ds.kind_options() {
        c.kinds.insert(o, 0);
    }
    for p in &ds.partnerships {
        let (region, theme, year, kind) = (f.region_ok(ds, p), f.theme_ok(p), f.year_ok(p), f.kind_ok(p));
        if region && theme && year {
            *c.kinds.entry(p.kind_option().to_string()).or_default() += 1;
        }
        if !kind {
            continue;
        }
        if theme && year {
            if let Some((k, fr)) = ds.ends(p) {
                *c.regions.entry(k.region.clone()).or_default() += 1;
                if fr.region != k.region {
                    *c.regions.entry(fr.region.clone()).or_default() += 1;
                }
            }
        }
        if region && year {
            for t in &p.themes {
                *c.themes.entry(t.clone()).or_default() += 1;
            }
        }
        if region && theme {
            match p.year {
                None => c.unknown_year += 1,
                Some(y) => *c.years.entry(y).or_default() += 1,
            }
        }
    }
    c
}

/// The events of the selected years (all events when no year bound is set), in date order. An
/// event spanning several years is shown in each of them.
pub fn events_in_years<'a>(ds: &'a Dataset, f: &Filters) -> Vec<&'a Event> {
    ds.events
        .iter()
        .filter(|e| {
            let (first, last) = e.years();
            f.from.is_none_or(|from| last >= from) && f.to.is_none_or(|to| first <= to)
        })
        .collect()
}
