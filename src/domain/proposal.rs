//! "Propose a partnership or a correction": what a visitor types in the About panel's form,
//! turned into a message for the data's publisher — the partnership record in the data file's
//! own format (with any new authority it needs), the sources, and what to correct.
//!
//! Pure: the form's fields in, the message (or what is still missing) out. The record it writes
//! loads without a problem once added to the data it was written against
//! ([`Proposal::apply_to`], then [`crate::domain::load_dataset`]; tested natively). Unknowns are
//! `null`, never guessed; a proposal is not a verification, so `last_verified` is `null`.
//! Nothing here sends anything: the app offers the message to copy, to download, or to open in
//! the visitor's mail program ([`mailto`]).

use serde::Serialize;

use super::dataset::{Authority, Country, Dataset, Partnership, Status};
use super::describe::authority_names;
use super::export::{raw_milestone, raw_localized, raw_sources, raw_wording};
use super::i18n::Lang;
use super::load::{is_email, is_http_url, is_slug, YEAR_RANGE};
use super::model::{RawAuthority, RawDataset, RawLocalized, RawPartnership, RawSource};
use super::search::fold;

/// What the visitor typed about one end of the partnership.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthorityInput {
    /// The authority's name, as typed or chosen among the suggestions (any language).
    pub name: String,
    /// A new authority's name in Latin letters, when `name` has none (typed in Hangul).
    pub latin: String,
    /// A new authority's region (`regions[].id`).
    pub region: String,
}

/// The form's fields, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form {
    /// The partnership to correct (`partnerships[].id`); `None` for a new one.
    pub correction_of: Option<String>,
    pub korean: AuthorityInput,
    pub french: AuthorityInput,
    /// An option of the "kind / status" facet: an agreement kind id, `unknown` (an agreement of
    /// unknown kind), `exchange` or `planned`.
    pub kind: String,
    /// The year of the first agreement, or empty.
    pub year: String,
    /// Theme ids.
    pub themes: Vec<String>,
    /// Links to the pages that say so, one per line.
    pub sources: String,
    /// What to correct, or anything to add, in the visitor's words.
    pub comment: String,
    /// The visitor's name and e-mail address, both optional.
    pub name: String,
    pub email: String,
}

/// What keeps the form from making a valid record. Each names the field to fill or fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No authority named on this side.
    Authority(Country),
    /// A new authority without its region.
    Region(Country),
    /// A new authority whose name has no Latin letters, without its name in Latin letters.
    LatinName(Country),
    /// The year is not a year between 1800 and 2100.
    Year,
    /// The line of the sources (1-based) is not an `http(s)` link.
    Source(usize),
    /// A new partnership without any source.
    NoSource,
    /// The visitor's e-mail address is not one.
    Email,
}

/// Who wrote the proposal, as far as they said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
pub struct Sender {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// What a maintainer receives: the record in the data file's format and how to apply it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
pub struct Proposal {
    /// What this message is, for whoever opens it.
    pub about: String,
    /// The date of the data the proposal was written against (`data_as_of`).
    pub data_as_of: Option<String>,
    /// The id of the partnership to correct; `null` for a new partnership.
    pub correction_of: Option<String>,
    /// What to correct, or anything to add, in the visitor's words.
    pub comment: Option<String>,
    /// The partnership record, as in `partnerships` of `data/partnerships.json`.
    pub partnership: RawPartnership,
    /// Authorities the record names that the data does not have yet, as in `authorities`.
    pub authorities: Vec<RawAuthority>,
    /// The links the visitor gave.
    pub sources: Vec<String>,
    pub from: Sender,
    /// "Seoul ↔ Paris", for the mail's subject and the file's name; not part of the message.
    #[serde(skip)]
    pub title: String,
}

/// What [`Proposal::about`] says.
const ABOUT: &str = "Proposal for data/partnerships.json of the Franco-Korean partnership map: \
add `partnership` to `partnerships` (or put it in place of the record of the same id) and each of \
`authorities` to `authorities`; check the sources first.";

impl Proposal {
    /// The message as the file and the clipboard hold it: pretty JSON, a final newline.
    pub fn to_json(&self) -> String {
        // Plain structs of strings and numbers: serialising cannot fail.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The name of the downloaded file: `proposal-seoul-paris.json`.
    pub fn file_name(&self) -> String {
        format!("proposal-{}.json", self.partnership.id)
    }

    /// Applies the proposal to a data file, as a maintainer would: the new authorities added,
    /// the partnership put in place of the record of the same id, or added at the end.
    pub fn apply_to(&self, doc: &mut RawDataset) {
        for a in &self.authorities {
            if !doc.authorities.iter().any(|b| b.id == a.id) {
                doc.authorities.push(a.clone());
            }
        }
        match doc.partnerships.iter_mut().find(|p| p.id == self.partnership.id) {
            Some(p) => *p = self.partnership.clone(),
            None => doc.partnerships.push(self.partnership.clone()),
        }
    }
}

/// Korean names' tier suffixes, longest first: `서울특별시` is also written `서울`.
const KOREAN_SUFFIXES: [&str; 8] = ["특별자치시", "특별자치도", "특별시", "광역시", "시", "군", "구", "도"];

/// A Korean name without its tier suffix (`서울특별시` → `서울`, `구로구` → `구로`), when at least two
/// syllables remain (`중구` stays whole).
fn without_korean_suffix(name: &str) -> Option<&str> {
    KOREAN_SUFFIXES.iter().find_map(|s| name.strip_suffix(s)).filter(|rest| rest.chars().count() >= 2)
}

/// The authority of `country` that a typed name stands for: any of its names or aliases, a
/// Korean name without its tier suffix, or the label the suggestions show ("Séoul ·
/// 서울특별시"); accents, case and punctuation aside. Only whole names: a name typed halfway is
/// not taken for another authority that starts the same way.
pub fn find_authority<'a>(ds: &'a Dataset, country: Country, typed: &str) -> Option<&'a Authority> {
    let want = fold(typed);
    if want.is_empty() {
        return None;
    }
    ds.authorities.iter().filter(|a| a.country == country).find(|a| {
        a.name.all().chain(a.aliases.iter().map(String::as_str)).any(|n| fold(n) == want || without_korean_suffix(n).is_some_and(|s| fold(s) == want))
            || Lang::ALL.iter().any(|&l| fold(&super::describe::authority_label(a, l)) == want)
    })
}

/// The partnership between two authorities, if the data has one.
pub fn partnership_between<'a>(ds: &'a Dataset, korean: &str, french: &str) -> Option<&'a Partnership> {
    ds.partnerships.iter().find(|p| p.korean == korean && p.french == french)
}

/// Whether a name has a Latin letter to make an id and a `name.fr` of.
fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')
}

/// `Saint-Mandé` → `saint-mande`: the folded name's ASCII letters and digits, joined by hyphens.
fn slug(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut s = words.join("-");
    // Ids are at most 80 characters (see `is_slug`); leave room for a prefix and a suffix.
    if s.len() > 60 {
        s.truncate(60);
        s = s.trim_end_matches('-').to_string();
    }
    s
}

/// `base`, or `base-2`, `base-3`… the first that `taken` does not hold.
fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_default()
}

/// One end of the proposed partnership.
enum End<'a> {
    Known(&'a Authority),
    New(Box<RawAuthority>),
}

impl End<'_> {
    fn id(&self) -> &str {
        match self {
            End::Known(a) => &a.id,
            End::New(a) => &a.id,
        }
    }

    /// Its name in the interface language, for the message's title.
    fn name(&self, lang: Lang) -> String {
        match self {
            End::Known(a) => authority_names(a, lang).0,
            End::New(a) => match (lang, &a.name.ko) {
                (Lang::Ko, Some(ko)) => ko.clone(),
                _ => a.name.fr.clone().unwrap_or_default(),
            },
        }
    }
}

/// Resolves what was typed for one end: a known authority, or a new authority record; `None`
/// (with what is missing pushed) when neither can be made.
fn resolve<'a>(ds: &'a Dataset, country: Country, input: &AuthorityInput, sources: &[RawSource], missing: &mut Vec<Missing>) -> Option<End<'a>> {
    let typed = input.name.trim();
    if typed.is_empty() {
        missing.push(Missing::Authority(country));
        return None;
    }
    if let Some(a) = find_authority(ds, country, typed) {
        return Some(End::Known(a));
    }
    let latin = if has_latin(typed) { typed } else { input.latin.trim() };
    let short = slug(latin);
    let region = ds.region(input.region.trim()).filter(|r| r.country == country);
    if short.is_empty() {
        missing.push(Missing::LatinName(country));
    }
    if region.is_none() {
        missing.push(Missing::Region(country));
    }
    let region = region?;
    if short.is_empty() {
        return None;
    }
    let prefix = country.code().to_ascii_lowercase();
    let id = free_id(&format!("{prefix}-{short}"), |id| ds.authority(id).is_some());
    let hangul = typed.chars().any(is_hangul).then(|| typed.to_string()).filter(|t| t != latin);
    Some(End::New(Box::new(RawAuthority {
        id,
        country: country.code().to_string(),
        name: RawLocalized { fr: Some(latin.to_string()), ko: hangul, en: None },
        kind: None,
        region: region.id.clone(),
        location: None,
        population: None,
        website: None,
        notes: None,
        uncertain: Vec::new(),
        last_verified: None,
        sources: sources.to_vec(),
        aliases: Vec::new(),
    })))
}

/// The visitor's links, one per line: each an `http(s)` link titled by its host.
fn sources(text: &str, missing: &mut Vec<Missing>) -> Vec<RawSource> {
    let mut out: Vec<RawSource> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let url = line.trim();
        if url.is_empty() {
            continue;
        }
        if !is_http_url(url) {
            missing.push(Missing::Source(i + 1));
            continue;
        }
        if out.iter().any(|s| s.url.as_deref() == Some(url)) {
            continue;
        }
        let host = url.split_once("://").map_or(url, |(_, rest)| rest).split(['/', '?', '#']).next().unwrap_or(url);
        out.push(RawSource { title: host.to_string(), url: Some(url.to_string()) });
    }
    out
}

/// The status and agreement kind a "kind / status" option stands for.
fn status_of(ds: &Dataset, option: &str) -> (Status, Option<String>) {
    match option {
        "exchange" => (Status::Exchange, None),
        "planned" => (Status::Planned, None),
        kind if ds.agreement_kind(kind).is_some() => (Status::Signed, Some(kind.to_string())),
        // "unknown", or nothing chosen: an agreement of unknown kind.
        _ => (Status::Signed, None),
    }
}

/// Turns the form into the message, or says what is missing (every problem at once, in the
/// form's order). `lang` names the ends in the message's title.
pub fn build(ds: &Dataset, form: &Form, lang: Lang) -> Result<Proposal, Vec<Missing>> {
    let mut missing = Vec::new();
    let given = sources(&form.sources, &mut missing);
    let mut existing = form.correction_of.as_deref().and_then(|id| ds.partnership(id));
    let korean = resolve(ds, Country::Korea, &form.korean, &given, &mut missing);
    let french = resolve(ds, Country::France, &form.french, &given, &mut missing);
    // A "new" pair the data already has is a correction of it.
    if let (None, Some(End::Known(k)), Some(End::Known(f))) = (existing, &korean, &french) {
        existing = partnership_between(ds, &k.id, &f.id);
    }

    let (status, kind) = match existing {
        // Left as it was: a pair listed by the group stays listed.
        Some(p) if p.kind_option() == form.kind => (p.status, p.kind.clone()),
        _ => status_of(ds, &form.kind),
    };
    let signed = status.is_agreement();
    let year = match form.year.trim() {
        _ if !signed => None,
        "" => None,
        y => match y.parse::<i32>() {
            Ok(y) if YEAR_RANGE.contains(&y) => Some(y),
            _ => {
                missing.push(Missing::Year);
                None
            }
        },
    };
    if existing.is_none() && given.is_empty() && !missing.iter().any(|m| matches!(m, Missing::Source(_))) {
        missing.push(Missing::NoSource);
    }
    let email = form.email.trim();
    if !email.is_empty() && !is_email(email) {
        missing.push(Missing::Email);
    }
    let (Some(korean), Some(french), true) = (korean, french, missing.is_empty()) else {
        missing.sort_by_key(order);
        return Err(missing);
    };

    let id = match existing {
        Some(p) => p.id.clone(),
        None => {
            let short = |end: &End, prefix: &str| end.id().strip_prefix(prefix).unwrap_or(end.id()).to_string();
            let base = format!("{}-{}", short(&korean, "kr-"), short(&french, "fr-"));
            let base = if is_slug(&base) { base } else { "proposed".to_string() };
            free_id(&base, |id| ds.partnership(id).is_some())
        }
    };
    let mut record_sources = existing.map(|p| raw_sources(&p.sources)).unwrap_or_default();
    for s in &given {
        if !record_sources.iter().any(|r| r.url == s.url) {
            record_sources.push(s.clone());
        }
    }
    // A correction keeps the record's order of themes; new ones follow in the vocabulary's.
    let kept: Vec<String> = existing.map(|p| p.themes.iter().filter(|t| form.themes.contains(t)).cloned().collect()).unwrap_or_default();
    let added = ds.themes.iter().filter(|t| form.themes.contains(&t.id) && !kept.contains(&t.id)).map(|t| t.id.clone());
    let themes: Vec<String> = kept.iter().cloned().chain(added).collect();
    // The day stays only if it is still in the year given.
    let date = existing.and_then(|p| p.date).filter(|d| Some(d.year) == year).map(|d| d.to_string());
    let partnership = RawPartnership {
        id,
        authorities: vec![korean.id().to_string(), french.id().to_string()],
        status: status.id().to_string(),
        kind,
        term: existing.and_then(|p| p.term.clone()),
        wording: existing.map(|p| p.wording.iter().map(raw_wording).collect()).unwrap_or_default(),
        year,
        date,
        milestones: existing.map(|p| p.milestones.iter().map(raw_milestone).collect()).unwrap_or_default(),
        themes,
        summary: existing.and_then(|p| p.summary.as_ref()).map(raw_localized),
        uncertain: existing.map(|p| p.uncertain.clone()).unwrap_or_default(),
        last_verified: None,
        sources: record_sources,
    };
    let title = format!("{} ↔ {}", korean.name(lang), french.name(lang));
    let authorities = [korean, french].into_iter().filter_map(|e| match e {
        End::New(a) => Some(*a),
        End::Known(_) => None,
    });
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Proposal {
        about: ABOUT.to_string(),
        data_as_of: ds.data_date().map(|d| d.to_string()),
        correction_of: existing.map(|p| p.id.clone()),
        comment: text(&form.comment),
        partnership,
        authorities: authorities.collect(),
        sources: given.iter().filter_map(|s| s.url.clone()).collect(),
        from: Sender { name: text(&form.name), email: text(email) },
        title,
    })
}

/// The form's order, so that what is missing reads from top to bottom.
fn order(m: &Missing) -> (u8, usize) {
    match m {
        Missing::Authority(Country::Korea) => (0, 0),
        Missing::LatinName(Country::Korea) => (1, 0),
        Missing::Region(Country::Korea) => (2, 0),
        Missing::Authority(Country::France) => (3, 0),
        Missing::LatinName(Country::France) => (4, 0),
        Missing::Region(Country::France) => (5, 0),
        Missing::Year => (6, 0),
        Missing::Source(line) => (7, *line),
        Missing::NoSource => (8, 0),
        Missing::Email => (9, 0),
    }
}

/// The fields of a partnership, for a form that corrects it: its ends' labels, its "kind /
/// status" option, its year and its themes.
pub fn form_of(ds: &Dataset, p: &Partnership, lang: Lang) -> Form {
    let label = |id: &str| ds.authority(id).map(|a| super::describe::authority_label(a, lang)).unwrap_or_default();
    Form {
        correction_of: Some(p.id.clone()),
        korean: AuthorityInput { name: label(&p.korean), ..AuthorityInput::default() },
        french: AuthorityInput { name: label(&p.french), ..AuthorityInput::default() },
        kind: p.kind_option().to_string(),
        year: p.year.map(|y| y.to_string()).unwrap_or_default(),
        themes: p.themes.clone(),
        ..Form::default()
    }
}

/// Percent-encodes everything but the unreserved characters (RFC 3986), spaces as `%20`: what
/// a `mailto:` link's subject and body need (RFC 6068; `+` would stay a plus sign there).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `mailto:` link to `email` with a subject and a body (line breaks as CRLF, as RFC 6068
/// asks); `None` when `email` is not an address of the plain shape [`is_email`] accepts.
pub fn mailto(email: &str, subject: &str, body: &str) -> Option<String> {
    is_email(email).then(|| {
        let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
        format!("mailto:{email}?subject={}&body={}", percent_encode(subject), percent_encode(&body))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_ascii_words_only() {
        assert_eq!(slug("Saint-Mandé"), "saint-mande");
        assert_eq!(slug("  Évian-les-Bains "), "evian-les-bains");
        assert_eq!(slug("강릉시"), "");
        assert_eq!(slug("Gangneung (강릉시)"), "gangneung");
    }

    #[test]
    fn mailto_encodes_subject_and_body_and_refuses_odd_addresses() {
        let link = mailto("groupe@example.org", "Séoul ↔ Paris", "a b\n{\"x\": 1}&c").unwrap();
        assert_eq!(link, "mailto:groupe@example.org?subject=S%C3%A9oul%20%E2%86%94%20Paris&body=a%20b%0D%0A%7B%22x%22%3A%201%7D%26c");
        assert_eq!(mailto("a@b.org?cc=x@y.org", "s", "b"), None);
        assert_eq!(mailto("javascript:alert(1)", "s", "b"), None);
    }
}
