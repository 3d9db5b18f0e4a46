// The baseline the benchmark compares the app with: the same JSON and the same filters, done
// the simple way with plain JavaScript and Leaflet (what a hand-made partnership map would do):
// rebuild every layer and the whole list on each change.
(async function () {
  const [data, basemap] = await Promise.all([
    fetch('../data/partnerships.json').then((r) => r.json()),
    fetch('../basemap.json').then((r) => r.json()).catch(() => null),
  ]);
  const authorities = new Map(data.authorities.map((a) => [a.id, a]));
  const map = L.map('map', { zoomSnap: 0.25 });
  if (basemap) L.geoJSON(basemap, { style: { color: '#b9b4a6', weight: 0.8, fillColor: '#f7f5ef', fillOpacity: 1 }, interactive: false }).addTo(map);
  const layer = L.layerGroup().addTo(map);
  const state = { regions: new Set(), themes: new Set(), from: null, to: null, unknown: true };

  const filters = document.getElementById('filters');
  const checkbox = (facet, id, label) => {
    const row = document.createElement('label');
    row.style.display = 'block';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `${facet}-${id}`;
    input.addEventListener('change', () => {
      const set = state[facet === 'region' ? 'regions' : 'themes'];
      input.checked ? set.add(id) : set.delete(id);
      render();
    });
    row.append(input, ' ', label);
    filters.append(row);
  };
  const usedRegions = new Set(data.authorities.map((a) => a.region));
  for (const r of data.regions.filter((r) => usedRegions.has(r.id))) checkbox('region', r.id, r.name.en ?? r.name.fr);
  for (const t of data.themes) checkbox('theme', t.id, t.label.en ?? t.label.fr);

  const agreement = (p) => p.status === 'signed' || p.status === 'listed';
  function visible() {
    return data.partnerships.filter((p) => {
      if (!agreement(p)) return false;
      const [kr, fr] = p.authorities.map((id) => authorities.get(id));
      if (!kr || !fr) return false;
      if (state.regions.size && !state.regions.has(kr.region) && !state.regions.has(fr.region)) return false;
      if (state.themes.size && !p.themes.some((t) => state.themes.has(t))) return false;
      if (p.year === null) return state.unknown;
      return (state.from === null || p.year >= state.from) && (state.to === null || p.year <= state.to);
    });
  }

  const list = document.getElementById('pairs');
  const count = document.getElementById('count');
  function render() {
    const shown = visible();
    layer.clearLayers();
    list.textContent = '';
    for (const p of shown) {
      const [kr, fr] = p.authorities.map((id) => authorities.get(id));
      if (kr.location && fr.location) {
        L.polyline([[fr.location.lat, fr.location.lng], [kr.location.lat, kr.location.lng]], { weight: 2, color: '#0f766e' }).addTo(layer);
        L.circleMarker([fr.location.lat, fr.location.lng], { radius: 5, color: '#1d4ed8' }).addTo(layer);
        L.circleMarker([kr.location.lat, kr.location.lng], { radius: 5, color: '#be123c' }).addTo(layer);
      }
      const li = document.createElement('li');
      li.dataset.pairId = p.id;
      li.textContent = `${kr.name.en ?? kr.name.fr} – ${fr.name.fr} ${p.year ?? ''}`;
      list.append(li);
    }
    count.textContent = `${shown.length} of ${data.partnerships.length} partnerships`;
  }
  render();
  map.fitBounds(L.latLngBounds(data.authorities.filter((a) => a.location).map((a) => [a.location.lat, a.location.lng])), { padding: [20, 20] });
  document.documentElement.dataset.state = 'ready';
})();
