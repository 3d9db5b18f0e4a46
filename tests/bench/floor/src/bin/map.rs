//! The loader, plus a Leaflet map (through the `leaflet` crate) with one line per partnership
//! whose two authorities have a location: the least a map of these partnerships can be, with no
//! filters, list, card, second language, canvas or any feature of issues 6 to 9.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

fn main() {
    leptos::mount::mount_to_body(|| {
        let text = RwSignal::new(String::new());
        leptos::task::spawn_local(async move {
            let Some(loaded) = size_floor::fetch_data().await else { return };
            let ds = &loaded.dataset;
            let Ok(map) = leaflet::Map::new("map", &leaflet::MapOptions::default()) else { return };
            // Between France and Korea.
            map.set_view(&leaflet::LatLng::new(45.0, 70.0), 2.0);
            let place = |id: &str| ds.authorities.iter().find(|a| a.id == id).and_then(|a| a.location);
            for p in &ds.partnerships {
                if let (Some(a), Some(b)) = (place(&p.french), place(&p.korean)) {
                    let ends = [leaflet::LatLng::new(a.lat, a.lng), leaflet::LatLng::new(b.lat, b.lng)];
                    leaflet::Polyline::new(&ends.into_iter().map(JsValue::from).collect()).add_to(&map);
                }
            }
            text.set(format!("{} partnerships", ds.partnerships.len()));
        });
        view! { <div id="map"></div><p>{move || text.get()}</p> }
    })
}
