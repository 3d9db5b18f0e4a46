// Issue 18, item 9: what the address carries that the map does not use. A link with 1,486 bad
// region ids gave 1,486 notices and pushed the map 6,271 px down; parameters the map does not
// know (`utm_source=…`) were removed from the address, though the README says they are left
// alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expected, listedPairs, newPage, openMap, saveScreenshot, searchParams, useBrowser } from './support.mjs';

const t = useBrowser();

/** The link: 7.8 KB with 1,486 region ids the data does not have (Z0 to Z1485, none of
 * them an ISO 3166-2 code), and one it has. Under 8 KB, the request line nginx accepts by default
 * (a longer one is answered 414 before the page is ever served). */
const BAD_REGIONS = Array.from({ length: 1486 }, (_, i) => `Z${i}`);
const LONG_LINK = `region=KR-11,${BAD_REGIONS.join(',')}`;
assert.ok(LONG_LINK.length < 7900, `${LONG_LINK.length} characters`);

for (const [lang, width, height, summary] of [
  ['en', 1280, 800, '1,486 unknown regions ignored'],
  ['fr', 390, 844, '1\u202f486 régions inconnues ignorées'],
]) {
  test(`regression: a link with 1,486 unknown regions gives one counted notice line and leaves the map in view (${width}×${height}, ${lang})`, async () => {
    t.page = await newPage(t.env, { width, height });
    await openMap(t.page, t.env.url, `?lang=${lang}&${LONG_LINK}&from=abc`);
    const lines = t.page.locator('.url-notices .url-notice');
    // One line per kind of problem: the regions, the year.
    assert.equal(await lines.count(), 2);
    const region = t.page.locator('.url-notice[data-param="region"]');
    assert.equal(await region.getAttribute('data-count'), '1486');
    const text = await region.innerText();
    assert.ok(text.startsWith(summary), text);
    // A few of them named, not all.
    assert.equal(await region.locator('code').count(), 3);
    assert.ok(text.includes('region=Z0'), text);
    assert.ok(text.includes(lang === 'en' ? 'and 1,483 more' : 'et 1\u202f483 autres'), text);
    assert.ok((await t.page.locator('.url-notice[data-param="from"]').innerText()).includes('from=abc'));
    // The map stays in view, most of it visible; the notices' box is bounded.
    const box = await t.page.locator('.url-notices').boundingBox();
    assert.ok(box.height <= 130, `notices ${box.height} px high`);
    const map = await t.page.locator('.map').boundingBox();
    assert.ok(map.y + map.height / 2 < height, `the map's top is at ${map.y} px in a ${height} px window`);
    // The valid region still applies.
    assert.deepEqual(await listedPairs(t.page), expected({ regions: ['KR-11'] }));
    await saveScreenshot(t.page, `address-1486-regions-${width}`);
  });
}

test('regression: parameters the map does not know stay in the address, after its own, when a filter changes', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&utm_source=news&region=KR-11&ref=a%20b');
  assert.equal(await t.page.locator('.url-notices').count(), 0, 'not reported as a problem');
  await t.page.locator('label[for="theme-culture"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'culture');
  const query = new URL(t.page.url()).search;
  assert.equal(query, '?region=KR-11&theme=culture&lang=en&utm_source=news&ref=a%20b');
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['KR-11'], themes: ['culture'] }));
  // Back to the first address, still with them.
  await t.page.goBack();
  await t.page.waitForFunction(() => !new URL(location.href).searchParams.has('theme'));
  assert.equal((await searchParams(t.page)).utm_source, 'news');
});
