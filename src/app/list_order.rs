//! `ListOrder`: the select above the list that orders it (`sort=`).

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::i18n::{order_label, t, Msg};
use crate::domain::Order;

/// "Order: [Default ▾]". A choice is a user's step: it goes into the URL and the history, so
/// Back and a reload keep it.
#[component]
pub fn ListOrder() -> impl IntoView {
    let ctx = use_explore();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(order) = Order::try_from_id(&event_target_value(&ev)) {
            ctx.url.update(|s| s.sort = order);
        }
    };
    let options = Order::ALL
        .into_iter()
        .map(|o| {
            view! {
                // The property, not the attribute: the browser stops following the attribute once
                // a person has chosen, and Back must still show the order of the address.
                <option value=o.id() prop:selected=move || ctx.sort.get() == o>{move || order_label(ctx.lang.get(), o)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="list-order">
            <label for="list-order">{move || t(ctx.lang.get(), Msg::ListOrder)}</label>
            <select id="list-order" on:change=choose>{options}</select>
        </div>
    }
}
