// Issue 9 (failures): a crash of the app, a stalled data request and a slow one: each gives a
// visible, readable screen (never a blank page) and a way on. Data that is not UTF-8, too large
// or otherwise hostile is a data problem: hostile.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import sirv from 'sirv';
import { DEFAULT_PAIRS, DIST, listedPairs, newPage, openMap, useBrowser } from './support.mjs';

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
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
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
  await t.page.goto(t.env.url + '?lang=en');
  await t.page.getByRole('status').filter({ hasText: 'Loading partnerships' }).waitFor();
  await t.page.clock.fastForward(31_000);
  await t.page.waitForSelector('html[data-state="error"]', { timeout: 5000 });
  assert.match(await t.page.locator('[role="alert"]').innerText(), /nothing received for 30 s/);
  await t.page.clock.resume();
  stall = false;
  await t.page.getByRole('button', { name: 'Try again' }).click();
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
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
    await t.page.goto(`http://127.0.0.1:${server.address().port}/?lang=en`);
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
    await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
    assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
  } finally {
    server.close();
  }
});
