// Builds the bundled basemap: country outlines from Natural Earth (npm `world-atlas`, public
// domain), decoded from TopoJSON to GeoJSON. France, Korea and their neighbours come from the
// 1:50m file (the 1:110m one has no Jeju); the rest of the Europe–Asia frame from 1:110m.
// Coordinates are rounded and properties dropped to keep the first load small.
//
// Usage: node .ci/basemap.mjs OUT.json
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const load = (name) => JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));

// ISO 3166-1 numeric codes (world-atlas feature ids).
const DETAILED = new Set([
  '250', // France
  '410', // South Korea
  '408', // North Korea
  '392', // Japan
  '056', '442', '276', '756', '380', '724', '020', '492', '826', // France's neighbours
]);
// The frame the map can reasonably be panned to: Europe, Africa's north, Asia.
const FRAME = { west: -32, east: 165, south: -12, north: 82 };

const round = (digits) => {
  const f = 10 ** digits;
  const walk = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * f) / f, Math.round(c[1] * f) / f] : c.map(walk));
  return walk;
};

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

const inFrame = (g) => {
  const b = bbox(g.coordinates);
  return b.e >= FRAME.west && b.w <= FRAME.east && b.n >= FRAME.south && b.s <= FRAME.north;
};

// A country whose parts lie on both sides of the antimeridian (Russia's Chukotka, Alaska's
// Aleutians) would be drawn with edges across the whole map: move its western-hemisphere parts
// east of 180° so that each ring is continuous.
function unwrapAntimeridian(geometry) {
  const b = bbox(geometry.coordinates);
  if (b.e - b.w <= 180) return geometry;
  const walk = (c) => (typeof c[0] === 'number' ? [c[0] < 0 ? c[0] + 360 : c[0], c[1]] : c.map(walk));
  return { ...geometry, coordinates: walk(geometry.coordinates) };
}

function features(topo, keep, digits) {
  return feature(topo, topo.objects.countries).features
    .filter((f) => f.geometry && keep(f))
    .filter((f) => inFrame(f.geometry))
    .map((f) => {
      const g = unwrapAntimeridian(f.geometry);
      return { type: 'Feature', id: f.id, properties: {}, geometry: { type: g.type, coordinates: round(digits)(g.coordinates) } };
    });
}

const out = process.argv[2];
if (!out) {
  console.error('usage: node .ci/basemap.mjs OUT.json');
  process.exit(2);
}
const collection = {
  type: 'FeatureCollection',
  // Attribution travels with the file.
  source: 'Natural Earth (public domain), via world-atlas 2.0.2',
  features: [
    ...features(load('countries-110m.json'), (f) => !DETAILED.has(f.id), 2),
    ...features(load('countries-50m.json'), (f) => DETAILED.has(f.id), 3),
  ],
};
fs.writeFileSync(out, JSON.stringify(collection));
console.log(`basemap: ${collection.features.length} countries, ${fs.statSync(out).size} bytes -> ${out}`);
