//! `OpenDataset`: "Open a dataset…", a file picker whose file is previewed on the device (the
//! same validation as the published data; nothing is uploaded). For maintainers: it lives in
//! the About panel, out of visitors' way; dropping a file on the page does the same.

use leptos::prelude::*;

use super::data_source::{use_data_source, DataSource};
use super::file_preview::{input_files, warm_check_worker};
use crate::domain::i18n::{t, Msg};
use crate::domain::Lang;

#[component]
pub fn OpenDataset(
    /// Interface language.
    lang: Lang,
    /// Called once a file is chosen (its preview is on its way).
    on_open: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let data = use_data_source();
    view! {
        // A hand on the button: the worker that checks large files gets ready meanwhile.
        <label
            class="button button--small button--secondary file-button"
            on:pointerenter=move |_| warm_check_worker()
            on:focusin=move |_| warm_check_worker()
        >
            {t(lang, Msg::OpenDataset)}
            <input
                type="file"
                class="visually-hidden"
                accept=".json,.csv,application/json,text/csv"
                on:change=move |ev| {
                    if let Some(file) = DataSource::first_file(input_files(&ev)) {
                        data.open(file);
                        on_open();
                    }
                }
            />
        </label>
    }
}
