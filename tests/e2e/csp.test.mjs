// Issue 9 (strict content security policy): the built app runs unchanged under the policy the
// README gives hosts, with no violation reported by the browser, through every part of it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../.ci/serve.mjs';
import { CSP as POLICY, DIST, newPage, ROOT, useBrowser, useEmbed, ready } from './support.mjs';

const t = useBrowser();

/** A page that records every CSP violation the browser reports. */
async function strictPage(width = 1280, height = 800, serviceWorkers = 'block') {
  const page = await newPage(t.env, { width, height, serviceWorkers });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return page;
}
const violations = (page) => page.evaluate(() => window.__violations);

test('under a strict CSP the map works end to end: both views, a card, search, the timeline and its playback, share with QR and PNG, the embed builder, kiosk, offline copy, an embed; no violation', async () => {
  const site = await startServer({ dir: DIST, port: 0, base: '/strict/', headers: { 'Content-Security-Policy': POLICY } });
  try {
    t.page = await strictPage(1280, 800, 'allow');
    const page = t.page;
    await page.goto(`${site.url}?lang=en`);
    await ready(page);
    assert.ok((await page.locator('path.pm-link[data-pair-id]').count()) > 10, 'links drawn');
    await page.waitForSelector('html[data-offline="ready"]', { timeout: 60000 });
    await page.locator('li[data-pair-id="seoul-paris"]').click();
    await page.locator('article.pair-card').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#search-input').fill('busan');
    await page.locator('#search-input').fill('');
    await page.getByRole('button', { name: 'World' }).click();
    await page.waitForSelector('.map[data-view="world"]');
    await page.getByRole('tab', { name: 'Timeline' }).click().catch(() => page.getByText('Timeline', { exact: true }).click());
    await page.getByLabel('Speed').selectOption('500');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(1200);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Share', { exact: true }).click();
    await page.locator('svg.share-qr').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PNG' }).click();
    await download;
    await page.getByRole('status').filter({ hasText: 'Image saved' }).waitFor();
    await page.getByRole('button', { name: 'Embed' }).click();
    const frame = await (await page.waitForSelector('.embed-preview iframe')).contentFrame();
    // Its first view, then, once the pointer comes over it, its interface.
    await useEmbed(page, await page.$('.embed-preview iframe'));
    await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await frame.evaluate(() => window.__violations ?? []), []);

    // The kiosk, with its tour and QR code.
    const kiosk = await strictPage(1920, 1080);
    await kiosk.goto(`${site.url}?mode=kiosk&dwell=1&lang=fr&tour=tours%2Fexample.json`);
    await ready(kiosk);
    await kiosk.locator('.kiosk-caption').waitFor();
    // The loop (a step a second) comes to the step with a pair and its QR code on its own; the
    // clicker steps on; the presenter's control bar comes and goes.
    await kiosk.locator('.kiosk-qr svg').waitFor();
    await kiosk.keyboard.press('PageDown');
    await kiosk.keyboard.press('c');
    await kiosk.locator('.kiosk-controls').waitFor();
    await kiosk.keyboard.press('Escape');
    await kiosk.locator('.kiosk-controls').waitFor({ state: 'detached' });
    await kiosk.keyboard.press('b');
    await kiosk.keyboard.press('b');
    assert.deepEqual(await violations(kiosk), []);
    assert.deepEqual(kiosk.errors, []);
    await kiosk.context().close();
  } finally {
    site.server.close();
  }
});

test('under a strict CSP the About panel and its propose form work: the message downloaded, a file opened from the panel; no violation', async () => {
  const site = await startServer({ dir: DIST, port: 0, base: '/strict/', headers: { 'Content-Security-Policy': POLICY } });
  try {
    t.page = await strictPage(1280, 800);
    const page = t.page;
    // Workers from the start: the file check's worker is started ahead, when the focus or a hand
    // reaches "Open a dataset…".
    const workers = [];
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    await page.goto(`${site.url}?lang=en&pair=seoul-paris`);
    await ready(page);
    await page.getByRole('button', { name: 'About', exact: true }).click();
    await page.getByRole('button', { name: 'Propose a partnership or a correction' }).click();
    await page.locator('#propose-year').fill('1992');
    const download = page.waitForEvent('download');
    await page.locator('.propose-download').click();
    const text = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
    assert.equal(JSON.parse(text).correction_of, 'seoul-paris');
    await page.locator('.propose-preview summary').click();
    await page.getByRole('button', { name: 'Back to About' }).click();
    // The repository's file, formatted: over 256 KB, so it is checked in the worker, whose
    // module must start under the policy too.
    const pretty = fs.readFileSync(path.join(ROOT, 'data', 'partnerships.json'));
    assert.ok(pretty.length > 256 * 1024);
    await page.locator('.about-maintainers input[type=file]').setInputFiles({ name: 'same.json', mimeType: 'application/json', buffer: pretty });
    await page.locator('.preview-banner').waitFor();
    assert.deepEqual(workers, ['/strict/loader-worker.js']);
    assert.equal(await page.locator('section.problems').count(), 0, 'the published file, checked in the worker, has no problem');
    assert.deepEqual(await violations(page), []);
  } finally {
    site.server.close();
  }
});
