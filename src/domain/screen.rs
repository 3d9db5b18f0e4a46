//! Screen geometry for drawing thousands of links on one canvas: Web Mercator as Leaflet
//! projects it, the number of segments an arc needs, and finding what lies under the pointer.
//! Pure, so that it is tested natively; the canvas itself is in `map::scene`.

use super::dataset::LatLng;
use super::geo::distance_km;

/// Leaflet's limit of the spherical Mercator projection (EPSG:3857).
const MAX_LATITUDE: f64 = 85.051_128_779_8;

/// Web Mercator in the unit square: (0, 0) is 180° W at the top, (1, 1) 180° E at the bottom.
/// A map at zoom `z` draws this square `256 × 2^z` pixels wide, as Leaflet does. Longitudes
/// beyond ±180° (unwrapped arcs) give `x` outside [0, 1].
pub fn mercator(p: LatLng) -> (f64, f64) {
    let lat = p.lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let x = 0.5 + p.lng / 360.0;
    let y = 0.5 - (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln() / (2.0 * std::f64::consts::PI);
    (x, y)
}

/// From the unit square to a map's screen pixels: `scale` is `256 × 2^zoom` and `centre` is
/// where the middle of the square (0°, 0°) is on the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub scale: f64,
    pub centre: (f64, f64),
}

impl Projection {
    pub fn at(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - 0.5) * self.scale + self.centre.0, (y - 0.5) * self.scale + self.centre.1)
    }
}

/// How many straight segments draw the great circle from `a` to `b` smoothly: one per ~400 km,
/// at least 1, at most 24 (Paris–Seoul, 8,960 km, gets 23).
pub fn arc_segments(a: LatLng, b: LatLng) -> usize {
    ((distance_km(a, b) / 400.0).ceil() as usize).clamp(1, 24)
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

/// What was drawn where in the last frame, to answer "what is under the pointer": points (the
/// markers) and polylines (the links), each with the caller's index.
#[derive(Debug, Default)]
pub struct Hits {
    /// (index, x, y, radius drawn)
    points: Vec<(usize, f32, f32, f32)>,
    /// (index, first point, end) into `line_points`, and the polyline's bounding box.
    lines: Vec<(usize, u32, u32, [f32; 4])>,
    line_points: Vec<(f32, f32)>,
}

/// What [`Hits::pick`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Point(usize),
    Line(usize),
}

impl Hits {
    pub fn clear(&mut self) {
        self.points.clear();
        self.lines.clear();
        self.line_points.clear();
    }

    /// Adds a point drawn `radius` pixels wide (a group marker): it is picked anywhere on it.
    pub fn add_point(&mut self, index: usize, (x, y): (f64, f64), radius: f64) {
        self.points.push((index, x as f32, y as f32, radius as f32));
    }

    /// Adds a polyline; an empty or one-point line is ignored.
    pub fn add_line(&mut self, index: usize, points: impl IntoIterator<Item = (f64, f64)>) {
        let start = self.line_points.len();
        let mut bbox = [f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY];
        for (x, y) in points {
            let (x, y) = (x as f32, y as f32);
            bbox = [bbox[0].min(x), bbox[1].min(y), bbox[2].max(x), bbox[3].max(y)];
            self.line_points.push((x, y));
        }
        if self.line_points.len() - start < 2 {
            self.line_points.truncate(start);
            return;
        }
        self.lines.push((index, start as u32, self.line_points.len() as u32, bbox));
    }

    pub fn point_count(&self) -> usize {
        self.points.len()
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The nearest point within `point_radius` of `at`, or within its own radius for a larger
    /// one (points win: a marker sits on its lines' ends, and a tap on a group is the group's
    /// whatever lines pass there), else the nearest line within `line_radius`; among equals,
    /// the one drawn last (on top).
    pub fn pick(&self, at: (f64, f64), point_radius: f64, line_radius: f64) -> Option<Hit> {
        let (px, py) = (at.0 as f32, at.1 as f32);
        let mut best: Option<(f32, Hit)> = None;
        for &(i, x, y, r) in &self.points {
            let d = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
            if d <= (point_radius as f32).max(r) && best.is_none_or(|(b, _)| d <= b) {
                best = Some((d, Hit::Point(i)));
            }
        }
        if best.is_some() {
            return best.map(|(_, h)| h);
        }
        let r = line_radius as f32;
        for &(i, start, end, [x0, y0, x1, y1]) in &self.lines {
            if px < x0 - r || px > x1 + r || py < y0 - r || py > y1 + r {
                continue;
            }
            let pts = &self.line_points[start as usize..end as usize];
            for w in pts.windows(2) {
                let d = segment_distance(at, (w[0].0 as f64, w[0].1 as f64), (w[1].0 as f64, w[1].1 as f64)) as f32;
                if d <= r && best.is_none_or(|(b, _)| d <= b) {
                    best = Some((d, Hit::Line(i)));
                }
            }
        }
        best.map(|(_, h)| h)
    }
}

/// Inverse of [`mercator`].
pub fn unmercator((x, y): (f64, f64)) -> LatLng {
    let lng = (x - 0.5) * 360.0;
    let lat = (2.0 * ((0.5 - y) * 2.0 * std::f64::consts::PI).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    LatLng { lat, lng }
}

impl Projection {
    /// Inverse of [`Projection::at`].
    pub fn unit(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.centre.0) / self.scale + 0.5, (y - self.centre.1) / self.scale + 0.5)
    }
}

/// Points that fall in one grid cell of the screen, drawn as one marker with their number.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub group: u8,
    /// Indices into the clustered points, in input order.
    pub members: Vec<usize>,
    /// The members' centroid.
    pub at: (f64, f64),
}

/// Groups points per `cell`-pixel square of the screen and per `group` (a French and a Korean
/// authority are never merged); then groups whose centres stand closer than `cell` join the
/// larger one, so that group markers do not cover each other. Returns the clusters, and each
/// point's cluster. Deterministic: clusters are in order of their first member.
pub fn cluster(points: &[(u8, (f64, f64))], cell: f64) -> (Vec<Cluster>, Vec<usize>) {
    use rustc_hash::FxHashMap as HashMap;
    let key = |group: u8, (x, y): (f64, f64)| (group, (x / cell).floor() as i64, (y / cell).floor() as i64);
    // 1. Per cell: members and the sum of their positions.
    let mut cells: HashMap<(u8, i64, i64), usize> = HashMap::default();
    let mut groups: Vec<(u8, Vec<usize>, (f64, f64))> = Vec::new();
    for (i, &(group, p)) in points.iter().enumerate() {
        let c = *cells.entry(key(group, p)).or_insert_with(|| {
            groups.push((group, Vec::new(), (0.0, 0.0)));
            groups.len() - 1
        });
        groups[c].1.push(i);
        groups[c].2 = (groups[c].2 .0 + p.0, groups[c].2 .1 + p.1);
    }
    let centre = |g: &(u8, Vec<usize>, (f64, f64))| (g.2 .0 / g.1.len() as f64, g.2 .1 / g.1.len() as f64);
    // 2. Neighbouring groups too close to each other: the smaller joins the larger.
    let mut near: HashMap<(u8, i64, i64), Vec<usize>> = HashMap::default();
    for (c, g) in groups.iter().enumerate() {
        near.entry(key(g.0, centre(g))).or_default().push(c);
    }
    let mut by_size: Vec<usize> = (0..groups.len()).collect();
    by_size.sort_by_key(|&c| (std::cmp::Reverse(groups[c].1.len()), c));
    let mut into: Vec<usize> = (0..groups.len()).collect();
    for &c in &by_size {
        if into[c] != c {
            continue;
        }
        let (group, at) = (groups[c].0, centre(&groups[c]));
        let (_, kx, ky) = key(group, at);
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &o in near.get(&(group, kx + dx, ky + dy)).map(Vec::as_slice).unwrap_or(&[]) {
                    if o == c || into[o] != o || groups[o].1.len() > groups[c].1.len() {
                        continue;
                    }
                    let q = centre(&groups[o]);
                    if ((q.0 - at.0).powi(2) + (q.1 - at.1).powi(2)).sqrt() < cell {
                        into[o] = c;
                        let (members, sum) = (std::mem::take(&mut groups[o].1), groups[o].2);
                        groups[c].1.extend(members);
                        groups[c].2 = (groups[c].2 .0 + sum.0, groups[c].2 .1 + sum.1);
                    }
                }
            }
        }
    }
    // 3. The remaining groups, in order of their first member.
    let mut kept: Vec<usize> = (0..groups.len()).filter(|&c| into[c] == c).collect();
    for &c in &kept {
        groups[c].1.sort_unstable();
    }
    kept.sort_by_key(|&c| groups[c].1[0]);
    let mut of = vec![0; points.len()];
    let clusters = kept
        .iter()
        .enumerate()
        .map(|(n, &c)| {
            for &m in &groups[c].1 {
                of[m] = n;
            }
            Cluster { group: groups[c].0, members: groups[c].1.clone(), at: centre(&groups[c]) }
        })
        .collect();
    (clusters, of)
}

/// The links between two clusters, drawn as one line as thick as they are many.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The two clusters, in the links' order (French end, Korean end).
    pub ends: (usize, usize),
    /// The caller's link indices.
    pub links: Vec<usize>,
    /// The style all its links share, `None` when they differ.
    pub style: Option<usize>,
}

/// Bundles links `(index, cluster of one end, cluster of the other, style)` by their pair of
/// clusters, in order of first link.
pub fn bundle(links: impl IntoIterator<Item = (usize, usize, usize, usize)>) -> Vec<Bundle> {
    let mut by_ends: rustc_hash::FxHashMap<(usize, usize), usize> = Default::default();
    let mut bundles: Vec<Bundle> = Vec::new();
    for (link, a, b, style) in links {
        let i = *by_ends.entry((a, b)).or_insert_with(|| {
            bundles.push(Bundle { ends: (a, b), links: Vec::new(), style: Some(style) });
            bundles.len() - 1
        });
        let bundle = &mut bundles[i];
        bundle.links.push(link);
        if bundle.style != Some(style) {
            bundle.style = None;
        }
    }
    bundles
}

/// Stroke width of a bundle of `n` links: a single link keeps `single`; more grow with the
/// logarithm of their number, up to 7 pixels.
pub fn bundle_width(n: usize, single: f64) -> f64 {
    if n <= 1 {
        single
    } else {
        (1.5 + (n as f64).log2()).min(7.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: LatLng = LatLng { lat: 48.8566, lng: 2.3522 };
    const SEOUL: LatLng = LatLng { lat: 37.5665, lng: 126.978 };

    #[test]
    fn mercator_matches_leaflet_epsg3857() {
        // Leaflet's SphericalMercator (R = 6378137, y = R·ln((1 + sin φ)/(1 − sin φ))/2) and
        // EPSG3857 transformation (0.5/(πR), 0.5) at zoom 0 put Paris at (129.67268, 88.07127).
        let (x, y) = mercator(PARIS);
        assert!((x * 256.0 - 129.67268).abs() < 1e-4, "{x}");
        assert!((y * 256.0 - 88.07127).abs() < 1e-4, "{y}");
        assert_eq!(mercator(LatLng { lat: 0.0, lng: 0.0 }), (0.5, 0.5));
        // The poles are clamped as Leaflet does, never infinite.
        let (_, top) = mercator(LatLng { lat: 90.0, lng: 0.0 });
        assert!(top.abs() < 1e-9, "{top}");
    }

    #[test]
    fn a_projection_scales_around_its_centre() {
        let p = Projection { scale: 1024.0, centre: (100.0, 50.0) };
        assert_eq!(p.at((0.5, 0.5)), (100.0, 50.0));
        assert_eq!(p.at((0.75, 0.25)), (356.0, -206.0));
    }

    #[test]
    fn long_arcs_get_more_segments_than_short_ones() {
        assert_eq!(arc_segments(PARIS, SEOUL), 23);
        assert_eq!(arc_segments(PARIS, LatLng { lat: 48.80, lng: 2.27 }), 1);
        assert_eq!(arc_segments(PARIS, LatLng { lat: -33.9, lng: 151.2 }), 24);
    }

    #[test]
    fn segment_distance_is_to_the_nearest_point_of_the_segment() {
        assert_eq!(segment_distance((5.0, 3.0), (0.0, 0.0), (10.0, 0.0)), 3.0);
        assert_eq!(segment_distance((-4.0, 3.0), (0.0, 0.0), (10.0, 0.0)), 5.0);
        assert_eq!(segment_distance((1.0, 1.0), (0.0, 0.0), (0.0, 0.0)), 2f64.sqrt());
    }

    #[test]
    fn pick_prefers_points_then_the_nearest_line() {
        let mut hits = Hits::default();
        hits.add_line(0, [(0.0, 0.0), (100.0, 0.0)]);
        hits.add_line(1, [(0.0, 10.0), (100.0, 10.0)]);
        hits.add_point(7, (100.0, 4.0), 0.0);
        assert_eq!(hits.pick((50.0, 3.0), 8.0, 6.0), Some(Hit::Line(0)));
        assert_eq!(hits.pick((50.0, 7.0), 8.0, 6.0), Some(Hit::Line(1)));
        assert_eq!(hits.pick((98.0, 3.0), 8.0, 6.0), Some(Hit::Point(7)));
        assert_eq!(hits.pick((50.0, 30.0), 8.0, 6.0), None);
        assert_eq!((hits.point_count(), hits.line_count()), (1, 2));
        // Regression (issue 15): a tap on a group marker, off its centre where a line passes,
        // is the group's, not the line's.
        hits.add_point(8, (50.0, 10.0), 16.0);
        assert_eq!(hits.pick((50.0, 0.5), 8.0, 6.0), Some(Hit::Point(8)));
        hits.clear();
        assert_eq!(hits.pick((50.0, 3.0), 8.0, 6.0), None);
    }

    #[test]
    fn unmercator_inverts_mercator() {
        for p in [PARIS, SEOUL, LatLng { lat: -33.9, lng: 151.2 }] {
            let q = unmercator(mercator(p));
            assert!((q.lat - p.lat).abs() < 1e-9 && (q.lng - p.lng).abs() < 1e-9, "{p:?} {q:?}");
        }
        let proj = Projection { scale: 2048.0, centre: (300.0, 200.0) };
        let u = mercator(SEOUL);
        let back = proj.unit(proj.at(u));
        assert!((back.0 - u.0).abs() < 1e-12 && (back.1 - u.1).abs() < 1e-12);
    }

    #[test]
    fn points_in_one_cell_and_group_cluster_around_their_centroid() {
        let points = [(0, (1.0, 1.0)), (0, (9.0, 5.0)), (1, (2.0, 2.0)), (0, (45.0, 1.0)), (0, (5.0, 3.0))];
        let (clusters, of) = cluster(&points, 20.0);
        assert_eq!(of, vec![0, 0, 1, 2, 0]);
        assert_eq!(clusters.len(), 3);
        assert_eq!(clusters[0].members, vec![0, 1, 4]);
        assert_eq!(clusters[0].at, (5.0, 3.0));
        assert_eq!((clusters[1].group, clusters[1].members.clone()), (1, vec![2]));
        assert_eq!(clusters[2].at, (45.0, 1.0));
        // Every point is in exactly one cluster.
        let total: usize = clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(total, points.len());
    }

    #[test]
    fn groups_in_neighbouring_cells_closer_than_a_cell_merge_into_the_larger() {
        // Three points just left of a cell border, one just right of it: one group of four.
        let points = [(0, (18.0, 5.0)), (0, (19.0, 6.0)), (0, (19.5, 4.0)), (0, (21.0, 5.0)), (0, (70.0, 5.0)), (1, (21.0, 5.0))];
        let (clusters, of) = cluster(&points, 20.0);
        assert_eq!(of, vec![0, 0, 0, 0, 1, 2]);
        assert_eq!(clusters[0].members, vec![0, 1, 2, 3]);
        assert!((clusters[0].at.0 - 19.375).abs() < 1e-9);
        // A French and a Korean authority at the same place stay apart.
        assert_eq!((clusters[2].group, clusters[2].members.clone()), (1, vec![5]));
        // No two groups of a kind are left closer than a cell.
        for (i, a) in clusters.iter().enumerate() {
            for b in &clusters[i + 1..] {
                let d = ((a.at.0 - b.at.0).powi(2) + (a.at.1 - b.at.1).powi(2)).sqrt();
                assert!(a.group != b.group || d >= 20.0, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn links_between_the_same_clusters_make_one_bundle() {
        let bundles = bundle([(10, 0, 1, 2), (11, 0, 1, 2), (12, 0, 2, 2), (13, 0, 1, 3)]);
        assert_eq!(bundles.len(), 2);
        assert_eq!((bundles[0].ends, bundles[0].links.clone(), bundles[0].style), ((0, 1), vec![10, 11, 13], None));
        assert_eq!((bundles[1].ends, bundles[1].links.clone(), bundles[1].style), ((0, 2), vec![12], Some(2)));
        assert_eq!(bundle_width(1, 3.5), 3.5);
        assert_eq!(bundle_width(2, 3.5), 2.5);
        assert!(bundle_width(8, 1.0) > bundle_width(2, 1.0));
        assert_eq!(bundle_width(100_000, 1.0), 7.0);
    }

    #[test]
    fn among_equals_the_last_drawn_wins_and_degenerate_lines_are_ignored() {
        let mut hits = Hits::default();
        hits.add_line(0, [(0.0, 0.0), (100.0, 0.0)]);
        hits.add_line(1, [(0.0, 0.0), (100.0, 0.0)]);
        hits.add_line(2, [(50.0, 0.0)]);
        assert_eq!(hits.line_count(), 2);
        assert_eq!(hits.pick((50.0, 1.0), 8.0, 6.0), Some(Hit::Line(1)));
    }
}
