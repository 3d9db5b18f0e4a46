//! `TimelinePanel`: the dated events of the selected years.

use leptos::prelude::*;

use super::context::use_explore;
use super::timeline_player::TimelinePlayer;
use crate::domain::describe::pair_title;
use crate::domain::filter::events_in_years;
use crate::domain::i18n::{event_count_text, format_date, t, uncertain_field, Msg};

/// The years played one after the other, then the events in date order, following the year
/// filter; an event that concerns a partnership has a button that opens it.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let ctx = use_explore();
    let ds = ctx.dataset();
    // The player stays put while the list below follows each year it shows.
    let events = move || {
        let lang = ctx.lang.get();
        let filters = ctx.url.state.with(|s| s.filters.clone());
        let events = events_in_years(&ds, &filters);
        let count = event_count_text(lang, events.len());
        let items = events
            .into_iter()
            .map(|e| {
                let when = match e.end_date {
                    Some(end) => format!("{} – {}", format_date(lang, e.date), format_date(lang, end)),
                    None => format_date(lang, e.date),
                };
                let (label, used) = e.label.best(lang);
                let pairs = e
                    .partnerships
                    .iter()
                    .filter_map(|id| ds.partnership(id))
                    .map(|p| {
                        let id = p.id.clone();
                        view! {
                            <button type="button" class="link-button event-pair" on:click=move |_| ctx.select(Some(id.clone()))>
                                {pair_title(&ds, p, lang)}
                            </button>
                        }
                    })
                    .collect_view();
                let sources = e
                    .sources
                    .iter()
                    .filter_map(|s| Some((s.title.clone(), s.url.clone()?)))
                    .map(|(title, url)| view! { <a href=url target="_blank" rel="noopener noreferrer">{title}</a>" " })
                    .collect_view();
                view! {
                    <li data-event-id=e.id.clone() class:uncertain-event=e.uncertain>
                        <time datetime=e.date.to_string()>{when}</time>
                        <p lang=used.code()>{label.to_string()}
                            {e.uncertain.then(|| view! { " " <span class="uncertain" lang=lang.code() data-uncertain="milestone">"(" {uncertain_field(lang, "milestone")} ")"</span> })}
                        </p>
                        <div class="event-links">{pairs}</div>
                        <div class="event-sources">{sources}</div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="panel-intro">{t(lang, Msg::EventsOfYears)}" — "<span class="event-count">{count}</span></p>
            <ol class="timeline">{items}</ol>
        }
    };
    view! {
        <div class="timeline-panel">
            <TimelinePlayer />
            {events}
        </div>
    }
}
