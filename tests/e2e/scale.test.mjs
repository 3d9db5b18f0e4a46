// At scale: a synthetic dataset of 2,000 pairs (from the data tool) is drawn on one canvas per
// view (above 500 links), markers grouped per screen cell and links per pair of groups; it
// represents every drawable pair, a filter still gives the reference set, and what the canvas
// draws can be pointed at and clicked like the elements of the small datasets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../.ci/serve.mjs';
import { countText, CSP, DIST, likeness, newPage, ROOT, useBrowser, ready } from './support.mjs';

const t = useBrowser();
const file = path.join(ROOT, 'target', 'synth-2000.json');
const tool = path.join(ROOT, 'target', 'debug', 'partnerships-data');
execFileSync(fs.existsSync(tool) ? tool : 'cargo', [...(fs.existsSync(tool) ? [] : ['run', '--quiet', '--bin', 'partnerships-data', '--']), 'synth', '--pairs', '2000', '--seed', '11', '-o', file], { cwd: ROOT });
const body = fs.readFileSync(file);
const doc = JSON.parse(body);
const region = new Map(doc.authorities.map((a) => [a.id, a.region]));
const agreement = (p) => p.status === 'signed' || p.status === 'listed';

async function open(query) {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await t.page.route('**/data/partnerships.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await t.page.goto(`${t.env.url}?lang=en${query}`);
  await ready(t.page, 60000);
  // And framed: a click before the opening fit is applied would be undone by it.
  await t.page.waitForSelector('.map [data-settled="true"], .map[data-settled="true"]');
}

const located = new Set(doc.authorities.filter((a) => a.location).map((a) => a.id));
const drawablePairs = (pairs) => pairs.filter((p) => p.authorities.every((a) => located.has(a)));
const endsOf = (pairs) => new Set(drawablePairs(pairs).flatMap((p) => p.authorities)).size;
const byDefault = doc.partnerships.filter(agreement);
const canvas = () => t.page.locator('canvas.pm-canvas');
const drawn = async () => ({ links: Number(await canvas().getAttribute('data-links-drawn')), markers: Number(await canvas().getAttribute('data-markers-drawn')) });

/** Moves a (synthetic) pointer over the map on a grid until `want` says yes; returns the point. */
async function findOnMap(want) {
  return t.page.evaluate((want) => {
    const map = document.querySelector('.map .leaflet-container');
    const host = document.querySelector('canvas.pm-canvas').parentElement;
    const box = document.querySelector('.map').getBoundingClientRect();
    for (let y = box.top + 60; y < box.bottom - 20; y += 5) {
      for (let x = box.left + 60; x < box.right - 20; x += 5) {
        const target = document.elementFromPoint(x, y)?.closest('.leaflet-container') ?? map;
        target.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
        const title = host.getAttribute('title');
        const pointer = host.style.cursor === 'pointer';
        if (want === 'titled' ? title !== null && title.includes('↔') : pointer && title === null) return { x, y, title };
      }
    }
    return null;
  }, want);
}

test('2,000 synthetic pairs: the world view draws every line on one canvas and a region filter gives the reference set', async () => {
  await open('&view=world');
  assert.equal(await canvas().count(), 1);
  // One canvas, not one element per line or marker.
  assert.equal(await t.page.locator('path.pm-link, .pm-marker.leaflet-marker-icon').count(), 0);
  assert.deepEqual(await drawn(), { links: drawablePairs(byDefault).length, markers: endsOf(byDefault) });
  const r = doc.regions.find((x) => doc.authorities.some((a) => a.region === x.id)).id;
  await open(`&view=world&region=${r}`);
  const want = byDefault.filter((p) => p.authorities.some((a) => region.get(a) === r));
  // Numbers are written for the language: "1,234 of 2,000 partnerships".
  assert.equal(await t.page.locator('.result-count').textContent(), countText(want, { total: doc.partnerships.length, drawn: drawablePairs(want).length }));
  assert.equal((await drawn()).links, drawablePairs(want).length);
  // The list shows a first page and offers the rest.
  const listed = await t.page.locator('li[data-pair-id]').count();
  assert.equal(listed, Math.min(want.length, 50));
  if (want.length > 50) assert.ok((await t.page.locator('.show-more').innerText()).includes(`(${(want.length - 50).toLocaleString('en')})`));
});

test('2,000 synthetic pairs: the twin view represents every drawable pair and every authority', async () => {
  await open('');
  assert.equal(await canvas().count(), 1);
  assert.equal(await t.page.locator('.link-overlay path.pm-link').count(), 0);
  assert.deepEqual(await drawn(), { links: drawablePairs(byDefault).length, markers: endsOf(byDefault) });
});

/** How many of the canvas's pixels are painted (not transparent), read through a copy. */
function paintedPixels() {
  return t.page.evaluate(() => {
    const c = document.querySelector('canvas.pm-canvas');
    const copy = new OffscreenCanvas(c.width, c.height).getContext('2d');
    copy.drawImage(c, 0, 0);
    const { data } = copy.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) n++;
    return n;
  });
}

/**
 * The painted pixels once `enough` says so (or after 10 s): a worker's frame reaches the page's
 * canvas a moment after the worker has drawn it.
 */
async function painted(enough) {
  const start = Date.now();
  let n = await paintedPixels();
  while (!enough(n) && Date.now() - start < 10000) {
    await t.page.waitForTimeout(100);
    n = await paintedPixels();
  }
  return n;
}

/** In the page: whether it can still draw on the canvas itself (not once a worker has it). */
const canvasIsThePages = () => {
  try {
    return document.querySelector('canvas.pm-canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
};
const pageDraws = () => t.page.evaluate(canvasIsThePages);

const frameDrawn = () => t.page.evaluate(() => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-frame-drawn') ?? 0));

test('the canvas is drawn by a worker, off the page\'s thread, and a filter redraws it there', async () => {
  await open('&view=world');
  assert.equal(await pageDraws(), false, 'the canvas was handed to the worker');
  await t.page.waitForFunction(() => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-frame-drawn')) >= 1);
  const all = await painted((n) => n > 20000);
  assert.ok(all > 20000, `the lines and markers are on the canvas (${all} pixels painted)`);
  // One region: far fewer lines, drawn by the worker as a new frame.
  const frame = await frameDrawn();
  const r = doc.regions.find((x) => doc.authorities.some((a) => a.region === x.id)).id;
  await t.page.locator(`#region-${r}`).check();
  await t.page.waitForFunction((n) => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-frame-drawn')) > n, frame);
  const some = await painted((n) => n > 500 && n < all * 0.8);
  assert.ok(some > 500 && some < all * 0.8, `fewer pixels painted after the filter (${some} of ${all})`);
});

test('under a sub-path and the strict CSP the worker draws the canvas, and Download PNG shows what it drew', async () => {
  const site = await startServer({ dir: DIST, port: 0, base: '/strict/', headers: { 'Content-Security-Policy': CSP } });
  try {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    await t.page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await t.page.route('**/data/partnerships.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    await t.page.goto(`${site.url}?lang=en&view=world`);
    await ready(t.page, 60000);
    await t.page.waitForFunction(() => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-frame-drawn')) >= 1);
    assert.equal(await pageDraws(), false, 'the worker has the canvas');
    const pixels = await painted((n) => n > 5000);
    assert.ok(pixels > 5000, `and drew on it (${pixels} pixels painted)`);
    await t.page.getByText('Share', { exact: true }).click();
    // The panel opened beside the map may frame it again: the picture is compared once it stands still.
    await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await t.page.waitForSelector('.map[data-settled="true"], .map [data-settled="true"]');
    const column = t.page.locator('.map-column');
    const screen = await column.screenshot();
    const download = t.page.waitForEvent('download');
    await t.page.getByRole('button', { name: 'Download PNG' }).click();
    const png = fs.readFileSync(await (await download).path());
    // The canvas's lines and markers are most of the map's ink at this scale: a picture without
    // them (a canvas the export could not read) matches far less of it. Compared on a page
    // without the CSP, which forbids reading the pictures as `data:` URLs.
    const scratch = await newPage(t.env);
    const same = await likeness(t.page, png, screen, scratch);
    await scratch.context().close();
    assert.ok(same.same > 0.97 && same.ink > 0.8, `the picture is the map on screen: ${JSON.stringify(same)}`);
    assert.deepEqual(await t.page.evaluate(() => window.__violations), [], 'no CSP violation');
  } finally {
    site.server.close();
  }
});

test('when the worker\'s script cannot be loaded, the page draws the canvas itself', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  t.allowedErrors = [/404|canvas-worker/i];
  await t.page.route('**/canvas-worker.js', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await t.page.route('**/data/partnerships.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await t.page.goto(`${t.env.url}?lang=en&view=world`);
  await ready(t.page, 60000);
  // The worker's failure arrives after the first frame was sent to it: a new canvas replaces
  // the handed-over one and the next animation frame draws on it.
  await t.page.waitForFunction(canvasIsThePages, null, { timeout: 10000 });
  assert.equal(await canvas().count(), 1, 'one canvas, the new one');
  await t.page.waitForFunction(() => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-links-drawn')) > 0);
  assert.deepEqual(await drawn(), { links: drawablePairs(byDefault).length, markers: endsOf(byDefault) });
  const pixels = await painted((n) => n > 20000);
  assert.ok(pixels > 20000, `drawn by the page (${pixels} pixels painted)`);
});

test('on the canvas, a single line names its pair on hover and opens its card on click; a group zooms in', async () => {
  await open('&view=world');
  // At first, markers and links are grouped: clicking a group zooms in, until single ones
  // stand apart.
  const group = await findOnMap('group');
  assert.ok(group, 'a group of markers or links is drawn');
  const before = await drawn();
  await t.page.mouse.click(group.x, group.y);
  await t.page.waitForFunction((n) => Number(document.querySelector('canvas.pm-canvas').getAttribute('data-markers-drawn')) < n, before.markers, { timeout: 5000 });
  const line = await findOnMap('titled');
  assert.ok(line, 'after zooming in, a single line can be pointed at');
  await t.page.mouse.click(line.x, line.y);
  const card = t.page.locator('article.pair-card');
  await card.waitFor({ timeout: 5000 });
  // The hover title is "Names — kind"; the card is titled with the names.
  assert.equal((await card.locator('#pair-card-title').innerText()).trim().replace(/\s*\[\?\]$/, ''), line.title.split(' — ')[0]);
  const id = await card.getAttribute('data-pair-id');
  assert.equal(new URL(t.page.url()).searchParams.get('pair'), id);
});
