//! Fetching the bundled files by URLs relative to the page, so the built folder works under any
//! sub-path: read as a stream (the bytes received so far are reported, for a slow network),
//! given up after a while with nothing received (a stalled network), stopped as soon as it is
//! larger than the map reads (a huge file never fills the tab's memory), and checked to be UTF-8
//! (a wrong byte is reported where it is, never silently replaced).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::json_position::line_column;
use crate::domain::load::{too_large, MAX_FILE_BYTES};

pub const DATA_URL: &str = "data/partnerships.json";
pub const BASEMAP_URL: &str = "basemap.json";

/// Seconds with nothing received after which a request is given up.
pub const STALL_SECONDS: u64 = 30;

/// What a request brought: the file, or the sign that it is larger than
/// [`MAX_FILE_BYTES`] (its size when announced), left unread.
pub enum Body {
    Bytes(Vec<u8>),
    TooLarge(Option<u64>),
}

/// The body of a file as text, or a message saying what went wrong.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    match fetch_body(url, |_, _| {}).await? {
        Body::TooLarge(size) => Err(format!("{url}: {}", too_large(size).message)),
        Body::Bytes(bytes) => String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let valid = std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            format!("{url}: not UTF-8 text: a wrong byte at line {line}, column {column} (byte {at})")
        }),
    }
}

/// The body of a file; `progress(received, total)` is told the bytes received so far (and the
/// size the server announced, when it did).
pub async fn fetch_body(url: &str, progress: impl Fn(u64, Option<u64>)) -> Result<Body, String> {
    let controller = web_sys::AbortController::new().map_err(|_| format!("{url}: cannot make a request"))?;
    // The time of the last byte (or of the start); a watch gives up after STALL_SECONDS of none.
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let stalled = Rc::new(Cell::new(false));
    let watch = {
        let (last, stalled, controller) = (last.clone(), stalled.clone(), controller.clone());
        set_interval_with_handle(
            move || {
                if js_sys::Date::now() - last.get() > (STALL_SECONDS * 1000) as f64 {
                    stalled.set(true);
                    controller.abort();
                }
            },
            Duration::from_millis(500),
        )
        .ok()
    };
    let result = read(url, &controller, &last, &progress).await;
    if let Some(w) = watch {
        w.clear();
    }
    if stalled.get() {
        return Err(format!("{url}: nothing received for {STALL_SECONDS} s (network stalled)"));
    }
    result
}

async fn read(url: &str, controller: &web_sys::AbortController, last: &Cell<f64>, progress: &impl Fn(u64, Option<u64>)) -> Result<Body, String> {
    let signal = controller.signal();
    let response = Request::get(url).abort_signal(Some(&signal)).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {} {}", response.status(), response.status_text()));
    }
    // Compressed on the way, the announced size is not what arrives: then no total.
    let total = match response.headers().get("content-encoding") {
        Some(enc) if enc != "identity" => None,
        _ => response.headers().get("content-length").and_then(|v| v.parse::<u64>().ok()),
    };
    if let Some(size) = total.filter(|&n| n > MAX_FILE_BYTES as u64) {
        controller.abort();
        return Ok(Body::TooLarge(Some(size)));
    }
    let Some(body) = response.body() else { return Ok(Body::Bytes(Vec::new())) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0) as usize);
    progress(0, total);
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|e| format!("{url}: {}", describe(&e)))?;
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).map(|d| d.is_truthy()).unwrap_or(true);
        if done {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) {
            let part = js_sys::Uint8Array::new(&value);
            if bytes.len() + part.length() as usize > MAX_FILE_BYTES {
                let _ = reader.cancel();
                controller.abort();
                return Ok(Body::TooLarge(total));
            }
            bytes.extend_from_slice(&part.to_vec());
        }
        last.set(js_sys::Date::now());
        progress(bytes.len() as u64, total);
    }
    Ok(Body::Bytes(bytes))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "the request failed".into())
}
