//! `PreviewBanner`: says that a file is being previewed, and leads back to the published data.

use leptos::prelude::*;

use super::data_source::use_data_source;
use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// Shown only while a user's file is on screen.
#[component]
pub fn PreviewBanner(
    /// Interface language.
    lang: Memo<Lang>,
) -> impl IntoView {
    let data = use_data_source();
    move || {
        data.preview.get().map(|name| {
            view! {
                <div class="preview-banner" role="status">
                    <span>
                        <strong>{t(lang.get(), Msg::Previewing)}" "<code class="preview-name">{name}</code></strong>
                        " — "{t(lang.get(), Msg::PreviewNote)}
                    </span>
                    <button type="button" class="button button--small" on:click=move |_| data.show_published()>
                        {t(lang.get(), Msg::BackToBundled)}
                    </button>
                </div>
            }
        })
    }
}
