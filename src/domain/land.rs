//! The basemap's land as the build writes it (`.ci/basemap.mjs`), and the GeoJSON Leaflet draws
//! from it.
//!
//! The file is `{"type":"Land","source":…,"features":[country, …]}`: a country is a list of
//! polygons, a polygon a list of rings (its outline, then its holes), a ring a list of whole
//! numbers `[d, x0, y0, dx1, dy1, …]`, its points in units of 10^-d degree (d from 0 to 6), the
//! first as longitude and latitude, each next one as its step from the one before. The same
//! outlines as the GeoJSON, to the last digit, in about half its gzipped bytes (20 KB instead of
//! 38 KB for the bundled land): the first view waits for them on a phone's slow line.
//!
//! The file is read as untrusted input like the data: a ring that is not whole numbers, has too
//! few points or leaves the globe refuses the land with its place (`country 3, polygon 0, ring
//! 1: …`), and the map is drawn without land, saying so.

/// The land file's `type`.
pub const KIND: &str = "Land";

/// A ring as the file gives it: `[d, x0, y0, dx1, dy1, …]`.
pub type Ring = Vec<f64>;
/// A polygon: its outline, then its holes.
pub type Polygon = Vec<Ring>;
/// A country: its polygons.
pub type Country = Vec<Polygon>;

/// The most decimals a ring may have (a tenth of a metre is finer than any outline drawn).
const MAX_DIGITS: u32 = 6;
/// The fewest points of a ring with an area (the first repeated last).
const MIN_POINTS: usize = 4;
/// A whole number the file may hold: far beyond any coordinate at six decimals, well within
/// what a `f64` counts exactly.
const MAX_UNITS: f64 = 1e12;

/// Reads a land file's text (the app, which reads its files with serde_json; the first view
/// reads the browser's parse with `js_sys`, then calls [`geojson`] as this does).
pub fn read(text: &str) -> Result<Vec<Country>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(rename = "type")]
        kind: Option<String>,
        features: Option<Vec<Country>>,
    }
    let file: File = serde_json::from_str(text).map_err(|e| format!("not the map's land file: {e}"))?;
    if file.kind.as_deref() != Some(KIND) {
        return Err(format!("not the map's land file: its type is not \"{KIND}\""));
    }
    file.features.ok_or_else(|| "a land file without features".to_string())
}

/// The GeoJSON `FeatureCollection` of `countries` (one `MultiPolygon` feature each), as text for
/// the browser's own parser; or the first problem, with its place.
pub fn geojson(countries: &[Country]) -> Result<String, String> {
    let points: usize = countries.iter().flatten().flatten().map(Vec::len).sum();
    let mut out = String::with_capacity(64 + points * 6);
    out.push_str(r#"{"type":"FeatureCollection","features":["#);
    for (c, country) in countries.iter().enumerate() {
        if c > 0 {
            out.push(',');
        }
        out.push_str(r#"{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":["#);
        for (p, polygon) in country.iter().enumerate() {
            if polygon.is_empty() {
                return Err(format!("country {c}, polygon {p}: a polygon without a ring"));
            }
            if p > 0 {
                out.push(',');
            }
            out.push('[');
            for (r, ring) in polygon.iter().enumerate() {
                if r > 0 {
                    out.push(',');
                }
                write_ring(&mut out, ring).map_err(|why| format!("country {c}, polygon {p}, ring {r}: {why}"))?;
            }
            out.push(']');
        }
        out.push_str("]}}");
    }
    out.push_str("]}");
    Ok(out)
}

/// Writes one ring as GeoJSON positions, `[[x0,y0],[x1,y1],…]`.
fn write_ring(out: &mut String, ring: &[f64]) -> Result<(), String> {
    let Some((&digits, steps)) = ring.split_first() else { return Err("an empty ring".into()) };
    if !(digits.fract() == 0.0 && (0.0..=f64::from(MAX_DIGITS)).contains(&digits)) {
        // (No number of the file in a message: formatting a float would add kilobytes to the
        // first view's module.)
        return Err(format!("its decimals are not a whole number from 0 to {MAX_DIGITS}"));
    }
    if steps.len() % 2 != 0 {
        return Err("a longitude without its latitude".into());
    }
    if steps.len() / 2 < MIN_POINTS {
        return Err(format!("{} points (a ring has at least {MIN_POINTS})", steps.len() / 2));
    }
    let digits = digits as u32;
    let unit = 10i64.pow(digits);
    let (mut x, mut y) = (0i64, 0i64);
    out.push('[');
    for (i, step) in steps.chunks_exact(2).enumerate() {
        let whole = |v: f64| (v.fract() == 0.0 && v.abs() <= MAX_UNITS).then_some(v as i64);
        let (Some(dx), Some(dy)) = (whole(step[0]), whole(step[1])) else {
            return Err(format!("point {i} is not whole numbers"));
        };
        (x, y) = (x + dx, y + dy);
        // Longitudes up to 360° either way: a country across the antimeridian is written east
        // of it (Russia's Chukotka at 190°), so that its rings are continuous.
        if x.abs() > 360 * unit || y.abs() > 90 * unit {
            return Err(format!("point {i} is off the globe"));
        }
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        push_decimal(out, x, digits);
        out.push(',');
        push_decimal(out, y, digits);
        out.push(']');
    }
    out.push(']');
    Ok(())
}

/// `units` × 10^-`digits` as a JSON number, without trailing zeros (`-4530, 3` → `-4.53`).
fn push_decimal(out: &mut String, units: i64, digits: u32) {
    if units < 0 {
        out.push('-');
    }
    let magnitude = units.unsigned_abs();
    let unit = 10u64.pow(digits);
    push_digits(out, magnitude / unit, 1);
    let mut fraction = magnitude % unit;
    if fraction > 0 {
        let mut width = digits as usize;
        while fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
        out.push('.');
        push_digits(out, fraction, width);
    }
}

/// `n` in decimal, padded with zeros to `width` digits.
fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut at = buf.len();
    while n > 0 || buf.len() - at < width {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.extend(buf[at..].iter().map(|&b| b as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn land(text: &str) -> Result<String, String> {
        read(text).and_then(|c| geojson(&c))
    }

    #[test]
    fn a_ring_reads_as_the_points_it_steps_through() {
        // -4.55, 48.3; -4.52, 48.18; -4.5, 48.2; back to the start. Then a hole at one decimal.
        let text = r#"{"type":"Land","source":"test","features":[[[[2,-455,4830,3,-12,2,2,-5,10],[0,1,2,3,4,-3,-4,-1,-2]]]]}"#;
        let json = land(text).unwrap();
        assert_eq!(json, r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[-4.55,48.3],[-4.52,48.18],[-4.5,48.2],[-4.55,48.3]],[[1,2],[4,6],[1,2],[0,0]]]]}}]}"#);
        // The browser's parser reads the same numbers as the GeoJSON the build started from.
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["features"][0]["geometry"]["coordinates"][0][0][1], serde_json::json!([-4.52, 48.18]));
    }

    #[test]
    fn decimals_are_written_exactly() {
        let mut out = String::new();
        for (units, digits, expect) in [(0, 3, "0"), (-7, 3, "-0.007"), (123_450, 3, "123.45"), (190_000, 3, "190"), (5, 0, "5"), (-1, 1, "-0.1"), (179_999_999, 6, "179.999999")] {
            out.clear();
            push_decimal(&mut out, units, digits);
            assert_eq!(out, expect, "{units} at {digits} decimals");
        }
    }

    #[test]
    fn countries_polygons_and_an_empty_land() {
        let json = land(r#"{"type":"Land","features":[]}"#).unwrap();
        assert_eq!(json, r#"{"type":"FeatureCollection","features":[]}"#);
        let two = land(r#"{"type":"Land","features":[[[[0,0,0,1,0,0,1,-1,-1]],[[0,5,5,1,0,0,1,-1,-1]]],[[[0,9,9,1,0,0,1,-1,-1]]]]}"#).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&two).unwrap();
        assert_eq!(parsed["features"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["features"][0]["geometry"]["coordinates"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["features"][1]["geometry"]["coordinates"][0][0][0], serde_json::json!([9, 9]));
    }

    #[test]
    fn what_is_not_land_is_refused_with_its_place() {
        for (text, why) in [
            ("{}", "its type is not"),
            ("[]", "not the map's land file"),
            ("<!doctype html><p>error</p>", "not the map's land file"),
            (r#"{"type":"FeatureCollection","features":[]}"#, "its type is not"),
            (r#"{"type":"Land"}"#, "without features"),
            (r#"{"type":"Land","features":[[[["a"]]]]}"#, "not the map's land file"),
            (r#"{"type":"Land","features":[[[]]]}"#, "country 0, polygon 0: a polygon without a ring"),
            (r#"{"type":"Land","features":[[[[]]]]}"#, "country 0, polygon 0, ring 0: an empty ring"),
            (r#"{"type":"Land","features":[[[[0,0,0,1,0,0,1,-1,-1]]],[[[7,0,0,1,0,0,1,-1,-1]]]]}"#, "country 1, polygon 0, ring 0: its decimals are not"),
            (r#"{"type":"Land","features":[[[[1.5,0,0,1,0,0,1,-1,-1]]]]}"#, "its decimals are not"),
            (r#"{"type":"Land","features":[[[[0,0,0,1,0,0,1,-1]]]]}"#, "a longitude without its latitude"),
            (r#"{"type":"Land","features":[[[[0,0,0,1,0,-1,0]]]]}"#, "3 points"),
            (r#"{"type":"Land","features":[[[[0,0,0,1,0.5,0,1,-1,-1]]]]}"#, "point 1 is not whole numbers"),
            (r#"{"type":"Land","features":[[[[0,0,0,1e300,0,0,1,-1,-1]]]]}"#, "point 1 is not whole numbers"),
            (r#"{"type":"Land","features":[[[[1,0,0,0,901,0,1,-1,-1]]]]}"#, "point 1 is off the globe"),
            (r#"{"type":"Land","features":[[[[0,361,0,1,0,0,1,-1,-1]]]]}"#, "point 0 is off the globe"),
        ] {
            let got = land(text).expect_err(text);
            assert!(got.contains(why), "{text}: {got:?} should say {why:?}");
        }
        // Chukotka, written east of the antimeridian, is land.
        assert!(land(r#"{"type":"Land","features":[[[[0,190,65,1,0,0,1,-1,-1]]]]}"#).is_ok());
    }
}
