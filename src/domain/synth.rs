//! Synthetic datasets, to see how the map and the tools behave with many partnerships.
//!
//! [`synth`] keeps the vocabularies of a base dataset and its context events, and invents
//! French and Korean authorities around the base's real ones and partnerships between them. The
//! result is valid (it loads with no problem once written) and deterministic: the same base,
//! size and seed give the same dataset, so the same bytes once written. Every record cites one
//! source, "Synthetic record (seed N)", so that it cannot be mistaken for research.

use std::collections::HashSet;

use super::dataset::*;
use super::date::PartialDate;
use super::i18n::Lang;
use super::load::SCHEMA_VERSION;

/// Where synthetic points may fall: metropolitan France and South Korea, as (lat, lng) ranges.
const FRANCE: ((f64, f64), (f64, f64)) = ((42.0, 51.0), (-4.5, 8.0));
const KOREA: ((f64, f64), (f64, f64)) = ((34.0, 38.3), (126.0, 129.5));

/// Fallback centres when the base has no located authority of a country.
const FRANCE_CENTRE: (f64, f64) = (46.6, 2.4);
const KOREA_CENTRE: (f64, f64) = (36.4, 127.9);

/// SplitMix64: a tiny, fast, well-mixed PRNG; the whole of synth's randomness.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0. The modulo bias is negligible for these sizes.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `[0, 1)`, from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `percent` / 100.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// An index drawn with the given weights (all zero: 0).
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

/// A dataset of `pairs` synthetic partnerships on `base`'s vocabularies (see the module
/// documentation): about `pairs / 2` French and `pairs / 4` Korean authorities (at least 12 of
/// each), placed near real authorities of the base of the same country and in their region.
pub fn synth(base: &Dataset, pairs: usize, seed: u64) -> Dataset {
    let mut rng = SplitMix64::new(seed);
    let source = Source { title: format!("Synthetic record (seed {seed})"), url: None };
    let french = authorities(base, Country::France, (pairs / 2).max(12), &mut rng, &source);
    let korean = authorities(base, Country::Korea, (pairs / 4).max(12), &mut rng, &source);

    let mut partnerships = Vec::with_capacity(pairs);
    let mut linked: HashSet<(usize, usize)> = HashSet::new();
    if !french.is_empty() && !korean.is_empty() {
        for n in 1..=pairs {
            // A few authorities have many partners, as Seoul or Paris do: skewed draws, and a
            // few tries to avoid linking the same two authorities twice.
            let mut ends = (0, 0);
            for _ in 0..32 {
                ends = (skewed(&mut rng, korean.len()), skewed(&mut rng, french.len()));
                if !linked.contains(&ends) {
                    break;
                }
            }
            linked.insert(ends);
            partnerships.push(partnership(base, n, &korean[ends.0], &french[ends.1], &mut rng, &source));
        }
    }

    let mut records = base.records();
    records.authorities = french.into_iter().chain(korean).collect();
    records.partnerships = partnerships;
    // Context events (no partnership) still make sense; the others name real pairs.
    records.events.retain(|e| e.partnerships.is_empty());
    let version = if base.schema_version == 0 { SCHEMA_VERSION } else { base.schema_version };
    let mut ds = Dataset::new(version, base.data_as_of, records);
    ds.publisher = base.publisher.clone();
    ds
}

/// An index in `0..n` drawn towards the start: the square of a uniform draw.
fn skewed(rng: &mut SplitMix64, n: usize) -> usize {
    let u = rng.unit();
    ((u * u * n as f64) as usize).min(n.saturating_sub(1))
}

fn authorities(base: &Dataset, country: Country, count: usize, rng: &mut SplitMix64, source: &Source) -> Vec<Authority> {
    let ((lat_min, lat_max), (lng_min, lng_max)) = match country {
        Country::France => FRANCE,
        Country::Korea => KOREA,
    };
    let inside = |l: &LatLng| (lat_min..=lat_max).contains(&l.lat) && (lng_min..=lng_max).contains(&l.lng);
    let mut anchors: Vec<(LatLng, String)> = base
        .authorities
        .iter()
        .filter(|a| a.country == country && base.region(&a.region).is_some())
        .filter_map(|a| a.location.filter(inside).map(|l| (l, a.region.clone())))
        .collect();
    if anchors.is_empty() {
        // No located authority to start from: the middle of the country, in its first region.
        let Some(region) = base.regions.iter().find(|r| r.country == country) else { return Vec::new() };
        let (lat, lng) = match country {
            Country::France => FRANCE_CENTRE,
            Country::Korea => KOREA_CENTRE,
        };
        anchors.push((LatLng { lat, lng }, region.id.clone()));
    }

    // Kinds as frequent as in the base (mostly communes; si, gun, gu), and populations scaled
    // from base authorities of the same kind.
    let kinds: Vec<&AuthorityKind> = base.authority_kinds.iter().filter(|k| k.country == country).collect();
    let weights: Vec<usize> =
        kinds.iter().map(|k| base.authorities.iter().filter(|a| a.kind.as_deref() == Some(k.id.as_str())).count()).collect();
    let uniform = weights.iter().all(|&w| w == 0);

    let code = country.code().to_ascii_lowercase();
    (1..=count)
        .map(|n| {
            let (anchor, region) = anchors[rng.below(anchors.len())].clone();
            let jitter = |rng: &mut SplitMix64, spread: f64| (rng.unit() - 0.5) * spread;
            let lat = round4((anchor.lat + jitter(rng, 0.7)).clamp(lat_min, lat_max));
            let lng = round4((anchor.lng + jitter(rng, 1.0)).clamp(lng_min, lng_max));
            let kind = match () {
                _ if kinds.is_empty() || rng.percent(3) => None,
                _ if uniform => rng.pick(&kinds).copied(),
                _ => Some(kinds[rng.weighted(&weights)]),
            };
            let name = match country {
                Country::France => french_name(rng),
                Country::Korea => korean_name(rng, kind),
            };
            let population = rng.percent(75).then(|| {
                let peers: Vec<u64> = base
                    .authorities
                    .iter()
                    .filter(|a| a.country == country && a.kind.is_some() && a.kind == kind.map(|k| k.id.clone()))
                    .filter_map(|a| a.population.map(|p| p.value))
                    .collect();
                let value = match rng.pick(&peers) {
                    // 50% to 150% of a real authority of the same kind.
                    Some(&v) => (v / 100).saturating_mul(50 + rng.below(101) as u64).max(1),
                    None => {
                        let unit = 10u64.pow(3 + rng.below(3) as u32);
                        unit + rng.below(9 * unit as usize) as u64
                    }
                };
                Population { value, year: 2015 + rng.below(10) as i32 }
            });
            Authority {
                id: format!("{code}-synth-{n:06}"),
                country,
                name,
                kind: kind.map(|k| k.id.clone()),
                region,
                location: Some(LatLng { lat, lng }),
                population,
                website: None,
                notes: None,
                uncertain: if rng.percent(10) { vec!["location".to_string()] } else { Vec::new() },
                last_verified: None,
                sources: vec![source.clone()],
                aliases: Vec::new(),
            }
        })
        .collect()
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn partnership(base: &Dataset, n: usize, korean: &Authority, french: &Authority, rng: &mut SplitMix64, source: &Source) -> Partnership {
    let status = Status::ALL[rng.weighted(&[72, 12, 10, 6])];
    // Earlier agreement kinds of the vocabulary (twinning, friendship) are the more common.
    let kinds = &base.agreement_kinds;
    let weights: Vec<usize> = (0..kinds.len()).map(|i| kinds.len() - i).collect();
    let draw_kind = |rng: &mut SplitMix64| (!kinds.is_empty()).then(|| kinds[rng.weighted(&weights)].id.clone());
    let (kind, year) = match status {
        Status::Signed => (if rng.percent(90) { draw_kind(rng) } else { None }, known_year(rng)),
        Status::Listed => (if rng.percent(50) { draw_kind(rng) } else { None }, known_year(rng)),
        // Nothing signed: no kind, no year of signature.
        Status::Exchange | Status::Planned => (None, None),
    };
    let date = year.and_then(|y| {
        // Nothing after the research date (28 November 2026).
        let month = 1 + rng.below(if y == 2026 { 11 } else { 12 }) as u8;
        match rng.below(100) {
            0..45 => Some(PartialDate { year: y, month: Some(month), day: Some(1 + rng.below(28) as u8) }),
            45..65 => Some(PartialDate { year: y, month: Some(month), day: None }),
            _ => None,
        }
    });

    let count = rng.weighted(&[15, 35, 30, 20]).min(base.themes.len());
    let mut themes: Vec<String> = Vec::with_capacity(count);
    while themes.len() < count {
        let t = &base.themes[rng.below(base.themes.len())].id;
        if !themes.contains(t) {
            themes.push(t.clone());
        }
    }

    let milestones = if rng.percent(15) {
        let (date, label) = match year {
            Some(y) if y < 2025 => (
                PartialDate { year: y + 1 + rng.below((2025 - y) as usize) as i32, month: None, day: None },
                localized("Visite anniversaire", "기념 방문", "Anniversary visit"),
            ),
            Some(_) => (
                PartialDate { year: 2026, month: None, day: None },
                localized("Visite", "방문", "Visit"),
            ),
            None => (
                PartialDate { year: 1990 + rng.below(37) as i32, month: None, day: None },
                localized("Visite", "방문", "Visit"),
            ),
        };
        vec![Milestone { date, label, uncertain: rng.percent(20), sources: Vec::new() }]
    } else {
        Vec::new()
    };

    let (k, f) = (&korean.name, &french.name);
    let summary = localized(
        &format!("Partenariat fictif entre {} et {}.", k.get(Lang::Fr), f.get(Lang::Fr)),
        &format!("{}–{} 가상 교류.", k.get(Lang::Ko), f.get(Lang::Ko)),
        &format!("Fictitious partnership between {} and {}.", k.get(Lang::Fr), f.get(Lang::Fr)),
    );
    Partnership {
        id: format!("synth-{n:06}"),
        korean: korean.id.clone(),
        french: french.id.clone(),
        status,
        kind,
        term: None,
        wording: Vec::new(),
        uncertain: if year.is_some() && rng.percent(5) { vec!["year".to_string()] } else { Vec::new() },
        year,
        date,
        milestones,
        themes,
        summary: Some(summary),
        last_verified: None,
        sources: vec![source.clone()],
    }
}

/// A year of first agreement, 1960–2026 and skewed towards recent years; unknown 15% of the time.
fn known_year(rng: &mut SplitMix64) -> Option<i32> {
    if rng.percent(15) {
        return None;
    }
    Some(1960 + rng.below(67).max(rng.below(67)) as i32)
}

fn localized(fr: &str, ko: &str, en: &str) -> Localized {
    Localized { fr: Some(fr.to_string()), ko: Some(ko.to_string()), en: Some(en.to_string()) }
}

/// French name parts with their Hangul transcription.
const FR_PREFIX: &[(&str, &str)] = &[("Saint-", "생"), ("Sainte-", "생트"), ("La ", "라"), ("Le ", "르")];
const FR_ROOT: &[(&str, &str)] = &[
    ("Beau", "보"), ("Mont", "몽"), ("Val", "발"), ("Roche", "로슈"), ("Font", "퐁"), ("Clair", "클레르"),
    ("Bois", "부아"), ("Belle", "벨"), ("Mar", "마르"), ("Ver", "베르"), ("Cha", "샤"), ("Lan", "랑"),
    ("Sau", "소"), ("Cour", "쿠르"), ("Ro", "로"), ("Ber", "베르"), ("Vil", "빌"), ("Pont", "퐁"),
];
const FR_END: &[(&str, &str)] = &[
    ("mont", "몽"), ("ville", "빌"), ("court", "쿠르"), ("lieu", "리외"), ("fort", "포르"), ("val", "발"),
    ("bourg", "부르"), ("champ", "샹"), ("lac", "라크"), ("pierre", "피에르"), ("mer", "메르"), ("nay", "네"),
];
const FR_SUFFIX: &[(&str, &str)] = &[
    ("-sur-Mer", "쉬르메르"), ("-les-Bains", "레뱅"), ("-sur-Loire", "쉬르루아르"),
    ("-en-Provence", "앙프로방스"), ("-le-Château", "르샤토"), ("-sur-Seine", "쉬르센"),
];

fn french_name(rng: &mut SplitMix64) -> Localized {
    let mut fr = String::new();
    let mut ko = String::new();
    let mut add = |rng: &mut SplitMix64, parts: &[(&str, &str)]| {
        let (f, k) = parts[rng.below(parts.len())];
        fr.push_str(f);
        ko.push_str(k);
    };
    if rng.percent(20) {
        add(rng, FR_PREFIX);
    }
    add(rng, FR_ROOT);
    add(rng, FR_END);
    if rng.percent(20) {
        add(rng, FR_SUFFIX);
    }
    Localized { fr: Some(fr), ko: Some(ko), en: None }
}

/// Hangul syllables with their Revised Romanization.
const KO_SYLLABLES: &[(&str, &str)] = &[
    ("가", "ga"), ("강", "gang"), ("고", "go"), ("광", "gwang"), ("금", "geum"), ("남", "nam"),
    ("대", "dae"), ("동", "dong"), ("무", "mu"), ("보", "bo"), ("부", "bu"), ("산", "san"),
    ("서", "seo"), ("성", "seong"), ("순", "sun"), ("안", "an"), ("양", "yang"), ("영", "yeong"),
    ("오", "o"), ("용", "yong"), ("원", "won"), ("인", "in"), ("장", "jang"), ("전", "jeon"),
    ("정", "jeong"), ("주", "ju"), ("진", "jin"), ("창", "chang"), ("천", "cheon"), ("청", "cheong"),
    ("춘", "chun"), ("충", "chung"), ("태", "tae"), ("평", "pyeong"), ("포", "po"), ("하", "ha"),
    ("해", "hae"), ("홍", "hong"), ("화", "hwa"), ("곡", "gok"),
];

fn korean_name(rng: &mut SplitMix64, kind: Option<&AuthorityKind>) -> Localized {
    let (k1, r1) = KO_SYLLABLES[rng.below(KO_SYLLABLES.len())];
    let (k2, r2) = KO_SYLLABLES[rng.below(KO_SYLLABLES.len())];
    // The kind's own suffix (시, 군, 구, 도), from the last syllable of its Korean label.
    let suffix = kind.and_then(|k| k.label.ko.as_deref()).and_then(|l| l.chars().last()).unwrap_or('시');
    let mut latin = format!("{r1}{r2}");
    if let Some(first) = latin.get(..1) {
        latin = first.to_ascii_uppercase() + &latin[1..];
    }
    Localized { fr: Some(latin), ko: Some(format!("{k1}{k2}{suffix}")), en: None }
}
