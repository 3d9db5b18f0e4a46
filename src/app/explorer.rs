//! `Explorer`: the map, its filters and its list, once the data is loaded.

use std::sync::Arc;

use leptos::prelude::*;

use super::authority_card::AuthorityCard;
use super::card_sheet::CardSheet;
use super::context::provide_explore;
use super::filter_panel::FilterPanel;
use super::embed_bar::{EmbedBar, ListShown};
use super::later::Later;
use super::legend::Legend;
use super::map_view::MapView;
use super::pair_card::PairCard;
use super::pair_list::PairList;
use super::problems_panel::ProblemsPanel;
use super::result_count::ResultCount;
use super::url_notices::UrlNotices;
use super::url_sync::UrlStore;
use super::view_toggle::ViewToggle;
use crate::domain::i18n::{format_date, t, Msg};
use crate::domain::{Lang, Loaded, Panel};
#[cfg(feature = "full")]
use super::{
    back_to_map::BackToMap, data_menu::DataMenu, embed_builder::EmbedBuilder, kiosk::Kiosk, preview_banner::PreviewBanner, share_panel::SharePanel,
    side_tabs::SideTabs, tiers_panel::TiersPanel, timeline_panel::TimelinePanel,
};

/// Lays out filters, map and list, and drops URL values the dataset does not know.
#[component]
pub fn Explorer(
    /// The loaded data and its problems.
    loaded: Arc<Loaded>,
    /// The basemap's GeoJSON text, when it could be fetched.
    basemap: Option<Arc<str>>,
    /// The URL state.
    url: UrlStore,
    /// Interface language.
    lang: Memo<Lang>,
    /// Set once the map has drawn the data.
    drawn: RwSignal<bool>,
) -> impl IntoView {
    let dataset = Arc::new(loaded.dataset.clone());
    // URL ids that this dataset does not have are dropped with a notice, once, without adding a
    // history entry.
    let mut corrected = url.state.get_untracked();
    let dropped = corrected.retain_known(&dataset);
    if !dropped.is_empty() {
        url.notices.update(|n| n.extend(dropped));
        url.replace(corrected);
    }
    let explore = provide_explore(dataset.clone(), url, lang);
    // A memo, so that selecting a pair (which changes the URL state) does not rebuild the list
    // and lose the keyboard focus in it. The embed build has no side panel: the list only.
    let panel = Memo::new(move |_| url.state.with(|s| s.panel).filter(|_| cfg!(feature = "full")));
    let view = explore.view;
    let as_of = dataset.data_as_of;
    // Whether the map draws group markers, for the legend to explain them.
    let grouped = RwSignal::new(false);
    // Embedded (`embed=1`): the map or the list, one at a time, and a bar to switch.
    let embed = url.state.with_untracked(super::embedded);
    // The pavilion's big screen: the kiosk's loop and big card instead of the pair card.
    let kiosk = url.state.with_untracked(super::kiosk_mode);
    // The kiosk's filters, off screen until its control bar brings them beside the map.
    let kiosk_filters = RwSignal::new(false);
    let show_list = RwSignal::new(false);
    if embed {
        provide_context(ListShown(show_list));
    }
    let problems = loaded.problems.clone();
    let unlisted = loaded.unlisted;

    view! {
        {full_only! { <PreviewBanner lang=lang /> }}
        <ProblemsPanel problems=problems unlisted=unlisted lang=lang />
        <UrlNotices />
        {embed.then(|| view! { <EmbedBar show_list=show_list /> })}
        <div
            class="explorer"
            class:explorer--wide-panel=move || panel.get() == Some(Panel::Tiers)
            class:explorer--embed=embed
            class:explorer--list-shown=move || show_list.get()
            class:explorer--kiosk-filters=move || kiosk_filters.get()
        >
            <aside class="filters-column">
                <FilterPanel />
            </aside>
            <main class="map-column">
                // A new map for each view: the twin view has two Leaflet maps, the world one.
                {move || {
                    let (view, basemap) = (view.get(), basemap.clone());
                    view! { <MapView basemap=basemap drawn=drawn grouped=grouped view=view /> }
                }}
                <ViewToggle />
                <Legend grouped=grouped />
                {full_only! {
                    {kiosk.then(|| view! { <Kiosk filters_open=kiosk_filters /> })}
                    {(!embed && !kiosk).then(|| view! { <BackToMap /> })}
                }}
            </main>
            // Over the map, over the list or a bottom sheet, by screen class (see CardSheet).
            <CardSheet>
                <AuthorityCard />
                {(!kiosk).then(|| view! { <PairCard /> })}
            </CardSheet>
            // In an embed the list, when shown, takes the map's place as the page's main content.
            <section
                class="list-column"
                role=move || (embed && show_list.get()).then_some("main")
                aria-label=move || t(explore.lang.get(), Msg::Partnerships)
            >
                // Built in the task after the rest of the page (`Later`): the column's width is
                // the layout's, so nothing moves when it fills.
                <Later>
                    {full_only! { <SideTabs /> }}
                    <div class="list-header">
                        <ResultCount />
                        {full_only! { <DataMenu /> <SharePanel /> <EmbedBuilder /> }}
                    </div>
                    {move || match panel.get() {
                        #[cfg(feature = "full")]
                        Some(Panel::Timeline) => view! { <TimelinePanel /> }.into_any(),
                        #[cfg(feature = "full")]
                        Some(Panel::Tiers) => view! { <TiersPanel /> }.into_any(),
                        // No panel (the embed build has none).
                        _ => view! { <PairList /> }.into_any(),
                    }}
                    {as_of.map(|d| view! {
                        <p class="data-as-of">{move || format!("{} {}", t(lang.get(), Msg::DataAsOf), format_date(lang.get(), d))}</p>
                    })}
                </Later>
            </section>
        </div>
    }
}
