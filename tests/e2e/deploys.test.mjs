// Issue 18 (items 1–3): the offline copy (public/sw.js) against careless deploys. A bad response
// during the install is never kept and a fixed server heals the next visit; only the map's own
// page is answered from the copy; a deploy without sw.js ends the copy; a data file edited in
// place is seen; a new build does not reload a tab that holds a preview.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import sirv from 'sirv';
import { DATA, dropFile, DIST, newPage, ROOT, useBrowser, ready, useEmbed } from './support.mjs';

const t = useBrowser();

/**
 * A copy of the build on its own server under /site/, as a host would have it. `site.answer`
 * may answer a path itself (a broken deploy): return true when it did. `site.build()` writes the
 * offline manifest again, as .ci/build.sh does after a change.
 */
async function deployed() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const build = () => {
    fs.copyFileSync(path.join(ROOT, 'public', 'sw.js'), path.join(dir, 'sw.js'));
    return execFileSync('node', [path.join(ROOT, '.ci', 'sw-manifest.mjs'), dir]).toString();
  };
  build();
  const assets = sirv(dir, { dev: true, etag: true });
  const site = { dir, build, answer: () => false, requests: [] };
  const server = http.createServer((req, res) => {
    if (!req.url.startsWith('/site/')) { res.writeHead(404); return res.end('not found'); }
    req.url = req.url.slice('/site'.length);
    site.requests.push(req.url);
    if (site.answer(req, res)) return;
    assets(req, res, () => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  site.url = `http://127.0.0.1:${server.address().port}/site/`;
  site.close = () => { server.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  return site;
}

/** The first visit: the map shown and its offline copy kept; returns the cache's name. */
async function firstVisit(page, url) {
  await page.goto(url);
  await ready(page);
  await page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const names = await page.evaluate(() => caches.keys());
  assert.equal(names.length, 1);
  return names[0];
}

/** Asks the browser to look for a new build (as it does on each visit) and waits until it has
 * finished installing it or given up. */
async function lookForNewBuild(page) {
  // A new build may take over and reload the page before this returns: that is an end too.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    // Settled: nothing installing any more (an install either waits, takes over or failed).
    while (registration.installing) await new Promise((r) => setTimeout(r, 50));
  }).catch((error) => { if (!/context was destroyed/.test(error.message)) throw error; });
}

const builds = (page) => page.evaluate(() => caches.keys());

/** Waits until the page runs a build other than the one kept in `old`, alone in the cache and
 * drawn (the page reloads into it by itself, at a moment of its choosing). */
async function replacedBy(page, old) {
  for (const until = Date.now() + 30000; Date.now() < until;) {
    const now = await page.evaluate(async () => ({
      names: await caches.keys(),
      ready: document.documentElement.dataset.state === 'ready',
      controlled: navigator.serviceWorker.controller !== null,
    })).catch(() => null); // the page is reloading
    if (now?.ready && now.controlled && now.names.length === 1 && now.names[0] !== old) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`the page still runs ${old} (or is not ready) after 30 s`);
}

test('a bad deploy is never kept: a wasm answered by an HTML page is refused by the install, the kept build still opens, and once the server is fixed the next visit is the new build', async () => {
  const site = await deployed();
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    const first = await firstVisit(t.page, `${site.url}?lang=en&region=FR-IDF`);

    // Build 2 is deployed, but its wasm is answered with a host's error page, status 200.
    fs.appendFileSync(path.join(site.dir, 'style.css'), '\n/* build 2 */\n');
    site.build();
    site.answer = (req, res) => {
      if (!req.url.startsWith('/pkg/partnership_map_bg.wasm')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Upload in progress</title><p>Please come back later.</p>');
      return true;
    };
    t.allowedErrors = [/sw\.js|not the bytes|content type|Failed to load resource|service ?worker/i];
    await lookForNewBuild(t.page);
    assert.deepEqual(await builds(t.page), [first], 'nothing of the bad build is kept');
    // A returning visitor still has the whole map (the kept build), online.
    await t.page.reload();
    await ready(t.page);
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');

    // A visitor who never came sees the broken server as it is, with a way on once it is fixed.
    const newcomer = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    try {
      await newcomer.goto(`${site.url}?lang=en`);
      // The opening view is the first view's; the interface fails when the newcomer uses it.
      await useEmbed(newcomer);
      const alert = newcomer.getByRole('alert').filter({ hasText: 'The map could not start' });
      await alert.waitFor({ timeout: 20000 });
      assert.match(await alert.innerText(), /pkg\/partnership_map_bg\.wasm\) is missing or damaged/);
      assert.deepEqual(await newcomer.evaluate(() => caches.keys()), [], 'the newcomer keeps nothing');

      // The server is fixed: the newcomer's retry and the returning visitor's next visit both
      // get build 2, whole.
      site.answer = () => false;
      await newcomer.getByRole('button', { name: /Try again/ }).click();
      await ready(newcomer);
      await newcomer.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
    } finally {
      await newcomer.context().close();
    }
    // The returning visitor's next visit finds build 2, installs it and reloads into it.
    await t.page.goto(`${site.url}?lang=en&region=FR-IDF`);
    await replacedBy(t.page, first);
    assert.ok((await t.page.evaluate(() => fetch('style.css').then((r) => r.text()))).includes('build 2'));
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');
  } finally {
    site.close();
  }
});

test('the offline copy answers only the map\'s own page: another page, a folder, the data and a tour opened as pages reach the server', async () => {
  const site = await deployed();
  fs.writeFileSync(path.join(site.dir, 'other.html'), '<!doctype html><title>Other</title><p id="other">Another page of the host</p>');
  fs.mkdirSync(path.join(site.dir, 'blog'));
  fs.writeFileSync(path.join(site.dir, 'blog', 'index.html'), '<!doctype html><title>Blog</title><p id="blog">The host\'s blog</p>');
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    await firstVisit(t.page, `${site.url}?lang=en`);
    // The host's own pages ask for its /favicon.ico, which this host has not.
    t.allowedErrors = [/status of 404/];
    await t.page.goto(`${site.url}other.html`);
    assert.equal(await t.page.locator('#other').textContent(), 'Another page of the host');
    await t.page.goto(`${site.url}blog/`);
    assert.equal(await t.page.locator('#blog').textContent(), "The host's blog");
    for (const file of ['data/partnerships.json', 'tours/example.json']) {
      await t.page.goto(`${site.url}${file}`);
      const text = await t.page.locator('body').innerText();
      assert.doesNotThrow(() => JSON.parse(text), `${file} opens as its own JSON, not as the map`);
      assert.equal(await t.page.locator('#app').count(), 0);
    }
    // The map's own address, with any query, is still the map (from the network, the copy as
    // fallback).
    await t.page.goto(`${site.url}index.html?lang=en&view=world`);
    await ready(t.page);
  } finally {
    site.close();
  }
});

test('a deploy without sw.js ends the offline copy: the worker is unregistered and its files deleted', async () => {
  const site = await deployed();
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    await firstVisit(t.page, `${site.url}?lang=en`);
    assert.equal(await t.page.getByText('Available offline').isVisible(), true);
    fs.rmSync(path.join(site.dir, 'sw.js'));
    t.allowedErrors = [/sw\.js|404|Failed to load resource|service ?worker/i];
    await t.page.reload();
    await ready(t.page);
    await t.page.waitForSelector('html[data-offline="removed"]', { timeout: 20000 });
    assert.equal(await t.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
    assert.deepEqual(await builds(t.page), []);
    assert.equal(await t.page.getByText('Available offline').isVisible(), false, 'no longer claims to be offline-ready');
  } finally {
    site.close();
  }
});

test('a data file edited in place (no new build) is seen on the next visit, and kept for the next offline one', async () => {
  const site = await deployed();
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    await firstVisit(t.page, `${site.url}?lang=en&region=FR-IDF`);
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '9');
    // The staff remove Seoul–Paris from the published file on the host, in place.
    const data = structuredClone(DATA);
    data.partnerships = data.partnerships.filter((p) => p.id !== 'seoul-paris');
    fs.writeFileSync(path.join(site.dir, 'data', 'partnerships.json'), JSON.stringify(data));
    await t.page.reload();
    await ready(t.page);
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '8');
    // Offline, the copy has the edited file too.
    await t.page.context().setOffline(true);
    await t.page.reload();
    await ready(t.page);
    assert.equal(await t.page.locator('.result-count').getAttribute('data-visible'), '8');
    await t.page.context().setOffline(false);
  } finally {
    site.close();
  }
});

test('a new build does not reload a tab that holds a preview: it offers "Reload for the new version"', async () => {
  const site = await deployed();
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
    const first = await firstVisit(t.page, `${site.url}?lang=en`);
    const mine = structuredClone(DATA);
    mine.partnerships = mine.partnerships.slice(0, 3);
    await dropFile(t.page, 'mine.json', JSON.stringify(mine), 'application/json');
    await t.page.locator('.preview-banner').waitFor();
    assert.equal(await t.page.getAttribute('html', 'data-unsaved'), 'preview');
    await t.page.evaluate(() => { window.sameTab = true; });

    fs.appendFileSync(path.join(site.dir, 'style.css'), '\n/* build 2 */\n');
    site.build();
    await lookForNewBuild(t.page);
    const offer = t.page.getByRole('status').filter({ hasText: 'A new version of the map is ready' });
    await offer.waitFor({ timeout: 20000 });
    assert.equal(await t.page.evaluate(() => window.sameTab), true, 'the tab was not reloaded');
    assert.equal(await t.page.locator('.preview-banner').isVisible(), true, 'the preview is still on screen');
    assert.equal(await t.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting?.state)), 'installed', 'the new build waits');

    const reloaded = t.page.waitForEvent('load', { timeout: 30000 });
    await offer.getByRole('button', { name: /Reload for the new version/ }).click();
    await reloaded;
    await ready(t.page);
    const now = await builds(t.page);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], first);
  } finally {
    site.close();
  }
});
