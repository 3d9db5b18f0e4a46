//! `FacetOption`: one checkbox of a multi-select facet, with its count.

use leptos::prelude::*;

/// A labelled checkbox showing how many partnerships the option gives. Options that would give
/// none stay visible (so the list does not jump) but are marked empty.
#[component]
pub fn FacetOption(
    /// Which facet (`region`, `theme`): used for the input's name.
    facet: &'static str,
    /// The option's id (`FR-IDF`, `culture`).
    id: String,
    /// The label in the interface language.
    label: Signal<String>,
    /// How many partnerships the option would give with the other facets as they are.
    count: Signal<usize>,
    /// Whether the option is selected.
    checked: Signal<bool>,
    /// Called with the new checked state.
    on_toggle: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    let input_id = format!("{facet}-{id}");
    view! {
        <li class="facet-option" class:is-empty=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                id=input_id.clone()
                name=facet
                value=id
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle(event_target_checked(&ev))
            />
            <label for=input_id>
                <span class="facet-label">{move || label.get()}</span>
                <span class="facet-count">{move || count.get().to_string()}</span>
            </label>
        </li>
    }
}
