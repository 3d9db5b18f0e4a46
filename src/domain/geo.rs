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

/// Rings of more than this many markers are not drawn: a ring of hundreds of markers would stray
/// far from where they are. [`layout_markers`] gathers them into one group marker instead.
pub const MAX_RING: usize = 16;

/// The largest ring (at most [`MAX_RING`]) whose radius, with neighbours `min_distance` apart,
/// stays within `max_radius`: on a small map, rings must stay small to stay truthful.
pub fn max_ring_within(min_distance: f64, max_radius: f64) -> usize {
    (2..=MAX_RING).take_while(|&k| ring_radius(min_distance, k) <= max_radius).last().unwrap_or(1)
}

/// Radius of a ring of `k` points on which neighbours stand `min_distance` apart.
fn ring_radius(min_distance: f64, k: usize) -> f64 {
    (min_distance / (2.0 * (std::f64::consts::PI / k as f64).sin())).max(min_distance / 2.0)
}

/// Groups of points each within `min_distance` of another member (union–find), comparing only
/// points in neighbouring cells of a `min_distance` grid: linear time, not quadratic. Sorted by
/// their smallest member, members in increasing order; lone points are groups of one.
fn overlapping_groups(points: &[(f64, f64)], min_distance: f64) -> Vec<Vec<usize>> {
    let n = points.len();
    // A hair of tolerance: points on a ring stand exactly `min_distance` apart.
    let limit = min_distance - 1e-6;
    let mut parent: Vec<usize> = (0..n).collect();
    let cell = |p: (f64, f64)| ((p.0 / min_distance).floor() as i64, (p.1 / min_distance).floor() as i64);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (i, &p) in points.iter().enumerate() {
        grid.entry(cell(p)).or_default().push(i);
    }
    for (i, &p) in points.iter().enumerate() {
        let (cx, cy) = cell(p);
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &j in grid.get(&(gx, gy)).map(Vec::as_slice).unwrap_or(&[]) {
                    let (dx, dy) = (p.0 - points[j].0, p.1 - points[j].1);
                    if j > i && dx * dx + dy * dy < limit * limit {
                        union(&mut parent, i, j);
                    }
                }
            }
        }
    }
    sets(&mut parent)
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    parent[ra] = rb;
}

/// The sets of a union–find, each sorted, ordered by their smallest member.
fn sets(parent: &mut [usize]) -> Vec<Vec<usize>> {
    let mut by_root: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for i in 0..parent.len() {
        let r = root(parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// Where each marker is drawn: at a point of its own, or inside a group marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placed {
    At(f64, f64),
    /// Index into [`MarkerLayout::groups`].
    InGroup(usize),
}

/// Markers too crowded to tell apart, drawn as one marker that zooms in on them.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerGroup {
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
/// [`RING_SLACK`] × `min_distance`. Markers within `min_distance` of each other form a cluster:
/// a lone marker stays where it is, a cluster of at most `max_ring` is spread on a ring around
/// its centre (members ordered by their angle from it), a bigger one is drawn as one group marker
/// at its centre. Clusters whose drawings would touch are merged and drawn again, until none
/// does. Deterministic.
pub fn layout_markers(points: &[(f64, f64)], min_distance: f64, max_ring: usize) -> MarkerLayout {
    let mut clusters = overlapping_groups(points, min_distance);
    loop {
        // Draw each cluster: where, which cluster, which marker (none for a group marker).
        let mut drawn: Vec<((f64, f64), usize, Option<usize>)> = Vec::with_capacity(points.len());
        for (c, members) in clusters.iter().enumerate() {
            let k = members.len() as f64;
            let centre = members.iter().fold((0.0, 0.0), |(x, y), &i| (x + points[i].0 / k, y + points[i].1 / k));
            match members.len() {
                1 => drawn.push((points[members[0]], c, Some(members[0]))),
                n if n <= max_ring => {
                    let radius = ring_radius(min_distance, n);
                    let angle = |i: usize| (points[i].1 - centre.1).atan2(points[i].0 - centre.0);
                    let mut order = members.clone();
                    order.sort_by(|&a, &b| angle(a).total_cmp(&angle(b)).then(a.cmp(&b)));
                    for (slot, m) in order.into_iter().enumerate() {
                        let theta = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * slot as f64 / k;
                        drawn.push(((centre.0 + radius * theta.cos(), centre.1 + radius * theta.sin()), c, Some(m)));
                    }
                }
                _ => drawn.push((centre, c, None)),
            }
        }
        let at: Vec<(f64, f64)> = drawn.iter().map(|d| d.0).collect();
        let touching: Vec<Vec<usize>> = overlapping_groups(&at, RING_SLACK * min_distance).into_iter().filter(|g| g.len() > 1).collect();
        if touching.is_empty() {
            let mut layout = MarkerLayout { placed: vec![Placed::At(0.0, 0.0); points.len()], groups: Vec::new() };
            for (at, c, marker) in drawn {
                match marker {
                    Some(m) => layout.placed[m] = Placed::At(at.0, at.1),
                    None => {
                        for &m in &clusters[c] {
                            layout.placed[m] = Placed::InGroup(layout.groups.len());
                        }
                        layout.groups.push(MarkerGroup { at, members: clusters[c].clone() });
                    }
                }
            }
            return layout;
        }
        // Merge the clusters whose drawings touch (each such set spans at least two clusters:
        // a ring's own points stand `min_distance` apart, so this ends).
        let mut parent: Vec<usize> = (0..clusters.len()).collect();
        for g in &touching {
            for w in g.windows(2) {
                union(&mut parent, drawn[w[0]].1, drawn[w[1]].1);
            }
        }
        clusters = sets(&mut parent)
            .into_iter()
            .map(|cs| {
                let mut members: Vec<usize> = cs.iter().flat_map(|&c| clusters[c].iter().copied()).collect();
                members.sort_unstable();
                members
            })
            .collect();
        clusters.sort_by_key(|m| m[0]);
    }
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
    let (c1, c2) = if stacked {
        let dy = (to.1 - from.1) * 0.5;
        ((from.0, from.1 + dy), (to.0, to.1 - dy))
    } else {
        let dx = (to.0 - from.0) * 0.5;
        ((from.0 + dx, from.1), (to.0 - dx, to.1))
    };
    CrossLink { from, to, c1, c2, from_clamped, to_clamped }
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

    /// Where each marker is drawn when no group is needed.
    fn spread_overlapping(points: &[(f64, f64)], min_distance: f64) -> Vec<(f64, f64)> {
        let l = layout_markers(points, min_distance, MAX_RING);
        assert!(l.groups.is_empty());
        l.placed.iter().map(|p| match p { Placed::At(x, y) => (*x, *y), Placed::InGroup(_) => unreachable!() }).collect()
    }

    #[test]
    fn overlapping_markers_are_spread_apart_and_lone_ones_stay() {
        let pts = [(100.0, 100.0), (101.0, 100.0), (100.0, 102.0), (300.0, 300.0)];
        let out = spread_overlapping(&pts, 20.0);
        assert_eq!(out[3], (300.0, 300.0));
        for i in 0..3 {
            for j in i + 1..3 {
                let d = ((out[i].0 - out[j].0).powi(2) + (out[i].1 - out[j].1).powi(2)).sqrt();
                assert!(d >= 19.9, "{i} and {j} are {d} px apart");
            }
            // Still near where they were.
            assert!(((out[i].0 - 100.0).powi(2) + (out[i].1 - 100.0).powi(2)).sqrt() < 20.0);
        }
        assert_eq!(spread_overlapping(&pts, 20.0), out, "deterministic");
        // A dense crowd (a capital and its districts at country zoom): nobody overlaps after.
        let crowd: Vec<(f64, f64)> = (0..14).map(|i| (200.0 + (i * 37 % 41) as f64, 200.0 + (i * 53 % 29) as f64)).collect();
        let spread = spread_overlapping(&crowd, 20.0);
        for i in 0..spread.len() {
            for j in i + 1..spread.len() {
                let d = ((spread[i].0 - spread[j].0).powi(2) + (spread[i].1 - spread[j].1).powi(2)).sqrt();
                assert!(d >= 19.5, "{i} and {j} are {d} px apart");
            }
        }
        assert_eq!(spread_overlapping(&[(1.0, 1.0)], 20.0), vec![(1.0, 1.0)]);
    }

    #[test]
    fn crowds_too_big_for_a_ring_become_one_group_and_nothing_drawn_overlaps() {
        let d = |a: (f64, f64), b: (f64, f64)| ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        // Korea at world zoom: 26 authorities within 40 px, and France far away with a crowd of 5.
        let mut pts: Vec<(f64, f64)> = (0..26).map(|i| (900.0 + (i * 7 % 30) as f64, 440.0 + (i * 11 % 40) as f64)).collect();
        pts.extend([(300.0, 400.0), (305.0, 402.0), (310.0, 398.0), (302.0, 410.0), (298.0, 395.0)]);
        let layout = layout_markers(&pts, 34.0, MAX_RING);
        assert_eq!(layout.groups.len(), 1);
        assert_eq!(layout.groups[0].members, (0..26).collect::<Vec<_>>());
        let (gx, gy) = layout.groups[0].at;
        assert!((gx - 914.0).abs() < 20.0 && (gy - 460.0).abs() < 25.0, "the group stands where its members are: {gx}, {gy}");
        for i in 0..26 {
            assert_eq!(layout.placed[i], Placed::InGroup(0));
        }
        // What is drawn (the group and the five French markers on their ring) stands apart.
        let mut drawn: Vec<(f64, f64)> = layout.placed.iter().filter_map(|p| match p { Placed::At(x, y) => Some((*x, *y)), _ => None }).collect();
        assert_eq!(drawn.len(), 5);
        drawn.push(layout.groups[0].at);
        for i in 0..drawn.len() {
            for j in i + 1..drawn.len() {
                assert!(d(drawn[i], drawn[j]) >= 33.9, "{i} and {j} are {} px apart", d(drawn[i], drawn[j]));
            }
        }
        // Small crowds are only spread, as before; the same input gives the same layout.
        let small = [(100.0, 100.0), (101.0, 100.0), (300.0, 300.0)];
        let l = layout_markers(&small, 20.0, MAX_RING);
        assert!(l.groups.is_empty());
        let spread = spread_overlapping(&small, 20.0);
        assert_eq!(l.placed, spread.iter().map(|&(x, y)| Placed::At(x, y)).collect::<Vec<_>>());
        assert_eq!(layout_markers(&pts, 34.0, MAX_RING), layout);
        // Two crowds that stand apart stay two groups. A marker standing in the hollow of a crowd
        // (a ring of 40 points around it, 40 px away) is not part of it, but the group marker
        // would cover it: it joins the group.
        let circle = |cx: f64| (0..40).map(move |i| {
            let a = i as f64 * std::f64::consts::TAU / 40.0;
            (cx + 40.0 * a.cos(), 40.0 * a.sin())
        });
        let mut two: Vec<(f64, f64)> = circle(0.0).chain(circle(500.0)).collect();
        two.push((0.0, 0.0));
        let l = layout_markers(&two, 34.0, MAX_RING);
        assert_eq!(l.groups.iter().map(|g| g.members.len()).collect::<Vec<_>>(), [41, 40]);
        assert_eq!(l.placed[80], Placed::InGroup(0));
        // Thousands of points: a few groups, quickly.
        let many: Vec<(f64, f64)> = (0..20_000).map(|i| ((i % 400) as f64 * 3.0, (i / 400) as f64 * 3.0)).collect();
        let l = layout_markers(&many, 20.0, MAX_RING);
        assert!(!l.groups.is_empty() && l.placed.iter().all(|p| matches!(p, Placed::InGroup(_))));
        assert!(layout_markers(&[], 20.0, MAX_RING).placed.is_empty());
        // On a small map rings stay small: 9 close markers with rings of at most 5 are one group.
        let nine: Vec<(f64, f64)> = (0..9).map(|i| (100.0 + i as f64 * 3.0, 100.0)).collect();
        assert_eq!(layout_markers(&nine, 44.0, 5).groups.len(), 1);
        assert!(layout_markers(&nine, 44.0, MAX_RING).groups.is_empty());
        assert_eq!(max_ring_within(44.0, 39.0), 5);
        assert_eq!(max_ring_within(34.0, 59.0), 10);
        assert_eq!(max_ring_within(34.0, 1000.0), MAX_RING);
        assert_eq!(max_ring_within(44.0, 10.0), 1);
        // Whatever the input, nothing drawn overlaps (random clouds, small rings).
        let mut seed = 7u64;
        let mut rnd = || { seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (seed >> 33) as f64 / (1u64 << 31) as f64 };
        for round in 0..40 {
            let cloud: Vec<(f64, f64)> = (0..60).map(|_| (rnd() * 300.0, rnd() * 200.0)).collect();
            let l = layout_markers(&cloud, 44.0, 2 + round % 6);
            let drawn: Vec<(f64, f64)> = l.placed.iter().filter_map(|p| match p { Placed::At(x, y) => Some((*x, *y)), _ => None }).chain(l.groups.iter().map(|g| g.at)).collect();
            for i in 0..drawn.len() {
                for j in i + 1..drawn.len() {
                    assert!(d(drawn[i], drawn[j]) >= RING_SLACK * 44.0 - 1e-6, "round {round}: {i} and {j} are {} px apart", d(drawn[i], drawn[j]));
                }
            }
            assert_eq!(l.groups.iter().map(|g| g.members.len()).sum::<usize>() + l.placed.iter().filter(|p| matches!(p, Placed::At(..))).count(), 60);
        }
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
