// Issue 7 (first part): the map embedded in a partner's page, on another origin and under a
// sub-path — `embed=1` and `focus=`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../.ci/serve.mjs';
import { DATA, DEFAULT_PAIRS, drawable, expected, newPage, saveScreenshot, useBrowser, useEmbed, ready } from './support.mjs';

const t = useBrowser();

/** A partner's page (its own local server: another origin) with the map in an iframe. */
async function hostPage(src, extra = '') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A partner city</title></head>
<body style="margin:0;font-family:sans-serif"><div style="height:250px">Our twin cities</div>
<iframe id="map" title="Partnerships of Daejeon" src="${src}" width="640" height="460" style="border:0" loading="lazy" allow="fullscreen"></iframe>
<div style="height:2000px">More of the partner's page</div>${extra}</body></html>`);
  return startServer({ dir, port: 0 });
}

/** The resize script of the README ("Embed it"), for a map served from `origin`. */
const resizeScript = (origin) => `<script>
addEventListener("message", function (e) {
  var f = document.getElementById("map");
  if (e.origin !== "${origin}" || !f || e.source !== f.contentWindow || !e.data || e.data.type !== "franco-korean-map:height") return;
  f.style.height = Math.max(300, Math.min(5000, Number(e.data.height) || 0)) + "px";
});
</script>`;

const pairsOf = (authority) => DEFAULT_PAIRS.filter((id) => DATA.partnerships.find((p) => p.id === id).authorities.includes(authority));

test('embedded on another origin: embed=1 shows only the map, a list switch and a filter drawer; focus= shows exactly that authority\'s pairs; "open the full map" carries the state; the wheel scrolls the page until the map is used', async () => {
  const host = await hostPage(`${t.env.subUrl}?embed=1&focus=kr-daejeon&lang=en`);
  try {
    t.page = await newPage(t.env, { width: 1024, height: 768 });
    await t.page.goto(host.url);
    await t.page.locator('#map').scrollIntoViewIfNeeded();
    const frame = await (await t.page.waitForSelector('#map')).contentFrame();
    await useEmbed(t.page, await t.page.$('#map'));
    await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
    assert.notEqual(new URL(frame.url()).origin, new URL(host.url).origin, 'the map is on another origin');

    // The full page's chrome is gone; the bar, the map and the closed filter drawer remain.
    for (const sel of ['.app-header', '.side-tabs', '.data-menu', '.list-column']) {
      assert.equal(await frame.locator(sel).first().isVisible(), false, `${sel} hidden`);
    }
    assert.ok(await frame.locator('.embed-bar').isVisible());
    assert.ok(await frame.locator('.map').isVisible());
    assert.equal(await frame.locator('details.filter-panel').getAttribute('open'), null, 'filters start as a closed drawer');
    await saveScreenshot(t.page, 'embed-640x460');

    // Only Daejeon's partnerships, on the map and in the list.
    const mine = pairsOf('kr-daejeon');
    assert.ok(mine.length >= 2, `${mine}`);
    const drawn = await frame.$$eval('path.pm-link[data-pair-id]', (ps) => [...new Set(ps.map((p) => p.dataset.pairId))].sort());
    assert.deepEqual(drawn, drawable(mine));
    await frame.getByRole('button', { name: 'List' }).click();
    assert.ok(await frame.locator('.list-column').isVisible());
    assert.equal(await frame.locator('.map').isVisible(), false);
    assert.deepEqual(await frame.$$eval('li[data-pair-id]', (lis) => lis.map((li) => li.dataset.pairId).sort()), [...mine].sort());
    await frame.getByRole('button', { name: 'Map' }).click();
    await frame.locator('.map').waitFor();
    // Shown again, the map is framed again: measured once it stands still.
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await frame.waitForSelector('.map[data-settled="true"]', { state: 'attached' });

    // No scroll trap: over the map, the wheel scrolls the partner's page and leaves the map alone…
    // (Positions inside the frame: the frame itself moves when the partner's page scrolls.)
    const id = await frame.$eval('.leaflet-marker-icon.pm-marker--kr[data-authority-id]:not(.is-grouped)', (e) => e.dataset.authorityId);
    const where = () => frame.$eval(`.leaflet-marker-icon[data-authority-id="${id}"]`, (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y)]; });
    const before = await where();
    const box = await t.page.locator('#map').boundingBox();
    await t.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrolled = await t.page.evaluate(() => window.scrollY);
    await t.page.mouse.wheel(0, 200);
    await t.page.waitForFunction((y) => window.scrollY > y, scrolled);
    await t.page.waitForTimeout(400);
    assert.deepEqual(await where(), before, 'the map did not zoom');
    // …until the map is clicked (on the sea east of Korea, where nothing else is): then the
    // wheel zooms it.
    const mapBox = await frame.locator('.twin-pane--kr').boundingBox();
    await t.page.mouse.click(mapBox.x + mapBox.width - 12, mapBox.y + mapBox.height / 2);
    const at = await where();
    await t.page.mouse.move(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    const y = await t.page.evaluate(() => window.scrollY);
    await t.page.mouse.wheel(0, -300);
    await t.page.waitForTimeout(800);
    assert.notDeepEqual(await where(), at, 'the map zoomed');
    assert.equal(await t.page.evaluate(() => window.scrollY), y, 'the page stayed put');

    // "Open the full map": a new tab on the same state, without embed=1.
    const link = frame.locator('a.embed-open');
    assert.equal(await link.getAttribute('target'), '_blank');
    const [full] = await Promise.all([t.page.context().waitForEvent('page'), link.click()]);
    await ready(full);
    const params = Object.fromEntries(new URL(full.url()).searchParams);
    assert.deepEqual(params, { focus: 'kr-daejeon', lang: 'en' });
    assert.ok(full.url().startsWith(t.env.subUrl), 'under the same sub-path');
    assert.ok(await full.locator('.app-header').isVisible());
    assert.deepEqual(await full.$$eval('li[data-pair-id]', (lis) => lis.map((li) => li.dataset.pairId).sort()), [...mine].sort());

    // Nothing was asked of any other origin than the partner's and the map's.
    const origins = new Set([new URL(host.url).origin, new URL(t.env.subUrl).origin]);
    assert.deepEqual(t.page.requests.filter((u) => !u.startsWith('data:') && !origins.has(new URL(u).origin)), []);
  } finally {
    host.server.close();
  }
});

test('an embedded map is usable at 300×300: the bar on one line, the filter drawer and a world map all fit, nothing scrolls sideways', async () => {
  t.page = await newPage(t.env, { width: 300, height: 300 });
  await t.page.goto(`${t.env.subUrl}?embed=1&lang=fr`);
  await useEmbed(t.page);
  await ready(t.page);
  const box = (sel) => t.page.locator(sel).first().boundingBox();
  const [bar, map] = [await box('.embed-bar'), await box('.map')];
  assert.ok(bar.height <= 60, `bar ${bar.height} px`);
  assert.ok(map.height >= 120 && map.width >= 290, `map ${map.width}×${map.height}`);
  assert.ok(map.y + map.height <= 301, 'the map ends inside the frame');
  assert.equal(await t.page.evaluate(() => document.documentElement.scrollWidth), 300, 'no sideways scroll');
  assert.ok((await t.page.locator('.leaflet-marker-icon').count()) > 0);
  // Too low for two stacked maps: one world map shows both ends of every link, without the
  // view switch over it; the bar's three controls stay on one line.
  assert.equal(await t.page.locator('.map').getAttribute('data-view'), 'world');
  assert.equal(await t.page.locator('.view-toggle').isVisible(), false);
  const tops = await t.page.locator('.embed-bar > :not(h1)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.ok(Math.max(...tops) - Math.min(...tops) < 12, `one line: ${tops}`);
  await saveScreenshot(t.page, 'embed-300x300');
  // Asked for by name, the twin view is what shows.
  await t.page.goto(`${t.env.subUrl}?embed=1&lang=fr&view=twin`);
  await useEmbed(t.page);
  await ready(t.page);
  assert.equal(await t.page.locator('.map').getAttribute('data-view'), 'twin');
});

test('the resize script sizes the iframe to what the map asks for (more when the list is shown) and ignores messages from any other origin', async () => {
  const mapOrigin = new URL(t.env.subUrl).origin;
  const host = await hostPage(`${t.env.subUrl}?embed=1&lang=en`, resizeScript(mapOrigin));
  try {
    t.page = await newPage(t.env, { width: 1024, height: 768 });
    await t.page.goto(host.url);
    const frame = await (await t.page.waitForSelector('#map')).contentFrame();
    await useEmbed(t.page, await t.page.$('#map'));
    await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
    const height = () => t.page.$eval('#map', (f) => f.getBoundingClientRect().height);
    // The map asks for its bar, the closed filter drawer and 420 px of map.
    await t.page.waitForFunction(() => document.getElementById('map').style.height !== '');
    const mapHeight = await height();
    const wanted = await frame.evaluate(() => ['.embed-bar', '.filters-column'].reduce((n, s) => n + document.querySelector(s).getBoundingClientRect().height, 0) + 420);
    assert.ok(Math.abs(mapHeight - wanted) <= 2, `${mapHeight} ≈ ${wanted}`);
    // The list is longer: the frame grows to show it whole.
    await frame.getByRole('button', { name: 'List' }).click();
    await t.page.waitForFunction((h) => document.getElementById('map').getBoundingClientRect().height > h + 200, mapHeight);
    const listHeight = await height();
    const fit = await frame.evaluate(() => { const l = document.querySelector('.list-column'); return [l.scrollHeight, l.clientHeight, innerHeight, document.body.scrollHeight, [...document.body.children].map((c) => `${c.className}:${c.getBoundingClientRect().height}`).join(' ')]; });
    assert.ok(fit[0] <= fit[1] + 1, `the list needs no scrolling inside the frame: ${fit}`);
    // The same message from the partner's own page (another origin) changes nothing.
    await t.page.evaluate(() => window.postMessage({ type: 'franco-korean-map:height', height: 3333 }, '*'));
    await t.page.waitForTimeout(300);
    assert.equal(await height(), listHeight);
    // Back to the map: the frame shrinks again.
    await frame.getByRole('button', { name: 'Map' }).click();
    await t.page.waitForFunction((h) => Math.abs(document.getElementById('map').getBoundingClientRect().height - h) <= 2, mapHeight);
  } finally {
    host.server.close();
  }
});

test('full screen from an embed: the Fullscreen API inside the iframe, or a pseudo full screen where the API is missing', async () => {
  const host = await hostPage(`${t.env.subUrl}?embed=1&lang=en`);
  try {
    t.page = await newPage(t.env, { width: 1024, height: 768 });
    await t.page.goto(host.url);
    const frame = await (await t.page.waitForSelector('#map')).contentFrame();
    await useEmbed(t.page, await t.page.$('#map'));
    await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
    const button = frame.getByRole('button', { name: 'Full screen' });
    await button.click();
    // The API answers with an event, and the button follows it in the next task: wait for both.
    const pressed = (value) => frame.waitForFunction(
      (v) => document.querySelector('.embed-fullscreen')?.getAttribute('aria-pressed') === v, value, { timeout: 5000 });
    await frame.waitForFunction(() => document.fullscreenElement === document.documentElement);
    await pressed('true');
    await button.click();
    await frame.waitForFunction(() => document.fullscreenElement === null);
    await pressed('false');
  } finally {
    host.server.close();
  }
  // Where there is no Fullscreen API (iOS Safari), the map takes the whole frame.
  const page = await newPage(t.env, { width: 400, height: 500 });
  await page.addInitScript(() => Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }));
  await page.goto(`${t.env.subUrl}?embed=1&lang=en`);
  await useEmbed(page);
  await ready(page);
  const before = await page.locator('.map').boundingBox();
  await page.getByRole('button', { name: 'Full screen' }).click();
  assert.match(await page.getAttribute('html', 'class'), /is-pseudo-fullscreen/);
  assert.equal(await page.locator('.filters-column').isVisible(), false);
  const during = await page.locator('.map').boundingBox();
  assert.ok(during.height > before.height && Math.round(during.y + during.height) === 500, `${JSON.stringify(before)} → ${JSON.stringify(during)}`);
  assert.equal(await page.getByRole('button', { name: 'Full screen' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Full screen' }).click();
  assert.doesNotMatch((await page.getAttribute('html', 'class')) ?? '', /is-pseudo-fullscreen/);
  await page.context().close();
});

test('the Embed builder: language, view, authority, filters and size give the snippet to paste, and its live preview is that embed', async () => {
  t.page = await newPage(t.env, { width: 1440, height: 900 });
  await t.page.goto(`${t.env.subUrl}?lang=en&from=2000`);
  await ready(t.page);
  await t.page.getByRole('button', { name: 'Embed' }).click();
  const dialog = t.page.getByRole('dialog', { name: 'Embed the map in a website' });
  await dialog.waitFor();
  await dialog.getByLabel('Language').selectOption('ko');
  await dialog.getByLabel('View').selectOption('world');
  await dialog.getByLabel('Authority').selectOption('kr-daejeon');
  await dialog.getByLabel('Width (px)').fill('500');
  await dialog.getByLabel('Width (px)').press('Tab');
  await dialog.getByLabel('Height (px)').fill('420');
  await dialog.getByLabel('Height (px)').press('Tab');
  await dialog.getByLabel('Fit the height to the content (script)').check();
  const snippet = await dialog.getByLabel('Code to paste').inputValue();
  // Read the snippet as a host page would.
  const parsed = await t.page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const f = doc.querySelector('iframe');
    return { src: f.getAttribute('src'), title: f.title, width: f.width, height: f.height, loading: f.getAttribute('loading'), allow: f.getAttribute('allow'), script: doc.querySelector('script')?.textContent ?? '' };
  }, snippet);
  const src = new URL(parsed.src);
  assert.ok(parsed.src.startsWith(t.env.subUrl), `${parsed.src} under the map's address`);
  assert.deepEqual(Object.fromEntries(src.searchParams), { from: '2000', focus: 'kr-daejeon', view: 'world', lang: 'ko', embed: '1' });
  assert.deepEqual([parsed.title, parsed.width, parsed.height, parsed.loading, parsed.allow], ['한불 지방정부 교류 지도', '500', '420', 'lazy', 'fullscreen']);
  assert.match(parsed.script, new RegExp(`e\\.origin !== "${new URL(t.env.subUrl).origin}"`));
  // The preview is that very embed, live.
  const preview = dialog.locator('.embed-preview iframe');
  assert.equal(await preview.getAttribute('src'), parsed.src);
  const frame = await (await preview.elementHandle()).contentFrame();
  await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  assert.equal(await frame.getAttribute('html', 'lang'), 'ko');
  const want = expected({ from: 2000 }).filter((id) => DATA.partnerships.find((p) => p.id === id).authorities.includes('kr-daejeon'));
  assert.deepEqual(await frame.$$eval('path.pm-link[data-pair-id]', (ps) => [...new Set(ps.map((p) => p.dataset.pairId))].sort()), drawable(want));
  await saveScreenshot(t.page, 'embed-builder-1440');
  // Unchecking "keep the current filters" drops from=2000.
  await dialog.getByLabel('Keep the current filters').uncheck();
  assert.equal(new URL(await preview.getAttribute('src')).searchParams.get('from'), null);
  await t.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Unloaded with the dialog (waited for: the dialog's close and the preview's removal are two steps).
  await t.page.locator('.embed-preview iframe').waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await t.page.locator('.embed-preview iframe').count(), 0, 'the preview is unloaded with the dialog');
});
