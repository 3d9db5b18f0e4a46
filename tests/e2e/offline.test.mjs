// Issue 8 (offline pavilion copy): the first visit keeps every file of the build; a reload with
// the network gone shows the whole map; a new build replaces the kept files cleanly.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../.ci/serve.mjs';
import { countText, DEFAULT_PAIRS, DIST, newPage, ROOT, saveScreenshot, useBrowser, useEmbed, ready } from './support.mjs';

const t = useBrowser();

/** Waits for the page to be run by the offline copy, all files kept. */
async function offlineReady(page) {
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

test('offline: the first visit keeps the whole build; with the network cut, a reload shows the full map (filters from the URL included) and says it is offline', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await ready(t.page);
  await offlineReady(t.page);
  assert.equal(await t.page.getByText('Available offline').isVisible(), true);
  // Every file of the build is kept, in one cache.
  const kept = await t.page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.equal(kept.names.length, 1);
  for (const f of ['index.html', 'boot.js', 'pkg/partnership_map_bg.wasm', 'vendor/leaflet/leaflet.js', 'basemap.json', 'data/partnerships.json', 'style.css', 'vendor/html-to-image/html-to-image.js']) {
    assert.ok(kept.urls.includes(`/carte/coree/${f}`), `${f} is kept`);
  }

  await t.page.context().setOffline(true);
  await t.page.goto(`${t.env.subUrl}?lang=en&region=FR-IDF&view=world`);
  await ready(t.page);
  assert.equal(await t.page.evaluate(() => navigator.onLine), false);
  assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');
  assert.equal(await t.page.locator('.map').getAttribute('data-view'), 'world');
  await t.page.waitForFunction(() => document.querySelectorAll('path.pm-land').length > 10, null, { timeout: 10000 });
  assert.equal(await t.page.getByText('Offline: the map is all here').isVisible(), true);
  await saveScreenshot(t.page, 'offline-1280');
  // All of it, without a filter.
  await t.page.goto(`${t.env.subUrl}?lang=en`);
  await ready(t.page);
  assert.equal(await t.page.locator('.result-count').textContent(), countText(DEFAULT_PAIRS));
  await t.page.context().setOffline(false);
});

test('the offline copy never moves the page: from the first view until its files are kept, nothing on screen shifts (phone in French and Korean, tablet, laptop); on a phone and a tablet "Available offline" is a note at the foot that goes', async () => {
  for (const [lang, width, height, touch] of [['fr', 390, 844, true], ['ko', 390, 844, true], ['fr', 820, 1180, true], ['en', 1280, 800, false]]) {
    const where = `${lang} ${width}×${height}`;
    await t.page?.context().close();
    t.page = await newPage(t.env, { width, height, touch, serviceWorkers: 'allow' });
    // What a visitor sees move: the browser's own layout shifts (none follow an input here).
    await t.page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.shifts.push({ value: e.value, moved: e.sources.map((s) => s.node?.className || s.node?.nodeName) });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await t.page.goto(`${t.env.subUrl}?lang=${lang}`);
    await t.page.waitForSelector('html[data-first-view="drawn"]');
    const header = await t.page.locator('.app-header').boundingBox();
    await offlineReady(t.page);
    const note = t.page.locator('.offline-ready');
    await note.waitFor({ state: 'visible' });
    if (lang === 'ko') await saveScreenshot(t.page, 'offline-kept-ko-390');
    if (width < 900) {
      // Over the page's foot, left of the "back to the map" button: not in the header.
      const box = await note.boundingBox();
      assert.ok(box.y > height - 80 && box.y + box.height <= height && box.x < width / 2, `${where}: the note at the foot (${JSON.stringify(box)})`);
      await note.waitFor({ state: 'hidden', timeout: 10000 });
    } else {
      const [badge, bar] = [await note.boundingBox(), header];
      assert.ok(badge.y >= bar.y && badge.y + badge.height <= bar.y + bar.height, `${where}: the badge in the header`);
    }
    assert.deepEqual(await t.page.locator('.app-header').boundingBox(), header, `${where}: the header keeps its size`);
    const shifts = await t.page.evaluate(() => window.shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.ok(total < 0.001, `${where}: layout shift ${total.toFixed(4)} ${JSON.stringify(shifts)}`);
  }
});

test('offline: after a new build the offline copy is the new one, whole: the open page reloads into it and the old files are gone', async () => {
  // A copy of the build, served on its own, then "rebuilt" (a file changed, the manifest written
  // again as .ci/build.sh does).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'public', 'sw.js'), path.join(dir, 'sw.js'));
  const manifest = () => execFileSync('node', [path.join(ROOT, '.ci', 'sw-manifest.mjs'), dir]).toString();
  manifest();
  const site = await startServer({ dir, port: 0, base: '/pavilion/' });
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    await t.page.goto(`${site.url}?lang=en&pair=seoul-paris`);
    await ready(t.page);
    await offlineReady(t.page);
    const first = await t.page.evaluate(() => caches.keys());
    assert.equal(first.length, 1);

    fs.appendFileSync(path.join(dir, 'style.css'), '\n/* build 2 */\n');
    fs.copyFileSync(path.join(ROOT, 'public', 'sw.js'), path.join(dir, 'sw.js'));
    assert.match(manifest(), /version [0-9a-f]{16}/);
    // The page finds the new build (as a browser does on navigation), installs it, and reloads
    // into it by itself.
    const reloaded = t.page.waitForEvent('load', { timeout: 30000 });
    await t.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await reloaded;
    await ready(t.page);
    assert.equal(new URL(t.page.url()).searchParams.get('pair'), 'seoul-paris', 'the state survives the reload');
    const second = await t.page.evaluate(() => caches.keys());
    assert.equal(second.length, 1, 'one build kept');
    assert.notEqual(second[0], first[0]);
    // Offline, every file comes from the new build.
    await t.page.context().setOffline(true);
    await t.page.reload();
    await ready(t.page);
    assert.ok((await t.page.evaluate(() => fetch('style.css').then((r) => r.text()))).includes('build 2'));
    await t.page.context().setOffline(false);
  } finally {
    site.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an embedded map registers no service worker and keeps nothing', async () => {
  t.page = await newPage(t.env, { width: 640, height: 480, serviceWorkers: 'allow' });
  await t.page.goto(`${t.env.subUrl}?embed=1&lang=en`);
  await useEmbed(t.page);
  await ready(t.page);
  await t.page.waitForTimeout(500);
  assert.equal(await t.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.deepEqual(await t.page.evaluate(() => caches.keys()), []);
  assert.equal(await t.page.locator('.offline-badge').isVisible(), false);
});
