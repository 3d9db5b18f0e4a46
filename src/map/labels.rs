//! Names on the map: each shown authority's name beside its marker where it fits (the rules are
//! `domain::labels`), the selected and highlighted pairs' names always, and a caption (a
//! country's name). Text nodes only, never markup. Names are placed when the map comes to rest
//! and follow it, frame by frame, while it moves.

use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::domain::geo::Rect;
use crate::domain::labels::{place_labels, LabelRequest};

/// A name to place: whose, where its marker is (the layer's pixels), how far from its centre
/// the name starts, and whether it must be shown.
pub struct NameAnchor {
    pub id: String,
    pub at: (f64, f64),
    pub gap: f64,
    pub must: bool,
    pub rank: u32,
    /// The side to try first (away from the marker's lines).
    pub away: (f64, f64),
}

struct Name {
    el: HtmlElement,
    /// Width and height, measured once per text.
    size: Option<(f64, f64)>,
    /// The same, written as the selection's (bolder, larger): measured when first needed.
    must_size: Option<(f64, f64)>,
}

/// One layer of names over a map (its own element, above the lines, below the controls).
pub struct NameLayer {
    layer: HtmlElement,
    names: HashMap<String, Name>,
    /// The names shown now, and where each box's top-left corner stands from its anchor.
    placed: Vec<(String, (f64, f64))>,
    caption: HtmlElement,
    caption_size: Option<(f64, f64)>,
}

fn translate(el: &HtmlElement, (x, y): (f64, f64)) {
    let _ = el.style().set_property("transform", &format!("translate({x:.1}px, {y:.1}px)"));
}

impl NameLayer {
    /// A layer in `host` (positioned); `class` says which map it names (`pm-names--fr`…).
    pub fn new(host: &HtmlElement, class: &str) -> Result<NameLayer, JsValue> {
        let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
        let layer: HtmlElement = doc.create_element("div")?.unchecked_into();
        layer.set_class_name(&format!("pm-names {class}"));
        let caption: HtmlElement = doc.create_element("p")?.unchecked_into();
        caption.set_class_name("pm-country");
        layer.append_child(&caption)?;
        host.append_child(&layer)?;
        Ok(NameLayer { layer, names: HashMap::new(), placed: Vec::new(), caption, caption_size: None })
    }

    /// Sets the text of each name (created on first use): a language change re-measures them.
    pub fn set_names<'a>(&mut self, names: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) {
        let Some(doc) = self.layer.owner_document() else { return };
        for (id, text, class) in names {
            let name = match self.names.get_mut(id) {
                Some(n) => n,
                None => {
                    let Ok(el) = doc.create_element("span") else { continue };
                    let el: HtmlElement = el.unchecked_into();
                    el.set_class_name(&format!("pm-name {class}"));
                    let _ = el.set_attribute("data-name-for", id);
                    // The marker's own accessible name says it: the written name is for the eyes.
                    let _ = el.set_attribute("aria-hidden", "true");
                    let _ = self.layer.append_child(&el);
                    self.names.entry(id.to_string()).or_insert(Name { el, size: None, must_size: None })
                }
            };
            if name.el.text_content().as_deref() != Some(text) {
                name.el.set_text_content(Some(text));
                name.size = None;
                name.must_size = None;
            }
        }
    }

    /// The text of a name, if it has one.
    pub fn text_of(&self, id: &str) -> Option<String> {
        self.names.get(id).and_then(|n| n.el.text_content())
    }

    /// Sets the caption (a country's name).
    pub fn set_caption(&mut self, text: &str) {
        if self.caption.text_content().as_deref() != Some(text) {
            self.caption.set_text_content(Some(text));
            self.caption_size = None;
        }
    }

    /// The layer's box in the page, to turn page pixels into the layer's.
    pub fn origin(&self) -> (f64, f64) {
        let r = self.layer.get_bounding_client_rect();
        (r.left(), r.top())
    }

    /// Measures the names not measured yet, all in one layout.
    fn measure(&mut self, ids: &[&str]) {
        let todo: Vec<&Name> = ids.iter().filter_map(|id| self.names.get(*id)).filter(|n| n.size.is_none()).collect();
        if todo.is_empty() && self.caption_size.is_some() {
            return;
        }
        for n in &todo {
            let _ = n.el.class_list().add_1("is-measured");
        }
        let sizes: Vec<(f64, f64)> = todo.iter().map(|n| (n.el.offset_width() as f64, n.el.offset_height() as f64)).collect();
        for n in &todo {
            let _ = n.el.class_list().remove_1("is-measured");
        }
        let measured: Vec<(String, (f64, f64))> = ids
            .iter()
            .filter(|id| self.names.get(**id).is_some_and(|n| n.size.is_none()))
            .map(|id| id.to_string())
            .zip(sizes)
            .collect();
        for (id, size) in measured {
            if let Some(n) = self.names.get_mut(&id) {
                n.size = Some(size);
            }
        }
        if self.caption_size.is_none() {
            let w = self.caption.offset_width() as f64;
            let h = self.caption.offset_height() as f64;
            self.caption_size = (w > 0.0).then_some((w, h));
        }
    }

    /// The caption's size (measured once per text).
    pub fn caption_size(&mut self) -> (f64, f64) {
        self.measure(&[]);
        self.caption_size.unwrap_or((0.0, 0.0))
    }

    /// Places the caption with its top-left corner at `at` (the layer's pixels), or hides it;
    /// returns its box, which names then avoid.
    pub fn place_caption(&mut self, at: Option<(f64, f64)>) -> Option<Rect> {
        self.measure(&[]);
        let _ = self.caption.class_list().toggle_with_force("is-placed", at.is_some());
        let at = at?;
        translate(&self.caption, at);
        let (w, h) = self.caption_size?;
        Some(Rect { left: at.0, top: at.1, right: at.0 + w, bottom: at.1 + h })
    }

    /// Measures the selection's names as they are written (bolder, larger), all in one layout:
    /// placed with their plain size, they would run over the map's edge.
    fn measure_must(&mut self, ids: &[&str]) {
        let todo: Vec<String> = ids.iter().filter(|id| self.names.get(**id).is_some_and(|n| n.must_size.is_none())).map(|id| id.to_string()).collect();
        if todo.is_empty() {
            return;
        }
        let els: Vec<HtmlElement> = todo.iter().filter_map(|id| self.names.get(id)).map(|n| n.el.clone()).collect();
        let was: Vec<bool> = els.iter().map(|el| el.class_list().contains("is-must")).collect();
        for el in &els {
            let _ = el.class_list().add_2("is-measured", "is-must");
        }
        let sizes: Vec<(f64, f64)> = els.iter().map(|el| (el.offset_width() as f64, el.offset_height() as f64)).collect();
        for (el, was) in els.iter().zip(was) {
            let _ = el.class_list().remove_1("is-measured");
            let _ = el.class_list().toggle_with_force("is-must", was);
        }
        for (id, size) in todo.iter().zip(sizes) {
            if let Some(n) = self.names.get_mut(id) {
                n.must_size = Some(size);
            }
        }
    }

    /// Shows the names of `anchors` that fit (see `domain::labels::place_labels`) inside
    /// `bounds`, clear of `obstacles` (the layer's pixels), and hides every other name.
    pub fn place(&mut self, anchors: &[NameAnchor], obstacles: &[Rect], bounds: Rect) {
        let ids: Vec<&str> = anchors.iter().map(|a| a.id.as_str()).collect();
        self.measure(&ids);
        let musts: Vec<&str> = anchors.iter().filter(|a| a.must).map(|a| a.id.as_str()).collect();
        self.measure_must(&musts);
        let size_of = |a: &NameAnchor| self.names.get(&a.id).and_then(|n| if a.must { n.must_size.or(n.size) } else { n.size }).unwrap_or((0.0, 0.0));
        let requests: Vec<LabelRequest> = anchors
            .iter()
            .map(|a| LabelRequest { anchor: a.at, gap: a.gap, size: size_of(a), must: a.must, away: a.away })
            .collect();
        let mut order: Vec<usize> = (0..anchors.len()).filter(|&i| requests[i].size.0 > 0.0).collect();
        order.sort_by(|&a, &b| anchors[b].rank.cmp(&anchors[a].rank).then_with(|| anchors[a].id.cmp(&anchors[b].id)));
        let boxes = place_labels(&requests, &order, obstacles, bounds);
        let mut placed = Vec::new();
        let mut shown = std::collections::HashSet::new();
        for (a, b) in anchors.iter().zip(&boxes) {
            let Some(b) = b else { continue };
            let Some(n) = self.names.get(&a.id) else { continue };
            translate(&n.el, (b.left, b.top));
            let _ = n.el.class_list().toggle_with_force("is-must", a.must);
            placed.push((a.id.clone(), (b.left - a.at.0, b.top - a.at.1)));
            shown.insert(a.id.as_str());
        }
        for (id, n) in &self.names {
            let _ = n.el.class_list().toggle_with_force("is-placed", shown.contains(id.as_str()));
        }
        self.placed = placed;
    }

    /// Moves the placed names with their markers (`at`: where a marker is now), between two
    /// placements.
    pub fn follow(&self, at: impl Fn(&str) -> Option<(f64, f64)>) {
        for (id, (dx, dy)) in &self.placed {
            if let (Some(n), Some((x, y))) = (self.names.get(id), at(id)) {
                translate(&n.el, (x + dx, y + dy));
            }
        }
    }

    /// Hides the names while Leaflet animates a zoom (they would float off their markers).
    pub fn set_hidden(&self, hidden: bool) {
        let _ = self.layer.class_list().toggle_with_force("is-hidden", hidden);
    }
}

impl Drop for NameLayer {
    fn drop(&mut self) {
        self.layer.remove();
    }
}
