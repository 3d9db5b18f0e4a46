//! `PreviewBanner`: says that a file is being previewed, and leads back to the published data.

use leptos::prelude::*;

use super::data_source::use_data_source;
use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

/// Shown only while a user's file is on screen. While it is, the page holds work a reload would
/// lose: `html[data-unsaved]` says so to public/boot.js, which then offers a new build instead
/// of reloading into it.
#[component]
pub fn PreviewBanner(
    /// Interface language.
    lang: Memo<Lang>,
) -> impl IntoView {
    let data = use_data_source();
    Effect::new(move |_| {
        let previewing = data.preview.with(Option::is_some);
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = if previewing { root.set_attribute("data-unsaved", "preview") } else { root.remove_attribute("data-unsaved") };
        }
    });
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
