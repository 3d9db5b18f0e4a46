//! `ResultCount`: "4 of 12 partnerships", announced after each filter change.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::count_text;

/// A polite live region with the visible and total counts.
#[component]
pub fn ResultCount() -> impl IntoView {
    let ctx = use_explore();
    let total = ctx.ds.with_value(|d| d.partnerships.len());
    view! {
        <p class="result-count" role="status" aria-live="polite" data-visible=move || ctx.visible.with(Vec::len).to_string()>
            {move || count_text(ctx.lang.get(), ctx.visible.with(Vec::len), total)}
        </p>
    }
}
