// Issue 9 (failures): a crash of the app, a stalled data request and a slow one: each gives a
// visible, readable screen (never a blank page) and a way on. Data that is not UTF-8, too large
// or otherwise hostile is a data problem: hostile.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import sirv from 'sirv';
import { DEFAULT_PAIRS, DIST, drawnLinks, listedPairs, newPage, openMap, useBrowser, ready } from './support.mjs';

const t = useBrowser();

test('a panic in the app shows an error screen with a reload button, never a blank or dead map; the state in the address survives the reload', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  t.allowedErrors = [/unreachable|RuntimeError|fault injected/];
  // `fault=panic`: opening a card panics (fault injection, src/app/pair_card.rs).
  await openMap(t.page, t.env.url, '?lang=en&region=FR-IDF&fault=panic');
  await t.page.locator('li[data-pair-id="seoul-paris"]').click();
  const screen = t.page.getByRole('alertdialog', { name: /The map stopped on an error/ });
  await screen.waitFor({ timeout: 5000 });
  assert.equal(await t.page.getAttribute('html', 'data-state'), 'error');
  const reload = screen.getByRole('button', { name: /Reload/ });
  assert.equal(await reload.evaluate((b) => b === document.activeElement), true, 'the reload button has the focus');
  await t.page.screenshot({ path: path.join(path.dirname(DIST), 'target', 'screenshots', 'crash-1280.png') });
  await reload.click();
  await ready(t.page);
  assert.equal(new URL(t.page.url()).searchParams.get('region'), 'FR-IDF');
  assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');
  assert.equal(await t.page.locator('#crash').count(), 0);
});

test('a data request that stalls is given up after 30 s with a message and a working retry', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  t.allowedErrors = [/Failed to load resource/];
  let stall = true;
  await t.page.route('**/data/partnerships.json', async (route) => {
    if (stall) return; // never answered
    await route.continue();
  });
  await t.page.clock.install();
  // Not the opening view, whose interface (and data) wait for a first use.
  await t.page.goto(t.env.url + '?lang=en&sort=name');
  await t.page.getByRole('status').filter({ hasText: 'Loading partnerships' }).waitFor();
  await t.page.clock.fastForward(31_000);
  await t.page.waitForSelector('html[data-state="error"]', { timeout: 5000 });
  assert.match(await t.page.locator('[role="alert"]').innerText(), /nothing received for 30 s/);
  await t.page.clock.resume();
  stall = false;
  await t.page.getByRole('button', { name: 'Try again' }).click();
  await ready(t.page);
  assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
});

test('slow data: the bytes received so far are shown with a progress bar, then the map', async () => {
  // A server that sends the data file in 20 KB pieces, 150 ms apart, with its length announced.
  const data = fs.readFileSync(path.join(DIST, 'data', 'partnerships.json'));
  const assets = sirv(DIST, { dev: true });
  const server = http.createServer((req, res) => {
    if (!req.url.startsWith('/data/partnerships.json')) return assets(req, res, () => { res.writeHead(404); res.end(); });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': data.length });
    let at = 0;
    const next = () => {
      if (at >= data.length || res.destroyed) return res.end();
      res.write(data.subarray(at, at + 20_000));
      at += 20_000;
      setTimeout(next, 150);
    };
    next();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    // Not the opening view, whose interface (and data) wait for a first use.
    await t.page.goto(`http://127.0.0.1:${server.address().port}/?lang=en&sort=name`);
    const progress = t.page.locator('.loading-progress');
    await progress.waitFor();
    const seen = [];
    while ((await t.page.getAttribute('html', 'data-state')) === 'loading' && seen.length < 100) {
      const text = await progress.textContent().catch(() => null);
      if (text) seen.push(text);
      await t.page.waitForTimeout(100);
    }
    const kb = Math.ceil(data.length / 1000);
    assert.ok(seen.length >= 3, `${seen}`);
    assert.ok(seen.every((s) => s.endsWith(`of ${kb} KB received`)), seen.join(' | '));
    const numbers = seen.map((s) => Number(s.split(' ')[0].replace(/,/g, '')));
    assert.ok(numbers.some((n, i) => i > 0 && n > numbers[0]), `it grows: ${numbers}`);
    await ready(t.page);
    assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
  } finally {
    server.close();
  }
});

// Issue 18 (item 6): every start-up failure ends on a readable screen in the three languages with
// a retry that works once the file is back.
const START_FAILURES = [
  { what: 'Leaflet missing', file: '**/vendor/leaflet/leaflet.js', detail: /Leaflet \(vendor\/leaflet\/leaflet\.js\) did not load/, answer: { status: 404, body: 'not found' } },
  { what: 'the app’s script missing', file: '**/pkg/partnership_map.js', detail: /program \(pkg\/partnership_map\.js\) did not load/, answer: { status: 404, body: 'not found' } },
  { what: 'the wasm missing', file: '**/pkg/partnership_map_bg.wasm', detail: /module \(pkg\/partnership_map_bg\.wasm\) is missing or damaged/, answer: { status: 404, body: 'not found' } },
  {
    what: 'the wasm truncated',
    file: '**/pkg/partnership_map_bg.wasm',
    detail: /module \(pkg\/partnership_map_bg\.wasm\) is missing or damaged/,
    answer: { status: 200, contentType: 'application/wasm', body: fs.readFileSync(path.join(DIST, 'pkg', 'partnership_map_bg.wasm')).subarray(0, 200_000) },
  },
  // An embed starts its own module: its failure names that module's file.
  { what: 'an embed’s wasm missing', query: '&embed=1', file: '**/pkg/partnership_map_embed_bg.wasm', detail: /module \(pkg\/partnership_map_embed_bg\.wasm\) is missing or damaged/, answer: { status: 404, body: 'not found' } },
];

for (const failure of START_FAILURES) {
  test(`start-up failure, ${failure.what}: a screen in three languages says what failed, and "Try again" starts the map once the file is back`, async () => {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    t.allowedErrors = [/could not start|Failed to load resource|CompileError|WebAssembly|Failed to fetch dynamically imported module|MIME|404/i];
    let broken = true;
    await t.page.route(failure.file, (route) => (broken ? route.fulfill(failure.answer) : route.continue()));
    await t.page.goto(t.env.url + '?lang=en&region=FR-IDF' + (failure.query ?? ''));
    const screen = t.page.getByRole('alert');
    await screen.waitFor({ timeout: 20000 });
    const text = await screen.innerText();
    assert.match(text, /La carte n'a pas pu démarrer\. · 지도를 시작하지 못했습니다\. · The map could not start\./);
    assert.match(text, failure.detail);
    assert.equal(await t.page.getAttribute('html', 'data-state'), 'error');
    broken = false;
    await screen.getByRole('button', { name: 'Réessayer · 다시 시도 · Try again' }).click();
    await ready(t.page);
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9', 'the address kept its filter');
  });
}

test('start-up failure, boot.js missing (no script runs at all): the loading screen offers a reload after a while, in HTML and CSS alone', async () => {
  t.page = await newPage(t.env, { width: 390, height: 844 });
  t.allowedErrors = [/Failed to load resource|404/];
  let broken = true;
  await t.page.route('**/boot.js', (route) => (broken ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  // The notice appears after 20 s of loading (a CSS animation's delay): played 200 times faster.
  const cdp = await t.page.context().newCDPSession(t.page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 200 });
  await t.page.goto(t.env.url + '?lang=en&region=FR-IDF');
  const reload = t.page.getByRole('link', { name: 'Recharger · 새로고침 · Reload' });
  await reload.waitFor({ state: 'visible', timeout: 10000 });
  assert.match(await t.page.locator('.status-slow').innerText(), /This is taking longer than it should/);
  broken = false;
  await reload.click();
  await ready(t.page);
  assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');
});

test('an invalid basemap ({}) is reported on the map, which is drawn without land, with no exception', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await t.page.route('**/basemap.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
  await openMap(t.page, t.env.url, '?lang=fr');
  const note = t.page.locator('.map-note');
  assert.equal(await note.first().innerText(), "Les contours des pays n'ont pas pu être chargés : la carte est dessinée sans eux.");
  assert.equal(await t.page.locator('path.pm-land').count(), 0);
  // Every listed pair is still drawn, and the note follows the language.
  assert.deepEqual((await drawnLinks(t.page)).sort(), (await listedPairs(t.page)).sort());
  await openMap(t.page, t.env.url, '?lang=ko');
  assert.equal(await note.first().innerText(), '나라 경계선을 불러오지 못해 경계선 없이 지도를 그렸습니다.');
});

test('data that drips (a few bytes a second, never silent for 30 s) is given up by the rate floor with a message and a working retry', async () => {
  const data = fs.readFileSync(path.join(DIST, 'data', 'partnerships.json'));
  const assets = sirv(DIST, { dev: true });
  let drip = true;
  const server = http.createServer((req, res) => {
    if (!req.url.startsWith('/data/partnerships.json') || !drip) return assets(req, res, () => { res.writeHead(404); res.end(); });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': data.length });
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed || at >= data.length) return clearInterval(timer);
      res.write(data.subarray(at, at + 1));
      at += 1;
    }, 100);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    t.allowedErrors = [/Failed to load resource/];
    await t.page.clock.install();
    await t.page.goto(`http://127.0.0.1:${server.address().port}/?lang=en&sort=name`);
    await t.page.locator('.loading-progress').waitFor();
    // Bytes keep coming (the silence timeout never fires), far too few: 3 × 10.5 s of clock.
    for (let i = 0; i < 3 && (await t.page.getAttribute('html', 'data-state')) === 'loading'; i++) {
      await t.page.waitForTimeout(400); // real time: a few more bytes arrive
      await t.page.clock.fastForward(10_500);
    }
    await t.page.waitForSelector('html[data-state="error"]', { timeout: 5000 });
    assert.match(await t.page.locator('[role="alert"]').innerText(), /only \d+ bytes received in 30 s \(the network is too slow\)/);
    await t.page.clock.resume();
    drip = false;
    await t.page.getByRole('button', { name: 'Try again' }).click();
    await ready(t.page);
    assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
  } finally {
    server.close();
  }
});
