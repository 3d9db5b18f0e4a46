//! Previewing a data file the user opened or dropped on the page (the full build only): read on
//! the device, never sent anywhere, checked by the same loader as the published data (a CSV file
//! with the published vocabularies), a large one off the page's thread; shown in place of the
//! published data until "back".

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::data_source::DataSource;
use crate::domain::csv_io::import_csv;
use crate::domain::handoff;
use crate::domain::problem::Problem;
use crate::domain::load::{too_large, MAX_FILE_BYTES};
use crate::domain::{load_bytes, Loaded};

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
            // A large JSON file is checked off the page (a worker), so the tab never freezes. The
            // worker is given the file itself and reads it: the page neither reads nor copies it,
            // and the worker starts at once, while the file is read.
            let is_json = !name.to_ascii_lowercase().ends_with(".csv");
            let checked = if is_json && file.size() > OFF_PAGE_BYTES as f64 { check_off_page(&file).await } else { None };
            let loaded = match checked {
                Some(loaded) => loaded,
                None => {
                    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
                        leptos::logging::warn!("{name}: the file could not be read");
                        return;
                    };
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    read_dataset(&name, &bytes, this.published.get_value().as_deref())
                }
            };
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

/// Files larger than this (bytes) are checked in a worker: checking takes about a second per
/// 5 MB with many problems, and the page must not pause for more than a few frames.
const OFF_PAGE_BYTES: u32 = 256 * 1024;

/// The worker (public/loader-worker.js); it loads the app's own module.
const CHECK_WORKER: &str = "loader-worker.js";

thread_local! {
    /// A worker started ahead (a hand on "Open a dataset…", a file dragged over the page), its
    /// module compiled by the time the file is chosen. Used once, then a new one is made.
    static WARM: std::cell::RefCell<Option<web_sys::Worker>> = const { std::cell::RefCell::new(None) };
}

fn new_check_worker() -> Option<web_sys::Worker> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    web_sys::Worker::new_with_options(CHECK_WORKER, &options).ok()
}

/// Starts the worker that checks large files, if none is waiting.
pub fn warm_check_worker() {
    WARM.with(|w| {
        let mut w = w.borrow_mut();
        if w.is_none() {
            *w = new_check_worker();
        }
    });
}

/// The file checked by the worker, or `None` when no worker could do it (the page then reads and
/// checks it itself, as before: the file, cloned to the worker, is still the page's to read).
async fn check_off_page(file: &web_sys::File) -> Option<Loaded> {
    let worker = WARM.with(|w| w.borrow_mut().take()).or_else(new_check_worker)?;
    let (send, receive) = futures::channel::oneshot::channel::<Option<String>>();
    let send = std::rc::Rc::new(std::cell::RefCell::new(Some(send)));
    let answer = {
        let send = send.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let text = js_sys::Reflect::get(&event.data(), &JsValue::from_str("text")).ok().and_then(|t| t.as_string());
            if text.is_none() {
                leptos::logging::warn!("the data check's worker failed: {:?}", js_sys::Reflect::get(&event.data(), &JsValue::from_str("error")));
            }
            if let Some(send) = send.borrow_mut().take() {
                let _ = send.send(text);
            }
        })
    };
    let failed = {
        let send = send.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(send) = send.borrow_mut().take() {
                let _ = send.send(None);
            }
        })
    };
    worker.set_onmessage(Some(answer.as_ref().unchecked_ref()));
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    let text = match worker.post_message(file) {
        Ok(()) => receive.await.ok().flatten(),
        Err(_) => None,
    };
    worker.terminate();
    drop((answer, failed));
    text.map(|t| handoff::receive(&t))
}
