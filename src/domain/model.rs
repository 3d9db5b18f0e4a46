//! Serde types that mirror `data/partnerships.json` field for field (see `data/README.md`).
//!
//! They only describe the file's shape: ids are not resolved and values are not checked here.
//! [`crate::domain::load`] turns them into the validated types of [`crate::domain::dataset`].
//! Unknown fields are refused so that a misspelt key in a hand-edited file is reported, not
//! silently dropped.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocalized {
    #[serde(default)]
    pub fr: Option<String>,
    #[serde(default)]
    pub ko: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub title: String,
    /// `null` for a source that is not on the web (the 2016 flyer).
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: String,
    pub label: RawLocalized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgreementKind {
    pub id: String,
    pub label: RawLocalized,
    #[serde(default)]
    pub description: Option<RawLocalized>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuthorityKind {
    pub id: String,
    pub country: String,
    /// The administrative tier (`administrative_tiers[].id`) this kind of authority belongs to.
    pub tier: String,
    pub label: RawLocalized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCount {
    pub value: u64,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: String,
    #[serde(default)]
    pub note: Option<RawLocalized>,
}

/// A tier of one country's local administration, for the side-by-side panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTier {
    pub id: String,
    pub country: String,
    /// Display order within the country, 1 = highest tier.
    pub order: u32,
    pub name: RawLocalized,
    #[serde(default)]
    pub count: Option<RawCount>,
    pub description: RawLocalized,
    /// Tiers of the other country that sources compare this one with.
    #[serde(default)]
    pub compare_with: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// A dated event of Franco-Korean decentralised cooperation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub date: String,
    #[serde(default)]
    pub end_date: Option<String>,
    pub label: RawLocalized,
    /// The partnerships the event concerns.
    #[serde(default)]
    pub partnerships: Vec<String>,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: String,
    pub country: String,
    pub name: RawLocalized,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    pub lat: f64,
    pub lng: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPopulation {
    pub value: u64,
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAuthority {
    pub id: String,
    pub country: String,
    pub name: RawLocalized,
    #[serde(default)]
    pub kind: Option<String>,
    pub region: String,
    #[serde(default)]
    pub location: Option<RawLocation>,
    #[serde(default)]
    pub population: Option<RawPopulation>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub notes: Option<RawLocalized>,
    #[serde(default)]
    pub uncertain: Vec<String>,
    /// When the record was last checked against its sources.
    #[serde(default)]
    pub last_verified: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMilestone {
    pub date: String,
    pub label: RawLocalized,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPartnership {
    pub id: String,
    /// `[korean authority id, french authority id]`.
    pub authorities: Vec<String>,
    /// `signed`, `listed`, `exchange` or `planned` (see data/README.md).
    pub status: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub term: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub milestones: Vec<RawMilestone>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub summary: Option<RawLocalized>,
    #[serde(default)]
    pub uncertain: Vec<String>,
    #[serde(default)]
    pub last_verified: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
}
