//! `DataMenu`: the visible partnerships as a CSV file. ("Open a dataset…", for maintainers,
//! is in the About panel: see `open_dataset.rs`.)

use leptos::prelude::*;

use super::context::use_explore;
use super::save_file::save_text;
use crate::domain::csv_io::export_csv;
use crate::domain::i18n::{t, Msg};

/// "Download CSV" (what the filters show, in the list's order).
#[component]
pub fn DataMenu() -> impl IntoView {
    let ctx = use_explore();
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
        </div>
    }
}
