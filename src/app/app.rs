//! `App`: loads the data and the basemap, then hands over to the explorer.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::explorer::Explorer;
use super::fetch::{fetch_text, BASEMAP_URL, DATA_URL};
use super::language_switcher::LanguageSwitcher;
use super::load_error::LoadError;
use super::loading_status::LoadingStatus;
use super::url_sync::use_url_state;
use crate::domain::i18n::{t, Msg};
use crate::domain::{load_dataset, Lang, Loaded};

#[derive(Clone)]
enum LoadState {
    Loading,
    Failed(String),
    Ready { loaded: Arc<Loaded>, basemap: Option<Arc<str>> },
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
    let load = RwSignal::new(LoadState::Loading);
    let drawn = RwSignal::new(false);

    let start = move || {
        load.set(LoadState::Loading);
        drawn.set(false);
        spawn_local(async move {
            let (data, basemap) = futures::join!(fetch_text(DATA_URL), fetch_text(BASEMAP_URL));
            let next = match data {
                Err(e) => LoadState::Failed(e),
                Ok(text) => LoadState::Ready {
                    loaded: Arc::new(load_dataset(&text)),
                    // Without outlines the links still draw; the console says why.
                    basemap: basemap.map_err(|e| leptos::logging::warn!("basemap: {e}")).ok().map(Arc::from),
                },
            };
            load.set(next);
        });
    };
    start();

    // `<html data-state>` is the hook tests and embedding pages wait on.
    Effect::new(move |_| {
        let state = load.with(|l| match l {
            LoadState::Loading => "loading",
            LoadState::Failed(_) => "error",
            LoadState::Ready { loaded, .. } if loaded.dataset.partnerships.is_empty() && !loaded.problems.is_empty() => "error",
            LoadState::Ready { .. } if drawn.get() => "ready",
            LoadState::Ready { .. } => "loading",
        });
        set_root_attribute("data-state", state);
    });
    Effect::new(move |_| {
        let l = lang.get();
        set_root_attribute("lang", l.code());
        document().set_title(t(l, Msg::Title));
    });

    view! {
        <header class="app-header">
            <div class="app-title">
                <h1>{move || t(lang.get(), Msg::Title)}</h1>
                <p class="app-subtitle">{move || t(lang.get(), Msg::Subtitle)}</p>
            </div>
            <LanguageSwitcher lang=lang url=url />
        </header>
        {move || match load.get() {
            LoadState::Loading => view! { <LoadingStatus lang=lang /> }.into_any(),
            LoadState::Failed(message) => view! { <LoadError lang=lang message=message on_retry=move || start() /> }.into_any(),
            LoadState::Ready { loaded, basemap } => view! { <Explorer loaded=loaded basemap=basemap url=url lang=lang drawn=drawn /> }.into_any(),
        }}
    }
}
