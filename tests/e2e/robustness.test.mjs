// Bad data, a failing or slow data request, and hosting under a sub-path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA, DEFAULT_PAIRS, drawable, drawnLinks, expected, listedPairs, newPage, openMap, useBrowser, ready, useEmbed } from './support.mjs';

const t = useBrowser();

const serve = (body) => (route) => route.fulfill({ status: 200, contentType: 'application/json', body });

test('invalid records are listed with their location in a panel, and the valid rest is drawn', async () => {
  t.page = await newPage(t.env);
  const bad = structuredClone(DATA);
  bad.partnerships[3].authorities[1] = 'fr-nise';
  bad.partnerships[5].year = 'two thousand';
  bad.partnerships[7].sources.push({ title: 'evil', url: 'javascript:alert(1)' });
  bad.authorities.find((a) => a.id === 'kr-jeju').location = { lat: 95, lng: 126.5 };
  await t.page.route('**/data/partnerships.json', serve(JSON.stringify(bad)));
  await openMap(t.page, t.env.url, '?lang=en');
  const panel = t.page.locator('section.problems');
  // Four records are refused (the three pairs, Jeju's authority and so its pair); the events
  // that concern a refused pair say so too.
  const dropped = new Set([DATA.partnerships[3].id, DATA.partnerships[5].id, DATA.partnerships[7].id, 'jeju-rouen']);
  const eventProblems = DATA.events.flatMap((e) => e.partnerships.filter((id) => dropped.has(id))).length;
  assert.equal(await panel.getAttribute('data-problem-count'), String(5 + eventProblems));
  await panel.locator('summary').click();
  const text = await panel.innerText();
  // Each problem: its JSON path, its line:column in the file, and what is wrong.
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [path, message] of [
    ['partnerships[3].authorities[1]', 'unknown authority "fr-nise"'],
    ['partnerships[5].year', 'invalid type'],
    ['partnerships[7].sources[', '"javascript:alert(1)" is not an http(s) link'],
    ['authorities[', 'latitude 95 is outside'],
  ]) assert.match(text, new RegExp(`${esc(path)}[^\n]* \\(\\d+:\\d+\\) ${esc(message)}`), `panel mentions ${path} ${message}:\n${text}`);
  // The valid rest is shown as usual.
  const rest = DEFAULT_PAIRS.filter((id) => !dropped.has(id));
  assert.deepEqual(await listedPairs(t.page), rest);
  assert.deepEqual(await drawnLinks(t.page), drawable(rest));
});

test('a file that is not JSON at all gives a located error and no crash', async () => {
  t.page = await newPage(t.env);
  await t.page.route('**/data/partnerships.json', serve('{ "schema_version": 1,\n  "themes": [ }'));
  await t.page.goto(t.env.url + '?lang=en');
  // The opening view is the first view's (the build's own files); the data is the interface's.
  await useEmbed(t.page);
  await t.page.waitForSelector('html[data-state="error"]');
  await t.page.locator('section.problems summary').click();
  assert.match(await t.page.locator('section.problems').innerText(), /\$ \(2:\d+\) not valid JSON/);
});

test('markup in the data is shown as text and never runs', async () => {
  t.page = await newPage(t.env);
  const bad = structuredClone(DATA);
  const p = bad.partnerships[0];
  p.summary.en = '<img src=x onerror="window.__pwned=1">"><svg onload="window.__pwned=2">';
  p.sources[0].title = '<script>window.__pwned=3</script>';
  await t.page.route('**/data/partnerships.json', serve(JSON.stringify(bad)));
  await openMap(t.page, t.env.url, `?lang=en&pair=${p.id}`);
  const card = t.page.locator('article.pair-card');
  await card.waitFor();
  assert.ok((await card.innerText()).includes('<img src=x onerror='));
  assert.equal(await card.locator('img, svg, script').count(), 0);
  assert.equal(await t.page.evaluate(() => window.__pwned), undefined);
});

test('a failed data request shows the reason and a working retry button', async () => {
  t.page = await newPage(t.env);
  t.allowedErrors = [/Failed to load resource/];
  await t.page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await t.page.goto(t.env.url + '?lang=en');
  await useEmbed(t.page);
  await t.page.waitForSelector('html[data-state="error"]');
  assert.match(await t.page.locator('[role="alert"]').innerText(), /could not be loaded[\s\S]*503/);
  await t.page.unroute('**/data/partnerships.json');
  await t.page.getByRole('button', { name: 'Try again' }).click();
  await ready(t.page);
  assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
});

test('while the data is on its way, a progress message shows', async () => {
  t.page = await newPage(t.env);
  let release;
  const held = new Promise((r) => { release = r; });
  await t.page.route('**/data/partnerships.json', async (route) => { await held; await route.continue(); });
  // Not the opening view, whose interface waits for a first use under the first view.
  await t.page.goto(t.env.url + '?lang=en&sort=name');
  const status = t.page.getByRole('status').filter({ hasText: 'Loading partnerships' });
  await status.waitFor();
  assert.equal(await t.page.getAttribute('html', 'data-state'), 'loading');
  release();
  await ready(t.page);
  assert.equal(await status.count(), 0);
});

test('the built folder works under a sub-path, fetching everything relative to it', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.subUrl, '?lang=en&region=KR-47');
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['KR-47'] }));
  const prefix = t.env.subUrl; // http://127.0.0.1:PORT/carte/coree/
  const own = t.page.requests.filter((u) => !u.startsWith('data:'));
  assert.ok(own.length >= 6, 't.page, scripts, styles, wasm, data, basemap');
  assert.deepEqual(own.filter((u) => !u.startsWith(prefix)), [], 'every request stays under the sub-path');
  // And without the trailing slash, the server's redirect lands on the same app.
  await t.page.goto(prefix.slice(0, -1) + '?lang=en');
  await ready(t.page);
  assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
});
