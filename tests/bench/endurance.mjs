// The kiosk's all-day benchmark (run on demand with `make bench-kiosk`, not part of the tests):
// 1,000 steps of the attract loop on the release build, with the JS heap and the DOM counted
// before and after. Targets (issue 8): heap growth ≤ 5 MB, no DOM growth.
//
// Each step is what the loop's timer does (`go(1)` in src/app/kiosk.rs), driven by the
// clicker's PageDown so that 1,000 steps take a minute, not 3 hours; every 100 steps the kiosk is
// left alone long enough to reset (idle=1), and every 250 it changes view, so resets, card
// rebuilds and whole map rebuilds are all in the count.
//
// Usage: node tests/bench/endurance.mjs [--steps 1000] [--no-build]
import { execFileSync } from 'node:child_process';
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
const log = (...a) => console.error('[endurance]', ...a);

if (!process.argv.includes('--no-build')) {
  log('building the release (make build)…');
  execFileSync('bash', ['.ci/build.sh'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const { server, url } = await startServer({ dir: path.join(ROOT, 'dist'), port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage', '--js-flags=--expose-gc'],
});
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
const cdp = await context.newCDPSession(page);

/** Heap after a full garbage collection, DOM nodes and listeners, as the browser counts them. */
async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heap: usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, elements };
}

await page.goto(`${url}?mode=kiosk&dwell=3600&idle=1&lang=fr`);
await page.waitForSelector('html[data-state="ready"]', { timeout: 60000 });
await page.waitForSelector('.kiosk-card');

/** One step: the next pair, once its card is on screen. */
async function step() {
  const before = await page.getAttribute('.kiosk-card', 'data-pair-id').catch(() => null);
  await page.keyboard.press('PageDown');
  await page.waitForFunction((b) => {
    const card = document.querySelector('.kiosk-card');
    return card && card.dataset.pairId !== b;
  }, before, { timeout: 10000 });
}
async function leaveAlone() {
  // idle=1: a second and a bit without input, then the reset and the loop's first pair.
  await page.waitForFunction(() => document.querySelector('.kiosk-status')?.classList.contains('is-running'), null, { timeout: 10000 });
}
async function switchView(n) {
  await page.getByRole('button', { name: n % 2 ? 'Monde' : 'Côte à côte' }).click();
  await page.waitForSelector(`.map[data-view="${n % 2 ? 'world' : 'twin'}"]`);
}

// Warm up: a round of every kind of change, so that what is made once (caches, the QR code
// writer, both maps' code paths) is not counted as growth.
for (let i = 0; i < 30; i++) await step();
await switchView(1);
await switchView(2);
await leaveAlone();
const before = await measure();
const started = Date.now();
for (let i = 1; i <= STEPS; i++) {
  await step();
  if (i % 100 === 0) await leaveAlone();
  if (i % 250 === 0) await switchView(i / 250);
  if (i % 200 === 0) log(`${i} / ${STEPS} steps`);
}
// Back to where the measure began: the twin view, the loop running.
if (await page.locator('.map[data-view="world"]').count()) await switchView(2);
await leaveAlone();
const after = await measure();
const seconds = (Date.now() - started) / 1000;

const mb = (b) => (b / 1048576).toFixed(2);
console.log(`\n## Kiosk endurance: ${STEPS.toLocaleString('en')} loop steps (${seconds.toFixed(0)} s), ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}\n`);
console.log('| measure | before | after | growth | target |');
console.log('|---|---:|---:|---:|---|');
console.log(`| JS heap (after GC) | ${mb(before.heap)} MB | ${mb(after.heap)} MB | ${mb(after.heap - before.heap)} MB | ≤ 5 MB: **${after.heap - before.heap <= 5 * 1048576 ? 'met' : 'not met'}** |`);
console.log(`| DOM elements in the page | ${before.elements} | ${after.elements} | ${after.elements - before.elements} | none: **${after.elements <= before.elements ? 'met' : 'not met'}** |`);
console.log(`| DOM nodes (browser's count, incl. detached) | ${before.nodes} | ${after.nodes} | ${after.nodes - before.nodes} | |`);
console.log(`| JS event listeners | ${before.listeners} | ${after.listeners} | ${after.listeners - before.listeners} | |`);
if (errors.length) console.log(`\nErrors in the page: ${errors.length}\n${errors.slice(0, 5).join('\n')}`);
await browser.close();
server.close();
