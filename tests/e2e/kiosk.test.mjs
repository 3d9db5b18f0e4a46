// Issue 8: the pavilion's big screen (`mode=kiosk`): the attract loop, input stopping it, the
// idle reset, every clicker key, a tour file walked step by step, the QR code to phones, and
// the timeline's playback (all modes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DATA, DEFAULT_PAIRS, decodeQr, drawable, expected, newPage, openMap, ROOT, saveScreenshot, searchParams, useBrowser } from './support.mjs';

const t = useBrowser();
const TOUR = JSON.parse(fs.readFileSync(path.join(ROOT, 'public', 'tours', 'example.json'), 'utf8'));

/** The attract loop's order: the list's pairs by year, oldest first, unknown years last, each
 * year in the list's order (the data's default list: `DEFAULT_PAIRS`). */
const year = (id) => DATA.partnerships.find((p) => p.id === id).year;
let ORDER = [];
async function loopOrder(page) {
  const listed = await page.$$eval('li[data-pair-id]', (lis) => lis.map((li) => li.dataset.pairId));
  assert.deepEqual([...listed].sort(), [...DEFAULT_PAIRS].sort());
  ORDER = listed.sort((a, b) => (year(a) ?? 1e9) - (year(b) ?? 1e9));
}

const shownPair = (page) => page.locator('.kiosk-card').getAttribute('data-pair-id', { timeout: 5000 });
/** Waits until the card shows `id`. */
const cardShows = (page, id, timeout = 5000) => page.waitForSelector(`.kiosk-card[data-pair-id="${id}"]`, { timeout });
const running = (page) => page.locator('.kiosk-status').evaluate((e) => e.classList.contains('is-running'));

test('the attract loop moves from pair to pair by year, each with a big card in French and Korean and a QR code to the same pair for phones', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=1&lang=fr&qr=https%3A%2F%2Fexample.org%2Fcarte%2F');
  await loopOrder(t.page);
  const entries = await t.page.evaluate(() => history.length);
  // Ready, it walks the list in year order, one pair a second, on its own.
  const first = ORDER.indexOf(await shownPair(t.page));
  assert.ok(first >= 0);
  await cardShows(t.page, ORDER[first + 1], 3000);
  await cardShows(t.page, ORDER[first + 2], 3000);
  assert.equal(await running(t.page), true);
  // The card: both ends in both scripts, kind, year and themes in French and Korean.
  await t.page.keyboard.press('Home');
  await t.page.keyboard.press('PageDown');
  await cardShows(t.page, ORDER[0]);
  const card = t.page.locator('.kiosk-card');
  const seoulParis = DATA.partnerships.find((p) => p.id === ORDER[0]);
  assert.equal(seoulParis.id, 'seoul-paris', 'the oldest agreement comes first');
  for (const text of ['서울특별시', 'Séoul', 'Paris', '파리', '1991', "Accord ou pacte d'amitié", '우호교류·우호협력', 'Urbanisme', '도시계획', 'Premier accord', '최초 협정']) {
    assert.ok((await card.textContent()).includes(text), `${text} on the card`);
  }
  assert.equal(await t.page.locator('.kiosk-position').textContent(), `1 / ${ORDER.length}`);
  assert.equal(await decodeQr(t.page, '.kiosk-qr svg'), 'https://example.org/carte/?pair=seoul-paris&lang=fr');
  // Big type for a screen read from a few metres.
  const size = await t.page.locator('.kiosk-name').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 40, `${size} px names`);
  // The share, embed and data chrome is gone.
  for (const sel of ['.share-panel', '.embed-builder-open', '.data-menu']) assert.equal(await t.page.locator(sel).isVisible(), false, sel);
  // No history entry per step.
  assert.equal(await t.page.evaluate(() => history.length), entries);
  await saveScreenshot(t.page, 'kiosk-1920');
});

test('a touch, a click or a key stops the loop; left alone for idle= seconds, filters, view and selection come back and the loop resumes', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=1&idle=3&lang=en');
  await loopOrder(t.page);
  await t.page.waitForSelector('.kiosk-card');
  // A visitor opens the control bar (the corner button), brings the filters and picks a region,
  // then the world view: the loop stops where it is.
  const bar = t.page.locator('.kiosk-controls');
  await t.page.getByRole('button', { name: 'Controls' }).click();
  await bar.getByRole('button', { name: 'Filters', exact: true }).click();
  await t.page.locator('label[for="region-FR-IDF"]').click();
  await t.page.getByRole('button', { name: 'Controls' }).click();
  await bar.getByRole('button', { name: 'World' }).click();
  assert.equal(await running(t.page), false);
  const params = await searchParams(t.page);
  assert.equal(params.region, 'FR-IDF');
  assert.equal(params.view, 'world');
  const held = await shownPair(t.page);
  await t.page.waitForTimeout(1800);
  assert.equal(await shownPair(t.page).catch(() => null), held, 'no step while the visitor is there');
  assert.ok((await t.page.locator('.kiosk-status').textContent()).startsWith('Paused'));
  // A key press also counts as presence: the reset waits for the last input.
  await t.page.keyboard.press('Shift');
  await t.page.waitForTimeout(1500);
  assert.equal(await running(t.page), false);
  // Then nobody: the kiosk's own state and the loop again, from its start.
  await t.page.waitForFunction(() => document.querySelector('.kiosk-status')?.classList.contains('is-running'), null, { timeout: 6000 });
  const back = await searchParams(t.page);
  assert.equal(back.region, undefined);
  assert.equal(back.view, undefined);
  assert.equal(await t.page.locator('.map').getAttribute('data-view'), 'twin');
  assert.equal(await t.page.locator('.filters-column').isVisible(), false, 'the filters are off screen again');
  assert.ok(ORDER.slice(0, 3).includes(back.pair), `${back.pair} is at the loop's start`);
  await cardShows(t.page, ORDER[ORDER.indexOf(back.pair) + 1], 3000);
});

test('the clicker: PageDown, → and Space go on; PageUp and ← go back; Home shows everything; f full screen; b and . blank the screen; Escape leaves the card; c brings the control bar', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=60&lang=en');
  await loopOrder(t.page);
  await cardShows(t.page, ORDER[0]);
  const press = async (key, id) => { await t.page.keyboard.press(key); await cardShows(t.page, id); };
  await press('PageDown', ORDER[1]);
  await press('ArrowRight', ORDER[2]);
  await press('Space', ORDER[3]);
  await press('PageUp', ORDER[2]);
  await press('ArrowLeft', ORDER[1]);
  // Back from the first goes round to the last.
  await press('PageUp', ORDER[0]);
  await press('PageUp', ORDER[ORDER.length - 1]);
  await t.page.keyboard.press('Home');
  await t.page.waitForSelector('.kiosk-card', { state: 'detached' });
  assert.equal((await searchParams(t.page)).pair, undefined);
  await press('PageDown', ORDER[0]);
  await t.page.keyboard.press('f');
  await t.page.waitForFunction(() => document.fullscreenElement === document.documentElement);
  await t.page.keyboard.press('f');
  await t.page.waitForFunction(() => document.fullscreenElement === null);
  await t.page.keyboard.press('b');
  assert.equal(await t.page.locator('.kiosk-blank').isVisible(), true);
  const blank = await t.page.locator('.kiosk-blank').boundingBox();
  assert.deepEqual([blank.width, blank.height], [1920, 1080]);
  await t.page.keyboard.press('.');
  assert.equal(await t.page.locator('.kiosk-blank').isVisible(), false);
  await t.page.keyboard.press('Escape');
  await t.page.waitForSelector('.kiosk-card', { state: 'detached' });
  // Typing in the search box (brought with the filters by the control bar) is typing, not a
  // clicker: neither a blank screen nor the control bar.
  await t.page.keyboard.press('c');
  await t.page.locator('.kiosk-controls').getByRole('button', { name: 'Filters', exact: true }).click();
  await t.page.locator('.kiosk-controls').waitFor({ state: 'detached' });
  await t.page.locator('#search-input').pressSequentially('seoul b.c');
  assert.equal(await t.page.locator('#search-input').inputValue(), 'seoul b.c');
  assert.equal((await searchParams(t.page)).pair, undefined);
  assert.equal(await t.page.locator('.kiosk-blank').isVisible(), false);
  assert.equal(await t.page.locator('.kiosk-controls').count(), 0);
});

test('a tour file: the clicker walks its steps (filters, view, pair) with their captions in French and Korean; a broken file says where', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=60&lang=fr&tour=tours%2Fexample.json');
  const caption = t.page.locator('.kiosk-caption');
  const steps = TOUR.steps;
  for (let i = 0; i < steps.length; i++) {
    if (i > 0) await t.page.keyboard.press('PageDown');
    await caption.filter({ hasText: steps[i].caption.fr }).waitFor();
    assert.ok((await caption.textContent()).includes(steps[i].caption.ko), `step ${i} in Korean`);
    const params = await searchParams(t.page);
    const want = Object.fromEntries(new URLSearchParams(steps[i].filters ?? ''));
    for (const [k, v] of Object.entries(want)) assert.equal(params[k], v, `step ${i}: ${k}`);
    assert.equal(params.view, steps[i].view, `step ${i}: view`);
    assert.equal(params.pair, steps[i].pair, `step ${i}: pair`);
    assert.equal(params.mode, 'kiosk');
    assert.equal(params.tour, 'tours/example.json');
    // What the step shows: its filters' pairs, as a count.
    const shown = expected({ regions: want.region ? want.region.split(',') : [], from: want.from ? Number(want.from) : null });
    assert.equal(Number(await t.page.locator('.result-count').getAttribute('data-visible')), shown.length, `step ${i}`);
    assert.equal(await t.page.locator('.map').getAttribute('data-view'), steps[i].view ?? 'twin');
    if (steps[i].pair) await cardShows(t.page, steps[i].pair);
    assert.equal(await t.page.locator('.kiosk-position').count(), steps[i].pair ? 1 : 0);
    if (i === 1) await saveScreenshot(t.page, 'kiosk-tour-1920');
  }
  // Round to the first step again.
  await t.page.keyboard.press('PageDown');
  await caption.filter({ hasText: steps[0].caption.fr }).waitFor();

  // A broken tour: each problem located, the valid steps still walked.
  const page = await newPage(t.env, { width: 1920, height: 1080 });
  await page.route('**/tours/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify({ steps: [{ pair: 'no-such-pair', caption: { fr: 'Un' } }, 'oops', { view: 'world', caption: { fr: 'Trois' } }] }) }));
  await openMap(page, t.env.url, '?mode=kiosk&dwell=60&lang=en&tour=tours%2Fbroken.json');
  const problems = page.locator('.kiosk-problems');
  await problems.waitFor();
  assert.ok((await problems.textContent()).includes('Problems in the tour file'));
  await problems.locator('summary').click();
  const listed = await problems.locator('.problem-path').allTextContents();
  assert.deepEqual(listed, ['tour.steps[0].pair', 'tour.steps[1]']);
  await page.locator('.kiosk-caption').filter({ hasText: 'Un' }).waitFor();
  await page.keyboard.press('PageDown');
  await page.locator('.kiosk-caption').filter({ hasText: 'Trois' }).waitFor();
  await page.context().close();
});

test('a kiosk on a 4K screen: type and targets scale with it', async () => {
  t.page = await newPage(t.env, { width: 3840, height: 2160 });
  await openMap(t.page, t.env.url, '?mode=kiosk&dwell=60&lang=ko');
  await t.page.waitForSelector('.kiosk-card');
  const [root, name] = await t.page.evaluate(() => [getComputedStyle(document.documentElement).fontSize, getComputedStyle(document.querySelector('.kiosk-name')).fontSize].map(parseFloat));
  assert.ok(root >= 36 && name >= 80, `${root} / ${name}`);
  const target = await t.page.locator('.leaflet-marker-icon:not(.is-grouped)').first().boundingBox();
  assert.ok(target.width >= 88 && target.height >= 88, `targets grow with the type: ${JSON.stringify(target)}`);
  // Once the map has flown to the pair.
  await t.page.waitForTimeout(1200);
  await saveScreenshot(t.page, 'kiosk-3840');
});

test('timeline playback: play from the first agreement, each year adds its agreements to the map until this year; pause; the slider scrubs; slower with reduced motion', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en&panel=timeline');
  const entries = await t.page.evaluate(() => history.length);
  const slider = t.page.getByRole('slider', { name: 'Year shown' });
  const thisYear = new Date().getFullYear();
  assert.equal(await slider.getAttribute('max'), String(thisYear));
  const firstYear = Math.min(...DATA.partnerships.map((p) => p.year).filter((y) => y !== null));
  assert.equal(await slider.getAttribute('min'), String(firstYear));
  // Scrub: the links of the agreements up to that year, not one more.
  for (const y of [firstYear, 2009, 2016]) {
    await slider.fill(String(y));
    const want = drawable(expected({ to: y, unknown: false }));
    await t.page.waitForFunction((n) => new Set([...document.querySelectorAll('path.pm-link[data-pair-id]')].map((p) => p.dataset.pairId)).size === n, want.length);
    assert.equal(await t.page.locator('.player-year').textContent(), String(y));
    assert.equal((await searchParams(t.page)).to, String(y));
  }
  // Play from the first agreement's year at the fastest speed (the slider at its end: playing
  // starts over), recording what the map draws at each year shown.
  await slider.fill(String(thisYear));
  await t.page.getByLabel('Speed').selectOption('500');
  await t.page.evaluate(() => {
    window.__steps = [];
    const out = document.querySelector('.player-year');
    new MutationObserver(() => requestAnimationFrame(() => window.__steps.push([Number(out.textContent),
      new Set([...document.querySelectorAll('path.pm-link[data-pair-id]')].map((p) => p.dataset.pairId)).size]))).observe(out, { childList: true, characterData: true, subtree: true });
  });
  await t.page.getByRole('button', { name: 'Play' }).click();
  assert.equal(await t.page.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed'), 'true');
  await t.page.waitForFunction(() => window.__steps.length > 0);
  await t.page.waitForFunction((y) => document.querySelector('.player-year').textContent === String(y), thisYear, { timeout: 60000 });
  await t.page.getByRole('button', { name: 'Play' }).waitFor();
  const steps = await t.page.evaluate(() => window.__steps);
  assert.deepEqual(steps.map(([y]) => y), Array.from({ length: thisYear - firstYear + 1 }, (_, i) => firstYear + i), 'every year once, in order');
  assert.deepEqual(steps, steps.map(([y]) => [y, drawable(expected({ to: y, unknown: false })).length]), 'the links of each year');
  // Each year's events are listed with it.
  // (An event spanning several years is one of each.)
  const span = (e) => [Number(e.date.slice(0, 4)), Number((e.end_date ?? e.date).slice(0, 4))];
  const events2016 = DATA.events.filter((e) => span(e)[0] <= 2016 && 2016 <= span(e)[1]).length;
  assert.ok(events2016 > 3);
  await slider.fill('2016');
  assert.equal(await t.page.locator('.player-events li').count(), events2016);
  // Pause stops it where it is.
  await t.page.getByRole('button', { name: 'Play' }).click();
  await t.page.waitForTimeout(700);
  await t.page.getByRole('button', { name: 'Pause' }).click();
  const stoppedAt = await t.page.locator('.player-year').textContent();
  await t.page.waitForTimeout(1200);
  assert.equal(await t.page.locator('.player-year').textContent(), stoppedAt);
  assert.ok(Number(stoppedAt) > 2016 && Number(stoppedAt) < thisYear, stoppedAt);
  // Playing writes no history entry per year.
  assert.equal(await t.page.evaluate(() => history.length), entries);

  const calm = await newPage(t.env, { width: 1280, height: 800 });
  await calm.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(calm, t.env.url, '?lang=en&panel=timeline');
  assert.equal(await calm.getByLabel('Speed').inputValue(), '2000');
  await calm.context().close();
});
