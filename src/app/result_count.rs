//! `ResultCount`: "4 of 12 partnerships", announced after each filter change; when some shown
//! partnerships cannot be drawn, how many are on the map ("28 of 36 partnerships · 23 on the
//! map").

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::count_on_map_text;

/// A polite live region with the visible, total and drawn counts (`data-visible`,
/// `data-drawn`).
#[component]
pub fn ResultCount() -> impl IntoView {
    let ctx = use_explore();
    let total = ctx.ds.with_value(|d| d.partnerships.len());
    let drawn = Memo::new(move |_| ctx.ds.with_value(|d| ctx.visible.with(|v| v.iter().filter(|&&i| d.is_drawable_at(i)).count())));
    view! {
        <p
            class="result-count"
            role="status"
            aria-live="polite"
            data-visible=move || ctx.visible.with(Vec::len).to_string()
            data-drawn=move || drawn.get().to_string()
        >
            {move || count_on_map_text(ctx.lang.get(), ctx.visible.with(Vec::len), total, drawn.get())}
        </p>
    }
}
