//! Where names go on the map: beside their marker, never over another name, a marker, or what
//! covers the map (a card, the legend, the buttons), and inside the map. What does not fit is
//! left out, and comes back when zooming in makes room. Pure screen geometry, so that the rules
//! are tested natively; the seam measures the names and draws them (`map::labels`).

use super::geo::Rect;

/// A name to place beside its marker.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRequest {
    /// The marker's centre, in screen pixels.
    pub anchor: (f64, f64),
    /// From the centre to the nearest edge of the name's box: the marker's radius and a gap.
    pub gap: f64,
    /// The name's box, width and height.
    pub size: (f64, f64),
    /// Always shown (the selected or highlighted pair's names): placed first, and placed even
    /// where every spot is taken by something else than another name.
    pub must: bool,
    /// The side to try first, away from where the marker's lines go (French markers' lines
    /// leave eastward in the side-by-side view: their names go west first). `(1, 0)`: right.
    pub away: (f64, f64),
}

/// Where a name is tried, in order: right, left, above-right, below-right, above-left,
/// below-left, above, below (right first, as reading goes; then the corners; then the poles).
const SPOTS: [(f64, f64); 8] = [(1.0, 0.0), (-1.0, 0.0), (1.0, -1.0), (1.0, 1.0), (-1.0, -1.0), (-1.0, 1.0), (0.0, -1.0), (0.0, 1.0)];

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }

    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether the two rectangles share more than an edge.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }

    /// Whether `o` lies wholly inside.
    pub fn holds(&self, o: &Rect) -> bool {
        o.left >= self.left && o.right <= self.right && o.top >= self.top && o.bottom <= self.bottom
    }

    /// The square of side `2 r` around a point.
    pub fn around((x, y): (f64, f64), r: f64) -> Rect {
        Rect { left: x - r, top: y - r, right: x + r, bottom: y + r }
    }
}

/// The box of a name at one of the [`SPOTS`].
fn box_at(r: &LabelRequest, (sx, sy): (f64, f64)) -> Rect {
    let (w, h) = r.size;
    let (ax, ay) = r.anchor;
    // Corners sit a little closer in: the marker is round.
    let g = if sx != 0.0 && sy != 0.0 { r.gap * 0.75 } else { r.gap };
    let left = match sx {
        s if s > 0.0 => ax + g,
        s if s < 0.0 => ax - g - w,
        _ => ax - w / 2.0,
    };
    let top = match sy {
        s if s > 0.0 => ay + g,
        s if s < 0.0 => ay - g - h,
        _ => ay - h / 2.0,
    };
    Rect { left, top, right: left + w, bottom: top + h }
}

/// Places names in the order given by `order` (indices into `requests`; the caller puts the
/// more important first), the `must` ones before all others. A name is placed at the first spot
/// whose box lies inside `bounds`, overlaps no name already placed and no `obstacle` (markers,
/// group markers, edge indicators, what covers the map); otherwise it is left out (`None`). A
/// `must` name with no free spot takes the first spot inside `bounds` that overlaps no other
/// name, else its first spot moved inside `bounds`: it is always shown.
pub fn place_labels(requests: &[LabelRequest], order: &[usize], obstacles: &[Rect], bounds: Rect) -> Vec<Option<Rect>> {
    let mut out: Vec<Option<Rect>> = vec![None; requests.len()];
    // Boxes in a grid of cells, so that a test looks only at its neighbours: a canvas of 10,000
    // pairs draws a thousand markers, each a box to keep clear of.
    let obstacles = Grid::of(obstacles);
    let mut placed = Grid::of(&[]);
    // The markers' centres: a name is best where no other marker is about as close as its own
    // (a name right beside a neighbour reads as the neighbour's).
    let anchors = Grid::of(&requests.iter().map(|r| Rect::around(r.anchor, 0.5)).collect::<Vec<_>>());
    let musts = order.iter().filter(|&&i| requests.get(i).is_some_and(|r| r.must));
    let rest = order.iter().filter(|&&i| requests.get(i).is_some_and(|r| !r.must));
    for &i in musts.chain(rest) {
        if out[i].is_some() {
            continue; // listed twice
        }
        let r = &requests[i];
        // The spots in order of how far they face `away` (stable: ties keep reading order).
        let mut spots = SPOTS;
        let facing = |s: &(f64, f64)| (s.0 * r.away.0 + s.1 * r.away.1) / (s.0 * s.0 + s.1 * s.1).sqrt();
        spots.sort_by(|a, b| facing(b).total_cmp(&facing(a)));
        let boxes: Vec<Rect> = spots.iter().map(|&s| box_at(r, s)).collect();
        // A name that must be shown tries further out before it covers anything.
        let far: Vec<Rect> = if r.must {
            [2.0, 3.5].iter().flat_map(|k| spots.iter().map(move |&s| (k, s))).map(|(k, s)| box_at(&LabelRequest { gap: r.gap * k, ..r.clone() }, s)).collect()
        } else {
            Vec::new()
        };
        let free_of_names = |b: &Rect| bounds.holds(b) && !placed.any(b);
        let margin = r.gap * 1.5;
        let unambiguous = |b: &Rect| !anchors.any_other(&Rect { left: b.left - margin, top: b.top - margin, right: b.right + margin, bottom: b.bottom + margin }, i);
        let free = |b: &&Rect| free_of_names(b) && !obstacles.any(b);
        let found = boxes.iter().filter(free).find(|b| unambiguous(b)).or_else(|| boxes.iter().chain(&far).find(free)).copied().or_else(|| {
            r.must.then(|| {
                boxes.iter().find(|b| free_of_names(b)).copied().unwrap_or_else(|| {
                    let b = boxes[0];
                    let dx = (bounds.left - b.left).max(0.0) - (b.right - bounds.right).max(0.0);
                    let dy = (bounds.top - b.top).max(0.0) - (b.bottom - bounds.bottom).max(0.0);
                    Rect { left: b.left + dx, top: b.top + dy, right: b.right + dx, bottom: b.bottom + dy }
                })
            })
        });
        if let Some(b) = found {
            placed.add(b);
            out[i] = Some(b);
        }
    }
    out
}

/// Boxes filed by the cells of a 64-pixel grid they touch.
struct Grid {
    boxes: Vec<Rect>,
    cells: std::collections::HashMap<(i32, i32), Vec<usize>>,
    /// Boxes over too many cells to file (a huge or absurd box): tested every time.
    wide: Vec<usize>,
}

impl Grid {
    const CELL: f64 = 64.0;

    fn of(boxes: &[Rect]) -> Grid {
        let mut g = Grid { boxes: Vec::new(), cells: Default::default(), wide: Vec::new() };
        for &b in boxes {
            g.add(b);
        }
        g
    }

    fn cells_of(b: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let c = |v: f64| (v / Self::CELL).floor().clamp(-100_000.0, 100_000.0) as i32;
        let (x0, x1, y0, y1) = (c(b.left), c(b.right), c(b.top), c(b.bottom));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn add(&mut self, b: Rect) {
        let i = self.boxes.len();
        self.boxes.push(b);
        if Self::cells_of(&b).nth(4096).is_some() || !(b.left.is_finite() && b.right.is_finite() && b.top.is_finite() && b.bottom.is_finite()) {
            self.wide.push(i);
            return;
        }
        for cell in Self::cells_of(&b) {
            self.cells.entry(cell).or_default().push(i);
        }
    }

    /// Whether `b` overlaps a box other than the `own`-th.
    fn any_other(&self, b: &Rect, own: usize) -> bool {
        let hit = |&i: &usize| i != own && self.boxes[i].overlaps(b);
        if Self::cells_of(b).nth(4096).is_some() {
            return (0..self.boxes.len()).any(|i| hit(&i));
        }
        self.wide.iter().any(hit) || Self::cells_of(b).any(|cell| self.cells.get(&cell).is_some_and(|v| v.iter().any(hit)))
    }

    fn any(&self, b: &Rect) -> bool {
        self.wide.iter().any(|&i| self.boxes[i].overlaps(b))
            || (Self::cells_of(b).nth(4096).is_none() && Self::cells_of(b).any(|cell| self.cells.get(&cell).is_some_and(|v| v.iter().any(|&i| self.boxes[i].overlaps(b)))))
            || (Self::cells_of(b).nth(4096).is_some() && self.boxes.iter().any(|o| o.overlaps(b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: Rect = Rect { left: 0.0, top: 0.0, right: 400.0, bottom: 300.0 };

    fn name(x: f64, y: f64, w: f64) -> LabelRequest {
        LabelRequest { anchor: (x, y), gap: 10.0, size: (w, 16.0), must: false, away: (1.0, 0.0) }
    }

    fn no_two_overlap(boxes: &[Option<Rect>]) {
        let shown: Vec<Rect> = boxes.iter().flatten().copied().collect();
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_lone_name_goes_to_the_right_of_its_marker_centred_on_it() {
        let out = place_labels(&[name(100.0, 100.0, 60.0)], &[0], &[], MAP);
        assert_eq!(out[0], Some(Rect { left: 110.0, top: 92.0, right: 170.0, bottom: 108.0 }));
    }

    #[test]
    fn a_name_goes_first_to_the_side_its_lines_do_not_take() {
        // A French marker whose lines leave eastward: its name goes west.
        let mut r = name(100.0, 100.0, 60.0);
        r.away = (-1.0, 0.0);
        assert_eq!(place_labels(&[r.clone()], &[0], &[], MAP)[0].map(|b| b.right), Some(90.0));
        // Stacked maps, a Korean marker whose lines come from above: its name goes below.
        r.away = (0.0, 1.0);
        assert_eq!(place_labels(&[r], &[0], &[], MAP)[0].map(|b| b.top), Some(110.0));
    }

    #[test]
    fn a_name_that_would_leave_the_map_goes_to_its_left() {
        let out = place_labels(&[name(380.0, 100.0, 60.0)], &[0], &[], MAP);
        assert!(out[0].is_some_and(|b| b.right <= 380.0 - 7.5), "{out:?}");
        assert!(MAP.holds(&out[0].unwrap()));
    }

    #[test]
    fn names_avoid_each_other_markers_and_covers_and_what_does_not_fit_is_left_out() {
        // Two markers side by side: the second name cannot go right (the first name is there)
        // nor over the first marker; it finds another spot.
        let reqs = [name(100.0, 100.0, 60.0), name(130.0, 100.0, 60.0)];
        let markers = [Rect::around((100.0, 100.0), 9.0), Rect::around((130.0, 100.0), 9.0)];
        let out = place_labels(&reqs, &[0, 1], &markers, MAP);
        assert!(out.iter().all(Option::is_some));
        no_two_overlap(&out);
        for b in out.iter().flatten() {
            assert!(!markers.iter().any(|m| m.overlaps(b)), "{b:?} covers a marker");
        }
        // A card covering the lower half: a name there is left out.
        let card = Rect { left: 0.0, top: 150.0, right: 400.0, bottom: 300.0 };
        let out = place_labels(&[name(200.0, 200.0, 60.0)], &[0], &[card], MAP);
        assert_eq!(out[0], None);
        // A crowd: every name placed lies inside the map, none overlaps another, and the most
        // important (first in order) is placed.
        let crowd: Vec<LabelRequest> = (0..30).map(|i| name(150.0 + (i * 7 % 40) as f64, 120.0 + (i * 13 % 50) as f64, 50.0 + (i % 5) as f64 * 10.0)).collect();
        let order: Vec<usize> = (0..30).collect();
        let out = place_labels(&crowd, &order, &[], MAP);
        no_two_overlap(&out);
        assert!(out[0].is_some());
        assert!(out.iter().flatten().all(|b| MAP.holds(b)));
        assert!(out.iter().any(Option::is_none), "thirty names around one spot cannot all fit");
    }

    #[test]
    fn a_name_is_not_put_where_it_would_read_as_a_neighbours() {
        // Alone, the name goes right; with a neighbour just below that spot, it goes left,
        // where no other marker is near.
        assert_eq!(place_labels(&[name(100.0, 100.0, 60.0)], &[0], &[], MAP)[0].map(|b| b.left), Some(110.0));
        let reqs = [name(100.0, 100.0, 60.0), name(118.0, 122.0, 60.0)];
        let markers = [Rect::around((100.0, 100.0), 9.0), Rect::around((118.0, 122.0), 9.0)];
        let out = place_labels(&reqs, &[0, 1], &markers, MAP);
        // Its lines go right (`away`), so the next spots are the right corners, then above.
        assert_eq!(out[0], Some(Rect { left: 70.0, top: 74.0, right: 130.0, bottom: 90.0 }), "above: {out:?}");
        assert_eq!(out[1].map(|b| b.left), Some(128.0), "the neighbour keeps its own right");
        // Where every spot is beside a neighbour, the name is still placed.
        let ring: Vec<LabelRequest> = [(100.0, 100.0), (100.0, 80.0), (100.0, 120.0), (70.0, 100.0), (130.0, 100.0)].iter().map(|&(x, y)| name(x, y, 20.0)).collect();
        assert!(place_labels(&ring, &[0], &[], MAP)[0].is_some());
    }

    #[test]
    fn the_selected_pairs_names_are_always_shown_first() {
        let mut reqs = vec![name(100.0, 100.0, 80.0), name(100.0, 100.0, 80.0)];
        reqs[1].must = true;
        // The must name is placed first, in the best spot, although it comes second in order.
        let out = place_labels(&reqs, &[0, 1], &[], MAP);
        assert_eq!(out[1].map(|b| b.left), Some(110.0));
        assert!(out[0].is_some_and(|b| !b.overlaps(&out[1].unwrap())));
        // Even under a cover, and even when it does not fit inside: moved in, still shown.
        let cover = Rect { left: 0.0, top: 0.0, right: 400.0, bottom: 300.0 };
        let mut edge = name(395.0, 295.0, 120.0);
        edge.must = true;
        let out = place_labels(&[edge], &[0], &[cover], MAP);
        let b = out[0].expect("shown");
        assert!(MAP.holds(&b), "{b:?}");
    }
}
