//! Link geometry: the curved line drawn between two authorities.
//!
//! Curves are computed in Web Mercator space (what Leaflet draws in), so that they look like
//! even arcs on screen, and always bow towards the pole, away from the equator.

use super::dataset::LatLng;

const MAX_LAT: f64 = 85.051_128_779_806_6;

/// Web Mercator x, y in radians-based units (y grows northwards).
pub fn project(p: LatLng) -> (f64, f64) {
    let lat = p.lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    (p.lng.to_radians(), ((std::f64::consts::FRAC_PI_4 + lat / 2.0).tan()).ln())
}

pub fn unproject(x: f64, y: f64) -> LatLng {
    LatLng { lat: (2.0 * y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(), lng: x.to_degrees() }
}

/// `segments + 1` points of a quadratic Bézier from `a` to `b` whose middle stands off the
/// straight line by `bend` times the distance between the two ends.
pub fn curved_link(a: LatLng, b: LatLng, bend: f64, segments: usize) -> Vec<LatLng> {
    let segments = segments.max(1);
    let (ax, ay) = project(a);
    let (bx, by) = project(b);
    let (dx, dy) = (bx - ax, by - ay);
    // Normal to the chord, turned to point north (or east for a north–south chord).
    let (mut nx, mut ny) = (-dy, dx);
    if ny < 0.0 || (ny == 0.0 && nx < 0.0) {
        nx = -nx;
        ny = -ny;
    }
    // The control point sits at twice the wanted offset: a quadratic Bézier reaches half of it.
    let (cx, cy) = ((ax + bx) / 2.0 + 2.0 * bend * nx, (ay + by) / 2.0 + 2.0 * bend * ny);
    (0..=segments)
        .map(|i| {
            let t = i as f64 / segments as f64;
            let u = 1.0 - t;
            let x = u * u * ax + 2.0 * u * t * cx + t * t * bx;
            let y = u * u * ay + 2.0 * u * t * cy + t * t * by;
            if i == 0 {
                a
            } else if i == segments {
                b
            } else {
                unproject(x, y)
            }
        })
        .collect()
}

/// Bends for a set of links that would otherwise lie on top of each other (every France–Korea
/// link runs the same way): from `min` to `max`, the link whose ends lie furthest north bowing
/// the most, so the curves fan out without crossing in the middle.
pub fn fan_bends(ends: &[(LatLng, LatLng)], min: f64, max: f64) -> Vec<f64> {
    let n = ends.len();
    if n <= 1 {
        return vec![(min + max) / 2.0; n];
    }
    let mut order: Vec<usize> = (0..n).collect();
    let key = |i: usize| ends[i].0.lat + ends[i].1.lat;
    order.sort_by(|&a, &b| key(a).total_cmp(&key(b)).then(a.cmp(&b)));
    let mut bends = vec![0.0; n];
    for (rank, &i) in order.iter().enumerate() {
        bends[i] = min + (max - min) * rank as f64 / (n - 1) as f64;
    }
    bends
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: LatLng = LatLng { lat: 48.86, lng: 2.34 };
    const SEOUL: LatLng = LatLng { lat: 37.5658, lng: 126.9781 };

    #[test]
    fn fanned_links_get_distinct_bends_the_northernmost_bowing_most() {
        let jeju = LatLng { lat: 33.37, lng: 126.53 };
        let nice = LatLng { lat: 43.70, lng: 7.27 };
        let bends = fan_bends(&[(SEOUL, PARIS), (jeju, nice), (SEOUL, nice)], 0.05, 0.25);
        for (got, want) in bends.iter().zip([0.25, 0.05, 0.15]) {
            assert!((got - want).abs() < 1e-12, "{bends:?}");
        }
        assert_eq!(fan_bends(&[(SEOUL, PARIS)], 0.05, 0.25), vec![0.15]);
        assert!(fan_bends(&[], 0.05, 0.25).is_empty());
    }

    #[test]
    fn projection_round_trips() {
        for p in [PARIS, SEOUL, LatLng { lat: -33.9, lng: 151.2 }] {
            let (x, y) = project(p);
            let q = unproject(x, y);
            assert!((p.lat - q.lat).abs() < 1e-9 && (p.lng - q.lng).abs() < 1e-9);
        }
    }

    #[test]
    fn a_link_starts_and_ends_exactly_on_its_authorities() {
        let line = curved_link(SEOUL, PARIS, 0.2, 32);
        assert_eq!(line.len(), 33);
        assert_eq!(line[0], SEOUL);
        assert_eq!(line[32], PARIS);
    }

    #[test]
    fn a_link_bows_north_by_the_requested_share_of_its_length() {
        let line = curved_link(SEOUL, PARIS, 0.2, 32);
        let mid = line[16];
        let (ax, ay) = project(SEOUL);
        let (bx, by) = project(PARIS);
        let (mx, my) = project(mid);
        let chord = ((bx - ax).powi(2) + (by - ay).powi(2)).sqrt();
        let off = ((mx - (ax + bx) / 2.0).powi(2) + (my - (ay + by) / 2.0).powi(2)).sqrt();
        assert!((off / chord - 0.2).abs() < 1e-9, "offset ratio {}", off / chord);
        assert!(mid.lat > (SEOUL.lat + PARIS.lat) / 2.0, "the arc must bow north");
        // Drawn from either end, the arc is the same arc.
        let back = curved_link(PARIS, SEOUL, 0.2, 32);
        assert!((back[16].lat - mid.lat).abs() < 1e-9 && (back[16].lng - mid.lng).abs() < 1e-9);
    }
}
