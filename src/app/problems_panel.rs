//! `ProblemsPanel`: the data problems found while loading, each with its location.

use leptos::prelude::*;

use crate::domain::i18n::{more_problems_text, problem_count_text, t, Msg};
use crate::domain::{Lang, Problem};

/// The most problems listed: a file with 150,000 of them would otherwise make as many nodes.
/// The rest are counted ("… and 149,800 more"); the data tool prints them all.
pub const MAX_LISTED: usize = 200;

/// Nothing when the data is clean; otherwise a collapsible list of located problems, the first
/// [`MAX_LISTED`] of them.
#[component]
pub fn ProblemsPanel(
    /// Every problem the loader found.
    problems: Vec<Problem>,
    /// Problems found beyond those given (a file checked off the page sends the first ones).
    #[prop(optional)]
    unlisted: usize,
    /// Interface language.
    lang: Memo<Lang>,
    /// What the problems are in, when not the data (a kiosk's tour file).
    #[prop(optional)]
    title: Option<Msg>,
) -> impl IntoView {
    if problems.is_empty() {
        return ().into_any();
    }
    let count = problems.len() + unlisted;
    let more = count.saturating_sub(MAX_LISTED.min(problems.len()));
    view! {
        <section class="problems" role="alert" data-problem-count=count.to_string()>
            <details>
                <summary>
                    <strong>{move || t(lang.get(), title.unwrap_or(Msg::DataProblems))}</strong>
                    " — "
                    {move || problem_count_text(lang.get(), count)}
                    "."
                    {title.is_none().then(|| view! { " " {move || t(lang.get(), Msg::DataProblemsHelp)} })}
                </summary>
                <ul class="problem-list">
                    {problems
                        .into_iter()
                        .take(MAX_LISTED)
                        .map(|p| {
                            let position = p.position.map(|(l, c)| format!(" ({l}:{c})")).unwrap_or_default();
                            view! {
                                <li>
                                    <code class="problem-path">{p.path}{position}</code>
                                    " "
                                    <span class="problem-message">{p.message}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                    {(more > 0).then(|| view! { <li class="problem-more">{move || more_problems_text(lang.get(), more)}</li> })}
                </ul>
            </details>
        </section>
    }
    .into_any()
}
