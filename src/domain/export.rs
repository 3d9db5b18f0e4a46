//! A validated dataset written back as a data file: the inverse of [`crate::domain::load`].
//!
//! `load_dataset(&serde_json::to_string_pretty(&to_document(&ds))?)` gives `ds` back with no
//! problem, for any dataset that `load_dataset` produced (the tests check it on the real data and
//! on synthetic data). Every optional field is written out, `null` or `[]`, as the bundled file
//! does, so that every unknown stays visible.

use super::dataset::*;
use super::load::SCHEMA_VERSION;
use super::model::*;

/// The dataset as the serde types of the file, ready for `serde_json::to_string_pretty`.
pub fn to_document(ds: &Dataset) -> RawDataset {
    RawDataset {
        schema_version: if ds.schema_version == 0 { SCHEMA_VERSION } else { ds.schema_version },
        data_as_of: ds.data_as_of.map(|d| d.to_string()),
        publisher: ds.publisher.as_ref().map(|p| RawPublisher {
            name: raw_localized(&p.name),
            url: p.url.clone(),
            email: p.email.clone(),
            sources: raw_sources(&p.sources),
        }),
        themes: ds.themes.iter().map(|t| RawTheme { id: t.id.clone(), label: raw_localized(&t.label) }).collect(),
        agreement_kinds: ds
            .agreement_kinds
            .iter()
            .map(|k| RawAgreementKind {
                id: k.id.clone(),
                label: raw_localized(&k.label),
                description: k.description.as_ref().map(raw_localized),
            })
            .collect(),
        authority_kinds: ds
            .authority_kinds
            .iter()
            .map(|k| RawAuthorityKind {
                id: k.id.clone(),
                country: k.country.code().to_string(),
                tier: k.tier.clone(),
                label: raw_localized(&k.label),
            })
            .collect(),
        administrative_tiers: ds
            .tiers
            .iter()
            .map(|t| RawTier {
                id: t.id.clone(),
                country: t.country.code().to_string(),
                order: t.order,
                name: raw_localized(&t.name),
                count: t.count.as_ref().map(|c| RawCount {
                    value: c.value,
                    as_of: c.as_of.to_string(),
                    note: c.note.as_ref().map(raw_localized),
                }),
                description: raw_localized(&t.description),
                compare_with: t.compare_with.clone(),
                sources: raw_sources(&t.sources),
            })
            .collect(),
        regions: ds
            .regions
            .iter()
            .map(|r| RawRegion {
                id: r.id.clone(),
                country: r.country.code().to_string(),
                name: raw_localized(&r.name),
                aliases: r.aliases.clone(),
                former_names: r.former_names.iter().map(|f| RawFormerName { name: raw_localized(&f.name), change: f.change.id().to_string() }).collect(),
            })
            .collect(),
        authorities: ds.authorities.iter().map(raw_authority).collect(),
        partnerships: ds.partnerships.iter().map(raw_partnership).collect(),
        events: ds.events.iter().map(raw_event).collect(),
    }
}

pub fn raw_localized(l: &Localized) -> RawLocalized {
    RawLocalized { fr: l.fr.clone(), ko: l.ko.clone(), en: l.en.clone() }
}

pub fn raw_sources(sources: &[Source]) -> Vec<RawSource> {
    sources.iter().map(|s| RawSource { title: s.title.clone(), url: s.url.clone() }).collect()
}

pub fn raw_authority(a: &Authority) -> RawAuthority {
    RawAuthority {
        id: a.id.clone(),
        country: a.country.code().to_string(),
        name: raw_localized(&a.name),
        kind: a.kind.clone(),
        region: a.region.clone(),
        location: a.location.map(|l| RawLocation { lat: l.lat, lng: l.lng }),
        population: a.population.map(|p| RawPopulation { value: p.value, year: p.year }),
        website: a.website.clone(),
        notes: a.notes.as_ref().map(raw_localized),
        uncertain: a.uncertain.clone(),
        last_verified: a.last_verified.map(|d| d.to_string()),
        sources: raw_sources(&a.sources),
        aliases: a.aliases.clone(),
    }
}

pub fn raw_milestone(m: &Milestone) -> RawMilestone {
    RawMilestone {
        date: m.date.to_string(),
        label: raw_localized(&m.label),
        uncertain: m.uncertain,
        sources: raw_sources(&m.sources),
    }
}

pub fn raw_wording(w: &Wording) -> RawWording {
    RawWording {
        text: w.text.clone(),
        lang: w.lang.clone(),
        // The default role is left out, as the data file writes it.
        role: (w.role != WordingRole::Document).then(|| w.role.id().to_string()),
        year: w.year,
        gloss: w.gloss.as_ref().map(raw_localized),
    }
}

pub fn raw_partnership(p: &Partnership) -> RawPartnership {
    RawPartnership {
        id: p.id.clone(),
        authorities: vec![p.korean.clone(), p.french.clone()],
        status: p.status.id().to_string(),
        kind: p.kind.clone(),
        term: p.term.clone(),
        wording: p.wording.iter().map(raw_wording).collect(),
        year: p.year,
        date: p.date.map(|d| d.to_string()),
        milestones: p.milestones.iter().map(raw_milestone).collect(),
        themes: p.themes.clone(),
        summary: p.summary.as_ref().map(raw_localized),
        uncertain: p.uncertain.clone(),
        last_verified: p.last_verified.map(|d| d.to_string()),
        sources: raw_sources(&p.sources),
    }
}

pub fn raw_event(e: &Event) -> RawEvent {
    RawEvent {
        id: e.id.clone(),
        date: e.date.to_string(),
        end_date: e.end_date.map(|d| d.to_string()),
        label: raw_localized(&e.label),
        partnerships: e.partnerships.clone(),
        uncertain: e.uncertain,
        sources: raw_sources(&e.sources),
    }
}

/// The data file's text: pretty JSON with a final newline, as `data/partnerships.json` is written.
pub fn to_json(ds: &Dataset) -> String {
    // Serialising these plain structs cannot fail (no map with non-string keys, no NaN: loaded
    // coordinates are finite).
    let mut text = serde_json::to_string_pretty(&to_document(ds)).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of the data file, generated from the serde types of [`super::model`]: what
/// `data/partnerships.schema.json` holds (natively only; `schemars` is not in the wasm build).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawDataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
