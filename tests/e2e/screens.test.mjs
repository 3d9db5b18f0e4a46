// Every screen its own layout (issue 16, items 1 and 2): a phone, a tablet held upright and
// sideways, a laptop, a desktop and a 4K screen, each checked as a person sees it — fresh, with
// the filter drawer open, with a card open, after closing it — for a horizontal scroll, a
// control drawn over another (or over the card), and a word broken inside itself. Then the
// phone's bottom sheet (in view after a tap on a list item or a marker, with the pair's two ends
// on the map above it; three heights by key, tap and drag), its count and "show N results" by
// the filters, and its one-tap way back to the map.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { countText, DATA, expected, focusReaches, holds, mapState, newPage, openMap, overlaps, ROOT, saveScreenshot, settled, useBrowser } from './support.mjs';

const t = useBrowser();
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const SCREENS = [
  { width: 390, height: 844, touch: true, lang: 'fr', kind: 'phone' },
  { width: 820, height: 1180, lang: 'ko', kind: 'tablet-upright' },
  { width: 1024, height: 768, lang: 'en', kind: 'tablet-sideways' },
  { width: 1280, height: 800, lang: 'fr', kind: 'desktop' },
  { width: 1366, height: 768, lang: 'en', kind: 'desktop' },
  { width: 1920, height: 1080, lang: 'ko', kind: 'desktop' },
  { width: 3840, height: 2160, lang: 'en', kind: 'desktop' },
];

/** What a person would see wrong in the page as it stands: a horizontal scroll; a control (zoom
 *  buttons, view switch, legend, edge indicators, attribution, the way back to the map) over
 *  another or over the open card; a word that does not fit its line (checked with word breaking
 *  switched off, as a word broken inside itself would otherwise go unseen; links, being
 *  addresses, may break anywhere). */
function problems(page) {
  return page.evaluate(() => {
    const out = [];
    const seen = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    };
    const name = (el) => el.className && typeof el.className === 'string' ? `.${el.className.split(' ').filter(Boolean).slice(0, 2).join('.')}` : el.tagName.toLowerCase();
    if (document.documentElement.scrollWidth > innerWidth) out.push(`horizontal scroll: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    const controls = [...document.querySelectorAll('.leaflet-control-zoom, .view-toggle, .legend, .pm-edge:not([hidden]), .leaflet-control-attribution, .back-to-map:not([hidden]), .card-sheet')].filter(seen);
    for (let i = 0; i < controls.length; i += 1) {
      for (let j = i + 1; j < controls.length; j += 1) {
        const [a, b] = [controls[i].getBoundingClientRect(), controls[j].getBoundingClientRect()];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
          out.push(`${name(controls[i])} overlaps ${name(controls[j])}`);
        }
      }
    }
    const style = document.createElement('style');
    style.textContent = '*:not(a) { overflow-wrap: normal !important; word-break: normal !important; } html[lang="ko"] *:not(a) { word-break: keep-all !important; }';
    document.head.append(style);
    const texts = document.querySelectorAll('h1, h2, h3, h4, label, button, summary, dt, dd, legend, p, .pair-item-title, .facet-label, .authority-pair-name, li');
    for (const el of texts) {
      const display = getComputedStyle(el).display;
      // What a closed drawer holds is not laid out (nor seen).
      const folded = el.closest('details:not([open])') && !el.closest('summary');
      if (display === 'inline' || display === 'contents' || folded || el.closest('.visually-hidden, .leaflet-marker-pane, .pm-names') || !seen(el) || el.clientWidth < 2) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`a word does not fit in ${name(el)}: "${el.textContent.trim().slice(0, 60)}" (${el.scrollWidth} > ${el.clientWidth})`);
    }
    style.remove();
    return [...new Set(out)];
  });
}

const rect = (page, sel) => page.locator(sel).first().evaluate((el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }; });

/** The pair's two ends as drawn, each inside its map's pane, on screen and clear of every cover
 *  (the card, the legend, the controls). */
async function endsInView(page, pairId, viewport) {
  const pair = DATA.partnerships.find((p) => p.id === pairId);
  const state = await mapState(page);
  for (const id of pair.authorities) {
    const m = state.markers.find((x) => x.id === id && !x.grouped);
    assert.ok(m, `${id}'s marker stands on its own`);
    const pane = state.panes.find((p) => p.map === m.map);
    assert.ok(m.x >= pane.rect.left && m.x <= pane.rect.right && m.y >= pane.rect.top && m.y <= pane.rect.bottom, `${id} inside its map: ${JSON.stringify(m)}`);
    assert.ok(m.y >= 0 && m.y <= viewport.height && m.x >= 0 && m.x <= viewport.width, `${id} on screen: ${m.x},${m.y}`);
    for (const c of state.covers) {
      assert.ok(!(m.x > c.left && m.x < c.right && m.y > c.top && m.y < c.bottom), `${id} (${m.x},${m.y}) is not under ${JSON.stringify(c)}`);
    }
  }
}

for (const screen of SCREENS) {
  const { width, height, touch = false, lang, kind } = screen;
  test(`${width}×${height} (${kind}, ${lang}): a layout of its own — fresh, filters open, a card open, closed: no horizontal scroll, no control over another, no word broken; the pair's ends in view beside the card`, async () => {
    const page = (t.page = await newPage(t.env, { width, height, touch }));
    await openMap(page, t.env.url, `?lang=${lang}`);
    await settled(page);
    assert.deepEqual(await problems(page), [], 'fresh');
    const [map, list, filters] = await Promise.all([rect(page, '.map-column'), rect(page, '.list-column'), rect(page, '.filters-column')]);
    const drawerOpen = await page.locator('details.filter-panel').evaluate((d) => d.open);
    if (kind === 'phone') {
      assert.ok(map.width >= width - 1 && list.top >= map.bottom - 1, 'phone: the map first, the list below');
      assert.ok(!drawerOpen, 'phone: the filters in a closed drawer');
    } else if (kind === 'tablet-upright') {
      assert.ok(map.width >= width - 1 && map.top >= filters.bottom - 1 && list.top >= map.bottom - 1, `upright tablet: filter bar, map, list, one above the other: ${JSON.stringify({ filters, map, list })}`);
      assert.ok(map.height >= height * 0.45, `the map has room: ${map.height}`);
      assert.ok(!drawerOpen, 'tablet: the filters in a closed drawer');
    } else if (kind === 'tablet-sideways') {
      assert.ok(map.width >= width * 0.55 && list.left >= map.right - 1 && map.top >= filters.bottom - 1, `sideways tablet: the map with the list beside it: ${JSON.stringify({ map, list })}`);
      assert.ok(!drawerOpen, 'tablet: the filters in a closed drawer');
    } else {
      assert.ok(filters.right <= map.left + 1 && map.right <= list.left + 1 && map.width >= width * 0.45, 'desktop: filters, map and list side by side');
      assert.ok(drawerOpen, 'desktop: the filters open beside the map');
    }
    await saveScreenshot(page, `screen-${width}x${height}-${lang}`);

    // The filters: a count beside them, and (a drawer) a button that shows what they give.
    if (!drawerOpen) await page.locator('details.filter-panel > summary').click();
    await page.locator('label[for="theme-culture"]').click();
    await settled(page);
    const culture = expected({ themes: ['culture'] });
    if (kind !== 'desktop') {
      assert.equal(await page.locator('.filter-count').textContent(), countText(culture, { lang, drawn: culture.length }), 'the count beside the filters');
      const show = page.locator('.show-results');
      assert.ok(await show.isVisible(), 'a button under the filters shows the results');
      assert.match(await show.textContent(), new RegExp(`${culture.length}`));
      assert.deepEqual(await problems(page), [], 'filters open');
      await saveScreenshot(page, `screen-${width}x${height}-${lang}-filters`);
      await show.click();
      await settled(page);
      assert.equal(await page.locator('details.filter-panel').evaluate((d) => d.open), false, 'the drawer closed onto the results');
      const m = await rect(page, '.map-column');
      assert.ok(m.top >= -1 && m.top < height / 2, `the map in view: top at ${m.top}`);
    } else {
      assert.deepEqual(await problems(page), [], 'filters changed');
    }

    // A card, opened from the list.
    const item = page.locator('li[data-pair-id="suncheon-nantes"] button');
    await item.scrollIntoViewIfNeeded();
    if (touch) await item.tap(); else await item.click();
    await page.locator('article.pair-card').waitFor();
    await settled(page);
    const card = await rect(page, '.card-sheet');
    assert.ok(card.top >= -1 && card.bottom <= height + 1 && card.height >= 150, `the card in view: ${JSON.stringify(card)}`);
    const m = await rect(page, '.map-column');
    if (kind === 'tablet-sideways') {
      assert.ok(card.left >= m.right - 1 && card.height >= height * 0.8, `sideways: the card in the list's place: ${JSON.stringify({ card, m })}`);
    } else if (kind === 'phone' || kind === 'tablet-upright') {
      assert.ok(Math.abs(card.bottom - height) <= 1 && card.width >= width - 1, `a bottom sheet: ${JSON.stringify(card)}`);
    } else {
      assert.ok(holds(m, card), 'desktop: the card over the map');
      // The list scrolled to the item; its tabs still whole at the column's top.
      const [tabs, column] = [await rect(page, '.side-tabs'), await rect(page, '.list-column')];
      assert.ok(tabs.top >= column.top - 1 && tabs.height > 30, `desktop: the side tabs in view: ${JSON.stringify({ tabs, column })}`);
    }
    await endsInView(page, 'suncheon-nantes', { width, height });
    assert.deepEqual(await problems(page), [], 'card open');
    await saveScreenshot(page, `screen-${width}x${height}-${lang}-card`);

    // A bottom sheet pulled up to full height: nothing of the page (its search bar) over it.
    if (kind === 'phone' || kind === 'tablet-upright') {
      await page.locator('.sheet-handle').focus();
      for (let i = 0; i < 3 && (await page.locator('.card-sheet').getAttribute('data-height')) !== 'full'; i++) await page.keyboard.press('ArrowUp');
      assert.equal(await page.locator('.card-sheet').getAttribute('data-height'), 'full');
      for (const sel of ['#pair-card-title', '.pair-card .close-button', '.sheet-handle']) {
        const on = await page.locator(sel).evaluate((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !!top && (el === top || el.contains(top));
        });
        assert.ok(on, `full sheet: ${sel} is not covered`);
      }
    }

    await page.keyboard.press('Escape');
    await page.locator('article.pair-card').waitFor({ state: 'detached' });
    await settled(page);
    assert.deepEqual(await problems(page), [], 'card closed');
    assert.ok(page.errors.length === 0, page.errors.join('\n'));
  });
}

test('phone: the card is a bottom sheet in view after a tap on a list item and on a marker; three heights by key, tap and drag, the pair kept in view above it', async () => {
  const page = (t.page = await newPage(t.env, { width: 390, height: 844, touch: true }));
  await openMap(page, t.env.url, '?lang=en');
  await settled(page);
  const sheet = page.locator('.card-sheet');
  const sheetBox = () => rect(page, '.card-sheet');

  // A list item far below the map.
  const item = page.locator('li[data-pair-id="seoul-paris"] button');
  await item.scrollIntoViewIfNeeded();
  await item.tap();
  await page.locator('article.pair-card[data-pair-id="seoul-paris"]').waitFor();
  await settled(page);
  assert.equal(await sheet.getAttribute('data-height'), 'peek', 'a phone opens the sheet small');
  const peek = await sheetBox();
  assert.ok(Math.abs(peek.bottom - 844) <= 1 && peek.top > 844 * 0.5, `in view, at the bottom: ${JSON.stringify(peek)}`);
  assert.ok(await page.locator('#pair-card-title').isVisible(), 'its title shows');
  await endsInView(page, 'seoul-paris', { width: 390, height: 844 });

  // Keys on the handle: taller, shorter; the pair stays in view above it.
  const handle = page.locator('.sheet-handle');
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await settled(page);
  assert.equal(await sheet.getAttribute('data-height'), 'half');
  const half = await sheetBox();
  assert.ok(half.height > peek.height + 100, `taller: ${half.height} > ${peek.height}`);
  await endsInView(page, 'seoul-paris', { width: 390, height: 844 });
  assert.deepEqual(await problems(page), [], 'half');
  await page.keyboard.press('ArrowUp');
  assert.equal(await sheet.getAttribute('data-height'), 'full');
  assert.ok((await sheetBox()).height > 844 * 0.9, 'full screen');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await sheet.getAttribute('data-height'), 'peek');
  assert.match(await handle.getAttribute('aria-label'), /Card height: small/);

  // A tap on the handle: the next height.
  await handle.tap();
  assert.equal(await sheet.getAttribute('data-height'), 'half');

  // Dragged up by the handle: full screen; dragged down: small.
  const drag = async (dy) => {
    const h = await handle.boundingBox();
    const [x, y] = [h.x + h.width / 2, h.y + h.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i += 1) await page.mouse.move(x, y + (dy * i) / 8);
    await page.mouse.up();
  };
  await drag(-330);
  assert.equal(await sheet.getAttribute('data-height'), 'full', 'dragged up');
  await drag(500);
  assert.equal(await sheet.getAttribute('data-height'), 'peek', 'dragged down');
  await settled(page);
  await endsInView(page, 'seoul-paris', { width: 390, height: 844 });
  await saveScreenshot(page, 'phone-390-sheet');

  // Closed, the focus back on the list item (far below the map); the map one tap away; then a
  // marker's tap opens a sheet in view too.
  await page.locator('.pair-card .close-button').tap();
  await page.locator('article.pair-card').waitFor({ state: 'detached' });
  await focusReaches(page, () => document.activeElement?.closest('li')?.dataset.pairId === 'seoul-paris', null, 'back on its list item');
  await page.locator('.back-to-map').tap();
  await settled(page);
  const state = await mapState(page);
  const lone = state.markers.find((x) => !x.grouped && x.y > 0 && x.y < 844 && !state.covers.some((c) => x.x > c.left && x.x < c.right && x.y > c.top && x.y < c.bottom));
  assert.ok(lone, 'a marker to tap');
  await page.touchscreen.tap(lone.x, lone.y);
  await page.locator('.card-sheet article').waitFor();
  await settled(page);
  const opened = await sheetBox();
  assert.ok(Math.abs(opened.bottom - 844) <= 1 && opened.height >= 200, `the marker's card in view: ${JSON.stringify(opened)}`);
  assert.deepEqual(page.errors, []);
});

test('phone: a count and "show N results" by the filters; the map one tap away from anywhere in the page', async () => {
  const page = (t.page = await newPage(t.env, { width: 390, height: 844, touch: true }));
  await openMap(page, t.env.url, '?lang=fr');
  await settled(page);
  const summary = page.locator('details.filter-panel > summary');
  assert.equal(await page.locator('.filter-count').textContent(), countText(expected(), { lang: 'fr', drawn: expected().length }));
  await summary.tap();
  await page.locator('label[for="region-FR-IDF"]').tap();
  const idf = expected({ regions: ['FR-IDF'] });
  await page.waitForFunction((n) => document.querySelectorAll('li[data-pair-id]').length === n, idf.length);
  assert.equal(await page.locator('.filter-count').textContent(), countText(idf, { lang: 'fr', drawn: idf.length }));
  const show = page.locator('.show-results');
  await show.scrollIntoViewIfNeeded();
  assert.equal(await show.textContent(), `Voir les ${idf.length}\u00a0partenariats`);
  // The button stays at the foot of the screen while the drawer scrolls.
  const b = await show.boundingBox();
  assert.ok(b.y + b.height <= 844 + 1 && b.height >= 44, `at hand: ${JSON.stringify(b)}`);
  await show.tap();
  await settled(page);
  assert.ok(Math.abs((await rect(page, '.map-column')).top) <= 1, 'the map at the top of the screen');

  // Far down the list: one tap brings the map back.
  const back = page.locator('.back-to-map');
  assert.equal(await back.isVisible(), false, 'no need while the map is in view');
  await page.locator('li[data-pair-id]').last().scrollIntoViewIfNeeded();
  await back.waitFor({ state: 'visible' });
  const bb = await back.boundingBox();
  assert.ok(bb.height >= 44 && bb.y + bb.height <= 844, 'a 44-pixel button on screen');
  await back.tap();
  await page.waitForFunction(() => Math.abs(document.querySelector('.map-column').getBoundingClientRect().top) <= 1);
  await back.waitFor({ state: 'hidden' });
  assert.deepEqual(page.errors, []);
});

test('phone: every control a 44-pixel target, the sheet\'s handle too', async () => {
  const page = (t.page = await newPage(t.env, { width: 390, height: 844, touch: true }));
  await openMap(page, t.env.url, '?lang=ko&pair=seoul-paris');
  await page.locator('.card-sheet article').waitFor();
  await settled(page);
  await page.locator('details.filter-panel > summary').tap();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, summary, select, input:not([type="checkbox"]), .leaflet-bar a, .facet-option')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden, .leaflet-marker-pane') && !(el.closest('details:not([open])') && !el.closest('summary')); })
    .map((el) => { const r = el.getBoundingClientRect(); return { what: el.className || el.tagName, text: el.textContent.trim().slice(0, 30), w: Math.round(r.width), h: Math.round(r.height) }; })
    .filter((x) => x.h < 44 || x.w < 44));
  assert.deepEqual(small, []);
});

for (const [width, height, touch] of [[390, 844, true], [820, 1180, false], [1024, 768, false]]) {
  for (const lang of ['fr', 'ko', 'en']) {
    test(`axe: no violation at ${width}×${height} in ${lang}, with the filter drawer open, then a card open`, async () => {
      const page = (t.page = await newPage(t.env, { width, height, touch }));
      await openMap(page, t.env.url, `?lang=${lang}`);
      await settled(page);
      const run = async () => {
        await page.addScriptTag({ content: AXE });
        return page.evaluate(async () => {
          const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        });
      };
      await page.locator('details.filter-panel > summary').click();
      assert.deepEqual(await run(), [], 'filter drawer open');
      await page.locator('.show-results').click();
      const item = page.locator('li[data-pair-id="seoul-paris"] button');
      await item.scrollIntoViewIfNeeded();
      await item.click();
      await page.locator('article.pair-card').waitFor();
      await settled(page);
      assert.deepEqual(await run(), [], 'card open');
    });
  }
}
