//! Framing a map: which side to leave free for what covers part of it (a card, the legend),
//! so that a fit shows every end in the part that can be seen; and the indicators that stand, on
//! a map's edge, for the ends that lie beyond it. Pure screen geometry, tested natively; the
//! seam measures the boxes and moves the maps.

use super::geo::Rect;

/// Padding inside a map's box: left, top, right, bottom.
pub type Padding = [f64; 4];

/// How many pixels per unit of the bounds' extent a padding leaves (the fit's scale): the
/// smaller of the free width over the extent's width and the free height over its height.
fn scale(map: &Rect, pad: &Padding, (w, h): (f64, f64)) -> f64 {
    let free_w = map.width() - pad[0] - pad[2];
    let free_h = map.height() - pad[1] - pad[3];
    if free_w <= 0.0 || free_h <= 0.0 {
        return 0.0;
    }
    let sx = if w > 0.0 { free_w / w } else { f64::INFINITY };
    let sy = if h > 0.0 { free_h / h } else { f64::INFINITY };
    sx.min(sy)
}

/// The padding that fits `extent` (what is shown, as width and height in any unit: Web
/// Mercator at zoom 0, say) largest in `map`, keeping at least `base` on each side and leaving
/// every `cover` (a box over part of the map) wholly in the padding, with `base` to spare
/// beside it (a marker at the edge of the frame is not half under the card): each cover is kept
/// clear by the side that costs least, all choices tried together (a few covers at most). A
/// cover that does not touch the map is ignored. Among equal scales, the padding that leaves the
/// most free area wins.
pub fn fit_padding(map: Rect, base: Padding, covers: &[Rect], extent: (f64, f64)) -> Padding {
    // For each cover, the padding each side would need to keep it out of the free area.
    let needs: Vec<Padding> = covers
        .iter()
        .filter(|c| c.overlaps(&map))
        .take(6)
        .map(|c| [c.right - map.left, c.bottom - map.top, map.right - c.left, map.bottom - c.top])
        .collect();
    let mut best: Option<(f64, f64, Padding)> = None;
    let combos = 4usize.pow(needs.len() as u32);
    for combo in 0..combos {
        let mut pad = base;
        let mut c = combo;
        for need in &needs {
            let side = c % 4;
            c /= 4;
            pad[side] = pad[side].max(need[side] + base[side]);
        }
        let s = scale(&map, &pad, extent);
        let area = (map.width() - pad[0] - pad[2]).max(0.0) * (map.height() - pad[1] - pad[3]).max(0.0);
        let better = match best {
            None => true,
            Some((bs, ba, _)) => s > bs * (1.0 + 1e-9) || (s >= bs * (1.0 - 1e-9) && area > ba),
        };
        if better {
            best = Some((s, area, pad));
        }
    }
    best.map_or(base, |(_, _, p)| p)
}

/// The part of a map left free by a padding.
pub fn free_area(map: Rect, pad: Padding) -> Rect {
    Rect { left: map.left + pad[0], top: map.top + pad[1], right: map.right - pad[2], bottom: map.bottom - pad[3] }
}

/// A side of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Edge {
    Top,
    Right,
    Bottom,
    Left,
}

impl Edge {
    pub fn id(self) -> &'static str {
        match self {
            Edge::Top => "top",
            Edge::Right => "right",
            Edge::Bottom => "bottom",
            Edge::Left => "left",
        }
    }
}

/// One indicator on a map's edge, standing for the ends that lie beyond it that way.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGroup {
    pub edge: Edge,
    /// Where the indicator is drawn (on the edge, inside the map by `inset`), and where the
    /// lines to those ends stop.
    pub at: (f64, f64),
    /// Indices of the points beyond, in increasing order.
    pub members: Vec<usize>,
    /// The direction towards them from `at` (radians, screen: 0 = right, π/2 = down).
    pub heading: f64,
}

/// Where the segment from the centre of `r` towards `p` (outside `r`) leaves it, and by which
/// side.
fn exit(r: &Rect, p: (f64, f64)) -> ((f64, f64), Edge) {
    let c = ((r.left + r.right) / 2.0, (r.top + r.bottom) / 2.0);
    let (dx, dy) = (p.0 - c.0, p.1 - c.1);
    let mut best = (f64::INFINITY, Edge::Right);
    for (d, lo, hi, lo_edge, hi_edge, from) in [(dx, r.left, r.right, Edge::Left, Edge::Right, c.0), (dy, r.top, r.bottom, Edge::Top, Edge::Bottom, c.1)] {
        if d > 0.0 {
            let t = (hi - from) / d;
            if t < best.0 {
                best = (t, hi_edge);
            }
        } else if d < 0.0 {
            let t = (lo - from) / d;
            if t < best.0 {
                best = (t, lo_edge);
            }
        }
    }
    let t = best.0.clamp(0.0, 1.0);
    ((c.0 + dx * t, c.1 + dy * t), best.1)
}

/// Groups the points lying outside `r` by the edge they are beyond (the side a line from the
/// map's centre to them leaves by): one indicator per edge, at the mean of where those lines
/// leave, kept `corner` pixels from the corners and moved `inset` pixels inside; an indicator
/// whose square (of side `2 × inset`) would overlap one of `avoid` (the map's buttons, a card)
/// slides along its edge to the nearest place clear of them. Returns the groups (in edge order)
/// and, for each point, its group (`None` for a point inside `r`).
pub fn edge_groups(r: Rect, points: &[(f64, f64)], inset: f64, corner: f64, avoid: &[Rect]) -> (Vec<EdgeGroup>, Vec<Option<usize>>) {
    // Per edge: the points beyond it, the sum of where their lines leave, the sum of where they are.
    type Beyond = (Vec<usize>, (f64, f64), (f64, f64));
    let mut by_edge: std::collections::BTreeMap<Edge, Beyond> = Default::default();
    for (i, &p) in points.iter().enumerate() {
        if r.contains(p) {
            continue;
        }
        let (at, edge) = exit(&r, p);
        let e = by_edge.entry(edge).or_insert((Vec::new(), (0.0, 0.0), (0.0, 0.0)));
        e.0.push(i);
        e.1 = (e.1 .0 + at.0, e.1 .1 + at.1);
        e.2 = (e.2 .0 + p.0, e.2 .1 + p.1);
    }
    let mut of = vec![None; points.len()];
    let groups = by_edge
        .into_iter()
        .enumerate()
        .map(|(g, (edge, (members, sum, beyond)))| {
            let n = members.len() as f64;
            let mean = (sum.0 / n, sum.1 / n);
            let target = (beyond.0 / n, beyond.1 / n);
            // Along the edge: away from the corners, as far as the map allows.
            let along = |v: f64, lo: f64, hi: f64| if hi - lo > 2.0 * corner { v.clamp(lo + corner, hi - corner) } else { (lo + hi) / 2.0 };
            let at = match edge {
                Edge::Top => (along(mean.0, r.left, r.right), r.top + inset),
                Edge::Bottom => (along(mean.0, r.left, r.right), r.bottom - inset),
                Edge::Left => (r.left + inset, along(mean.1, r.top, r.bottom)),
                Edge::Right => (r.right - inset, along(mean.1, r.top, r.bottom)),
            };
            let at = clear_of(at, edge, &r, inset, avoid);
            for &m in &members {
                of[m] = Some(g);
            }
            EdgeGroup { edge, at, members, heading: (target.1 - at.1).atan2(target.0 - at.0) }
        })
        .collect();
    (groups, of)
}

/// `at`, or the nearest place along its edge (inside `r`) where an indicator's square is clear
/// of `avoid`, further in from the edge where the edge is covered all along (a narrow map under
/// its buttons); `at` itself when there is none.
fn clear_of(at: (f64, f64), edge: Edge, r: &Rect, inset: f64, avoid: &[Rect]) -> (f64, f64) {
    let clear = |p: (f64, f64)| !avoid.iter().any(|a| a.overlaps(&Rect::around(p, inset)));
    if clear(at) {
        return at;
    }
    let (lo, hi) = match edge {
        Edge::Top | Edge::Bottom => (r.left + inset, r.right - inset),
        Edge::Left | Edge::Right => (r.top + inset, r.bottom - inset),
    };
    // Inwards from the edge: down from the top, up from the bottom…
    let inwards = match edge {
        Edge::Top => (0.0, 1.0),
        Edge::Bottom => (0.0, -1.0),
        Edge::Left => (1.0, 0.0),
        Edge::Right => (-1.0, 0.0),
    };
    let pos = |p: (f64, f64)| if matches!(edge, Edge::Top | Edge::Bottom) { p.0 } else { p.1 };
    (0..8)
        .flat_map(|depth| {
            let base = (at.0 + inwards.0 * depth as f64 * 16.0, at.1 + inwards.1 * depth as f64 * 16.0);
            std::iter::once(0.0).chain((1..400).flat_map(|k| [k as f64 * 4.0, -(k as f64) * 4.0])).map(move |d| match edge {
                Edge::Top | Edge::Bottom => (base.0 + d, base.1),
                Edge::Left | Edge::Right => (base.0, base.1 + d),
            })
        })
        .filter(|&p| pos(p) >= lo && pos(p) <= hi)
        .find(|&p| clear(p))
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: Rect = Rect { left: 0.0, top: 0.0, right: 800.0, bottom: 600.0 };

    #[test]
    fn without_covers_the_padding_is_the_base() {
        assert_eq!(fit_padding(MAP, [10.0; 4], &[], (4.0, 3.0)), [10.0; 4]);
        // A cover elsewhere on the page is ignored.
        let elsewhere = Rect { left: 900.0, top: 0.0, right: 1000.0, bottom: 100.0 };
        assert_eq!(fit_padding(MAP, [10.0; 4], &[elsewhere], (4.0, 3.0)), [10.0; 4]);
    }

    #[test]
    fn a_card_over_the_lower_half_is_kept_below_the_frame() {
        let card = Rect { left: 10.0, top: 300.0, right: 790.0, bottom: 590.0 };
        let pad = fit_padding(MAP, [10.0; 4], &[card], (4.0, 3.0));
        assert_eq!(pad, [10.0, 10.0, 10.0, 310.0]);
        assert!(!free_area(MAP, pad).overlaps(&card));
    }

    #[test]
    fn a_corner_legend_is_kept_clear_by_the_side_that_costs_least() {
        // The legend in the lower left, 200 × 250. A wide extent loses less by giving up height
        // (bottom), a tall one by giving up width (left).
        let legend = Rect { left: 10.0, top: 340.0, right: 210.0, bottom: 590.0 };
        let wide = fit_padding(MAP, [10.0; 4], &[legend], (8.0, 1.0));
        assert_eq!(wide, [10.0, 10.0, 10.0, 270.0]);
        let tall = fit_padding(MAP, [10.0; 4], &[legend], (1.0, 8.0));
        assert_eq!(tall, [220.0, 10.0, 10.0, 10.0]);
        for pad in [wide, tall] {
            assert!(!free_area(MAP, pad).overlaps(&legend));
        }
        // With a card over the lower half too, both are kept out.
        let card = Rect { left: 10.0, top: 300.0, right: 790.0, bottom: 590.0 };
        let pad = fit_padding(MAP, [10.0; 4], &[legend, card], (1.0, 8.0));
        for c in [legend, card] {
            assert!(!free_area(MAP, pad).overlaps(&c), "{pad:?}");
        }
        // A single point (zero extent): the largest free area.
        let pad = fit_padding(MAP, [10.0; 4], &[legend], (0.0, 0.0));
        assert_eq!(pad, [220.0, 10.0, 10.0, 10.0]);
    }

    #[test]
    fn ends_beyond_the_edges_make_one_indicator_per_edge_with_their_count() {
        // Ten ends above the map (a Korean map zoomed on Suncheon), two to the right, one inside.
        let mut pts: Vec<(f64, f64)> = (0..10).map(|i| (300.0 + i as f64 * 20.0, -200.0 - i as f64 * 5.0)).collect();
        pts.push((1200.0, 300.0));
        pts.push((1300.0, 320.0));
        pts.push((400.0, 300.0));
        let (groups, of) = edge_groups(MAP, &pts, 14.0, 60.0, &[]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].edge, Edge::Top);
        assert_eq!(groups[0].members, (0..10).collect::<Vec<_>>());
        assert_eq!(groups[0].at.1, 14.0);
        assert!(groups[0].at.0 > 300.0 && groups[0].at.0 < 500.0, "{:?}", groups[0].at);
        // Pointing up, towards them.
        assert!(groups[0].heading < -1.0 && groups[0].heading > -2.2, "{}", groups[0].heading);
        assert_eq!((groups[1].edge, groups[1].members.clone()), (Edge::Right, vec![10, 11]));
        assert_eq!(groups[1].at.0, 786.0);
        assert!(groups[1].heading.abs() < 0.2);
        assert_eq!(of[12], None);
        assert_eq!(of[3], Some(0));
        assert_eq!(of[11], Some(1));
        // An indicator never sits in a corner: far to the upper left, it stays 60 px in.
        let (g, _) = edge_groups(MAP, &[(-5000.0, -4000.0)], 14.0, 60.0, &[]);
        assert_eq!(g.len(), 1);
        let (x, y) = g[0].at;
        assert!((x >= 60.0 || x == 14.0) && (y >= 60.0 || y == 14.0), "{x}, {y}");
        assert!(edge_groups(MAP, &[], 14.0, 60.0, &[]).0.is_empty());
        // Under the view switch (a box over the top right), the indicator slides left, clear.
        let switch = Rect { left: 500.0, top: 0.0, right: 800.0, bottom: 40.0 };
        let (g, _) = edge_groups(MAP, &[(700.0, -300.0)], 14.0, 20.0, &[switch]);
        assert!(g[0].at.0 <= 500.0 - 14.0 && g[0].at.1 == 14.0, "{:?}", g[0].at);
        // A narrow map whose top is covered all along: the indicator comes down, clear of it.
        let buttons = Rect { left: 0.0, top: 0.0, right: 800.0, bottom: 50.0 };
        let (g, _) = edge_groups(MAP, &[(400.0, -300.0)], 14.0, 20.0, &[buttons]);
        assert!(g[0].at.1 >= 50.0 + 14.0 && (g[0].at.0 - 400.0).abs() < 1.0, "{:?}", g[0].at);
    }
}
