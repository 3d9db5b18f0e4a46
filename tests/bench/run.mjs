// The benchmark (issue 19; run on demand with `make bench`, not part of the tests). It sets the
// app's first view against a competent hand-written page (tests/bench/baseline/: plain
// JavaScript + Leaflet, canvas renderer, layers made once and toggled by difference, a list of
// the first 50) on the same data file and basemap, served together with gzip (precompressed at
// level 9, see startGzipServer), offline copy off, in headless Chromium. Pages: the app's twin view, its world view (`?view=world`), the embed (`?embed=1`)
// and the baseline. Each run loads every page once, in an order that rotates from run to run
// (the machine is shared and noisy: what counts is the ratio within one run); figures are
// medians of the runs, ratios the medians of each run's ratio to that run's baseline.
//
//  1. Real data, two profiles: desktop 1920×1080, and phone (390×844 at 3×, touch, CPU ×4 via
//     CDP Emulation.setCPUThrottlingRate, 150 ms round trips, 1.6 Mbit/s down and 750 kbit/s
//     up via CDP Network.emulateNetworkConditions). Per load: first contentful paint (the Paint
//     Timing API's `first-contentful-paint`: any text, the app's loading screen included), the
//     list shown (the end of the first frame with an item of the list of partnerships in the
//     page, on screen or not), and every link drawn (the end of the first frame after
//     `html[data-state="ready"]` in which the app's canvas, if it has one, carries
//     `data-links-drawn`: both pages hand their links to the map before saying ready). Bytes
//     transferred per resource (CDP Network.loadingFinished encodedDataLength: gzip body +
//     response headers), summed by kind, until the network has been quiet for 0.5 s.
//  2. 10,000 synthetic pairs (`partnerships-data synth`), desktop only: every link drawn, and the
//     p95 of 50 filter changes (region and theme checkboxes in a fixed pseudo-random order; the
//     click → the end of the next frame; 50 ms between changes), the pages' counts compared.
//  3. Lighthouse's mobile audit (npm `lighthouse`, pinned; simulated throttling) of the map, the
//     embed and the baseline: performance, total blocking time, time to interactive, FCP, LCP,
//     accessibility, best practices, SEO (median of its runs; the service worker blocked).
//
// Prints the tables (Markdown) and writes them as JSON to target/bench/bench.json (and a copy
// named after the date).
//
// Usage: node tests/bench/run.mjs [--runs 5] [--changes 50] [--lighthouse-runs 3]
//        [--profiles desktop,phone] [--scale 10000|0] [--synth FILE] [--dist DIR] [--no-build]
// Without --dist it builds the release first, then copies dist/ (both under
// `flock /tmp/build.lock`, as other builds on this machine take it) and measures the copy.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import http from 'node:http';
import zlib from 'node:zlib';
import sirv from 'sirv';
import { CHROMIUM, CHROMIUM_ARGS as CHROMIUM_FLAGS } from '../../.ci/chromium.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'target', 'bench');
const LOCK = '/tmp/build.lock';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const CHANGES = Number(arg('changes', 50));
const LH_RUNS = Number(arg('lighthouse-runs', 3));
const PROFILES = arg('profiles', 'desktop,phone').split(',').filter(Boolean);
const SCALE = Number(arg('scale', 10000));
const log = (...a) => console.error('[bench]', ...a);

// Where the measuring page finds what it measures. The app's canvas (at scale) is drawn in an
// animation frame after `data-state="ready"` and then carries `data-links-drawn`; the list of
// partnerships is `.pair-list` in the app, `#pairs` in the baseline. Change these with the app.
const SCENE = 'canvas.pm-canvas';
const LIST_ITEM = '.pair-list li, #pairs li';

const PROFILE = {
  desktop: { context: { viewport: { width: 1920, height: 1080 } }, cpu: 1, network: null },
  phone: {
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
};
const PAGES = {
  twin: { label: 'app, twin view', path: '?lang=en' },
  world: { label: 'app, world view', path: '?lang=en&view=world' },
  embed: { label: 'embed', path: '?lang=en&embed=1' },
  baseline: { label: 'baseline', path: 'baseline/' },
};

// 1. The site: a copy of the build (taken under the build lock: a build replaces dist/), the
// baseline beside it with its own Leaflet from node_modules, and one copy per dataset.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
let dist = arg('dist', null);
if (!dist) {
  if (!process.argv.includes('--no-build')) {
    log('building the release (make build, under the build lock)…');
    execFileSync('flock', [LOCK, 'bash', '.ci/build.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  dist = path.join(work, 'dist');
  execFileSync('flock', [LOCK, 'cp', '-r', path.join(ROOT, 'dist'), dist]);
}
const site = (name) => path.join(work, 'site', name);
function makeSite(name, data) {
  fs.cpSync(dist, site(name), { recursive: true });
  const base = path.join(site(name), 'baseline');
  fs.cpSync(path.join(ROOT, 'tests/bench/baseline'), base, { recursive: true });
  fs.cpSync(path.join(ROOT, 'node_modules/leaflet/dist'), path.join(base, 'leaflet'), { recursive: true });
  // The same outlines as the app's land file, as GeoJSON (a hand-written page reads that).
  execFileSync('node', ['.ci/basemap.mjs', '--geojson', path.join(base, 'basemap.json')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (data) fs.copyFileSync(data, path.join(site(name), 'data', 'partnerships.json'));
}
makeSite('real');
if (SCALE > 0) {
  let synth = arg('synth', null);
  if (!synth) {
    synth = path.join(work, `synth-${SCALE}.json`);
    log(`synthesising ${SCALE} pairs…`);
    execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'partnerships-data', '--', 'synth', '--pairs', String(SCALE), '--seed', '2026', '-o', synth], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  makeSite(`s${SCALE}`, synth);
  // The build's first paint and first view, written for this data as the build writes them for
  // the bundled one: the page's list, the first view's file and its pages (.ci/prerender.mjs).
  log(`writing the first paint and the first view of ${SCALE} pairs…`);
  const scaled = site(`s${SCALE}`);
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'partnerships-data', '--', 'first-paint', synth, '--page', 'index.html', '-o', path.join(scaled, 'index.html'), '--first-view', path.join(scaled, 'first-view.json')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('node', ['.ci/prerender.mjs', scaled], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Serves the sites with gzip as a host that compresses ahead of time does (nginx's
 * gzip_static, a CDN): every text file and the wasm precompressed at level 9 (what the build's
 * closing lines print), sent to a browser that accepts gzip. (nginx's on-the-fly gzip at its
 * default level 1, the README's configuration, sends more: on 2026-12-06, 623 KB instead of
 * 544 KB for the wasm, 85 KB instead of 72 KB for the data.) */
async function startGzipServer(dir) {
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir)) {
    if (/\.(html|css|m?js|json|wasm|svg|txt|csv)$/.test(file)) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  }
  const assets = sirv(dir, { gzip: true, etag: true });
  const srv = http.createServer((req, res) => assets(req, res, () => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); }));
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${srv.address().port}/`, close: () => srv.close() };
}
const server = await startGzipServer(path.join(work, 'site'));
let browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
const browserVersion = browser.version();

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const range = (xs) => { const s = xs.filter(Number.isFinite); return { med: median(s), min: Math.min(...s), max: Math.max(...s), all: xs }; };

/** Runs in the page before any of its scripts: records when the list is painted and when every
 * link is drawn, as milliseconds since navigation started. */
function probe({ SCENE, LIST_ITEM }) {
  const B = (window.__bench = { list: null, ready: null, drawn: null });
  // The end of the next frame: after its animation-frame callbacks, style, layout and paint.
  const frameEnd = (cb) => requestAnimationFrame(() => setTimeout(cb, 0));
  let listSeen = false, readySeen = false;
  const observer = new MutationObserver(() => {
    if (!listSeen && document.querySelector(LIST_ITEM)) {
      listSeen = true;
      frameEnd(() => { B.list = performance.now(); });
    }
    // An embed's opening view is drawn by the first view's module (src/first.rs), which says
    // so (`data-first-view="drawn"`); its interface starts on first use, which no run makes.
    const root = document.documentElement;
    if (!readySeen && (root?.dataset.state === 'ready' || root?.dataset.firstView === 'drawn')) {
      readySeen = true;
      B.ready = performance.now();
      const drawn = () => frameEnd(() => {
        if ([...document.querySelectorAll(SCENE)].some((c) => !c.hasAttribute('data-links-drawn'))) drawn();
        else B.drawn = performance.now();
      });
      drawn();
    }
    if (listSeen && readySeen) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-first-view'] });
}

const kindOf = (pathname) => {
  if (pathname.endsWith('.wasm')) return 'wasm';
  if (/\/data\/[^/]+\.json$/.test(pathname)) return 'data';
  if (pathname.endsWith('/basemap.json')) return 'basemap';
  if (/\.m?js$/.test(pathname)) return 'JS';
  if (pathname.endsWith('.css')) return 'CSS';
  if (pathname.endsWith('/') || pathname.endsWith('.html')) return 'HTML';
  return 'other';
};
const KINDS = ['HTML', 'CSS', 'JS', 'wasm', 'data', 'basemap', 'other'];

/** Loads one page in a fresh context (empty cache, no service worker) under a profile. */
async function load(siteName, pageName, profileName) {
  const profile = PROFILE[profileName];
  const context = await browser.newContext({ ...profile.context, locale: 'en-US', serviceWorkers: 'block' });
  await context.addInitScript(probe, { SCENE, LIST_ITEM });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const requests = new Map();
  let pending = 0, lastDone = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!e.request.url.startsWith('http')) return;
    if (!requests.has(e.requestId)) pending++;
    requests.set(e.requestId, { url: e.request.url, bytes: 0, done: false, at: e.wallTime * 1000 });
  });
  const finish = (e, bytes) => {
    const r = requests.get(e.requestId);
    if (!r || r.done) return;
    r.done = true; r.bytes = bytes; pending--; lastDone = Date.now();
  };
  cdp.on('Network.loadingFinished', (e) => finish(e, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e, 0));
  const base = `${server.url}${siteName}/`;
  try {
    await page.goto(base + PAGES[pageName].path, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__bench?.drawn ?? (document.documentElement.dataset.state === 'error' ? 'error' : null), null, { timeout: 180000, polling: 100 });
    if ((await handle.jsonValue()) === 'error') throw new Error(`${pageName} on ${siteName}: data-state="error"`);
  } catch (error) {
    await context.close();
    throw error;
  }
  const times = await page.evaluate(() => ({
    drawnAt: performance.timeOrigin + window.__bench.drawn,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    list: window.__bench.list ?? NaN,
    ready: window.__bench.ready,
    drawn: window.__bench.drawn,
    count: Number(document.querySelector('.result-count, #count')?.dataset.drawn ?? NaN),
  }));
  // The first load ends when the network has been quiet for half a second (at most 10 s more).
  const until = Date.now() + 10000;
  while (Date.now() < until && (pending > 0 || Date.now() - lastDone < 500)) await new Promise((r) => setTimeout(r, 100));
  if (pending > 0) log(`${pageName}: still loading after 10 s: ${[...requests.values()].filter((r) => !r.done).map((r) => r.url).join(' ')}`);
  // What is asked for after every link is drawn is not the first view's: the embed's interface,
  // fetched ahead at the first idle moment after its first view (public/boot.js), apart.
  const files = {}, ahead = {};
  for (const r of requests.values()) {
    const u = new URL(r.url);
    if (!r.url.startsWith(base) || u.pathname.endsWith('/sw.js')) continue; // the offline copy is off
    const name = u.pathname.slice(new URL(base).pathname.length) || 'index.html';
    const into = r.at > times.drawnAt ? ahead : files;
    into[name] = (into[name] ?? 0) + r.bytes;
  }
  return { page, context, times, files, ahead };
}

const order = (names, run) => names.map((_, i) => names[(i + run) % names.length]);
const result = { date: new Date().toISOString(), runs: RUNS, machine: null, chromium: browserVersion, real: {}, bytes: {}, ahead: {}, scale: null, lighthouse: null };

// 2. Real data: every page, every profile, alternating.
for (const profileName of PROFILES) {
  const names = ['twin', 'world', 'embed', 'baseline'];
  const per = Object.fromEntries(names.map((n) => [n, { fcp: [], list: [], drawn: [], count: [] }]));
  for (let run = 0; run < RUNS; run++) {
    for (const name of order(names, run)) {
      let o;
      try {
        o = await load('real', name, profileName);
      } catch (error) {
        log(`${profileName} ${name} run ${run + 1}: ${error.message}`);
        for (const k of ['fcp', 'list', 'drawn', 'count']) per[name][k].push(NaN);
        continue;
      }
      for (const k of ['fcp', 'list', 'drawn', 'count']) per[name][k].push(o.times[k]);
      if (profileName === PROFILES[0] && run === 0) {
        result.bytes[name] = o.files;
        result.ahead[name] = o.ahead;
      }
      await o.context.close();
      log(`${profileName} ${name} run ${run + 1}: FCP ${o.times.fcp.toFixed(0)}, list ${o.times.list.toFixed(0)}, drawn ${o.times.drawn.toFixed(0)} ms`);
    }
  }
  const rows = {};
  for (const name of names) {
    const r = per[name], b = per.baseline;
    const ratio = (k) => range(r[k].map((v, i) => v / b[k][i]));
    rows[name] = { fcp: range(r.fcp), list: range(r.list), drawn: range(r.drawn), ratio: { fcp: ratio('fcp'), list: ratio('list'), drawn: ratio('drawn') }, linksDrawn: median(r.count) };
  }
  result.real[profileName] = rows;
}

// 3. At scale, desktop: load, then filter changes to the next frame, alternating.
/** A deterministic sequence of checkbox ids to toggle, present in both pages. */
function changeSequence(ids, n, seed) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => ids[Math.floor(next() * ids.length)]);
}
/** Clicks each checkbox in turn: the time from the click to the end of the next frame (style,
 * layout, paint, and the canvas drawn in that frame), and the count shown then. */
async function changes(page, sequence) {
  return page.evaluate(async (sequence) => {
    const out = [];
    for (const id of sequence) {
      const input = document.getElementById(id);
      if (!input) continue;
      const t0 = performance.now();
      input.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - t0;
      const count = document.querySelector('.result-count, #count');
      out.push({ ms, count: Number(count?.dataset.visible ?? NaN) });
      // A pause between changes, as between two clicks of a person.
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }, sequence);
}
if (SCALE > 0) {
  const names = ['twin', 'world', 'baseline'];
  const per = Object.fromEntries(names.map((n) => [n, { drawn: [], p95: [], counts: null }]));
  const warnings = [];
  for (let run = 0; run < RUNS; run++) {
    for (const name of order(names, run)) {
      let o;
      try {
        o = await load(`s${SCALE}`, name, 'desktop');
      } catch (error) {
        log(`scale ${name} run ${run + 1}: ${error.message}`);
        per[name].drawn.push(NaN); per[name].p95.push(NaN);
        continue;
      }
      // The opening view is the first view's (src/first.rs): the interface, which the filters
      // are, starts on first use, as a visitor's pointer comes onto the page.
      if (await o.page.evaluate(() => document.documentElement.dataset.firstView === 'drawn')) {
        await o.page.mouse.move(20, 10);
        await o.page.waitForSelector('html[data-first-view="replaced"]', { timeout: 180000 });
        await o.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
      }
      const ids = await o.page.$$eval('input[type=checkbox][id^="region-"], input[type=checkbox][id^="theme-"]', (els) => els.map((e) => e.id));
      const lat = await changes(o.page, changeSequence(ids.sort(), CHANGES, 7 + run));
      per[name].drawn.push(o.times.drawn);
      per[name].p95.push(p95(lat.map((l) => l.ms)));
      per[name].counts = lat.map((l) => l.count);
      await o.context.close();
      log(`scale ${name} run ${run + 1}: drawn ${o.times.drawn.toFixed(0)} ms, filter p95 ${per[name].p95.at(-1).toFixed(1)} ms`);
    }
  }
  // Same data, same filters: every page must show the same number of pairs after each change.
  for (const name of ['twin', 'world']) {
    const i = per[name].counts?.findIndex((c, k) => c !== per.baseline.counts?.[k]) ?? -1;
    if (i >= 0) warnings.push(`at ${SCALE} pairs, change ${i + 1}: the ${name} view shows ${per[name].counts[i]} pairs, the baseline ${per.baseline.counts[i]}`);
  }
  const rows = {};
  for (const name of names) {
    const r = per[name], b = per.baseline;
    rows[name] = { drawn: range(r.drawn), p95: range(r.p95), ratio: { drawn: range(r.drawn.map((v, i) => v / b.drawn[i])), p95: range(r.p95.map((v, i) => v / b.p95[i])) } };
  }
  result.scale = { pairs: SCALE, changes: CHANGES, rows, warnings };
}
await browser.close();

// 4. Lighthouse's mobile audit, each page in turn, alternating; the service worker blocked
// (offline copy off; Lighthouse does not count a blocked request as a console error).
if (LH_RUNS > 0) {
  const cli = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
  const targets = { map: '', embed: '?embed=1', baseline: 'baseline/' };
  const per = Object.fromEntries(Object.keys(targets).map((n) => [n, []]));
  for (let run = 0; run < LH_RUNS; run++) {
    for (const name of order(Object.keys(targets), run)) {
      const report = path.join(work, `lh-${name}-${run}.json`);
      const code = await new Promise((resolve) => {
        const child = spawn(process.execPath, [cli, `${server.url}real/${targets[name]}`, '--quiet', '--output=json', `--output-path=${report}`,
          '--only-categories=performance,accessibility,best-practices,seo', '--blocked-url-patterns=*/sw.js',
          `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('exit', resolve);
      });
      if (code !== 0 || !fs.existsSync(report)) { log(`lighthouse ${name} run ${run + 1} failed (${code})`); continue; }
      const lh = JSON.parse(fs.readFileSync(report, 'utf8'));
      const score = (c) => Math.round((lh.categories[c]?.score ?? NaN) * 100);
      const num = (a) => lh.audits[a]?.numericValue ?? NaN;
      const r = { performance: score('performance'), tbt: num('total-blocking-time'), tti: num('interactive'), fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'), version: lh.lighthouseVersion };
      per[name].push(r);
      log(`lighthouse ${name} run ${run + 1}: performance ${r.performance}, TBT ${r.tbt.toFixed(0)} ms, TTI ${r.tti.toFixed(0)} ms`);
    }
  }
  result.lighthouse = { runs: LH_RUNS, version: Object.values(per).flat()[0]?.version, rows: {} };
  for (const [name, rs] of Object.entries(per)) {
    result.lighthouse.rows[name] = Object.fromEntries(['performance', 'tbt', 'tti', 'fcp', 'lcp', 'accessibility', 'bestPractices', 'seo'].map((k) => [k, range(rs.map((r) => r[k]))]));
  }
}
server.close();

// 5. The tables.
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
result.machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; Chromium ${browserVersion}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
const n0 = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '—');
const r2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const ms = (s) => `${n0(s.med)} (${n0(s.min)}–${n0(s.max)})`;
const out = [];
const say = (line = '') => out.push(line);

say(`#### First load, real data: bytes transferred (gzip, with response headers; CDP encodedDataLength)\n`);
const names = ['twin', 'world', 'embed', 'baseline'].filter((n) => result.bytes[n]);
say(`| kind | ${names.map((n) => PAGES[n].label).join(' | ')} |`);
say(`|---|${names.map(() => '---:').join('|')}|`);
const byKind = (files, kind) => Object.entries(files).filter(([f]) => kindOf(`/${f}`) === kind).reduce((s, [, b]) => s + b, 0);
for (const kind of KINDS) {
  if (names.every((n) => byKind(result.bytes[n], kind) === 0)) continue;
  say(`| ${kind} | ${names.map((n) => n0(byKind(result.bytes[n], kind))).join(' | ')} |`);
}
say(`| **total** | ${names.map((n) => `**${n0(Object.values(result.bytes[n]).reduce((s, b) => s + b, 0))}**`).join(' | ')} |`);
say('');
say(`| file | ${names.map((n) => PAGES[n].label).join(' | ')} |`);
say(`|---|${names.map(() => '---:').join('|')}|`);
const allFiles = [...new Set(names.flatMap((n) => Object.keys(result.bytes[n])))].sort((a, b) => Math.max(...names.map((n) => result.bytes[n][b] ?? 0)) - Math.max(...names.map((n) => result.bytes[n][a] ?? 0)));
for (const f of allFiles) say(`| ${f} | ${names.map((n) => (result.bytes[n][f] === undefined ? '' : n0(result.bytes[n][f]))).join(' | ')} |`);
for (const n of names) {
  const ahead = Object.entries(result.ahead[n] ?? {});
  if (ahead.length) say(`\n${PAGES[n].label}: asked for after every link was drawn, ahead of the first use (not in the first load): ${ahead.map(([f, b]) => `${f} ${n0(b)}`).join(', ')}.`);
}

for (const profileName of PROFILES) {
  const p = PROFILE[profileName];
  const what = profileName === 'phone' ? 'phone: 390×844 at 3×, touch, CPU ×4, 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up' : 'desktop: 1920×1080';
  say(`\n#### Real data, ${what} (ms since navigation; median of ${RUNS} alternating runs, range in brackets)\n`);
  say('| page | first contentful paint | list shown | every link drawn | ratio to baseline: FCP / list / drawn |');
  say('|---|---:|---:|---:|---|');
  for (const [name, r] of Object.entries(result.real[profileName])) {
    say(`| ${PAGES[name].label} | ${ms(r.fcp)} | ${ms(r.list)} | ${ms(r.drawn)} | ${name === 'baseline' ? '1 / 1 / 1' : `${r2(r.ratio.fcp.med)} / ${r2(r.ratio.list.med)} / ${r2(r.ratio.drawn.med)}`} |`);
  }
  void p;
}
if (result.scale) {
  say(`\n#### ${SCALE.toLocaleString('en')} synthetic pairs, desktop (median of ${RUNS} alternating runs; ${CHANGES} filter changes per run)\n`);
  say('| page | every link drawn (ms) | filter change to next frame, p95 (ms) | ratio to baseline: drawn / p95 |');
  say('|---|---:|---:|---|');
  for (const [name, r] of Object.entries(result.scale.rows)) {
    say(`| ${PAGES[name].label} | ${ms(r.drawn)} | ${ms(r.p95)} | ${name === 'baseline' ? '1 / 1' : `${r2(r.ratio.drawn.med)} / ${r2(r.ratio.p95.med)}`} |`);
  }
  for (const w of result.scale.warnings) say(`\n> warning: ${w}`);
}
if (result.lighthouse) {
  say(`\n#### Lighthouse ${result.lighthouse.version ?? ''} mobile audit (simulated throttling; median of ${LH_RUNS} alternating runs, range in brackets)\n`);
  say('| page | performance | total blocking time (ms) | time to interactive (ms) | FCP (ms) | LCP (ms) | accessibility | best practices | SEO |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const label = { map: 'the map', embed: 'embed', baseline: 'baseline' };
  const sc = (s) => (s.min === s.max ? n0(s.med) : `${n0(s.med)} (${n0(s.min)}–${n0(s.max)})`);
  for (const [name, r] of Object.entries(result.lighthouse.rows)) {
    say(`| ${label[name]} | ${sc(r.performance)} | ${ms(r.tbt)} | ${ms(r.tti)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${sc(r.accessibility)} | ${sc(r.bestPractices)} | ${sc(r.seo)} |`);
  }
}
say(`\nMachine: ${result.machine}; ${result.date.slice(0, 10)}.`);
console.log(out.join('\n'));
result.table = out.join('\n');
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
fs.writeFileSync(path.join(OUT, `bench-${result.date.slice(0, 19).replace(/:/g, '')}.json`), `${JSON.stringify(result, null, 2)}\n`);
log(`written to ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
fs.rmSync(work, { recursive: true, force: true });
