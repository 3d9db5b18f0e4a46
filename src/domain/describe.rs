//! How authorities and partnerships are named in the interface: in the interface language's
//! script with the other script beside it (Séoul · 서울특별시), and one sentence per pair.

use super::dataset::{Authority, Dataset, Partnership, Status, UNKNOWN_KIND};
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
    format!("{}, {}, {}, {}{}{}", pair_title(ds, p, lang), kind.to_lowercase_first(lang), year, t(lang, Msg::Themes).to_lowercase(), sep, themes)
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
