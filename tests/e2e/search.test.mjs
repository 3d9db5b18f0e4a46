// Search (URL q=) across scripts and spellings, its suggestions by keyboard, and how it combines
// with the filters: list, map and count agree on what it finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA, drawable, drawnLinks, expected, listedPairs, newPage, openMap, searchParams, useBrowser, ready } from './support.mjs';

const t = useBrowser();

/** The sizes every page test of issue 15 runs at, and the interface languages. */
const SIZES = [[390, 844], [1024, 768], [1280, 800], [1366, 768], [1920, 1080]];
const LANGS = ['fr', 'ko', 'en'];

/** What the map shows by default for a region: every agreement with an authority in it. */
const IN_KR47 = expected({ regions: ['KR-47'] });
const IN_GRAND_EST = expected({ regions: ['FR-GES'] });

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
  assert.deepEqual(await searchFor('Alsace'), IN_GRAND_EST);
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
  // Seoul the city and Seoul the region make one search, which finds the region's pairs.
  assert.equal(await options.first().textContent(), `Seoul · 서울특별시 — region, ${expected({ regions: ['KR-11'] }).length}\u00a0partnerships`);
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
  await ready(t.page);
  assert.equal(await t.page.locator('#search-input').inputValue(), 'Seoul');
  assert.deepEqual(t.page.errors, []);
});

// Issue 15: a place finds all its pairs, and each suggestion says what it is and what it gives.

/** Grand Est's former region Alsace, and what its suggestion must say in each language. */
const GES = DATA.regions.find((r) => r.id === 'FR-GES');
const ALSACE = GES.former_names.find((f) => f.name.fr === 'Alsace').name;
function alsaceLabel(lang) {
  const n = IN_GRAND_EST.length;
  return {
    en: `${ALSACE.en} · ${ALSACE.ko} — former region, now part of ${GES.name.en} · ${n}\u00a0partnership${n === 1 ? '' : 's'}`,
    fr: `${ALSACE.fr} · ${ALSACE.ko} — ancienne région, aujourd'hui dans la région ${GES.name.fr} · ${n}\u00a0partenariat${n > 1 ? 's' : ''}`,
    ko: `${ALSACE.ko} · ${ALSACE.fr} — 옛 레지옹, 지금은 ${GES.name.ko}의 일부 · ${n}건`,
  }[lang];
}

/** "2 partnerships", "1 partenariat", "2건": how a suggestion ends. */
function countPhrase(lang, n) {
  return { en: `${n}\u00a0partnership${n === 1 ? '' : 's'}`, fr: `${n}\u00a0partenariat${n > 1 ? 's' : ''}`, ko: `${n}건` }[lang];
}

/** Types `text` in the search box (replacing what is there) and waits for its suggestions. */
async function typeInBox(page, text) {
  const box = page.locator('#search-input');
  await box.fill('');
  await box.focus();
  await page.keyboard.type(text);
  await page.waitForFunction(() => document.querySelector('#search-input').getAttribute('aria-expanded') === 'true');
  return page.$$eval('#search-suggestions [role=option]', (os) => os.map((o) => ({ id: o.id, text: o.textContent, kind: o.dataset.kind, count: Number(o.dataset.count) })));
}

/** Waits until the address holds the search `q` (written once the list and map show it). */
function searchIs(page, q) {
  return page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, q);
}

for (const [width, height] of SIZES) {
  test(`${width}×${height}, fr/ko/en: gyeongbuk, 경북, Gyeongsangbuk-do and 경상북도 give exactly the pairs in KR-47; Alsace is a former region of Grand Est; each suggestion's count is the list's once chosen`, async () => {
    t.page = await newPage(t.env, { width, height });
    const page = t.page;
    for (const lang of LANGS) {
      await openMap(page, t.env.url, `?lang=${lang}`);
      const box = page.locator('#search-input');
      for (const q of ['gyeongbuk', '경북', 'Gyeongsangbuk-do', '경상북도']) {
        await box.fill(q);
        await searchIs(page, q);
        assert.deepEqual(await listedPairs(page), IN_KR47, `${lang} ${q}`);
        assert.deepEqual(await drawnLinks(page), drawable(IN_KR47), `${lang} ${q}`);
      }
      // Alsace (the 1999 signatory, merged into Grand Est) finds every Grand Est pair.
      await box.fill('Alsace');
      await searchIs(page, 'Alsace');
      assert.deepEqual(await listedPairs(page), IN_GRAND_EST, lang);
      assert.ok(IN_GRAND_EST.includes('gyeongbuk-grand-est'));
      const alsace = await typeInBox(page, 'Alsace');
      assert.deepEqual(alsace.map((o) => [o.kind, o.text]), [['former-name', alsaceLabel(lang)]], lang);
      // The option's text is its accessible name.
      assert.equal(await page.getByRole('option', { name: alsaceLabel(lang), exact: true }).count(), 1, lang);
      // Every suggestion, chosen, gives as many pairs as it said.
      for (const text of ['Alsace', 'gyeongbuk', '경북', 'Gyeongsangbuk-do', 'gyeong']) {
        const options = await typeInBox(page, text);
        assert.ok(options.length > 0, `${lang} ${text}`);
        for (let i = 0; i < options.length; i++) {
          const shown = await typeInBox(page, text);
          assert.deepEqual(shown, options, `${lang} ${text}: the same suggestions each time`);
          await page.locator(`#${options[i].id}`).click();
          await page.waitForFunction(() => document.querySelector('#search-input').getAttribute('aria-expanded') === 'false');
          const value = await box.inputValue();
          await searchIs(page, value);
          assert.ok(options[i].text.endsWith(countPhrase(lang, options[i].count)), `${lang}: ${options[i].text}`);
          const listed = await listedPairs(page);
          assert.equal(listed.length, options[i].count, `${lang} ${text} → ${options[i].text}`);
          assert.equal(await page.locator('.result-count').getAttribute('data-visible'), String(options[i].count));
          if (text === 'Alsace') assert.deepEqual(listed, IN_GRAND_EST, lang);
          if (options[i].kind === 'region' && text !== 'gyeong') assert.deepEqual(listed, IN_KR47, `${lang} ${text} → ${options[i].text}`);
        }
      }
    }
    assert.deepEqual(page.errors, []);
  });
}
