//! A picture of the map as it is on screen: its panes, basemap, links, markers and legend drawn
//! onto one canvas by `html-to-image` (npm, vendored, loaded on first use), in the browser, with
//! no request anywhere.
//!
//! The seam knows which of its own elements belong in a picture (not the zoom buttons); the app
//! says which of its elements to leave out (a selector) and adds its own title and credits.

use js_sys::{Object, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlCanvasElement, HtmlElement};

use super::set;

/// Where the build puts the library (`.ci/build.sh`), relative to the page: works under any
/// sub-path.
const LIBRARY: &str = "vendor/html-to-image/html-to-image.js";

/// Leaflet's controls that mean nothing on paper (the attribution stays: it credits the basemap).
const LEAFLET_CONTROLS: &str = ".leaflet-control-zoom";

#[wasm_bindgen]
extern "C" {
    /// `htmlToImage.toCanvas(node, options)`: a promise of a canvas. Throws if the library is
    /// not loaded.
    #[wasm_bindgen(catch, js_namespace = htmlToImage, js_name = toCanvas)]
    fn to_canvas(node: &HtmlElement, options: &JsValue) -> Result<Promise, JsValue>;
}

/// Loads the library once (a `<script>` of the same origin; a strict CSP's `script-src 'self'`
/// allows it).
async fn load_library() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    if js_sys::Reflect::has(&window, &JsValue::from_str("htmlToImage"))? {
        return Ok(());
    }
    let doc = window.document().ok_or("no document")?;
    let script: web_sys::HtmlScriptElement = doc.create_element("script")?.unchecked_into();
    let loaded = Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    script.set_src(LIBRARY);
    doc.head().ok_or("no head")?.append_child(&script)?;
    JsFuture::from(loaded).await.map_err(|_| JsValue::from_str("the picture library could not be loaded"))?;
    Ok(())
}

/// What the stylesheet says about SVG shapes that a copy must carry itself: the library copies
/// an `<svg>` as it is, so its children would lose every rule of the stylesheet (Leaflet's
/// default blue fill would show instead of the land, links would be filled black).
const SVG_PAINT: [&str; 16] = [
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset",
    "stroke-linecap", "stroke-linejoin", "opacity", "display", "visibility", "paint-order", "font-size", "font-weight",
];

/// Writes each SVG shape's computed paint into its inline style (through the CSSOM, which a
/// strict CSP allows), and returns how to put things back. The look does not change.
fn freeze_svg_paint(node: &HtmlElement) -> Result<Vec<(Element, Option<String>)>, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let shapes = node.query_selector_all("svg *")?;
    let mut saved = Vec::with_capacity(shapes.length() as usize);
    for i in 0..shapes.length() {
        let Some(el) = shapes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
        let Some(computed) = window.get_computed_style(&el)? else { continue };
        let style: web_sys::CssStyleDeclaration = js_sys::Reflect::get(&el, &JsValue::from_str("style"))?.unchecked_into();
        saved.push((el.clone(), el.get_attribute("style")));
        for name in SVG_PAINT {
            style.set_property(name, &computed.get_property_value(name)?)?;
        }
    }
    Ok(saved)
}

fn thaw_svg_paint(saved: Vec<(Element, Option<String>)>) {
    for (el, before) in saved {
        match before {
            None => {
                let _ = el.remove_attribute("style");
            }
            Some(text) => {
                if let Ok(style) = js_sys::Reflect::get(&el, &JsValue::from_str("style")) {
                    style.unchecked_into::<web_sys::CssStyleDeclaration>().set_css_text(&text);
                }
            }
        }
    }
}

/// Draws `node` (the map and what stands on it) at `pixel_ratio` device pixels per CSS pixel,
/// leaving out the elements matching `leave_out` and the map's own controls.
pub async fn picture(node: &HtmlElement, pixel_ratio: f64, leave_out: &str) -> Result<HtmlCanvasElement, JsValue> {
    load_library().await?;
    let selector = if leave_out.is_empty() { LEAFLET_CONTROLS.to_string() } else { format!("{leave_out}, {LEAFLET_CONTROLS}") };
    // Called for every node of the copy; text nodes are kept.
    let filter = Closure::<dyn Fn(JsValue) -> bool>::new(move |n: JsValue| {
        n.dyn_ref::<Element>().is_none_or(|e| !e.matches(&selector).unwrap_or(false))
    });
    let options = Object::new();
    set(&options, "pixelRatio", pixel_ratio);
    set(&options, "filter", filter.as_ref().clone());
    // The page's fonts are the system's: nothing to embed, so nothing to read or fetch.
    set(&options, "skipFonts", true);
    let background = web_sys::window()
        .and_then(|w| w.get_computed_style(node).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)")
        .unwrap_or_else(|| "#ffffff".into());
    set(&options, "backgroundColor", background);
    let saved = freeze_svg_paint(node)?;
    let canvas = match to_canvas(node, &options) {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    thaw_svg_paint(saved);
    drop(filter);
    let canvas = canvas?;
    canvas.dyn_into::<HtmlCanvasElement>().map_err(|_| JsValue::from_str("the picture is not a canvas"))
}
