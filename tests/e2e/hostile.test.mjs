// The hostile data files of tests/fixtures/hostile/cases.json, served as the map's data: no
// dialog, no script run (a sentinel global stays unset), no link other than http(s), the
// expected problems listed with their location in the problems panel, the valid rest on the map.
// The data tool reads the same files in tests/hostile.rs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import sirv from 'sirv';
import { DIST, ROOT, listedPairs, newPage, useBrowser, ready, useEmbed } from './support.mjs';

const t = useBrowser();

const DIR = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const { cases } = JSON.parse(fs.readFileSync(path.join(DIR, 'cases.json'), 'utf8'));

/** A file of the set: committed, or generated as its `generate` entry says. */
function bytesOf(c) {
  if (!c.generate) return fs.readFileSync(path.join(DIR, c.file));
  const doc = JSON.parse(fs.readFileSync(path.join(DIR, c.generate.from), 'utf8'));
  for (const [pointer, { repeat, times }] of Object.entries(c.generate.set ?? {})) {
    const keys = pointer.slice(1).split('/');
    let at = doc;
    for (const k of keys.slice(0, -1)) at = at[k] ??= {};
    at[keys.at(-1)] = repeat.repeat(times);
  }
  if (c.generate.copies) {
    const { of, times, id_suffix: suffix } = c.generate.copies;
    const record = of.slice(1).split('/').reduce((at, k) => at[k], doc);
    for (let n = 0; n < times; n++) doc.partnerships.push({ ...record, id: `${record.id}${suffix}${n}` });
  }
  const text = Buffer.from(JSON.stringify(doc, null, 2));
  if (!c.generate.pad_to_bytes) return text;
  assert.ok(text.length <= c.generate.pad_to_bytes, `${text.length} bytes before padding`);
  const padded = Buffer.alloc(c.generate.pad_to_bytes, ' ');
  text.copy(padded);
  return padded;
}

/** Records dialogs, and the longest pause of the page's main thread (a timer every 20 ms). */
async function watch(page) {
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__longestPause = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__longestPause = Math.max(window.__longestPause, now - last - 20);
      last = now;
    }, 20);
  });
}

/** What a hostile file must never achieve, whatever it is. */
async function assertNothingRan(page, name) {
  assert.deepEqual(page.dialogs, [], `${name}: no dialog`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${name}: no script from the data ran`);
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      // Every link and source attribute: relative, #, blob: (a download) or http(s); the page's
      // own empty icon (index.html's `data:,`, which saves a request) aside.
      urls: all.filter((e) => !(e.tagName === 'LINK' && e.rel === 'icon' && e.getAttribute('href') === 'data:,'))
        .flatMap((e) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => e.getAttribute(a)).filter(Boolean))
        .filter((u) => /^\s*[a-z][a-z0-9+.-]*:/i.test(u) && !/^(https?|blob):/i.test(u.trim())),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
      // The app's own elements only: nothing the markup in the data would have made.
      injected: all.filter((e) => ['IFRAME', 'OBJECT', 'EMBED', 'IMG'].includes(e.tagName) || (e.tagName === 'SCRIPT' && !e.src)).map((e) => e.outerHTML.slice(0, 80)),
    };
  });
  assert.deepEqual(found, { urls: [], handlers: [], injected: [] }, `${name}: nothing from the data became markup`);
}

/** The problems panel's entries, as [location, message]. */
const panelEntries = async (page) => {
  const panel = page.locator('section.problems');
  if (!(await panel.count())) return [];
  await panel.locator('summary').click();
  return panel.locator('li').evaluateAll((items) => items.map((li) => [li.querySelector('.problem-path').textContent, li.querySelector('.problem-message').textContent]));
};

for (const c of cases) {
  test(`hostile data: ${c.file} (${c.about})`, async () => {
    t.page = await newPage(t.env);
    await watch(t.page);
    const body = bytesOf(c);
    await t.page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    // The card of a pair that stays (the one carrying the markup when it does) is open too.
    const open = c.pairs.includes('seoul-paris') ? 'seoul-paris' : c.pairs[0];
    await t.page.goto(t.env.url + '?lang=en' + (open ? `&pair=${open}` : ''));
    // The opening view is the first view's, drawn from the build's own files: the data is the
    // interface's, which starts on first use.
    await useEmbed(t.page);
    await t.page.waitForSelector(`html[data-state="${c.pairs.length ? 'ready' : 'error'}"]`, { timeout: 30000 });

    // The expected problems, each once, with its location.
    const entries = await panelEntries(t.page);
    assert.equal(entries.length, c.problems.length, `${c.file}: ${JSON.stringify(entries)}`);
    for (const [line, column, where, message] of c.problems) {
      const located = line ? `${where} (${line}:${column})` : null;
      assert.ok(
        entries.some(([at, m]) => m === message && (located ? at === located : at === where || at.startsWith(`${where} (`))),
        `${c.file}: the panel lists ${located ?? where} ${message}:\n${entries.map((e) => e.join(' ')).join('\n')}`,
      );
    }
    // The valid rest: exactly these partnerships.
    assert.deepEqual(await listedPairs(t.page), [...c.pairs].sort(), c.file);
    if (open) await t.page.locator('article.pair-card').waitFor();
    const text = await t.page.locator('body').innerText();
    for (const shown of c.texts ?? []) assert.ok(text.includes(shown), `${c.file}: shows ${shown} as text`);
    await assertNothingRan(t.page, c.file);
  });
}

test('a 50 MB file refused while the tab stays responsive', async () => {
  t.page = await newPage(t.env);
  await watch(t.page);
  const c = cases.find((x) => x.file === 'huge-file.json');
  const body = bytesOf(c);
  await t.page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await t.page.goto(t.env.url + '?lang=en');
  await useEmbed(t.page);
  await t.page.waitForSelector('html[data-state="error"]');
  // Language buttons still answer, and the page was never frozen: a 50 MB parse would stop
  // the timer for seconds.
  await t.page.getByRole('button', { name: '한국어' }).click();
  await t.page.locator('html[lang="ko"]').waitFor();
  const pause = await t.page.evaluate(() => window.__longestPause);
  console.log(`longest pause of the page while refusing 50 MB: ${pause.toFixed(0)} ms`);
  assert.ok(pause < 1000, `the page paused ${pause} ms`);
  await assertNothingRan(t.page, 'huge-file.json');
});

test('a 100 MB download without an announced size is stopped after 25 MB', async () => {
  // A server that streams the data in chunks with no Content-Length (as a compressing host
  // does), counting what it could send before the page hung up.
  const assets = sirv(DIST, { dev: true });
  let sent = 0;
  let closed;
  const done = new Promise((r) => { closed = r; });
  const server = http.createServer(async (req, res) => {
    if (!req.url.startsWith('/data/partnerships.json')) return assets(req, res, () => { res.writeHead(404); res.end(); });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.on('close', () => closed(sent));
    const chunk = Buffer.alloc(64 * 1024, ' ');
    chunk.write('{"schema_version": 2,');
    while (sent < 100 * 1024 * 1024 && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        await new Promise((r) => {
          const go = () => { res.off('drain', go); res.off('close', go); r(); };
          res.on('drain', go);
          res.on('close', go);
        });
      }
    }
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    t.page = await newPage(t.env);
    await watch(t.page);
    await t.page.goto(`http://127.0.0.1:${server.address().port}/?lang=en`);
    await useEmbed(t.page);
    await t.page.waitForSelector('html[data-state="error"]', { timeout: 30000 });
    assert.deepEqual(await panelEntries(t.page), [['$', 'the file is larger than the 25 MB this map reads']]);
    const bytes = await done;
    // The page hangs up after 25 MB; the network's buffers have taken some more by then (32 to
    // 35 MB sent on an idle machine; once, under load, all of a 50 MB stream: hence 100 MB).
    console.log(`sent before the page hung up: ${(bytes / 2 ** 20).toFixed(1)} MB of 100`);
    assert.ok(bytes < 100 * 2 ** 20, `the page read all ${bytes} bytes`);
    await assertNothingRan(t.page, 'streamed 100 MB');
  } finally {
    server.close();
  }
});

test('a dropped 50 MB file is refused by its size and the published map can come back', async () => {
  t.page = await newPage(t.env);
  await watch(t.page);
  await t.page.goto(t.env.url + '?lang=en');
  await ready(t.page);
  const published = await listedPairs(t.page);
  // Made in the page: 50 MB of spaces after a valid start.
  const dt = await t.page.evaluateHandle(() => {
    const dt = new DataTransfer();
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(32);
    dt.items.add(new File(['{"schema_version": 2}', bytes], 'big.json', { type: 'application/json' }));
    return dt;
  });
  await t.page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await t.page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await t.page.locator('section.problems').waitFor();
  assert.deepEqual(await panelEntries(t.page), [['$', 'the file is 50.0 MB: larger than the 25 MB this map reads']]);
  // A guard against the page freezing on the file (as reading and parsing 50 MB would), not a
  // speed target: on this shared machine a loaded run has measured up to 1,014 ms.
  const pause = await t.page.evaluate(() => window.__longestPause);
  assert.ok(pause < 3000, `the page paused ${pause} ms`);
  // Back to the published data.
  await t.page.getByRole('button', { name: /published/i }).click();
  await ready(t.page);
  assert.deepEqual(await listedPairs(t.page), published);
  await assertNothingRan(t.page, 'dropped 50 MB');
});
