//! Filter semantics and facet counts.
//!
//! OR within a facet, AND across facets. A partnership is in a region when either of its two
//! authorities is. A year range keeps partnerships whose first agreement falls inside it; those
//! with an unknown year are kept only while "include unknown year" is on.

use std::collections::{BTreeMap, BTreeSet};

use super::dataset::{Dataset, Partnership};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Filters {
    pub regions: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub include_unknown_year: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters { regions: BTreeSet::new(), themes: BTreeSet::new(), from: None, to: None, include_unknown_year: true }
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

    pub fn matches(&self, ds: &Dataset, p: &Partnership) -> bool {
        self.region_ok(ds, p) && self.theme_ok(p) && self.year_ok(p)
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
}

pub fn facet_counts(ds: &Dataset, f: &Filters) -> FacetCounts {
    let mut c = FacetCounts::default();
    for r in &ds.regions {
        c.regions.insert(r.id.clone(), 0);
    }
    for t in &ds.themes {
        c.themes.insert(t.id.clone(), 0);
    }
    for p in &ds.partnerships {
        let (region, theme, year) = (f.region_ok(ds, p), f.theme_ok(p), f.year_ok(p));
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
