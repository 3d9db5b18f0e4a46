// Layouts at the three sizes of the issue, and the interface language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, DEFAULT_PAIRS, expected, listedPairs, newPage, openMap, saveScreenshot, useBrowser } from './support.mjs';

const t = useBrowser();

const box = (sel) => t.page.locator(sel).first().boundingBox();

for (const [width, height] of [[1920, 1080], [1280, 800]]) {
  test(`at ${width}×${height} filters, map and list stand side by side`, async () => {
    t.page = await newPage(t.env, { width, height });
    await openMap(t.page, t.env.url, '?lang=en');
    const [filters, map, list] = await Promise.all([box('.filters-column'), box('.map'), box('.list-column')]);
    assert.ok(filters.x + filters.width <= map.x + 1 && map.x + map.width <= list.x + 1, 'three columns');
    assert.ok(map.width >= width * 0.5 && map.height >= height - 120, `map is large: ${map.width}×${map.height}`);
    assert.equal(await t.page.evaluate(() => document.documentElement.scrollWidth), width, 'no horizontal scroll');
    // Every list item is there.
    assert.equal(await t.page.locator('li[data-pair-id]').count(), DEFAULT_PAIRS.length);
    await saveScreenshot(t.page, `desktop-${width}`);
    await t.page.locator('li[data-pair-id="seoul-paris"] button').click();
    await t.page.locator('article.pair-card').waitFor();
    await t.page.waitForTimeout(400);
    await saveScreenshot(t.page, `desktop-${width}-card`);
  });
}

test('the side column\'s three tabs stand on one row: 1920 and 1366 in French, Korean and English, 1280 in Korean and English', async () => {
  for (const [width, height, langs] of [[1920, 1080, ['fr', 'ko', 'en']], [1366, 768, ['fr', 'ko', 'en']], [1280, 800, ['ko', 'en']]]) {
    for (const lang of langs) {
      await t.page?.context().close();
      t.page = await newPage(t.env, { width, height });
      await openMap(t.page, t.env.url, `?lang=${lang}`);
      const tops = await t.page.locator('.side-tabs [role="tab"], .side-tabs button').evaluateAll((tabs) => tabs.map((b) => Math.round(b.getBoundingClientRect().top)));
      assert.equal(tops.length, 3, `${lang} ${width}: three tabs`);
      assert.equal(new Set(tops).size, 1, `${lang} ${width}×${height}: one row (${tops})`);
    }
  }
});

test('on a 390×844 phone the map comes first, the list below it, and touch targets are large', async () => {
  t.page = await newPage(t.env, { width: 390, height: 844 });
  await openMap(t.page, t.env.url, '?lang=en');
  const [map, list] = await Promise.all([box('.map'), box('.list-column')]);
  assert.ok(map.width >= 370 && map.height >= 320, `map ${map.width}×${map.height}`);
  assert.ok(list.y >= map.y + map.height - 1, 'list below the map');
  assert.equal(await t.page.evaluate(() => document.documentElement.scrollWidth), 390, 'no horizontal scroll');
  // The filter drawer starts closed so the map is on the first screen, and opens on demand.
  assert.equal(await t.page.locator('details.filter-panel').getAttribute('open'), null);
  await saveScreenshot(t.page, 'phone-390');
  await t.page.locator('details.filter-panel > summary').click();
  await t.page.locator('label[for="region-FR-IDF"]').click();
  await t.page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, expected({ regions: ['FR-IDF'] }).length);
  for (const sel of ['li[data-pair-id] button', '.facet-option', '.lang-switcher button', 'details.filter-panel > summary']) {
    const heights = await t.page.locator(sel).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    assert.ok(heights.every((h) => h >= 44), `${sel} at least 44 px high: ${heights}`);
  }
  await t.page.locator('li[data-pair-id="seoul-paris"] button').click();
  await t.page.locator('article.pair-card').waitFor();
  await saveScreenshot(t.page, 'phone-390-card');
});

test('on a phone the map\'s own targets are 44 px too, and never overlap: markers, group markers, zoom buttons, view switch, legend', async () => {
  for (const view of ['twin', 'world']) {
    t.page = await newPage(t.env, { width: 390, height: 844 });
    await openMap(t.page, t.env.url, `?lang=en&view=${view}`);
    await t.page.waitForTimeout(300);
    const boxes = await t.page.$$eval('.leaflet-marker-icon, .leaflet-control-zoom a, .view-toggle button, .legend summary', (els) => els
      .filter((e) => getComputedStyle(e).display !== 'none')
      .map((e) => { const r = e.getBoundingClientRect(); return { what: e.dataset.authorityId ?? e.className.split(' ')[0], marker: e.classList.contains('leaflet-marker-icon'), x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height }; }));
    assert.ok(boxes.filter((b) => b.marker).length >= 2, `${view}: markers drawn`);
    for (const b of boxes) assert.ok(b.w >= 44 && b.h >= 44, `${view}: ${b.what} is ${b.w}×${b.h}`);
    const markers = boxes.filter((b) => b.marker);
    for (const [i, a] of markers.entries()) for (const b of markers.slice(i + 1)) {
      if (Math.hypot(a.x - b.x, a.y - b.y) < 43.5) await saveScreenshot(t.page, `phone-390-targets-${view}`);
      assert.ok(Math.hypot(a.x - b.x, a.y - b.y) >= 43.5, `${view}: ${a.what} and ${b.what} overlap: ${JSON.stringify([a, b])}`);
    }
    await saveScreenshot(t.page, `phone-390-targets-${view}`);
    await t.page.close();
  }
});

test('lang=ko shows the Korean interface and <html lang> follows', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=ko');
  assert.equal(await t.page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await t.page.locator('h1').textContent(), '한불 지방정부 교류 지도');
  assert.equal(await t.page.locator('.result-count').textContent(), countText(DEFAULT_PAIRS, { lang: 'ko' }));
  assert.ok((await t.page.locator('li[data-pair-id="seoul-paris"]').innerText()).includes('서울특별시'));
  await t.page.getByRole('button', { name: 'Français' }).click();
  await t.page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await t.page.locator('.result-count').textContent(), countText(DEFAULT_PAIRS, { lang: 'fr' }));
  assert.equal(new URL(t.page.url()).searchParams.get('lang'), 'fr');
});

test('without lang=, the browser language is used, French otherwise', async () => {
  t.page = await newPage(t.env, { locale: 'ko-KR' });
  await openMap(t.page, t.env.url);
  assert.equal(await t.page.getAttribute('html', 'lang'), 'ko');
  await t.page.context().close();
  t.page = await newPage(t.env, { locale: 'de-DE' });
  await openMap(t.page, t.env.url);
  assert.equal(await t.page.getAttribute('html', 'lang'), 'fr');
  assert.equal((await listedPairs(t.page)).length, DEFAULT_PAIRS.length);
});
