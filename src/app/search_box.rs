//! `SearchBox`: the search (URL `q=`), across scripts and spellings, with suggestions that the
//! keyboard can choose (the ARIA combobox pattern), each saying what it is and how many
//! partnerships it gives.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{t, Msg};
use crate::domain::search::suggest;

/// How many suggestions show at once.
const SUGGESTIONS: usize = 8;

#[component]
pub fn SearchBox() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    let text = RwSignal::new(ctx.url.state.with_untracked(|s| s.filters.query.clone()));
    // The address changes the box too (Back/Forward, "clear filters").
    Effect::new(move |_| {
        let q = ctx.url.state.with(|s| s.filters.query.clone());
        if q != text.get_untracked() {
            text.set(q);
        }
    });
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Each says how many partnerships choosing it gives with the other filters as they are.
    let options = Memo::new(move |_| ctx.url.state.with(|s| suggest(&ds, &s.filters, &text.get(), ctx.lang.get(), SUGGESTIONS)));
    // Typing replaces the history entry rather than adding one per key.
    let search = move |q: String| {
        let mut s = ctx.url.state.get_untracked();
        if s.filters.query != q {
            s.filters.query = q;
            ctx.url.replace(s);
        }
    };
    let choose = move |i: usize| {
        if let Some(o) = options.with_untracked(|o| o.get(i).cloned()) {
            text.set(o.value.clone());
            search(o.value);
        }
        open.set(false);
        active.set(None);
    };
    let expanded = move || open.get() && options.with(|o| !o.is_empty());
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        let n = options.with_untracked(Vec::len);
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                if let (true, Some(i)) = (expanded(), active.get_untracked()) {
                    e.prevent_default();
                    choose(i);
                }
            }
            "Escape" if expanded() => {
                e.prevent_default();
                e.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    view! {
        <div class="search-box">
            <label for="search-input" class="search-label">{move || t(ctx.lang.get(), Msg::Search)}</label>
            <input
                id="search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                aria-autocomplete="list"
                aria-controls="search-suggestions"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("search-option-{i}"))
                aria-describedby="search-hint"
                prop:value=move || text.get()
                on:input=move |e| {
                    let v = event_target_value(&e);
                    text.set(v.clone());
                    open.set(true);
                    active.set(None);
                    search(v);
                }
                on:keydown=on_key
                on:blur=move |_| open.set(false)
                on:focus=move |_| open.set(true)
            />
            <p id="search-hint" class="search-hint">{move || t(ctx.lang.get(), Msg::SearchHint)}</p>
            <ul id="search-suggestions" role="listbox" class="search-suggestions" hidden=move || !expanded() aria-label=move || t(ctx.lang.get(), Msg::Search)>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, o)| {
                            view! {
                                // The option's text is its accessible name: the name, what it is
                                // and the count, in one line of text nodes.
                                <li
                                    id=format!("search-option-{i}")
                                    role="option"
                                    data-kind=o.kind.id()
                                    data-count=o.count.to_string()
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    class:is-active=move || active.get() == Some(i)
                                    on:mousedown=move |e| {
                                        // Keep the focus in the box; choose on press.
                                        e.prevent_default();
                                        choose(i);
                                    }
                                >
                                    <span class="suggestion-name">{o.name}</span>
                                    <span class="suggestion-about">" — "{o.about}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
