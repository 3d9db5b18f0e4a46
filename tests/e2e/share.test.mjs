// Issue 7 (sharing): the link of exactly what is on screen, copied, and as a QR code that a
// decoder reads back to the same link.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { decodeQr, likeness, newPage, openMap, ROOT, saveScreenshot, searchParams, settled, useBrowser, ready } from './support.mjs';

const t = useBrowser();
test('Share: the link of this view (no embed=1), copied to the clipboard, and a QR code that decodes to it and follows the filters; no request leaves the origin', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openMap(t.page, t.env.url, '?lang=en&region=FR-IDF&pair=seoul-paris');
  await searchParams(t.page);
  const here = t.page.url();
  await t.page.getByText('Share', { exact: true }).click();
  const input = t.page.getByLabel('Link to this view', { exact: true });
  assert.equal(await input.inputValue(), here);
  await t.page.getByRole('button', { name: 'Copy link' }).click();
  await t.page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), here);
  assert.equal(await t.page.getByRole('img', { name: 'QR code of the link to this view' }).count(), 1);
  assert.equal(await decodeQr(t.page, 'svg.share-qr'), here);
  await saveScreenshot(t.page, 'share-1280');
  // Another filter, another link and another code.
  await t.page.locator('label[for="region-KR-11"]').click();
  const next = await searchParams(t.page);
  assert.equal(next.region, 'FR-IDF,KR-11');
  assert.equal(await input.inputValue(), t.page.url());
  assert.equal(await decodeQr(t.page, 'svg.share-qr'), t.page.url());
  assert.equal(await t.page.getByRole('status').filter({ hasText: 'Link copied' }).count(), 0, 'the new link is not said to be copied');
  const origin = new URL(t.env.url).origin;
  assert.deepEqual(t.page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
});

test('an embedded map shared from its full page drops embed=1', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=fr&focus=kr-daejeon');
  await t.page.getByText('Partager', { exact: true }).click();
  const link = await t.page.getByLabel('Lien de cette vue', { exact: true }).inputValue();
  assert.deepEqual(Object.fromEntries(new URL(link).searchParams), { focus: 'kr-daejeon', lang: 'fr' });
});

/** Width and height from a PNG's header (IHDR), and whether it is a PNG at all. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks "Download PNG" in the open Share drawer and returns the file. */
async function downloadPng(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await download;
  await page.getByRole('status').filter({ hasText: 'Image saved' }).waitFor();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

test('Download PNG: the map as it is on screen (both views, under a sub-path), titled, in a file named by date; it follows the filters; no request leaves the origin', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.subUrl, '?lang=en&region=FR-IDF');
  await t.page.getByText('Share', { exact: true }).click();
  await settled(t.page);
  const column = t.page.locator('.map-column');
  const box = await column.boundingBox();
  const first = await downloadPng(t.page);
  assert.match(first.name, /^franco-korean-partnerships-map-\d{4}-\d{2}-\d{2}\.png$/);
  const size = pngSize(first.bytes);
  assert.equal(size.width, Math.round(box.width) * 2, 'twice as sharp as the screen');
  assert.ok(size.height > box.height * 2 + 100, `a title band and a footer besides the map: ${size.height}`);
  const before = await column.screenshot();
  const same = await likeness(t.page, first.bytes, before);
  assert.ok(same.top > 60 && same.top < 200, `the title band: ${same.top} px`);
  // Measured: 99.7% of pixels and 89% of the ink (links, markers, text) match; 36% of the ink
  // of another state does.
  assert.ok(same.same > 0.98 && same.ink > 0.8, `the picture is the map on screen: ${JSON.stringify(same)}`);
  fs.mkdirSync(path.join(ROOT, 'target', 'screenshots'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'screenshots', 'download-twin.png'), first.bytes);

  // More regions: more links. The new picture is the new map, and the old one no longer is.
  await t.page.locator('label[for="region-KR-41"]').click();
  await t.page.locator('label[for="region-FR-ARA"]').click();
  await searchParams(t.page);
  // Each filter change refits both maps: the picture is taken of the map at rest.
  await settled(t.page);
  const after = await column.screenshot();
  const second = await downloadPng(t.page);
  const now = await likeness(t.page, second.bytes, after);
  const old = await likeness(t.page, first.bytes, after);
  assert.ok(now.same > 0.98 && now.ink > 0.8, `the new picture is the new map: ${JSON.stringify(now)}`);
  assert.ok(old.ink < 0.6, `the first picture is not the new map: ${JSON.stringify(old)}`);

  // The world view, in Korean.
  await t.page.goto(`${t.env.subUrl}?lang=ko&view=world&from=2000`);
  await ready(t.page);
  await t.page.getByText('공유', { exact: true }).click();
  await settled(t.page);
  const shot = await column.screenshot();
  const download = t.page.waitForEvent('download');
  await t.page.locator('.share-png').click();
  const world = await download;
  assert.match(world.suggestedFilename(), /\.png$/);
  const bytes = fs.readFileSync(await world.path());
  const seen = await likeness(t.page, bytes, shot);
  assert.ok(seen.same > 0.98 && seen.ink > 0.8, JSON.stringify(seen));
  fs.writeFileSync(path.join(ROOT, 'target', 'screenshots', 'download-world-ko.png'), bytes);

  const origin = new URL(t.env.subUrl).origin;
  assert.ok(t.page.requests.some((u) => u.startsWith(`${t.env.subUrl}vendor/html-to-image/`)), 'the library comes from the map\'s own folder');
  assert.deepEqual(t.page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
});
