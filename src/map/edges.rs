//! The indicators on a map's edges: one per edge, standing for the shown authorities that lie
//! beyond it (the grouping is `domain::frame::edge_groups`), with their number and an arrow
//! towards them; lines to those authorities stop there. A button: a click or Enter brings them
//! into view.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::domain::frame::{Edge, EdgeGroup};
use crate::domain::geo::Rect;

const EDGES: [Edge; 4] = [Edge::Top, Edge::Right, Edge::Bottom, Edge::Left];

/// The four indicators of one map, made once and shown as needed (a focused one keeps its focus
/// while the map moves).
pub struct EdgeMarks {
    buttons: Vec<(HtmlElement, HtmlElement, HtmlElement)>,
    _clicks: Vec<Closure<dyn FnMut(JsValue)>>,
}

impl EdgeMarks {
    /// Indicators in `host` (a layer above the map); `on_click` is told which edge was chosen.
    pub fn new(host: &HtmlElement, map_class: &str, on_click: Rc<dyn Fn(Edge)>) -> Result<EdgeMarks, JsValue> {
        let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
        let mut buttons = Vec::new();
        let mut clicks = Vec::new();
        for edge in EDGES {
            let button: HtmlElement = doc.create_element("button")?.unchecked_into();
            button.set_attribute("type", "button")?;
            button.set_class_name(&format!("pm-edge pm-edge--{} {map_class}", edge.id()));
            button.set_attribute("data-edge", edge.id())?;
            let arrow: HtmlElement = doc.create_element("span")?.unchecked_into();
            arrow.set_class_name("pm-edge-arrow");
            arrow.set_attribute("aria-hidden", "true")?;
            let count: HtmlElement = doc.create_element("span")?.unchecked_into();
            count.set_class_name("pm-edge-count");
            count.set_attribute("aria-hidden", "true")?;
            button.append_child(&arrow)?;
            button.append_child(&count)?;
            button.set_hidden(true);
            let on_click = on_click.clone();
            let closure = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                if let Some(e) = e.dyn_ref::<web_sys::Event>() {
                    // Not also a click on the map under it.
                    e.stop_propagation();
                }
                on_click(edge);
            });
            button.add_event_listener_with_callback("click", closure.as_ref().unchecked_ref())?;
            for event in ["pointerdown", "mousedown", "dblclick", "touchstart"] {
                // Leaflet would start a drag or a zoom from them.
                let stop = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
                    if let Some(e) = e.dyn_ref::<web_sys::Event>() {
                        e.stop_propagation();
                    }
                });
                button.add_event_listener_with_callback(event, stop.as_ref().unchecked_ref())?;
                clicks.push(stop);
            }
            clicks.push(closure);
            host.append_child(&button)?;
            buttons.push((button, arrow, count));
        }
        Ok(EdgeMarks { buttons, _clicks: clicks })
    }

    /// Shows one indicator per group (`origin`: the host's top-left in the same pixels as the
    /// groups), named by `name` (its count and edge); hides the others.
    pub fn update(&self, groups: &[EdgeGroup], origin: (f64, f64), name: impl Fn(&EdgeGroup) -> String) {
        for (i, edge) in EDGES.iter().enumerate() {
            let (button, arrow, count) = &self.buttons[i];
            match groups.iter().find(|g| g.edge == *edge) {
                Some(g) => {
                    let n = g.members.len().to_string();
                    if count.text_content().as_deref() != Some(n.as_str()) {
                        count.set_text_content(Some(&n));
                    }
                    let label = name(g);
                    if button.get_attribute("aria-label").as_deref() != Some(label.as_str()) {
                        let _ = button.set_attribute("aria-label", &label);
                        let _ = button.set_attribute("title", &label);
                    }
                    let _ = button.set_attribute("data-count", &n);
                    // Centred on its point: the stylesheet's translate(-50%, -50%) comes after.
                    let _ = button.style().set_property("left", &format!("{:.1}px", g.at.0 - origin.0));
                    let _ = button.style().set_property("top", &format!("{:.1}px", g.at.1 - origin.1));
                    let _ = arrow.style().set_property("transform", &format!("rotate({:.3}rad)", g.heading));
                    button.set_hidden(false);
                }
                None => button.set_hidden(true),
            }
        }
    }

    /// The boxes of the indicators shown (page pixels), which names avoid.
    pub fn boxes(&self) -> Vec<Rect> {
        self.buttons.iter().filter(|(b, _, _)| !b.hidden()).filter_map(|(b, _, _)| super::framing::page_rect(b)).collect()
    }
}

impl Drop for EdgeMarks {
    fn drop(&mut self) {
        for (b, _, _) in &self.buttons {
            b.remove();
        }
    }
}
