//! `TimelinePlayer`: plays the years one after the other, the links of each year's agreements
//! appearing on the map, with that year's events; pause, speed, and a slider to scrub.

use std::time::Duration;

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::filter::{events_in_years, Filters};
use crate::domain::i18n::{speed_text, t, Msg};
use crate::domain::kiosk::{playback_filters, playback_years};

/// Milliseconds per year the visitor can choose.
const SPEEDS: [u32; 4] = [500, 1000, 2000, 4000];

/// A play/pause button, a year slider and a speed choice above the timeline. Playing writes the
/// year filter (cumulative: everything agreed up to the year shown) without adding a history
/// entry per year; the filters in force when play began are kept and come back with "Pause" then
/// the slider's end, or by clearing the years.
#[component]
pub fn TimelinePlayer() -> impl IntoView {
    let ctx = use_explore();
    let this_year = js_sys::Date::new_0().get_full_year() as i32;
    let years = ctx.ds.with_value(|d| playback_years(d, this_year));
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return ().into_any();
    };
    let reduced = crate::map::prefers_reduced_motion();
    // With less motion asked for, fewer changes a second.
    let speed = RwSignal::new(if reduced { 2000u32 } else { 1000 });
    let playing = RwSignal::new(false);
    // The year shown by playback or the slider: the URL's `to=` when the filters are a playback's.
    let year = Memo::new(move |_| ctx.url.state.with(|s| s.filters.to.filter(|_| s.filters.from.is_none()).unwrap_or(last)));
    // The other filters, as they were when playing began.
    let base = StoredValue::new(None::<Filters>);
    let show = move |y: i32| {
        let base = base.get_value().unwrap_or_else(|| ctx.url.state.with_untracked(|s| s.filters.clone()));
        let mut state = ctx.url.state.get_untracked();
        state.filters = playback_filters(&base, y);
        ctx.url.replace(state);
    };
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop = move || {
        playing.set(false);
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
    };
    // One year per tick until the last, then stop on it.
    fn tick(y: i32, last: i32, speed: RwSignal<u32>, playing: RwSignal<bool>, timer: StoredValue<Option<TimeoutHandle>, LocalStorage>, show: impl Fn(i32) + Copy + 'static) {
        if !playing.get_untracked() {
            return;
        }
        show(y);
        if y >= last {
            playing.set(false);
            return;
        }
        let next = set_timeout_with_handle(move || tick(y + 1, last, speed, playing, timer, show), Duration::from_millis(speed.get_untracked() as u64));
        timer.set_value(next.ok());
    }
    let play = move |_| {
        if playing.get_untracked() {
            stop();
            return;
        }
        base.set_value(Some(ctx.url.state.with_untracked(|s| s.filters.clone())));
        playing.set(true);
        // On from where the slider stands, or from the start once at the end.
        let at = year.get_untracked();
        let from = if at < last { at + 1 } else { first };
        tick(from, last, speed, playing, timer, show);
    };
    on_cleanup(stop);
    // That year's events: the timeline's own selection for a one-year range.
    let events = Memo::new(move |_| {
        let y = year.get();
        let lang = ctx.lang.get();
        let one_year = Filters { from: Some(y), to: Some(y), ..Filters::default() };
        ctx.ds.with_value(|d| {
            events_in_years(d, &one_year)
                .into_iter()
                .map(|e| {
                    let (label, used) = e.label.best(lang);
                    (e.id.clone(), label.to_string(), used.code())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="timeline-player" aria-labelledby="timeline-player-title">
            <h3 id="timeline-player-title">{move || t(ctx.lang.get(), Msg::PlayYears)}</h3>
            <div class="player-controls">
                <button type="button" class="button player-play" aria-pressed=move || playing.get().to_string() on:click=play>
                    <span aria-hidden="true">{move || if playing.get() { "❚❚ " } else { "▶ " }}</span>
                    {move || t(ctx.lang.get(), if playing.get() { Msg::PausePlayback } else { Msg::Play })}
                </button>
                <label class="player-speed">
                    <span>{move || t(ctx.lang.get(), Msg::Speed)}</span>
                    <select on:change=move |ev| {
                        if let Ok(ms) = event_target_value(&ev).parse::<u32>() {
                            speed.set(ms);
                        }
                    }>
                        {SPEEDS.iter().map(|&ms| view! {
                            <option value=ms.to_string() selected=move || speed.get() == ms>{move || speed_text(ctx.lang.get(), ms)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <label class="player-scrub">
                <span>{move || t(ctx.lang.get(), Msg::YearShown)}</span>
                <input
                    type="range"
                    min=first
                    max=last
                    step="1"
                    prop:value=move || year.get().to_string()
                    on:input=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                            stop();
                            if base.get_value().is_none() {
                                base.set_value(Some(ctx.url.state.with_untracked(|s| s.filters.clone())));
                            }
                            show(y);
                        }
                    }
                />
                <output class="player-year">{move || year.get().to_string()}</output>
            </label>
            <div class="player-events">
                <h4>{move || format!("{} — {}", t(ctx.lang.get(), Msg::ThatYear), year.get())}</h4>
                {move || {
                    let list = events.get();
                    if list.is_empty() {
                        view! { <p class="player-no-event">{t(ctx.lang.get(), Msg::NoEventThatYear)}</p> }.into_any()
                    } else {
                        view! {
                            <ul>{list.into_iter().map(|(id, label, lang)| view! { <li data-event-id=id lang=lang>{label}</li> }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </div>
        </section>
    }
    .into_any()
}
