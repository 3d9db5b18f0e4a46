// Issue 16, items 3 and 4: the kiosk's presenter layout (the map fills the screen, the card a
// caption band that never covers the pair's ends, a control bar on demand, everything growing
// together from 1080p to 4K, nothing unknown printed in big type) and embeds without dead ends
// (a list item opens its card in every size, no button over a card, a builder whose preview
// starts on something worth showing, the resize script on by default).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../.ci/serve.mjs';
import { authority, CAPITAL_REGION, DATA, DEFAULT_PAIRS, drawable, expected, focusReaches, newPage, openMap, overlaps, saveScreenshot, SCREENSHOTS, settled, useBrowser, useEmbed, ready } from './support.mjs';

const t = useBrowser();
const pairById = new Map(DATA.partnerships.map((p) => [p.id, p]));
const KIOSK_SIZES = [[1920, 1080], [3840, 2160]];
const LANGS = ['fr', 'ko', 'en'];

/** What a person sees of the kiosk: the map's box, the boxes of everything drawn over it that
 *  can be seen (the map's own buttons, the legend, the status, the control bar or its button,
 *  the tour caption, the card, the countries' captions), and the shown pair's markers. */
function kioskLayout(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const seen = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const parts = [];
    for (const [name, sel] of [['map button', '.leaflet-control'], ['legend', '.legend'], ['status', '.kiosk-status'],
      ['corner button', '.kiosk-controls-open'], ['control bar', '.kiosk-controls'], ['tour caption', '.kiosk-caption'],
      ['card', '.kiosk-card'], ['country', '.pm-country.is-placed'], ['problems', '.kiosk-problems']]) {
      for (const el of document.querySelectorAll(sel)) if (seen(el)) parts.push({ name, box: box(el) });
    }
    const card = document.querySelector('.kiosk-card');
    const pair = card?.dataset.pairId ?? null;
    const ends = [...document.querySelectorAll('.leaflet-marker-icon.is-selected[data-authority-id]')].map((el) => {
      const pane = el.closest('.twin-pane') ?? el.closest('.map');
      return { id: el.dataset.authorityId, box: box(el), pane: box(pane) };
    });
    return { map: box(document.querySelector('.map')), screen: { width: innerWidth, height: innerHeight }, parts, pair, ends };
  });
}

const area = (b) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
const contains = (outer, b) => b.left >= outer.left - 0.5 && b.right <= outer.right + 0.5 && b.top >= outer.top - 0.5 && b.bottom <= outer.bottom + 0.5;

/** The presenter layout's promises, checked on what is on screen now. */
function assertPresenterLayout(l, tag) {
  const ratio = area(l.map) / (l.screen.width * l.screen.height);
  assert.ok(ratio >= 0.85, `${tag}: the map covers ${(ratio * 100).toFixed(1)} % of the screen`);
  // Nothing drawn over the map overlaps anything else drawn over it.
  for (let i = 0; i < l.parts.length; i++) {
    for (let j = i + 1; j < l.parts.length; j++) {
      const [a, b] = [l.parts[i], l.parts[j]];
      assert.ok(!overlaps(a.box, b.box), `${tag}: ${a.name} ${JSON.stringify(a.box)} overlaps ${b.name} ${JSON.stringify(b.box)}`);
    }
  }
  // The shown pair's two ends: inside their maps, clear of the caption band and of everything
  // else over the map.
  if (l.pair) {
    const p = pairById.get(l.pair);
    const located = p.authorities.filter((id) => DATA.authorities.find((a) => a.id === id).location);
    assert.deepEqual(l.ends.map((e) => e.id).sort(), [...located].sort(), `${tag}: both ends of ${l.pair} drawn`);
    for (const end of l.ends) {
      assert.ok(contains(end.pane, end.box), `${tag}: ${end.id} inside its map`);
      for (const part of l.parts) assert.ok(!overlaps(end.box, part.box), `${tag}: ${end.id} ${JSON.stringify(end.box)} under the ${part.name} ${JSON.stringify(part.box)}`);
    }
  }
}

/** Waits until the kiosk's card shows `id`, then until the map has come to rest around it. */
async function cardShows(page, id) {
  await page.waitForSelector(`.kiosk-card[data-pair-id="${id}"]`, { timeout: 5000 });
  await settled(page);
}

for (const [width, height] of KIOSK_SIZES) {
  for (const lang of LANGS) {
    test(`kiosk at ${width}×${height} in ${lang}: the map fills the screen, search, filters and list are off it, the card is a caption band clear of the pair's ends, a tour caption and the control bar have their own place; nothing overlaps`, async () => {
      t.page = await newPage(t.env, { width, height });
      await openMap(t.page, t.env.url, `?mode=kiosk&dwell=3600&lang=${lang}&tour=tours%2Fexample.json`);
      const tag = `${width}×${height} ${lang}`;
      // The tour's first step: everything, with its caption.
      await t.page.locator('.kiosk-caption').waitFor();
      await settled(t.page);
      for (const sel of ['.search-box', '.filters-column', '.list-column', '.share-panel', '.lang-switcher']) {
        assert.equal(await t.page.locator(sel).first().isVisible(), false, `${tag}: ${sel} is off screen`);
      }
      assertPresenterLayout(await kioskLayout(t.page), `${tag} overview`);
      await saveScreenshot(t.page, `presenter-${width}-${lang}-fresh`);
      // A step with a pair: the band and the caption above it.
      await t.page.keyboard.press('PageDown');
      await cardShows(t.page, 'seoul-paris');
      await t.page.locator('.kiosk-caption').waitFor();
      // The card in the interface's language first, Korean (French, in Korean) beside it.
      const words = await t.page.locator('.kiosk-facts').evaluate((dl) => [...dl.querySelectorAll('[lang]')].map((e) => [e.lang, e.textContent.trim()]));
      const second = lang === 'ko' ? 'fr' : 'ko';
      assert.deepEqual([...new Set(words.map(([l]) => l))], [lang, second], `${tag}: ${JSON.stringify(words)}`);
      const seoulParis = pairById.get('seoul-paris');
      const themeWords = (l) => seoulParis.themes.map((id) => DATA.themes.find((th) => th.id === id).label[l]).join(', ');
      assert.ok(words.some(([l, w]) => l === lang && w === themeWords(lang)) && words.some(([l, w]) => l === second && w === themeWords(second)), `${tag}: the themes in ${lang} and ${second}`);
      const step = await kioskLayout(t.page);
      assert.ok(step.parts.some((p) => p.name === 'tour caption') && step.parts.some((p) => p.name === 'card'));
      assertPresenterLayout(step, `${tag} tour step`);
      await saveScreenshot(t.page, `presenter-${width}-${lang}-tour`);
      // The control bar, called by its key: above the caption and the band, over nothing else.
      await t.page.keyboard.press('c');
      await t.page.locator('.kiosk-controls').waitFor();
      await settled(t.page);
      const bar = await kioskLayout(t.page);
      assert.ok(bar.parts.some((p) => p.name === 'control bar'));
      assertPresenterLayout(bar, `${tag} control bar`);
      await saveScreenshot(t.page, `presenter-${width}-${lang}-controls`);
      // Without a tour: the attract loop's card, alone at the bottom.
      await t.page.goto(`${t.env.url}?mode=kiosk&dwell=3600&lang=${lang}`);
      await ready(t.page);
      await t.page.locator('.kiosk-card').waitFor();
      await settled(t.page);
      assertPresenterLayout(await kioskLayout(t.page), `${tag} loop`);
      await saveScreenshot(t.page, `presenter-${width}-${lang}-card`);
    });
  }
}

/** The sizes a visitor reads and touches, in CSS pixels. */
async function sizes(page) {
  const measure = () => page.evaluate(() => {
    const px = (sel, prop) => { const el = document.querySelector(sel); return el ? parseFloat(getComputedStyle(el)[prop]) : NaN; };
    const h = (sel) => document.querySelector(sel)?.getBoundingClientRect().height ?? NaN;
    const w = (sel) => document.querySelector(sel)?.getBoundingClientRect().width ?? NaN;
    return {
      'name on the card': px('.kiosk-name', 'fontSize'),
      'fact on the card': px('.kiosk-fact dd', 'fontSize'),
      'name on the map': px('.pm-name.is-placed:not(.is-must)', 'fontSize'),
      'marker target': w('.leaflet-marker-icon.pm-marker:not(.is-grouped):not(.pm-group)'),
      'zoom button': h('.leaflet-control-zoom a'),
      'legend button': h('.legend summary'),
      'corner button': h('.kiosk-controls-open'),
    };
  });
  const out = await measure();
  await page.keyboard.press('c');
  await page.locator('.kiosk-controls').waitFor();
  Object.assign(out, await page.evaluate(() => ({
    'control bar button': document.querySelector('.kiosk-controls button').getBoundingClientRect().height,
    'control bar text': parseFloat(getComputedStyle(document.querySelector('.kiosk-controls button')).fontSize),
  })));
  // The filters, brought beside the map by the control bar: checkboxes and their labels.
  const filters = { fr: 'Filtres', ko: '필터', en: 'Filters' }[await page.getAttribute('html', 'lang')];
  await page.locator('.kiosk-controls').getByRole('button', { name: filters, exact: true }).click();
  await page.locator('.filters-column').waitFor();
  await page.locator('.kiosk-controls').waitFor({ state: 'detached' });
  Object.assign(out, await page.evaluate(() => {
    const box = document.querySelector('.facet-option input[type="checkbox"]').getBoundingClientRect();
    return { checkbox: Math.min(box.width, box.height), 'checkbox label': parseFloat(getComputedStyle(document.querySelector('.facet-option label')).fontSize) };
  }));
  return out;
}

test('kiosk: type, markers, names on the map, checkboxes and targets grow together from 1920×1080 to 3840×2160 (at least 1.8 times)', async () => {
  const at = {};
  for (const [width, height] of KIOSK_SIZES) {
    const page = await newPage(t.env, { width, height });
    t.page = page;
    await openMap(page, t.env.url, '?mode=kiosk&dwell=3600&lang=fr');
    await page.locator('.kiosk-card').waitFor();
    await settled(page);
    at[width] = await sizes(page);
    await page.context().close();
    t.page = null;
  }
  for (const [what, small] of Object.entries(at[1920])) {
    const big = at[3840][what];
    assert.ok(Number.isFinite(small) && small > 0, `${what} measured at 1080p`);
    assert.ok(big >= 1.8 * small, `${what}: ${small} px at 1080p, ${big} px at 4K`);
  }
  // And big enough to read and touch from the start.
  assert.ok(at[1920]['name on the card'] >= 40 && at[1920]['checkbox'] >= 20 && at[1920]['control bar button'] >= 44, JSON.stringify(at[1920]));
});

test('kiosk: the control bar comes with "c" or the corner button and goes with Escape, after a choice, or on its own; its buttons drive the loop, the view, the language, the filters; it leads out of presenter mode', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=3600&lang=en');
  await t.page.locator('.kiosk-card').waitFor();
  const bar = t.page.locator('.kiosk-controls');
  const shown = () => t.page.locator('.kiosk-card').getAttribute('data-pair-id');
  assert.equal(await bar.count(), 0, 'hidden at first');
  // "c": the bar, with the keyboard in it; Escape hides it and leaves the card alone.
  await t.page.keyboard.press('c');
  await bar.waitFor();
  await focusReaches(t.page, () => !!document.activeElement?.closest('.kiosk-controls'), null, 'in the bar');
  const first = await shown();
  await t.page.keyboard.press('Escape');
  await bar.waitFor({ state: 'detached' });
  assert.equal(await shown(), first, 'Escape closed the bar, not the card');
  // "c" again, from inside the bar, hides it too.
  await t.page.keyboard.press('c');
  await bar.waitFor();
  await t.page.keyboard.press('c');
  await bar.waitFor({ state: 'detached' });
  // The corner button: the bar; Next and Previous keep it open and step; Play restarts the loop.
  await t.page.getByRole('button', { name: 'Controls' }).click();
  await bar.waitFor();
  await bar.getByRole('button', { name: 'Next' }).click();
  await t.page.waitForFunction((id) => document.querySelector('.kiosk-card')?.dataset.pairId !== id, first);
  assert.ok(await bar.isVisible(), 'still open after Next');
  assert.equal(await t.page.locator('.kiosk-status').evaluate((e) => e.classList.contains('is-running')), false, 'the presenter leads');
  await bar.getByRole('button', { name: 'Previous' }).click();
  await t.page.waitForSelector(`.kiosk-card[data-pair-id="${first}"]`);
  await bar.getByRole('button', { name: 'Play' }).click();
  await t.page.waitForSelector('.kiosk-status.is-running');
  await bar.getByRole('button', { name: 'Pause' }).click();
  await t.page.waitForSelector('.kiosk-status:not(.is-running)');
  // Leaving presenter mode: the same pair as a full page, in the same language.
  const exit = new URL(await bar.getByRole('link', { name: 'Leave presenter mode' }).getAttribute('href'));
  assert.deepEqual(Object.fromEntries(exit.searchParams), { pair: first, lang: 'en' });
  // Left alone, it hides on its own.
  await bar.waitFor({ state: 'detached', timeout: 12000 });
  // A choice hides it: the view…
  await t.page.keyboard.press('c');
  await bar.getByRole('button', { name: 'World' }).click();
  await bar.waitFor({ state: 'detached' });
  await t.page.waitForSelector('.map[data-view="world"]');
  // …the language…
  await t.page.keyboard.press('c');
  await bar.getByRole('button', { name: '한국어' }).click();
  await bar.waitFor({ state: 'detached' });
  await t.page.waitForSelector('html[lang="ko"]');
  // …the filters, brought beside the map (the map keeps most of the screen), then taken away.
  const before = await t.page.locator('.map').boundingBox();
  await t.page.keyboard.press('c');
  await bar.getByRole('button', { name: '필터', exact: true }).click();
  await t.page.locator('.filters-column').waitFor();
  const narrower = await t.page.locator('.map').boundingBox();
  assert.ok(narrower.width < before.width && narrower.width > 0.7 * before.width, `${before.width} → ${narrower.width}`);
  // The column says what the filters give (the big screen has no list to count it), and follows them.
  const count = t.page.locator('.filters-column .filter-count');
  assert.equal(await count.innerText(), `전체 ${DATA.partnerships.length}건 중 ${DEFAULT_PAIRS.length}건`);
  await t.page.locator('label[for="region-FR-IDF"]').click();
  const idf = expected({ regions: ['FR-IDF'] });
  await t.page.waitForFunction((want) => document.querySelector('.filters-column .filter-count')?.innerText === want, `전체 ${DATA.partnerships.length}건 중 ${idf.length}건`);
  assert.ok(idf.length < DEFAULT_PAIRS.length && idf.length > 0);
  await t.page.keyboard.press('c');
  await bar.getByRole('button', { name: '필터', exact: true }).click();
  await t.page.locator('.filters-column').waitFor({ state: 'hidden' });
});

test('the full page leads into presenter mode: the share drawer\'s "Present on a big screen" opens the same view as a kiosk, and its control bar leads back', async () => {
  t.page = await newPage(t.env, { width: 1366, height: 768 });
  await openMap(t.page, t.env.url, '?lang=ko&theme=culture&pair=suncheon-nantes');
  await t.page.locator('.share-panel > summary').click();
  const present = t.page.getByRole('link', { name: '큰 화면으로 발표' });
  await present.waitFor();
  const into = new URL(await present.getAttribute('href'));
  assert.deepEqual(Object.fromEntries(into.searchParams), { lang: 'ko', theme: 'culture', pair: 'suncheon-nantes', mode: 'kiosk' });
  await present.click();
  await t.page.waitForSelector('html[data-mode="kiosk"]');
  await t.page.locator('.kiosk-card[data-pair-id="suncheon-nantes"]').waitFor();
  await t.page.keyboard.press('c');
  const back = new URL(await t.page.locator('.kiosk-controls').getByRole('link', { name: '프레젠테이션 종료' }).getAttribute('href'));
  assert.deepEqual(Object.fromEntries(back.searchParams), { lang: 'ko', theme: 'culture', pair: 'suncheon-nantes' });
});

test('kiosk: a pair is shown by what is known about it; unknown kind, year and themes are left out of the big card, in every language', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  // A tour of two pairs: one of which nothing is known but its ends, one without a year.
  await t.page.route('**/tours/sparse.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ steps: [{ pair: 'gyeongju-versailles' }, { pair: 'daejeon-nice' }] }) }));
  const unknownWords = /inconnu|unknown|미상|알려진 분야 없음|no known theme|aucun thème/i;
  for (const lang of LANGS) {
    await openMap(t.page, t.env.url, `?mode=kiosk&dwell=3600&lang=${lang}&tour=tours%2Fsparse.json`);
    await cardShows(t.page, 'gyeongju-versailles');
    const card = t.page.locator('.kiosk-card');
    const text = await card.textContent();
    assert.doesNotMatch(text, unknownWords, `${lang}: ${text}`);
    for (const name of ['경주시', 'Gyeongju', 'Versailles', '베르사유']) assert.ok(text.includes(name), `${lang}: ${name} on the card`);
    assert.equal(await card.locator('.kiosk-fact').count(), 0, 'no fact is known');
    assert.equal(await card.locator('.kiosk-qr svg').count(), 1, 'the QR code is still there');
    assertPresenterLayout(await kioskLayout(t.page), `unknown ${lang}`);
    if (lang === 'fr') await saveScreenshot(t.page, 'presenter-1920-fr-unknown');
    // Kind and themes known, the year not: the year alone is left out.
    await t.page.keyboard.press('PageDown');
    await cardShows(t.page, 'daejeon-nice');
    assert.equal(await card.locator('.kiosk-fact').count(), 2);
    assert.doesNotMatch(await card.textContent(), unknownWords);
    assert.doesNotMatch(await card.textContent(), /Premier accord|최초 협정/);
  }
});

/** A partner's page on its own origin with the map in a `width`×`height` iframe. */
async function hostPage(src, width, height) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A partner city</title></head>
<body style="margin:0;font-family:sans-serif"><p>Our twin cities</p>
<iframe id="map" title="Partnerships" src="${src}" width="${width}" height="${height}" style="border:0" allow="fullscreen"></iframe></body></html>`);
  return startServer({ dir, port: 0 });
}

/** In an embed: every control that can be seen (buttons of the map and of the page, the legend,
 *  the view switch, the edge indicators) and the open card. */
function embedLayout(frame) {
  return frame.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const seen = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const card = document.querySelector('article.pair-card');
    const controls = [...document.querySelectorAll('.leaflet-control, .legend, .view-toggle, .pm-edge, .embed-bar > :not(h1), .filter-panel > summary')]
      .filter(seen).map((el) => ({ name: el.className || el.tagName, box: box(el) }));
    const ends = [...document.querySelectorAll('.leaflet-marker-icon.is-selected[data-authority-id]')].map((el) => ({ id: el.dataset.authorityId, box: box(el) }));
    return { card: card && seen(card) ? box(card) : null, controls, ends, map: seen(document.querySelector('.map')) };
  });
}

for (const [width, height] of [[640, 460], [300, 300]]) {
  for (const lang of LANGS) {
    test(`an embed of ${width}×${height} on another origin in ${lang}: a list item opens its card on the map, no control over the card, the pair's ends in view`, async () => {
      const host = await hostPage(`${t.env.subUrl}?embed=1&lang=${lang}`, width, height);
      try {
        t.page = await newPage(t.env, { width: width + 40, height: height + 120 });
        await t.page.goto(host.url);
        const frame = await (await t.page.waitForSelector('#map')).contentFrame();
        await useEmbed(t.page, await t.page.$('#map'));
        await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
        assert.notEqual(new URL(frame.url()).origin, new URL(host.url).origin, 'the map is on another origin');
        await settled(frame);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        await t.page.locator('#map').screenshot({ path: path.join(SCREENSHOTS, `embed-${width}x${height}-${lang}-fresh.png`) });
        // The list, then one of its items.
        await frame.locator('.embed-toggle').click();
        await frame.locator('.list-column').waitFor();
        const id = 'seoul-paris';
        await frame.locator(`li[data-pair-id="${id}"] button`).click();
        await frame.waitForSelector(`article.pair-card[data-pair-id="${id}"]`, { state: 'visible' });
        await settled(frame);
        const l = await embedLayout(frame);
        assert.ok(l.map && l.card, 'the map and the card are shown');
        assert.equal(await frame.locator('.list-column').isVisible(), false);
        await focusReaches(frame, () => !!document.activeElement?.closest('article.pair-card'), null, 'the keyboard follows to the card');
        for (const c of l.controls) assert.ok(!overlaps(c.box, l.card), `${c.name} ${JSON.stringify(c.box)} over the card ${JSON.stringify(l.card)}`);
        assert.deepEqual(l.ends.map((e) => e.id).sort(), [...pairById.get(id).authorities].sort());
        for (const e of l.ends) assert.ok(!overlaps(e.box, l.card), `${e.id} under the card`);
        await t.page.locator('#map').screenshot({ path: path.join(SCREENSHOTS, `embed-${width}x${height}-${lang}-card.png`) });
        // Closed, the card gives the map's buttons back.
        await frame.locator('article.pair-card .close-button').click();
        await settled(frame);
        assert.equal(await frame.locator('.leaflet-control.is-covered').count(), 0);
      } finally {
        host.server.close();
      }
    });
  }
}

test('the embed builder: its preview starts on the authority being looked at and its partners, else on the whole map (both countries side by side, not a bundle into one group); the resize script is on by default', async () => {
  t.page = await newPage(t.env, { width: 1440, height: 900 });
  await openMap(t.page, t.env.subUrl, '?lang=en&place=kr-daejeon');
  await t.page.getByRole('button', { name: 'Embed' }).click();
  const dialog = t.page.getByRole('dialog', { name: 'Embed the map in a website' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Authority').inputValue(), 'kr-daejeon');
  assert.equal(await dialog.getByLabel('Fit the height to the content (script)').isChecked(), true);
  const snippet = await dialog.getByLabel('Code to paste').inputValue();
  assert.match(snippet, /<script>[\s\S]*franco-korean-map:height[\s\S]*<\/script>/);
  const preview = dialog.locator('.embed-preview iframe');
  assert.equal(new URL(await preview.getAttribute('src')).searchParams.get('focus'), 'kr-daejeon');
  let frame = await (await preview.elementHandle()).contentFrame();
  await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  await settled(frame);
  const daejeon = DEFAULT_PAIRS.filter((id) => pairById.get(id).authorities.includes('kr-daejeon'));
  assert.deepEqual(await frame.$$eval('path.pm-link[data-pair-id]', (ps) => [...new Set(ps.map((p) => p.dataset.pairId))].sort()), drawable(daejeon));
  await saveScreenshot(t.page, 'embed-builder-daejeon-1440');
  await t.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  // Nothing chosen: the whole map, France and Korea side by side in the 640×460 frame, each
  // country's authorities spread out rather than one group holding most of them.
  await openMap(t.page, t.env.subUrl, '?lang=en');
  await t.page.getByRole('button', { name: 'Embed' }).click();
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Authority').inputValue(), '');
  frame = await (await dialog.locator('.embed-preview iframe').elementHandle()).contentFrame();
  // The whole map's embed opens on its first view; the pointer over the preview starts it.
  await useEmbed(t.page, await dialog.locator('.embed-preview iframe').elementHandle());
  await frame.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  await settled(frame);
  assert.equal(await frame.locator('.map').evaluate((m) => m.classList.contains('map--side-by-side')), true);
  assert.deepEqual(await frame.$$eval('path.pm-link[data-pair-id]', (ps) => [...new Set(ps.map((p) => p.dataset.pairId))].sort()), drawable(DEFAULT_PAIRS));
  for (const country of ['fr', 'kr']) {
    const { groups, alone, largest } = await frame.evaluate((c) => {
      const pane = document.querySelector(`.twin-pane--${c}`);
      return {
        groups: [...pane.querySelectorAll('.pm-group')].map((g) => Number(g.dataset.groupSize)),
        largest: [...pane.querySelectorAll('.pm-group')].sort((a, b) => b.dataset.groupSize - a.dataset.groupSize)[0]?.dataset.members.split(' ') ?? [],
        alone: pane.querySelectorAll('.leaflet-marker-icon[data-authority-id]:not(.is-grouped)').length,
      };
    }, country);
    const total = groups.reduce((a, b) => a + b, 0) + alone;
    // Not a bundle into one group: at most about half the country in one group, except that
    // Korea's capital region (Seoul, Incheon, Gyeonggi: 15 of its 26 authorities) may be one;
    // then the group holds at most two authorities from elsewhere.
    const capital = country === 'kr' ? CAPITAL_REGION : [];
    const elsewhere = largest.filter((id) => !capital.includes(authority(id).region));
    assert.ok(Math.max(0, ...groups) <= 0.55 * total || elsewhere.length <= 2, `${country}: a group of ${Math.max(...groups)} among ${total}, ${elsewhere.length} outside the capital region`);
    assert.ok(groups.length + alone >= 6, `${country}: ${groups.length + alone} places told apart`);
  }
  await saveScreenshot(t.page, 'embed-builder-all-1440');
});
