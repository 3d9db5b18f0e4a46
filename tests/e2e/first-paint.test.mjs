// Issue 19 ("a static first paint"): index.html carries the title, the count and the list of
// partnerships, written at build time from the data (src/domain/first_paint.rs), so that they are
// read before the wasm has arrived, and with JavaScript off. Not timed here (`make bench` times
// it): what is checked is what a person reads, and that it is the app's own list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authority, countText, DATA, DEFAULT_PAIRS, kindOption, newPage, saveScreenshot, TOTAL, useBrowser, useEmbed, ready } from './support.mjs';

const t = useBrowser();

const TITLE = 'Carte des partenariats franco-coréens';
const AGREEMENT = (p) => p.status === 'signed' || p.status === 'listed';
/** How the app's French list names a pair, computed the simple way: the Korean authority's
 *  French name (its English one without it), then the French authority's. */
const frenchName = (id) => { const a = authority(id); return a.name.fr ?? a.name.en; };
const named = (p) => ({ id: p.id, name: `${frenchName(p.authorities[0])} ↔ ${frenchName(p.authorities[1])}` });
/** The pairs the map lists when it opens (agreements, in the data's order), then the others. */
const OPENING = DATA.partnerships.filter(AGREEMENT).map(named);
const OTHERS = DATA.partnerships.filter((p) => !AGREEMENT(p)).map(named);
/** Every option of the "kind / status" filter: the app then lists every pair. */
const EVERY_KIND = [...new Set(DATA.partnerships.map(kindOption))].join(',');

/** The static lists as the page has them: each item's pair and name, in order. */
const staticList = (page, selector) =>
  page.$$eval(selector, (items) => items.map((li) => ({ id: li.dataset.pair, name: li.querySelector('.first-paint-title').textContent })));
const OPENING_ITEMS = '.first-paint > .first-paint-list > li';
const OTHER_ITEMS = '.first-paint-others .first-paint-list > li';
/** The app's list, in order. */
const appList = (page) =>
  page.$$eval('li[data-pair-id]', (items) => items.map((li) => ({ id: li.dataset.pairId, name: li.querySelector('.pair-item-title').textContent })));

/** A page whose wasm (the app's, or the embed's) is held back until `release()`: the first
 * paint stays as it is. */
async function heldPage(size) {
  const page = await newPage(t.env, { locale: 'fr-FR', ...size });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/pkg\/partnership_map(_embed|_first)?_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  // And the full map's first view's page, which is built before its wasm has come.
  await page.route(/\/first-view-[a-z]+-[a-z]+\.json$/, async (route) => { await held; await route.continue(); });
  return { page, release };
}

/** Where the first paint's pieces are, with the app's stylesheets applied (`media` "all", as
 * boot.js leaves them) or not ("print", as index.html loads them). */
const firstPaintBoxes = (page, media) => page.evaluate((media) => {
  for (const link of document.querySelectorAll('link[data-app-style]')) link.media = media;
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].map(Math.round); };
  const pieces = ['h1', '.app-subtitle', '.status-screen', '.first-paint-count', '.first-paint-list > li', '.first-paint-title', '.first-paint-detail'];
  return Object.fromEntries(pieces.map((s) => [s, box(document.querySelector(s))]));
}, media);

/** Nothing wider than the screen, so nothing to scroll sideways to. */
const fitsTheWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const size of [{ width: 390, height: 844, touch: true }, { width: 1920, height: 1080 }]) {
  test(`with JavaScript off (${size.width}×${size.height}), the page is the title, the count and every partnership, and says the map needs JavaScript`, async () => {
    const context = await t.env.browser.newContext({ javaScriptEnabled: false, viewport: { width: size.width, height: size.height }, isMobile: !!size.touch, hasTouch: !!size.touch, locale: 'fr-FR' });
    t.page = await context.newPage();
    t.page.errors = [];
    t.page.on('console', (m) => { if (m.type() === 'error') t.page.errors.push(m.text()); });
    await t.page.goto(t.env.url);
    const page = t.page;
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
    const count = page.locator('.first-paint-count');
    assert.equal(await count.innerText(), countText(DEFAULT_PAIRS, { lang: 'fr' }));
    assert.deepEqual(await staticList(page, OPENING_ITEMS), OPENING);
    assert.deepEqual(await staticList(page, OTHER_ITEMS), OTHERS);
    assert.equal(OPENING.length + OTHERS.length, TOTAL, 'every partnership is listed');
    // Kind or status and year, "unknown" where the data has none.
    const seoul = page.locator('li[data-pair="seoul-paris"] .first-paint-detail');
    assert.equal(await seoul.innerText(), `${DATA.agreement_kinds.find((k) => k.id === 'friendship').label.fr} · 1991`);
    const undated = DATA.partnerships.find((p) => p.year === null).id;
    assert.match(await page.locator(`li[data-pair="${undated}"] .first-paint-detail`).innerText(), / · année inconnue$/);
    // The note says why there is no map; the loading status (it would spin for ever) is gone.
    const note = page.locator('.noscript-note');
    assert.ok(await note.isVisible());
    assert.match(await note.innerText(), /La carte interactive a besoin de JavaScript/);
    assert.equal(await page.locator('.status-screen').isVisible(), false);
    // A readable page: the title and the count on the first screen, every item visible, nothing
    // to scroll sideways.
    assert.ok((await count.boundingBox()).y + 30 < size.height, 'the count on the first screen');
    for (const li of await page.locator('.first-paint-list > li').all()) assert.ok(await li.isVisible());
    assert.ok(await fitsTheWidth(page));
    await saveScreenshot(page, `first-paint-nojs-${size.width}`);
  });

  test(`before the wasm arrives (${size.width}×${size.height}), the first paint and the loading status show; the app's list is then the same pairs in the same order, and the first paint is gone`, async () => {
    const { page, release } = await heldPage(size);
    t.page = page;
    await page.goto(t.env.url + '?lang=fr');
    await page.locator(OPENING_ITEMS).first().waitFor();
    assert.equal(await page.getAttribute('html', 'data-state'), 'loading');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), TITLE);
    const status = page.getByRole('status').filter({ hasText: 'Chargement de la carte' });
    assert.ok(await status.isVisible(), 'the loading status shows with the list');
    assert.equal(await page.locator('.noscript-note').count(), 0, 'no noscript note with JavaScript on');
    assert.ok(await fitsTheWidth(page));
    const opening = await staticList(page, OPENING_ITEMS);
    const others = await staticList(page, OTHER_ITEMS);
    await saveScreenshot(page, `first-paint-loading-${size.width}`);
    // Only first-paint.css holds up the first paint; boot.js then applies the app's stylesheets
    // (style.css, Leaflet's), which must move nothing of it.
    assert.deepEqual(await firstPaintBoxes(page, 'print'), await firstPaintBoxes(page, 'all'), 'the app\'s stylesheets move nothing');

    release();
    await ready(page);
    const app = await appList(page);
    assert.equal(app.length, opening.length, 'same count');
    assert.deepEqual(app, opening, 'same pairs, same names, same order');
    assert.equal(await page.locator('.result-count').innerText(), countText(DEFAULT_PAIRS, { lang: 'fr' }), 'the count the first paint said');
    // The first paint is gone: one title, one list, nothing read twice.
    assert.equal(await page.locator('.first-paint, .first-paint-header, [data-pair]').count(), 0);
    assert.equal(await page.locator('h1').count(), 1);

    // The others are the app's too: with every kind chosen it lists all the pairs in the data's
    // order, the first paint's two lists interleaved as the data has them.
    await page.goto(`${t.env.url}?lang=fr&kind=${EVERY_KIND}`);
    await ready(page);
    const every = await appList(page);
    assert.deepEqual(every, DATA.partnerships.map(named));
    const otherIds = new Set(others.map((p) => p.id));
    assert.deepEqual(every.filter((p) => !otherIds.has(p.id)), opening);
    assert.deepEqual(every.filter((p) => otherIds.has(p.id)), others);
  });
}

test('an embed: the first paint reads until the app starts, then the app replaces it', async () => {
  const { page, release } = await heldPage({ width: 640, height: 460 });
  t.page = page;
  await page.goto(`${t.env.url}?embed=1&lang=fr`);
  await page.locator(OPENING_ITEMS).first().waitFor();
  assert.ok(await page.getByRole('heading', { level: 1 }).isVisible());
  assert.ok(await fitsTheWidth(page));
  await saveScreenshot(page, 'first-paint-loading-embed-640');
  release();
  // The embed's first view (src/first.rs) replaces the first paint; its interface, on first use, the first view.
  await useEmbed(page);
  await ready(page);
  assert.equal(await page.locator('.first-paint, .first-paint-header, [data-pair]').count(), 0);
});

// The first paint is the opening view: an address asking for another (a partner's embed showing
// its own region, a search, another order, the timeline, the kiosk) shows the title and the
// loading bar only, never a list that the app then replaces with another.
for (const [what, query, size, shows] of [
  ['an embed showing one region', '?embed=1&lang=fr&region=FR-IDF', { width: 640, height: 460 }, 9],
  ['a search', '?lang=fr&q=Nice', { width: 390, height: 844, touch: true }, 1],
  ['another order', '?lang=fr&sort=newest', { width: 1280, height: 800 }, 28],
  ['the kiosk', '?mode=kiosk&lang=fr', { width: 1920, height: 1080 }, null],
]) {
  test(`${what}: the first paint shows the title and the loading bar, not the opening view's list; then the app's own view`, async () => {
    const { page, release } = await heldPage(size);
    t.page = page;
    await page.goto(t.env.url + query);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(await page.locator('.status-screen').isVisible(), 'the loading bar');
    assert.equal(await page.locator(OPENING_ITEMS).count(), 28, 'the list is in the page (for JavaScript off)');
    assert.equal(await page.locator(OPENING_ITEMS).first().isVisible(), false, 'but not shown');
    assert.equal(await page.locator('.first-paint-count').isVisible(), false, 'nor its count');
    assert.ok(await fitsTheWidth(page));
    await saveScreenshot(page, `first-paint-other-view-${size.width}`);
    release();
    await ready(page);
    assert.equal(await page.locator('.first-paint, .first-paint-header, [data-pair]').count(), 0);
    if (shows !== null) assert.equal(await page.locator('.result-count').first().getAttribute('data-visible'), String(shows));
  });
}

// And the opening view in another language or view still starts with the list.
test("the world view in Korean: the first paint's list shows (the same pairs as the app's opening view)", async () => {
  const { page, release } = await heldPage({ width: 1280, height: 800 });
  t.page = page;
  await page.goto(`${t.env.url}?lang=ko&view=world`);
  await page.locator(OPENING_ITEMS).first().waitFor();
  assert.equal(await page.locator(OPENING_ITEMS).count(), 28);
  release();
  await ready(page);
  assert.deepEqual((await appList(page)).map((p) => p.id), OPENING.map((p) => p.id));
});
