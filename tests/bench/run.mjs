// The benchmark (run on demand with `make bench`, not part of the tests): builds the release,
// serves it, drives headless Chromium and prints one table — bytes per asset, time to a drawn
// map, filter-change latency and JS heap, for the real data and synthetic datasets of 1,000 and
// 10,000 pairs (from `partnerships-data synth`), in the twin and world views, each as a ratio to
// a plain JavaScript + Leaflet page (tests/bench/baseline/) measured in the same run.
//
// Usage: node tests/bench/run.mjs [--runs 3] [--changes 50] [--sizes real,1000,10000] [--no-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'target', 'bench');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const CHANGES = Number(arg('changes', 50));
const SIZES = arg('sizes', 'real,1000,10000').split(',');
const log = (...a) => console.error('[bench]', ...a);

// 1. Build and prepare the site: the app, the baseline beside it, the synthetic datasets.
if (!process.argv.includes('--no-build')) {
  log('building the release (make build)…');
  execFileSync('bash', ['.ci/build.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
fs.rmSync(OUT, { recursive: true, force: true });
// One copy of the site per dataset, its data/partnerships.json replaced, the baseline beside it:
// both pages fetch the data as a plain static file, as a host would serve it.
const siteOf = (size) => path.join(OUT, `site-${size}`);
for (const size of new Set(['real', ...SIZES])) {
  fs.cpSync(path.join(ROOT, 'dist'), siteOf(size), { recursive: true });
  fs.cpSync(path.join(ROOT, 'tests/bench/baseline'), path.join(siteOf(size), 'baseline'), { recursive: true });
  if (size === 'real') continue;
  log(`synthesising ${size} pairs…`);
  const file = path.join(siteOf(size), 'data', 'partnerships.json');
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'partnerships-data', '--', 'synth', '--pairs', size, '--seed', '2026', '-o', file], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const SITE = siteOf('real');

const { server, url } = await startServer({ dir: OUT, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };

/** Opens `target` (the app, or `baseline/`) in the site of one dataset. */
async function open(target, size, query) {
  // No offline copy: its installation (every file fetched again) would load the machine while
  // measuring, and the baseline has none.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  page.on('response', (r) => requests.push(r.url()));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const start = Date.now();
  await page.goto(`${url}site-${size}/${target}${query}`);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 180000 });
  const readyMs = await page.evaluate(() => performance.now());
  const wallMs = Date.now() - start;
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return { page, context, readyMs, wallMs, heap, requests };
}

/** A deterministic sequence of checkbox ids to toggle, present in both pages. */
function changeSequence(ids, n, seed) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => ids[Math.floor(next() * ids.length)]);
}

/** Toggles each checkbox in turn and times input event → list and map updated. */
async function latencies(page, sequence) {
  return page.evaluate(async (sequence) => {
    const out = [];
    for (const id of sequence) {
      const input = document.getElementById(id);
      if (!input) continue;
      const t0 = performance.now();
      input.click();
      // Effects run in microtasks: a macrotask later, list and map are updated.
      await new Promise((r) => setTimeout(r, 0));
      const ms = performance.now() - t0;
      // Both pages say "N of M partnerships": N must agree for the same data and filters.
      const text = (document.querySelector('.result-count') ?? document.getElementById('count'))?.textContent ?? '';
      // And until the next frame is drawn (style, layout, paint, canvas rasterised): what the
      // eye sees, including the wait for the frame (up to 16.7 ms at 60 Hz).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push({ ms, frame: performance.now() - t0, count: Number(text.split(' ')[0].replace(/\D/g, '')) });
    }
    return out;
  }, sequence);
}

const results = [];
const table = (row) => results.push(row);
const stats = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

// 2. Bytes of the first load, per asset (raw, and gzip -9 as a compressing host would send).
{
  const { page, context, requests } = await open('', 'real', '?lang=en');
  const files = [...new Set(requests.filter((u) => u.startsWith(url)).map((u) => new URL(u).pathname.replace(/^\/site-real\//, '') || 'index.html'))];
  let raw = 0, gz = 0;
  const assets = files.map((f) => {
    const bytes = fs.readFileSync(path.join(SITE, f === '' ? 'index.html' : f));
    const g = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length; gz += g;
    return { f, raw: bytes.length, gz: g };
  });
  await context.close();
  console.log('\n## First load: bytes per asset\n\n| asset | raw | gzip |\n|---|---:|---:|');
  for (const a of assets.sort((x, y) => y.gz - x.gz)) console.log(`| ${a.f} | ${a.raw.toLocaleString('en')} | ${a.gz.toLocaleString('en')} |`);
  console.log(`| **total** | **${raw.toLocaleString('en')}** | **${gz.toLocaleString('en')}** |`);
}

// 3. Load time, heap and filter latency at each size, app (twin, world) and baseline.
const fmt = (s, unit = '') => `${s.med.toFixed(s.med < 10 ? 1 : 0)}${unit} (${s.min.toFixed(s.min < 10 ? 1 : 0)}–${s.max.toFixed(s.max < 10 ? 1 : 0)})`;
console.log(`\n## Load and filter response (median of ${RUNS} runs, range in brackets; ${CHANGES} filter changes per run)\n`);
console.log('| data | page | ready (ms) | filter median (ms) | filter p95 (ms) | to next frame, median (ms) | JS heap (MB) | ratio to baseline: ready / p95 / heap |');
console.log('|---|---|---:|---:|---:|---:|---:|---|');
for (const size of SIZES) {
  const rows = {};
  for (const [name, target, query] of [['baseline', 'baseline/', ''], ['app, twin', '', '?lang=en'], ['app, world', '', '?lang=en&view=world']]) {
    const ready = [], med = [], p = [], heap = [], frame = [];
    let counts = null;
    for (let run = 0; run < RUNS; run++) {
      const o = await open(target, size, query);
      const ids = await o.page.$$eval('input[type=checkbox][id^="region-"], input[type=checkbox][id^="theme-"]', (els) => els.map((e) => e.id));
      const lat = await latencies(o.page, changeSequence(ids.sort(), CHANGES, 7 + run));
      ready.push(o.readyMs); heap.push(o.heap / 1e6);
      med.push(median(lat.map((l) => l.ms))); p.push(p95(lat.map((l) => l.ms))); frame.push(median(lat.map((l) => l.frame)));
      counts = lat.map((l) => l.count);
      await o.context.close();
      log(`${size} ${name} run ${run + 1}: ready ${o.readyMs.toFixed(0)} ms, p95 ${p.at(-1).toFixed(1)} ms`);
    }
    rows[name] = { ready: stats(ready), med: stats(med), p95: stats(p), frame: stats(frame), heap: stats(heap), counts };
  }
  const base = rows.baseline;
  for (const [name, r] of Object.entries(rows)) {
    const ratio = name === 'baseline' ? '1 / 1 / 1' : `${(r.ready.med / base.ready.med).toFixed(2)} / ${(r.p95.med / base.p95.med).toFixed(2)} / ${(r.heap.med / base.heap.med).toFixed(2)}`;
    console.log(`| ${size} | ${name} | ${fmt(r.ready)} | ${fmt(r.med)} | ${fmt(r.p95)} | ${fmt(r.frame)} | ${fmt(r.heap)} | ${ratio} |`);
  }
  // Same data, same filters: both must show the same number of pairs after every change.
  const mismatch = rows['app, twin'].counts.findIndex((c, i) => c !== base.counts[i]);
  if (mismatch >= 0) console.log(`\n> warning: at ${size}, change ${mismatch + 1} the app lists ${rows['app, twin'].counts[mismatch]} pairs and the baseline ${base.counts[mismatch]}`);
}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nMachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}.`);
await browser.close();
server.close();
