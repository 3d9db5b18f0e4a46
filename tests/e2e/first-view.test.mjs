// Issue 19: the first view asks only for what it shows, each file once, the wasm and the outlines
// with the page (first-paint.js asks for them once the first paint is on screen: no waterfall;
// not the data, which the app reads with a size limit), and what it does not need (the PNG library, the file check's
// worker, the canvas's worker, the tours) loads when first used, also offline. Not timed: the
// times are `make bench`'s.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, DATA, DEFAULT_PAIRS, drawable, drawnLinks, expected, isolatedPointOfLink, listedPairs, newPage, settled, useBrowser, ready } from './support.mjs';

const t = useBrowser();

/** The files of the first view, relative to the map's folder ('' is the page itself). */
const FIRST_VIEW = [
  '',
  'vendor/leaflet/leaflet.css',
  'first-paint.css',
  'first-paint.js',
  'style.css',
  'vendor/leaflet/leaflet.js',
  'boot.js',
  'pkg/partnership_map.js',
  'pkg/partnership_map_bg.wasm',
  'data/partnerships.json',
  'basemap.json',
].sort();

/** The page's requests (and its workers) from the start until it is ready and the network has
 * been quiet, as paths relative to `base`. */
async function firstView(page, base, query) {
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const timing = [];
  page.on('requestfinished', (r) => timing.push(r.url()));
  await page.goto(base + query, { waitUntil: 'networkidle' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  const relative = (u) => {
    const url = new URL(u);
    return url.origin + url.pathname === base ? '' : (url.origin + url.pathname).slice(base.length);
  };
  return { requests: page.requests.filter((u) => !u.startsWith('data:')).map(relative), workers: workers.map(relative) };
}

/** The files of the first view with the app's module `module` (an embed has its own). */
const filesWith = (module) => FIRST_VIEW.map((f) => f.replace(/^pkg\/partnership_map/, `pkg/${module}`)).sort();

for (const [name, query, size, module] of [
  // Not the opening view (which is the first view's module's: below): the whole app at once.
  ['the map sorted by name, phone', '?lang=en&sort=name', { width: 390, height: 844, touch: true }, 'partnership_map'],
  ['the world view sorted by name, laptop', '?lang=ko&view=world&sort=name', { width: 1280, height: 800 }, 'partnership_map'],
  // The embed's own module only: never the whole app's.
  ['an embed showing one region', '?lang=fr&embed=1&region=FR-IDF', { width: 640, height: 460 }, 'partnership_map_embed'],
  // The pavilion's screen is the whole app, embedded or not.
  ['a kiosk in an embed', '?lang=en&embed=1&mode=kiosk', { width: 1280, height: 800 }, 'partnership_map'],
]) {
  test(`first view, ${name}: only the files it shows are asked for, each once; no worker, no PNG library, no tour`, async () => {
    t.page = await newPage(t.env, size);
    const { requests, workers } = await firstView(t.page, t.env.subUrl, query);
    assert.deepEqual([...new Set(requests)].sort(), filesWith(module), `asked for: ${requests.join(', ')}`);
    // Each once: the preloads of first-paint.js are what the app's own requests use (a preload that
    // did not match, e.g. without `crossorigin`, would download the wasm twice).
    const twice = requests.filter((u, i) => requests.indexOf(u) !== i);
    assert.deepEqual(twice, [], 'no file downloaded twice');
    assert.deepEqual(workers, [], 'no worker started');
    // And the first view is whole.
    const listed = await listedPairs(t.page);
    assert.ok(listed.length > 0 && listed.length <= DATA.partnerships.length, `${listed.length} pairs listed`);
  });
}

test('first view: the wasm and the outlines are asked for before the app\'s script has run (no waterfall)', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  // Hold the app's script: if the wasm, the data and the basemap are still asked for, it is the
  // page that asked (first-paint.js: preloads, and the data's request the app takes over), not
  // the script.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const asked = [];
  t.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await t.page.route('**/pkg/partnership_map.js', async (route) => { await held; await route.continue(); });
  await t.page.goto(`${t.env.subUrl}?lang=en&sort=name`);
  await t.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('basemap.json') && e.responseEnd > 0), null, { timeout: 20000 });
  for (const f of ['pkg/partnership_map_bg.wasm', 'basemap.json', 'data/partnerships.json']) {
    assert.ok(asked.includes(`/carte/coree/${f}`), `${f} asked for while the app's script is held: ${asked.join(', ')}`);
  }
  release();
  await ready(t.page);
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
});

test('lazily loaded parts load when first used and work offline: the PNG library, the file check\'s worker', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
  const workers = [];
  t.page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await ready(t.page);
  await t.page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
  await t.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

  // The network gone; a new visit, run by the offline copy.
  await t.page.context().setOffline(true);
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await ready(t.page);
  const before = await t.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(!before.some((p) => p.includes('html-to-image')), 'the PNG library is not loaded before it is used');
  assert.deepEqual(workers, [], 'no worker before it is used');

  // The PNG library: loaded on the first "Download PNG", and it makes the picture.
  await t.page.getByText('Share', { exact: true }).click();
  const download = t.page.waitForEvent('download');
  await t.page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.png$/);
  await t.page.getByRole('status').filter({ hasText: 'Image saved' }).waitFor();
  const after = await t.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(after.some((p) => p.endsWith('vendor/html-to-image/html-to-image.js')), 'the PNG library was loaded on first use');
  await t.page.keyboard.press('Escape');

  // The file check's worker: a file over 256 KB is checked in it, offline too.
  const doc = structuredClone(DATA);
  doc.partnerships = [...doc.partnerships, ...Array.from({ length: 1500 }, (_, i) => ({ ...structuredClone(DATA.partnerships[0]), id: `broken-${i}`, year: 3000 }))];
  const text = JSON.stringify(doc);
  assert.ok(text.length > 256 * 1024);
  await t.page.getByRole('button', { name: 'About', exact: true }).click();
  await t.page.setInputFiles('dialog.about-panel .file-button input[type=file]', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await t.page.locator('.preview-banner').waitFor();
  assert.ok(workers.includes('/carte/coree/loader-worker.js'), `the check ran in the worker: ${workers}`);
  const count = Number(await t.page.locator('section.problems').getAttribute('data-problem-count'));
  assert.ok(count >= 1500, `${count} problems found offline`);
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
  await t.page.context().setOffline(false);
});

// The embed's opening view is the first view's module's (src/first.rs): the map seam alone,
// drawing from first-view.json; the embed's interface starts on first use (public/boot.js).
const EMBED_FIRST = [
  '', 'vendor/leaflet/leaflet.css', 'first-paint.css', 'first-paint.js', 'first-view.css', 'vendor/leaflet/leaflet.js', 'boot.js',
  'pkg/partnership_map_first.js', 'pkg/partnership_map_first_bg.wasm', 'basemap.json', 'first-view.json',
].sort();
/** Asked for ahead, once the first view is drawn and the page is idle: the interface's files. */
const EMBED_AHEAD = ['pkg/partnership_map_embed.js', 'pkg/partnership_map_embed_bg.wasm', 'style.css'];

/** Opens an embed's opening view and waits until it is drawn and its maps stand still, the
 *  pointer kept away (no first use). Returns the paths asked for until then. */
async function openFirstView(page, base, query) {
  const asked = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:') asked.push(url.origin + url.pathname === base ? '' : (url.origin + url.pathname).slice(base.length));
  });
  // When the first view said drawn, in the page's clock (its resource entries' `startTime`).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.documentElement.dataset.firstView === 'drawn') window.drawnAt ??= performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-first-view'] });
  });
  await page.goto(base + query);
  await page.waitForSelector('html[data-first-view="drawn"]', { timeout: 20000 });
  await settled(page);
  return asked;
}

for (const [name, query, size, lang] of [
  ['a partner\'s frame 640×460, English', '?embed=1&lang=en', { width: 640, height: 460 }, 'en'],
  ['a phone, Korean, stacked', '?embed=1&lang=ko', { width: 390, height: 844, touch: true }, 'ko'],
  ['a small frame 300×300, French, the world view', '?embed=1&lang=fr&view=world', { width: 300, height: 300 }, 'fr'],
]) {
  test(`an embed's opening view, ${name}: drawn by the first view's module alone (no interface, no data), every link and the names, the count`, async () => {
    t.page = await newPage(t.env, size);
    const asked = await openFirstView(t.page, t.env.subUrl, query);
    const before = asked.filter((f) => !EMBED_AHEAD.includes(f));
    assert.deepEqual([...new Set(before)].sort(), EMBED_FIRST, `asked for: ${asked.join(', ')}`);
    assert.deepEqual(before.filter((u, i) => before.indexOf(u) !== i), [], 'no file downloaded twice');
    assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'loading', 'the interface has not started');
    assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS), 'every link of the opening view');
    const names = await t.page.$$eval('.pm-name.is-placed', (n) => n.map((e) => e.textContent));
    assert.ok(names.length >= 3, `names on the map: ${names.join(', ')}`);
    assert.equal(await t.page.locator('#first-view .filter-count').innerText(), countText(DEFAULT_PAIRS, { lang, drawn: DEFAULT_PAIRS.length }));
    assert.equal(await t.page.evaluate(() => document.documentElement.lang), lang);
    // The interface's files come ahead, at the first idle moment, without being started.
    await t.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('partnership_map_embed_bg.wasm') && e.responseEnd > 0), null, { timeout: 20000 });
    assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'loading', 'fetched ahead, not started');
    // ... and only once the first view is drawn: until then the network is the first view's.
    const early = await t.page.evaluate((ahead) => performance.getEntriesByType('resource')
      .filter((e) => ahead.some((f) => new URL(e.name).pathname.endsWith(`/${f}`)) && e.startTime < window.drawnAt).map((e) => e.name), EMBED_AHEAD);
    assert.deepEqual(early, [], 'the interface\'s files asked for before the first view was drawn');
  });
}

/** The share of pixels that differ (by more than a rounding) between two screenshots. */
const changedPixels = (page, a, b) => page.evaluate(async ([a, b]) => {
  const load = async (x) => createImageBitmap(await (await fetch(`data:image/png;base64,${x}`)).blob());
  const px = async (x) => { const i = await load(x); const c = new OffscreenCanvas(i.width, i.height).getContext('2d'); c.drawImage(i, 0, 0); return c.getImageData(0, 0, i.width, i.height).data; };
  const [p, q] = [await px(a), await px(b)];
  let n = 0;
  for (let k = 0; k < p.length; k += 4) if (Math.abs(p[k] - q[k]) + Math.abs(p[k + 1] - q[k + 1]) + Math.abs(p[k + 2] - q[k + 2]) > 30) n++;
  return n / (p.length / 4);
}, [a.toString('base64'), b.toString('base64')]);

// A partner's frame, and a wide one (where the Korean map once slid 43 px after it was drawn:
// the size observer's first call framed it again).
for (const [size, lang, list] of [[{ width: 640, height: 460 }, 'en', 'List'], [{ width: 1920, height: 1080 }, 'fr', 'Liste']]) test(`first use of an embed (${size.width}×${size.height}): the interface replaces the first view in place (the same map, the same frame), then works`, async () => {
  t.page = await newPage(t.env, size);
  await openFirstView(t.page, t.env.subUrl, `?embed=1&lang=${lang}`);
  // The filters' summary says what they give, at every width (it was hidden above 1,100 px).
  assert.ok(await t.page.locator('#first-view .filter-count').isVisible(), 'the first view shows the count');
  const look = async () => ({
    box: await t.page.locator('.map').evaluate((m) => { const r = m.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }),
    links: await drawnLinks(t.page),
    picture: await t.page.screenshot(),
  });
  const first = await look();
  // A visitor's pointer comes onto the frame.
  await t.page.mouse.move(320, 20);
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.equal(await t.page.locator('#first-view').count(), 0, 'the first view is gone');
  await settled(t.page);
  assert.ok(await t.page.locator('.filter-panel .filter-count').isVisible(), 'the interface shows the count');
  const then = await look();
  assert.deepEqual(then.box, first.box, 'the map keeps its place');
  assert.deepEqual(then.links, first.links, 'the same links');
  const changed = await changedPixels(t.page, first.picture, then.picture);
  assert.ok(changed < 0.02, `the swap changes ${(changed * 100).toFixed(2)} % of the pixels`);
  // The interface's own: the list.
  await t.page.getByRole('button', { name: list }).click();
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
});

for (const [what, size, query] of [['an embed', { width: 1024, height: 768 }, '?embed=1&lang=en'], ['the full map', { width: 1280, height: 800 }, '?lang=en']]) test(`first use of ${what} by a click on a line: the interface opens that partnership's card`, async () => {
  t.page = await newPage(t.env, size);
  await openFirstView(t.page, t.env.subUrl, query);
  const id = drawable(DEFAULT_PAIRS).find((p) => p.includes('nantes')) ?? drawable(DEFAULT_PAIRS)[0];
  const at = await isolatedPointOfLink(t.page, id);
  assert.ok(at, `a point of ${id} alone`);
  await t.page.mouse.click(at.x, at.y);
  const card = t.page.locator('article.pair-card');
  await card.waitFor({ timeout: 20000 });
  assert.equal(await card.getAttribute('data-pair-id'), id);
  assert.equal(await t.page.evaluate(() => document.documentElement.dataset.firstView), 'replaced');
  assert.equal(new URL(t.page.url()).searchParams.get('pair'), id);
});

test('first use of an embed by a click on List: the interface shows the list', async () => {
  t.page = await newPage(t.env, { width: 640, height: 460 });
  await openFirstView(t.page, t.env.subUrl, '?embed=1&lang=en');
  await t.page.locator('#first-view .embed-toggle').click();
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  await t.page.waitForFunction(() => document.querySelector('.list-column li[data-pair-id]')?.offsetParent, null, { timeout: 10000 });
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
  assert.equal(await t.page.locator('.embed-toggle').getAttribute('aria-pressed'), 'true');
});

test('first use of an embed from the keyboard: the first Tab starts the interface, and the focus is then in it', async () => {
  t.page = await newPage(t.env, { width: 640, height: 460 });
  await openFirstView(t.page, t.env.subUrl, '?embed=1&lang=en');
  await t.page.keyboard.press('Tab');
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  await t.page.waitForFunction(() => document.activeElement && document.activeElement !== document.body && document.getElementById('app').contains(document.activeElement), null, { timeout: 5000 });
});

for (const [what, file] of [['its module', '**/pkg/partnership_map_first_bg.wasm'], ['its file', '**/first-view.json']]) {
  test(`an embed's first view without ${what} (missing on the server): the embed's interface starts at once instead`, async () => {
    t.page = await newPage(t.env, { width: 640, height: 460 });
    t.allowedErrors = [/Failed to load resource|404/];
    await t.page.route(file, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await t.page.goto(`${t.env.subUrl}?embed=1&lang=en`);
    // No first use: the interface comes on its own.
    await ready(t.page);
    assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
    assert.equal(await t.page.locator('#first-view').count(), 0);
  });
}

// The full map's opening view: the app's own page, written by the build from the app itself
// (.ci/prerender.mjs), with the maps drawn into it by the first view's module; the whole app's
// interface starts on first use (public/boot.js) and replaces it in place.
const PAGE_FIRST = [
  '', 'vendor/leaflet/leaflet.css', 'first-paint.css', 'first-paint.js', 'style.css', 'vendor/leaflet/leaflet.js', 'boot.js',
  'pkg/partnership_map_first.js', 'pkg/partnership_map_first_bg.wasm', 'basemap.json', 'first-view.json',
];
/** Asked for ahead, once the first view is drawn and the page is idle: the interface's module. */
const PAGE_AHEAD = ['pkg/partnership_map.js', 'pkg/partnership_map_bg.wasm'];

for (const [name, query, size, lang, view] of [
  ['a phone, English', '?lang=en', { width: 390, height: 844, touch: true }, 'en', 'twin'],
  ['a laptop, Korean, the world view', '?lang=ko&view=world', { width: 1280, height: 800 }, 'ko', 'world'],
  ['a tablet in the browser\'s language (French)', '', { width: 820, height: 1180, locale: 'fr-FR' }, 'fr', 'twin'],
]) {
  test(`the full map's opening view, ${name}: the app's page drawn by the first view's module alone (no interface, no data): the list, the count, every link and the names`, async () => {
    t.page = await newPage(t.env, size);
    const asked = await openFirstView(t.page, t.env.subUrl, query);
    const before = asked.filter((f) => !PAGE_AHEAD.includes(f));
    assert.deepEqual([...new Set(before)].sort(), [...PAGE_FIRST, `first-view-${lang}-${view}.json`].sort(), `asked for: ${asked.join(', ')}`);
    assert.deepEqual(before.filter((u, i) => before.indexOf(u) !== i), [], 'no file downloaded twice');
    assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'loading', 'the interface has not started');
    assert.equal(await t.page.evaluate(() => document.documentElement.lang), lang);
    assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS, 'the list of the opening view');
    assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS), 'every link of the opening view');
    assert.equal(await t.page.locator(`.map[data-view="${view}"]`).count(), 1);
    const names = await t.page.$$eval('.pm-name.is-placed', (n) => n.map((e) => e.textContent));
    assert.ok(names.length >= 3, `names on the map: ${names.join(', ')}`);
    const count = await t.page.locator('.result-count').first().innerText();
    assert.equal(count, countText(DEFAULT_PAIRS, { lang, drawn: DEFAULT_PAIRS.length }));
    // The interface's module comes ahead, at the first idle moment, without being started.
    await t.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/partnership_map_bg.wasm') && e.responseEnd > 0), null, { timeout: 20000 });
    assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'loading', 'fetched ahead, not started');
    const early = await t.page.evaluate((ahead) => performance.getEntriesByType('resource')
      .filter((e) => ahead.some((f) => new URL(e.name).pathname.endsWith(`/${f}`)) && e.startTime < window.drawnAt).map((e) => e.name), PAGE_AHEAD);
    assert.deepEqual(early, [], 'the interface\'s files asked for before the first view was drawn');
    // Then the interface: the same count.
    await ready(t.page);
    await t.page.waitForSelector('html[data-first-view="replaced"]');
    assert.equal(await t.page.locator('.result-count').first().innerText(), count);
  });
}

for (const [size, query] of [
  [{ width: 1280, height: 800 }, '?lang=fr'],
  [{ width: 390, height: 844, touch: true }, '?lang=ko'],
  [{ width: 1024, height: 768 }, '?lang=en'],
  [{ width: 1920, height: 1080 }, '?lang=en&view=world'],
]) test(`first use of the full map (${size.width}×${size.height}, ${query}): the interface replaces the first view in place, the same page, then works`, async () => {
  t.page = await newPage(t.env, size);
  await openFirstView(t.page, t.env.subUrl, query);
  const look = async () => ({
    box: await t.page.locator('.map').evaluate((m) => { const r = m.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round); }),
    links: await drawnLinks(t.page),
    list: await listedPairs(t.page),
    picture: await t.page.screenshot({ fullPage: true }),
  });
  const first = await look();
  // A visitor's pointer comes onto the page's header.
  await t.page.mouse.move(20, 10);
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  assert.equal(await t.page.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.equal(await t.page.locator('#first-view').count(), 0, 'the first view is gone');
  assert.equal(await t.page.locator('#app').count(), 1);
  await settled(t.page);
  const then = await look();
  assert.deepEqual(then.box, first.box, 'the map keeps its place');
  assert.deepEqual(then.links, first.links, 'the same links');
  assert.deepEqual(then.list, first.list, 'the same list');
  const changed = await changedPixels(t.page, first.picture, then.picture);
  assert.ok(changed < 0.02, `the swap changes ${(changed * 100).toFixed(2)} % of the pixels`);
  // The interface's own: a filter.
  await t.page.goto(`${t.env.subUrl}${query}&region=FR-IDF`);
  await ready(t.page);
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['FR-IDF'] }));
});

test('first use of the full map by a click on a filter: the interface applies it', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openFirstView(t.page, t.env.subUrl, '?lang=en');
  const box = t.page.locator('#app .filter-panel label').filter({ hasText: 'Île-de-France' });
  await box.click();
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  await t.page.waitForFunction(() => new URLSearchParams(location.search).get('region') === 'FR-IDF', null, { timeout: 10000 });
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['FR-IDF'] }));
  assert.ok(await t.page.locator('#region-FR-IDF').isChecked(), 'its box ticked');
  assert.deepEqual(await t.page.$$eval('.filter-panel input[id^="region-"]:checked', (l) => l.map((i) => i.id)), ['region-FR-IDF'], 'that box alone among the regions');
});

test('first use of the full map by typing a search: what was typed is the interface\'s search', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openFirstView(t.page, t.env.subUrl, '?lang=en');
  await t.page.locator('#app input[type=search]').click();
  await t.page.keyboard.type('Nantes');
  await t.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 20000 });
  const input = t.page.locator('#search-input');
  assert.equal(await input.inputValue(), 'Nantes');
  await t.page.waitForFunction(() => document.activeElement?.id === 'search-input', null, { timeout: 5000 });
  await t.page.locator('#search-suggestions:not([hidden]) [role=option]').first().waitFor({ timeout: 10000 });
});

test('the full map\'s first view without its page (missing on the server): the interface starts at once instead', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  t.allowedErrors = [/Failed to load resource|404/];
  await t.page.route('**/first-view-en-twin.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
  assert.equal(await t.page.locator('#first-view').count(), 0);
});

test('a map too large for the first view (the build marks its page `data-first-view="off"`): the interface starts at once, with none of the first view\'s files', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  // The page as the build writes it for more than 500 drawable links (domain::first_view::pays).
  await t.page.route(/\/carte\/coree\/(\?.*)?$/, async (route) => {
    const page = await route.fetch();
    const html = (await page.text()).replace('<main class="first-paint"', '<main class="first-paint" data-first-view="off"');
    assert.ok(html.includes('data-first-view="off"'));
    await route.fulfill({ response: page, body: html });
  });
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  assert.equal(await t.page.evaluate(() => document.documentElement.dataset.module), 'partnership_map');
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  assert.deepEqual(t.page.requests.filter((u) => /first-view|partnership_map_first/.test(u)), [], 'no file of the first view');
});
