// The benchmark's baseline (issue 19): the page a competent developer would write by hand for
// this map, in plain JavaScript and Leaflet, on the same data file and outlines as the app (the
// outlines as GeoJSON, which the benchmark writes beside it: the app's are its land file). It is
// what the app's first view is measured against, so it does the sensible things and no more:
//
// - the data and the basemap fetched at once, when the script runs;
// - one canvas for everything drawn (Leaflet's canvas renderer): the land, one line per
//   partnership, one dot per authority;
// - every layer made once; a filter change adds and removes only the layers whose visibility
//   changed (a dot stays while any of its shown partnerships does);
// - a list of the first 50 shown partnerships, each item made once and reused;
// - the same filters as the app (signed and listed agreements; region: either authority's;
//   theme: any of the pair's), with the same checkbox ids, so the benchmark can drive both and
//   check that they show the same number of pairs.
//
// `html[data-state="ready"]` is set, as the app sets it, once every link has been handed to the
// map (its canvas draws them in the next animation frame, as the app's canvas does); the
// benchmark then takes the end of the next frame as "every link drawn" for both. The count says
// `data-visible` and `data-drawn`, and the canvas `data-links-drawn` once drawn, like the app's.
(async function () {
  const [data, basemap] = await Promise.all([
    fetch('../data/partnerships.json').then((r) => r.json()),
    fetch('basemap.json').then((r) => r.json()).catch(() => null),
  ]);
  const name = (o) => (o && (o.en ?? o.fr ?? o.ko)) || '';
  const byId = new Map(data.authorities.map((a) => [a.id, a]));

  // Only the agreements (signed or listed) are shown by default, as in the app.
  const pairs = [];
  for (const p of data.partnerships) {
    if (p.status !== 'signed' && p.status !== 'listed') continue;
    const ends = p.authorities.map((id) => byId.get(id));
    if (ends.length !== 2 || !ends[0] || !ends[1]) continue;
    const kr = ends.find((a) => a.country === 'KR') ?? ends[0];
    const fr = ends.find((a) => a !== kr) ?? ends[1];
    pairs.push({ p, kr, fr, regions: [kr.region, fr.region], drawable: Boolean(kr.location && fr.location), layer: null, item: null });
  }

  const renderer = L.canvas({ padding: 0.3 });
  const map = L.map('map', { renderer, preferCanvas: true, zoomSnap: 0.25 });
  const located = data.authorities.filter((a) => a.location).map((a) => [a.location.lat, a.location.lng]);
  if (located.length) map.fitBounds(L.latLngBounds(located), { padding: [20, 20] });
  else map.setView([40, 70], 2);
  if (basemap) {
    L.geoJSON(basemap, { renderer, interactive: false, style: { color: '#b9b4a6', weight: 0.8, fillColor: '#f7f5ef', fillOpacity: 1 } }).addTo(map);
  }

  // One line per drawable partnership and one dot per authority, made once.
  const label = (x) => `${name(x.kr.name)} – ${name(x.fr.name)}${x.p.year ? ` (${x.p.year})` : ''}`;
  for (const x of pairs) {
    if (!x.drawable) continue;
    x.layer = L.polyline([[x.fr.location.lat, x.fr.location.lng], [x.kr.location.lat, x.kr.location.lng]], { renderer, weight: 1.5, color: '#0f766e', opacity: 0.75 });
    x.layer.bindPopup(() => label(x));
  }
  const dots = new Map();
  const dotOf = (a) => {
    let d = dots.get(a.id);
    if (!d) {
      const marker = L.circleMarker([a.location.lat, a.location.lng], { renderer, radius: 4, weight: 1.5, color: a.country === 'FR' ? '#1d4ed8' : '#be123c', fillOpacity: 0.9 });
      marker.bindPopup(() => name(a.name));
      d = { marker, shown: 0 };
      dots.set(a.id, d);
    }
    return d;
  };

  // The filters: the regions that have an authority, and every theme.
  const state = { regions: new Set(), themes: new Set() };
  const form = document.getElementById('filters');
  const group = (legend, facet, options) => {
    const set = document.createElement('fieldset');
    const title = document.createElement('legend');
    title.textContent = legend;
    set.append(title);
    for (const [id, text] of options) {
      const row = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = `${facet}-${id}`;
      input.addEventListener('change', () => {
        const chosen = facet === 'region' ? state.regions : state.themes;
        if (input.checked) chosen.add(id);
        else chosen.delete(id);
        apply();
      });
      row.append(input, ' ', text);
      set.append(row);
    }
    form.append(set);
  };
  const used = new Set(data.authorities.map((a) => a.region));
  group('Region', 'region', data.regions.filter((r) => used.has(r.id)).map((r) => [r.id, name(r.name)]));
  group('Theme', 'theme', data.themes.map((t) => [t.id, name(t.label)]));

  const matches = (x) =>
    (state.regions.size === 0 || x.regions.some((r) => state.regions.has(r)))
    && (state.themes.size === 0 || x.p.themes.some((t) => state.themes.has(t)));

  const list = document.getElementById('pairs');
  const count = document.getElementById('count');
  const more = document.getElementById('more');
  const shown = new Uint8Array(pairs.length);
  const FIRST = 50;
  let drawn = 0;

  /** Shows what the filters keep: only the layers that change are added or removed. */
  function apply() {
    const items = [];
    let visible = 0;
    for (let i = 0; i < pairs.length; i++) {
      const x = pairs[i];
      const on = matches(x) ? 1 : 0;
      if (on) {
        visible++;
        if (items.length < FIRST) {
          if (!x.item) {
            x.item = document.createElement('li');
            x.item.textContent = label(x);
          }
          items.push(x.item);
        }
      }
      if (on === shown[i]) continue;
      shown[i] = on;
      if (!x.drawable) continue;
      drawn += on ? 1 : -1;
      if (on) map.addLayer(x.layer);
      else map.removeLayer(x.layer);
      for (const a of [x.fr, x.kr]) {
        const d = dotOf(a);
        d.shown += on ? 1 : -1;
        if (on && d.shown === 1) map.addLayer(d.marker);
        else if (!on && d.shown === 0) map.removeLayer(d.marker);
      }
    }
    list.replaceChildren(...items);
    count.textContent = `${visible.toLocaleString('en')} of ${data.partnerships.length.toLocaleString('en')} partnerships`;
    count.dataset.visible = String(visible);
    count.dataset.drawn = String(drawn);
    more.textContent = visible > FIRST ? `and ${(visible - FIRST).toLocaleString('en')} more` : '';
    // Leaflet's canvas draws the changes in the next animation frame; say so once it has.
    const links = drawn;
    requestAnimationFrame(() => { renderer._container.dataset.linksDrawn = String(links); });
  }

  apply();
  document.documentElement.dataset.state = 'ready';
})().catch((error) => {
  console.error(error);
  document.documentElement.dataset.state = 'error';
});
