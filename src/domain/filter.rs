//! Filter semantics and facet counts.
//!
//! OR within a facet, AND across facets. A partnership is in a region when either of its two
//! authorities is. A year range keeps partnerships whose first agreement falls inside it; those
//! with an unknown year are kept only while "include unknown year" is on. The "kind / status"
//! facet shows agreements by default (signed or listed, whatever their kind); exchanges and plans
//! only when asked for.

use std::collections::{BTreeMap, BTreeSet};

use super::dataset::{Dataset, Event, PairFacets, Partnership};
use super::search::Query;

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
    /// The search (URL `q=`), as typed: names in any script, region names, aliases.
    pub query: String,
    /// Only the partnerships of this authority (URL `focus=`; a partner site's own map).
    pub focus: Option<String>,
}

impl Default for Filters {
    fn default() -> Self {
        Filters { regions: BTreeSet::new(), themes: BTreeSet::new(), from: None, to: None, include_unknown_year: true, kinds: None, query: String::new(), focus: None }
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
            None => ds.kind_selected_by_default(option),
        }
    }

    /// The selected options, the default spelled out: what a checkbox change starts from.
    pub fn kinds_or_default(&self, ds: &Dataset) -> BTreeSet<String> {
        ds.kind_options().into_iter().filter(|o| self.kind_selected(ds, o)).collect()
    }

    /// Whether a partnership is one of the focused authority's (or there is no focus).
    pub fn focus_ok(&self, p: &Partnership) -> bool {
        self.focus.as_ref().is_none_or(|a| p.french == *a || p.korean == *a)
    }

    pub fn matches(&self, ds: &Dataset, p: &Partnership) -> bool {
        self.focus_ok(p) && self.region_ok(ds, p) && self.theme_ok(p) && self.year_ok(p) && self.kind_ok(p)
    }
}

/// The filters as flags over the dataset's lists ([`crate::domain::dataset::PairFacets`]): each
/// test is an array lookup, so that ten thousand partnerships filter in well under a millisecond.
struct Compiled {
    /// `None`: the facet does not filter.
    regions: Option<Vec<bool>>,
    themes: Option<Vec<bool>>,
    /// `None`: the default (signed and listed agreements).
    kinds: Option<Vec<bool>>,
    /// Applies to every facet: what the search does not find is not counted anywhere.
    query: Query,
}

/// Which facets one partnership passes.
struct Passes {
    region: bool,
    theme: bool,
    year: bool,
    kind: bool,
}

impl Compiled {
    fn new(ds: &Dataset, f: &Filters) -> Compiled {
        let flags = |ids: &mut dyn Iterator<Item = &str>, chosen: &BTreeSet<String>| ids.map(|id| chosen.contains(id)).collect::<Vec<bool>>();
        Compiled {
            regions: (!f.regions.is_empty()).then(|| flags(&mut ds.regions.iter().map(|r| r.id.as_str()), &f.regions)),
            themes: (!f.themes.is_empty()).then(|| flags(&mut ds.themes.iter().map(|t| t.id.as_str()), &f.themes)),
            kinds: f.kinds.as_ref().map(|k| flags(&mut ds.kind_option_ids().iter().map(String::as_str), k)),
            query: Query::new(&f.query),
        }
    }

    fn passes(&self, f: &Filters, p: &Partnership, x: &PairFacets) -> Passes {
        let on = |flags: &Vec<bool>, i: u32| flags.get(i as usize).copied().unwrap_or(false);
        Passes {
            region: self.regions.as_ref().is_none_or(|r| x.regions.iter().flatten().any(|&i| on(r, i))),
            theme: self.themes.as_ref().is_none_or(|t| x.themes.iter().any(|&i| on(t, i))),
            year: f.year_ok(p),
            kind: match &self.kinds {
                None => x.agreement,
                Some(k) => on(k, x.kind),
            },
        }
    }
}

/// Indices (into `ds.partnerships`) of the partnerships the filters keep, in data order.
pub fn visible_pairs(ds: &Dataset, f: &Filters) -> Vec<usize> {
    let c = Compiled::new(ds, f);
    let texts: &[String] = if c.query.is_empty() { &[] } else { ds.search_texts() };
    ds.partnerships
        .iter()
        .zip(ds.facets())
        .enumerate()
        .filter(|(i, (p, x))| {
            if !f.focus_ok(p) || (!c.query.is_empty() && !c.query.matches(&texts[*i])) {
                return false;
            }
            let ok = c.passes(f, p, x);
            ok.region && ok.theme && ok.year && ok.kind
        })
        .map(|(i, _)| i)
        .collect()
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
    let c = Compiled::new(ds, f);
    let kinds = ds.kind_option_ids();
    let (mut regions, mut themes, mut kind_counts) = (vec![0usize; ds.regions.len()], vec![0usize; ds.themes.len()], vec![0usize; kinds.len()]);
    let mut out = FacetCounts::default();
    let texts: &[String] = if c.query.is_empty() { &[] } else { ds.search_texts() };
    for (i, (p, x)) in ds.partnerships.iter().zip(ds.facets()).enumerate() {
        // The focus and the search scope every facet: what they leave out is counted nowhere.
        if !f.focus_ok(p) || (!c.query.is_empty() && !c.query.matches(&texts[i])) {
            continue;
        }
        let Passes { region, theme, year, kind } = c.passes(f, p, x);
        if region && theme && year {
            if let Some(n) = kind_counts.get_mut(x.kind as usize) {
                *n += 1;
            }
        }
        if !kind {
            continue;
        }
        if theme && year {
            // A pair whose two ends are in one region counts once there.
            let [k, fr] = x.regions;
            for r in [k, fr.filter(|&fr| Some(fr) != k)].into_iter().flatten() {
                regions[r as usize] += 1;
            }
        }
        if region && year {
            for &t in &x.themes {
                themes[t as usize] += 1;
            }
        }
        if region && theme {
            match p.year {
                None => out.unknown_year += 1,
                Some(y) => *out.years.entry(y).or_default() += 1,
            }
        }
    }
    out.regions = ds.regions.iter().zip(regions).map(|(r, n)| (r.id.clone(), n)).collect();
    out.themes = ds.themes.iter().zip(themes).map(|(t, n)| (t.id.clone(), n)).collect();
    out.kinds = kinds.iter().cloned().zip(kind_counts).collect();
    out
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
