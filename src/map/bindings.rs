//! Leaflet functions that the `leaflet` crate (0.5) does not export.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `L.geoJSON(data, options)`: the basemap's country outlines.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    pub fn geo_json(data: &JsValue, options: &JsValue) -> leaflet::Layer;

    /// `L.divIcon(options)`. The crate's `DivIcon::new` calls `new L.Icon` (its `js_name` is
    /// `Icon`), which throws "iconUrl not set" and stops all drawing.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &JsValue) -> leaflet::Icon;
}

/// `layer.getElement()` (markers and paths): where `data-*` attributes and state classes go.
/// `None` while the layer is not on the map.
pub fn layer_element(layer: &JsValue) -> Option<web_sys::Element> {
    let method: Function = Reflect::get(layer, &JsValue::from_str("getElement")).ok()?.dyn_into().ok()?;
    method.call0(layer).ok()?.dyn_into().ok()
}
