//! How authorities and partnerships are named in the interface: in the interface language's
//! script with the other script beside it (Séoul · 서울특별시), and one sentence per pair.

use super::dataset::{Authority, Dataset, Partnership, Status, UNKNOWN_KIND};
use super::filter::Filters;
use super::i18n::{t, Lang, Msg};

/// The name to show first, and the name in the other script when the data has it.
pub fn authority_names(a: &Authority, lang: Lang) -> (String, Option<String>) {
    let latin = match lang {
        Lang::En => a.name.en.as_deref().or(a.name.fr.as_deref()),
        _ => a.name.fr.as_deref().or(a.name.en.as_deref()),
    }
    .unwrap_or_default()
    .to_string();
    let hangul = a.name.ko.clone();
    match (lang, hangul) {
        (Lang::Ko, Some(h)) => (h, Some(latin)),
        (_, h) => (latin, h),
    }
}

/// The languages of the two names [`authority_names`] gives (ISO 639-1 codes), for their `lang`
/// attributes: the Latin-script name is the French one, or the English one in English (or when
/// there is no French one); the other script's is Korean.
pub fn authority_name_langs(a: &Authority, lang: Lang) -> (&'static str, &'static str) {
    let latin = match lang {
        Lang::En if a.name.en.is_some() => "en",
        _ if a.name.fr.is_some() => "fr",
        _ => "en",
    };
    match (lang, a.name.ko.is_some()) {
        (Lang::Ko, true) => ("ko", latin),
        _ => (latin, "ko"),
    }
}

/// "Séoul · 서울특별시".
pub fn authority_label(a: &Authority, lang: Lang) -> String {
    match authority_names(a, lang) {
        (first, Some(second)) if first != second => format!("{first} · {second}"),
        (first, _) => first,
    }
}

/// "Seoul ↔ Paris", Korean authority first as in the country group's inventory.
pub fn pair_title(ds: &Dataset, p: &Partnership, lang: Lang) -> String {
    match ds.ends(p) {
        Some((k, f)) => format!("{} ↔ {}", authority_names(k, lang).0, authority_names(f, lang).0),
        None => p.id.clone(),
    }
}

/// "Seoul ↔ Paris, friendship agreement, 1991, themes: urban planning, environment": the
/// sentence that names a pair for the list and for screen readers.
pub fn pair_sentence(ds: &Dataset, p: &Partnership, lang: Lang) -> String {
    let kind = pair_kind_label(ds, p, lang);
    let year = p.year.map(|y| y.to_string()).unwrap_or_else(|| format!("{} : {}", t(lang, Msg::Years), t(lang, Msg::Unknown)));
    let year = if p.year.is_none() && lang != Lang::Fr { year.replace(" : ", ": ") } else { year };
    let themes: Vec<&str> = p.themes.iter().filter_map(|id| ds.theme(id)).map(|th| th.label.get(lang)).collect();
    let themes = if themes.is_empty() { t(lang, Msg::NoTheme).to_string() } else { themes.join(", ") };
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let sentence = format!("{}, {}, {}, {}{}{}", pair_title(ds, p, lang), kind.to_lowercase_first(lang), year, t(lang, Msg::Themes).to_lowercase(), sep, themes);
    // Screen readers hear why a pair has no line, as the list shows it.
    match unlocated_note_of(ds, p, lang) {
        Some(note) => format!("{sentence}. {note}"),
        None => sentence,
    }
}

/// "Séoul · Île-de-France": the regions of a pair's two authorities (Korean first, as in its
/// name), in the interface's language; the list shows it when it is ordered by region.
pub fn pair_regions(ds: &Dataset, p: &Partnership, lang: Lang) -> String {
    let region = |id: &str| ds.authority(id).and_then(|a| ds.region(&a.region)).map(|r| r.name.get(lang).to_string());
    [region(&p.korean), region(&p.french)].into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The names, in the interface's language, of a partnership's authorities that have no
/// position ([`Dataset::unlocated_ends`]): why it is not drawn.
pub fn unlocated_names(ds: &Dataset, p: &Partnership, lang: Lang) -> Vec<String> {
    ds.unlocated_ends(p).into_iter().map(|a| authority_names(a, lang).0).collect()
}

/// "Position unknown: Seocho-gu", for a pair that cannot be drawn; `None` for one that can.
pub fn unlocated_note_of(ds: &Dataset, p: &Partnership, lang: Lang) -> Option<String> {
    let names = unlocated_names(ds, p, lang);
    (!names.is_empty()).then(|| super::i18n::unlocated_note(lang, &names))
}

/// The card's "not drawn on the map, because…", for a pair that cannot be drawn.
pub fn not_drawn_reason(ds: &Dataset, p: &Partnership, lang: Lang) -> Option<String> {
    let names = unlocated_names(ds, p, lang);
    (!names.is_empty()).then(|| super::i18n::not_drawn_text(lang, &names))
}

trait LowerFirst {
    fn to_lowercase_first(&self, lang: Lang) -> String;
}

impl LowerFirst for String {
    /// Labels start with a capital; inside a sentence they should not (no case in Korean).
    fn to_lowercase_first(&self, lang: Lang) -> String {
        if lang == Lang::Ko {
            return self.clone();
        }
        let mut chars = self.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The label of an option of the "kind / status" facet.
pub fn kind_option_label(ds: &Dataset, option: &str, lang: Lang) -> String {
    match option {
        UNKNOWN_KIND => t(lang, Msg::KindUnknownShort).to_string(),
        o if o == Status::Exchange.id() => t(lang, Msg::StatusExchange).to_string(),
        o if o == Status::Planned.id() => t(lang, Msg::StatusPlanned).to_string(),
        o => ds.agreement_kind(o).map(|k| k.label.get(lang).to_string()).unwrap_or_else(|| o.to_string()),
    }
}

/// What a partnership is: its kind of agreement, or that nothing is signed.
pub fn pair_kind_label(ds: &Dataset, p: &Partnership, lang: Lang) -> String {
    kind_option_label(ds, p.kind_option(), lang)
}

/// The filters in force, one phrase each ("Region: Seoul, Brittany"), for a picture of the map
/// that must say what it shows. Empty when nothing is filtered. Ids the data does not know are
/// shown as they are.
pub fn filter_summary(ds: &Dataset, f: &Filters, lang: Lang) -> Vec<String> {
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let phrase = |label: Msg, values: Vec<String>| format!("{}{sep}{}", t(lang, label), values.join(", "));
    let mut out = Vec::new();
    if let Some(a) = &f.focus {
        out.push(phrase(Msg::EmbedFocus, vec![ds.authority(a).map_or_else(|| a.clone(), |a| authority_label(a, lang))]));
    }
    if !f.query.trim().is_empty() {
        let q = f.query.trim();
        out.push(phrase(Msg::Search, vec![if lang == Lang::Fr { format!("« {q} »") } else { format!("“{q}”") }]));
    }
    if !f.regions.is_empty() {
        let names = f.regions.iter().map(|id| ds.region(id).map_or_else(|| id.clone(), |r| r.name.get(lang).to_string()));
        out.push(phrase(Msg::Region, names.collect()));
    }
    if !f.themes.is_empty() {
        let names = f.themes.iter().map(|id| ds.theme(id).map_or_else(|| id.clone(), |th| th.label.get(lang).to_string()));
        out.push(phrase(Msg::Theme, names.collect()));
    }
    if let Some(kinds) = &f.kinds {
        // In the facet's order, so the phrase reads like the checkboxes.
        let names = ds.kind_options().into_iter().filter(|o| kinds.contains(o)).map(|o| kind_option_label(ds, &o, lang));
        out.push(phrase(Msg::KindStatus, names.collect()));
    }
    let years = match (f.from, f.to) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(format!("{a}–")),
        (None, Some(b)) => Some(format!("–{b}")),
        (None, None) => None,
    };
    match (years, f.include_unknown_year) {
        (Some(y), true) => out.push(phrase(Msg::Years, vec![y])),
        (Some(y), false) => out.push(phrase(Msg::Years, vec![y, t(lang, Msg::UnknownYearLeftOut).to_string()])),
        (None, false) => out.push(phrase(Msg::Years, vec![t(lang, Msg::UnknownYearLeftOut).to_string()])),
        (None, true) => {}
    }
    out
}
