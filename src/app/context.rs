//! The explorer's shared state: the dataset and the memos every component reads.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::url_sync::UrlStore;
use crate::domain::order::{self, Order};
use crate::domain::{facet_counts, visible_pairs, Dataset, FacetCounts, Lang, View};

#[derive(Clone, Copy)]
pub struct Explore {
    pub ds: StoredValue<Arc<Dataset>>,
    pub url: UrlStore,
    pub lang: Memo<Lang>,
    /// Indices of the partnerships the filters keep, in the data's order.
    pub visible: Memo<Vec<usize>>,
    /// The list's order (`sort=`).
    pub sort: Memo<Order>,
    /// Each partnership's place in that order, in the interface's language ([`order::ranks`]):
    /// made once per order and language, so a filter change only sorts numbers.
    pub ranks: Memo<Vec<usize>>,
    /// The visible partnerships in the list's order: the list and the CSV download.
    pub ordered: Memo<Vec<usize>>,
    pub counts: Memo<FacetCounts>,
    /// The selected partnership (shown in the card even when the filters hide it on the map).
    pub selected: Memo<Option<usize>>,
    /// Whether the selected partnership is drawn with the current filters.
    pub selected_visible: Memo<bool>,
    /// The selected authority (`place=`), whose card lists its partnerships.
    pub place: Memo<Option<String>>,
    /// What the map marks as selected and keeps in its frame: the selected pair, or else the
    /// selected authority's visible partnerships.
    pub marked: Memo<Vec<usize>>,
    /// Bumped when something over the map opens, closes or changes size (the legend): the maps
    /// are framed again around it.
    pub covers: RwSignal<u32>,
    /// What the pointer or the keyboard focus is on (map or list): transient, not in the URL.
    pub hovered: RwSignal<Option<Hover>>,
    /// The visible partnerships to highlight for `hovered`.
    pub highlighted: Memo<HashSet<String>>,
    /// Bumped to ask the map to frame everything shown again (a kiosk's Home key).
    pub overview: RwSignal<u32>,
    /// The view shown: the URL's, or [`Explore::default_view`].
    pub view: Memo<View>,
    /// The view when the URL names none: side by side, except in an embed too low for two
    /// stacked maps, where one world map shows both ends of every link.
    pub default_view: View,
}

/// A partnership, or an authority (which stands for all its visible partnerships).
#[derive(Debug, Clone, PartialEq)]
pub enum Hover {
    Pair(String),
    Authority(String),
}

pub fn provide_explore(ds: Arc<Dataset>, url: UrlStore, lang: Memo<Lang>) -> Explore {
    let ds = StoredValue::new(ds);
    let filters = Memo::new(move |_| url.state.with(|s| s.filters.clone()));
    let visible = Memo::new(move |_| filters.with(|f| ds.with_value(|d| visible_pairs(d, f))));
    let counts = Memo::new(move |_| filters.with(|f| ds.with_value(|d| facet_counts(d, f))));
    let sort = Memo::new(move |_| url.state.with(|s| s.sort));
    let ranks = Memo::new(move |_| ds.with_value(|d| order::ranks(d, sort.get(), lang.get())));
    let ordered = Memo::new(move |_| match sort.get() {
        // The filters keep the data's order: nothing to sort.
        Order::Data => visible.get(),
        _ => ranks.with(|r| visible.with(|v| order::in_order(v, r))),
    });
    let selected = Memo::new(move |_| {
        let id = url.state.with(|s| s.pair.clone())?;
        ds.with_value(|d| d.partnership_index(&id))
    });
    let selected_visible = Memo::new(move |_| selected.get().is_some_and(|i| visible.with(|v| v.contains(&i))));
    let place = Memo::new(move |_| url.state.with(|s| s.place.clone()));
    let marked = Memo::new(move |_| match (selected.get(), place.get()) {
        (Some(i), _) => vec![i],
        (None, Some(a)) => ds.with_value(|d| visible.with(|v| v.iter().copied().filter(|&i| d.partnerships[i].korean == a || d.partnerships[i].french == a).collect())),
        (None, None) => Vec::new(),
    });
    let hovered = RwSignal::new(None);
    let highlighted = Memo::new(move |_| {
        let Some(h) = hovered.get() else { return HashSet::new() };
        ds.with_value(|d| {
            visible.with(|v| {
                v.iter()
                    .map(|&i| &d.partnerships[i])
                    .filter(|p| match &h {
                        Hover::Pair(id) => &p.id == id,
                        Hover::Authority(a) => &p.korean == a || &p.french == a,
                    })
                    .map(|p| p.id.clone())
                    .collect()
            })
        })
    });
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::INFINITY);
    let default_view = View::opening(url.state.with_untracked(super::embedded), height);
    let view = Memo::new(move |_| url.state.with(|s| s.view.unwrap_or(default_view)));
    let explore = Explore { ds, url, lang, visible, sort, ranks, ordered, counts, selected, selected_visible, place, marked, covers: RwSignal::new(0), hovered, highlighted, overview: RwSignal::new(0), view, default_view };
    provide_context(explore);
    explore
}

pub fn use_explore() -> Explore {
    expect_context::<Explore>()
}

impl Explore {
    pub fn dataset(&self) -> Arc<Dataset> {
        self.ds.get_value()
    }

    /// Selects a partnership by id (a user's step: it goes into the history). The selected
    /// authority stays when the pair is one of its own (closing the pair goes back to it).
    pub fn select(&self, id: Option<String>) {
        let ds = self.dataset();
        self.url.update(|s| {
            let keeps_place = match (&id, &s.place) {
                (Some(p), Some(a)) => ds.partnership(p).is_some_and(|p| p.korean == *a || p.french == *a),
                (None, Some(_)) => true,
                _ => false,
            };
            if !keeps_place {
                s.place = None;
            }
            s.pair = id;
        });
    }

    /// Selects an authority (its card lists its partnerships), or none.
    pub fn select_place(&self, id: Option<String>) {
        self.url.update(|s| {
            s.place = id;
            s.pair = None;
        });
    }

    /// The visible partnerships of an authority.
    pub fn visible_of(&self, authority: &str) -> Vec<usize> {
        let ds = self.dataset();
        self.visible.with_untracked(|v| v.iter().copied().filter(|&i| ds.partnerships[i].korean == authority || ds.partnerships[i].french == authority).collect())
    }
}
