//! `LanguageSwitcher`: French, Korean, English, each named in its own language.

use leptos::prelude::*;

use super::url_sync::UrlStore;
use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// Buttons that set `lang=` in the URL.
#[component]
pub fn LanguageSwitcher(
    /// The language in use.
    lang: Memo<Lang>,
    /// The URL state the choice is written to.
    url: UrlStore,
) -> impl IntoView {
    view! {
        <nav class="lang-switcher" aria-label=move || t(lang.get(), Msg::Language)>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="button"
                            lang=l.code()
                            aria-pressed=move || (lang.get() == l).to_string()
                            on:click=move |_| url.update(|s| s.lang = Some(l))
                        >
                            {l.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
