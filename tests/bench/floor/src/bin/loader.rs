//! The counter's framework, plus the data: fetches `data/partnerships.json` and reads it with the
//! app's loader (`domain::load_bytes`: the model, validation with every problem located, the
//! dataset's indices), then shows how many partnerships and problems it found.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let text = RwSignal::new(String::new());
        leptos::task::spawn_local(async move {
            if let Some(loaded) = size_floor::fetch_data().await {
                text.set(format!("{} partnerships, {} problems", loaded.dataset.partnerships.len(), loaded.problems.len()));
            }
        });
        view! { <p>{move || text.get()}</p> }
    })
}
