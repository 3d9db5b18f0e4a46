// Issue 7 (sharing): the link of exactly what is on screen, copied, and as a QR code that a
// decoder reads back to the same link.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { newPage, openMap, ROOT, saveScreenshot, searchParams, useBrowser } from './support.mjs';

const t = useBrowser();
const JSQR = fs.readFileSync(path.join(ROOT, 'node_modules', 'jsqr', 'dist', 'jsQR.js'), 'utf8');

/** Decodes the QR code drawn in the share panel: the SVG rasterised in the page, read by jsQR. */
async function decodeQr(page) {
  // The UMD build sets `self.jsQR`.
  if (!(await page.evaluate(() => typeof window.jsQR === 'function'))) await page.addScriptTag({ content: JSQR });
  return page.evaluate(async () => {
    const svg = document.querySelector('svg.share-qr');
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, 400, 400);
    const { data } = ctx.getImageData(0, 0, 400, 400);
    return window.jsQR(data, 400, 400)?.data ?? null;
  });
}

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
  assert.equal(await decodeQr(t.page), here);
  await saveScreenshot(t.page, 'share-1280');
  // Another filter, another link and another code.
  await t.page.locator('label[for="region-KR-11"]').click();
  const next = await searchParams(t.page);
  assert.equal(next.region, 'FR-IDF,KR-11');
  assert.equal(await input.inputValue(), t.page.url());
  assert.equal(await decodeQr(t.page), t.page.url());
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
