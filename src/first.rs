//! The first view (issue 19): the map's opening view drawn by the map seam alone, without
//! leptos, the data's loader or the interface, from what the build wrote for it
//! (`first-view.json`: `partnerships-data first-paint --first-view`, `domain::first_view`). Its
//! module is a third of the embed's and a quarter of the app's, so a partner's page or the
//! pavilion's QR code shows the map with every link and name as soon as a hand-written page
//! would; the interface (the embed's or the whole app's) starts when the visitor first uses the
//! page (public/boot.js), under this view, which it then replaces.
//!
//! In an embed, what it shows is the embed's own first screen: its bar, the filters' count, the
//! map (twin or world, as the address and the frame's shape say), in the interface's words
//! (`domain::i18n`), with the same classes, so the stylesheet lays both out alike. On the full
//! map, it is the app's own opening page, which the build wrote from the app itself in each
//! language and view (.ci/prerender.mjs: `first-view-<lang>-<view>.json`, a tree of elements and
//! texts) and public/boot.js builds while this module downloads; this draws the maps into it. A
//! click on a line or a marker is written into the address (`pair=` or `place=`), where the
//! interface finds it when it starts: the card opens as if the interface had been there.

#[cfg(target_arch = "wasm32")]
mod first {
    use std::cell::RefCell;
    use std::rc::Rc;

    use partnership_map::domain::dataset::{Country, LatLng};
    use partnership_map::domain::i18n::{edge_label, group_label, zoom_labels, Lang};
    use partnership_map::domain::View;
    use partnership_map::map::{Callbacks, Layout, LinkSpec, MarkerSpec, PartnershipMap, Pick, Reframe, Words};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Document, Element, HtmlElement, UrlSearchParams};

    /// Beside `index.html`, written by the build (relative: any sub-path).
    const SPEC_URL: &str = "first-view.json";
    const BASEMAP_URL: &str = "basemap.json";

    /// A field of a parsed JSON object (`undefined` when it is missing or `o` is no object).
    fn field(o: &JsValue, name: &str) -> JsValue {
        if !o.is_object() {
            return JsValue::UNDEFINED;
        }
        js_sys::Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn string(o: &JsValue, name: &str) -> Option<String> {
        field(o, name).as_string()
    }

    /// Each item of a list field read by `item`: `None` if the field is no list or any item is
    /// malformed (the interface then starts at once, and says what is wrong).
    fn list<T>(o: &JsValue, name: &str, item: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
        let value = field(o, name);
        if !js_sys::Array::is_array(&value) {
            return None;
        }
        js_sys::Array::from(&value).iter().map(|v| item(&v)).collect()
    }

    fn strings(o: &JsValue, name: &str) -> Option<Vec<String>> {
        list(o, name, JsValue::as_string)
    }

    /// A text in the three languages. The file is read with the browser's own JSON parser and
    /// these few typed readers rather than serde_json, whose parser and derived visitors were a
    /// tenth of this module.
    struct Texts {
        fr: String,
        ko: String,
        en: String,
    }

    impl Texts {
        fn read(o: &JsValue, name: &str) -> Option<Texts> {
            let t = field(o, name);
            Some(Texts { fr: string(&t, "fr")?, ko: string(&t, "ko")?, en: string(&t, "en")? })
        }

        fn get(&self, lang: Lang) -> &str {
            match lang {
                Lang::Fr => &self.fr,
                Lang::Ko => &self.ko,
                Lang::En => &self.en,
            }
        }
    }

    struct Marker {
        id: String,
        at: [f64; 2],
        kr: bool,
        rank: u32,
        name: Texts,
        label: Texts,
    }

    impl Marker {
        fn read(o: &JsValue) -> Option<Marker> {
            let at = list(o, "at", JsValue::as_f64)?;
            let rank = field(o, "rank").as_f64().filter(|r| r.is_finite() && *r >= 0.0)?;
            Some(Marker {
                id: string(o, "id")?,
                at: [*at.first()?, *at.get(1)?],
                kr: field(o, "kr").as_bool()?,
                rank: rank as u32,
                name: Texts::read(o, "name")?,
                label: Texts::read(o, "label")?,
            })
        }
    }

    struct Link {
        id: String,
        french: String,
        korean: String,
        kind: String,
        label: Texts,
    }

    impl Link {
        fn read(o: &JsValue) -> Option<Link> {
            Some(Link { id: string(o, "id")?, french: string(o, "french")?, korean: string(o, "korean")?, kind: string(o, "kind")?, label: Texts::read(o, "label")? })
        }
    }

    /// `domain::first_view::Chrome`: the interface's words, written by the build.
    struct Chrome {
        title: Texts,
        list: Texts,
        full_screen: Texts,
        open_full_map: Texts,
        filters: Texts,
        count: Texts,
        map: Texts,
        view: Texts,
        twin: Texts,
        world: Texts,
        legend: Texts,
        france: Texts,
        korea: Texts,
    }

    impl Chrome {
        fn read(o: &JsValue) -> Option<Chrome> {
            let t = |name| Texts::read(o, name);
            Some(Chrome {
                title: t("title")?,
                list: t("list")?,
                full_screen: t("full_screen")?,
                open_full_map: t("open_full_map")?,
                filters: t("filters")?,
                count: t("count")?,
                map: t("map")?,
                view: t("view")?,
                twin: t("twin")?,
                world: t("world")?,
                legend: t("legend")?,
                france: t("france")?,
                korea: t("korea")?,
            })
        }
    }

    /// `domain::first_view::FirstView`, as written by the build.
    struct Spec {
        markers: Vec<Marker>,
        links: Vec<Link>,
        shown: Vec<String>,
        alone: Vec<String>,
        chrome: Chrome,
    }

    impl Spec {
        fn read(o: &JsValue) -> Option<Spec> {
            Some(Spec {
                markers: list(o, "markers", Marker::read)?,
                links: list(o, "links", Link::read)?,
                shown: strings(o, "shown")?,
                alone: strings(o, "alone")?,
                chrome: Chrome::read(&field(o, "chrome"))?,
            })
        }
    }

    /// The page's address parameters (the browser's own parser: the app's, with every
    /// parameter's rules, is the interface's to apply when it starts).
    fn params() -> UrlSearchParams {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        UrlSearchParams::new_with_str(&search).unwrap_or_else(|_| UrlSearchParams::new().unwrap_throw())
    }

    /// A parameter's last value, as the app reads a repeated one.
    fn last(params: &UrlSearchParams, name: &str) -> Option<String> {
        let all = params.get_all(name);
        all.get(all.length().checked_sub(1)?).as_string()
    }

    /// `path?query`, or the path alone.
    fn address(params: &UrlSearchParams) -> String {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        let query: String = params.to_string().into();
        if query.is_empty() { path } else { format!("{path}?{query}") }
    }

    thread_local! {
        /// The map, until the interface replaces this view ([`leave`]).
        static MAP: RefCell<Option<PartnershipMap>> = const { RefCell::new(None) };
    }

    fn root_attribute(doc: &Document, name: &str, value: &str) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute(name, value);
        }
    }

    /// `<tag class=…>` with `text` (as text, never HTML) in `parent`.
    fn add(doc: &Document, parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
        let el = doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        parent.append_child(&el)?;
        Ok(el)
    }

    /// The interface's language for this page: the address's, else the browser's (as `app::App`).
    fn language(params: &UrlSearchParams) -> Lang {
        last(params, "lang").and_then(|code| Lang::try_from_code(&code)).unwrap_or_else(|| {
            let tags: Vec<String> = web_sys::window().map(|w| w.navigator().languages().iter().filter_map(|v| v.as_string()).collect()).unwrap_or_default();
            Lang::from_preferences(tags.iter().map(String::as_str))
        })
    }

    /// The embed's first screen, as `EmbedBar`, `FilterPanel` and `Explorer` lay it out (their
    /// classes): returns the map's element. `data-replay` names what a click on it asks the
    /// interface to do once it is in (public/boot.js).
    fn skeleton(doc: &Document, current: View, lang: Lang, spec: &Spec) -> Result<HtmlElement, JsValue> {
        let words = &spec.chrome;
        let body = doc.body().ok_or("no body")?;
        let cover = doc.create_element("div")?;
        cover.set_id("first-view");
        let bar = add(doc, &cover, "header", "embed-bar", "")?;
        add(doc, &bar, "h1", "visually-hidden", words.title.get(lang))?;
        for (class, text, replay) in [("embed-toggle", &words.list, "list"), ("embed-fullscreen", &words.full_screen, "fullscreen")] {
            let button = add(doc, &bar, "button", &format!("button button--secondary {class}"), text.get(lang))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("aria-pressed", "false")?;
            button.set_attribute("data-replay", replay)?;
        }
        let open = add(doc, &bar, "a", "embed-open", words.open_full_map.get(lang))?;
        // The same address without `embed` (the interface's link writes it in its canonical form).
        let full = params();
        full.delete("embed");
        open.set_attribute("href", &address(&full))?;
        open.set_attribute("target", "_blank")?;
        open.set_attribute("rel", "noopener")?;
        add(doc, &open, "span", "", " ↗")?.set_attribute("aria-hidden", "true")?;
        let explorer = add(doc, &cover, "div", "explorer explorer--embed", "")?;
        let filters = add(doc, &explorer, "aside", "filters-column", "")?;
        let panel = add(doc, &filters, "details", "filter-panel", "")?;
        panel.set_attribute("data-replay", "filters")?;
        let summary = add(doc, &panel, "summary", "", "")?;
        add(doc, &summary, "h2", "", words.filters.get(lang))?;
        add(doc, &summary, "span", "filter-count", words.count.get(lang))?.set_attribute("aria-hidden", "true")?;
        let column = add(doc, &explorer, "main", "map-column", "")?;
        let map = add(doc, &column, "div", "map", "")?;
        map.set_attribute("role", "region")?;
        map.set_attribute("aria-label", words.map.get(lang))?;
        // What stands over the map (`ViewToggle`, `Legend`, folded as in an embed), which the
        // maps are framed around (`data-covers-map`): the same frame before and after the swap.
        let toggle = add(doc, &column, "div", "view-toggle", "")?;
        toggle.set_attribute("data-covers-map", "")?;
        toggle.set_attribute("role", "group")?;
        toggle.set_attribute("aria-label", words.view.get(lang))?;
        for (view, text) in [(View::Twin, &words.twin), (View::World, &words.world)] {
            let button = add(doc, &toggle, "button", "", text.get(lang))?;
            button.set_attribute("type", "button")?;
            button.set_attribute("data-view", view.id())?;
            button.set_attribute("aria-pressed", if view == current { "true" } else { "false" })?;
            button.set_attribute("data-replay", &format!("view-{}", view.id()))?;
        }
        let legend = add(doc, &column, "details", "legend", "")?;
        legend.set_attribute("data-covers-map", "")?;
        legend.set_attribute("data-replay", "legend")?;
        add(doc, &legend, "summary", "", words.legend.get(lang))?;
        body.append_child(&cover)?;
        map.dyn_into::<HtmlElement>().map_err(|_| "the map is not an element".into())
    }

    /// Whether the interface has been asked for (public/boot.js: `data-first-view` is
    /// `handing-over` or later; this view writes `drawn` only once it is whole).
    fn handed_over(doc: &Document) -> bool {
        doc.document_element().is_some_and(|root| root.get_attribute("data-first-view").is_some_and(|v| v != "picked"))
    }

    /// Resolves in a later task of the page's event loop (a zero-delay timeout).
    async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Asks for a file beside the page, at once (a Rust future would wait to be polled).
    fn ask(url: &str) -> Option<JsFuture> {
        Some(JsFuture::from(web_sys::window()?.fetch_with_str(url)))
    }

    /// The file asked for, parsed by the browser (`None` if it is missing or not JSON).
    async fn json(asked: Option<JsFuture>) -> Option<JsValue> {
        let response: web_sys::Response = asked?.await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.json().ok()?).await.ok()
    }

    /// The land file (`domain::land`) as the GeoJSON Leaflet draws, from the browser's parse of
    /// it: each ring's numbers copied in one call (a `Float64Array`), the text written by the
    /// domain and parsed again by the browser. `None`, and the console says why, when it is not
    /// land: the map is then drawn without it.
    fn land_outlines(file: &JsValue) -> Option<JsValue> {
        use partnership_map::domain::land;
        let lists = |v: JsValue| js_sys::Array::is_array(&v).then(|| js_sys::Array::from(&v));
        let read = || -> Option<Vec<land::Country>> {
            if string(file, "type").as_deref() != Some(land::KIND) {
                return None;
            }
            let ring = |ring: JsValue| -> Option<land::Ring> {
                let numbers: JsValue = lists(ring)?.into();
                Some(js_sys::Float64Array::new(&numbers).to_vec())
            };
            let polygon = |polygon: JsValue| lists(polygon)?.iter().map(ring).collect::<Option<land::Polygon>>();
            let country = |country: JsValue| lists(country)?.iter().map(polygon).collect::<Option<land::Country>>();
            lists(field(file, "features"))?.iter().map(country).collect()
        };
        let json = read().ok_or_else(|| format!("{BASEMAP_URL}: not the map's land file")).and_then(|countries| land::geojson(&countries).map_err(|why| format!("{BASEMAP_URL}: {why}")));
        match json {
            Ok(json) => js_sys::JSON::parse(&json).ok(),
            Err(why) => {
                web_sys::console::warn_1(&JsValue::from_str(&why));
                None
            }
        }
    }

    /// Where a click goes: the pair itself, or an authority's only pair on the map, or the
    /// authority's card; written into the address for the interface to open.
    fn pick(spec: &Spec, pick: Pick) {
        let (name, id) = match pick {
            Pick::Pair(id) => ("pair", id),
            Pick::Authority(id) => {
                let mine: Vec<&Link> = spec.links.iter().filter(|l| (l.french == id || l.korean == id) && spec.shown.contains(&l.id)).collect();
                match mine.as_slice() {
                    [one] => ("pair", one.id.clone()),
                    _ => ("place", id),
                }
            }
        };
        let Some(window) = web_sys::window() else { return };
        let params = params();
        params.delete(if name == "pair" { "place" } else { "pair" });
        params.set(name, &id);
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address(&params)));
        }
        // The interface starts (public/boot.js listens for this).
        if let Some(doc) = window.document() {
            root_attribute(&doc, "data-first-view", "picked");
        }
    }

    /// The map's own words (`map::Words::of`, with the countries' names from the build's file).
    fn words(lang: Lang, chrome: &Chrome) -> Words {
        let (france, korea) = (chrome.france.get(lang).to_string(), chrome.korea.get(lang).to_string());
        Words {
            group: Box::new(move |n| group_label(lang, n)),
            zoom: Box::new(move |country| zoom_labels(lang, country)),
            edge: Box::new(move |n, edge, country| edge_label(lang, n, edge, country)),
            country: Box::new(move |c| if c == Country::France { france.clone() } else { korea.clone() }),
        }
    }

    pub async fn start() -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let doc = window.document().ok_or("no document")?;
        let params = params();
        // The full map's page in this language and view, as public/first-paint.js chose it
        // (`ko-twin`); none in an embed.
        let page_name = doc.document_element().and_then(|r| r.get_attribute("data-first-view-page"));
        let chosen = page_name.as_deref().and_then(|p| p.split_once('-')).and_then(|(lang, view)| Some((Lang::try_from_code(lang)?, View::from_id(view)?)));
        let embed = page_name.is_none();
        if !embed && chosen.is_none() {
            return Err("no such first view's page".into());
        }
        let lang = chosen.map_or_else(|| language(&params), |(lang, _)| lang);
        // Both asked for at once.
        let (spec, basemap) = (ask(SPEC_URL), ask(BASEMAP_URL));
        let spec = json(spec).await.as_ref().and_then(Spec::read).ok_or("the first view's file could not be read")?;
        let basemap = json(basemap).await.as_ref().and_then(land_outlines).unwrap_or(JsValue::NULL);
        root_attribute(&doc, "lang", lang.code());
        let view = match chosen {
            Some((_, view)) => view,
            None => {
                let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
                last(&params, "view").as_deref().and_then(View::from_id).unwrap_or_else(|| View::opening(true, height))
            }
        };
        // The interface may already be on its way (a first use while these files came): the page
        // is then its own, and this view is not made.
        if handed_over(&doc) {
            return Ok(());
        }
        let el = match embed {
            // The app's page, which public/boot.js has built in place of the first paint's.
            false => doc
                .query_selector("#app .map[data-view]")?
                .ok_or("the first view's page is not there")?
                .dyn_into::<HtmlElement>()
                .map_err(|_| JsValue::from("the map is not an element"))?,
            true => {
                root_attribute(&doc, "data-embed", "1");
                doc.set_title(spec.chrome.title.get(lang));
                let el = skeleton(&doc, view, lang, &spec)?;
                // The page's first paint (the list) goes: this view is the page now.
                if let Some(app) = doc.get_element_by_id("app") {
                    app.set_inner_html("");
                }
                el
            }
        };
        // The page is painted before its maps are made and drawn: two tasks (as the interface's
        // start, `app::next_task`). (The maps are drawn in the task that makes them: the world
        // map's size observer, called once between the two, framed it a pixel off.)
        next_task().await;
        if handed_over(&doc) {
            return Ok(());
        }
        let layout = match view {
            View::World => Layout::World,
            View::Twin => Layout::Twin { stacked: partnership_map::map::stacked_twin(embed) },
        };
        let spec = Rc::new(spec);
        let picked = Rc::clone(&spec);
        let callbacks = Callbacks {
            on_pick: Rc::new(move |p| pick(&picked, p)),
            on_hover: Rc::new(|_| {}),
            words: Rc::new(RefCell::new(words(lang, &spec.chrome))),
            on_groups: Rc::new(|_, _| {}),
            touch_targets: false,
        };
        let mut map = PartnershipMap::new(&el, layout, &basemap, callbacks)?;
        // The twin maps made, then drawn, in two tasks: one of about 190 ms at a phone's speed
        // (Lighthouse's CPU ×4) was the first view's longest. (Not the world map: see above.)
        if matches!(layout, Layout::Twin { .. }) {
            next_task().await;
            if handed_over(&doc) {
                return Ok(());
            }
        }
        let markers: Vec<MarkerSpec> = spec
            .markers
            .iter()
            .map(|m| MarkerSpec {
                id: m.id.clone(),
                at: LatLng { lat: m.at[0], lng: m.at[1] },
                country: if m.kr { Country::Korea } else { Country::France },
                label: m.label.get(lang).to_string(),
                name: m.name.get(lang).to_string(),
                rank: m.rank,
            })
            .collect();
        let links: Vec<LinkSpec> = spec
            .links
            .iter()
            .map(|l| LinkSpec { id: l.id.clone(), french: l.french.clone(), korean: l.korean.clone(), kind: l.kind.clone(), label: l.label.get(lang).to_string() })
            .collect();
        map.set_data(&markers, &links);
        if embed {
            map.hold_wheel_until_used(&el);
        }
        let shown: Vec<&str> = spec.shown.iter().map(String::as_str).collect();
        let alone: Vec<&str> = spec.alone.iter().map(String::as_str).collect();
        // Framed on what is about to be shown, before it is (`PartnershipMap::preframe`).
        map.preframe(&shown, &alone);
        map.show(&shown, &alone);
        map.frame(Reframe::All, &[]);
        MAP.with(|m| *m.borrow_mut() = Some(map));
        root_attribute(&doc, "data-first-view", "drawn");
        Ok(())
    }

    /// Removes this view (its maps, their listeners, its elements): the interface is in.
    #[wasm_bindgen]
    pub fn leave() {
        MAP.with(|m| drop(m.borrow_mut().take()));
        if let Some(cover) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("first-view")) {
            cover.remove();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = first::start().await {
            // public/boot.js starts the interface instead.
            web_sys::console::warn_1(&e);
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                let _ = root.set_attribute("data-first-view", "failed");
            }
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("partnership-map-first is the embed's first view in the browser: build it with `make build` (see README.md)");
}
