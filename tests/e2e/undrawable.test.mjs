// Issue 15: a pair that cannot be drawn says why. Pairs with an authority of unknown position
// (`location: null` in the data) are listed without a line: the list item says whose position is
// unknown (also in the sentence that describes it to screen readers), the card says the pair is
// not drawn and why, and the count says how many of the shown pairs are on the map.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, DATA, DEFAULT_PAIRS, drawableIn, drawnLinks, expected, listedPairs, newPage, openMap, useBrowser } from './support.mjs';

const t = useBrowser();

/** Since issue 17 every authority of the bundled data has a position. These tests serve the
 *  data with the eight that had none taken out again (tests/common/mod.rs, ONCE_UNPLACED). */
const ONCE_UNPLACED = ['kr-seocho', 'kr-yangcheon', 'kr-seodaemun', 'kr-yongin', 'kr-gangjin', 'kr-gyeonggi', 'fr-ile-de-france', 'fr-paris-est-marne-et-bois'];
const SERVED = structuredClone(DATA);
for (const a of SERVED.authorities) if (ONCE_UNPLACED.includes(a.id)) a.location = null;
const BODY = JSON.stringify(SERVED);
const authority = (id) => SERVED.authorities.find((a) => a.id === id);
const drawable = drawableIn(SERVED);
const countOf = (ids, lang) => countText(ids, { lang, drawn: drawable(ids).length });

/** A page whose data file is SERVED. */
async function servedPage(size) {
  const page = await newPage(t.env, size);
  await page.route('**/data/partnerships.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: BODY }));
  return page;
}

const SIZES = [[390, 844], [1024, 768], [1280, 800], [1366, 768], [1920, 1080]];
const LANGS = ['fr', 'ko', 'en'];

/** The default pairs that cannot be drawn, and for each the authorities without a position
 *  (Korean first, as the pair is named). */
const UNDRAWN = DEFAULT_PAIRS.filter((id) => drawable([id]).length === 0);
const unlocated = (id) => SERVED.partnerships.find((p) => p.id === id).authorities.map(authority).filter((a) => a.location === null);

/** An authority's name as the interface shows it (domain::describe::authority_names). */
function nameIn(a, lang) {
  const latin = lang === 'en' ? a.name.en ?? a.name.fr : a.name.fr ?? a.name.en;
  return lang === 'ko' ? a.name.ko ?? latin : latin;
}

/** The list item's note: "Position unknown: Seocho District". */
function noteText(id, lang) {
  const names = unlocated(id).map((a) => nameIn(a, lang));
  const many = names.length > 1;
  const prefix = { fr: many ? 'Positions inconnues : ' : 'Position inconnue : ', ko: '위치 미상: ', en: many ? 'Positions unknown: ' : 'Position unknown: ' }[lang];
  return prefix + names.join(', ');
}

/** The card's note: not drawn, and why. */
function cardText(id, lang) {
  const names = unlocated(id).map((a) => nameIn(a, lang));
  const and = { fr: ' et ', ko: ', ', en: ' and ' }[lang];
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${and}${names.at(-1)}` : names[0];
  return {
    fr: `Ce partenariat n'est pas tracé sur la carte : ${names.length > 1 ? 'positions inconnues' : 'position inconnue'} pour ${list}.`,
    ko: `이 교류는 지도에 선으로 그려지지 않습니다: ${list}의 위치를 알 수 없습니다.`,
    en: `This partnership is not drawn on the map: no position is known for ${list}.`,
  }[lang];
}

/** The sentence that describes a list item to screen readers. */
const description = (page, id) =>
  page.evaluate((id) => {
    const button = document.querySelector(`li[data-pair-id="${id}"] button`);
    return document.getElementById(button.getAttribute('aria-describedby')).textContent;
  }, id);

test('the data has default pairs that cannot be drawn, each with an authority of unknown position', () => {
  assert.ok(UNDRAWN.length > 0 && UNDRAWN.length < DEFAULT_PAIRS.length, `${UNDRAWN}`);
  for (const id of UNDRAWN) assert.ok(unlocated(id).length > 0, id);
  // One pair has both ends without a position: the note names both.
  assert.ok(UNDRAWN.some((id) => unlocated(id).length === 2), 'a pair with both ends unknown');
});

for (const [width, height] of SIZES) {
  test(`${width}×${height}, fr/ko/en: every pair without a position says whose is unknown in the list, its description and its card; the count says how many are on the map`, async () => {
    t.page = await servedPage({ width, height });
    const page = t.page;
    for (const lang of LANGS) {
      await openMap(page, t.env.url, `?lang=${lang}`);
      assert.deepEqual(await listedPairs(page), DEFAULT_PAIRS);
      // The count: shown, total, and how many of the shown are drawn.
      const count = page.locator('.result-count');
      assert.equal(await count.textContent(), countOf(DEFAULT_PAIRS, lang), lang);
      assert.equal(await count.getAttribute('data-visible'), String(DEFAULT_PAIRS.length));
      assert.equal(await count.getAttribute('data-drawn'), String(drawable(DEFAULT_PAIRS).length));
      assert.equal(await count.getAttribute('role'), 'status');
      assert.deepEqual(await drawnLinks(page), drawable(DEFAULT_PAIRS));
      // Every item: a note exactly when the pair cannot be drawn, naming exactly whose position
      // is unknown; the describing sentence ends with it; the button's name leaves it out.
      const notes = await page.$$eval('li[data-pair-id]', (lis) => Object.fromEntries(lis.map((li) => [li.dataset.pairId, [...li.querySelectorAll('.pair-item-note')].map((n) => n.textContent)])));
      for (const id of DEFAULT_PAIRS) {
        if (UNDRAWN.includes(id)) {
          assert.deepEqual(notes[id], [noteText(id, lang)], `${lang} ${id}`);
          assert.ok((await description(page, id)).endsWith(`. ${noteText(id, lang)}`), `${lang} ${id}: ${await description(page, id)}`);
          assert.equal(await page.locator(`li[data-pair-id="${id}"] .pair-item-note`).isVisible(), true, `${lang} ${id}`);
        } else {
          assert.deepEqual(notes[id], [], `${lang} ${id}`);
          assert.ok(!/Position|위치 미상/.test(await description(page, id)), `${lang} ${id}`);
        }
      }
      const first = UNDRAWN[0];
      const name = await page.locator(`li[data-pair-id="${first}"] button`).evaluate((b) => b.innerText);
      assert.equal(await page.getByRole('button', { name: name.replace(noteText(first, lang), '').replace(/\s+/g, ' ').trim(), exact: true }).count(), 1, `${lang}: the note is not in the button's name`);
      // Each card of a pair without a position says it is not drawn, and why.
      for (const id of UNDRAWN) {
        await page.locator(`li[data-pair-id="${id}"] button`).click();
        const card = page.locator(`article.pair-card[data-pair-id="${id}"]`);
        await card.waitFor();
        assert.deepEqual(await card.locator('.not-drawn-note').allTextContents(), [cardText(id, lang)], `${lang} ${id}`);
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
      }
      // A drawn pair's card has no such note.
      const drawn = DEFAULT_PAIRS.find((id) => !UNDRAWN.includes(id));
      await page.locator(`li[data-pair-id="${drawn}"] button`).click();
      await page.locator(`article.pair-card[data-pair-id="${drawn}"]`).waitFor();
      assert.equal(await page.locator('.not-drawn-note').count(), 0, `${lang} ${drawn}`);
      await page.keyboard.press('Escape');
      // The drawn count follows the filters; when all shown pairs are drawn it is not said.
      for (const region of ['FR-IDF', 'KR-47']) {
        const want = expected({ regions: [region] });
        await openMap(page, t.env.url, `?lang=${lang}&region=${region}`);
        assert.equal(await count.textContent(), countOf(want, lang), `${lang} ${region}`);
        assert.equal(await count.getAttribute('data-drawn'), String(drawable(want).length));
      }
      assert.ok(drawable(expected({ regions: ['FR-IDF'] })).length < expected({ regions: ['FR-IDF'] }).length, 'Île-de-France has a pair without a position');
      assert.equal(drawable(expected({ regions: ['KR-47'] })).length, expected({ regions: ['KR-47'] }).length, 'every KR-47 pair is drawn');
    }
    assert.deepEqual(page.errors, []);
  });
}

// Issue 17: with the bundled data as published, every pair the map lists is a line on it.
for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`${width}×${height}, the bundled data: every listed pair is drawn, by default and with every kind and status`, async () => {
    t.page = await newPage(t.env, { width, height });
    const page = t.page;
    const every = expected({ kinds: ['twinning', 'friendship', 'cooperation', 'letter-of-intent', 'unknown', 'exchange', 'planned'] });
    assert.equal(every.length, DATA.partnerships.length, 'every kind and status lists the whole file');
    for (const [query, want] of [['?lang=en', DEFAULT_PAIRS], [`?lang=en&kind=${['twinning', 'friendship', 'cooperation', 'letter-of-intent', 'unknown', 'exchange', 'planned'].join(',')}`, every]]) {
      await openMap(page, t.env.url, query);
      const listed = await listedPairs(page);
      assert.deepEqual(listed, want, query);
      assert.deepEqual(await drawnLinks(page), listed, `${query}: one line per list item`);
      const count = page.locator('.result-count');
      assert.equal(await count.getAttribute('data-drawn'), String(listed.length), query);
      assert.ok(!/on the map/.test(await count.textContent()), `${query}: ${await count.textContent()}`);
      assert.equal(await page.locator('.pair-item-note').count(), 0, `${query}: no pair says its position is unknown`);
    }
    assert.deepEqual(page.errors, []);
  });
}
