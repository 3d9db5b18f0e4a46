//! `App`: loads the published data and the basemap, then hands over to the explorer; keeps the
//! page-wide pieces (title, language; the full build's header and a file dropped anywhere on
//! the page).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::data_source::provide_data_source;
use super::explorer::Explorer;
use super::fetch::{fetch_body, fetch_text, Body, BASEMAP_URL, DATA_URL};
use super::load_error::LoadError;
use super::loading_status::LoadingStatus;
use super::url_sync::use_url_state;
#[cfg(feature = "full")]
use super::{about_panel::AboutPanel, file_drop::FileDrop, language_switcher::LanguageSwitcher, offline_badge::OfflineBadge};
use crate::domain::i18n::{t, Msg};
use crate::domain::load::too_large;
use crate::domain::{load_bytes, Lang, Loaded};

#[derive(Clone, PartialEq)]
enum Fetch {
    Loading,
    Failed(String),
    Done,
}

fn browser_language() -> Lang {
    let languages = window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::from_preferences(tags.iter().map(String::as_str))
}

fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    let url = use_url_state();
    let lang = Memo::new(move |_| url.state.with(|s| s.lang).unwrap_or_else(browser_language));
    let data = provide_data_source();
    let fetch = RwSignal::new(Fetch::Loading);
    let basemap: StoredValue<Option<Arc<str>>> = StoredValue::new(None);
    let drawn = RwSignal::new(false);
    // The parts of the interface built after the rest (`Later`) and not yet built.
    let unbuilt = RwSignal::new(0u32);
    provide_context(super::later::Unbuilt(unbuilt));

    // Bytes of the data received so far, and its announced size: shown on a slow network.
    let received = RwSignal::new(None::<(u64, Option<u64>)>);
    let start = move || {
        fetch.set(Fetch::Loading);
        drawn.set(false);
        received.set(None);
        spawn_local(async move {
            let data_body = fetch_body(DATA_URL, move |got, total| received.set(Some((got, total))));
            let (body, outlines) = futures::join!(data_body, fetch_text(BASEMAP_URL));
            // Without outlines (missing, or not the land file the build writes) the links still
            // draw; the map says the land is missing, the console says why. The land file is
            // turned into the GeoJSON Leaflet draws (domain::land).
            use crate::domain::land;
            let outlines = outlines.and_then(|text| land::read(&text).and_then(|countries| land::geojson(&countries)).map_err(|why| format!("{BASEMAP_URL}: {why}")));
            basemap.set_value(outlines.map_err(|e| leptos::logging::warn!("basemap: {e}")).ok().map(Arc::from));
            match body {
                Err(e) => fetch.set(Fetch::Failed(e)),
                Ok(body) => {
                    // A file too large or not UTF-8 is a data problem, shown in the problems
                    // panel like any other (trying again would not help).
                    let loaded = Arc::new(match body {
                        Body::Bytes(bytes) => load_bytes(&bytes),
                        Body::TooLarge(size) => Loaded::refused(too_large(size)),
                    });
                    // The interface is built in a task of its own, after the one that read the data.
                    super::next_task().await;
                    data.published.set_value(Some(loaded.clone()));
                    data.shown.set(Some(loaded));
                    fetch.set(Fetch::Done);
                }
            }
        });
    };
    start();

    // `<html data-state>` is the hook tests and embedding pages wait on.
    Effect::new(move |_| {
        let state = match (fetch.get(), data.shown.get()) {
            (Fetch::Failed(_), _) => "error",
            (_, Some(l)) if l.dataset.partnerships.is_empty() && !l.problems.is_empty() => "error",
            (Fetch::Done, Some(_)) if drawn.get() && unbuilt.get() == 0 => "ready",
            _ => "loading",
        };
        set_root_attribute("data-state", state);
    });
    // The stylesheet lays an embedded map out differently (see `html[data-embed]`).
    if url.state.with_untracked(super::embedded) {
        set_root_attribute("data-embed", "1");
    }
    // And a kiosk (see `html[data-mode="kiosk"]`): large type, no share or embed chrome.
    if url.state.with_untracked(super::kiosk_mode) {
        set_root_attribute("data-mode", "kiosk");
    }
    Effect::new(move |_| {
        let l = lang.get();
        set_root_attribute("lang", l.code());
        document().set_title(t(l, Msg::Title));
    });

    view! {
        // An embed has no header (its bar names the map).
        {full_only! {
            <header class="app-header">
                <div class="app-title">
                    <h1>{move || t(lang.get(), Msg::Title)}</h1>
                    <p class="app-subtitle">{move || t(lang.get(), Msg::Subtitle)}</p>
                </div>
                <OfflineBadge lang=lang />
                // Not in an embed (no header) nor on the pavilion's screen (no forms there).
                {url.state.with_untracked(|s| !s.embed && !s.kiosk).then(|| view! { <AboutPanel lang=lang url=url /> })}
                <LanguageSwitcher lang=lang url=url />
            </header>
        }}
        {move || match (fetch.get(), data.shown.get()) {
            (Fetch::Failed(message), _) => view! { <LoadError lang=lang message=message on_retry=move || start() /> }.into_any(),
            (_, Some(loaded)) => view! { <Explorer loaded=loaded basemap=basemap.get_value() url=url lang=lang drawn=drawn /> }.into_any(),
            (_, None) => view! { <LoadingStatus lang=lang received=received /> }.into_any(),
        }}
        // A data file dropped on the page is previewed: not in the embed build.
        {full_only! { <FileDrop lang=lang /> }}
    }
}
