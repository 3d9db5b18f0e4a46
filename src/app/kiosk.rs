//! `Kiosk`: the pavilion's big screen (`mode=kiosk`). Left alone, it moves from pair to pair
//! (by year, or along a tour file); any touch, click or key stops it; after `idle=` seconds
//! without input the filters, view and selection come back to the kiosk's own and the loop
//! resumes. A presenter's clicker drives it: PageDown / → / Space next, PageUp / ← previous,
//! Home overview, `f` full screen, `b` or `.` blank screen, Escape leaves the card.
//!
//! The presenter layout: the map fills the screen; the pair's card, the tour's caption and the
//! presenter's control bar stand in a dock along its bottom, one above the other, each a cover
//! the map's frame keeps the pair's ends clear of. The search, the filters and the list are off
//! screen; `c` or the corner button brings the control bar (language, view, previous / play /
//! next / overview, filters, full screen, leaving presenter mode), which hides again after use.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_explore;
use super::fetch::fetch_text;
use super::full_screen::toggle_full_screen;
use super::kiosk_card::KioskCard;
use super::problems_panel::ProblemsPanel;
use super::url_sync::page_address;
use super::view_toggle::ViewToggle;
use crate::domain::i18n::{t, Lang, Msg};
use crate::domain::kiosk::{attract_order, parse_tour, Tour, DEFAULT_DWELL, DEFAULT_IDLE};
use crate::domain::{Localized, Problem, UrlState};

fn now() -> f64 {
    js_sys::Date::now()
}

/// The control bar hides this long after the last input (a presenter who opened it and walked
/// away leaves the map whole).
const CONTROLS_IDLE_MS: f64 = 8000.0;

/// Whether an event happened in the presenter's control bar: its buttons say what they do to
/// the loop themselves (Play starts it), where any other input stops it.
fn in_controls(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".kiosk-controls").ok().flatten())
        .is_some()
}

/// Moves the keyboard focus into the control bar once it is drawn.
fn focus_controls() {
    request_animation_frame(|| {
        if let Some(button) = document()
            .query_selector(".kiosk-controls button")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

/// Whether a key press belongs to what has the focus (typing, a button, a slider), so the kiosk
/// leaves Space and the arrows to it.
fn focus_takes_keys(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "A" | "SUMMARY" | "LI")
        || el.closest(".leaflet-container").ok().flatten().is_some()
}

/// Whether a letter typed goes into what has the focus (a text field, or a select's type-ahead);
/// a checkbox, a button or a link leaves "c", "f" and "b" to the kiosk.
fn focus_types_text(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(el.get_attribute("type").as_deref(), Some("checkbox" | "radio" | "range" | "button" | "submit" | "reset")),
        _ => el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|h| h.is_content_editable()),
    }
}

/// The kiosk's loop, keys and idle reset, the tour's caption, the big card and the presenter's
/// control bar.
#[component]
pub fn Kiosk(
    /// Whether the filters are shown beside the map (the control bar's "Filters"); the explorer
    /// lays them out.
    filters_open: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_explore();
    // What the kiosk comes back to when left alone.
    let home = ctx.url.state.get_untracked();
    let has_tour = home.tour.is_some();
    let dwell = home.dwell.unwrap_or(DEFAULT_DWELL);
    let idle = home.idle.unwrap_or(DEFAULT_IDLE);
    // This page's own address (no query) unless `qr=` says where phones should go.
    let qr_base = home.qr.clone().unwrap_or_else(|| page_address(&UrlState::default()));
    let tour = RwSignal::new(None::<Tour>);
    let tour_problems = RwSignal::new(Vec::<Problem>::new());
    // The tour step on screen, when walking a tour.
    let step = RwSignal::new(None::<usize>);
    let running = RwSignal::new(true);
    let blank = RwSignal::new(false);
    // The presenter's control bar is open.
    let controls = RwSignal::new(false);
    let last_input = StoredValue::new(now());

    if let Some(path) = home.tour.clone() {
        leptos::task::spawn_local(async move {
            match fetch_text(&path).await {
                Ok(text) => {
                    let (parsed, problems) = ctx.ds.with_value(|d| parse_tour(&text, d));
                    tour_problems.set(problems);
                    if !parsed.steps.is_empty() {
                        tour.set(Some(parsed));
                        step.set(None);
                    }
                }
                Err(e) => tour_problems.set(vec![Problem::at("tour", format!("{path} could not be loaded: {e}"))]),
            }
        });
    }

    // The loop's order (visible pairs by year), for the steps and the "3 / 28" alike.
    let order = Memo::new(move |_| ctx.ds.with_value(|d| attract_order(d, &ctx.visible.get())));
    // The kiosk's settings and language stay whatever a step shows.
    let keep_kiosk = move |mut s: UrlState| {
        ctx.url.state.with_untracked(|now| {
            s.kiosk = true;
            s.dwell = now.dwell;
            s.idle = now.idle;
            s.tour = now.tour.clone();
            s.qr = now.qr.clone();
            s.lang = now.lang;
            // Parameters the map does not know stay in the address (README).
            s.extra = now.extra.clone();
        });
        s
    };
    // One step forward or back, round and round; written without a history entry (a day of
    // steps would fill the history).
    let go = move |delta: i32| {
        if let Some(n) = tour.with_untracked(|t| t.as_ref().map(|t| t.steps.len())) {
            let i = match step.get_untracked() {
                Some(i) => (i as i32 + delta).rem_euclid(n as i32) as usize,
                None if delta >= 0 => 0,
                None => n - 1,
            };
            step.set(Some(i));
            let state = tour.with_untracked(|t| t.as_ref().map(|t| t.steps[i].state.clone())).unwrap_or_default();
            let whole = state.pair.is_none();
            ctx.url.replace(keep_kiosk(state));
            // A step without a pair shows its whole selection, once the map has drawn it.
            if whole {
                request_animation_frame(move || ctx.overview.update(|n| *n += 1));
            }
            return;
        }
        let order = order.get_untracked();
        if order.is_empty() {
            return;
        }
        let n = order.len() as i32;
        let at = ctx.selected.get_untracked().and_then(|s| order.iter().position(|&i| i == s));
        let i = match at {
            Some(at) => (at as i32 + delta).rem_euclid(n) as usize,
            None if delta >= 0 => 0,
            None => order.len() - 1,
        };
        let id = ctx.ds.with_value(|d| d.partnerships[order[i]].id.clone());
        let mut state = ctx.url.state.get_untracked();
        state.pair = Some(id);
        ctx.url.replace(state);
    };
    let overview = move || {
        let mut state = ctx.url.state.get_untracked();
        state.pair = None;
        state.place = None;
        ctx.url.replace(state);
        step.set(None);
        ctx.overview.update(|n| *n += 1);
    };
    // The control bar opens and closes over the map: the frame makes room for it.
    let show_controls = move |on: bool| {
        if controls.get_untracked() != on {
            controls.set(on);
            ctx.covers.update(|n| *n += 1);
        }
        if on {
            focus_controls();
        }
    };
    // Back to the kiosk's own state, and the loop from its start.
    let reset = move || {
        ctx.url.replace(home.clone());
        show_controls(false);
        filters_open.set(false);
        blank.set(false);
        step.set(None);
        running.set(true);
        go(1);
    };

    // Any input stops the loop (but in the control bar, whose buttons say what they do to it);
    // the clicker's keys act.
    let input = move |target: Option<web_sys::EventTarget>| {
        last_input.set_value(now());
        if !in_controls(target) {
            running.set(false);
        }
    };
    let pointer = window_event_listener(leptos::ev::pointerdown, move |ev| input(ev.target()));
    let touch = window_event_listener(leptos::ev::touchstart, move |ev| input(ev.target()));
    let wheel = window_event_listener(leptos::ev::wheel, move |ev| input(ev.target()));
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        input(ev.target());
        if ev.default_prevented() || ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let free = !focus_takes_keys(&ev);
        let letters = !focus_types_text(&ev);
        let handled = match ev.key().as_str() {
            "PageDown" => {
                go(1);
                true
            }
            "PageUp" => {
                go(-1);
                true
            }
            "ArrowRight" | " " if free => {
                go(1);
                true
            }
            "ArrowLeft" if free => {
                go(-1);
                true
            }
            "Home" if free => {
                overview();
                true
            }
            "f" | "F" if letters => {
                toggle_full_screen();
                true
            }
            "b" | "B" | "." if letters => {
                blank.update(|b| *b = !*b);
                true
            }
            // Also from inside the bar, whose buttons take the focus when it opens, and from a
            // filter just ticked.
            "c" | "C" if letters => {
                show_controls(!controls.get_untracked());
                true
            }
            "Escape" if controls.get_untracked() => {
                show_controls(false);
                true
            }
            "Escape" if ctx.selected.get_untracked().is_some() => {
                let mut state = ctx.url.state.get_untracked();
                state.pair = None;
                ctx.url.replace(state);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });

    // The loop's beat, and the check for a kiosk left alone.
    let beat = set_interval_with_handle(
        move || {
            if running.get_untracked() && !blank.get_untracked() {
                go(1);
            }
        },
        Duration::from_millis(u64::from(dwell) * 1000),
    )
    .ok();
    let watch = set_interval_with_handle(
        move || {
            let quiet = now() - last_input.get_value();
            if !running.get_untracked() && quiet >= f64::from(idle) * 1000.0 {
                reset();
            } else if controls.get_untracked() && quiet >= CONTROLS_IDLE_MS {
                show_controls(false);
            }
        },
        Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        pointer.remove();
        touch.remove();
        wheel.remove();
        keys.remove();
        if let Some(h) = beat {
            h.clear();
        }
        if let Some(h) = watch {
            h.clear();
        }
    });
    // The first pair at once (or the tour's first step, once the file is read); a pair the
    // address names (a presenter coming from the full page) is shown first.
    request_animation_frame(move || {
        if !has_tour && ctx.selected.get_untracked().is_none() {
            go(1);
        }
    });
    Effect::new(move |_| {
        if tour.with(Option::is_some) && running.get_untracked() {
            go(1);
        }
    });

    let caption = Memo::new(move |_| {
        let i = step.get()?;
        tour.with(|t| t.as_ref().and_then(|t| t.steps.get(i)).map(|s| s.caption.clone()))
    });
    let position = Signal::derive(move || {
        if let Some(i) = step.get() {
            return tour.with(|t| t.as_ref().map(|t| (i + 1, t.steps.len())));
        }
        let selected = ctx.selected.get()?;
        order.with(|order| order.iter().position(|&i| i == selected).map(|at| (at + 1, order.len())))
    });
    let lang = ctx.lang;
    // Leaving presenter mode: the same view as a full page, without the kiosk's settings.
    let exit = move || {
        ctx.url.state.with(|s| page_address(&UrlState { kiosk: false, dwell: None, idle: None, tour: None, qr: None, ..s.clone() }))
    };
    let set_lang = move |l: Lang| {
        let mut state = ctx.url.state.get_untracked();
        state.lang = Some(l);
        ctx.url.replace(state);
    };
    // A step by hand: the presenter leads, the loop waits.
    let step_by = move |delta: i32| {
        running.set(false);
        go(delta);
    };
    let bar = move || {
        let l = lang.get();
        view! {
            <div id="kiosk-controls" class="kiosk-controls" data-covers-map="" role="group" aria-label=t(l, Msg::KioskControlsLabel)>
                <div class="kiosk-controls-group" role="group" aria-label=t(l, Msg::Language)>
                    {Lang::ALL.into_iter().map(|choice| view! {
                        <button type="button" lang=choice.code() aria-pressed=(l == choice).to_string()
                            on:click=move |_| { set_lang(choice); show_controls(false); }>
                            {choice.native_name()}
                        </button>
                    }).collect_view()}
                </div>
                // Any choice of view closes the bar (its own buttons are the full page's).
                <div class="kiosk-controls-group" on:click=move |_| show_controls(false)>
                    <ViewToggle />
                </div>
                <div class="kiosk-controls-group" role="group" aria-label=t(l, Msg::KioskPresentation)>
                    <button type="button" on:click=move |_| step_by(-1)>
                        <span aria-hidden="true">"◀ "</span>{t(l, Msg::KioskPrevious)}
                    </button>
                    <button type="button" class="kiosk-play" aria-pressed=move || running.get().to_string()
                        on:click=move |_| { last_input.set_value(now()); running.update(|r| *r = !*r); }>
                        {move || if running.get() { t(lang.get(), Msg::PausePlayback) } else { t(lang.get(), Msg::Play) }}
                    </button>
                    <button type="button" on:click=move |_| step_by(1)>
                        {t(l, Msg::KioskNext)}<span aria-hidden="true">" ▶"</span>
                    </button>
                    <button type="button" on:click=move |_| { running.set(false); overview(); show_controls(false); }>
                        {t(l, Msg::KioskOverview)}
                    </button>
                </div>
                <div class="kiosk-controls-group">
                    <button type="button" aria-pressed=move || filters_open.get().to_string()
                        on:click=move |_| { filters_open.update(|o| *o = !*o); show_controls(false); }>
                        {t(l, Msg::Filters)}
                    </button>
                    <button type="button" on:click=move |_| { toggle_full_screen(); show_controls(false); }>
                        {t(l, Msg::FullScreen)}
                    </button>
                    <a class="kiosk-exit" href=exit>{t(l, Msg::KioskExit)}</a>
                </div>
                <button type="button" class="kiosk-controls-close" aria-label=t(l, Msg::Close) on:click=move |_| show_controls(false)>"×"</button>
            </div>
        }
    };
    view! {
        <p class="kiosk-status" data-covers-map="" class:is-running=move || running.get()>
            {move || t(lang.get(), if running.get() { Msg::KioskAuto } else { Msg::KioskPaused })}
        </p>
        // Along the bottom, one above the other so that nothing overlaps: the tour file's
        // problems, the control bar (or the corner button that brings it), the step's caption,
        // the pair's card.
        <div class="kiosk-dock">
            {move || (!tour_problems.with(Vec::is_empty)).then(|| view! {
                <div class="kiosk-problems"><ProblemsPanel problems=tour_problems.get() lang=lang title=Msg::TourProblems /></div>
            })}
            <div class="kiosk-dock-top">
                {move || if controls.get() {
                    bar().into_any()
                } else {
                    view! {
                        <button type="button" class="kiosk-controls-open" data-covers-map="" aria-expanded="false" aria-keyshortcuts="c"
                            on:click=move |_| show_controls(true)>
                            <span aria-hidden="true">"☰ "</span>{move || t(lang.get(), Msg::KioskControls)}
                        </button>
                    }.into_any()
                }}
            </div>
            // In French and Korean (and English in an English interface), the interface's
            // language first.
            {move || caption.get().filter(|c| *c != Localized::default()).map(|c| {
                let l = lang.get();
                let order = match l {
                    Lang::Fr => [Lang::Fr, Lang::Ko, Lang::En],
                    Lang::Ko => [Lang::Ko, Lang::Fr, Lang::En],
                    Lang::En => [Lang::En, Lang::Fr, Lang::Ko],
                };
                let lines = order
                    .into_iter()
                    .filter(|&x| x != Lang::En || l == Lang::En)
                    .filter_map(|x| c.in_lang(x).map(|s| view! { <p lang=x.code()>{s.to_string()}</p> }))
                    .collect_view();
                view! { <div class="kiosk-caption" data-covers-map="">{lines}</div> }
            })}
            <KioskCard qr_base=qr_base position=position />
        </div>
        <div class="kiosk-blank" class:is-on=move || blank.get() aria-hidden="true"></div>
    }
}
