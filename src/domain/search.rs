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

/// One suggestion under the search box: what it shows, and the search it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// "Séoul · 서울특별시": the name in the interface's script, the other beside.
    pub label: String,
    /// The name the search becomes when the suggestion is chosen.
    pub value: String,
}

/// Authorities that have a partnership, then regions that have one, whose names or aliases hold
/// every word of `text`; at most `limit`, each group in name order.
pub fn suggest(ds: &super::Dataset, text: &str, lang: super::Lang, limit: usize) -> Vec<Suggestion> {
    use super::describe::{authority_label, authority_names};
    let q = Query::new(text);
    if q.is_empty() {
        return Vec::new();
    }
    let in_pairs: std::collections::HashSet<&str> = ds.partnerships.iter().flat_map(|p| [p.korean.as_str(), p.french.as_str()]).collect();
    let mut authorities: Vec<Suggestion> = ds
        .authorities
        .iter()
        .filter(|a| in_pairs.contains(a.id.as_str()) && q.matches(&fold_names(&a.name, &a.aliases)))
        .map(|a| Suggestion { label: authority_label(a, lang), value: authority_names(a, lang).0 })
        .collect();
    authorities.sort_by(|x, y| x.label.cmp(&y.label));
    let used: std::collections::HashSet<&str> = ds.authorities.iter().filter(|a| in_pairs.contains(a.id.as_str())).map(|a| a.region.as_str()).collect();
    let mut regions: Vec<Suggestion> = ds
        .regions
        .iter()
        .filter(|r| used.contains(r.id.as_str()) && q.matches(&fold_names(&r.name, &r.aliases)))
        .map(|r| {
            let main = r.name.get(lang).to_string();
            let other = match lang {
                super::Lang::Ko => r.name.fr.clone(),
                _ => r.name.ko.clone(),
            };
            let label = match other.filter(|o| *o != main) {
                Some(o) => format!("{main} · {o}"),
                None => main.clone(),
            };
            Suggestion { label, value: main }
        })
        .collect();
    regions.sort_by(|x, y| x.label.cmp(&y.label));
    // A region named like an authority (Gyeonggi, Busan) would make the same search twice.
    let mut seen = std::collections::HashSet::new();
    authorities.into_iter().chain(regions).filter(|s| seen.insert(s.value.clone())).take(limit).collect()
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
