//! The published file's own rules, beyond what the loader accepts (data/README.md, "Checking
//! the file"): every authority drawn, every source at its publisher's own address, every
//! milestone citing only the pages that state it, every region and intercommunal body at its seat.
//!
//! The loader must accept any well-formed file a person opens; these rules are what the group
//! promises about the file it publishes. The data tool's `validate` runs them and `make test`
//! runs the tool on `data/partnerships.json`, so a change that breaks one does not land.
//! Works on the JSON text itself, so every problem is located by the file's own path and line.

use serde_json::Value;

use super::json_position::locate_all;
use super::load::after_http_scheme;
use super::problem::Problem;

/// Tiers whose authorities stand at their seat: first-level governments (광역 and régions) and
/// intercommunal bodies. Communes, 시·군·구 and arrondissements stand at their town hall or
/// office, which their own record cites.
pub const SEAT_TIERS: &[&str] = &["kr-upper", "fr-region", "fr-ept"];

/// How far a seated authority's point may lie from its seat.
pub const SEAT_RADIUS_KM: f64 = 2.0;

/// A milestone citing more sources than this is reported for review: a milestone cites the
/// page(s) that state it, not every source of its pair.
pub const MAX_MILESTONE_SOURCES: usize = 2;

/// Hosts that copy or relay other sites' pages (Wikipedia mirrors, Kiwix copies, web proxies,
/// search engines). Matched on the host and its parent domains.
pub const MIRROR_HOSTS: &[&str] = &[
    "areq.net",
    "azureedge.net",
    "bdmobi.com",
    "book79.com",
    "bywiki.com",
    "clateway.com",
    "dewiki.de",
    "doc.surf",
    "edgio.link",
    "enciclopediemare.com",
    "enow.com",
    "fanyv88.com",
    "franco.wiki",
    "frwiki.wiki",
    "iiab.me",
    "mickopedia.org",
    "mir.pe",
    "movatter.jp",
    "owiki.org",
    "perceptiode.com",
    "profilbaru.com",
    "readkong.com",
    "readonly.wiki",
    "sparkthread.net",
    "studentb.eu",
    "techsciencenews.com",
    "vvikipidea.org",
    "websiteproxy.net",
    "wiki.x.io",
    "wiki7.org",
    "wikiclassic.com",
    "wikiland.org",
    "wikimili.com",
    "wikizero.org",
    "wonilvalve.com",
];

/// Words that mark a relaying host or path (`php-proxy`, `sailfishos-mirror`, `kiwix.…`).
const RELAY_WORDS: &[&str] = &["proxy", "mirror", "kiwix"];

/// Query keys that carry a search (`?q=…`, WordPress's `?s=…`).
const SEARCH_KEYS: &[&str] = &["q", "s", "sq", "query", "search", "keyword", "searchword", "wd"];

/// Path segments of a search page.
const SEARCH_SEGMENTS: &[&str] = &["search", "search.html", "search.php", "searx", "wikisearch"];

/// Why a source address is not its publisher's own address of the document, or `None`.
pub fn url_problem(url: &str) -> Option<&'static str> {
    let rest = after_http_scheme(url)?.to_ascii_lowercase();
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..host_end];
    let after_host = &rest[host_end..];
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    let host = if host_port.starts_with('[') {
        host_port
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    let host = host.trim_end_matches('.');
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() {
        return Some("a bare IP address, not the publisher's own address of the document");
    }
    if ["jsessionid", "phpsessid", "sessionid", "aspsessionid"].iter().any(|w| after_host.contains(w)) {
        return Some("carries a session id: give the document's address without it");
    }
    if ["http%3a", "https%3a", "/http://", "/https://", "=http://", "=https://", "=http%3a"]
        .iter()
        .any(|w| after_host.contains(w))
    {
        return Some("a proxy: another page's address is inside it; give that page's own address");
    }
    let (path, query) = match after_host.split_once('?') {
        Some((p, q)) => (p, q.split('#').next().unwrap_or(q)),
        None => (after_host.split('#').next().unwrap_or(after_host), ""),
    };
    let mirrored_host = MIRROR_HOSTS.iter().any(|m| host == *m || host.ends_with(&format!(".{m}")));
    let relay_word = RELAY_WORDS.iter().any(|w| host.contains(w) || path.split('/').any(|seg| seg.contains(w)));
    if mirrored_host || relay_word {
        return Some("a mirror or copy of another site's page: give the original's address (and say in the title that it was read on a copy)");
    }
    let searches_by_query = query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        SEARCH_KEYS.contains(&key) && !value.is_empty()
    });
    let searches_by_path = path.split(['/', ';']).any(|seg| SEARCH_SEGMENTS.contains(&seg));
    if searches_by_query || searches_by_path {
        return Some("a search page, not the document: give the address of the page it found");
    }
    None
}

/// One row of the seat table in data/README.md: the seat's point, or `None` when no record the
/// data cites places the seat itself (the row's coordinates are `—`).
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    pub id: String,
    pub point: Option<(f64, f64)>,
}

/// The rows of the table under the heading `### Seats` in data/README.md:
/// `| `id` | seat | lat | lng | source |`, coordinates `—` when the seat is not placed. Rows
/// that do not read are problems, located by line.
pub fn parse_seats(readme: &str) -> (Vec<Seat>, Vec<Problem>) {
    let mut seats = Vec::new();
    let mut problems = Vec::new();
    let mut inside = false;
    for (n, line) in readme.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('#') {
            inside = line.trim_start_matches('#').trim().eq_ignore_ascii_case("seats");
            continue;
        }
        if !inside || !line.starts_with("| `") {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let at = || Problem { path: "seats".into(), message: String::new(), position: Some((n + 1, 1)) };
        let id = cells[0].trim_matches('`').to_string();
        let number = |i: usize| cells.get(i).and_then(|c| c.parse::<f64>().ok()).filter(|v| v.is_finite());
        let unplaced = |i: usize| cells.get(i).is_some_and(|c| *c == "—");
        match (number(2), number(3)) {
            (Some(lat), Some(lng)) => seats.push(Seat { id, point: Some((lat, lng)) }),
            _ if unplaced(2) && unplaced(3) => seats.push(Seat { id, point: None }),
            _ => problems.push(Problem {
                message: format!("the seat row of {id} has no readable latitude and longitude (columns 3 and 4: numbers, or — when the seat is not placed)"),
                ..at()
            }),
        }
    }
    (seats, problems)
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Every problem of the published file's own rules, located in `text`. A file that is not JSON
/// gives none here: the loader reports it.
pub fn audit(text: &str, seats: &[Seat]) -> Vec<Problem> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    let mut problems = Vec::new();
    check_sources(&doc, String::new(), &mut problems);
    check_authorities(&doc, seats, &mut problems);
    check_milestones(&doc, &mut problems);
    locate_all(text, &mut problems);
    problems
}

/// Every `sources[i].url` anywhere in the file.
fn check_sources(value: &Value, path: String, problems: &mut Vec<Problem>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                if key == "sources" {
                    for (i, source) in child.as_array().into_iter().flatten().enumerate() {
                        if let Some(url) = source.get("url").and_then(Value::as_str) {
                            if let Some(why) = url_problem(url) {
                                problems.push(Problem::at(format!("{child_path}[{i}].url"), format!("{url}: {why}")));
                            }
                        }
                    }
                } else {
                    check_sources(child, child_path, problems);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_sources(item, format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}

fn check_authorities(doc: &Value, seats: &[Seat], problems: &mut Vec<Problem>) {
    let seated_kinds: Vec<&str> = doc["authority_kinds"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|k| k["tier"].as_str().is_some_and(|t| SEAT_TIERS.contains(&t)))
        .filter_map(|k| k["id"].as_str())
        .collect();
    for (i, a) in doc["authorities"].as_array().into_iter().flatten().enumerate() {
        let id = a["id"].as_str().unwrap_or("?");
        let point = a["location"]["lat"].as_f64().zip(a["location"]["lng"].as_f64());
        let Some(point) = point else {
            problems.push(Problem::at(
                format!("authorities[{i}].location"),
                format!("{id} has no position, so its partnerships are not drawn: give it a point by the rule of its kind (data/README.md, \"Coordinates\")"),
            ));
            continue;
        };
        let seated = a["kind"].as_str().is_some_and(|k| seated_kinds.contains(&k));
        if !seated {
            continue;
        }
        match seats.iter().find(|s| s.id == id) {
            None => problems.push(Problem::at(
                format!("authorities[{i}].location"),
                format!("{id} stands at its seat, but the seat table (data/README.md, \"Seats\") has no row for it"),
            )),
            Some(Seat { point: Some(seat), .. }) => {
                let d = distance_km(point, *seat);
                if d > SEAT_RADIUS_KM {
                    problems.push(Problem::at(
                        format!("authorities[{i}].location"),
                        format!("{id} is {d:.1} km from its seat ({}, {}): a region or intercommunal body stands within {SEAT_RADIUS_KM} km of its seat", seat.0, seat.1),
                    ));
                }
            }
            Some(Seat { point: None, .. }) => {
                let declared = a["uncertain"].as_array().is_some_and(|u| u.iter().any(|f| f == "location"));
                if !declared {
                    problems.push(Problem::at(
                        format!("authorities[{i}].uncertain"),
                        format!("{id}'s seat is not placed (— in the seat table), so its location must be listed as uncertain"),
                    ));
                }
            }
        }
    }
}

fn check_milestones(doc: &Value, problems: &mut Vec<Problem>) {
    for (i, p) in doc["partnerships"].as_array().into_iter().flatten().enumerate() {
        for (j, m) in p["milestones"].as_array().into_iter().flatten().enumerate() {
            let n = m["sources"].as_array().map_or(0, Vec::len);
            if n > MAX_MILESTONE_SOURCES {
                problems.push(Problem::at(
                    format!("partnerships[{i}].milestones[{j}].sources"),
                    format!("{n} sources for one milestone: cite only the page(s) that state it (more than {MAX_MILESTONE_SOURCES} is reported for review)"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_addresses_pass() {
        for url in [
            "https://fr.wikipedia.org/wiki/Limoges",
            "https://www.gaok.or.kr/gaok/bbs/B0000003/view.do?nttId=1883&searchCnd=&searchWrd=&menuNo=200022",
            "https://www.geonames.org/1835553",
            "https://news.kbs.co.kr/news/pc/view/view.do?ncd=8070604",
            "https://www.yna.co.kr/view/AKR20211208050200004?section=news",
            "https://www.issy.com/en/twin-cities-and-partnerships",
        ] {
            assert_eq!(url_problem(url), None, "{url}");
        }
    }

    #[test]
    fn each_kind_of_weak_address_is_named() {
        let cases = [
            ("http://40.74.122.252/index.cgi/page", "bare IP"),
            ("http://[2001:db8::1]/page", "bare IP"),
            ("https://www.gaok.or.kr/view.do;jsessionid=21CB07?nttId=1", "session id"),
            ("https://x.example/p?PHPSESSID=abc", "session id"),
            ("https://wonilvalve.com/index.php?q=https%3A%2F%2Ffr.wikipedia.org%2Fwiki%2FX", "proxy"),
            ("https://fanyv88.com/https/en.m.wikipedia.org/wiki/X", "mirror"),
            ("https://journal-des-communes.fr/?s=COP22", "search page"),
            ("https://www.geonames.org/search.html?q=Yongin-si&country=KR", "search page"),
            ("https://www.morbitzer.de/searx/search?q=paris", "search page"),
            ("https://news.sokury.com/search/?page=1&sq=x", "search page"),
            ("https://pt.frwiki.wiki/wiki/S%C3%A9oul", "mirror"),
            ("https://kiwix.jackbot.fr/content/wikipedia_fr_all_maxi_2021-09/A/Paris", "mirror"),
            ("https://github.com/sailfishos-mirror/iso-codes/blob/x/data/iso_3166-2.json", "mirror"),
            ("https://clevelandohioweatherforecast.com/php-proxy/index.php", "mirror"),
        ];
        for (url, what) in cases {
            let why = url_problem(url).unwrap_or_else(|| panic!("{url} passed"));
            assert!(why.contains(what), "{url}: {why}");
        }
        // An empty search key is not a search (GAOK's view pages carry `searchWrd=`).
        assert_eq!(url_problem("https://site.example/view.do?q=&id=3"), None);
    }

    #[test]
    fn seats_are_read_from_their_table_only() {
        let readme = "# Data\n| `kr-x` | 1 | 2 | 3 | s |\n### Seats\n\n| Authority | Seat | Lat | Lng | Source |\n|---|---|---|---|---|\n| `kr-seoul` | City Hall | 37.5663 | 126.9779 | [x](https://x) |\n| `kr-far` | Office | — | — | x |\n| `fr-bad` | Hall | north | 2.0 | x |\n## Next\n| `kr-y` | 1 | 2 | 3 | s |\n";
        let (seats, problems) = parse_seats(readme);
        assert_eq!(seats, vec![Seat { id: "kr-seoul".into(), point: Some((37.5663, 126.9779)) }, Seat { id: "kr-far".into(), point: None }]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].position, Some((9, 1)));
        assert!(problems[0].message.contains("fr-bad"));
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Paris Hôtel de Ville to Saint-Ouen's regional seat, about 6.5 km.
        let d = distance_km((48.8566, 2.3522), (48.9117, 2.3329));
        assert!((6.0..7.0).contains(&d), "{d}");
        assert!(distance_km((37.5, 127.0), (37.5, 127.0)) < 1e-9);
    }
}
