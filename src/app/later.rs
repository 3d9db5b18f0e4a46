//! `Later`: its children built in a later task of the page than the one that builds it.

use leptos::prelude::*;

/// How many `Later` parts are still to be built: the page says it is ready only at none
/// (`html[data-state="ready"]`, src/app/app.rs).
#[derive(Clone, Copy)]
pub struct Unbuilt(pub RwSignal<u32>);

/// Builds its children once the task that built it is over ([`super::next_task`]): the start's
/// interface is built in parts, so that no one part keeps the page busy for long (Lighthouse's
/// total blocking time counts what a task takes beyond 50 ms).
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let built = RwSignal::new(false);
    let unbuilt = use_context::<Unbuilt>();
    if let Some(Unbuilt(n)) = unbuilt {
        n.update_untracked(|n| *n += 1);
    }
    leptos::task::spawn_local(async move {
        super::next_task().await;
        // The view may have gone in between (a new data file, a language switch rebuilding it).
        let _ = built.try_set(true);
        if let Some(Unbuilt(n)) = unbuilt {
            let _ = n.try_update(|n| *n = n.saturating_sub(1));
        }
    });
    move || built.get().then(|| children())
}
