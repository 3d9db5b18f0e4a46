//! `DataMenu`: the visible partnerships as a CSV file, and opening a file to preview it.

use leptos::prelude::*;

use super::context::use_explore;
use super::data_source::{input_files, use_data_source, DataSource};
use super::save_file::save_text;
use crate::domain::csv_io::export_csv;
use crate::domain::i18n::{t, Msg};

/// "Download CSV" (what the filters show, in the list's order) and "Open a dataset…" (JSON or CSV, stays on the device).
#[component]
pub fn DataMenu() -> impl IntoView {
    let ctx = use_explore();
    let data = use_data_source();
    let download = move |_| {
        let csv = ctx.ds.with_value(|d| export_csv(d, &ctx.ordered.get_untracked()));
        if let Err(e) = save_text("partnerships.csv", &csv, "text/csv;charset=utf-8") {
            leptos::logging::error!("the CSV file could not be saved: {e:?}");
        }
    };
    view! {
        <div class="data-menu">
            <button type="button" class="button button--small" on:click=download>
                {move || t(ctx.lang.get(), Msg::DownloadCsv)}
            </button>
            <label class="button button--small button--secondary file-button">
                {move || t(ctx.lang.get(), Msg::OpenDataset)}
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,.csv,application/json,text/csv"
                    on:change=move |ev| {
                        if let Some(file) = DataSource::first_file(input_files(&ev)) {
                            data.open(file);
                        }
                    }
                />
            </label>
        </div>
    }
}
