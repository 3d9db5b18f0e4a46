// Issue 16, items 6 and 7: the list can be ordered (by name in the interface language's
// collation, by year either way with unknown years last, by region), the order lives in the
// address (`sort=`) and the keyboard and the CSV follow it; and a card speaks one language: its
// labels are the interface's, the agreement's own words are quoted in theirs (marked with
// `lang`), and "uncertain" says what is uncertain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { authority, DATA, DEFAULT_PAIRS, dropFile, newPage, openMap, saveScreenshot, searchParams, useBrowser, ready } from './support.mjs';

const t = useBrowser();
const LANGS = ['fr', 'ko', 'en'];
const ORDERS = ['name', 'oldest', 'newest', 'region', 'data'];
const pairById = new Map(DATA.partnerships.map((p) => [p.id, p]));
const dataIndex = new Map(DATA.partnerships.map((p, i) => [p.id, i]));
const regionById = new Map(DATA.regions.map((r) => [r.id, r]));

// How the interface names an authority (src/domain/describe.rs, authority_names): its Hangul
// name in Korean, else its Latin one (English in English, French otherwise).
const latin = (a, lang) => (lang === 'en' ? a.name.en ?? a.name.fr : a.name.fr ?? a.name.en);
const shownName = (a, lang) => (lang === 'ko' && a.name.ko ? a.name.ko : latin(a, lang));
const title = (p, lang) => `${shownName(authority(p.authorities[0]), lang)} ↔ ${shownName(authority(p.authorities[1]), lang)}`;
const regionOf = (id, lang) => regionById.get(authority(id).region).name[lang];

/** The order a person expects, computed from the data file with the browser's own collation for
 *  the language (Intl.Collator), independently of the app's code. Ties: by id. */
function expectedOrder(ids, order, lang) {
  const coll = new Intl.Collator(lang);
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const names = (a, b) =>
    coll.compare(shownName(authority(a.authorities[0]), lang), shownName(authority(b.authorities[0]), lang)) ||
    coll.compare(shownName(authority(a.authorities[1]), lang), shownName(authority(b.authorities[1]), lang));
  const unknownLast = (a, b) => (a.year === null) - (b.year === null);
  const compare = {
    data: (a, b) => dataIndex.get(a.id) - dataIndex.get(b.id),
    name: (a, b) => names(a, b) || byId(a, b),
    oldest: (a, b) => unknownLast(a, b) || (a.year ?? 0) - (b.year ?? 0) || byId(a, b),
    newest: (a, b) => unknownLast(a, b) || (b.year ?? 0) - (a.year ?? 0) || byId(a, b),
    region: (a, b) =>
      coll.compare(regionOf(a.authorities[0], lang), regionOf(b.authorities[0], lang)) ||
      coll.compare(regionOf(a.authorities[1], lang), regionOf(b.authorities[1], lang)) ||
      names(a, b) || byId(a, b),
  }[order];
  return ids.map((id) => pairById.get(id)).sort(compare);
}

/** The list as a person reads it, top to bottom: each item's first line (the pair's name), its
 *  year as shown, and the line under the name (the regions, when ordered by region). */
const listAsSeen = (page) =>
  page.$$eval('li[data-pair-id]', (items) =>
    items.map((li) => ({
      id: li.dataset.pairId,
      title: li.querySelector('.pair-item-title').innerText.split('\n')[0].trim(),
      year: li.querySelector('.pair-item-year').innerText.trim(),
      regions: li.querySelector('.pair-item-regions')?.innerText.trim() ?? null,
    })),
  );

const seenAs = (pairs, lang, order) =>
  pairs.map((p) => ({
    id: p.id,
    title: title(p, lang),
    year: p.year === null ? '—' : String(p.year),
    regions: order === 'region' ? `${regionOf(p.authorities[0], lang)} · ${regionOf(p.authorities[1], lang)}` : null,
  }));

/** Chooses an order in the select, as a person does, and waits for the address to say it. */
async function choose(page, order) {
  await page.locator('#list-order').selectOption(order);
  await page.waitForFunction((o) => (new URL(location.href).searchParams.get('sort') ?? 'data') === o, order);
}

const ORDER_LABEL = { fr: 'Ordre', ko: '정렬', en: 'Order' };

for (const lang of LANGS) {
  test(`${lang}: each order reorders the list as a person reads it, in the language's collation`, async () => {
    t.page = await newPage(t.env);
    await openMap(t.page, t.env.url, `?lang=${lang}`);
    // A labelled select: found by its label, as assistive technologies find it.
    const select = t.page.getByLabel(ORDER_LABEL[lang], { exact: true });
    assert.equal(await select.evaluate((el) => el.id), 'list-order');
    assert.equal(await select.inputValue(), 'data', 'the default order is the data\'s');
    const before = await listAsSeen(t.page);
    assert.deepEqual(before.map((x) => x.id), expectedOrder(DEFAULT_PAIRS, 'data', lang).map((p) => p.id));
    for (const order of ORDERS) {
      await choose(t.page, order);
      const want = seenAs(expectedOrder(DEFAULT_PAIRS, order, lang), lang, order);
      assert.deepEqual(await listAsSeen(t.page), want, `${lang}, ${order}`);
    }
    // Every order is a different list here (the test could not pass with a list left as it was).
    const firsts = new Set(ORDERS.map((o) => expectedOrder(DEFAULT_PAIRS, o, lang).map((p) => p.id).join()));
    assert.equal(firsts.size, ORDERS.length);
    // The default order is not written in the address.
    assert.equal((await searchParams(t.page)).sort, undefined);
  });
}

test('Korean names sort in Korean order, Hangul before Latin letters; unknown years come last both ways', async () => {
  // Checked on the data rather than trusted: what makes these orders worth testing is in it.
  const ko = expectedOrder(DEFAULT_PAIRS, 'name', 'ko').map((p) => title(p, 'ko'));
  assert.ok(/^\p{Script=Hangul}/u.test(ko[0]), ko[0]);
  const fr = expectedOrder(DEFAULT_PAIRS, 'name', 'fr').map((p) => p.id);
  assert.notDeepEqual(expectedOrder(DEFAULT_PAIRS, 'name', 'ko').map((p) => p.id), fr, 'Korean and French orders differ');
  for (const order of ['oldest', 'newest']) {
    const years = expectedOrder(DEFAULT_PAIRS, order, 'en').map((p) => p.year);
    const firstUnknown = years.indexOf(null);
    assert.ok(firstUnknown > 0 && years.slice(firstUnknown).every((y) => y === null), `${order}: ${years}`);
  }
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=ko&sort=name');
  assert.deepEqual((await listAsSeen(t.page)).map((x) => x.title), ko);
});

test('the order survives a reload and Back steps back through it; the address carries it', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const ids = (order) => expectedOrder(DEFAULT_PAIRS, order, 'en').map((p) => p.id);
  const shown = async () => (await listAsSeen(t.page)).map((x) => x.id);
  await choose(t.page, 'name');
  await choose(t.page, 'newest');
  assert.deepEqual(await searchParams(t.page), { lang: 'en', sort: 'newest' });
  await t.page.reload();
  await ready(t.page);
  assert.equal(await t.page.locator('#list-order').inputValue(), 'newest');
  assert.deepEqual(await shown(), ids('newest'));
  await t.page.goBack();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'name');
  assert.equal(await t.page.locator('#list-order').inputValue(), 'name', 'the select follows Back');
  assert.deepEqual(await shown(), ids('name'));
  await t.page.goBack();
  await t.page.waitForFunction(() => !new URL(location.href).searchParams.has('sort'));
  assert.equal(await t.page.locator('#list-order').inputValue(), 'data');
  assert.deepEqual(await shown(), ids('data'));
  await t.page.goForward();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'name');
  assert.deepEqual(await shown(), ids('name'));
  // A link with the order opens on it; a wrong value is ignored with a notice.
  await openMap(t.page, t.env.url, '?lang=en&sort=oldest&region=FR-IDF');
  assert.deepEqual(await shown(), expectedOrder(DEFAULT_PAIRS.filter((id) => pairById.get(id).authorities.some((a) => authority(a).region === 'FR-IDF')), 'oldest', 'en').map((p) => p.id));
  await openMap(t.page, t.env.url, '?lang=en&sort=year');
  assert.match(await t.page.locator('.url-notices').innerText(), /sort=year/);
  assert.deepEqual(await shown(), ids('data'));
});

test('↑/↓/Home/End move through the list in the chosen order', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=fr&sort=newest');
  const focused = () => t.page.evaluate(() => document.activeElement?.closest('li[data-pair-id]')?.dataset.pairId ?? null);
  for (const order of ['newest', 'name']) {
    if (order !== 'newest') await choose(t.page, order);
    const want = expectedOrder(DEFAULT_PAIRS, order, 'fr').map((p) => p.id);
    assert.notDeepEqual(want.slice(0, 3), expectedOrder(DEFAULT_PAIRS, 'data', 'fr').slice(0, 3).map((p) => p.id), 'not the data order');
    await t.page.locator('li[data-pair-id] button').first().focus();
    assert.equal(await focused(), want[0]);
    await t.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), want[1], `${order}: ↓ goes to the next pair in this order`);
    await t.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), want[2]);
    await t.page.keyboard.press('ArrowUp');
    assert.equal(await focused(), want[1]);
    await t.page.keyboard.press('End');
    assert.equal(await focused(), want.at(-1));
    await t.page.keyboard.press('Home');
    assert.equal(await focused(), want[0]);
  }
});

test('"Download CSV" follows the list\'s order', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en&sort=region');
  const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = parse(fs.readFileSync(await download.path(), 'utf8').slice(1), { columns: true });
  assert.deepEqual(rows.map((r) => r.id), expectedOrder(DEFAULT_PAIRS, 'region', 'en').map((p) => p.id));
  // And each row keeps the agreement's words with their language.
  const seoul = rows.find((r) => r.id === 'seoul-paris');
  assert.deepEqual(JSON.parse(seoul.wording).map((w) => [w.text, w.lang]), pairById.get('seoul-paris').wording.map((w) => [w.text, w.lang]));
});

// ---------------------------------------------------------------------------------------------
// One language per card

/** The names of the data's languages in each interface language, as the card says them. */
const LANGUAGE_NAMES = {
  fr: { ko: 'coréen', fr: 'français', en: 'anglais', de: 'allemand' },
  ko: { ko: '한국어', fr: '프랑스어', en: '영어', de: '독일어' },
  en: { ko: 'Korean', fr: 'French', en: 'English', de: 'German' },
};

/** The card's own labels, in reading order: headings, terms, notes about a value (uncertain,
 *  unknown, in which language), the close button's name. Data (names, values, quotations,
 *  summaries, source titles) is not among them. */
const cardLabels = (page) =>
  page.$$eval(
    'article.pair-card :is(.pair-card-body > h3, dt, .uncertain, .unknown, .in-language, .hidden-note, .verified), article.pair-card .close-button',
    (els) => els.map((el) => (el.matches('.close-button') ? el.getAttribute('aria-label') : el.innerText.trim())),
  );

/** The text the card writes in its own language without saying so: every text not inside an
 *  element marked with a `lang` (quotations, names in the other script, the data's notes and
 *  summaries, each marked with the language the data gives them in, whose prose may itself
 *  name "Région Alsace (알자스주)"), and not a source's title or a link (data in whatever
 *  language its publisher wrote). */
const unmarkedCardText = (page) =>
  page.$eval('article.pair-card', (card) => {
    const out = [];
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el.closest('[lang]') !== document.documentElement) continue;
      if (el.closest('.sources, a')) continue;
      if (n.textContent.trim()) out.push(n.textContent.trim());
    }
    return out;
  });

// Gyeongbuk–Grand Est: the example (the convention's French words, the Korean press's
// Korean ones, "(uncertain)" beside the title); Seoul–Paris: Korean words with an English gloss.
const CARD_PAIRS = ['gyeongbuk-grand-est', 'seoul-paris', 'bucheon-angouleme'];

for (const lang of LANGS) {
  test(`${lang}: the card quotes the agreement's own words in their language and labels everything in the interface's`, async () => {
    t.page = await newPage(t.env);
    for (const id of CARD_PAIRS) {
      const p = pairById.get(id);
      await openMap(t.page, t.env.url, `?lang=${lang}&pair=${id}`);
      const card = t.page.locator(`article.pair-card[data-pair-id="${id}"]`);
      await card.waitFor();
      // Each wording quoted as it is, marked with its own language.
      const quotes = await card.locator('.pair-wording .quoted').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('lang')]));
      assert.deepEqual(quotes, p.wording.map((w) => [w.text, w.lang]), id);
      // Introduced by a label in the interface's language, which names the words' language when
      // it is another and the label does not already say it ("Korean side", not "Korean side
      // (Korean)").
      const intros = await card.locator('dt.wording-label').allInnerTexts();
      const sideSaysIt = (w) => (w.role === 'korean-side' && w.lang === 'ko') || (w.role === 'french-side' && w.lang === 'fr');
      p.wording.forEach((w, i) => {
        if (sideSaysIt(w)) assert.ok(!intros[i].includes('('), `${id}: ${intros[i]} does not name the side's language again`);
        else if (w.lang !== lang) assert.ok(intros[i].includes(`(${LANGUAGE_NAMES[lang][w.lang]})`), `${id}: ${intros[i]}`);
        else assert.ok(!intros[i].includes('('), `${id}: ${intros[i]} names no language of its own`);
        if (w.year) assert.ok(intros[i].includes(String(w.year)), intros[i]);
      });
      // A gloss only in the interface's language, never another's.
      const glosses = await card.locator('.wording-gloss').allInnerTexts();
      const want = p.wording.filter((w) => w.lang !== lang && w.gloss?.[lang]).map((w) => `(${w.gloss[lang]})`);
      assert.deepEqual(glosses, want, id);
      // Nothing of another language outside what is marked as such: no Hangul in a French or
      // English card, no Latin word in a Korean card (outside names written in Latin letters,
      // which the card marks too, and links).
      assert.equal(await t.page.evaluate(() => document.documentElement.lang), lang);
      const text = await unmarkedCardText(t.page);
      const foreign = lang === 'ko'
        ? text.filter((x) => /[A-Za-z]{2,}/.test(x))
        : text.filter((x) => /\p{Script=Hangul}/u.test(x));
      assert.deepEqual(foreign, [], `${id}: text in another language than ${lang}, unmarked`);
      // The data's texts are in the interface's language (the data has them in each).
      const dataTexts = await card.locator(':is(.notes, .summary, .milestones) [lang]').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
      assert.ok(dataTexts.length > 0 && dataTexts.every((l) => l === lang), `${id}: ${dataTexts}`);
      // No other language's wording words in the card's own text.
      for (const w of p.wording.filter((w) => w.lang !== lang)) {
        assert.ok(!text.some((x) => x.includes(w.text)), `${id}: "${w.text}" appears outside its quotation`);
      }
      const labels = await cardLabels(t.page);
      assert.ok(labels.length >= 10, `${id}: the card has its labels (${labels.length})`);
    }
  });
}

test('no label of a card is in another language than the interface\'s (each checked against the other languages\' labels of the same card)', async () => {
  const labels = {};
  t.page = await newPage(t.env);
  for (const lang of LANGS) {
    labels[lang] = {};
    for (const id of CARD_PAIRS) {
      await openMap(t.page, t.env.url, `?lang=${lang}&pair=${id}`);
      await t.page.locator(`article.pair-card[data-pair-id="${id}"]`).waitFor();
      labels[lang][id] = await cardLabels(t.page);
    }
  }
  // Words that French and English share.
  const SAME_IN_FR_AND_EN = new Set(['Population', 'Sources']);
  for (const id of CARD_PAIRS) {
    const [fr, ko, en] = LANGS.map((l) => labels[l][id]);
    assert.equal(fr.length, en.length, id);
    assert.equal(ko.length, en.length, id);
    for (let i = 0; i < en.length; i++) {
      // The same label, in the three languages.
      if (!SAME_IN_FR_AND_EN.has(en[i])) assert.notEqual(fr[i], en[i], `${id}: "${fr[i]}" is the same in French and English`);
      assert.ok(!/\p{Script=Hangul}/u.test(fr[i]) && !/\p{Script=Hangul}/u.test(en[i]), `${id}: Hangul in "${fr[i]}" / "${en[i]}"`);
      assert.ok(/\p{Script=Hangul}/u.test(ko[i]) || /^[\d\s().,:·–-]*$/.test(ko[i]), `${id}: "${ko[i]}" is not Korean`);
      // No label holds another language's label of the same card.
      for (const [l, mine, others] of [['fr', fr[i], [...ko, ...en]], ['en', en[i], [...ko, ...fr]]]) {
        const foreign = others.filter((o) => o.length > 3 && !SAME_IN_FR_AND_EN.has(o) && mine.includes(o) && !labels[l][id].includes(o));
        assert.deepEqual(foreign, [], `${l} ${id}: "${mine}"`);
      }
    }
  }
});

test('"uncertain" says which field is uncertain, in each language', async () => {
  t.page = await newPage(t.env);
  const GENERIC = new Set(['(incertain)', '(불확실)', '(uncertain)']);
  const PARTNERS = { fr: 'partenaires', ko: '당사자', en: 'partners' };
  for (const lang of LANGS) {
    // The title's mark: who the partners are is what is uncertain (Grand Est, successor of Alsace).
    await openMap(t.page, t.env.url, `?lang=${lang}&pair=gyeongbuk-grand-est`);
    const title = await t.page.locator('article.pair-card h2 .uncertain').innerText();
    assert.ok(title.includes(PARTNERS[lang]), `${lang}: ${title}`);
    assert.equal(await t.page.locator('article.pair-card h2 .uncertain').getAttribute('data-uncertain'), 'authorities');
    // A fact's mark names the fact as its row does: "Website … (website uncertain)".
    await openMap(t.page, t.env.url, `?lang=${lang}&pair=gyeongju-versailles`);
    const rows = await t.page.$$eval('article.pair-card dd .uncertain', (marks) =>
      marks.map((m) => ({ field: m.dataset.uncertain, mark: m.innerText.trim(), label: m.closest('dd').previousElementSibling.innerText.trim() })));
    const website = rows.find((r) => r.field === 'website');
    assert.ok(website, `${lang}: Gyeongju's website is marked uncertain`);
    for (const r of rows) assert.ok(r.mark.toLowerCase().includes(r.label.toLowerCase()), `${lang}: "${r.mark}" names "${r.label}"`);
    // A milestone's mark, and never a bare "(uncertain)" anywhere in a card.
    await openMap(t.page, t.env.url, `?lang=${lang}&pair=icheon-limoges`);
    const marks = await t.page.locator('article.pair-card .uncertain').allInnerTexts();
    assert.ok(marks.length > 0);
    for (const m of marks) assert.ok(!GENERIC.has(m.trim()), `${lang}: a bare "${m}"`);
  }
});

test('a text the data has in one language only is shown in it, marked, and said to be in it', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const doc = structuredClone(DATA);
  const summary = 'Résumé disponible en français seulement.';
  doc.partnerships.find((p) => p.id === 'seoul-paris').summary = { fr: summary };
  // A file written before wordings had languages: its free-text term, quoted as it is.
  const icheon = doc.partnerships.find((p) => p.id === 'icheon-limoges');
  delete icheon.wording;
  icheon.term = '자매결연 (sister city)';
  icheon.uncertain = ['wording'];
  await dropFile(t.page, 'one-language.json', JSON.stringify(doc), 'application/json');
  await t.page.locator('.preview-banner').waitFor();
  await t.page.locator('li[data-pair-id="seoul-paris"] button').click();
  const card = t.page.locator('article.pair-card[data-pair-id="seoul-paris"]');
  await card.waitFor();
  assert.equal(await card.locator('.summary [lang="fr"]').innerText(), summary);
  assert.equal(await card.locator('.summary .in-language').innerText(), '(in French)');
  await t.page.locator('.lang-switcher button[lang="ko"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'ko');
  assert.equal(await card.locator('.summary .in-language').innerText(), '(프랑스어)');
  assert.equal(await card.locator('.summary [lang="fr"]').innerText(), summary);
  // In French, its own language: nothing to say.
  await t.page.locator('.lang-switcher button[lang="fr"]').click();
  await t.page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'fr');
  assert.equal(await card.locator('.summary .in-language').count(), 0);
  await t.page.locator('li[data-pair-id="icheon-limoges"] button').click();
  const old = t.page.locator('article.pair-card[data-pair-id="icheon-limoges"] .pair-wording');
  assert.equal(await old.locator('.quoted').innerText(), icheon.term);
  assert.equal(await old.locator('.quoted').getAttribute('lang'), null, 'a language the file does not give is not made up');
  assert.equal(await old.locator('.uncertain').innerText(), '(intitulé incertain)');
});

// ---------------------------------------------------------------------------------------------
// Looked at: the list with its order and the card, on a laptop and a phone, in each language.

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844, touch: true }]) {
  test(`${size.width}×${size.height}: the order select is a full target and the screenshots are taken`, async () => {
    for (const lang of LANGS) {
      t.page = await newPage(t.env, size);
      await openMap(t.page, t.env.url, `?lang=${lang}&sort=region`);
      const select = t.page.locator('#list-order');
      await select.scrollIntoViewIfNeeded();
      const box = await select.boundingBox();
      if (size.touch) assert.ok(box.height >= 44, `${lang}: ${box.height}px high on a touch screen`);
      else assert.ok(box.height >= 24, `${lang}: ${box.height}px`);
      // Nothing sticks out of the page sideways.
      assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${lang}: no horizontal scroll`);
      await saveScreenshot(t.page, `order-list-${lang}-${size.width}`);
      await openMap(t.page, t.env.url, `?lang=${lang}&pair=gyeongbuk-grand-est`);
      const card = t.page.locator('article.pair-card');
      await card.waitFor();
      await card.locator('.pair-wording').first().scrollIntoViewIfNeeded();
      await saveScreenshot(t.page, `card-language-${lang}-${size.width}`);
      assert.deepEqual(t.page.errors, [], 'no console errors');
      await t.page.context().close();
      t.page = null;
    }
  });
}
