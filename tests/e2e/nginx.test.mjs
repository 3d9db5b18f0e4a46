// Issue 9 (a real web server): the built folder served by nginx (the Debian package, installed by
// .ci/setup.sh, started by ./nginx.mjs) under a sub-path, with the README's configuration: gzip,
// the wasm type, the strict Content-Security-Policy. What it sends, and the map working through
// it. (The whole suite also runs against nginx: E2E_SERVER=nginx, see .ci/test.sh.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNginx } from './nginx.mjs';
import { countText, CSP as POLICY, DEFAULT_PAIRS, DIST, newPage, useBrowser, ready } from './support.mjs';

const t = useBrowser();
let nginx = null;
let base = '';

before(async () => {
  nginx = await startNginx({ dir: DIST, base: '/carte/coree/', headers: { 'Content-Security-Policy': POLICY } });
  base = nginx.url;
});
after(() => nginx?.close());

test('served by nginx under a sub-path: gzip, application/wasm, the strict CSP header, and the map works end to end with no violation', async () => {
  // What the server sends.
  const head = async (file) => {
    const r = await fetch(base + file, { headers: { 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    return r.headers;
  };
  const wasm = await head('pkg/partnership_map_bg.wasm');
  assert.equal(wasm.get('content-type'), 'application/wasm');
  assert.equal(wasm.get('content-encoding'), 'gzip');
  for (const f of ['data/partnerships.json', 'pkg/partnership_map.js', 'style.css', 'basemap.json']) {
    assert.equal((await head(f)).get('content-encoding'), 'gzip', `${f} is compressed`);
  }
  assert.equal((await head('')).get('content-security-policy'), POLICY);
  const redirect = await fetch(base.slice(0, -1) + '?lang=ko', { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(new URL(redirect.headers.get('location'), base).href, `${base}?lang=ko`);

  // The map, as a visitor gets it.
  t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
  await t.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await t.page.goto(base.slice(0, -1) + '?lang=en');
  await ready(t.page);
  assert.equal(new URL(t.page.url()).pathname, '/carte/coree/');
  assert.equal(await t.page.locator('.result-count').textContent(), countText(DEFAULT_PAIRS));
  await t.page.locator('label[for="region-FR-IDF"]').click();
  await t.page.waitForFunction(() => document.querySelector('.result-count').dataset.visible === '9');
  await t.page.locator('li[data-pair-id="seoul-paris"]').click();
  await t.page.locator('article.pair-card').waitFor();
  // The offline copy, through nginx too.
  await t.page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
  await t.page.context().setOffline(true);
  await t.page.reload();
  await ready(t.page);
  await t.page.context().setOffline(false);
  assert.deepEqual(await t.page.evaluate(() => window.__violations), []);
});
