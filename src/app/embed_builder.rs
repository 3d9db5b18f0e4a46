//! `EmbedBuilder`: "Embed" opens a dialog where a partner site chooses the language, the view,
//! one authority to focus on, whether to keep the current filters, the size and the resize
//! script, sees a live preview, and copies the snippet to paste.

use leptos::prelude::*;

use super::context::use_explore;
use super::url_sync::page_address;
use crate::domain::describe::authority_label;
use crate::domain::i18n::{t, Lang, Msg};
use crate::domain::share::embed_snippet;
use crate::domain::{UrlState, View};

#[component]
pub fn EmbedBuilder() -> impl IntoView {
    let ctx = use_explore();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let lang = RwSignal::new(ctx.lang.get_untracked());
    let view = RwSignal::new(ctx.view.get_untracked());
    // The preview starts on something worth showing: the authority the visitor is looking at
    // (its card, or the map focused on it) and its partners, or else the whole map.
    let focus = RwSignal::new(String::new());
    let keep_filters = RwSignal::new(true);
    let (width, height) = (RwSignal::new(640u32), RwSignal::new(460u32));
    // On by default: a frame that takes the height the map asks for never cuts the list short.
    let resize = RwSignal::new(true);
    // The preview (a second map) is only loaded while the dialog is open.
    let open = RwSignal::new(false);
    // Authorities that have a partnership, by their name in the interface language: made when
    // the dialog opens (10,000 names to sort are not for every visit).
    let authorities = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let l = ctx.lang.get();
        ctx.ds.with_value(|d| {
            let partnered: std::collections::HashSet<&str> = d.partnerships.iter().flat_map(|p| [p.french.as_str(), p.korean.as_str()]).collect();
            let mut v: Vec<(String, String)> = d
                .authorities
                .iter()
                .filter(|a| partnered.contains(a.id.as_str()))
                .map(|a| (a.id.clone(), authority_label(a, l)))
                .collect();
            v.sort_by(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    let src = Memo::new(move |_| {
        let mut s = UrlState { embed: true, lang: Some(lang.get()), ..UrlState::default() };
        if keep_filters.get() {
            s.filters = ctx.url.state.with(|u| u.filters.clone());
        }
        s.filters.focus = Some(focus.get()).filter(|f| !f.is_empty());
        // Always written: without it, a frame too low for two stacked maps opens on the world.
        s.view = Some(view.get());
        page_address(&s)
    });
    let snippet = Memo::new({
        let origin = window().location().origin().unwrap_or_default();
        move |_| {
            let title = t(lang.get(), Msg::Title);
            embed_snippet(&src.get(), title, width.get(), height.get(), resize.get().then_some(origin.as_str()))
        }
    });
    // Escape closes the dialog, not a card open behind it (the authority the embed is made for):
    // heard before anything else (the capture phase) and marked as handled, which the cards'
    // own Escape listeners respect.
    super::listen_capturing(window().into(), "keydown", move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            if let Some(d) = dialog.get_untracked() {
                d.close();
            }
        }
    });
    let number = |signal: RwSignal<u32>| {
        move |ev: leptos::ev::Event| {
            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                signal.set(n.clamp(300, 2000));
            }
        }
    };
    view! {
        <button type="button" class="button button--small button--secondary embed-builder-open"
            on:click=move |_| {
                let here = ctx.url.state.with_untracked(|s| s.place.clone().or_else(|| s.filters.focus.clone()));
                focus.set(here.unwrap_or_default());
                if let Some(d) = dialog.get() { open.set(true); let _ = d.show_modal(); }
            }>
            {move || t(ctx.lang.get(), Msg::Embed)}
        </button>
        <dialog node_ref=dialog class="embed-builder" aria-labelledby="embed-builder-title" on:close=move |_| open.set(false)>
            <div class="embed-builder-head">
                <h2 id="embed-builder-title">{move || t(ctx.lang.get(), Msg::EmbedTitle)}</h2>
                <button type="button" class="close-button" aria-label=move || t(ctx.lang.get(), Msg::Close)
                    on:click=move |_| { if let Some(d) = dialog.get() { d.close(); } }>"×"</button>
            </div>
            <div class="embed-builder-body">
                <form class="embed-builder-form" on:submit=|ev| ev.prevent_default()>
                    <label>{move || t(ctx.lang.get(), Msg::Language)}
                        <select on:change=move |ev| { if let Some(l) = Lang::try_from_code(&event_target_value(&ev)) { lang.set(l); } }>
                            {Lang::ALL.iter().map(|&l| view! { <option value=l.code() selected=move || lang.get() == l>{l.native_name()}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{move || t(ctx.lang.get(), Msg::View)}
                        <select on:change=move |ev| view.set(if event_target_value(&ev) == "world" { View::World } else { View::Twin })>
                            <option value="twin" selected=move || view.get() == View::Twin>{move || t(ctx.lang.get(), Msg::ViewTwin)}</option>
                            <option value="world" selected=move || view.get() == View::World>{move || t(ctx.lang.get(), Msg::ViewWorld)}</option>
                        </select>
                    </label>
                    <label>{move || t(ctx.lang.get(), Msg::EmbedFocus)}
                        <select on:change=move |ev| focus.set(event_target_value(&ev))>
                            <option value="" prop:selected=move || focus.with(String::is_empty)>{move || t(ctx.lang.get(), Msg::EmbedAll)}</option>
                            {move || authorities.get().into_iter().map(|(id, name)| {
                                let chosen = id.clone();
                                view! { <option value=id prop:selected=move || focus.with(|f| *f == chosen)>{name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="embed-check"><input type="checkbox" prop:checked=move || keep_filters.get() on:change=move |ev| keep_filters.set(event_target_checked(&ev)) />
                        {move || t(ctx.lang.get(), Msg::EmbedKeepFilters)}</label>
                    <div class="embed-size">
                        <label>{move || t(ctx.lang.get(), Msg::Width)}<input type="number" min="300" max="2000" prop:value=move || width.get().to_string() on:change=number(width) /></label>
                        <label>{move || t(ctx.lang.get(), Msg::Height)}<input type="number" min="300" max="2000" prop:value=move || height.get().to_string() on:change=number(height) /></label>
                    </div>
                    <label class="embed-check"><input type="checkbox" prop:checked=move || resize.get() on:change=move |ev| resize.set(event_target_checked(&ev)) />
                        {move || t(ctx.lang.get(), Msg::EmbedResize)}</label>
                    <label>{move || t(ctx.lang.get(), Msg::EmbedCode)}
                        <textarea class="embed-snippet" readonly rows="6" prop:value=move || snippet.get()></textarea>
                    </label>
                </form>
                <div class="embed-preview">
                    {move || open.get().then(|| view! {
                        <iframe title=move || t(ctx.lang.get(), Msg::EmbedPreview) src=move || src.get()
                            width=move || width.get().to_string() height=move || height.get().to_string() allow="fullscreen"></iframe>
                    })}
                </div>
            </div>
        </dialog>
    }
}
