// Files full of problems in the browser (issue 18, item 5; run on demand by `make
// bench-problems`, after the native half writes target/bench/problems-N.json): each file is
// opened as a preview in headless Chromium (the About panel's file input), and the script prints
// the time from the file chosen to the problems panel shown, the longest main-thread task
// (PerformanceObserver 'longtask') and how many problems the panel lists as nodes. Prints;
// asserts nothing.
//
// Usage: node tests/bench/problems.mjs [--sizes 20000,150000] [--dist DIR] (a copy of another
// build, to compare two builds in one run, alternating)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', '20000,150000').split(',');

const { server, url } = await startServer({ dir: path.resolve(arg('dist', path.join(ROOT, 'dist'))), port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

console.log(['records', 'bytes', 'problems', 'shown after (ms)', 'longest task (ms)', 'tasks > 200 ms', 'listed nodes'].join('\t'));
for (const size of SIZES) {
  const file = path.join(ROOT, 'target', 'bench', `problems-${size}.json`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run cargo run --release --example problems_bench first`);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    // The moment the file is chosen: the input's change event.
    document.addEventListener('change', () => { window.__chosen ??= performance.now(); }, true);
  });
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('html[data-state="ready"]', { timeout: 60000 });
  await page.getByRole('button', { name: 'About', exact: true }).click();
  const bytes = fs.readFileSync(file);
  await page.setInputFiles('dialog.about-panel .file-button input[type=file]', { name: `problems-${size}.json`, mimeType: 'application/json', buffer: bytes });
  const shown = await page.waitForFunction(() => document.querySelector('section.problems[data-problem-count]') && performance.now(), null, { timeout: 600000, polling: 'raf' }).then((h) => h.jsonValue());
  const { chosen, tasks, count, nodes } = await page.evaluate(() => ({
    chosen: window.__chosen,
    // Tasks that began once the file was chosen (Playwright's own setInputFiles, which builds
    // the file in the page, runs before and is not the map's).
    tasks: window.__tasks.filter(([start]) => start >= window.__chosen).map(([, d]) => d),
    count: Number(document.querySelector('section.problems').dataset.problemCount),
    nodes: document.querySelectorAll('section.problems li').length,
  }));
  const longest = Math.max(0, ...tasks);
  console.log([size, bytes.length, count, Math.round(shown - chosen), Math.round(longest), tasks.filter((d) => d > 200).length, nodes].join('\t'));
  await context.close();
}
await browser.close();
server.close();
