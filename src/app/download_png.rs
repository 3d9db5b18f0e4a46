//! `DownloadPng`: the map as the visitor sees it, saved as a PNG that says what it shows.
//!
//! The map seam draws the map column (basemap, links, markers, legend; not the buttons or an
//! open card) onto a canvas; this component adds a title band (the count and the filters in
//! words) and a footer (the data's date and the link back to this very view), then saves it.
//! Everything happens in the browser: no service, no request.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use super::context::use_explore;
use super::save_file::save_blob;
use super::url_sync::full_page_address;
use crate::domain::describe::filter_summary;
use crate::domain::i18n::{count_text, format_date, t, Lang, Msg};
use crate::map::picture::picture;

/// What is left out of the picture: the view switch and an open card (buttons mean nothing on
/// paper).
const LEAVE_OUT: &str = ".view-toggle, .pair-card";
/// Device pixels per CSS pixel: sharp enough to print or to put on a slide.
const PIXEL_RATIO: f64 = 2.0;
/// Margins and type sizes, in CSS pixels.
const PAD: f64 = 16.0;
const TITLE: f64 = 20.0;
const TEXT: f64 = 14.0;
const SMALL: f64 = 12.0;
const BAND: &str = "#111827";

/// What the picture says besides the map.
struct Captions {
    title: String,
    /// The count, then each filter in force.
    about: Vec<String>,
    /// The data's date, then the address of the view.
    footer: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Progress {
    Idle,
    Working,
    Saved,
    Failed,
}

/// "Download PNG", with its progress announced (making a picture of a big map takes a moment).
#[component]
pub fn DownloadPng() -> impl IntoView {
    let ctx = use_explore();
    let progress = RwSignal::new(Progress::Idle);
    let click = move |_| {
        if progress.get_untracked() == Progress::Working {
            return;
        }
        let lang = ctx.lang.get_untracked();
        let captions = ctx.ds.with_value(|ds| {
            let mut about = vec![count_text(lang, ctx.visible.with_untracked(Vec::len), ds.partnerships.len())];
            about.extend(ctx.url.state.with_untracked(|s| filter_summary(ds, &s.filters, lang)));
            let mut footer = Vec::new();
            if let Some(d) = ds.data_as_of {
                footer.push(format!("{} {}", t(lang, Msg::DataAsOf), format_date(lang, d)));
            }
            footer.push(ctx.url.state.with_untracked(full_page_address));
            Captions { title: t(lang, Msg::Title).to_string(), about, footer }
        });
        progress.set(Progress::Working);
        leptos::task::spawn_local(async move {
            let saved = make_png(&captions, lang).await;
            if let Err(e) = &saved {
                leptos::logging::error!("the PNG could not be made: {e:?}");
            }
            progress.set(if saved.is_ok() { Progress::Saved } else { Progress::Failed });
        });
    };
    view! {
        <button
            type="button"
            class="button button--small button--secondary share-png"
            aria-disabled=move || (progress.get() == Progress::Working).to_string()
            on:click=click
        >
            {move || t(ctx.lang.get(), Msg::DownloadPng)}
        </button>
        <span class="share-status share-png-status" role="status">
            {move || match progress.get() {
                Progress::Idle => "",
                Progress::Working => t(ctx.lang.get(), Msg::PreparingImage),
                Progress::Saved => t(ctx.lang.get(), Msg::ImageSaved),
                Progress::Failed => t(ctx.lang.get(), Msg::ImageFailed),
            }}
        </span>
    }
}

/// Draws the map column with its captions and offers it as `partnerships-map-<date>.png`.
async fn make_png(captions: &Captions, lang: Lang) -> Result<(), JsValue> {
    let column: HtmlElement = document().query_selector(".map-column")?.ok_or("no map on the page")?.unchecked_into();
    let map = picture(&column, PIXEL_RATIO, LEAVE_OUT).await?;
    let font = window()
        .get_computed_style(&column)?
        .map(|s| s.get_property_value("font-family").unwrap_or_default())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "sans-serif".into());
    let canvas = compose(&map, captions, &font)?;
    let blob = to_png(&canvas).await?;
    let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let name = format!("{}-{}.png", file_stem(lang), date.get(..10).unwrap_or("map"));
    save_blob(&name, &blob)
}

/// The file's name, in ASCII so that every system keeps it.
fn file_stem(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "carte-partenariats-france-coree",
        Lang::Ko => "korea-france-partnerships-map",
        Lang::En => "franco-korean-partnerships-map",
    }
}

/// The title band, the map, the footer, on one canvas as wide as the map.
fn compose(map: &HtmlCanvasElement, captions: &Captions, font: &str) -> Result<HtmlCanvasElement, JsValue> {
    let r = PIXEL_RATIO;
    let width = map.width() as f64;
    let inner = width - 2.0 * PAD * r;
    let canvas: HtmlCanvasElement = document().create_element("canvas")?.unchecked_into();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
    // Lines are measured before the canvas has its size: resizing resets the context's state.
    let title_font = format!("600 {}px {font}", TITLE * r);
    let text_font = format!("{}px {font}", TEXT * r);
    let small_font = format!("{}px {font}", SMALL * r);
    ctx.set_font(&title_font);
    let title = wrap(&ctx, &captions.title, inner);
    ctx.set_font(&text_font);
    let about = wrap(&ctx, &captions.about.join(" · "), inner);
    ctx.set_font(&small_font);
    let footer: Vec<String> = captions.footer.iter().flat_map(|l| wrap(&ctx, l, inner)).collect();
    let title_height = title.len() as f64 * TITLE * 1.3;
    let band = (PAD * 2.0 + title_height + 4.0 + about.len() as f64 * TEXT * 1.45) * r;
    let foot = (PAD * 1.5 + footer.len() as f64 * SMALL * 1.5) * r;
    canvas.set_width(width as u32);
    canvas.set_height((band + map.height() as f64 + foot).ceil() as u32);

    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width, canvas.height() as f64);
    ctx.set_fill_style_str(BAND);
    ctx.fill_rect(0.0, 0.0, width, band);
    ctx.set_text_baseline("top");
    ctx.set_fill_style_str("#ffffff");
    ctx.set_font(&title_font);
    for (i, line) in title.iter().enumerate() {
        ctx.fill_text(line, PAD * r, (PAD + i as f64 * TITLE * 1.3) * r)?;
    }
    ctx.set_fill_style_str("#d1d5db");
    ctx.set_font(&text_font);
    for (i, line) in about.iter().enumerate() {
        ctx.fill_text(line, PAD * r, (PAD + title_height + 4.0 + i as f64 * TEXT * 1.45) * r)?;
    }
    ctx.draw_image_with_html_canvas_element(map, 0.0, band)?;
    ctx.set_fill_style_str("#4b5563");
    ctx.set_font(&small_font);
    for (i, line) in footer.iter().enumerate() {
        ctx.fill_text(line, PAD * r, band + map.height() as f64 + (PAD * 0.75 + i as f64 * SMALL * 1.5) * r)?;
    }
    Ok(canvas)
}

/// Lines of `text` no wider than `width`, broken between words; a word too long for a line (an
/// address) is broken between characters.
fn wrap(ctx: &CanvasRenderingContext2d, text: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_width(ctx, &candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if text_width(ctx, &line) > width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn text_width(ctx: &CanvasRenderingContext2d, text: &str) -> f64 {
    ctx.measure_text(text).map(|m| m.width()).unwrap_or(0.0)
}

/// `canvas.toBlob(…, "image/png")` as a future.
async fn to_png(canvas: &HtmlCanvasElement) -> Result<web_sys::Blob, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob_with_type(&resolve, "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob = wasm_bindgen_futures::JsFuture::from(promise).await?;
    // `toBlob` gives `null` when the canvas is too big to encode.
    blob.dyn_into::<web_sys::Blob>().map_err(|_| JsValue::from_str("the image is too big to save"))
}
