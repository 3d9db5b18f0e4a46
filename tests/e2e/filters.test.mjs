// Filters, the live count, and the state in the URL (reload, Back, malformed values).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, DEFAULT_PAIRS, drawable, drawnLinks, expected, listedPairs, newPage, openMap, pairOfFrench, searchParams, useBrowser, ready } from './support.mjs';

const t = useBrowser();

const includesAll = (list, ids) => ids.every((id) => list.includes(id));

test('region=FR-IDF gives exactly the Île-de-France pairs, the flyer\'s four among them', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&region=FR-IDF');
  const ids = expected({ regions: ['FR-IDF'] });
  assert.ok(includesAll(ids, ['Paris', 'Issy-les-Moulineaux', 'Versailles', 'Saint-Mandé'].map(pairOfFrench)));
  assert.deepEqual(await listedPairs(t.page), ids);
  assert.deepEqual(await drawnLinks(t.page), drawable(ids));
  assert.equal(await t.page.locator('.result-count').textContent(), countText(ids));
  assert.ok(await t.page.locator('#region-FR-IDF').isChecked());
});

test('from=2005&to=2012&unknown=0 gives the agreements of those years, Guro-gu–Issy, Suncheon–Nantes and Yanggu–Saint-Mandé among them', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&from=2005&to=2012&unknown=0');
  const ids = expected({ from: 2005, to: 2012, unknown: false });
  assert.ok(includesAll(ids, ['Issy-les-Moulineaux', 'Nantes', 'Saint-Mandé'].map(pairOfFrench)));
  assert.deepEqual(await listedPairs(t.page), ids);
  assert.deepEqual(await drawnLinks(t.page), drawable(ids));
  assert.equal(await t.page.inputValue('#year-from'), '2005');
  assert.equal(await t.page.inputValue('#year-to'), '2012');
  assert.equal(await t.page.locator('#include-unknown').isChecked(), false);
});

test('ticking themes and regions filters the map and list (OR within, AND across) and counts update', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  await t.page.locator('label[for="theme-culture"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'culture');
  assert.deepEqual(await listedPairs(t.page), expected({ themes: ['culture'] }));
  assert.deepEqual(await drawnLinks(t.page), drawable(expected({ themes: ['culture'] })));
  await t.page.locator('label[for="theme-crafts"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'crafts,culture');
  assert.deepEqual(await listedPairs(t.page), expected({ themes: ['culture', 'crafts'] }));
  await t.page.locator('label[for="region-KR-42"]').click();
  const want = expected({ themes: ['culture', 'crafts'], regions: ['KR-42'] });
  await t.page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, want.length);
  assert.deepEqual(await listedPairs(t.page), want);
  assert.equal(await t.page.locator('.result-count').textContent(), countText(want));
  // Each option shows what it would give with the other facets as they are.
  for (const region of ['FR-IDF', 'KR-11', 'KR-47']) {
    const count = Number(await t.page.locator(`label[for="region-${region}"] .facet-count`).textContent());
    assert.equal(count, expected({ themes: ['culture', 'crafts'], regions: [region] }).length, region);
  }
  const gardens = Number(await t.page.locator('label[for="theme-gardens-nature"] .facet-count').textContent());
  assert.equal(gardens, expected({ themes: ['gardens-nature'], regions: ['KR-42'] }).length);
  // Clear filters brings everything back.
  await t.page.locator('button.clear-filters').click();
  await t.page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, DEFAULT_PAIRS.length);
  assert.equal(new URL(t.page.url()).search, '?lang=en');
});

test('the year fields and the unknown-year switch filter as typed', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  await t.page.fill('#year-from', '2000');
  await t.page.press('#year-from', 'Enter');
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2000');
  assert.deepEqual(await listedPairs(t.page), expected({ from: 2000 }));
  await t.page.locator('label[for="include-unknown"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('unknown') === '0');
  assert.deepEqual(await listedPairs(t.page), expected({ from: 2000, unknown: false }));
  const unknownYears = expected().length - expected({ unknown: false }).length;
  assert.equal(await t.page.locator('label[for="include-unknown"] .facet-count').textContent(), String(unknownYears));
});

test('reloading restores filters and selection; Back steps back through filter changes', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  await t.page.locator('label[for="region-FR-IDF"]').click();
  await t.page.waitForFunction(() => location.search.includes('region=FR-IDF'));
  await t.page.locator('label[for="theme-environment"]').click();
  await t.page.waitForFunction(() => location.search.includes('theme=environment'));
  const paris = pairOfFrench('Paris');
  await t.page.locator(`li[data-pair-id="${paris}"] button`).click();
  await t.page.waitForFunction((id) => location.search.includes(`pair=${id}`), paris);
  const state = (await searchParams(t.page));
  assert.deepEqual(state, { region: 'FR-IDF', theme: 'environment', pair: paris, lang: 'en' });
  const shown = await listedPairs(t.page);

  await t.page.reload();
  await ready(t.page);
  assert.deepEqual((await searchParams(t.page)), state);
  assert.deepEqual(await listedPairs(t.page), shown);
  await t.page.locator(`article.pair-card[data-pair-id="${paris}"]`).waitFor();
  assert.ok(await t.page.locator('#theme-environment').isChecked());

  await t.page.goBack(); // unselect
  await t.page.locator('article.pair-card').waitFor({ state: 'detached' });
  await t.page.goBack(); // drop the theme
  await t.page.waitForFunction(() => !location.search.includes('theme='));
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['FR-IDF'] }));
  assert.equal(await t.page.locator('#theme-environment').isChecked(), false);
  await t.page.goBack(); // drop the region
  await t.page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, DEFAULT_PAIRS.length);
  assert.equal(await t.page.locator('#region-FR-IDF').isChecked(), false);
  await t.page.goForward();
  await t.page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, expected({ regions: ['FR-IDF'] }).length);
});

test('unknown or malformed URL values are ignored with a notice, never a crash', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&region=FR-IDF,XX-99,<b>&from=abc&to=2012&unknown=maybe&pair=no-such-pair&theme=culture');
  const notice = await t.page.locator('.url-notices').innerText();
  for (const s of ['region=<b>', 'from=abc', 'unknown=maybe', 'region=XX-99', 'pair=no-such-pair']) assert.ok(notice.includes(s), `notice mentions ${s}: ${notice}`);
  assert.deepEqual(await listedPairs(t.page), expected({ regions: ['FR-IDF'], themes: ['culture'], to: 2012 }));
  // The address is corrected in place (no extra history entry).
  assert.deepEqual((await searchParams(t.page)), { region: 'FR-IDF', theme: 'culture', to: '2012', lang: 'en' });
  await t.page.goBack();
  assert.equal(t.page.url(), 'about:blank', 'Back leaves the map: the correction added no entry');
});
