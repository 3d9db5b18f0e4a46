//! Serde types that mirror `data/partnerships.json` field for field (see `data/README.md`).
//!
//! They only describe the file's shape: ids are not resolved and values are not checked here.
//! [`crate::domain::load`] turns them into the validated types of [`crate::domain::dataset`], and
//! [`crate::domain::export::to_document`] turns a validated dataset back into a [`RawDataset`].
//! Unknown fields are refused so that a misspelt key in a hand-edited file is reported, not
//! silently dropped. `expecting` gives serde's type errors a name a person knows
//! ("expected a milestone object", not the Rust type's name).
//!
//! The `///` comments here are the descriptions of the JSON Schema that the data tool generates
//! from these types (`data/partnerships.schema.json`, natively only: `schemars` is not a
//! dependency of the wasm build).

use serde::{Deserialize, Serialize};

/// A text in French, Korean and English; a missing or `null` language means "not available".
/// At least one of the three is given.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Localized"))]
#[serde(deny_unknown_fields, expecting = "an object of texts {\"fr\", \"ko\", \"en\"}")]
pub struct RawLocalized {
    /// French text.
    #[serde(default)]
    pub fr: Option<String>,
    /// Korean text (Hangul).
    #[serde(default)]
    pub ko: Option<String>,
    /// English text.
    #[serde(default)]
    pub en: Option<String>,
}

/// A page or document the values were read on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Source"))]
#[serde(deny_unknown_fields, expecting = "a source object {\"title\", \"url\"}")]
pub struct RawSource {
    /// A short human title (site, and date when known).
    pub title: String,
    /// An absolute `http:` or `https:` link; `null` for a source that is not on the web (the
    /// 2016 flyer).
    #[serde(default)]
    pub url: Option<String>,
}

/// A theme of cooperation (culture, economy…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Theme"))]
#[serde(deny_unknown_fields, expecting = "a theme object {\"id\", \"label\"}")]
pub struct RawTheme {
    /// Kebab-case id, unique among themes.
    pub id: String,
    /// The theme's name.
    pub label: RawLocalized,
}

/// A kind of signed agreement (twinning, friendship, cooperation, letter of intent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "AgreementKind"))]
#[serde(deny_unknown_fields, expecting = "an agreement kind object {\"id\", \"label\", …}")]
pub struct RawAgreementKind {
    /// Kebab-case id, unique among agreement kinds.
    pub id: String,
    /// The kind's name.
    pub label: RawLocalized,
    /// What this kind of agreement commits the two authorities to.
    #[serde(default)]
    pub description: Option<RawLocalized>,
}

/// A kind of local authority of one country (commune, 시…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "AuthorityKind"))]
#[serde(deny_unknown_fields, expecting = "an authority kind object {\"id\", \"country\", \"tier\", \"label\"}")]
pub struct RawAuthorityKind {
    /// Kebab-case id, unique among authority kinds.
    pub id: String,
    /// `"FR"` or `"KR"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["FR", "KR"])))]
    pub country: String,
    /// The administrative tier (`administrative_tiers[].id`) this kind of authority belongs to;
    /// a tier of the same country.
    pub tier: String,
    /// The kind's name.
    pub label: RawLocalized,
}

/// How many authorities a tier counts, at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Count"))]
#[serde(deny_unknown_fields, expecting = "a count object {\"value\", \"as_of\", …}")]
pub struct RawCount {
    /// The number of authorities.
    pub value: u64,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub as_of: String,
    /// What the figure includes or leaves out.
    #[serde(default)]
    pub note: Option<RawLocalized>,
}

/// A tier of one country's local administration, for the side-by-side panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Tier"))]
#[serde(deny_unknown_fields, expecting = "an administrative tier object {\"id\", \"country\", \"order\", …}")]
pub struct RawTier {
    /// Kebab-case id, unique among tiers.
    pub id: String,
    /// `"FR"` or `"KR"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["FR", "KR"])))]
    pub country: String,
    /// Display order within the country, 1 = highest tier.
    pub order: u32,
    /// The tier's name.
    pub name: RawLocalized,
    /// How many authorities the tier counts.
    #[serde(default)]
    pub count: Option<RawCount>,
    /// What the tier is and does.
    pub description: RawLocalized,
    /// Tiers of the other country that sources compare this one with.
    #[serde(default)]
    pub compare_with: Vec<String>,
    /// Pages the description was read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// A dated event of Franco-Korean decentralised cooperation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Event"))]
#[serde(deny_unknown_fields, expecting = "an event object {\"id\", \"date\", \"label\", …}")]
pub struct RawEvent {
    /// Kebab-case id, unique among events.
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, year within 1800..2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub date: String,
    /// Last day of an event that spans a period; not before `date`.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub end_date: Option<String>,
    /// What happened.
    pub label: RawLocalized,
    /// The partnerships (`partnerships[].id`) the event concerns; `[]` for a context event.
    #[serde(default)]
    pub partnerships: Vec<String>,
    /// Whether the date or the event itself is uncertain.
    #[serde(default)]
    pub uncertain: bool,
    /// Pages the event was read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// A first-level region of France or South Korea.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Region"))]
#[serde(deny_unknown_fields, expecting = "a region object {\"id\", \"country\", \"name\"}")]
pub struct RawRegion {
    /// Its ISO 3166-2 code (`FR-IDF`, `KR-47`), which starts with its country's code.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^(FR|KR)-[A-Z0-9]{1,3}$")))]
    pub id: String,
    /// `"FR"` or `"KR"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["FR", "KR"])))]
    pub country: String,
    /// The region's name.
    pub name: RawLocalized,
    /// Other names people search with, each sourced like the record: abbreviations (`경북`),
    /// ISO 3166-2 names (`Gyeongsangbuk-do`), older romanisations (`Pusan`). Searched, not shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Names the region's land went by before: regions merged into it (Alsace in Grand Est), or
    /// its own name before a renaming (강원도). Searched like aliases, and shown as what they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<RawFormerName>,
}

/// A name a region went by before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "FormerName"))]
#[serde(deny_unknown_fields, expecting = "a former name object {\"name\", \"change\"}")]
pub struct RawFormerName {
    /// The former name, in the languages a source gives it.
    pub name: RawLocalized,
    /// `merged`: a former region that is now part of this one (Alsace, in Grand Est since 1
    /// January 2016); `renamed`: this region's own name before it changed (강원도, now
    /// 강원특별자치도).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["merged", "renamed"])))]
    pub change: String,
}

/// WGS84 coordinates in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Location"))]
#[serde(deny_unknown_fields, expecting = "an object {\"lat\", \"lng\"}")]
pub struct RawLocation {
    /// Latitude, -90..90.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -90.0, max = 90.0)))]
    pub lat: f64,
    /// Longitude, -180..180.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -180.0, max = 180.0)))]
    pub lng: f64,
}

/// A population figure and the year it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Population"))]
#[serde(deny_unknown_fields, expecting = "an object {\"value\", \"year\"}")]
pub struct RawPopulation {
    /// Number of inhabitants, positive.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1)))]
    pub value: u64,
    /// The year of the figure, within 1800..2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1800, max = 2100)))]
    pub year: i32,
}

/// A French or Korean local authority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Authority"))]
#[serde(deny_unknown_fields, expecting = "an authority object {\"id\", \"country\", \"name\", \"region\", …}")]
pub struct RawAuthority {
    /// Kebab-case id starting with `fr-` or `kr-` (its country), unique among authorities.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^(fr|kr)(-[a-z0-9]+)+$")))]
    pub id: String,
    /// `"FR"` or `"KR"`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["FR", "KR"])))]
    pub country: String,
    /// `fr` (required): French / Latin-script name; `ko`: Hangul; `en`: English name.
    pub name: RawLocalized,
    /// An `authority_kinds[].id` of the same country; `null` when unknown.
    #[serde(default)]
    pub kind: Option<String>,
    /// The `regions[].id` (ISO 3166-2) the authority lies in; a region of its country.
    pub region: String,
    /// Where to draw it; `null` when unknown.
    #[serde(default)]
    pub location: Option<RawLocation>,
    /// `null` when unknown.
    #[serde(default)]
    pub population: Option<RawPopulation>,
    /// Official site, an `http(s)` link; `null` when unknown.
    #[serde(default)]
    pub website: Option<String>,
    /// Short factual notes (ambiguities, stand-in coordinates, signatory history).
    #[serde(default)]
    pub notes: Option<RawLocalized>,
    /// Names of this record's fields whose value is uncertain: `name`, `kind`, `region`,
    /// `location`, `population`, `website`.
    #[serde(default)]
    pub uncertain: Vec<String>,
    /// When the record was last checked against its sources.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub last_verified: Option<String>,
    /// Pages the values were read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// Other names people search with, each sourced like the record: abbreviations (`경북`),
    /// ISO 3166-2 names (`Gyeongsangbuk-do`), older romanisations (`Pusan`). Searched, not shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A dated step of a partnership other than its first agreement (renewal, anniversary, visit…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Milestone"))]
#[serde(deny_unknown_fields, expecting = "a milestone object {\"date\", \"label\", …}")]
pub struct RawMilestone {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, year within 1800..2100.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub date: String,
    /// What happened.
    pub label: RawLocalized,
    /// Whether the date or the step itself is uncertain.
    #[serde(default)]
    pub uncertain: bool,
    /// Pages the step was read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// Words naming an agreement, in the language they were written in: the card quotes them as
/// they are, marked with their language, and never mixes them into its own sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Wording"))]
#[serde(deny_unknown_fields, expecting = "a wording object {\"text\", \"lang\", …}")]
pub struct RawWording {
    /// The words as a source gives them, without quotation marks.
    pub text: String,
    /// The language of `text`: a lowercase ISO 639-1 code (`ko`, `fr`, `en`, `de`…).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[a-z]{2,3}$")))]
    pub lang: String,
    /// Whose words: `document` (the default: the document's own, as a source quotes it),
    /// `korean-side` or `french-side` (how one side, its authority or its press, names the
    /// link), `later` (a later description of the same link), `sources` (how the sources
    /// describe it when its own words are not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["document", "korean-side", "french-side", "later", "sources"])))]
    pub role: Option<String>,
    /// The year of the step these words name, when the partnership signed several documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1800, max = 2100)))]
    pub year: Option<i32>,
    /// What the words mean, in the languages given; the card shows it only in its own
    /// language, never another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss: Option<RawLocalized>,
}

/// A partnership between one Korean and one French local authority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Partnership"))]
#[serde(deny_unknown_fields, expecting = "a partnership object {\"id\", \"authorities\", \"status\", …}")]
pub struct RawPartnership {
    /// Kebab-case id, `<korean short name>-<french short name>`, unique among partnerships.
    pub id: String,
    /// `[korean authority id, french authority id]`.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(length(equal = 2)))]
    pub authorities: Vec<String>,
    /// `signed`, `listed`, `exchange` or `planned` (see data/README.md).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["signed", "listed", "exchange", "planned"])))]
    pub status: String,
    /// An `agreement_kinds[].id`; `null` when unknown, and always for `exchange` and `planned`.
    #[serde(default)]
    pub kind: Option<String>,
    /// The agreement's wording as one free text whose language is not given (files written
    /// before `wording`; shown as it is). Give `wording` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// The agreement's own words, each in its language; for an agreement that changed over
    /// time, each step's; how each side names it when they differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wording: Vec<RawWording>,
    /// Year of the first agreement (1800..2100); `null` when unknown, and always for
    /// `exchange` and `planned`.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1800, max = 2100)))]
    pub year: Option<i32>,
    /// `YYYY-MM-DD` or `YYYY-MM` of the first agreement, in `year`; `null` when unknown.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub date: Option<String>,
    /// Other dated steps, in date order.
    #[serde(default)]
    pub milestones: Vec<RawMilestone>,
    /// `themes[].id`s, each at most once; `[]` when unknown.
    #[serde(default)]
    pub themes: Vec<String>,
    /// One or two factual sentences.
    #[serde(default)]
    pub summary: Option<RawLocalized>,
    /// Names of this record's fields whose value is uncertain: `authorities`, `kind`, `term`,
    /// `wording`, `year`, `date`, `themes`, `summary`.
    #[serde(default)]
    pub uncertain: Vec<String>,
    /// When the record was last checked against its sources.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub last_verified: Option<String>,
    /// Pages the facts were read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// Who publishes the data and keeps the map, and how to reach them: what the map's "About"
/// panel names, and where its "Propose a partnership or a correction" form sends its message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Publisher"))]
#[serde(deny_unknown_fields, expecting = "a publisher object {\"name\", \"url\", \"email\", \"sources\"}")]
pub struct RawPublisher {
    /// The publisher's name (an organisation, or its group that keeps the data).
    pub name: RawLocalized,
    /// Its web page, an `http(s)` link; `null` when unknown.
    #[serde(default)]
    pub url: Option<String>,
    /// The address that proposals and corrections are sent to; `null` when none is published
    /// (the map then offers to copy or download the message only).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")))]
    pub email: Option<String>,
    /// Pages the name, link and address were read on.
    #[serde(default)]
    pub sources: Vec<RawSource>,
}

/// The data file of the map of French–South Korean local-authority partnerships
/// (`data/partnerships.json`, described in `data/README.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "Franco-Korean local-authority partnerships, schema version 2"))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "Dataset"))]
#[serde(deny_unknown_fields, expecting = "the data file's top-level object")]
pub struct RawDataset {
    /// The version of this format; this program reads version 2.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = 2)))]
    pub schema_version: u32,
    /// The date the research behind the file was compiled (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")))]
    pub data_as_of: Option<String>,
    /// Who publishes the data and keeps the map; `null` when not said.
    #[serde(default)]
    pub publisher: Option<RawPublisher>,
    /// Themes of cooperation.
    pub themes: Vec<RawTheme>,
    /// Kinds of signed agreement.
    pub agreement_kinds: Vec<RawAgreementKind>,
    /// Kinds of local authority, per country.
    pub authority_kinds: Vec<RawAuthorityKind>,
    /// Tiers of each country's local administration.
    pub administrative_tiers: Vec<RawTier>,
    /// First-level regions of both countries.
    pub regions: Vec<RawRegion>,
    /// The local authorities.
    pub authorities: Vec<RawAuthority>,
    /// The partnerships, each between one Korean and one French authority.
    pub partnerships: Vec<RawPartnership>,
    /// Dated events of Franco-Korean decentralised cooperation.
    pub events: Vec<RawEvent>,
}
