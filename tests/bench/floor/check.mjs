// Runs each floor program in headless Chromium (tests/bench/floor.sh calls it after building):
// a floor that did not work would prove nothing. Prints what each page shows and how many lines
// the map drew; exits 1 if a page failed.
// Usage: node tests/bench/floor/check.mjs <out dir> <data file>
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../../.ci/serve.mjs';

const [out, data] = process.argv.slice(2);
const page = (program) => `<!doctype html><html><head><meta charset="utf-8"><script src="leaflet.js"></script>
<style>#map { height: 400px }</style></head><body>${program === 'first_view' ? '<div id="map"></div>' : ''}
<script type="module">import init from './${program}/app.js'; init();</script></body></html>`;
fs.mkdirSync(path.join(out, 'data'), { recursive: true });
fs.copyFileSync(data, path.join(out, 'data', 'partnerships.json'));
fs.copyFileSync('node_modules/leaflet/dist/leaflet.js', path.join(out, 'leaflet.js'));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const { server, url } = await startServer({ dir: out, port: 0 });
let failed = false;
// The first view's specs as the data tool writes them from the data (floor.sh: first-paint
// --first-view): every located authority and drawable pair, named in the three languages.
fs.copyFileSync(path.join(out, 'first-view.source.json'), path.join(out, 'first-view.json'));
fs.copyFileSync('dist/basemap.json', path.join(out, 'basemap.json'));
for (const program of ['counter', 'loader', 'map', 'first_view']) {
  fs.writeFileSync(path.join(out, `${program}.html`), page(program));
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${url}${program}.html`);
  const shown = await tab
    .waitForFunction((p) => (p === 'counter' ? document.querySelector('button') : /partnerships/.test(document.body.innerText)), program, { timeout: 20000 })
    .then(() => tab.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim()), () => null);
  // The lines drawn: Leaflet's own paths for `map`; for `first_view`, the twin view's links, in
  // its own SVG overlay (`path.pm-link`, not Leaflet layers), counted only when laid (a `d`) and
  // shown. (Above the map seam's canvas threshold they would be painted on a canvas instead: the
  // real data is far below it.)
  const lines = await tab.evaluate((p) => {
    const drawn = (e) => (e.getAttribute('d') ?? '').trim() !== '' && getComputedStyle(e).display !== 'none';
    return [...document.querySelectorAll(p === 'first_view' ? 'path.pm-link' : 'path.leaflet-interactive')].filter(drawn).length;
  }, program);
  // The first view draws exactly the links of the opening view (the specs' `shown`).
  const expected = program === 'first_view' ? JSON.parse(fs.readFileSync(path.join(out, 'first-view.json'), 'utf8')).shown.length : null;
  const ok = shown !== null && errors.length === 0 && (!['map', 'first_view'].includes(program) || lines > 0) && (expected === null || lines === expected);
  failed ||= !ok;
  console.log(`    ${program}: ${ok ? 'works' : 'FAILED'}: shows "${shown ?? 'nothing'}"${['map', 'first_view'].includes(program) ? `, ${lines} lines drawn${expected === null ? '' : ` of the opening view's ${expected}`}` : ''}${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
  await tab.close();
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
