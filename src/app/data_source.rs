//! Where the shown data comes from: the published file, or a file the user opened to preview.
//!
//! Opening a file never sends it anywhere: it is read in the browser and validated by the same
//! loader as the published data (a CSV file with the published vocabularies).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::csv_io::import_csv;
use crate::domain::problem::Problem;
use crate::domain::load::{too_large, MAX_FILE_BYTES};
use crate::domain::{load_bytes, Loaded};

/// The data on screen and the way back to the published data.
#[derive(Clone, Copy)]
pub struct DataSource {
    /// The published data once loaded (to go back to, and for the vocabularies of a CSV file).
    pub published: StoredValue<Option<Arc<Loaded>>>,
    /// What is shown: `None` while the published data loads.
    pub shown: RwSignal<Option<Arc<Loaded>>>,
    /// The name of the previewed file, `None` for the published data.
    pub preview: RwSignal<Option<String>>,
}

pub fn provide_data_source() -> DataSource {
    let source = DataSource { published: StoredValue::new(None), shown: RwSignal::new(None), preview: RwSignal::new(None) };
    provide_context(source);
    source
}

pub fn use_data_source() -> DataSource {
    expect_context::<DataSource>()
}

/// Reads a file as a dataset: CSV by its name or type, JSON otherwise.
pub fn read_dataset(name: &str, bytes: &[u8], published: Option<&Loaded>) -> Loaded {
    let is_csv = name.to_ascii_lowercase().ends_with(".csv");
    if is_csv {
        // A CSV file holds partnerships and authorities; themes, kinds and regions come from
        // the published data (the menu that opens files only exists once it is loaded).
        return match published {
            Some(p) => import_csv(bytes, &p.dataset),
            None => Loaded::refused(Problem::at("$", "the published data is not loaded yet: try again")),
        };
    }
    load_bytes(bytes)
}

impl DataSource {
    /// Shows the published data (again).
    pub fn show_published(&self) {
        self.preview.set(None);
        self.shown.set(self.published.get_value());
    }

    /// Reads a file the user picked or dropped and shows it as a preview.
    pub fn open(&self, file: web_sys::File) {
        let this = *self;
        spawn_local(async move {
            let name = file.name();
            // A file larger than the map reads is refused unread: the tab never holds it.
            if file.size() > MAX_FILE_BYTES as f64 {
                this.preview.set(Some(name));
                this.shown.set(Some(Arc::new(Loaded::refused(too_large(Some(file.size() as u64))))));
                return;
            }
            let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                leptos::logging::warn!("{name}: the file could not be read");
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let published = this.published.get_value();
            let loaded = read_dataset(&name, &bytes, published.as_deref());
            this.preview.set(Some(name));
            this.shown.set(Some(Arc::new(loaded)));
        });
    }

    /// The first file of a drop or a file input, if any.
    pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
        files.and_then(|f| f.get(0))
    }
}

/// The files of a `change` event on an `<input type=file>`.
pub fn input_files(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()
}
