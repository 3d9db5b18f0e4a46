//! Search across scripts and spellings: `seoul`, `Séoul` and `서울` find Seoul; `saint mande`
//! finds Saint-Mandé; aliases (`Pusan`, `경북`, `Gyeongsangbuk-do`) and former names (`Alsace`)
//! find what they name.
//!
//! Text is folded before it is compared: decomposed (NFD), stripped of combining marks
//! (accents), recomposed (NFC, so that Hangul syllables stay whole), lowercased, and every run
//! of other characters than letters and digits becomes one space. A query matches when each of
//! its words begins a word of the folded text (`gyeong` finds Gyeongju, `gy` does not find
//! Busan-gwangyeoksi; `서울` finds 서울특별시).
//!
//! The normalisation is the `unicode-normalization` crate's natively (the data tool, the tests)
//! and the browser's own (`String.prototype.normalize`, ICU) in the wasm: the crate's tables
//! would add 130 KB to it (80 KB gzip). Both follow the same Unicode algorithm; the browser
//! tests check the search examples in the app.

/// NFD, without combining marks, then NFC.
#[cfg(not(target_arch = "wasm32"))]
fn without_marks(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|c| !is_combining_mark(*c)).nfc().collect()
}

/// NFD, without combining marks (`\p{M}`), then NFC, by the browser.
#[cfg(target_arch = "wasm32")]
fn without_marks(s: &str) -> String {
    thread_local! {
        static MARKS: js_sys::RegExp = js_sys::RegExp::new("\\p{M}", "gu");
    }
    let nfd = js_sys::JsString::from(s).normalize("NFD");
    let bare = MARKS.with(|marks| nfd.replace_by_pattern(marks, ""));
    bare.normalize("NFC").into()
}

/// `Saint-Mandé` → `saint mande`; `Gyeongsangbuk-do` → `gyeongsangbuk do`; `서울특별시` unchanged.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in without_marks(s).chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A record's names in every language and its aliases, folded into one searchable text.
pub fn fold_names(name: &super::Localized, aliases: &[String]) -> String {
    fold_all(name.all().chain(aliases.iter().map(String::as_str)))
}

/// Names folded into one searchable text.
pub fn fold_all<'a>(names: impl Iterator<Item = &'a str>) -> String {
    fold(&names.collect::<Vec<_>>().join(" | "))
}

/// A search, folded once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query { words: fold(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect() }
    }

    /// An empty query keeps everything.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word of the query begins a word of `folded` (a text made by [`fold`]).
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.split(' ').any(|h| h.starts_with(w.as_str())))
    }
}

/// What a suggestion stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    Authority,
    Region,
    /// A region's former name, or a former region now part of one (Alsace).
    FormerName,
}

impl SuggestionKind {
    pub fn id(self) -> &'static str {
        match self {
            SuggestionKind::Authority => "authority",
            SuggestionKind::Region => "region",
            SuggestionKind::FormerName => "former-name",
        }
    }
}

/// One suggestion under the search box: what it shows, and the search it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// "Séoul · 서울특별시": the name in the interface's script, the other beside; and, in
    /// brackets, the name the text was found in when those do not show it ("North Gyeongsang ·
    /// 경상북도 (Gyeongsangbuk-do)").
    pub name: String,
    /// "region, 2 partnerships": what it is, and how many partnerships choosing it gives.
    pub about: String,
    /// The name the search becomes when the suggestion is chosen.
    pub value: String,
    pub kind: SuggestionKind,
    /// How many partnerships the search for `value` gives under the other filters.
    pub count: usize,
}

impl Suggestion {
    /// The whole text, as shown and as a screen reader names the option.
    pub fn label(&self) -> String {
        format!("{} — {}", self.name, self.about)
    }
}

/// A text's name in the interface's script and, beside it, its name in the other script
/// ("Séoul · 서울특별시", "서울특별시 · Séoul"); the first is what the search becomes.
fn in_two_scripts(name: &super::Localized, lang: super::Lang) -> (String, String) {
    let main = name.get(lang).to_string();
    let other = match lang {
        super::Lang::Ko => name.fr.as_deref().or(name.en.as_deref()),
        _ => name.ko.as_deref(),
    };
    let label = match other.filter(|o| *o != main) {
        Some(o) => format!("{main} · {o}"),
        None => main.clone(),
    };
    (label, main)
}

/// `shown`, and in brackets the names among `names` that hold the words of the query `shown`
/// does not: a suggestion found through an alias says which.
fn with_matched_names<'a>(q: &Query, shown: String, names: impl Iterator<Item = &'a str>) -> String {
    let begins = |w: &str, folded: &str| folded.split(' ').any(|h| h.starts_with(w));
    let folded = fold(&shown);
    let mut missing: Vec<&str> = q.words.iter().map(String::as_str).filter(|w| !begins(w, &folded)).collect();
    let mut extra: Vec<&str> = Vec::new();
    for name in names {
        if missing.is_empty() {
            break;
        }
        let f = fold(name);
        if missing.iter().any(|w| begins(w, &f)) {
            missing.retain(|w| !begins(w, &f));
            extra.push(name);
        }
    }
    if extra.is_empty() {
        shown
    } else {
        format!("{shown} ({})", extra.join(", "))
    }
}

/// Authorities that have a partnership, then regions that have one, then former names of
/// those regions, whose names hold every word of `text`; at most `limit`, each group in name
/// order. Each says what it is and how many partnerships choosing it gives under `filters`:
/// [`crate::domain::visible_pairs`] with the search replaced by the suggestion's, so the count
/// is the list's once it is chosen.
pub fn suggest(ds: &super::Dataset, filters: &super::Filters, text: &str, lang: super::Lang, limit: usize) -> Vec<Suggestion> {
    use super::describe::{authority_label, authority_names};
    use super::i18n::{suggestion_about, Suggested};
    use super::dataset::NameChange;
    let q = Query::new(text);
    if q.is_empty() {
        return Vec::new();
    }
    // (name, value, kind, what it is): the count comes last, for the suggestions kept only.
    type Candidate<'a> = (String, String, SuggestionKind, Suggested<'a>);
    let in_pairs: std::collections::HashSet<&str> = ds.partnerships.iter().flat_map(|p| [p.korean.as_str(), p.french.as_str()]).collect();
    let mut authorities: Vec<Candidate> = ds
        .authorities
        .iter()
        .filter(|a| in_pairs.contains(a.id.as_str()) && q.matches(&fold_names(&a.name, &a.aliases)))
        .map(|a| {
            let names = a.name.all().chain(a.aliases.iter().map(String::as_str));
            (with_matched_names(&q, authority_label(a, lang), names), authority_names(a, lang).0, SuggestionKind::Authority, Suggested::Authority)
        })
        .collect();
    let used: std::collections::HashSet<&str> = ds.authorities.iter().filter(|a| in_pairs.contains(a.id.as_str())).map(|a| a.region.as_str()).collect();
    let regions_used = || ds.regions.iter().filter(|r| used.contains(r.id.as_str()));
    // A region found only through a former name is suggested as that former name, below.
    let mut regions: Vec<Candidate> = regions_used()
        .filter(|r| q.matches(&fold_names(&r.name, &r.aliases)))
        .map(|r| {
            let (label, value) = in_two_scripts(&r.name, lang);
            let names = r.name.all().chain(r.aliases.iter().map(String::as_str));
            (with_matched_names(&q, label, names), value, SuggestionKind::Region, Suggested::Region(r.country))
        })
        .collect();
    let mut former: Vec<Candidate> = regions_used()
        .flat_map(|r| r.former_names.iter().map(move |f| (r, f)))
        .filter(|(_, f)| q.matches(&fold_all(f.name.all())))
        .map(|(r, f)| {
            let (label, value) = in_two_scripts(&f.name, lang);
            let now = r.name.get(lang);
            let what = match f.change {
                NameChange::Merged => Suggested::MergedInto(now, r.country),
                NameChange::Renamed => Suggested::RenamedTo(now),
            };
            (with_matched_names(&q, label, f.name.all()), value, SuggestionKind::FormerName, what)
        })
        .collect();
    // A region named like an authority (Séoul, Daejeon) makes the same search: one suggestion
    // stands for both, named after what that search finds. The region, when it holds other
    // partners (Séoul finds Guro-gu's pair too); the authority when it is its region's only one.
    // (Found by scanning: a handful of regions are suggested at once, and a map in the wasm
    // costs kilobytes.)
    let partners_in = |region: &str| ds.authorities.iter().filter(|a| a.region == region && in_pairs.contains(a.id.as_str())).count();
    let suggested_regions: Vec<(&str, &str)> = regions_used().filter(|r| q.matches(&fold_names(&r.name, &r.aliases))).map(|r| (r.name.get(lang), r.id.as_str())).collect();
    authorities.retain(|c| suggested_regions.iter().find(|(value, _)| *value == c.1).is_none_or(|(_, id)| partners_in(id) <= 1));
    for group in [&mut authorities, &mut regions, &mut former] {
        group.sort_by(|x, y| x.0.cmp(&y.0));
    }
    let mut seen = std::collections::HashSet::new();
    authorities
        .into_iter()
        .chain(regions)
        .chain(former)
        .filter(|c| seen.insert(c.1.clone()))
        .take(limit)
        .map(|(name, value, kind, what)| {
            let count = super::visible_pairs(ds, &super::Filters { query: value.clone(), ..filters.clone() }).len();
            Suggestion { name, about: suggestion_about(lang, what, count), value, kind, count }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation_and_keeps_hangul_whole() {
        assert_eq!(fold("Saint-Mandé"), "saint mande");
        assert_eq!(fold("  Évian-les-Bains "), "evian les bains");
        assert_eq!(fold("Gyeongsangbuk-do"), "gyeongsangbuk do");
        assert_eq!(fold("Kyŏngju"), "kyongju");
        assert_eq!(fold("서울특별시"), "서울특별시");
        assert_eq!(fold("Île-de-France"), "ile de france");
        assert_eq!(fold("L'Haÿ-les-Roses"), "l hay les roses");
        // Decomposed input (as some keyboards send it) folds the same as composed.
        assert_eq!(fold("Se\u{301}oul"), fold("Séoul"));
        assert_eq!(fold("\u{1109}\u{1165}\u{110b}\u{116e}\u{11af}"), "서울");
    }

    #[test]
    fn every_word_must_be_found() {
        let hay = fold("Saint-Mandé | 생망데 | Île-de-France");
        assert!(Query::new("saint mande").matches(&hay));
        assert!(Query::new("MANDÉ saint").matches(&hay));
        assert!(Query::new("île").matches(&hay));
        assert!(!Query::new("saint denis").matches(&hay));
        assert!(!Query::new("mandes").matches(&hay));
        // Words are matched from their start: "ande" is inside "mande", not a beginning.
        assert!(!Query::new("ande").matches(&hay));
        assert!(Query::new("man").matches(&hay));
        assert!(Query::new("").is_empty() && Query::new(" - ").is_empty());
        assert!(Query::new("").matches(&hay));
    }

    #[test]
    fn hangul_matches_by_syllables() {
        let hay = fold("서울특별시");
        assert!(Query::new("서울").matches(&hay));
        assert!(!Query::new("부산").matches(&hay));
        // A syllable is a unit: 서 is part of 서울, 섭 is not.
        assert!(Query::new("서").matches(&hay));
        assert!(!Query::new("섭").matches(&hay));
    }
}
