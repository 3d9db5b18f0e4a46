//! Search across scripts and spellings: `seoul`, `Séoul` and `서울` find Seoul; `saint mande`
//! finds Saint-Mandé; aliases (`Pusan`, `경북`, `Gyeongsangbuk-do`) find what they name.
//!
//! Text is folded before it is compared: decomposed (NFD, by the `unicode-normalization`
//! crate), stripped of combining marks (accents), recomposed (NFC, so that Hangul syllables stay
//! whole), lowercased, and every run of other characters than letters and digits becomes one
//! space. A query matches when each of its words is part of the folded text.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `Saint-Mandé` → `saint mande`; `Gyeongsangbuk-do` → `gyeongsangbuk do`; `서울특별시` unchanged.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)).nfc().flat_map(char::to_lowercase) {
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

    /// Whether every word of the query is part of `folded` (a text made by [`fold`]).
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
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
