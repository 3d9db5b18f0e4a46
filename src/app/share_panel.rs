//! `SharePanel`: the link of exactly what is on screen, to copy, and its QR code for a phone.

use leptos::prelude::*;

use super::context::use_explore;
use super::download_png::DownloadPng;
use super::url_sync::{full_page_address, page_address};
use crate::domain::url_state::UrlState;
use crate::domain::i18n::{t, Msg};
use crate::domain::share::qr_path;

/// A "Share" drawer: the address of the current state (read-only, selected on focus), a "Copy
/// link" button, "Download PNG" of the map, and the QR code of the address drawn as an SVG path.
#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = use_explore();
    // The address of what is shown, without `embed=1`: a full page for whoever opens it.
    let link = Memo::new(move |_| ctx.url.state.with(full_page_address));
    // The same view in presenter mode (large type, the loop, clicker keys), on this screen.
    let present = Memo::new(move |_| ctx.url.state.with(|s| page_address(&UrlState { kiosk: true, embed: false, ..s.clone() })));
    // Drawn while the drawer is open only: a QR code takes milliseconds to make, and the link
    // changes with every filter.
    let open = RwSignal::new(false);
    let qr = Memo::new(move |_| if open.get() { link.with(|l| qr_path(l)) } else { None });
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = link.get_untracked();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok();
            copied.set(Some(ok));
        });
    };
    // A new link is not copied yet.
    Effect::new(move |_| {
        link.track();
        copied.set(None);
    });
    view! {
        <details class="share-panel" on:toggle=move |ev| {
            if let Some(d) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(&event_target::<web_sys::EventTarget>(&ev)) {
                open.set(d.open());
            }
        }>
            <summary class="button button--small button--secondary">{move || t(ctx.lang.get(), Msg::Share)}</summary>
            <div class="share-body">
                <label class="share-link">
                    <span>{move || t(ctx.lang.get(), Msg::ShareLink)}</span>
                    <input type="text" readonly prop:value=move || link.get()
                        on:focus=move |ev| {
                            if let Some(input) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&event_target::<web_sys::EventTarget>(&ev)) {
                                input.select();
                            }
                        } />
                </label>
                <button type="button" class="button button--small share-copy" on:click=copy>
                    {move || t(ctx.lang.get(), Msg::CopyLink)}
                </button>
                <span class="share-status" role="status">
                    {move || match copied.get() {
                        Some(true) => t(ctx.lang.get(), Msg::LinkCopied),
                        Some(false) => t(ctx.lang.get(), Msg::CopyFailed),
                        None => "",
                    }}
                </span>
                <DownloadPng />
                <a class="button button--small button--secondary share-present" href=move || present.get()>{move || t(ctx.lang.get(), Msg::KioskEnter)}</a>
                {move || qr.get().map(|q| {
                    let size = q.size.to_string();
                    let view_box = format!("0 0 {size} {size}");
                    view! {
                        <svg class="share-qr" viewBox=view_box width="176" height="176"
                            role="img" aria-label=move || t(ctx.lang.get(), Msg::QrLabel) shape-rendering="crispEdges">
                            <rect width=size.clone() height=size fill="#fff" />
                            <path d=q.d fill="#000" />
                        </svg>
                    }
                })}
            </div>
        </details>
    }
}
