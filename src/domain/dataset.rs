//! Validated domain types: what the rest of the program trusts.
//!
//! Built only by [`crate::domain::load`]; every id here resolves, every coordinate is in range,
//! every link is `http(s)`. Optional fields are `None` exactly where the data says "unknown".

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::date::PartialDate;
use super::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Country {
    France,
    Korea,
}

impl Country {
    pub fn try_from_code(code: &str) -> Option<Country> {
        match code {
            "FR" => Some(Country::France),
            "KR" => Some(Country::Korea),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Country::France => "FR",
            Country::Korea => "KR",
        }
    }

    /// Where an authority of this country may stand (data/README.md, "Checking the file"):
    /// the first area is the mainland, the others France's overseas territories.
    pub fn areas(self) -> &'static [Area] {
        match self {
            Country::France => &FRANCE_AREAS,
            Country::Korea => &KOREA_AREAS,
        }
    }
}

/// A box of latitudes and longitudes, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub name: &'static str,
    pub lat: (f64, f64),
    pub lng: (f64, f64),
}

impl Area {
    pub fn holds(&self, lat: f64, lng: f64) -> bool {
        (self.lat.0..=self.lat.1).contains(&lat) && (self.lng.0..=self.lng.1).contains(&lng)
    }
}

const KOREA_AREAS: [Area; 1] = [Area { name: "South Korea", lat: (33.0, 39.0), lng: (124.0, 131.5) }];

/// Metropolitan France with Corsica, then each overseas region or collectivity with local
/// authorities (boxes a little larger than the islands).
const FRANCE_AREAS: [Area; 10] = [
    Area { name: "metropolitan France", lat: (41.0, 51.5), lng: (-5.5, 10.0) },
    Area { name: "Guadeloupe, Saint-Martin, Saint-Barthélemy", lat: (15.8, 18.2), lng: (-63.2, -60.9) },
    Area { name: "Martinique", lat: (14.3, 15.0), lng: (-61.3, -60.7) },
    Area { name: "Guyane", lat: (2.0, 6.0), lng: (-54.7, -51.5) },
    Area { name: "La Réunion", lat: (-21.5, -20.8), lng: (55.2, 55.9) },
    Area { name: "Mayotte", lat: (-13.1, -12.6), lng: (44.9, 45.4) },
    Area { name: "Saint-Pierre-et-Miquelon", lat: (46.7, 47.2), lng: (-56.5, -56.1) },
    Area { name: "Wallis-et-Futuna", lat: (-14.4, -13.2), lng: (-178.3, -176.1) },
    Area { name: "Polynésie française", lat: (-28.0, -7.8), lng: (-155.0, -134.0) },
    Area { name: "Nouvelle-Calédonie", lat: (-23.0, -19.0), lng: (163.5, 168.2) },
];

/// A text in up to three languages; at least one is present.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Localized {
    pub fr: Option<String>,
    pub ko: Option<String>,
    pub en: Option<String>,
}

impl Localized {
    pub fn in_lang(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fr => self.fr.as_deref(),
            Lang::Ko => self.ko.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// The text in `lang`, else in English, French, Korean: with the language actually used, so
    /// the interface can mark a fallback with its own `lang` attribute.
    pub fn best(&self, lang: Lang) -> (&str, Lang) {
        let order = match lang {
            Lang::Fr => [Lang::Fr, Lang::En, Lang::Ko],
            Lang::Ko => [Lang::Ko, Lang::En, Lang::Fr],
            Lang::En => [Lang::En, Lang::Fr, Lang::Ko],
        };
        order
            .iter()
            .find_map(|&l| self.in_lang(l).map(|t| (t, l)))
            .unwrap_or(("", lang))
    }

    pub fn get(&self, lang: Lang) -> &str {
        self.best(lang).0
    }

    /// The texts present, French, Korean, English.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [self.fr.as_deref(), self.ko.as_deref(), self.en.as_deref()].into_iter().flatten()
    }
}

/// WGS84 coordinates, checked to be finite and in range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

impl LatLng {
    pub fn try_new(lat: f64, lng: f64) -> Result<Self, String> {
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("latitude {lat} is outside -90..90"));
        }
        if !lng.is_finite() || !(-180.0..=180.0).contains(&lng) {
            return Err(format!("longitude {lng} is outside -180..180"));
        }
        Ok(LatLng { lat, lng })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub title: String,
    /// Always `http:` or `https:` when present.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementKind {
    pub id: String,
    pub label: Localized,
    pub description: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuthorityKind {
    pub id: String,
    pub country: Country,
    /// Id of its administrative tier.
    pub tier: String,
    pub label: Localized,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub value: u64,
    pub as_of: PartialDate,
    pub note: Option<Localized>,
}

/// A tier of one country's local administration (région, commune; 광역, 기초…).
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    pub id: String,
    pub country: Country,
    pub order: u32,
    pub name: Localized,
    pub count: Option<Count>,
    pub description: Localized,
    pub compare_with: Vec<String>,
    pub sources: Vec<Source>,
}

/// A dated event; `partnerships` are the ids of the pairs it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub end_date: Option<PartialDate>,
    pub label: Localized,
    pub partnerships: Vec<String>,
    pub uncertain: bool,
    pub sources: Vec<Source>,
}

impl Event {
    /// The years the event spans, first and last.
    pub fn years(&self) -> (i32, i32) {
        (self.date.year, self.end_date.map_or(self.date.year, |d| d.year))
    }
}

/// Where a partnership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// A source reports a signed document (`kind` says which, when known).
    Signed,
    /// Listed as a partnership by the country group; no signed document found.
    Listed,
    /// Exchanges or visits; nothing signed found.
    Exchange,
    /// An announced plan, not shown as signed.
    Planned,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Signed, Status::Listed, Status::Exchange, Status::Planned];

    pub fn id(self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::Listed => "listed",
            Status::Exchange => "exchange",
            Status::Planned => "planned",
        }
    }

    pub fn try_from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Whether anything was agreed: exchanges and plans are not partnerships yet.
    pub fn is_agreement(self) -> bool {
        matches!(self, Status::Signed | Status::Listed)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// ISO 3166-2 code, e.g. `FR-IDF`, `KR-47`.
    pub id: String,
    pub country: Country,
    pub name: Localized,
    /// Other names people search with (see the data's `aliases`).
    pub aliases: Vec<String>,
    /// Names its land went by before (see the data's `former_names`).
    pub former_names: Vec<FormerName>,
}

impl Region {
    /// Every name the search finds the region by: its name in each language, its aliases and
    /// its former names.
    pub fn search_names(&self) -> impl Iterator<Item = &str> {
        self.name.all().chain(self.aliases.iter().map(String::as_str)).chain(self.former_names.iter().flat_map(|f| f.name.all()))
    }
}

/// How a former name became part of today's region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameChange {
    /// A former region merged into this one (Alsace, now in Grand Est).
    Merged,
    /// This region's own name before it was renamed (강원도, now 강원특별자치도).
    Renamed,
}

impl NameChange {
    pub fn try_from_id(id: &str) -> Option<NameChange> {
        match id {
            "merged" => Some(NameChange::Merged),
            "renamed" => Some(NameChange::Renamed),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            NameChange::Merged => "merged",
            NameChange::Renamed => "renamed",
        }
    }
}

/// A name a region went by before.
#[derive(Debug, Clone, PartialEq)]
pub struct FormerName {
    pub name: Localized,
    pub change: NameChange,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Population {
    pub value: u64,
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Authority {
    pub id: String,
    pub country: Country,
    /// `fr`: French / Latin-script name (always present); `ko`: Hangul.
    pub name: Localized,
    pub kind: Option<String>,
    pub region: String,
    pub location: Option<LatLng>,
    pub population: Option<Population>,
    pub website: Option<String>,
    pub notes: Option<Localized>,
    pub uncertain: Vec<String>,
    pub last_verified: Option<PartialDate>,
    pub sources: Vec<Source>,
    /// Other names people search with (see the data's `aliases`).
    pub aliases: Vec<String>,
}

impl Authority {
    pub fn is_uncertain(&self, field: &str) -> bool {
        self.uncertain.iter().any(|f| f == field)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub date: PartialDate,
    pub label: Localized,
    pub uncertain: bool,
    pub sources: Vec<Source>,
}

/// Whose words a [`Wording`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WordingRole {
    /// The document's own words, as a source quotes them.
    #[default]
    Document,
    /// How the Korean side (its authority, its press) names the link.
    KoreanSide,
    /// How the French side names it.
    FrenchSide,
    /// A later description of the same link.
    Later,
    /// How the sources describe it, when its own words are not known.
    Sources,
}

impl WordingRole {
    pub const ALL: [WordingRole; 5] = [WordingRole::Document, WordingRole::KoreanSide, WordingRole::FrenchSide, WordingRole::Later, WordingRole::Sources];

    pub fn id(self) -> &'static str {
        match self {
            WordingRole::Document => "document",
            WordingRole::KoreanSide => "korean-side",
            WordingRole::FrenchSide => "french-side",
            WordingRole::Later => "later",
            WordingRole::Sources => "sources",
        }
    }

    pub fn try_from_id(id: &str) -> Option<WordingRole> {
        WordingRole::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Words naming an agreement, in the language they were written in (`lang`, an ISO 639-1 code
/// checked by the loader).
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    pub text: String,
    pub lang: String,
    pub role: WordingRole,
    pub year: Option<i32>,
    pub gloss: Option<Localized>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Partnership {
    pub id: String,
    pub korean: String,
    pub french: String,
    pub status: Status,
    pub kind: Option<String>,
    /// A wording whose language the file does not give (see [`Partnership::wording`]).
    pub term: Option<String>,
    /// The agreement's own words, each in its language.
    pub wording: Vec<Wording>,
    /// Year of the first agreement; `None` = unknown.
    pub year: Option<i32>,
    pub date: Option<PartialDate>,
    pub milestones: Vec<Milestone>,
    pub themes: Vec<String>,
    pub summary: Option<Localized>,
    pub uncertain: Vec<String>,
    pub last_verified: Option<PartialDate>,
    pub sources: Vec<Source>,
}

/// The option of the "kind / status" facet: what was signed, or where the pair stands.
pub const UNKNOWN_KIND: &str = "unknown";

impl Partnership {
    /// `twinning`, `friendship`…, `unknown` for an agreement of unknown kind, or `exchange` /
    /// `planned` when nothing is signed.
    pub fn kind_option(&self) -> &str {
        match self.status {
            Status::Exchange | Status::Planned => self.status.id(),
            Status::Signed | Status::Listed => self.kind.as_deref().unwrap_or(UNKNOWN_KIND),
        }
    }

    pub fn is_uncertain(&self, field: &str) -> bool {
        self.uncertain.iter().any(|f| f == field)
    }
}

/// Who publishes the data and keeps the map (the data's `publisher` block). Its `url` is always
/// `http(s)` and its `email` an address of the shape [`crate::domain::load::is_email`] accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: Localized,
    pub url: Option<String>,
    pub email: Option<String>,
    pub sources: Vec<Source>,
}

/// The valid part of a data file, with lookup indices. Its record lists are read through
/// [`Records`] (`ds.partnerships`, `ds.authorities`…).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dataset {
    pub schema_version: u32,
    pub data_as_of: Option<PartialDate>,
    /// Who publishes the data; `None` when the file does not say.
    pub publisher: Option<Publisher>,
    records: Records,
    index: Indices,
}

impl std::ops::Deref for Dataset {
    type Target = Records;
    fn deref(&self) -> &Records {
        &self.records
    }
}

/// The record lists of a dataset, to build one with [`Dataset::new`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Records {
    pub themes: Vec<Theme>,
    pub agreement_kinds: Vec<AgreementKind>,
    pub authority_kinds: Vec<AuthorityKind>,
    pub tiers: Vec<Tier>,
    pub regions: Vec<Region>,
    pub authorities: Vec<Authority>,
    pub partnerships: Vec<Partnership>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Indices {
    themes: FxHashMap<String, usize>,
    agreement_kinds: FxHashMap<String, usize>,
    authority_kinds: FxHashMap<String, usize>,
    tiers: FxHashMap<String, usize>,
    regions: FxHashMap<String, usize>,
    authorities: FxHashMap<String, usize>,
    partnerships: FxHashMap<String, usize>,
    /// Each partnership's facets as indices, for filtering and counting without strings.
    facets: Vec<PairFacets>,
    /// Per partnership, [`Dataset::is_drawable`], computed once: the map asks at every filter
    /// change for thousands of pairs.
    drawable: Vec<bool>,
    /// [`Dataset::kind_options`], computed once.
    kind_options: Vec<String>,
    /// The options selected when the URL chooses none: the agreement kinds, and any option an
    /// agreement (signed or listed) has.
    default_kinds: std::collections::HashSet<String>,
    /// [`Dataset::search_texts`], made at the first search.
    search: Derived<Vec<String>>,
}

/// A value computed from the records on first use. Two datasets with the same records are equal
/// whether or not either has computed it yet.
#[derive(Debug, Clone, Default)]
struct Derived<T>(std::sync::OnceLock<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A partnership's facets as indices into the dataset's lists: what the filters test, thousands
/// of times per change, without hashing or comparing strings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairFacets {
    /// Regions of the Korean and the French end (into `regions`); `None` for a region or an
    /// authority that does not resolve.
    pub regions: [Option<u32>; 2],
    /// Into `themes`.
    pub themes: Vec<u32>,
    /// Into [`Dataset::kind_options`].
    pub kind: u32,
    /// A signed or listed agreement (shown by default), not an exchange or a plan.
    pub agreement: bool,
}

/// Ids to positions. rustc-hash rather than SipHash: the ids are the data's own, and the list
/// and the card look authorities up for every item they show.
fn index_of<T>(items: &[T], id: impl Fn(&T) -> &str) -> FxHashMap<String, usize> {
    items.iter().enumerate().map(|(i, t)| (id(t).to_string(), i)).collect()
}

impl Dataset {
    pub fn new(schema_version: u32, data_as_of: Option<PartialDate>, records: Records) -> Self {
        let r = &records;
        let index = Indices {
            themes: index_of(&r.themes, |t| &t.id),
            agreement_kinds: index_of(&r.agreement_kinds, |k| &k.id),
            authority_kinds: index_of(&r.authority_kinds, |k| &k.id),
            tiers: index_of(&r.tiers, |t| &t.id),
            regions: index_of(&r.regions, |r| &r.id),
            authorities: index_of(&r.authorities, |a| &a.id),
            partnerships: index_of(&r.partnerships, |p| &p.id),
            facets: Vec::new(),
            drawable: Vec::new(),
            kind_options: Vec::new(),
            default_kinds: Default::default(),
            search: Default::default(),
        };
        let mut ds = Dataset { schema_version, data_as_of, publisher: None, records, index };
        ds.index.kind_options = ds.compute_kind_options();
        let kinds: HashMap<&str, u32> = ds.index.kind_options.iter().enumerate().map(|(i, k)| (k.as_str(), i as u32)).collect();
        let facets = ds
            .partnerships
            .iter()
            .map(|p| {
                let region = |id: &str| ds.authority(id).and_then(|a| ds.index.regions.get(&a.region)).map(|&i| i as u32);
                PairFacets {
                    regions: [region(&p.korean), region(&p.french)],
                    themes: p.themes.iter().filter_map(|t| ds.index.themes.get(t)).map(|&i| i as u32).collect(),
                    kind: kinds.get(p.kind_option()).copied().unwrap_or(u32::MAX),
                    agreement: p.status.is_agreement(),
                }
            })
            .collect();
        ds.index.facets = facets;
        ds.index.drawable = ds.partnerships.iter().map(|p| ds.ends(p).is_some_and(|(k, f)| k.location.is_some() && f.location.is_some())).collect();
        ds.index.default_kinds = ds
            .partnerships
            .iter()
            .filter(|p| p.status.is_agreement())
            .map(|p| p.kind_option().to_string())
            .chain(ds.agreement_kinds.iter().map(|k| k.id.clone()))
            .collect();
        ds
    }

    /// The date of the data: the file's `data_as_of`, or else the latest `last_verified` of its
    /// records; `None` when the file gives neither.
    pub fn data_date(&self) -> Option<PartialDate> {
        self.data_as_of.or_else(|| {
            let partnerships = self.partnerships.iter().filter_map(|p| p.last_verified);
            partnerships.chain(self.authorities.iter().filter_map(|a| a.last_verified)).max()
        })
    }

    /// Whether a "kind / status" option is selected when the URL chooses none.
    pub fn kind_selected_by_default(&self, option: &str) -> bool {
        self.index.default_kinds.contains(option)
    }

    /// What search looks in for each partnership, in the order of `partnerships`, folded
    /// (`search::fold`): both authorities' names in every language and their aliases, and their
    /// regions' names, aliases and former names (Alsace finds every pair in Grand Est). Made at
    /// the first search, not at load: most visits never search.
    pub fn search_texts(&self) -> &[String] {
        self.index.search.0.get_or_init(|| {
            let names = super::search::fold_names;
            let region_text: HashMap<&str, String> = self.regions.iter().map(|r| (r.id.as_str(), super::search::fold_all(r.search_names()))).collect();
            let authority_text: HashMap<&str, String> = self
                .authorities
                .iter()
                .map(|a| (a.id.as_str(), format!("{} | {}", names(&a.name, &a.aliases), region_text.get(a.region.as_str()).map_or("", String::as_str))))
                .collect();
            self.partnerships
                .iter()
                .map(|p| [&p.korean, &p.french].iter().filter_map(|id| authority_text.get(id.as_str())).map(String::as_str).collect::<Vec<_>>().join(" | "))
                .collect()
        })
    }

    /// Each partnership's facets as indices, in the order of `partnerships`.
    pub fn facets(&self) -> &[PairFacets] {
        &self.index.facets
    }

    /// The record lists, to change some and build a new dataset.
    pub fn records(&self) -> Records {
        self.records.clone()
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.index.themes.get(id).map(|&i| &self.themes[i])
    }
    pub fn agreement_kind(&self, id: &str) -> Option<&AgreementKind> {
        self.index.agreement_kinds.get(id).map(|&i| &self.agreement_kinds[i])
    }
    pub fn authority_kind(&self, id: &str) -> Option<&AuthorityKind> {
        self.index.authority_kinds.get(id).map(|&i| &self.authority_kinds[i])
    }
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.index.tiers.get(id).map(|&i| &self.tiers[i])
    }
    /// The tier of an authority, through its kind.
    pub fn tier_of(&self, a: &Authority) -> Option<&Tier> {
        self.tier(&self.authority_kind(a.kind.as_deref()?)?.tier)
    }
    pub fn region(&self, id: &str) -> Option<&Region> {
        self.index.regions.get(id).map(|&i| &self.regions[i])
    }
    pub fn authority(&self, id: &str) -> Option<&Authority> {
        self.authority_index(id).map(|i| &self.authorities[i])
    }
    pub fn authority_index(&self, id: &str) -> Option<usize> {
        self.index.authorities.get(id).copied()
    }
    pub fn partnership_index(&self, id: &str) -> Option<usize> {
        self.index.partnerships.get(id).copied()
    }
    pub fn partnership(&self, id: &str) -> Option<&Partnership> {
        self.partnership_index(id).map(|i| &self.partnerships[i])
    }

    /// The two authorities of a partnership, Korean first. Always resolves for a loaded dataset.
    pub fn ends(&self, p: &Partnership) -> Option<(&Authority, &Authority)> {
        Some((self.authority(&p.korean)?, self.authority(&p.french)?))
    }

    /// Whether a partnership can be drawn: both its authorities are known and located.
    pub fn is_drawable(&self, p: &Partnership) -> bool {
        self.partnership_index(&p.id).is_some_and(|i| self.is_drawable_at(i))
    }

    /// [`Dataset::is_drawable`] of the partnership at index `i`, without a lookup.
    pub fn is_drawable_at(&self, i: usize) -> bool {
        self.index.drawable.get(i).copied().unwrap_or(false)
    }

    /// The authorities of a partnership that have no position, Korean first: why a pair that
    /// is not [drawable](Dataset::is_drawable) cannot be drawn. Empty for a drawable pair.
    pub fn unlocated_ends(&self, p: &Partnership) -> Vec<&Authority> {
        [&p.korean, &p.french].into_iter().filter_map(|id| self.authority(id)).filter(|a| a.location.is_none()).collect()
    }

    /// Regions that at least one partnership touches, French first, then by name.
    pub fn regions_in_use(&self) -> Vec<&Region> {
        let mut used: Vec<&Region> = self
            .regions
            .iter()
            .filter(|r| {
                self.partnerships.iter().any(|p| {
                    self.ends(p).is_some_and(|(k, f)| k.region == r.id || f.region == r.id)
                })
            })
            .collect();
        used.sort_by(|a, b| (a.country, a.id.as_str()).cmp(&(b.country, b.id.as_str())));
        used
    }

    /// Themes that at least one partnership carries, in vocabulary order.
    pub fn themes_in_use(&self) -> Vec<&Theme> {
        self.themes
            .iter()
            .filter(|t| self.partnerships.iter().any(|p| p.themes.contains(&t.id)))
            .collect()
    }

    /// The options of the "kind / status" facet, in display order: the agreement kinds of the
    /// vocabulary, then "unknown kind", "exchange" and "planned" when some pair needs them.
    pub fn kind_options(&self) -> Vec<String> {
        self.index.kind_options.clone()
    }

    /// The same, borrowed.
    pub fn kind_option_ids(&self) -> &[String] {
        &self.index.kind_options
    }

    fn compute_kind_options(&self) -> Vec<String> {
        let mut options: Vec<String> = self.agreement_kinds.iter().map(|k| k.id.clone()).collect();
        for extra in [UNKNOWN_KIND, Status::Exchange.id(), Status::Planned.id()] {
            if self.partnerships.iter().any(|p| p.kind_option() == extra) {
                options.push(extra.to_string());
            }
        }
        options
    }

    /// Smallest and largest known year of a first agreement.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let years = self.partnerships.iter().filter_map(|p| p.year);
        let min = years.clone().min()?;
        Some((min, years.max()?))
    }
}
