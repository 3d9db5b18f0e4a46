// The all-day benchmark (run on demand with `make bench-kiosk`, not part of the tests): on the
// release build, what a day of use leaves behind. Three runs, each in a fresh page, each counted
// after a warm-up and again at the end, after a full garbage collection: the JS heap, the DOM
// (elements in the page, and the browser's count of nodes, detached ones included) and the JS
// event listeners. Targets (issues 8 and 18): heap growth ≤ 5 MB, listeners and nodes flat.
//
// 1. View switches: 200 World ↔ Side by side switches on the full page, by its buttons (each one
//    removes every Leaflet map and builds the other view's).
// 2. The attract loop: 1,000 steps (`go(1)` in src/app/kiosk.rs), driven by the clicker's
//    PageDown so that they take a minute, not 3 hours; every 100 steps the kiosk is left alone
//    long enough to reset (idle=1), and every 250 it changes view.
// 3. A tour with a world step (public/tours/example.json: three twin steps, then the world):
//    1,000 steps, so 500 view changes made by the kiosk itself.
//
// It prints figures and asserts nothing (the browser test views.test.mjs holds the switches to
// a margin).
//
// Usage: node tests/bench/endurance.mjs [--steps 1000] [--switches 200] [--dir dist] [--no-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const STEPS = Number(arg('steps', 1000));
const SWITCHES = Number(arg('switches', 200));
const DIR = path.resolve(ROOT, arg('dir', 'dist'));
const log = (...a) => console.error('[endurance]', ...a);
const TOUR = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'tours', 'example.json'), 'utf8'));

if (!process.argv.includes('--no-build')) {
  log('building the release (make build)…');
  execFileSync('bash', ['.ci/build.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const { server, url } = await startServer({ dir: DIR, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
});
const errors = [];

/** A fresh page at `query`, once drawn, with a DevTools session to count what it holds. */
async function open(query) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await page.goto(url + query);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 60000 });
  /** Heap after a full garbage collection, DOM nodes and listeners, as the browser counts them. */
  page.measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, elements };
  };
  return page;
}

/** Switches to `view` by its button (`Monde` / `Côte à côte`; a kiosk's are in its control bar,
 * which `c` brings), once the new map is drawn and framed (`framed`; a kiosk left alone for a
 * second may reset to its own view before). (A locator's wait, not `waitForSelector`: the
 * handle that returns would keep the element alive and count as a leak.) */
async function switchView(page, view, framed = true) {
  const button = page.getByRole('button', { name: view === 'world' ? 'Monde' : 'Côte à côte' });
  if (!(await button.isVisible())) await page.keyboard.press('c');
  await button.click();
  await page.locator(`.map[data-view="${view}"]${framed ? '[data-settled="true"]' : ''}`).waitFor({ timeout: 20000 });
}

const results = [];
async function run(name, query, warmUp, body) {
  log(name);
  const page = await open(query);
  await warmUp(page);
  const before = await page.measure();
  const started = Date.now();
  await body(page);
  const after = await page.measure();
  results.push({ name, seconds: (Date.now() - started) / 1000, before, after });
  await page.context().close();
}

// 1. View switches. Warm-up: one round trip, so that what is made once is not counted.
await run(`${SWITCHES} view switches (World ↔ Side by side)`, '?lang=fr', async (page) => {
  await switchView(page, 'world');
  await switchView(page, 'twin');
}, async (page) => {
  for (let i = 1; i <= SWITCHES; i++) {
    await switchView(page, i % 2 ? 'world' : 'twin');
    if (i % 50 === 0) log(`${i} / ${SWITCHES} switches`);
  }
  // Back to where the measure began.
  if (await page.locator('.map[data-view="world"]').count()) await switchView(page, 'twin');
});

// 2. The attract loop.
/** One step: the next pair, once its card is on screen. */
async function step(page) {
  const before = await page.getAttribute('.kiosk-card', 'data-pair-id').catch(() => null);
  await page.keyboard.press('PageDown');
  await page.waitForFunction((b) => {
    const card = document.querySelector('.kiosk-card');
    return card && card.dataset.pairId !== b;
  }, before, { timeout: 10000 });
}
async function leaveAlone(page) {
  // idle=1: a second and a bit without input, then the reset and the loop's first pair.
  await page.waitForFunction(() => document.querySelector('.kiosk-status')?.classList.contains('is-running'), null, { timeout: 10000 });
}
await run(`${STEPS.toLocaleString('en')} attract-loop steps`, '?mode=kiosk&dwell=3600&idle=1&lang=fr', async (page) => {
  // A round of every kind of change: caches, the QR code writer, both maps' code paths.
  await page.waitForSelector('.kiosk-card');
  for (let i = 0; i < 30; i++) await step(page);
  await switchView(page, 'world', false);
  await switchView(page, 'twin', false);
  await leaveAlone(page);
}, async (page) => {
  for (let i = 1; i <= STEPS; i++) {
    await step(page);
    if (i % 100 === 0) await leaveAlone(page);
    if (i % 250 === 0) await switchView(page, (i / 250) % 2 ? 'world' : 'twin', false);
    if (i % 200 === 0) log(`${i} / ${STEPS} steps`);
  }
  // Back to where the measure began: the twin view, the loop running.
  await leaveAlone(page);
  await page.locator('.map[data-view="twin"][data-settled="true"]').waitFor();
});

// 3. A tour with a world step.
const captions = TOUR.steps.map((s) => s.caption.fr);
/** The clicker's next step of the tour: its caption shown, its view drawn and framed. */
async function tourStep(page, i) {
  await page.keyboard.press('PageDown');
  const s = TOUR.steps[i % TOUR.steps.length];
  await page.locator('.kiosk-caption').filter({ hasText: captions[i % captions.length] }).waitFor({ timeout: 10000 });
  await page.locator(`.map[data-view="${s.view ?? 'twin'}"][data-settled="true"]`).waitFor({ timeout: 20000 });
}
await run(`${STEPS.toLocaleString('en')} tour steps (one in four on the world map)`, '?mode=kiosk&dwell=3600&lang=fr&tour=tours%2Fexample.json', async (page) => {
  await page.locator('.kiosk-caption').filter({ hasText: captions[0] }).waitFor();
  // Once round the tour, back to its first step.
  for (let i = 1; i <= TOUR.steps.length; i++) await tourStep(page, i);
}, async (page) => {
  for (let i = 1; i <= STEPS; i++) {
    await tourStep(page, i);
    if (i % 200 === 0) log(`${i} / ${STEPS} tour steps`);
  }
});

const mb = (b) => (b / 1048576).toFixed(2);
const growth = (a, b) => (b - a > 0 ? `+${b - a}` : `${b - a}`);
console.log(`\n## Endurance: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`);
for (const { name, seconds, before, after } of results) {
  console.log(`### ${name} (${seconds.toFixed(0)} s)\n`);
  console.log('| measure | before | after | growth | target |');
  console.log('|---|---:|---:|---:|---|');
  const heap = after.heap - before.heap;
  console.log(`| JS heap (after GC) | ${mb(before.heap)} MB | ${mb(after.heap)} MB | ${heap > 0 ? '+' : ''}${mb(heap)} MB | ≤ 5 MB: **${heap <= 5 * 1048576 ? 'met' : 'not met'}** |`);
  console.log(`| DOM elements in the page | ${before.elements} | ${after.elements} | ${growth(before.elements, after.elements)} | none: **${after.elements <= before.elements ? 'met' : 'not met'}** |`);
  console.log(`| DOM nodes (browser's count, incl. detached) | ${before.nodes} | ${after.nodes} | ${growth(before.nodes, after.nodes)} | none: **${after.nodes <= before.nodes ? 'met' : 'not met'}** |`);
  console.log(`| JS event listeners | ${before.listeners} | ${after.listeners} | ${growth(before.listeners, after.listeners)} | none: **${after.listeners <= before.listeners ? 'met' : 'not met'}** |\n`);
}
if (errors.length) console.log(`Errors in the page: ${errors.length}\n${errors.slice(0, 5).join('\n')}`);
await browser.close();
server.close();
