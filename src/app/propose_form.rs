//! `ProposeForm`: "Propose a partnership or a correction". A few short fields become a message
//! for the data's publisher (`domain::proposal`): the record in the data file's own format and
//! the sources, to copy, to download as `.json`, or to open in the visitor's mail program when
//! the data gives the publisher's e-mail address. Nothing is sent by the map itself.
//!
//! The fields write to signals; the message is a memo over the pure builder. The texts are
//! drawn once for the language (the About panel draws the form again if it changes), and the
//! fields once per chosen partnership: few closures, a small wasm.

use std::sync::Arc;

use leptos::prelude::*;

use super::save_file::save_text;
use crate::domain::describe::{authority_label, pair_title};
use crate::domain::i18n::{missing_text, proposal_body, proposal_subject, t, Msg};
use crate::domain::proposal::{build, find_authority, form_of, mailto, AuthorityInput, Form};
use crate::domain::{Country, Dataset, Lang, Loaded, Localized};

/// The option of the kind select for an agreement of unknown kind (see `Partnership::kind_option`).
const UNKNOWN: &str = "unknown";

/// The fields' values, one signal each.
#[derive(Clone, Copy)]
struct Fields {
    correction_of: RwSignal<Option<String>>,
    korean: RwSignal<AuthorityInput>,
    french: RwSignal<AuthorityInput>,
    kind: RwSignal<String>,
    year: RwSignal<String>,
    themes: RwSignal<Vec<String>>,
    sources: RwSignal<String>,
    comment: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
}

impl Fields {
    fn new(start: Form) -> Fields {
        Fields {
            correction_of: RwSignal::new(start.correction_of),
            korean: RwSignal::new(start.korean),
            french: RwSignal::new(start.french),
            kind: RwSignal::new(start.kind),
            year: RwSignal::new(start.year),
            themes: RwSignal::new(start.themes),
            sources: RwSignal::new(start.sources),
            comment: RwSignal::new(start.comment),
            name: RwSignal::new(start.name),
            email: RwSignal::new(start.email),
        }
    }

    /// Starts again from a partnership (or a blank new one); what the visitor wrote about
    /// sources, comment and themselves stays.
    fn reset(&self, f: Form) {
        self.correction_of.set(f.correction_of);
        self.korean.set(f.korean);
        self.french.set(f.french);
        self.kind.set(f.kind);
        self.year.set(f.year);
        self.themes.set(f.themes);
    }

    fn form(&self) -> Form {
        Form {
            correction_of: self.correction_of.get(),
            korean: self.korean.get(),
            french: self.french.get(),
            kind: self.kind.get(),
            year: self.year.get(),
            themes: self.themes.get(),
            sources: self.sources.get(),
            comment: self.comment.get(),
            name: self.name.get(),
            email: self.email.get(),
        }
    }
}

/// A blank form for a new partnership.
fn blank() -> Form {
    Form { kind: UNKNOWN.into(), ..Form::default() }
}

/// Writes what is typed into `signal`.
fn typed(signal: RwSignal<String>) -> impl Fn(leptos::ev::Event) {
    move |ev| signal.set(event_target_value(&ev))
}

/// A data text in the interface language, or marked with the language it falls back to.
fn data_text(text: &Localized, lang: Lang) -> impl IntoView {
    let (s, used) = text.best(lang);
    view! { <span lang=used.code()>{s.to_string()}</span> }
}

/// One end of the pair: the name (with the data's authorities as suggestions) and, for an
/// authority not on the map, its name in Latin letters when needed and its region.
fn end_fields(data: Arc<Loaded>, lang: Lang, country: Country, value: RwSignal<AuthorityInput>) -> impl IntoView {
    let ds = &data.dataset;
    let code = country.code().to_ascii_lowercase();
    let id = |what: &str| format!("propose-{code}-{what}");
    let (name_id, list_id, hint_id) = (id("name"), id("list"), id("hint"));
    let (latin_id, region_id) = (id("latin"), id("region"));
    let label = if country == Country::Korea { Msg::KoreanAuthority } else { Msg::FrenchAuthority };
    let mut names: Vec<String> = ds.authorities.iter().filter(|a| a.country == country).map(|a| authority_label(a, lang)).collect();
    names.sort();
    let mut regions: Vec<(String, String)> = ds.regions.iter().filter(|r| r.country == country).map(|r| (r.id.clone(), r.name.get(lang).to_string())).collect();
    regions.sort_by(|a, b| a.1.cmp(&b.1));
    // Not on the map: the record needs a region, and a name in Latin letters if it has none.
    let new = Memo::new(move |_| value.with(|v| !v.name.trim().is_empty() && find_authority(&data.dataset, country, &v.name).is_none()));
    let needs_latin = Memo::new(move |_| new.get() && value.with(|v| !v.name.chars().any(|c| c.is_ascii_alphabetic())));
    let start = value.get_untracked();
    let extra = move || {
        new.get().then(|| {
            let latin = needs_latin.get().then(|| view! {
                <label for=latin_id.clone()>{t(lang, Msg::ProposeLatinName)}</label>
                <input id=latin_id.clone() type="text" lang="en" value=value.with_untracked(|v| v.latin.clone())
                    on:input=move |ev| value.update(|v| v.latin = event_target_value(&ev)) />
            });
            let chosen = value.with_untracked(|v| v.region.clone());
            let options = regions.iter().map(|(id, name)| view! { <option value=id.clone() selected=*id == chosen>{name.clone()}</option> }).collect_view();
            view! {
                <div class="propose-new">
                    <p class="propose-new-note">{t(lang, Msg::ProposeNewAuthority)}</p>
                    {latin}
                    <label for=region_id.clone()>{t(lang, Msg::Region)}</label>
                    <select id=region_id.clone() on:change=move |ev| value.update(|v| v.region = event_target_value(&ev))>
                        <option value="">"—"</option>
                        {options}
                    </select>
                </div>
            }
        })
    };
    view! {
        <div class="propose-end">
            <label for=name_id.clone()>{t(lang, label)}</label>
            <input id=name_id type="text" list=list_id.clone() autocomplete="off" aria-describedby=hint_id.clone() value=start.name
                on:input=move |ev| value.update(|v| v.name = event_target_value(&ev)) />
            <span class="propose-hint" id=hint_id>{t(lang, Msg::ProposeNameHint)}</span>
            <datalist id=list_id>{names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}</datalist>
            {extra}
        </div>
    }
}

/// Everything about the partnership: drawn again when another partnership is chosen.
fn pair_fields(data: Arc<Loaded>, lang: Lang, f: Fields) -> impl IntoView {
    let ds = &data.dataset;
    let kind_now = f.kind.get_untracked();
    let kinds = ds
        .agreement_kinds
        .iter()
        .map(|k| (k.id.clone(), k.label.get(lang).to_string()))
        .chain([(UNKNOWN, Msg::KindUnknownShort), ("exchange", Msg::StatusExchange), ("planned", Msg::StatusPlanned)].map(|(id, m)| (id.to_string(), t(lang, m).to_string())))
        .map(|(id, label)| view! { <option value=id.clone() selected=id == kind_now>{label}</option> })
        .collect_view();
    let signed = Memo::new(move |_| f.kind.with(|k| k != "exchange" && k != "planned"));
    let themes_now = f.themes.get_untracked();
    let themes = ds
        .themes
        .iter()
        .map(|th| {
            let (id, box_id, for_id) = (th.id.clone(), format!("propose-theme-{}", th.id), format!("propose-theme-{}", th.id));
            let checked = themes_now.contains(&id);
            view! {
                <label class="propose-theme" for=for_id>
                    <input type="checkbox" id=box_id checked=checked on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        f.themes.update(|v| {
                            v.retain(|x| x != &id);
                            if on { v.push(id.clone()); }
                        });
                    } />
                    {data_text(&th.label, lang)}
                </label>
            }
        })
        .collect_view();
    view! {
        {end_fields(data.clone(), lang, Country::Korea, f.korean)}
        {end_fields(data.clone(), lang, Country::France, f.french)}
        <div class="propose-row">
            <div class="propose-field">
                <label for="propose-kind">{t(lang, Msg::KindStatus)}</label>
                <select id="propose-kind" on:change=typed(f.kind)>{kinds}</select>
            </div>
            <div class="propose-field propose-year">
                <label for="propose-year">{t(lang, Msg::Years)}</label>
                // Exchanges and plans have no year of agreement.
                <input id="propose-year" type="number" inputmode="numeric" min="1800" max="2100"
                    value=f.year.get_untracked() prop:disabled=move || !signed.get() on:input=typed(f.year) />
            </div>
        </div>
        <fieldset class="propose-themes">
            <legend>{t(lang, Msg::Themes)}</legend>
            {themes}
        </fieldset>
    }
}

/// The form and its actions.
#[component]
pub fn ProposeForm(
    /// Interface language.
    lang: Lang,
    /// The data shown: its authorities, kinds, themes and regions, and its publisher.
    loaded: Arc<Loaded>,
    /// The partnership selected on the map, if any: the form starts as a correction of it.
    pair: Option<String>,
    /// Back to the About panel.
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let ds: &Dataset = &loaded.dataset;
    let start = pair.as_deref().and_then(|id| ds.partnership(id)).map(|p| form_of(ds, p, lang)).unwrap_or_else(blank);
    let f = Fields::new(start);

    let form = Memo::new(move |_| f.form());
    let result = {
        let data = loaded.clone();
        Memo::new(move |_| form.with(|form| build(&data.dataset, form, lang)))
    };
    let json = Memo::new(move |_| result.with(|r| r.as_ref().ok().map(|p| p.to_json())));
    let missing = Memo::new(move |_| result.with(|r| r.as_ref().err().cloned().unwrap_or_default()));
    let publisher = ds.publisher.clone();
    let to_email = publisher.as_ref().and_then(|p| p.email.clone());
    let has_email = to_email.is_some();
    let mail = Memo::new(move |_| {
        let email = to_email.as_deref()?;
        result.with(|r| {
            let p = r.as_ref().ok()?;
            mailto(email, &proposal_subject(lang, &p.title), &proposal_body(lang, p.comment.as_deref(), &p.to_json()))
        })
    });
    let status = RwSignal::new(None::<bool>);
    // A changed message is not copied yet.
    Effect::new(move |_| {
        json.track();
        status.set(None);
    });
    let copy = move |_| {
        let Some(text) = json.get_untracked() else { return };
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok();
            status.set(Some(ok));
        });
    };
    let download = move |_| {
        let Some((name, text)) = result.with_untracked(|r| r.as_ref().ok().map(|p| (p.file_name(), p.to_json()))) else { return };
        if let Err(e) = save_text(&name, &text, "application/json") {
            leptos::logging::error!("the message could not be saved: {e:?}");
        }
    };

    let chosen = f.correction_of.get_untracked();
    let mut pairs: Vec<(String, String)> = ds.partnerships.iter().map(|p| (p.id.clone(), pair_title(ds, p, lang))).collect();
    pairs.sort_by(|a, b| a.1.cmp(&b.1));
    let pairs = pairs
        .into_iter()
        .map(|(id, title)| {
            let selected = chosen.as_deref() == Some(id.as_str());
            view! { <option value=id selected=selected>{title}</option> }
        })
        .collect_view();
    let choose = {
        let data = loaded.clone();
        move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            let ds = &data.dataset;
            f.reset(ds.partnership(&id).map(|p| form_of(ds, p, lang)).unwrap_or_else(blank));
        }
    };
    let fields = {
        let data = loaded.clone();
        move || {
            f.correction_of.track();
            pair_fields(data.clone(), lang, f)
        }
    };
    let sep = if lang == Lang::Fr { " : " } else { ": " };
    let recipient = match &publisher {
        Some(p) => view! { <strong>{data_text(&p.name, lang)}</strong> }.into_any(),
        None => t(lang, Msg::AboutNoPublisher).into_any(),
    };

    view! {
        <form class="propose-form" novalidate on:submit=|ev| ev.prevent_default()>
            <p class="propose-intro">{t(lang, Msg::ProposeIntro)}</p>
            <label for="propose-which">{t(lang, Msg::ProposeWhich)}</label>
            <select id="propose-which" on:change=choose>
                <option value="" selected=chosen.is_none()>{t(lang, Msg::ProposeNew)}</option>
                {pairs}
            </select>
            {fields}
            <label for="propose-sources">{t(lang, Msg::ProposeSources)}</label>
            <textarea id="propose-sources" rows="3" placeholder="https://…" spellcheck="false" on:input=typed(f.sources)></textarea>
            <label for="propose-comment">{t(lang, Msg::ProposeComment)}</label>
            <textarea id="propose-comment" rows="3" on:input=typed(f.comment)></textarea>
            <div class="propose-row">
                <div class="propose-field">
                    <label for="propose-name">{t(lang, Msg::ProposeYourName)}</label>
                    <input id="propose-name" type="text" autocomplete="name" on:input=typed(f.name) />
                </div>
                <div class="propose-field">
                    <label for="propose-email">{t(lang, Msg::ProposeYourEmail)}</label>
                    <input id="propose-email" type="email" autocomplete="email" on:input=typed(f.email) />
                </div>
            </div>

            <div class="propose-send">
                <p class="propose-to"><span class="propose-to-label">{t(lang, Msg::ProposeTo)}{sep}</span>{recipient}</p>
                {(!has_email).then(|| view! { <p class="propose-no-email">{t(lang, Msg::ProposeNoEmail)}</p> })}
                <div class="propose-missing" id="propose-missing" hidden=move || missing.with(Vec::is_empty)>
                    <p>{t(lang, Msg::ProposeIncomplete)}</p>
                    <ul>{move || missing.get().into_iter().map(|m| view! { <li>{missing_text(lang, m)}</li> }).collect_view()}</ul>
                </div>
                <div class="propose-actions">
                    <button type="button" class="button propose-copy" prop:disabled=move || json.with(Option::is_none)
                        aria-describedby="propose-missing" on:click=copy>{t(lang, Msg::ProposeCopy)}</button>
                    <button type="button" class="button button--secondary propose-download" prop:disabled=move || json.with(Option::is_none)
                        aria-describedby="propose-missing" on:click=download>{t(lang, Msg::ProposeDownload)}</button>
                    {move || mail.get().map(|href| view! {
                        <a class="button button--secondary propose-mail" href=href>{t(lang, Msg::ProposeMail)}</a>
                    })}
                </div>
                <p class="propose-status" role="status">
                    {move || match status.get() {
                        Some(true) => t(lang, Msg::ProposeCopied),
                        Some(false) => t(lang, Msg::ProposeCopyFailed),
                        None => "",
                    }}
                </p>
                <details class="propose-preview">
                    <summary>{t(lang, Msg::ProposeMessage)}</summary>
                    <textarea class="propose-json" readonly rows="12" spellcheck="false" aria-label=t(lang, Msg::ProposeMessage)
                        prop:value=move || json.get().unwrap_or_default()></textarea>
                </details>
            </div>
            <button type="button" class="button button--small button--secondary propose-back" on:click=move |_| on_back()>
                {t(lang, Msg::BackToAbout)}
            </button>
        </form>
    }
}
