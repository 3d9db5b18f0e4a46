// At scale: a synthetic dataset of 2,000 pairs (from the data tool) is drawn on one canvas per
// view (above 500 links), markers grouped per screen cell and links per pair of groups; it
// represents every drawable pair, a filter still gives the reference set, and what the canvas
// draws can be pointed at and clicked like the elements of the small datasets.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, ROOT, useBrowser } from './support.mjs';

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
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 60000 });
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
  assert.equal(await t.page.locator('.result-count').textContent(), `${want.length.toLocaleString('en')} of ${doc.partnerships.length.toLocaleString('en')} partnerships`);
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
