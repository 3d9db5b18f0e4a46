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
<style>#map { height: 400px }</style></head><body>
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
for (const program of ['counter', 'loader', 'map']) {
  fs.writeFileSync(path.join(out, `${program}.html`), page(program));
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${url}${program}.html`);
  const shown = await tab
    .waitForFunction((p) => (p === 'counter' ? document.querySelector('button') : /partnerships/.test(document.body.innerText)), program, { timeout: 20000 })
    .then(() => tab.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim()), () => null);
  // The lines drawn: Leaflet's own paths, for `map`.
  const lines = await tab.evaluate(() => document.querySelectorAll('path.leaflet-interactive').length);
  const ok = shown !== null && errors.length === 0 && (program !== 'map' || lines > 0);
  failed ||= !ok;
  console.log(`    ${program}: ${ok ? 'works' : 'FAILED'}: shows "${shown ?? 'nothing'}"${program === 'map' ? `, ${lines} lines drawn` : ''}${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
  await tab.close();
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
