//! `KioskCard`: the selected partnership on the pavilion's big screen, a caption band along the
//! bottom of the map (which the map's frame keeps the pair's ends clear of), in French and Korean
//! at once, with a QR code that opens the same pair on a visitor's phone.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::dataset::Authority;
use crate::domain::describe::authority_names;
use crate::domain::i18n::{t, Lang, Msg};
use crate::domain::kiosk::{card_facts, phone_link, CardFact};
use crate::domain::share::qr_path;
use crate::domain::{Dataset, Partnership};

/// "Séoul" above "서울특별시" (or the other way round for the Korean side): both scripts.
fn names(a: &Authority, first: Lang) -> impl IntoView {
    let (main, other) = authority_names(a, first);
    let main_lang = if first == Lang::Ko && a.name.ko.is_some() { "ko" } else { "fr" };
    let other_lang = if main_lang == "ko" { "fr" } else { "ko" };
    view! {
        <div class="kiosk-authority">
            <p class="kiosk-name" lang=main_lang>{main.clone()}</p>
            {other.filter(|o| *o != main).map(|o| view! { <p class="kiosk-name-other" lang=other_lang>{o}</p> })}
        </div>
    }
}

/// One fact in both languages: "Type · 유형", then the value in French and in Korean.
fn fact(f: CardFact) -> impl IntoView {
    let same = f.fr == f.ko;
    view! {
        <div class="kiosk-fact">
            <dt><span lang="fr">{t(Lang::Fr, f.label)}</span>" · "<span lang="ko">{t(Lang::Ko, f.label)}</span></dt>
            <dd>
                <span lang="fr">{f.fr}</span>
                {(!same).then(|| view! { <span class="kiosk-sep" aria-hidden="true">" · "</span><span lang="ko">{f.ko}</span> })}
            </dd>
        </div>
    }
}

/// The caption band's parts: the pair's two ends, what is known of it (nothing unknown is
/// printed: see `card_facts`), and the QR code for phones.
fn card(ds: &Dataset, p: &Partnership, qr_base: &str, lang: Lang) -> impl IntoView {
    let ends = ds.ends(p).map(|(k, f)| view! {
        <div class="kiosk-pair">
            {names(k, Lang::Ko)}
            <span class="kiosk-arrow" aria-hidden="true">"↔"</span>
            {names(f, Lang::Fr)}
        </div>
    });
    let facts = card_facts(ds, p);
    let facts = (!facts.is_empty()).then(|| view! { <dl class="kiosk-facts">{facts.into_iter().map(fact).collect_view()}</dl> });
    let link = phone_link(qr_base, &p.id, lang);
    let qr = qr_path(&link).map(|q| {
        let size = q.size.to_string();
        let view_box = format!("0 0 {size} {size}");
        view! {
            <figure class="kiosk-qr">
                <svg viewBox=view_box role="img" aria-label=t(lang, Msg::QrLabel) shape-rendering="crispEdges" data-link=link.clone()>
                    <rect width=size.clone() height=size fill="#fff" />
                    <path d=q.d fill="#000" />
                </svg>
                <figcaption><span lang="fr">{t(Lang::Fr, Msg::KioskScan)}</span><span lang="ko">{t(Lang::Ko, Msg::KioskScan)}</span></figcaption>
            </figure>
        }
    });
    view! { {ends}{facts}{qr} }
}

/// The big card of the selected pair (the kiosk's own, in place of the pair card).
#[component]
pub fn KioskCard(
    /// Where phones are sent: the `qr=` setting, or this page's address.
    qr_base: String,
    /// "3 / 28": where the loop or the tour stands, when it does.
    position: Signal<Option<(usize, usize)>>,
) -> impl IntoView {
    let ctx = use_explore();
    move || {
        let i = ctx.selected.get()?;
        let lang = ctx.lang.get();
        let ds = ctx.dataset();
        let p = &ds.partnerships[i];
        Some(view! {
            <article class="kiosk-card" data-covers-map="" data-pair-id=p.id.clone() aria-live="polite">
                {card(&ds, p, &qr_base, lang)}
                {move || position.get().map(|(at, of)| view! { <p class="kiosk-position">{format!("{at} / {of}")}</p> })}
            </article>
        })
    }
}
