// Search (URL q=) across scripts and spellings, its suggestions by keyboard, and how it combines
// with the filters: list, map and count agree on what it finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawnLinks, expected, listedPairs, newPage, openMap, searchParams, useBrowser } from './support.mjs';

const t = useBrowser();

/** What the map shows by default for a region: every agreement with an authority in it. */
const IN_KR47 = expected({ regions: ['KR-47'] });

async function searchFor(q, extra = '') {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, `?lang=en&q=${encodeURIComponent(q)}${extra}`);
  return listedPairs(t.page);
}

test('the search examples find their pairs in the list and on the map', async () => {
  for (const q of ['seoul', 'Séoul', '서울']) {
    const listed = await searchFor(q);
    assert.ok(listed.includes('seoul-paris'), `${q}: ${listed}`);
    assert.ok(!listed.includes('busan-cannes'), q);
    assert.ok((await drawnLinks(t.page)).includes('seoul-paris'), q);
  }
  assert.deepEqual(await searchFor('evian'), ['muju-evian']);
  assert.deepEqual(await drawnLinks(t.page), ['muju-evian']);
  assert.equal(await t.page.locator('.result-count').textContent(), `1 of 36 partnerships`);
  assert.deepEqual(await searchFor('saint mande'), ['yanggu-saint-mande']);
  // The province's short forms find every pair in it, as its full names do (issue 15).
  assert.ok(IN_KR47.includes('gyeongbuk-grand-est') && IN_KR47.length > 1, `${IN_KR47}`);
  for (const q of ['gyeongbuk', '경북', 'Gyeongsangbuk-do', '경상북도']) assert.deepEqual(await searchFor(q), IN_KR47, q);
  assert.deepEqual(await searchFor('Alsace'), expected({ regions: ['FR-GES'] }));
  assert.deepEqual(await searchFor('tokyo'), []);
  assert.deepEqual(t.page.errors, []);
});

test('search combines with the filters', async () => {
  assert.deepEqual(await searchFor('paris', '&from=1990&to=1992'), ['seodaemun-paris-13e', 'seoul-paris']);
});

test('typing shows suggestions in both scripts; the keyboard chooses one and the address keeps it', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const box = t.page.locator('#search-input');
  await box.focus();
  await t.page.keyboard.type('séoul');
  const options = t.page.locator('#search-suggestions [role=option]');
  await options.first().waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal((await options.first().innerText()).trim(), 'Seoul · 서울특별시');
  await t.page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), 'search-option-0');
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  await t.page.keyboard.press('Enter');
  assert.equal(await box.inputValue(), 'Seoul');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal((await searchParams(t.page)).q, 'Seoul');
  assert.ok((await listedPairs(t.page)).includes('seoul-paris'));
  // Escape closes the suggestions, and the focus stays in the box.
  await t.page.keyboard.type(' ');
  await t.page.keyboard.press('Backspace');
  await t.page.keyboard.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await t.page.keyboard.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await t.page.evaluate(() => document.activeElement.id), 'search-input');
  // A reload restores the search.
  await t.page.reload();
  await t.page.waitForSelector('html[data-state="ready"]');
  assert.equal(await t.page.locator('#search-input').inputValue(), 'Seoul');
  assert.deepEqual(t.page.errors, []);
});
