//! The first view without the framework (issue 19's "surfaces as separately loaded modules"):
//! the app's own map seam (`partnership_map::map`, the twin view with names, groups, edge
//! indicators and framing) fed with the specs the data tool writes (`first-view.json`, from
//! `partnerships-data first-paint --first-view`: one marker per placed authority, one link per
//! drawable pair, named in the three languages, and the opening view's links), no leptos, no
//! loader, no filters, list or card. Its size is what a map-first module would cost.

use std::cell::RefCell;
use std::rc::Rc;

use partnership_map::domain::dataset::{Country, LatLng};
use partnership_map::map::{Callbacks, Layout, LinkSpec, MarkerSpec, PartnershipMap, Reframe, Words};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A text in each language; the page here is English.
#[derive(Deserialize)]
struct Texts {
    en: String,
}

#[derive(Deserialize)]
struct Marker {
    id: String,
    at: [f64; 2],
    kr: bool,
    label: Texts,
    name: Texts,
    rank: u32,
}

#[derive(Deserialize)]
struct Link {
    id: String,
    french: String,
    korean: String,
    kind: String,
    label: Texts,
}

#[derive(Deserialize)]
struct FirstView {
    markers: Vec<Marker>,
    links: Vec<Link>,
    shown: Vec<String>,
    alone: Vec<String>,
}

async fn text(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    response.text().await.ok()
}

fn words() -> Words {
    Words {
        group: Box::new(|n| format!("{n} authorities")),
        zoom: Box::new(|_| ("Zoom in".to_string(), "Zoom out".to_string())),
        edge: Box::new(|n, _, _| format!("{n} beyond this edge")),
        country: Box::new(|c| if c == Country::Korea { "Korea".into() } else { "France".into() }),
    }
}

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let (data, basemap) = futures::join!(text("first-view.json"), text("basemap.json"));
        let Some(view) = data.and_then(|d| serde_json::from_str::<FirstView>(&d).ok()) else { return };
        let basemap = basemap.and_then(|b| js_sys::JSON::parse(&b).ok()).unwrap_or(JsValue::NULL);
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(el) = doc.get_element_by_id("map").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
        let callbacks = Callbacks {
            on_pick: Rc::new(|_| {}),
            on_hover: Rc::new(|_| {}),
            words: Rc::new(RefCell::new(words())),
            on_groups: Rc::new(|_, _| {}),
            touch_targets: false,
        };
        let Ok(mut map) = PartnershipMap::new(&el, Layout::Twin { stacked: false }, &basemap, callbacks) else { return };
        let markers: Vec<MarkerSpec> = view
            .markers
            .into_iter()
            .map(|m| MarkerSpec {
                id: m.id,
                at: LatLng { lat: m.at[0], lng: m.at[1] },
                country: if m.kr { Country::Korea } else { Country::France },
                label: m.label.en,
                name: m.name.en,
                rank: m.rank,
            })
            .collect();
        let links: Vec<LinkSpec> = view
            .links
            .into_iter()
            .map(|l| LinkSpec { id: l.id, french: l.french, korean: l.korean, kind: l.kind, label: l.label.en })
            .collect();
        map.set_data(&markers, &links);
        let shown: Vec<&str> = view.shown.iter().map(String::as_str).collect();
        let alone: Vec<&str> = view.alone.iter().map(String::as_str).collect();
        map.show(&shown, &alone);
        map.frame(Reframe::All, &[]);
        if let Some(p) = doc.body() {
            let note = doc.create_element("p").unwrap_throw();
            note.set_text_content(Some(&format!("{} partnerships", shown.len())));
            let _ = p.append_child(&note);
        }
        std::mem::forget(map);
    });
}
