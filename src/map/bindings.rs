//! Leaflet functions that the `leaflet` crate (0.5) does not export.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `L.geoJSON(data, options)`: the basemap's country outlines (Leaflet throws on what is
    /// not GeoJSON: an error here, never an exception through the app).
    #[wasm_bindgen(catch, js_namespace = L, js_name = geoJSON)]
    pub fn geo_json(data: &JsValue, options: &JsValue) -> Result<leaflet::Layer, JsValue>;

    /// `L.divIcon(options)`. The crate's `DivIcon::new` calls `new L.Icon` (its `js_name` is
    /// `Icon`), which throws "iconUrl not set" and stops all drawing.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &JsValue) -> leaflet::Icon;

    /// `L.DomEvent.off(el, types, fn, context)`: a DOM listener Leaflet added, taken off.
    #[wasm_bindgen(js_namespace = ["L", "DomEvent"], js_name = off)]
    fn dom_event_off(el: &JsValue, types: &str, f: &JsValue, context: &JsValue);
}

fn call1(target: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    let method: Function = Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into().ok()?;
    method.call1(target, arg).ok()
}

/// `map.getPane(name)`, made by `map.createPane(name)` if the map has none yet, stacked at
/// `z_index` among Leaflet's panes (tiles 200, vectors 400, markers 600).
pub fn pane(map: &leaflet::Map, name: &str, z_index: &str) -> Option<web_sys::HtmlElement> {
    let name = JsValue::from_str(name);
    if let Some(pane) = call1(map, "getPane", &name).and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
        return Some(pane);
    }
    let pane = call1(map, "createPane", &name)?.dyn_into::<web_sys::HtmlElement>().ok()?;
    // The element's own style (CSSOM, as Leaflet places its panes): no stylesheet rule needed.
    let _ = pane.style().set_property("z-index", z_index);
    Some(pane)
}

/// `layer.addData(geojson)` on a `L.geoJSON` layer: Leaflet's error when it is not GeoJSON.
pub fn add_data(layer: &leaflet::Layer, data: &JsValue) -> Result<JsValue, JsValue> {
    let method: Function = Reflect::get(layer, &JsValue::from_str("addData"))?.dyn_into()?;
    method.call1(layer, data)
}

/// `map.getBoundsZoom(bounds)`: the zoom that fits these bounds.
pub fn bounds_zoom(map: &leaflet::Map, bounds: &leaflet::LatLngBounds) -> Option<f64> {
    call1(map, "getBoundsZoom", bounds)?.as_f64()
}

/// `bounds.getCenter()`.
pub fn bounds_center(bounds: &leaflet::LatLngBounds) -> Option<leaflet::LatLng> {
    // Not `dyn_into`: the crate's `LatLng` fails the `instanceof` check on Leaflet's objects.
    let centre = call1(bounds, "getCenter", &JsValue::UNDEFINED)?;
    (!centre.is_undefined() && !centre.is_null()).then(|| centre.unchecked_into())
}

/// `layer.getElement()` (markers and paths): where `data-*` attributes and state classes go.
/// `None` while the layer is not on the map.
pub fn layer_element(layer: &JsValue) -> Option<web_sys::Element> {
    let method: Function = Reflect::get(layer, &JsValue::from_str("getElement")).ok()?.dyn_into().ok()?;
    method.call0(layer).ok()?.dyn_into().ok()
}

/// Takes every handler off a removed map (Leaflet's `off()` with no argument). Leaflet 1.9's
/// `remove()` keeps them, and an animated zoom asked for just before (a wheel turn, a fit) still
/// runs at the next frame: its `movestart` would call the view's closures, dropped with it.
///
/// Also takes off the `scroll` listener Leaflet 1.9 puts on the map's element when it creates
/// the map (`_initContainer`) and never removes. The page keeps that element from one view to
/// the next (leptos rebuilds it in place), so each world map left behind held, through that
/// listener, the whole removed map: its panes, markers, controls and their listeners (issue 18:
/// 6 listeners and ~12 nodes more at every World ↔ Side by side round trip).
pub fn off_all(map: &leaflet::Map) {
    if let Ok(off) = Reflect::get(map, &JsValue::from_str("off")).and_then(|f| f.dyn_into::<Function>()) {
        let _ = off.call0(map);
    }
    let get = |name: &str| Reflect::get(map, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined());
    if let (Some(container), Some(on_scroll)) = (get("_container"), get("_onScroll")) {
        dom_event_off(&container, "scroll", &on_scroll, map);
    }
}

/// Ends a zoom animation at once, before the map is removed. Leaflet 1.9 removes its panes but
/// leaves the animation's timeout, which then reads a deleted pane ("Cannot read properties of
/// undefined (reading '_leaflet_pos')"); once ended, that timeout does nothing.
pub fn finish_zoom(map: &leaflet::Map) {
    let animating = Reflect::get(map, &JsValue::from_str("_animatingZoom")).ok().is_some_and(|v| v.is_truthy());
    if animating {
        if let Ok(end) = Reflect::get(map, &JsValue::from_str("_onZoomTransitionEnd")).and_then(|f| f.dyn_into::<Function>()) {
            let _ = end.call0(map);
        }
    }
}

/// Whether `map` is still on the page: Leaflet 1.9's `remove()` deletes its `_mapPane` (and
/// leaves `_loaded` as it was, so that cannot tell).
pub fn is_live(map: &leaflet::Map) -> bool {
    Reflect::get(map, &JsValue::from_str("_mapPane")).ok().is_some_and(|v| v.is_truthy())
}
