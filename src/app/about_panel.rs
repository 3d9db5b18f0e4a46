//! `AboutPanel`: the header's "About" button and the panel it opens — what the map is, who keeps
//! it (the data's `publisher`) and the data's date, how the facts were found and what the map's
//! words mean, the licences, "Propose a partnership or a correction" (its form is
//! `propose_form.rs`) and, for maintainers, "Open a dataset…".
//!
//! The panel is a modal `<dialog>`: focus moves in, Escape closes it and focus goes back to the
//! button. Its state is in the address (`about=1`, `about=propose`): a link opens it, Back
//! closes it. Everything it says about the data is read from the data shown, nothing is
//! hard-coded; data strings are only ever text, and only `http(s)` becomes a link.
//!
//! Its content is drawn again as a whole when the language or the page changes (the language
//! cannot change behind a modal dialog but by Back): one closure instead of one per text keeps
//! the wasm small.

use leptos::prelude::*;

use super::data_source::use_data_source;
use super::open_dataset::OpenDataset;
use super::propose_form::ProposeForm;
use super::url_sync::UrlStore;
use crate::domain::i18n::{format_date, t, Msg};
use crate::domain::load::is_http_url;
use crate::domain::{AboutPage, Dataset, Lang, Localized};

/// A data text in the interface language, or marked with the language it falls back to.
fn data_text(text: &Localized, lang: Lang) -> impl IntoView {
    let (s, used) = text.best(lang);
    view! { <span lang=used.code()>{s.to_string()}</span> }
}

/// Who keeps the map and the data's date, from the data.
fn keeper(ds: Option<&Dataset>, lang: Lang) -> AnyView {
    let Some(ds) = ds else {
        return view! { <p>{t(lang, Msg::Loading)}</p> }.into_any();
    };
    let name = match &ds.publisher {
        Some(p) => {
            let name = data_text(&p.name, lang);
            match p.url.clone().filter(|u| is_http_url(u)) {
                Some(url) => view! { <p class="about-publisher"><a href=url target="_blank" rel="noopener noreferrer">{name}</a></p> }.into_any(),
                None => view! { <p class="about-publisher">{name}</p> }.into_any(),
            }
        }
        None => view! { <p class="about-publisher">{t(lang, Msg::AboutNoPublisher)}</p> }.into_any(),
    };
    let date = ds.data_date().map(|d| view! { <p class="about-date">{format!("{} {}", t(lang, Msg::DataAsOf), format_date(lang, d))}</p> });
    view! { {name} {date} }.into_any()
}

/// The statuses, the kinds of agreement, "uncertain" and "unknown", as the cards show them.
fn words(ds: Option<&Dataset>, lang: Lang) -> AnyView {
    let kinds = ds.map(|ds| {
        ds.agreement_kinds
            .iter()
            .map(|k| {
                let about = k.description.as_ref().map(|d| view! { " — " {data_text(d, lang)} });
                view! { <li data-kind=k.id.clone()><strong>{data_text(&k.label, lang)}</strong>{about}</li> }
            })
            .collect_view()
    });
    let terms = [
        ("listed", Msg::StatusListed, Msg::StatusListedHelp),
        ("exchange", Msg::StatusExchange, Msg::StatusExchangeHelp),
        ("planned", Msg::StatusPlanned, Msg::StatusPlannedHelp),
    ]
    .map(|(status, term, help)| view! { <dt data-status=status>{t(lang, term)}</dt><dd>{t(lang, help)}</dd> });
    view! {
        <dl class="about-words">
            <dt data-status="signed">{t(lang, Msg::StatusSigned)}</dt>
            <dd>{t(lang, Msg::StatusSignedHelp)}<ul class="about-kinds">{kinds}</ul></dd>
            {terms.into_iter().collect_view()}
            <dt data-status="uncertain"><span class="uncertain">"(" {t(lang, Msg::Uncertain)} ")"</span></dt>
            <dd>{t(lang, Msg::UncertainHelp)}</dd>
            <dt data-status="unknown"><span class="unknown">{t(lang, Msg::Unknown)}</span></dt>
            <dd>{t(lang, Msg::UnknownHelp)}</dd>
        </dl>
    }
    .into_any()
}

/// A titled section of the panel.
fn section(id: &'static str, class: &'static str, title: &'static str, body: AnyView) -> impl IntoView {
    view! {
        <section class=format!("about-section {class}") aria-labelledby=id>
            <h3 id=id>{title}</h3>
            {body}
        </section>
    }
}

/// The "About" button and its panel.
#[component]
pub fn AboutPanel(
    /// Interface language.
    lang: Memo<Lang>,
    /// The URL state: `about=` opens the panel.
    url: UrlStore,
) -> impl IntoView {
    let data = use_data_source();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::Button>::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    let page = Memo::new(move |_| url.state.with(|s| s.about));
    // The dialog follows the address: opened by the button, a link or Forward; closed by the
    // close button, Escape or Back. Going from the panel to its form (or back) puts the focus
    // on the new heading, as a new page would.
    Effect::new(move |before: Option<Option<AboutPage>>| {
        let now = page.get();
        if let Some(d) = dialog.get() {
            match (now.is_some(), d.open()) {
                (true, false) => {
                    let _ = d.show_modal();
                }
                (false, true) => d.close(),
                (true, true) if before.flatten() != now => {
                    if let Some(h) = heading.get() {
                        let _ = h.focus();
                    }
                }
                _ => {}
            }
        }
        now
    });
    let close = move || url.update(|s| s.about = None);
    let on_close = move |_| {
        if page.get_untracked().is_some() {
            close();
        }
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    let show = move |p: Option<AboutPage>| url.update(|s| s.about = p);

    let body = move || {
        let l = lang.get();
        match page.get() {
            None => ().into_any(),
            // The form starts from the pair on the map, if any.
            Some(AboutPage::Propose) => match data.shown.get() {
                Some(loaded) => {
                    let pair = url.state.with_untracked(|s| s.pair.clone());
                    view! { <ProposeForm lang=l loaded=loaded pair=pair on_back=move || show(Some(AboutPage::About)) /> }.into_any()
                }
                None => view! { <p>{t(l, Msg::Loading)}</p> }.into_any(),
            },
            Some(AboutPage::About) => {
                let (who, meaning) = data.shown.with(|loaded| {
                    let ds = loaded.as_deref().map(|l| &l.dataset);
                    (keeper(ds, l), words(ds, l))
                });
                let who = view! {
                    {who}
                    <button type="button" class="button about-propose" on:click=move |_| show(Some(AboutPage::Propose))>{t(l, Msg::Propose)}</button>
                };
                let licences = view! { <p>{t(l, Msg::AboutLicenceData)}</p><p>{t(l, Msg::AboutLicenceMap)}</p> };
                let maintainers = view! { <p>{t(l, Msg::ForMaintainersHelp)}</p><OpenDataset lang=l on_open=close /> };
                view! {
                    <p class="about-what">{t(l, Msg::AboutWhat)}</p>
                    {section("about-keeper", "about-keeper", t(l, Msg::AboutKeeper), who.into_any())}
                    {section("about-method", "", t(l, Msg::AboutMethod), view! { <p>{t(l, Msg::AboutMethodText)}</p> }.into_any())}
                    {section("about-words", "", t(l, Msg::AboutWords), meaning)}
                    {section("about-licence", "about-licence", t(l, Msg::AboutLicence), licences.into_any())}
                    {section("about-maintainers", "about-maintainers", t(l, Msg::ForMaintainers), maintainers.into_any())}
                }
                .into_any()
            }
        }
    };

    view! {
        <button type="button" class="about-open" node_ref=opener aria-haspopup="dialog"
            on:click=move |_| show(Some(AboutPage::About))>
            {move || t(lang.get(), Msg::About)}
        </button>
        // Escape is the panel's own: the card under it (which also closes on Escape) stays open.
        <dialog node_ref=dialog class="about-panel" aria-labelledby="about-title" on:close=on_close
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    ev.stop_propagation();
                    if let Some(d) = dialog.get() { d.close(); }
                }
            }>
            <div class="about-head">
                <h2 id="about-title" tabindex="-1" node_ref=heading>
                    {move || t(lang.get(), if page.get() == Some(AboutPage::Propose) { Msg::Propose } else { Msg::AboutTitle })}
                </h2>
                <button type="button" class="close-button" aria-label=move || t(lang.get(), Msg::Close)
                    on:click=move |_| { if let Some(d) = dialog.get() { d.close(); } }>"×"</button>
            </div>
            <div class="about-body">{body}</div>
        </dialog>
    }
}
