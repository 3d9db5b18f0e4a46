// Builds the bundled basemap: country outlines from Natural Earth (npm `world-atlas`, public
// domain), decoded from TopoJSON to GeoJSON. France, Korea and their neighbours come from the
// 1:50m file (the 1:110m one has no Jeju); the rest of the Europe–Asia frame from 1:110m.
//
// To keep the first load small (README "Performance"), lines are simplified (Douglas–Peucker on
// the topology's shared arcs, so that neighbours keep a common border) with a tolerance that
// grows with the distance from what the map is about: almost none for France and the Koreas,
// more for their neighbours, most for the rest of the frame. France's Caribbean departments and
// Guiana (west of the frame) and, outside France and the Koreas, islets of two or three pixels
// at the zooms the map opens at are left out; coordinates are rounded, properties dropped.
//
// Written as the map's land file (src/domain/land.rs), not GeoJSON: a ring is a list of whole
// numbers, its decimals, its first point, then each point as the step from the one before
// (`[2, -455, 4830, 3, -12, …]`: -4.55, 48.30, then -4.52, 48.18, …). The same outlines, exactly,
// in 20 KB gzip instead of 38 KB (2026-12-08): on a phone's 1.6 Mbit/s, 90 ms sooner on the
// first view's path. The app turns it into GeoJSON for Leaflet. `--geojson` writes the GeoJSON
// instead (the benchmark's hand-written page reads that, as it always has).
//
// Usage: node .ci/basemap.mjs [--geojson] OUT.json
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const load = (name) => JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));

// ISO 3166-1 numeric codes (world-atlas feature ids).
const CORE = new Set(['250', '410', '408']); // France, South Korea, North Korea
const DETAILED = new Set([
  ...CORE,
  '392', // Japan
  '056', '442', '276', '756', '380', '724', '020', '492', '826', // France's neighbours
]);
// The frame the map can reasonably be panned to: Europe, Africa's north, Asia.
const FRAME = { west: -32, east: 165, south: -12, north: 82 };

// Simplification tolerance in degrees, decimals kept, and the smallest polygon kept (the larger
// side of its bounding box, in degrees; 0 keeps every one). For scale: a pixel is about 0.02° at
// zoom 6 (the side-by-side view opens at 5.5 to 7) and 0.17° at zoom 3 (the world view); the
// sources are quantised to about 0.0036° × 0.0017°. France and the Koreas keep their 1:50m
// outline almost whole; their neighbours, at 1:50m, within a pixel at zoom 6; the 1:110m rest
// within a pixel at zoom 6 where the side-by-side view shows it (`PANES`), within a pixel at
// zoom 3 elsewhere (`far`).
const CORE_LEVEL = { tolerance: 0.004, digits: 3, minSize: 0 };
const NEIGHBOUR_LEVEL = { tolerance: 0.015, digits: 2, minSize: 0.05 };
const OTHER_LEVEL = { tolerance: 0.02, digits: 2, minSize: 0.1, far: { tolerance: 0.15, digits: 1, minSize: 0.4 } };
// Around France and around Korea: what the side-by-side view shows, with a margin.
const PANES = [{ west: -15, east: 30, south: 30, north: 62 }, { west: 110, east: 150, south: 22, north: 50 }];

/** The level for what lies in `box`: the `far` one away from the panes. */
const levelAt = (level, box) => (level.far && !PANES.some((p) => box.e >= p.west && box.w <= p.east && box.n >= p.south && box.s <= p.north) ? level.far : level);

function bbox(coords) {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else c.forEach(walk);
  };
  walk(coords);
  return { w, s, e, n };
}

const inFrame = (coords, frame = FRAME) => {
  const b = bbox(coords);
  return b.e >= frame.west && b.w <= frame.east && b.n >= frame.south && b.s <= frame.north;
};
// Parts of a country west of the frame are left out: France's Caribbean departments and Guiana
// (alone in an empty America otherwise). Elsewhere a country is kept whole: Russia's Chukotka,
// Tasmania, Réunion lie beyond the frame's other edges but next to land it shows.
const PART_FRAME = { west: FRAME.west, east: Infinity, south: -Infinity, north: Infinity };

// A country whose parts lie on both sides of the antimeridian (Russia's Chukotka, Alaska's
// Aleutians) would be drawn with edges across the whole map: move its western-hemisphere parts
// east of 180° so that each ring is continuous.
function unwrapAntimeridian(geometry) {
  const b = bbox(geometry.coordinates);
  if (b.e - b.w <= 180) return geometry;
  const walk = (c) => (typeof c[0] === 'number' ? [c[0] < 0 ? c[0] + 360 : c[0], c[1]] : c.map(walk));
  return { ...geometry, coordinates: walk(geometry.coordinates) };
}

/** Douglas–Peucker: the points of `line` to keep so that none strays more than `tol` from it. */
function simplifyLine(line, tol) {
  if (line.length <= 2 || tol <= 0) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = line[a];
    const [bx, by] = line[b];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    let far = -1, farD = tol * tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = line[i];
      let d;
      if (len2 === 0) d = (px - ax) ** 2 + (py - ay) ** 2; // a closed arc: distance to its end
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d > farD) { far = i; farD = d; }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

/**
 * The topology with its arcs decoded to degrees and simplified, each with the smallest
 * tolerance of the countries that use it (a shared border stays shared). `levels[i]` is the
 * level of the i-th country, or null for a country left out.
 */
function simplifyTopology(topo, levels) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const lines = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => [(x += dx) * sx + tx, (y += dy) * sy + ty]);
  });
  const boxes = lines.map(bbox);
  const tolerance = new Array(lines.length).fill(Infinity);
  const visit = (arcs, level) => arcs.forEach((a) => {
    if (Array.isArray(a)) return visit(a, level);
    const i = a < 0 ? ~a : a;
    tolerance[i] = Math.min(tolerance[i], levelAt(level, boxes[i]).tolerance);
  });
  topo.objects.countries.geometries.forEach((g, i) => {
    if (levels[i] && g.arcs) visit(g.arcs, levels[i]);
  });
  const arcs = lines.map((line, i) => (Number.isFinite(tolerance[i]) ? simplifyLine(line, tolerance[i]) : line));
  const { transform, ...rest } = topo;
  return { ...rest, arcs };
}

/**
 * Rounds a ring (each point to the decimals of the level where it lies, so that neighbours
 * round a shared border alike) and drops repeated points; null if it no longer has an area.
 * The ring's `digits`: the most any of its points has.
 */
function roundRing(ring, level) {
  const out = [];
  let digits = 0;
  for (const [x, y] of ring) {
    const d = levelAt(level, { w: x, e: x, s: y, n: y }).digits;
    const f = 10 ** d;
    const p = [Math.round(x * f) / f, Math.round(y * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) {
      out.push(p);
      digits = Math.max(digits, d);
    }
  }
  if (out.length < 4) return null;
  out.digits = digits;
  return out;
}

/** A ring in the land file's form: `[digits, x0, y0, dx1, dy1, …]` in units of 10^-digits. */
function packRing(ring) {
  const f = 10 ** ring.digits;
  const packed = [ring.digits];
  let [px, py] = [0, 0];
  for (const [x, y] of ring) {
    const [X, Y] = [Math.round(x * f), Math.round(y * f)];
    packed.push(X - px, Y - py);
    [px, py] = [X, Y];
  }
  return packed;
}

/** A packed ring read back as the app reads it (each point's number of units over 10^digits). */
function unpackRing(packed) {
  const f = 10 ** packed[0];
  const ring = [];
  let [X, Y] = [0, 0];
  for (let i = 1; i < packed.length; i += 2) {
    X += packed[i];
    Y += packed[i + 1];
    ring.push([X / f, Y / f]);
  }
  return ring;
}

/** The polygons of a geometry worth drawing, rounded; null if none is. */
function shrink(geometry, level) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = [];
  for (const polygon of polygons) {
    if (!inFrame(polygon, PART_FRAME)) continue;
    const b = bbox(polygon[0]);
    if (Math.max(b.e - b.w, b.n - b.s) < levelAt(level, b).minSize) continue;
    const rings = polygon.map((r) => roundRing(r, level));
    if (rings[0]) kept.push(rings.filter(Boolean));
  }
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** The countries of a world-atlas file that `keep` keeps, each at the level `levelOf` gives. */
function features(name, keep, levelOf) {
  const topo = load(name);
  const countries = (t) => feature(t, t.objects.countries).features;
  const levels = countries(topo).map((f) => (f.geometry && keep(f) && inFrame(f.geometry.coordinates) ? levelOf(f) : null));
  return countries(simplifyTopology(topo, levels))
    .map((f, i) => levels[i] && { type: 'Feature', id: f.id, properties: {}, geometry: shrink(unwrapAntimeridian(f.geometry), levels[i]) })
    .filter((f) => f && f.geometry);
}

const geojson = process.argv.includes('--geojson');
const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!out) {
  console.error('usage: node .ci/basemap.mjs [--geojson] OUT.json');
  process.exit(2);
}
const collection = {
  type: 'FeatureCollection',
  // Attribution travels with the file.
  source: 'Natural Earth (public domain), via world-atlas 2.0.2',
  features: [
    ...features('countries-110m.json', (f) => !DETAILED.has(f.id), () => OTHER_LEVEL),
    ...features('countries-50m.json', (f) => DETAILED.has(f.id), (f) => (CORE.has(f.id) ? CORE_LEVEL : NEIGHBOUR_LEVEL)),
  ],
};
const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
const land = {
  type: 'Land',
  source: collection.source,
  features: collection.features.map((f) => polygonsOf(f.geometry).map((polygon) => polygon.map(packRing))),
};
// Read back, every point is the GeoJSON's own, to the last bit.
land.features.forEach((country, c) => country.forEach((polygon, p) => polygon.forEach((packed, r) => {
  const ring = polygonsOf(collection.features[c].geometry)[p][r];
  const back = unpackRing(packed);
  if (back.length !== ring.length || back.some(([x, y], i) => x !== ring[i][0] || y !== ring[i][1])) {
    throw new Error(`country ${c}, polygon ${p}, ring ${r}: the land file does not read back as the outline`);
  }
})));
fs.writeFileSync(out, JSON.stringify(geojson ? collection : land));
console.log(`basemap: ${collection.features.length} countries, ${geojson ? 'GeoJSON' : 'land file'}, ${fs.statSync(out).size} bytes -> ${out}`);
