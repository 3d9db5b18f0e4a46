//! "Propose a partnership or a correction" (issue 16): the message the About panel's form
//! writes holds a record in the data file's own format. Added to the data it was written
//! against, as a maintainer would ([`Proposal::apply_to`]), it loads through the same loader
//! as the published file without a single problem.

mod common;

use common::{list, real_dataset};
use partnership_map::domain::export::to_document;
use partnership_map::domain::i18n::{missing_text, proposal_body, Lang};
use partnership_map::domain::proposal::{build, find_authority, form_of, mailto, AuthorityInput, Form, Missing, Proposal};
use partnership_map::domain::{load_dataset, Country, Dataset, Loaded, Status};

fn input(name: &str) -> AuthorityInput {
    AuthorityInput { name: name.to_string(), ..AuthorityInput::default() }
}

/// The message as the visitor downloads it, read back from its text, applied to the data file
/// and loaded: what a maintainer would get.
#[track_caller]
fn applied(ds: &Dataset, proposal: &Proposal) -> Loaded {
    let text = proposal.to_json();
    let back: Proposal = serde_json::from_str(&text).expect("the message is JSON of the same shape");
    assert_eq!(back.partnership, proposal.partnership);
    let mut doc = to_document(ds);
    back.apply_to(&mut doc);
    let loaded = load_dataset(&serde_json::to_string_pretty(&doc).unwrap());
    assert!(loaded.problems.is_empty(), "the proposed record has problems:\n{}\n{text}", list(&loaded.problems));
    loaded
}

#[test]
fn a_new_partnership_between_authorities_of_the_map_loads_as_a_valid_record() {
    let ds = real_dataset();
    let form = Form {
        // Typed as a visitor would: another script, no accents, the suggestion's label.
        korean: input("서울"),
        french: input("Saint Mande"),
        kind: "friendship".into(),
        year: " 2019 ".into(),
        themes: vec!["youth".into(), "culture".into(), "not-a-theme".into()],
        sources: "https://example.org/news/seoul-saint-mande\n\n  https://example.org/deliberation.pdf  \n".into(),
        comment: "Signed at the town hall.".into(),
        name: "Jeanne".into(),
        ..Form::default()
    };
    let p = build(&ds, &form, Lang::En).unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!(p.correction_of, None);
    assert_eq!(p.title, "Seoul ↔ Saint-Mandé");
    assert_eq!(p.file_name(), "proposal-seoul-saint-mande.json");
    assert!(p.authorities.is_empty(), "both are on the map already");
    assert_eq!(p.sources, ["https://example.org/news/seoul-saint-mande", "https://example.org/deliberation.pdf"]);
    assert_eq!((p.from.name.as_deref(), p.from.email.as_deref()), (Some("Jeanne"), None));
    assert_eq!(p.data_as_of.as_deref(), Some("2026-11-28"));

    let loaded = applied(&ds, &p);
    let r = loaded.dataset.partnership("seoul-saint-mande").expect("the record is in");
    assert_eq!((r.korean.as_str(), r.french.as_str()), ("kr-seoul", "fr-saint-mande"));
    assert_eq!((r.status, r.kind.as_deref(), r.year, r.date), (Status::Signed, Some("friendship"), Some(2019), None));
    // Themes in the vocabulary's order, unknown ones left out.
    assert_eq!(r.themes, ["culture", "youth"]);
    // Unknowns stay unknown; a proposal is not a verification.
    assert_eq!((r.term.as_ref(), r.summary.as_ref(), r.last_verified), (None, None, None));
    assert!(r.milestones.is_empty() && r.uncertain.is_empty());
    assert_eq!(r.sources.iter().map(|s| (s.title.as_str(), s.url.as_deref().unwrap())).collect::<Vec<_>>(), [
        ("example.org", "https://example.org/news/seoul-saint-mande"),
        ("example.org", "https://example.org/deliberation.pdf"),
    ]);
    assert_eq!(loaded.dataset.partnerships.len(), ds.partnerships.len() + 1);
}

#[test]
fn authorities_not_on_the_map_come_as_new_records_in_their_region_named_in_latin_letters() {
    let ds = real_dataset();
    let form = Form {
        korean: AuthorityInput { name: "강릉시".into(), latin: "Gangneung".into(), region: "KR-42".into() },
        french: AuthorityInput { name: "Quimper".into(), latin: String::new(), region: "FR-BRE".into() },
        kind: "unknown".into(),
        sources: "https://example.org/quimper".into(),
        ..Form::default()
    };
    let p = build(&ds, &form, Lang::Ko).unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!(p.title, "강릉시 ↔ Quimper");
    assert_eq!(p.authorities.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["kr-gangneung", "fr-quimper"]);
    let loaded = applied(&ds, &p);
    let r = loaded.dataset.partnership("gangneung-quimper").unwrap();
    assert_eq!((r.status, r.kind.as_ref(), r.year), (Status::Signed, None, None));
    let k = loaded.dataset.authority("kr-gangneung").unwrap();
    assert_eq!((k.name.fr.as_deref(), k.name.ko.as_deref(), k.region.as_str()), (Some("Gangneung"), Some("강릉시"), "KR-42"));
    assert_eq!((k.kind.as_ref(), k.location, k.population, k.last_verified), (None, None, None, None));
    assert_eq!(k.sources.len(), 1);
    let f = loaded.dataset.authority("fr-quimper").unwrap();
    assert_eq!((f.name.fr.as_deref(), f.name.ko.as_ref(), f.country), (Some("Quimper"), None, Country::France));
}

#[test]
fn a_correction_keeps_the_record_and_changes_only_what_the_form_changes() {
    let ds = real_dataset();
    let seoul_paris = ds.partnership("seoul-paris").unwrap();
    let mut form = form_of(&ds, seoul_paris, Lang::Fr);
    assert_eq!((form.kind.as_str(), form.year.as_str()), ("friendship", "1991"));
    assert_eq!(form.korean.name, "Séoul · 서울특별시");
    form.year = "1992".into();
    form.sources = "https://example.org/archives/1992".into();
    form.comment = "L'accord a été signé en 1992.".into();
    form.email = "jeanne@example.org".into();
    let p = build(&ds, &form, Lang::Fr).unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!(p.correction_of.as_deref(), Some("seoul-paris"));
    assert_eq!(p.comment.as_deref(), Some("L'accord a été signé en 1992."));
    assert_eq!(p.from.email.as_deref(), Some("jeanne@example.org"));
    let loaded = applied(&ds, &p);
    assert_eq!(loaded.dataset.partnerships.len(), ds.partnerships.len(), "in place, not added");
    let r = loaded.dataset.partnership("seoul-paris").unwrap();
    // The day of 1991 does not fall in 1992: it goes, the rest of the record stays.
    assert_eq!((r.year, r.date), (Some(1992), None));
    assert_eq!((r.kind.as_deref(), &r.themes, &r.milestones, &r.summary), (Some("friendship"), &seoul_paris.themes, &seoul_paris.milestones, &seoul_paris.summary));
    assert_eq!(r.sources.len(), seoul_paris.sources.len() + 1);
    assert_eq!(r.sources.last().unwrap().url.as_deref(), Some("https://example.org/archives/1992"));
    assert_eq!(r.last_verified, None);

    // Nothing changed: the day stays, and a pair the group listed stays listed.
    let same = build(&ds, &form_of(&ds, seoul_paris, Lang::En), Lang::En).unwrap();
    assert_eq!(same.partnership.date.as_deref(), Some("1991-11-12"));
    let listed = ds.partnerships.iter().find(|p| p.status == Status::Listed).unwrap();
    let p = build(&ds, &form_of(&ds, listed, Lang::Ko), Lang::Ko).unwrap();
    assert_eq!(applied(&ds, &p).dataset.partnership(&listed.id).unwrap().status, Status::Listed);
}

#[test]
fn a_new_pair_the_data_already_has_is_a_correction_of_it() {
    let ds = real_dataset();
    let form = Form { korean: input("Seoul"), french: input("Paris"), kind: "twinning".into(), ..Form::default() };
    let p = build(&ds, &form, Lang::En).unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!((p.correction_of.as_deref(), p.partnership.id.as_str()), (Some("seoul-paris"), "seoul-paris"));
    assert_eq!(applied(&ds, &p).dataset.partnership("seoul-paris").unwrap().kind.as_deref(), Some("twinning"));
}

#[test]
fn exchanges_and_plans_have_no_kind_year_or_date_whatever_was_typed() {
    let ds = real_dataset();
    for option in ["exchange", "planned"] {
        let mut form = form_of(&ds, ds.partnership("seoul-paris").unwrap(), Lang::En);
        form.kind = option.into();
        let p = build(&ds, &form, Lang::En).unwrap();
        let r = &p.partnership;
        assert_eq!((r.status.as_str(), r.kind.as_ref(), r.year, r.date.as_ref()), (option, None, None, None));
        applied(&ds, &p);
    }
}

#[test]
fn what_is_missing_is_said_field_by_field_in_the_form_s_order() {
    let ds = real_dataset();
    assert_eq!(build(&ds, &Form::default(), Lang::En).unwrap_err(), [
        Missing::Authority(Country::Korea),
        Missing::Authority(Country::France),
        Missing::NoSource,
    ]);
    let form = Form {
        korean: input("강릉시"),
        french: AuthorityInput { name: "Quimper".into(), region: "KR-11".into(), ..AuthorityInput::default() },
        year: "199".into(),
        sources: "https://example.org/ok\njavascript:alert(1)\nwww.example.org".into(),
        email: "jeanne at example.org".into(),
        ..Form::default()
    };
    assert_eq!(build(&ds, &form, Lang::En).unwrap_err(), [
        Missing::LatinName(Country::Korea),
        Missing::Region(Country::Korea),
        // A Korean province is no region for a French town.
        Missing::Region(Country::France),
        Missing::Year,
        Missing::Source(2),
        Missing::Source(3),
        Missing::Email,
    ]);
    // Each is a sentence in every language.
    for lang in Lang::ALL {
        assert!(missing_text(lang, Missing::Source(3)).contains('3'));
        assert!(!missing_text(lang, Missing::Region(Country::France)).is_empty());
    }
}

#[test]
fn suggestions_are_found_by_any_name_in_any_script_and_only_on_their_side() {
    let ds = real_dataset();
    for typed in ["Séoul · 서울특별시", "seoul", "서울특별시", "서울", "  SEOUL  "] {
        assert_eq!(find_authority(&ds, Country::Korea, typed).map(|a| a.id.as_str()), Some("kr-seoul"), "{typed}");
    }
    assert_eq!(find_authority(&ds, Country::France, "Seoul"), None);
    assert_eq!(find_authority(&ds, Country::France, "evian les bains").map(|a| a.id.as_str()), Some("fr-evian-les-bains"));
    assert_eq!(find_authority(&ds, Country::Korea, ""), None);
    // A name typed halfway is no other authority.
    assert_eq!(find_authority(&ds, Country::Korea, "Seo"), None);
    assert_eq!(find_authority(&ds, Country::France, "Pari"), None);
}

#[test]
fn markup_and_quotes_typed_in_the_form_stay_text_and_the_record_still_loads() {
    let ds = real_dataset();
    let form = Form {
        korean: AuthorityInput { name: "<img src=x onerror=alert(1)> \"Gangneung\"".into(), region: "KR-42".into(), ..AuthorityInput::default() },
        french: input("Nice"),
        comment: "</textarea><script>alert(1)</script>".into(),
        sources: "https://example.org/?q=\"x\"".into(),
        ..Form::default()
    };
    // A quote is no part of a link.
    assert_eq!(build(&ds, &form, Lang::En).unwrap_err(), [Missing::Source(1)]);
    let form = Form { sources: "https://example.org/?q=x".into(), ..form };
    let p = build(&ds, &form, Lang::En).unwrap();
    assert_eq!(p.authorities[0].id, "kr-img-src-x-onerror-alert-1-gangneung");
    assert_eq!(p.comment.as_deref(), Some("</textarea><script>alert(1)</script>"));
    applied(&ds, &p);
}

#[test]
fn the_mail_goes_to_the_data_s_address_only_and_carries_the_whole_message() {
    let ds = real_dataset();
    let form = Form { korean: input("Seoul"), french: input("Nice"), sources: "https://example.org/a b".into(), ..Form::default() };
    assert_eq!(build(&ds, &form, Lang::En).unwrap_err(), [Missing::Source(1)], "a space is no part of a link");
    let form = Form { sources: "https://example.org/a".into(), comment: "Voir le lien & la date.".into(), ..form };
    let p = build(&ds, &form, Lang::Fr).unwrap();
    let body = proposal_body(Lang::Fr, p.comment.as_deref(), &p.to_json());
    // The published data gives no address: no mail link is made up.
    assert_eq!(ds.publisher.as_ref().and_then(|x| x.email.as_deref()), None);
    let link = mailto("groupe@example.org", "Objet : Séoul ↔ Nice", &body).unwrap();
    let (to, query) = link.strip_prefix("mailto:").unwrap().split_once('?').unwrap();
    assert_eq!(to, "groupe@example.org");
    // Decoded, the body is the message, and its JSON reads back.
    let fields: Vec<(String, String)> = form_urlencoded::parse(query.replace('+', "%2B").as_bytes()).into_owned().collect();
    assert_eq!(fields[0], ("subject".into(), "Objet : Séoul ↔ Nice".into()));
    assert_eq!(fields[1].0, "body");
    let decoded = fields[1].1.replace("\r\n", "\n");
    assert_eq!(decoded, body);
    let json = &decoded[decoded.find('{').unwrap()..];
    let back: Proposal = serde_json::from_str(json).unwrap();
    assert_eq!(back.partnership, p.partnership);
    // One `&`, between the subject and the body; no raw space or line break.
    assert_eq!(query.matches('&').count(), 1);
    assert!(!query.contains(' ') && !query.contains('\n'));
}
