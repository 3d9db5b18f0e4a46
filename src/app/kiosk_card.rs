//! `KioskCard`: the selected partnership on the pavilion's big screen, a caption band along the
//! bottom of the map (which the map's frame keeps the pair's ends clear of), in two languages at
//! once (French and Korean; the interface's first), with a QR code that opens the same pair on
//! a visitor's phone.

use leptos::prelude::*;

use super::context::use_explore;
use crate::domain::dataset::Authority;
use crate::domain::describe::{authority_name_langs, authority_names};
use crate::domain::i18n::{t, Lang, Msg};
use crate::domain::kiosk::{card_facts, card_languages, phone_link, CardFact};
use crate::domain::share::qr_path;
use crate::domain::{Dataset, Partnership};

/// "Séoul" above "서울특별시" (Korean above for the Korean side, when it has a Korean name): both
/// scripts, the Latin one in English when the card is in English.
fn names(a: &Authority, korean_first: bool, latin: Lang) -> impl IntoView {
    let (latin_name, hangul) = authority_names(a, latin);
    let (latin_lang, _) = authority_name_langs(a, latin);
    let ((main, main_lang), other) = match hangul {
        Some(h) if korean_first => ((h, "ko"), Some((latin_name, latin_lang))),
        h => ((latin_name, latin_lang), h.map(|h| (h, "ko"))),
    };
    view! {
        <div class="kiosk-authority">
            <p class="kiosk-name" lang=main_lang>{main.clone()}</p>
            {other.filter(|(o, _)| *o != main).map(|(o, l)| view! { <p class="kiosk-name-other" lang=l>{o}</p> })}
        </div>
    }
}

/// The same words in the card's two languages, "a · b" (once when they are the same).
fn both(langs: [Lang; 2], texts: [String; 2]) -> impl IntoView {
    let [a, b] = texts;
    let same = a == b;
    view! {
        <span lang=langs[0].code()>{a}</span>
        {(!same).then(|| view! { <span class="kiosk-sep" aria-hidden="true">" · "</span><span lang=langs[1].code()>{b}</span> })}
    }
}

/// One fact in the card's two languages: "Type · 유형", then its value in each.
fn fact(f: CardFact, langs: [Lang; 2]) -> impl IntoView {
    view! {
        <div class="kiosk-fact">
            <dt>{both(langs, langs.map(|l| t(l, f.label).to_string()))}</dt>
            <dd>{both(langs, f.values)}</dd>
        </div>
    }
}

/// The caption band's parts: the pair's two ends, what is known of it (nothing unknown is
/// printed: see `card_facts`), and the QR code for phones.
fn card(ds: &Dataset, p: &Partnership, qr_base: &str, lang: Lang) -> impl IntoView {
    let langs = card_languages(lang);
    let latin = if lang == Lang::En { Lang::En } else { Lang::Fr };
    let ends = ds.ends(p).map(|(k, f)| view! {
        <div class="kiosk-pair">
            {names(k, true, latin)}
            <span class="kiosk-arrow" aria-hidden="true">"↔"</span>
            {names(f, false, latin)}
        </div>
    });
    let facts = card_facts(ds, p, langs);
    let facts = (!facts.is_empty()).then(|| view! { <dl class="kiosk-facts">{facts.into_iter().map(|f| fact(f, langs)).collect_view()}</dl> });
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
                <figcaption>{langs.map(|l| view! { <span lang=l.code()>{t(l, Msg::KioskScan)}</span> }).into_iter().collect_view()}</figcaption>
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
