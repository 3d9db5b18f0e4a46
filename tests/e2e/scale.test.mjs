// At scale: a synthetic dataset of 2,000 pairs (from the data tool) loads in both views, draws
// one line per drawable pair, and a filter still gives the reference set.
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
const drawable = doc.partnerships.filter((p) => agreement(p) && p.authorities.every((a) => located.has(a))).length;

test('2,000 synthetic pairs: the world view draws every line and a region filter gives the reference set', async () => {
  await open('&view=world');
  assert.equal(await t.page.locator('path.pm-link[data-pair-id]').count(), drawable);
  const r = doc.regions.find((x) => doc.authorities.some((a) => a.region === x.id)).id;
  await open(`&view=world&region=${r}`);
  const want = doc.partnerships.filter((p) => agreement(p) && p.authorities.some((a) => region.get(a) === r)).length;
  assert.equal(await t.page.locator('.result-count').textContent(), `${want} of ${doc.partnerships.length} partnerships`);
  // The list shows a first page and offers the rest.
  const listed = await t.page.locator('li[data-pair-id]').count();
  assert.equal(listed, Math.min(want, 200));
  if (want > 200) assert.ok((await t.page.locator('.show-more').innerText()).includes(`(${want - 200})`));
});

test('2,000 synthetic pairs: the twin view draws one line per drawable pair', async () => {
  await open('');
  assert.equal(await t.page.locator('path.pm-link[data-pair-id]').count(), drawable);
});
