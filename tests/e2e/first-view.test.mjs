// Issue 19: the first view asks only for what it shows, each file once, the wasm and the outlines
// with the page (first-paint.js asks for them once the first paint is on screen: no waterfall;
// not the data, which the app reads with a size limit), and what it does not need (the PNG library, the file check's
// worker, the canvas's worker, the tours) loads when first used, also offline. Not timed: the
// times are `make bench`'s.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA, DEFAULT_PAIRS, listedPairs, newPage, useBrowser } from './support.mjs';

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
  await page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
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
  ['the map (side by side), phone', '?lang=en', { width: 390, height: 844, touch: true }, 'partnership_map'],
  ['the world view, laptop', '?lang=ko&view=world', { width: 1280, height: 800 }, 'partnership_map'],
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
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await t.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('basemap.json') && e.responseEnd > 0), null, { timeout: 20000 });
  for (const f of ['pkg/partnership_map_bg.wasm', 'basemap.json', 'data/partnerships.json']) {
    assert.ok(asked.includes(`/carte/coree/${f}`), `${f} asked for while the app's script is held: ${asked.join(', ')}`);
  }
  release();
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
});

test('lazily loaded parts load when first used and work offline: the PNG library, the file check\'s worker', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
  const workers = [];
  t.page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  await t.page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
  await t.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

  // The network gone; a new visit, run by the offline copy.
  await t.page.context().setOffline(true);
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
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
