//! `PairCard`: everything known about the selected partnership, and where it comes from.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_explore;
use crate::domain::dataset::{Authority, Source, Wording};
use crate::domain::describe::{authority_name_langs, authority_names, not_drawn_reason, pair_kind_label};
use crate::domain::i18n::{back_to_authority, format_date, format_number, in_language, t, uncertain_field, wording_label, Msg};
use crate::domain::load::{is_http_url, url_text};
use crate::domain::{Dataset, Lang, Localized};

/// Text in the interface's language when the data has it; otherwise in the one it has, marked
/// with its `lang` (screen readers pronounce it right) and said to be in it: "(en anglais)".
fn localized_text(text: &Localized, lang: Lang) -> impl IntoView {
    let (s, used) = text.best(lang);
    let other = (used != lang).then(|| in_language(lang, used.code())).flatten();
    view! {
        <span lang=used.code()>{s.to_string()}</span>
        {other.map(|o| view! { " " <span class="in-language">{o}</span> })}
    }
}

/// "(année incertaine)": which field the data marks as uncertain.
fn uncertain_mark(lang: Lang, field: &'static str, on: bool) -> impl IntoView {
    on.then(|| view! { " " <span class="uncertain" data-uncertain=field>"(" {uncertain_field(lang, field)} ")"</span> })
}

/// Words quoted as they are, in their own language, inside the interface's quotation marks.
fn quoted(text: String, text_lang: Option<String>, lang: Lang) -> impl IntoView {
    let (open, close) = match lang {
        Lang::Fr => ("«\u{a0}", "\u{a0}»"),
        _ => ("“", "”"),
    };
    view! { {open}<span class="quoted" lang=text_lang>{text}</span>{close} }
}

/// One row per wording: who worded it and in which language, in the interface's language; the
/// words themselves quoted in theirs; their gloss only in the interface's language. A wording
/// the data marks as uncertain says so after the last one.
fn wording_rows(wording: &[Wording], lang: Lang, uncertain: bool) -> impl IntoView {
    let last = wording.len().saturating_sub(1);
    wording
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let gloss = (w.lang != lang.code()).then(|| w.gloss.as_ref().and_then(|g| g.in_lang(lang))).flatten().map(str::to_string);
            view! {
                <dt class="wording-label">{wording_label(lang, w.role, w.year, &w.lang)}</dt>
                <dd class="pair-wording" data-role=w.role.id()>
                    {quoted(w.text.clone(), Some(w.lang.clone()), lang)}
                    {gloss.map(|g| view! { " " <span class="wording-gloss">"(" {g} ")"</span> })}
                    {uncertain_mark(lang, "wording", uncertain && i == last)}
                </dd>
            }
        })
        .collect_view()
}

/// A label from the data's vocabularies (kind, tier, region, theme), marked when the data has it
/// only in another language.
fn label_text(text: &Localized, lang: Lang) -> impl IntoView {
    let (s, used) = text.best(lang);
    view! { <span lang=(used != lang).then(|| used.code())>{s.to_string()}</span> }
}

/// Sources as links; only `http(s)` is ever put in an `href` (the loader checked it too).
fn source_list(sources: &[Source], lang: Lang) -> impl IntoView {
    let items = sources
        .iter()
        .map(|s| {
            let title = s.title.clone();
            match s.url.clone().filter(|u| is_http_url(u)) {
                Some(url) => view! { <li><a href=url target="_blank" rel="noopener noreferrer">{title}</a></li> }.into_any(),
                None => view! { <li>{title}" — "<em>{t(lang, Msg::SourceNotOnline)}</em></li> }.into_any(),
            }
        })
        .collect_view();
    view! { <ul class="sources">{items}</ul> }
}

/// "unknown", agreeing in French with the label it follows (`Msg::Unknown`, `UnknownFeminine`
/// or `UnknownPlural`).
fn unknown_as(lang: Lang, word: Msg) -> impl IntoView {
    view! { <span class="unknown">{t(lang, word)}</span> }
}

fn unknown(lang: Lang) -> impl IntoView {
    unknown_as(lang, Msg::Unknown)
}

fn authority_block(ds: &Dataset, a: &Authority, lang: Lang) -> impl IntoView {
    let (name, other) = authority_names(a, lang);
    let (name_lang, other_lang) = authority_name_langs(a, lang);
    let kind = a.kind.as_deref().and_then(|k| ds.authority_kind(k)).map(|k| label_text(&k.label, lang));
    let tier = ds.tier_of(a).map(|t| label_text(&t.name, lang));
    let verified = a.last_verified.map(|d| format_date(lang, d));
    let region = ds.region(&a.region).map(|r| label_text(&r.name, lang));
    let population = a.population.map(|p| format!("{} ({})", format_number(lang, p.value), p.year));
    let website = a.website.clone().filter(|u| is_http_url(u));
    let country_class = format!("authority authority--{}", a.country.code().to_ascii_lowercase());
    view! {
        <section class=country_class data-authority-id=a.id.clone()>
            <h3>
                <span class="name-primary" lang=(name_lang != lang.code()).then_some(name_lang)>{name}</span>
                {other.map(|o| view! { <span class="name-secondary" lang=other_lang>{o}</span> })}
            </h3>
            <dl class="facts">
                <dt>{t(lang, Msg::Kind)}</dt>
                <dd>{match kind { Some(k) => k.into_any(), None => unknown(lang).into_any() }}{uncertain_mark(lang, "kind", a.is_uncertain("kind"))}</dd>
                <dt>{t(lang, Msg::Tier)}</dt>
                <dd class="authority-tier">{match tier { Some(k) => k.into_any(), None => unknown(lang).into_any() }}</dd>
                <dt>{t(lang, Msg::Region)}</dt>
                <dd>{region}{uncertain_mark(lang, "region", a.is_uncertain("region"))}</dd>
                <dt>{t(lang, Msg::Population)}</dt>
                <dd>{match population { Some(p) => p.into_any(), None => unknown_as(lang, Msg::UnknownFeminine).into_any() }}{uncertain_mark(lang, "population", a.is_uncertain("population"))}</dd>
                <dt>{t(lang, Msg::Website)}</dt>
                <dd>
                    {match website {
                        Some(u) => { let text = url_text(&u).to_string(); view! { <a href=u target="_blank" rel="noopener noreferrer">{text}</a> }.into_any() }
                        None => unknown(lang).into_any(),
                    }}
                    {uncertain_mark(lang, "website", a.is_uncertain("website"))}
                </dd>
            </dl>
            {(a.location.is_none() || a.is_uncertain("location")).then(|| if a.location.is_none() {
                view! { <p class="notes">{t(lang, Msg::Location)}{if lang == Lang::Fr { " : " } else { ": " }}{unknown_as(lang, Msg::UnknownFeminine)}</p> }.into_any()
            } else {
                view! { <p class="notes"><span class="uncertain" data-uncertain="location">{capitalized(uncertain_field(lang, "location"))}</span></p> }.into_any()
            })}
            {a.notes.as_ref().map(|n| view! { <p class="notes">{localized_text(n, lang)}</p> })}
            {verified.map(|v| view! { <p class="verified">{t(lang, Msg::LastVerified)}" "{v}</p> })}
        </section>
    }
}

/// "Seoul ↔ Paris" as `describe::pair_title` writes it, each name marked with its language when it is
/// not the interface's (a French name with no Hangul one, in the Korean card).
fn names_title(korean: &Authority, french: &Authority, lang: Lang) -> impl IntoView {
    let name = |a: &Authority| {
        let code = authority_name_langs(a, lang).0;
        view! { <span lang=(code != lang.code()).then_some(code)>{authority_names(a, lang).0}</span> }
    };
    view! { {name(korean)}" ↔ "{name(french)} }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn return_focus_to_list(id: &str) {
    let selector = format!("li[data-pair-id=\"{id}\"] button");
    if let Ok(Some(el)) = document().query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The detail card of the selected partnership; Escape or the close button closes it and
/// returns focus to the partnership in the list.
#[component]
pub fn PairCard() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    // Closing goes back to the authority's card when the pair was opened from it, and to the
    // pair's item in the list otherwise.
    let close = move || {
        let (id, place) = ctx.url.state.with_untracked(|s| (s.pair.clone(), s.place.clone()));
        ctx.select(None);
        match (id, place) {
            (_, Some(_)) => request_animation_frame(super::authority_card::focus_authority_card),
            (Some(id), None) => return_focus_to_list(&id),
            (None, None) => {}
        }
    };
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && !ev.default_prevented() && ctx.selected.get_untracked().is_some() {
            // Handled: the authority's card, if any, stays open.
            ev.prevent_default();
            close();
        }
    });
    on_cleanup(move || listener.remove());

    // Fault injection for the crash test (see `app::fault_injected`). Nothing in the data can
    // do this.
    let fault = super::fault_injected();
    move || {
        let lang = ctx.lang.get();
        let index = ctx.selected.get()?;
        if fault {
            panic!("fault injected: fault=panic");
        }
        let p = &ds.partnerships[index];
        let (korean, french) = ds.ends(p)?;
        let kind_label = pair_kind_label(&ds, p, lang);
        let hidden = !ctx.selected_visible.get();
        // A pair with an authority of unknown position has no line, whatever the filters.
        let not_drawn = not_drawn_reason(&ds, p, lang);
        let verified = p.last_verified.map(|d| format_date(lang, d));
        let when = match (p.date, p.year) {
            (Some(d), _) => Some(format_date(lang, d)),
            (None, Some(y)) => Some(y.to_string()),
            (None, None) => None,
        };
        let themes: Vec<_> = p.themes.iter().filter_map(|id| ds.theme(id)).map(|th| label_text(&th.label, lang)).collect();
        let milestones = p
            .milestones
            .iter()
            .map(|m| {
                view! {
                    <li>
                        <time datetime=m.date.to_string()>{format_date(lang, m.date)}</time>
                        " — "
                        {localized_text(&m.label, lang)}
                        {uncertain_mark(lang, "milestone", m.uncertain)}
                        {(!m.sources.is_empty()).then(|| source_list(&m.sources, lang))}
                    </li>
                }
            })
            .collect_view();
        let has_milestones = !p.milestones.is_empty();
        let wording_uncertain = p.is_uncertain("wording") || p.is_uncertain("term");
        // Opened from an authority's card: a way back to all its partnerships.
        let from_place = ctx.place.get().filter(|a| p.korean == *a || p.french == *a).and_then(|a| ds.authority(&a).map(|a| authority_names(a, lang).0));
        Some(view! {
            <article class="pair-card" data-covers-map="" aria-labelledby="pair-card-title" data-pair-id=p.id.clone()>
                <header class="pair-card-header">
                    <h2 id="pair-card-title">{names_title(korean, french, lang)}{uncertain_mark(lang, "authorities", p.is_uncertain("authorities"))}</h2>
                    <button type="button" class="close-button" aria-label=t(lang, Msg::Close) on:click=move |_| close()>"×"</button>
                </header>
                {from_place.map(|name| view! {
                    <button type="button" class="link-button back-to-place" on:click=move |_| ctx.select(None)>
                        "← "{back_to_authority(lang, &name)}
                    </button>
                })}
                {hidden.then(|| view! { <p class="hidden-note" role="note">{t(lang, Msg::HiddenByFilters)}</p> })}
                {not_drawn.map(|why| view! { <p class="hidden-note not-drawn-note" role="note">{why}</p> })}
                <div class="pair-card-body">
                    <div class="authorities">
                        {authority_block(&ds, korean, lang)}
                        {authority_block(&ds, french, lang)}
                    </div>
                    <dl class="facts">
                        <dt>{t(lang, Msg::Agreement)}</dt>
                        <dd class="pair-kind" data-kind=p.kind_option().to_string()>
                            {if p.kind_option() == crate::domain::dataset::UNKNOWN_KIND { unknown(lang).into_any() } else { kind_label.into_any() }}
                            {uncertain_mark(lang, "kind", p.is_uncertain("kind"))}
                        </dd>
                        {wording_rows(&p.wording, lang, wording_uncertain && p.term.is_none())}
                        // A wording whose language the file does not give: quoted, not marked.
                        {p.term.clone().map(|term| view! {
                            <dt class="wording-label">{t(lang, Msg::AsSigned)}</dt>
                            <dd class="pair-wording">{quoted(term, None, lang)}{uncertain_mark(lang, "wording", wording_uncertain)}</dd>
                        })}
                        <dt>{t(lang, Msg::FirstAgreement)}</dt>
                        <dd class="pair-year">
                            {match when { Some(w) => w.into_any(), None => unknown(lang).into_any() }}
                            {if p.is_uncertain("year") { uncertain_mark(lang, "year", true).into_any() } else { uncertain_mark(lang, "date", p.is_uncertain("date")).into_any() }}
                        </dd>
                        <dt>{t(lang, Msg::Themes)}</dt>
                        <dd class="pair-themes">
                            {if themes.is_empty() {
                                unknown_as(lang, Msg::UnknownPlural).into_any()
                            } else {
                                view! { <ul class="chips">{themes.into_iter().map(|th| view! { <li>{th}</li> }).collect_view()}</ul> }.into_any()
                            }}
                            {uncertain_mark(lang, "themes", p.is_uncertain("themes"))}
                        </dd>
                    </dl>
                    {p.summary.as_ref().map(|s| view! { <p class="summary">{localized_text(s, lang)}{uncertain_mark(lang, "summary", p.is_uncertain("summary"))}</p> })}
                    {has_milestones.then(|| view! {
                        <h3>{t(lang, Msg::Milestones)}</h3>
                        <ul class="milestones">{milestones}</ul>
                    })}
                    <h3>{t(lang, Msg::Sources)}</h3>
                    {source_list(&p.sources, lang)}
                    {verified.map(|v| view! { <p class="verified">{t(lang, Msg::LastVerified)}" "{v}</p> })}
                </div>
            </article>
        })
    }
}
