//! The canvas a scene draws on, and who rasterises it.
//!
//! Without a GPU, Chromium rasterises a 2D canvas in software on the thread that draws it: at
//! 10,000 pairs the twin view's frame took 12 to 15 ms of the page's main thread on top of the
//! filter change (traced). So the canvas is handed to a worker (`public/canvas-worker.js`,
//! `transferControlToOffscreen`), the scene's drawing is recorded here as numbers, and each frame
//! goes to the worker in one message. Where a worker cannot be had (the browser has no
//! OffscreenCanvas, or the script does not load), a fresh canvas is drawn on directly, as before.
//!
//! The operations mirror `canvas-worker.js`: an opcode, then its operands.

use std::cell::Cell;
use std::f64::consts::TAU;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, Worker};

const CLEAR: f64 = 0.0;
const BEGIN: f64 = 1.0;
const MOVE: f64 = 2.0;
const LINE: f64 = 3.0;
const CLOSE: f64 = 4.0;
const CIRCLE: f64 = 5.0;
const STROKE: f64 = 6.0;
const FILL: f64 = 7.0;
const COUNT: f64 = 8.0;

/// The worker's script, next to `index.html` (relative: the folder works under any sub-path).
const WORKER_SCRIPT: &str = "canvas-worker.js";

/// What the painter gave to be called when the worker is lost (shared with the `error` listener).
type RedrawHook = Rc<Cell<Option<Rc<dyn Fn()>>>>;

enum Backend {
    /// The worker draws: this frame's operations, and the colours they name.
    Worker { worker: Worker, ops: Vec<f64>, strings: Vec<String>, frame: u32 },
    /// This thread draws, call by call.
    Direct(CanvasRenderingContext2d),
}

pub struct Surface {
    canvas: HtmlCanvasElement,
    host: HtmlElement,
    backend: Backend,
    size: (f64, f64, f64),
    /// Set by the worker's `error` event: the next frame is drawn here, on a new canvas.
    lost: Rc<Cell<bool>>,
    /// Asks for that next frame (set by the painter).
    redraw: RedrawHook,
    _listeners: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// A new canvas over `host`, below the map's controls, hidden from assistive technology (what
/// it shows is in the list and the card).
fn new_canvas(host: &HtmlElement) -> Result<HtmlCanvasElement, JsValue> {
    let doc = host.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas")?.unchecked_into();
    canvas.set_class_name("pm-canvas");
    canvas.set_attribute("aria-hidden", "true")?;
    host.append_child(&canvas)?;
    Ok(canvas)
}

fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    Ok(canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.unchecked_into())
}

impl Surface {
    /// A canvas over `host` (which must be positioned), drawn by a worker when one can be had.
    pub fn new(host: &HtmlElement) -> Result<Surface, JsValue> {
        let canvas = new_canvas(host)?;
        let lost = Rc::new(Cell::new(false));
        let redraw: RedrawHook = Rc::new(Cell::new(None));
        let mut listeners = Vec::new();
        let backend = match Self::worker(&canvas, &lost, &redraw, &mut listeners) {
            Ok(worker) => Backend::Worker { worker, ops: Vec::new(), strings: Vec::new(), frame: 0 },
            Err(_) => Backend::Direct(context(&canvas)?),
        };
        Ok(Surface { canvas, host: host.clone(), backend, size: (0.0, 0.0, 1.0), lost, redraw, _listeners: listeners })
    }

    /// Hands `canvas` to a new worker. Fails at once if the browser cannot; if the script then
    /// fails to load, `lost` is set and the painter asked to draw again.
    fn worker(
        canvas: &HtmlCanvasElement,
        lost: &Rc<Cell<bool>>,
        redraw: &RedrawHook,
        listeners: &mut Vec<Closure<dyn FnMut(JsValue)>>,
    ) -> Result<Worker, JsValue> {
        let worker = Worker::new(WORKER_SCRIPT)?;
        let offscreen = canvas.transfer_control_to_offscreen().inspect_err(|_| worker.terminate())?;
        let message = js_sys::Object::new();
        js_sys::Reflect::set(&message, &"canvas".into(), &offscreen)?;
        worker.post_message_with_transfer(&message, &js_sys::Array::of1(&offscreen))?;
        let on_error = Closure::<dyn FnMut(JsValue)>::new({
            let (lost, redraw) = (lost.clone(), redraw.clone());
            move |_| {
                lost.set(true);
                let hook = redraw.take();
                if let Some(f) = &hook {
                    f();
                }
                redraw.set(hook);
            }
        });
        worker.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())?;
        // The number of the last frame drawn, for whoever waits for the pixels (the tests).
        let on_message = Closure::<dyn FnMut(JsValue)>::new({
            let canvas = canvas.clone();
            move |e: JsValue| {
                if let Some(n) = js_sys::Reflect::get(&e, &"data".into()).ok().and_then(|d| d.as_f64()) {
                    let _ = canvas.set_attribute("data-frame-drawn", &n.to_string());
                }
            }
        });
        worker.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
        listeners.extend([on_error, on_message]);
        Ok(worker)
    }

    /// What to call when the worker is lost (the painter's "draw at the next frame").
    pub fn on_lost(&self, redraw: Rc<dyn Fn()>) {
        self.redraw.set(Some(redraw));
    }

    pub fn canvas(&self) -> &HtmlCanvasElement {
        &self.canvas
    }

    /// The canvas's size in CSS pixels.
    pub fn size(&self) -> (f64, f64) {
        (self.size.0, self.size.1)
    }

    /// Sets the canvas's size in CSS pixels and its pixel ratio.
    pub fn resize(&mut self, width: f64, height: f64, ratio: f64) {
        self.size = (width, height, ratio);
        match &self.backend {
            Backend::Worker { worker, .. } => {
                let message = js_sys::Object::new();
                let size = js_sys::Array::of3(&width.into(), &height.into(), &ratio.into());
                let _ = js_sys::Reflect::set(&message, &"size".into(), &size);
                let _ = worker.post_message(&message);
            }
            Backend::Direct(ctx) => {
                self.canvas.set_width((width * ratio).round() as u32);
                self.canvas.set_height((height * ratio).round() as u32);
                // Resizing resets the context: its settings are made again here, not at every
                // frame (parsing a font costs a millisecond). Butt caps and miter joins: the
                // software rasteriser strokes them about a quarter faster than round ones.
                let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
                ctx.set_line_cap("butt");
                ctx.set_line_join("miter");
                ctx.set_font("bold 11px system-ui, sans-serif");
                ctx.set_text_align("center");
                ctx.set_text_baseline("middle");
            }
        }
    }

    /// Starts a frame: an empty canvas. If the worker was lost, a new canvas takes the old one's
    /// place and this thread draws from now on.
    pub fn clear(&mut self) {
        if self.lost.take() {
            // Without a new canvas the old one stays, empty: the map's markers are elsewhere too.
            let _ = self.draw_here();
        }
        let (w, h, _) = self.size;
        match &mut self.backend {
            Backend::Worker { ops, strings, .. } => {
                ops.clear();
                strings.clear();
                ops.push(CLEAR);
            }
            Backend::Direct(ctx) => ctx.clear_rect(0.0, 0.0, w, h),
        }
    }

    /// A new canvas in the place of the one the lost worker had, drawn on by this thread.
    fn draw_here(&mut self) -> Result<(), JsValue> {
        let canvas = new_canvas(&self.host)?;
        let ctx = context(&canvas).inspect_err(|_| canvas.remove())?;
        if self.canvas.class_list().contains("is-hidden") {
            canvas.class_list().add_1("is-hidden")?;
        }
        self.canvas.remove();
        self.canvas = canvas;
        self.backend = Backend::Direct(ctx);
        let (w, h, r) = self.size;
        self.resize(w, h, r);
        Ok(())
    }

    pub fn begin_path(&mut self) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.push(BEGIN),
            Backend::Direct(ctx) => ctx.begin_path(),
        }
    }

    pub fn move_to(&mut self, x: f64, y: f64) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.extend([MOVE, x, y]),
            Backend::Direct(ctx) => ctx.move_to(x, y),
        }
    }

    pub fn line_to(&mut self, x: f64, y: f64) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.extend([LINE, x, y]),
            Backend::Direct(ctx) => ctx.line_to(x, y),
        }
    }

    pub fn close_path(&mut self) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.push(CLOSE),
            Backend::Direct(ctx) => ctx.close_path(),
        }
    }

    /// A circle of radius `r` centred on (x, y), as a closed part of the current path.
    pub fn circle(&mut self, x: f64, y: f64, r: f64) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.extend([CIRCLE, x, y, r]),
            Backend::Direct(ctx) => {
                ctx.move_to(x + r, y);
                let _ = ctx.arc(x, y, r, 0.0, TAU);
            }
        }
    }

    /// Strokes the current path (`dash`: lengths of dashes and gaps, empty for a solid line).
    pub fn stroke(&mut self, colour: &str, width: f64, dash: &[f64], alpha: f64) {
        match &mut self.backend {
            Backend::Worker { ops, strings, .. } => {
                let c = intern(strings, colour);
                ops.extend([STROKE, c, width, alpha, dash.len() as f64]);
                ops.extend_from_slice(dash);
            }
            Backend::Direct(ctx) => {
                ctx.set_stroke_style_str(colour);
                ctx.set_line_width(width);
                ctx.set_global_alpha(alpha);
                let pattern: js_sys::Array = dash.iter().map(|&d| JsValue::from(d)).collect();
                let _ = ctx.set_line_dash(&pattern);
                ctx.stroke();
                ctx.set_global_alpha(1.0);
            }
        }
    }

    pub fn fill(&mut self, colour: &str) {
        match &mut self.backend {
            Backend::Worker { ops, strings, .. } => {
                let c = intern(strings, colour);
                ops.extend([FILL, c]);
            }
            Backend::Direct(ctx) => {
                ctx.set_fill_style_str(colour);
                ctx.fill();
            }
        }
    }

    /// A group's count `n`, in white, centred on (x, y).
    pub fn count(&mut self, n: usize, x: f64, y: f64) {
        match &mut self.backend {
            Backend::Worker { ops, .. } => ops.extend([COUNT, n as f64, x, y]),
            Backend::Direct(ctx) => {
                ctx.set_fill_style_str("#ffffff");
                let _ = ctx.fill_text(&n.to_string(), x, y + 0.5);
            }
        }
    }

    /// Ends the frame: the worker is sent it (this thread already drew it otherwise).
    pub fn finish(&mut self) {
        if let Backend::Worker { worker, ops, strings, frame } = &mut self.backend {
            *frame += 1;
            let message = js_sys::Object::new();
            let numbers = js_sys::Float64Array::from(&ops[..]);
            let names: js_sys::Array = strings.iter().map(|s| JsValue::from_str(s)).collect();
            let _ = js_sys::Reflect::set(&message, &"frame".into(), &(*frame).into());
            let _ = js_sys::Reflect::set(&message, &"ops".into(), &numbers);
            let _ = js_sys::Reflect::set(&message, &"strings".into(), &names);
            // The numbers' buffer moves to the worker rather than being copied again.
            let _ = worker.post_message_with_transfer(&message, &js_sys::Array::of1(&numbers.buffer()));
        }
    }
}

/// The index of `s` in `strings`, added if new (a frame names a handful of colours).
fn intern(strings: &mut Vec<String>, s: &str) -> f64 {
    let i = strings.iter().position(|x| x == s).unwrap_or_else(|| {
        strings.push(s.to_owned());
        strings.len() - 1
    });
    i as f64
}

impl Drop for Surface {
    fn drop(&mut self) {
        if let Backend::Worker { worker, .. } = &self.backend {
            worker.terminate();
        }
        self.canvas.remove();
    }
}
