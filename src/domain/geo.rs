//! Link geometry: great-circle arcs for the world view, the curves across the gutter of the
//! twin view, and the spreading of markers that would hide each other.

use super::dataset::LatLng;

/// Mean Earth radius (IUGG), in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

fn to_unit(p: LatLng) -> [f64; 3] {
    let (lat, lng) = (p.lat.to_radians(), p.lng.to_radians());
    [lat.cos() * lng.cos(), lat.cos() * lng.sin(), lat.sin()]
}

/// Great-circle distance in kilometres (haversine).
pub fn distance_km(a: LatLng, b: LatLng) -> f64 {
    let (la, lb) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lb - la;
    let dlng = (b.lng - a.lng).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlng / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// `segments + 1` points along the great circle from `a` to `b` (spherical interpolation).
/// Longitudes are unwrapped so that consecutive points never jump by more than 180°: an arc that
/// crosses the antimeridian goes on past ±180° instead of being drawn across the whole map.
pub fn great_circle(a: LatLng, b: LatLng, segments: usize) -> Vec<LatLng> {
    let segments = segments.max(1);
    let (u, v) = (to_unit(a), to_unit(b));
    let dot = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).clamp(-1.0, 1.0);
    let omega = dot.acos();
    let mut out: Vec<LatLng> = Vec::with_capacity(segments + 1);
    for i in 0..=segments {
        let t = i as f64 / segments as f64;
        let p = if omega < 1e-12 {
            LatLng { lat: a.lat + (b.lat - a.lat) * t, lng: a.lng + (b.lng - a.lng) * t }
        } else {
            let (s0, s1) = (((1.0 - t) * omega).sin() / omega.sin(), (t * omega).sin() / omega.sin());
            let w = [s0 * u[0] + s1 * v[0], s0 * u[1] + s1 * v[1], s0 * u[2] + s1 * v[2]];
            LatLng { lat: w[2].clamp(-1.0, 1.0).asin().to_degrees(), lng: w[1].atan2(w[0]).to_degrees() }
        };
        let p = match out.last() {
            // Keep longitudes continuous with the previous point.
            Some(prev) => LatLng { lat: p.lat, lng: p.lng + 360.0 * ((prev.lng - p.lng) / 360.0).round() },
            None => p,
        };
        out.push(p);
    }
    out
}

/// How much closer than asked two drawn markers may stand (a ring's neighbours stand exactly
/// `min_distance` apart; rounding aside, this leaves room for nothing else).
pub const RING_SLACK: f64 = 0.9;

/// Radius of a ring of `k` points on which neighbours stand `min_distance` apart.
pub fn ring_radius(min_distance: f64, k: usize) -> f64 {
    (min_distance / (2.0 * (std::f64::consts::PI / k as f64).sin())).max(min_distance / 2.0)
}

/// Where each marker is drawn: where it is, moved onto a small ring around its crowd (with a
/// leader line back to where it is), or inside a group marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placed {
    At(f64, f64),
    /// Index into [`MarkerLayout::groups`].
    InGroup(usize),
}

/// Markers too crowded to tell apart, drawn as one marker that zooms in on them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerGroup {
    /// Where the group is drawn: where its first member (the crowd's most important) really is.
    pub at: (f64, f64),
    /// Indices of the input points, in increasing order.
    pub members: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MarkerLayout {
    pub placed: Vec<Placed>,
    pub groups: Vec<MarkerGroup>,
}

/// Lays markers out (screen pixels) so that no two drawn markers stand closer than
/// [`RING_SLACK`] × `min_distance`, and none is drawn away from where it is by more than
/// `max_radius` (a small ring, whose members the caller joins to their place by a leader line).
///
/// `points` come in order of importance. Each point joins the nearest *seed* within
/// `min_distance` (the first point of a crowd), or becomes a seed where it is. Seeds never move,
/// so a crowd never drifts into the next region: a crowd is drawn where its most important
/// member is (a capital and its districts, at the capital), as one group marker, unless its
/// members fit on a ring no wider than `max_radius` around their centre that stays clear of
/// everything else drawn. Linear in the number of points (a grid of seeds); deterministic.
pub fn layout_markers(points: &[(f64, f64)], min_distance: f64, max_radius: f64) -> MarkerLayout {
    layout_markers_around(points, &[], min_distance, max_radius)
}

/// [`layout_markers`], with some points standing on their own where they are (the selected
/// pair's ends): nothing joins them and they join nothing. The points within `min_distance` of
/// one are drawn beside it, one marker's spacing away on the side where they are (a marker with
/// a leader line, or a group), so that nothing drawn covers it.
pub fn layout_markers_around(points: &[(f64, f64)], alone: &[usize], min_distance: f64, max_radius: f64) -> MarkerLayout {
    let d2 = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2);
    let cell = |p: (f64, f64)| ((p.0 / min_distance).floor() as i64, (p.1 / min_distance).floor() as i64);
    let is_alone: std::collections::HashSet<usize> = alone.iter().copied().filter(|&i| i < points.len()).collect();
    let near = |grid: &std::collections::HashMap<(i64, i64), Vec<usize>>, seeds: &[usize], p: (f64, f64)| -> Option<usize> {
        let (cx, cy) = cell(p);
        let mut nearest: Option<(f64, usize)> = None;
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &s in grid.get(&(gx, gy)).map(Vec::as_slice).unwrap_or(&[]) {
                    let d = d2(p, points[seeds[s]]);
                    if d < min_distance * min_distance && nearest.is_none_or(|(b, _)| d < b) {
                        nearest = Some((d, s));
                    }
                }
            }
        }
        nearest.map(|(_, s)| s)
    };
    // 0. The points standing alone, and the crowds beside each (filled below).
    let lone: Vec<usize> = (0..points.len()).filter(|i| is_alone.contains(i)).collect();
    let mut lone_grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (k, &i) in lone.iter().enumerate() {
        lone_grid.entry(cell(points[i])).or_default().push(k);
    }
    let mut beside: Vec<Vec<usize>> = vec![Vec::new(); lone.len()];
    // 1. Seeds and their crowds.
    let mut seeds: Vec<usize> = Vec::new();
    let mut crowds: Vec<Vec<usize>> = Vec::new();
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (i, &p) in points.iter().enumerate() {
        if is_alone.contains(&i) {
            continue;
        }
        if let Some(s) = near(&grid, &seeds, p) {
            crowds[s].push(i);
        } else if let Some(k) = near(&lone_grid, &lone, p) {
            beside[k].push(i);
        } else {
            grid.entry(cell(p)).or_default().push(seeds.len());
            seeds.push(i);
            crowds.push(vec![i]);
        }
    }
    // 2. Each crowd, in order of importance: alone, on a ring that stays clear, or a group.
    // What is drawn so far: seeds (they never move), the lone points, accepted ring slots.
    let limit = RING_SLACK * min_distance - 1e-6;
    let mut drawn: Vec<(f64, f64)> = seeds.iter().map(|&s| points[s]).chain(lone.iter().map(|&i| points[i])).collect();
    let mut layout = MarkerLayout { placed: vec![Placed::At(0.0, 0.0); points.len()], groups: Vec::new() };
    for &i in &lone {
        layout.placed[i] = Placed::At(points[i].0, points[i].1);
    }
    let group = |layout: &mut MarkerLayout, crowd: &[usize], at: (f64, f64)| {
        let mut members = crowd.to_vec();
        members.sort_unstable();
        for &m in &members {
            layout.placed[m] = Placed::InGroup(layout.groups.len());
        }
        layout.groups.push(MarkerGroup { at, members });
    };
    for (s, crowd) in crowds.iter().enumerate() {
        let seed = points[seeds[s]];
        if crowd.len() == 1 {
            layout.placed[crowd[0]] = Placed::At(seed.0, seed.1);
            continue;
        }
        let k = crowd.len();
        let radius = ring_radius(min_distance, k);
        let centre = crowd.iter().fold((0.0, 0.0), |(x, y), &i| (x + points[i].0 / k as f64, y + points[i].1 / k as f64));
        let angle = |i: usize| (points[i].1 - centre.1).atan2(points[i].0 - centre.0);
        let mut order = crowd.clone();
        order.sort_by(|&a, &b| angle(a).total_cmp(&angle(b)).then(a.cmp(&b)));
        let slots: Vec<(f64, f64)> = (0..k)
            .map(|slot| {
                let theta = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * slot as f64 / k as f64;
                (centre.0 + radius * theta.cos(), centre.1 + radius * theta.sin())
            })
            .collect();
        // The crowd's own seed is no longer drawn where it was once it moves onto the ring.
        let clear = radius <= max_radius
            && slots.iter().all(|&q| drawn.iter().enumerate().all(|(j, &o)| j == s || d2(q, o) >= limit * limit));
        if clear {
            drawn[s] = (f64::INFINITY, f64::INFINITY);
            for (m, &q) in order.iter().zip(&slots) {
                layout.placed[*m] = Placed::At(q.0, q.1);
                drawn.push(q);
            }
        } else {
            group(&mut layout, crowd, seed);
        }
    }
    // 3. The points beside a lone one: one spacing away from it, towards where they are (or
    // the side that stays clearest), as a marker or a group; where no side is clear (a dense
    // crowd), they join the group or the marker drawn nearest.
    for (k, crowd) in beside.iter().enumerate() {
        if crowd.is_empty() {
            continue;
        }
        let at = points[lone[k]];
        let n = crowd.len() as f64;
        let centre = crowd.iter().fold((0.0, 0.0), |(x, y), &i| (x + points[i].0 / n, y + points[i].1 / n));
        let towards = if d2(centre, at) > 1e-6 { (centre.1 - at.1).atan2(centre.0 - at.0) } else { -std::f64::consts::FRAC_PI_2 };
        let spot = (0..16)
            .map(|step| {
                // Turning away from the wanted side by ever larger steps, both ways.
                let turn = ((step + 1) / 2) as f64 * std::f64::consts::FRAC_PI_4 / 2.0 * if step % 2 == 0 { 1.0 } else { -1.0 };
                let a = towards + turn;
                (at.0 + min_distance * a.cos(), at.1 + min_distance * a.sin())
            })
            .find(|&q| drawn.iter().all(|&o| d2(q, o) >= limit * limit));
        match (spot, crowd.as_slice()) {
            (Some(q), [one]) => {
                drawn.push(q);
                layout.placed[*one] = Placed::At(q.0, q.1);
            }
            (Some(q), _) => {
                drawn.push(q);
                group(&mut layout, crowd, q);
            }
            (None, _) => {
                // The nearest group, or lone marker of a seed, takes them in.
                let nearest_group = layout.groups.iter().enumerate().map(|(g, x)| (d2(x.at, centre), Some(g), None)).min_by(|a, b| a.0.total_cmp(&b.0));
                let nearest_seed = crowds
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.len() == 1 && matches!(layout.placed[c[0]], Placed::At(..)))
                    .map(|(s, _)| (d2(points[seeds[s]], centre), None, Some(seeds[s])))
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                match [nearest_group, nearest_seed].into_iter().flatten().min_by(|a, b| a.0.total_cmp(&b.0)) {
                    Some((_, Some(g), _)) => {
                        for &m in crowd {
                            layout.placed[m] = Placed::InGroup(g);
                        }
                        layout.groups[g].members.extend(crowd);
                        layout.groups[g].members.sort_unstable();
                    }
                    Some((_, None, Some(single))) => {
                        let q = points[single];
                        let all: Vec<usize> = crowd.iter().copied().chain([single]).collect();
                        group(&mut layout, &all, q);
                    }
                    _ => {
                        let q = (at.0, at.1 - min_distance);
                        group(&mut layout, crowd, q);
                    }
                }
            }
        }
    }
    layout
}

/// A screen rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }
}

/// Where a link between two side-by-side (or stacked) maps is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossLink {
    pub from: (f64, f64),
    pub to: (f64, f64),
    /// Control points of the cubic Bézier from `from` to `to`.
    pub c1: (f64, f64),
    pub c2: (f64, f64),
    /// Whether each end had to be brought back to its map's edge (the marker is out of view):
    /// the line then points towards it.
    pub from_clamped: bool,
    pub to_clamped: bool,
}

fn lerp(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

impl CrossLink {
    /// SVG path data.
    pub fn path(&self) -> String {
        let f = |(x, y): (f64, f64)| format!("{x:.1} {y:.1}");
        format!("M{} C{} {} {}", f(self.from), f(self.c1), f(self.c2), f(self.to))
    }

    /// The point at parameter `t` in [0, 1].
    pub fn point(&self, t: f64) -> (f64, f64) {
        let (a, b, c) = (lerp(self.from, self.c1, t), lerp(self.c1, self.c2, t), lerp(self.c2, self.to, t));
        lerp(lerp(a, b, t), lerp(b, c, t), t)
    }

    /// The same curve without its first and last `margin` pixels (measured along the curve):
    /// the line's hit area stops short of the markers, so that a marker under a line's end can
    /// still be pointed at.
    pub fn trimmed(&self, margin: f64) -> CrossLink {
        const N: usize = 64;
        let pts: Vec<(f64, f64)> = (0..=N).map(|i| self.point(i as f64 / N as f64)).collect();
        let mut acc = vec![0.0];
        for w in pts.windows(2) {
            acc.push(acc.last().unwrap() + ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt());
        }
        let total = *acc.last().unwrap();
        if total <= 2.0 * margin {
            return self.clone();
        }
        // The parameter at which the curve has run `len` pixels (linear within a sample step).
        let t_at = |len: f64| {
            let i = acc.iter().position(|&a| a >= len).unwrap_or(N).max(1);
            let (a, b) = (acc[i - 1], acc[i]);
            let within = if b > a { (len - a) / (b - a) } else { 0.0 };
            ((i - 1) as f64 + within.clamp(0.0, 1.0)) / N as f64
        };
        let (t0, t1) = (t_at(margin), t_at(total - margin));
        // De Casteljau: keep [t0, 1], then the part of it up to t1.
        let split_after = |c: &CrossLink, t: f64| {
            let (p01, p12, p23) = (lerp(c.from, c.c1, t), lerp(c.c1, c.c2, t), lerp(c.c2, c.to, t));
            let (p012, p123) = (lerp(p01, p12, t), lerp(p12, p23, t));
            CrossLink { from: lerp(p012, p123, t), c1: p123, c2: p23, to: c.to, ..c.clone() }
        };
        let split_before = |c: &CrossLink, t: f64| {
            let (p01, p12, p23) = (lerp(c.from, c.c1, t), lerp(c.c1, c.c2, t), lerp(c.c2, c.to, t));
            let (p012, p123) = (lerp(p01, p12, t), lerp(p12, p23, t));
            CrossLink { from: c.from, c1: p01, c2: p012, to: lerp(p012, p123, t), ..c.clone() }
        };
        let tail = split_after(self, t0);
        split_before(&tail, (t1 - t0) / (1.0 - t0))
    }
}

/// The segment from `inside` towards `outside`, cut where it leaves `r`.
fn clamp_towards(r: &Rect, inside: (f64, f64), outside: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (outside.0 - inside.0, outside.1 - inside.1);
    let mut t: f64 = 1.0;
    for (d, lo, hi, p) in [(dx, r.left, r.right, inside.0), (dy, r.top, r.bottom, inside.1)] {
        if d > 0.0 {
            t = t.min((hi - p) / d);
        } else if d < 0.0 {
            t = t.min((lo - p) / d);
        }
    }
    let t = t.clamp(0.0, 1.0);
    (inside.0 + dx * t, inside.1 + dy * t)
}

/// The link between a French marker at `fr` (in `fr_rect`, the French map's box) and a Korean
/// marker at `kr` (in `kr_rect`), in one screen coordinate system. The curve leaves each map
/// across the gutter (horizontally when `stacked` is false, vertically when true). An end whose
/// marker is out of its map's view is brought back to the map's edge, on the way to the marker.
pub fn cross_link(fr: (f64, f64), kr: (f64, f64), fr_rect: Rect, kr_rect: Rect, stacked: bool) -> CrossLink {
    let centre = |r: &Rect| ((r.left + r.right) / 2.0, (r.top + r.bottom) / 2.0);
    let from_clamped = !fr_rect.contains(fr);
    let to_clamped = !kr_rect.contains(kr);
    let from = if from_clamped { clamp_towards(&fr_rect, centre(&fr_rect), fr) } else { fr };
    let to = if to_clamped { clamp_towards(&kr_rect, centre(&kr_rect), kr) } else { kr };
    CrossLink { from_clamped, to_clamped, ..cross_curve(from, to, stacked) }
}

/// The curve across the gutter between two points already in their maps (a marker, or the
/// indicator on a map's edge that stands for markers beyond it): it leaves each map
/// horizontally (side by side) or vertically (`stacked`).
pub fn cross_curve(from: (f64, f64), to: (f64, f64), stacked: bool) -> CrossLink {
    let (c1, c2) = if stacked {
        let dy = (to.1 - from.1) * 0.5;
        ((from.0, from.1 + dy), (to.0, to.1 - dy))
    } else {
        let dx = (to.0 - from.0) * 0.5;
        ((from.0 + dx, from.1), (to.0 - dx, to.1))
    };
    CrossLink { from, to, c1, c2, from_clamped: false, to_clamped: false }
}

#[cfg(test)]
mod sphere_tests {
    use super::*;

    const PARIS: LatLng = LatLng { lat: 48.8566, lng: 2.3522 };
    const SEOUL: LatLng = LatLng { lat: 37.5665, lng: 126.978 };
    const TOKYO: LatLng = LatLng { lat: 35.6762, lng: 139.6503 };
    const SAN_FRANCISCO: LatLng = LatLng { lat: 37.7749, lng: -122.4194 };

    #[test]
    fn known_great_circle_distances() {
        // Paris–Seoul is about 8,950 km; London–New York about 5,570 km.
        assert!((distance_km(PARIS, SEOUL) - 8955.0).abs() < 30.0, "{}", distance_km(PARIS, SEOUL));
        let london = LatLng { lat: 51.5074, lng: -0.1278 };
        let new_york = LatLng { lat: 40.7128, lng: -74.006 };
        assert!((distance_km(london, new_york) - 5570.0).abs() < 20.0);
        // A quarter of the equator.
        let q = distance_km(LatLng { lat: 0.0, lng: 0.0 }, LatLng { lat: 0.0, lng: 90.0 });
        assert!((q - EARTH_RADIUS_KM * std::f64::consts::FRAC_PI_2).abs() < 1e-6);
    }

    #[test]
    fn the_arc_ends_on_both_cities_and_its_midpoint_is_halfway() {
        let arc = great_circle(PARIS, SEOUL, 64);
        assert_eq!(arc.len(), 65);
        assert!((arc[0].lat - PARIS.lat).abs() < 1e-9 && (arc[0].lng - PARIS.lng).abs() < 1e-9);
        assert!((arc[64].lat - SEOUL.lat).abs() < 1e-9 && (arc[64].lng - SEOUL.lng).abs() < 1e-9);
        let mid = arc[32];
        let total = distance_km(PARIS, SEOUL);
        assert!((distance_km(PARIS, mid) - total / 2.0).abs() < 1e-6 * total);
        assert!((distance_km(mid, SEOUL) - total / 2.0).abs() < 1e-6 * total);
        // The great circle from Paris to Seoul passes far north, over Siberia.
        assert!(mid.lat > 60.0, "midpoint {mid:?}");
        // Midpoint of two points on the equator is on the equator halfway.
        let m = great_circle(LatLng { lat: 0.0, lng: 10.0 }, LatLng { lat: 0.0, lng: 50.0 }, 2)[1];
        assert!(m.lat.abs() < 1e-9 && (m.lng - 30.0).abs() < 1e-9);
    }

    #[test]
    fn an_arc_across_the_antimeridian_stays_continuous() {
        let arc = great_circle(TOKYO, SAN_FRANCISCO, 100);
        for w in arc.windows(2) {
            assert!((w[1].lng - w[0].lng).abs() < 10.0, "jump between {:?} and {:?}", w[0], w[1]);
        }
        // It goes east past 180° rather than back across the whole map.
        assert!(arc.iter().any(|p| p.lng > 180.0));
        let end = arc.last().unwrap();
        assert!((end.lng - (SAN_FRANCISCO.lng + 360.0)).abs() < 1e-9);
        // And it bows north, over the North Pacific.
        assert!(arc[50].lat > 45.0, "{:?}", arc[50]);
    }

    fn d(a: (f64, f64), b: (f64, f64)) -> f64 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    /// What a layout draws: single markers and ring slots, then group markers.
    fn drawn(l: &MarkerLayout) -> Vec<(f64, f64)> {
        l.placed.iter().filter_map(|p| match p { Placed::At(x, y) => Some((*x, *y)), _ => None }).chain(l.groups.iter().map(|g| g.at)).collect()
    }

    fn assert_apart(l: &MarkerLayout, min: f64, label: &str) {
        let drawn = drawn(l);
        for i in 0..drawn.len() {
            for j in i + 1..drawn.len() {
                assert!(d(drawn[i], drawn[j]) >= RING_SLACK * min - 1e-6, "{label}: {i} and {j} are {} px apart", d(drawn[i], drawn[j]));
            }
        }
    }

    #[test]
    fn overlapping_markers_are_spread_on_a_small_ring_and_lone_ones_stay() {
        let pts = [(100.0, 100.0), (101.0, 100.0), (100.0, 102.0), (300.0, 300.0)];
        let l = layout_markers(&pts, 20.0, 20.0);
        assert!(l.groups.is_empty());
        assert_eq!(l.placed[3], Placed::At(300.0, 300.0));
        assert_apart(&l, 20.0, "three on a ring");
        for p in &l.placed[..3] {
            let Placed::At(x, y) = *p else { panic!("{p:?}") };
            // Still near where they were: a ring of three is 11.5 px wide at 20 px apart.
            assert!(d((x, y), (100.3, 100.7)) < 12.0, "{x}, {y}");
        }
        assert_eq!(layout_markers(&pts, 20.0, 20.0), l, "deterministic");
        assert_eq!(layout_markers(&[(1.0, 1.0)], 20.0, 20.0).placed, vec![Placed::At(1.0, 1.0)]);
        assert!(layout_markers(&[], 20.0, 20.0).placed.is_empty());
    }

    #[test]
    fn a_crowd_too_big_for_a_small_ring_is_one_group_where_its_first_member_is() {
        // Paris and six neighbours within 15 px on a phone (44 px targets): a ring of seven would
        // be 51 px wide and put Paris in Normandy. It is one group, drawn on Paris.
        let paris: Vec<(f64, f64)> = (0..7).map(|i| (200.0 + (i * 5 % 13) as f64, 150.0 + (i * 7 % 11) as f64)).collect();
        let l = layout_markers(&paris, 49.0, 49.0);
        assert_eq!(l.groups.len(), 1);
        assert_eq!(l.groups[0].at, paris[0]);
        assert_eq!(l.groups[0].members, (0..7).collect::<Vec<_>>());
        // With room for a ring of seven (a bigger map), they are spread instead, each near home.
        let spread = layout_markers(&paris, 49.0, 60.0);
        assert!(spread.groups.is_empty());
        for (p, &home) in spread.placed.iter().zip(&paris) {
            let Placed::At(x, y) = *p else { panic!() };
            assert!(d((x, y), home) <= 60.0 + 15.0, "{x}, {y} from {home:?}");
        }
    }

    /// Regression (issue 15): on a phone, every Korean marker but Jeju was one group "21",
    /// crowds chaining into each other across the country. Korea at zoom 6, 44 px targets.
    #[test]
    fn a_country_with_a_crowded_capital_is_not_one_group() {
        use crate::domain::screen::mercator;
        let places = [
            (37.5658, 126.9781), (37.495, 126.8869), (37.6564, 126.835), (37.4989, 126.7831), (37.4565, 126.7052),
            (37.8328, 126.8169), (37.2911, 127.0089), (37.4897, 127.4906), (37.2667, 127.4333), (37.6925, 127.88),
            (38.1081, 127.9894), (37.1731, 128.9861), (36.6372, 127.4897), (36.35, 127.385), (36.0, 127.6667),
            (36.5667, 128.7167), (35.8703, 128.5911), (35.85, 129.2167), (35.1017, 129.03), (35.2281, 128.6811),
            (35.1928, 128.0847), (34.9506, 127.4875), (35.0292, 126.7175), (34.8339, 126.3513), (33.3667, 126.5333),
        ];
        let px: Vec<(f64, f64)> = places
            .iter()
            .map(|&(lat, lng)| {
                let (x, y) = mercator(LatLng { lat, lng });
                (x * 256.0 * 64.0, y * 256.0 * 64.0)
            })
            .collect();
        let l = layout_markers(&px, 49.0, 49.0);
        assert_apart(&l, 49.0, "Korea");
        let biggest = l.groups.iter().map(|g| g.members.len()).max().unwrap_or(1);
        let shown = drawn(&l).len();
        assert!(biggest <= 10, "the largest group holds {biggest} of 25");
        assert!(shown >= 8, "only {shown} markers drawn for 25 authorities");
        // Every group stands on one of its members, and every member is within reach of it.
        for g in &l.groups {
            assert!(g.members.iter().any(|&m| px[m] == g.at));
            assert!(g.members.iter().all(|&m| d(px[m], g.at) < 49.0));
        }
    }

    /// Regression (issue 15): the selected pair's end stood on its own over a group marker
    /// (axe: target-size), when markers stood apart only from each other.
    #[test]
    fn a_point_standing_alone_is_never_covered_and_its_neighbours_stand_beside_it() {
        // Paris (selected) among six neighbours, and a town further off.
        let mut pts: Vec<(f64, f64)> = (0..7).map(|i| (200.0 + (i * 5 % 13) as f64, 150.0 + (i * 7 % 11) as f64)).collect();
        pts.push((400.0, 150.0));
        let l = layout_markers_around(&pts, &[0], 49.0, 49.0);
        assert_eq!(l.placed[0], Placed::At(pts[0].0, pts[0].1), "the lone point stays where it is");
        assert_apart(&l, 49.0, "beside a lone point");
        assert_eq!(l.groups.len(), 1);
        assert_eq!(l.groups[0].members, (1..7).collect::<Vec<_>>());
        let g = l.groups[0].at;
        assert!((d(g, pts[0]) - 49.0).abs() < 1e-6, "one spacing away: {g:?}");
        assert_eq!(l.placed[7], Placed::At(400.0, 150.0));
        // One neighbour only: a marker beside it, not a group of one.
        let l = layout_markers_around(&[(10.0, 10.0), (12.0, 11.0)], &[0], 30.0, 30.0);
        assert!(l.groups.is_empty());
        let Placed::At(x, y) = l.placed[1] else { panic!() };
        assert!((d((x, y), (10.0, 10.0)) - 30.0).abs() < 1e-6);
        // Random clouds with lone points: nothing overlaps, every point accounted for.
        let mut seed = 11u64;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for round in 0..40 {
            let cloud: Vec<(f64, f64)> = (0..40).map(|_| (rnd() * 300.0, rnd() * 200.0)).collect();
            let l = layout_markers_around(&cloud, &[round % 40, (round * 7) % 40], 44.0, 44.0);
            let grouped: usize = l.groups.iter().map(|g| g.members.len()).sum();
            assert_eq!(grouped + l.placed.iter().filter(|p| matches!(p, Placed::At(..))).count(), 40);
            for &i in &[round % 40, (round * 7) % 40] {
                assert_eq!(l.placed[i], Placed::At(cloud[i].0, cloud[i].1), "round {round}");
            }
            // Two lone points may stand close to each other; nothing else may.
            let lone = [cloud[round % 40], cloud[(round * 7) % 40]];
            let drawn = drawn(&l);
            for (a, p) in drawn.iter().enumerate() {
                for q in &drawn[a + 1..] {
                    let both_lone = lone.contains(p) && lone.contains(q);
                    assert!(both_lone || d(*p, *q) >= RING_SLACK * 44.0 - 1e-6, "round {round}: {p:?} {q:?}");
                }
            }
        }
    }

    #[test]
    fn whatever_the_input_nothing_drawn_overlaps_and_nothing_strays() {
        let mut seed = 7u64;
        let mut rnd = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        for round in 0..60 {
            let cloud: Vec<(f64, f64)> = (0..60).map(|_| (rnd() * 300.0, rnd() * 200.0)).collect();
            let max_radius = 20.0 + (round % 6) as f64 * 10.0;
            let l = layout_markers(&cloud, 44.0, max_radius);
            assert_apart(&l, 44.0, &format!("round {round}"));
            let grouped: usize = l.groups.iter().map(|g| g.members.len()).sum();
            assert_eq!(grouped + l.placed.iter().filter(|p| matches!(p, Placed::At(..))).count(), 60);
            for (i, p) in l.placed.iter().enumerate() {
                match *p {
                    // A ring's member is at most its crowd's reach plus the ring's radius away.
                    Placed::At(x, y) => assert!(d((x, y), cloud[i]) <= 44.0 + max_radius, "round {round}: {i} strayed"),
                    Placed::InGroup(g) => assert!(d(l.groups[g].at, cloud[i]) < 44.0, "round {round}: {i} far from its group"),
                }
            }
        }
        // Thousands of points on a fine grid: groups, quickly.
        let many: Vec<(f64, f64)> = (0..20_000).map(|i| ((i % 400) as f64 * 3.0, (i / 400) as f64 * 3.0)).collect();
        let l = layout_markers(&many, 20.0, 20.0);
        assert!(!l.groups.is_empty() && l.placed.iter().all(|p| matches!(p, Placed::InGroup(_))));
    }

    #[test]
    fn a_trimmed_link_keeps_its_course_but_stops_short_of_both_ends() {
        let fr = Rect { left: 0.0, top: 0.0, right: 400.0, bottom: 600.0 };
        let kr = Rect { left: 450.0, top: 0.0, right: 850.0, bottom: 600.0 };
        let l = cross_link((100.0, 300.0), (700.0, 100.0), fr, kr, false);
        let t = l.trimmed(12.0);
        let d = |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert!((d(t.from, l.from) - 12.0).abs() < 2.0, "{:?}", t.from);
        assert!((d(t.to, l.to) - 12.0).abs() < 2.0, "{:?}", t.to);
        // The middle of the trimmed curve lies on the original curve.
        let m = t.point(0.5);
        let closest = (0..=1000).map(|i| d(l.point(i as f64 / 1000.0), m)).fold(f64::MAX, f64::min);
        assert!(closest < 0.5, "{closest}");
        // Too short to trim: unchanged.
        let short = cross_link((395.0, 300.0), (455.0, 300.0), fr, kr, false);
        assert_eq!(short.trimmed(40.0), short);
    }

    #[test]
    fn a_cross_link_ends_on_visible_markers_and_points_towards_hidden_ones() {
        let fr = Rect { left: 0.0, top: 0.0, right: 400.0, bottom: 600.0 };
        let kr = Rect { left: 450.0, top: 0.0, right: 850.0, bottom: 600.0 };
        let l = cross_link((200.0, 300.0), (700.0, 100.0), fr, kr, false);
        assert_eq!((l.from, l.to), ((200.0, 300.0), (700.0, 100.0)));
        assert!(!l.from_clamped && !l.to_clamped);
        assert_eq!(l.c1.1, 300.0, "leaves the French map horizontally");
        assert!(l.path().starts_with("M200.0 300.0 C"));
        // A Korean marker scrolled out above its map: the line stops at the top edge, heading to it.
        let l = cross_link((200.0, 300.0), (700.0, -300.0), fr, kr, false);
        assert!(l.to_clamped);
        assert_eq!(l.to.1, 0.0);
        assert!(l.to.0 > 650.0 && l.to.0 <= 700.0, "{:?}", l.to);
        // Stacked maps: the curve leaves vertically.
        let top = Rect { left: 0.0, top: 0.0, right: 390.0, bottom: 300.0 };
        let bottom = Rect { left: 0.0, top: 340.0, right: 390.0, bottom: 640.0 };
        let l = cross_link((100.0, 150.0), (300.0, 500.0), top, bottom, true);
        assert_eq!(l.c1.0, 100.0);
        assert_eq!(l.c2.0, 300.0);
    }
}
