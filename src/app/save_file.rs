//! Saving a file the app made (CSV, PNG) without any request: a blob URL and a download link.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `blob` as a download named `name`.
pub fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = leptos::prelude::document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Offers `text` as a download named `name`, of type `mime`.
pub fn save_text(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    save_blob(name, &web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?)
}
