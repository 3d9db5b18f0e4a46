//! Counts of a dataset, for the data tool's `stats`: partnerships by status, by "kind / status"
//! option, by region, by theme and by year, with a plain-text rendering.

use std::collections::BTreeMap;
use std::fmt;

use super::dataset::{Dataset, Status};
use super::i18n::Lang;

/// One line of a count table: an id, its English (else French, Korean) label, and a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub id: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stats {
    pub partnerships: usize,
    pub authorities: usize,
    pub events: usize,
    /// Per status, in [`Status::ALL`] order, zero counts included.
    pub by_status: Vec<Count>,
    /// Per option of the "kind / status" facet ([`Dataset::kind_options`] order).
    pub by_kind: Vec<Count>,
    /// Per region that a partnership touches (a pair counts in each of its two regions, once),
    /// French regions first, then by id.
    pub by_region: Vec<Count>,
    /// Per theme in vocabulary order, zero counts included; a pair counts once per theme.
    pub by_theme: Vec<Count>,
    /// Partnerships with no theme.
    pub without_theme: usize,
    /// Per known year of first agreement.
    pub by_year: BTreeMap<i32, usize>,
    pub unknown_year: usize,
}

pub fn stats(ds: &Dataset) -> Stats {
    let label = |l: &super::dataset::Localized| l.get(Lang::En).to_string();
    let by_status = Status::ALL
        .iter()
        .map(|s| Count {
            id: s.id().to_string(),
            label: status_label(*s).to_string(),
            count: ds.partnerships.iter().filter(|p| p.status == *s).count(),
        })
        .collect();
    let by_kind = ds
        .kind_options()
        .into_iter()
        .map(|o| Count {
            label: ds.agreement_kind(&o).map_or_else(|| kind_option_label(&o).to_string(), |k| label(&k.label)),
            count: ds.partnerships.iter().filter(|p| p.kind_option() == o).count(),
            id: o,
        })
        .collect();
    let by_region = ds
        .regions_in_use()
        .into_iter()
        .map(|r| Count {
            id: r.id.clone(),
            label: label(&r.name),
            count: ds
                .partnerships
                .iter()
                .filter(|p| ds.ends(p).is_some_and(|(k, f)| k.region == r.id || f.region == r.id))
                .count(),
        })
        .collect();
    let by_theme = ds
        .themes
        .iter()
        .map(|t| Count {
            id: t.id.clone(),
            label: label(&t.label),
            count: ds.partnerships.iter().filter(|p| p.themes.contains(&t.id)).count(),
        })
        .collect();
    let mut by_year = BTreeMap::new();
    for y in ds.partnerships.iter().filter_map(|p| p.year) {
        *by_year.entry(y).or_default() += 1;
    }
    Stats {
        partnerships: ds.partnerships.len(),
        authorities: ds.authorities.len(),
        events: ds.events.len(),
        by_status,
        by_kind,
        by_region,
        by_theme,
        without_theme: ds.partnerships.iter().filter(|p| p.themes.is_empty()).count(),
        unknown_year: ds.partnerships.iter().filter(|p| p.year.is_none()).count(),
        by_year,
    }
}

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Signed => "signed document",
        Status::Listed => "listed, nothing signed found",
        Status::Exchange => "exchanges, nothing signed",
        Status::Planned => "announced plan",
    }
}

fn kind_option_label(option: &str) -> &'static str {
    match option {
        "exchange" => "exchanges (nothing signed)",
        "planned" => "planned",
        _ => "agreement of unknown kind",
    }
}

/// A table of `id  label  count` lines under a title, columns aligned.
pub fn table(title: &str, rows: &[Count]) -> String {
    let width = |s: &str| s.chars().count();
    let id_w = rows.iter().map(|r| width(&r.id)).max().unwrap_or(0);
    let label_w = rows.iter().map(|r| width(&r.label)).max().unwrap_or(0);
    let count_w = rows.iter().map(|r| r.count.to_string().len()).max().unwrap_or(1);
    let mut out = format!("{title}\n");
    for r in rows {
        let id = format!("{}{}", r.id, " ".repeat(id_w - width(&r.id)));
        let line = if label_w == 0 {
            format!("  {id}  {:>count_w$}", r.count)
        } else {
            format!("  {id}  {}{}  {:>count_w$}", r.label, " ".repeat(label_w - width(&r.label)), r.count)
        };
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} partnerships, {} authorities, {} events", self.partnerships, self.authorities, self.events)?;
        writeln!(f)?;
        write!(f, "{}", table("By status", &self.by_status))?;
        writeln!(f)?;
        write!(f, "{}", table("By kind / status", &self.by_kind))?;
        writeln!(f)?;
        write!(f, "{}", table("By region (a pair counts in both of its regions)", &self.by_region))?;
        writeln!(f)?;
        let mut themes = self.by_theme.clone();
        themes.push(Count { id: "(none)".into(), label: "no theme known".into(), count: self.without_theme });
        write!(f, "{}", table("By theme (a pair counts once per theme)", &themes))?;
        writeln!(f)?;
        let mut years: Vec<Count> =
            self.by_year.iter().map(|(y, n)| Count { id: y.to_string(), label: String::new(), count: *n }).collect();
        years.push(Count { id: "unknown".into(), label: String::new(), count: self.unknown_year });
        write!(f, "{}", table("By year of first agreement", &years))
    }
}
