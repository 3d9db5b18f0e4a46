// Accessibility checks with axe-core (WCAG 2.0–2.2 A/AA and best practices) in each view and
// language at desktop size, and the list as a keyboard twin of the map.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DATA, expected, newPage, openMap, ROOT, searchParams, useBrowser, ready } from './support.mjs';

const t = useBrowser();
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function violations(page) {
  // Checked once the map has settled (a loaded machine can still be zooming or spreading the
  // markers after "ready"): no zoom animating, and the markers where they were 150 ms before.
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
  await page.evaluate(async () => {
    const where = () => JSON.stringify([...document.querySelectorAll('.leaflet-marker-icon')].map((m) => m.getBoundingClientRect()).map((r) => [Math.round(r.x), Math.round(r.y)]));
    for (let i = 0, before = where(); i < 40; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const now = where();
      if (now === before && !document.querySelector('.leaflet-zoom-anim')) return;
      before = now;
    }
  });
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
}

for (const [width, height] of [[1280, 800], [390, 844]]) for (const view of ['twin', 'world']) {
  for (const lang of ['fr', 'ko', 'en']) {
    test(`axe: no violation in the ${view} view in ${lang} at ${width}×${height}`, async () => {
      t.page = await newPage(t.env, { width, height });
      await openMap(t.page, t.env.url, `?lang=${lang}&view=${view}`);
      assert.equal(await t.page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await violations(t.page), []);
    });
  }
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`axe: no violation with a pair card open at ${width}×${height}`, async () => {
    t.page = await newPage(t.env, { width, height });
    await openMap(t.page, t.env.url, '?lang=en&pair=busan-cannes');
    await t.page.locator('article.pair-card').waitFor();
    assert.deepEqual(await violations(t.page), []);
  });
  for (const [panel, lang] of [['timeline', 'fr'], ['tiers', 'ko'], ['timeline', 'en'], ['tiers', 'en']]) {
    test(`axe: no violation with the ${panel} panel open in ${lang} at ${width}×${height}`, async () => {
      t.page = await newPage(t.env, { width, height });
      await openMap(t.page, t.env.url, `?lang=${lang}&panel=${panel}`);
      await t.page.locator(panel === 'timeline' ? '.timeline-panel' : '.tiers-panel').first().waitFor();
      assert.deepEqual(await violations(t.page), []);
    });
  }
}

test('each list item is named by what it shows and described by a sentence; arrow keys move pair by pair', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en');
  const item = t.page.locator('li[data-pair-id="seoul-paris"] button');
  // The description as the browser gives it to a screen reader (its accessibility tree).
  const cdp = await t.page.context().newCDPSession(t.page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'li[data-pair-id="seoul-paris"] button' });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  assert.equal(nodes[0].name?.value, 'Seoul ↔ Paris 1991');
  assert.equal(nodes[0].description?.value, 'Seoul ↔ Paris, friendship agreement (exchange or cooperation), 1991, themes: Urban planning, Environment, Transport and mobility');
  const ids = await t.page.$$eval('li[data-pair-id]', (lis) => lis.map((li) => li.dataset.pairId));
  await t.page.focus(`li[data-pair-id="${ids[0]}"] button`);
  await t.page.keyboard.press('ArrowDown');
  await t.page.keyboard.press('ArrowDown');
  assert.equal(await t.page.evaluate(() => document.activeElement.closest('li')?.dataset.pairId), ids[2]);
  // The map highlights the focused pair.
  assert.equal(await t.page.locator(`path.pm-link.is-highlighted[data-pair-id="${ids[2]}"]`).count(), 1);
  await t.page.keyboard.press('ArrowUp');
  assert.equal(await t.page.evaluate(() => document.activeElement.closest('li')?.dataset.pairId), ids[1]);
  await t.page.keyboard.press('End');
  assert.equal(await t.page.evaluate(() => document.activeElement.closest('li')?.dataset.pairId), ids.at(-1));
  await t.page.keyboard.press('Home');
  assert.equal(await t.page.evaluate(() => document.activeElement.closest('li')?.dataset.pairId), ids[0]);
  // Enter opens the card of the focused pair.
  await t.page.keyboard.press('Enter');
  await t.page.locator(`article.pair-card[data-pair-id="${ids[0]}"]`).waitFor();
});

test('keyboard only: Tab to a filter, Space toggles it, Tab on to the list, Enter opens a card, Escape closes it and returns the focus', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en');
  const focused = () => t.page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { id: el.id, pair: el.closest('li[data-pair-id]')?.dataset.pairId ?? null, tag: el.tagName, outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
  });
  const tabUntil = async (want, max = 80) => {
    for (let i = 0; i < max; i++) {
      await t.page.keyboard.press('Tab');
      const f = await focused();
      if (want(f)) return f;
    }
    throw new Error('not reached by Tab');
  };
  // Every control on the way has a visible focus indicator.
  const seen = [];
  const filter = await tabUntil((f) => { seen.push(f); return f.id === 'region-FR-IDF'; });
  assert.ok(seen.every((f) => f.outline), JSON.stringify(seen.filter((f) => !f.outline)));
  assert.ok(filter.outline);
  await t.page.keyboard.press('Space');
  const want = expected({ regions: ['FR-IDF'] });
  await t.page.waitForFunction((n) => document.querySelector('.result-count')?.textContent.startsWith(`${n} of`), want.length);
  assert.equal((await searchParams(t.page)).region, 'FR-IDF');
  const item = await tabUntil((f) => f.pair !== null);
  assert.ok(want.includes(item.pair), item.pair);
  await t.page.keyboard.press('Enter');
  await t.page.locator(`article.pair-card[data-pair-id="${item.pair}"]`).waitFor();
  await t.page.keyboard.press('Escape');
  await t.page.locator('article.pair-card').waitFor({ state: 'detached' });
  assert.equal((await focused()).pair, item.pair);
});

test('colour is not the only carrier: markers differ by shape, and each line names its kind in words', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en&kind=twinning,friendship,cooperation,letter-of-intent,unknown,exchange,planned');
  // French circles, Korean diamonds.
  const shape = (sel) => t.page.$eval(sel, (el) => { const s = getComputedStyle(el, '::before'); return { radius: s.borderRadius, clip: s.clipPath }; });
  assert.equal((await shape('.leaflet-marker-icon[data-authority-id="fr-paris"]')).radius, '50%');
  assert.match((await shape('.leaflet-marker-icon[data-authority-id="kr-seoul"]')).clip, /polygon/);
  // Every line's hover title says its kind, as the legend words it.
  const titles = await t.page.$$eval('path[data-hit-pair-id] title', (ts) => Object.fromEntries(ts.map((x) => [x.parentElement.dataset.hitPairId, x.textContent])));
  assert.match(titles['seoul-paris'], /^Seoul ↔ Paris — Friendship/);
  assert.match(titles['gyeongbuk-grand-est'], /— Twinning/);
  assert.ok(Object.values(titles).every((x) => x.includes(' — ')), JSON.stringify(titles));
});

test('a map marker is a button: focused, Enter opens the card of its partnership, and so does Space', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en');
  const marker = t.page.locator('.leaflet-marker-icon[data-authority-id="kr-busan"]');
  assert.equal(await marker.getAttribute('role'), 'button');
  await marker.focus();
  await t.page.keyboard.press('Enter');
  const card = t.page.locator('article.pair-card');
  await card.waitFor();
  assert.match(await card.textContent(), /Busan/);
  await t.page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  // Space on a French marker (one drawn on its own, not in a group) opens a pair of that authority.
  const fr = await t.page.$eval('.leaflet-marker-icon[data-authority-id^="fr-"]:not(.is-grouped)', (e) => e.dataset.authorityId);
  await t.page.locator(`.leaflet-marker-icon[data-authority-id="${fr}"]`).focus();
  await t.page.keyboard.press(' ');
  await card.waitFor();
  const pair = await card.getAttribute('data-pair-id');
  assert.ok(DATA.partnerships.find((p) => p.id === pair).authorities.includes(fr), `${pair} is a pair of ${fr}`);
});

test('prefers-reduced-motion: the world map zooms and moves without animation', async () => {
  for (const reduce of [false, true]) {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    await t.page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
    await openMap(t.page, t.env.url, '?lang=en&view=world');
    // Counts the frames in which a zoom is being animated.
    await t.page.evaluate(() => {
      window.__animated = 0;
      const tick = () => { if (document.querySelector('.leaflet-zoom-anim')) window.__animated++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await t.page.locator('.leaflet-control-zoom-in').click();
    await t.page.waitForTimeout(600);
    await t.page.locator('li[data-pair-id="seoul-paris"] button').click();
    await t.page.locator('article.pair-card').waitFor();
    await t.page.waitForTimeout(600);
    const animated = await t.page.evaluate(() => window.__animated);
    if (reduce) assert.equal(animated, 0, 'nothing moves by itself');
    else assert.ok(animated > 0, 'the zoom is animated when motion is welcome');
    await t.page.close();
  }
});

for (const [width, height, lang] of [[1280, 800, 'ko'], [390, 844, 'fr']]) {
  test(`axe: no violation with the Share drawer open, after saving a PNG, in ${lang} at ${width}×${height}`, async () => {
    t.page = await newPage(t.env, { width, height });
    await openMap(t.page, t.env.url, `?lang=${lang}`);
    await t.page.locator('.share-panel summary').click();
    const download = t.page.waitForEvent('download');
    await t.page.locator('.share-png').click();
    await download;
    await t.page.locator('.share-png-status').filter({ hasText: /\S/ }).waitFor();
    assert.deepEqual(await violations(t.page), []);
  });
}

for (const lang of ['fr', 'ko', 'en']) {
  test(`axe: no violation in kiosk mode (card, status, QR code) in ${lang} at 1920×1080, with a tour caption, and with the control bar and the filters`, async () => {
    t.page = await newPage(t.env, { width: 1920, height: 1080 });
    await openMap(t.page, t.env.url, `?mode=kiosk&dwell=3600&lang=${lang}`);
    await t.page.locator('.kiosk-card').waitFor();
    assert.deepEqual(await violations(t.page), []);
    await t.page.goto(`${t.env.url}?mode=kiosk&dwell=3600&lang=${lang}&tour=tours%2Fexample.json`);
    await ready(t.page);
    await t.page.locator('.kiosk-caption').waitFor();
    assert.deepEqual(await violations(t.page), []);
    // The presenter's control bar (issue 16), then the filters it brings.
    await t.page.keyboard.press('c');
    await t.page.locator('.kiosk-controls').waitFor();
    assert.deepEqual(await violations(t.page), []);
    await t.page.locator('.kiosk-controls button[aria-pressed]').filter({ hasText: { fr: 'Filtres', ko: '필터', en: 'Filters' }[lang] }).click();
    await t.page.locator('.filters-column').waitFor();
    assert.deepEqual(await violations(t.page), []);
  });
}

test('axe: no violation in a 4K kiosk with the control bar open', async () => {
  t.page = await newPage(t.env, { width: 3840, height: 2160 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=3600&lang=ko&tour=tours%2Fexample.json');
  await t.page.locator('.kiosk-caption').waitFor();
  await t.page.keyboard.press('c');
  await t.page.locator('.kiosk-controls').waitFor();
  assert.deepEqual(await violations(t.page), []);
});

for (const [width, height, lang] of [[640, 460, 'fr'], [640, 460, 'ko'], [300, 300, 'en'], [300, 300, 'ko']]) {
  test(`axe: no violation in an embed of ${width}×${height} in ${lang}, fresh, with its list, and with a card opened from the list`, async () => {
    t.page = await newPage(t.env, { width, height });
    await openMap(t.page, t.env.url, `?embed=1&lang=${lang}`);
    assert.deepEqual(await violations(t.page), []);
    await t.page.locator('.embed-toggle').click();
    await t.page.locator('.list-column').waitFor();
    assert.deepEqual(await violations(t.page), []);
    await t.page.locator('li[data-pair-id="busan-cannes"] button').click();
    await t.page.locator('article.pair-card').waitFor();
    assert.deepEqual(await violations(t.page), []);
  });
}
