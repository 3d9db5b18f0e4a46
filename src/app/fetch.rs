//! Fetching the bundled files by URLs relative to the page, so the built folder works under any
//! sub-path: read as a stream (the bytes received so far are reported, for a slow network),
//! given up after a while with nothing received (a stalled network) or with too little (a
//! download that drips: a rate floor, not only a silence timeout), stopped as soon as it is
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

/// The rate floor: fewer than this many bytes in a window of [`STALL_SECONDS`] and the request
/// is given up (0.5 KB/s: a tenth of the slowest mobile data; a byte every 20 s never gets there).
pub const FLOOR_BYTES: u64 = 16 * 1024;

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
    // The page may have asked for it already (public/first-paint.js): that request is read here,
    // with the same limits, and only once (a retry asks again).
    let (controller, asked) = match take_asked(url) {
        Some((controller, response)) => (controller, Some(response)),
        None => (web_sys::AbortController::new().map_err(|_| format!("{url}: cannot make a request"))?, None),
    };
    // The time of the last byte (or of the start); a watch gives up after STALL_SECONDS of none,
    // or when a window of STALL_SECONDS brought fewer than FLOOR_BYTES.
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let received = Rc::new(Cell::new(0u64));
    let given_up = Rc::new(Cell::new(None::<String>));
    let window_ms = (STALL_SECONDS * 1000) as f64;
    let watch = {
        let (last, received, given_up, controller) = (last.clone(), received.clone(), given_up.clone(), controller.clone());
        let window = Cell::new((js_sys::Date::now(), 0u64));
        set_interval_with_handle(
            move || {
                let now = js_sys::Date::now();
                let (since, bytes_then) = window.get();
                let why = if now - last.get() > window_ms {
                    Some(format!("nothing received for {STALL_SECONDS} s (network stalled)"))
                } else if now - since >= window_ms {
                    let got = received.get() - bytes_then;
                    window.set((now, received.get()));
                    (got < FLOOR_BYTES).then(|| format!("only {got} bytes received in {STALL_SECONDS} s (the network is too slow)"))
                } else {
                    None
                };
                let first = given_up.take();
                match (first, why) {
                    (Some(first), _) => given_up.set(Some(first)),
                    (None, Some(why)) => {
                        given_up.set(Some(why));
                        controller.abort();
                    }
                    (None, None) => {}
                }
            },
            Duration::from_millis(500),
        )
        .ok()
    };
    let result = read(url, asked, &controller, &last, &received, &progress).await;
    if let Some(w) = watch {
        w.clear();
    }
    if let Some(why) = given_up.take() {
        return Err(format!("{url}: {why}"));
    }
    result
}

/// The request public/first-paint.js made for `url` once the first paint was on screen
/// (`window.partnershipMapAsked`: `{url, response, controller}`), taken so that it is read once.
fn take_asked(url: &str) -> Option<(web_sys::AbortController, js_sys::Promise)> {
    let key = JsValue::from_str("partnershipMapAsked");
    let global = js_sys::global();
    let asked = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object())?;
    let field = |name: &str| js_sys::Reflect::get(&asked, &JsValue::from_str(name)).ok();
    if field("url")?.as_string()? != url {
        return None;
    }
    let _ = js_sys::Reflect::set(&global, &key, &JsValue::UNDEFINED);
    Some((field("controller")?.dyn_into().ok()?, field("response")?.dyn_into().ok()?))
}

async fn read(url: &str, asked: Option<js_sys::Promise>, controller: &web_sys::AbortController, last: &Cell<f64>, received: &Cell<u64>, progress: &impl Fn(u64, Option<u64>)) -> Result<Body, String> {
    let response = match asked {
        Some(response) => {
            let raw = JsFuture::from(response).await.map_err(|e| format!("{url}: {}", describe(&e)))?;
            gloo_net::http::Response::from(raw.dyn_into::<web_sys::Response>().map_err(|_| format!("{url}: the request failed"))?)
        }
        None => {
            let signal = controller.signal();
            Request::get(url).abort_signal(Some(&signal)).send().await.map_err(|e| format!("{url}: {e}"))?
        }
    };
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
        received.set(bytes.len() as u64);
        progress(bytes.len() as u64, total);
    }
    Ok(Body::Bytes(bytes))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "the request failed".into())
}
