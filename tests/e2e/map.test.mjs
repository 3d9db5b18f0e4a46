// The map draws the data, and the map, the card and the list agree on what is selected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authority, countText, DATA, DEFAULT_PAIRS, drawable, drawnLinks, isolatedPointOfLink, kindOption, listedPairs, markersOf, newPage, openMap, pairOfFrench, placeOf, searchParams, settled, useBrowser, ready } from './support.mjs';

const t = useBrowser();

test('every agreement is drawn and listed, French and Korean authorities distinguished', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const markers = markersOf(DEFAULT_PAIRS);
  assert.ok(DEFAULT_PAIRS.length >= 12 && markers.length >= 24, 'at least the flyer\'s 12 pairs and 24 authorities');
  const shown = await t.page.$$eval('.leaflet-marker-icon[data-authority-id]', (els) => els.map((e) => e.dataset.authorityId).sort());
  assert.deepEqual(shown, markers);
  const fr = markers.filter((id) => authority(id).country === 'FR').length;
  assert.equal(await t.page.locator('.leaflet-marker-icon[data-authority-id].pm-marker--fr').count(), fr);
  assert.equal(await t.page.locator('.leaflet-marker-icon[data-authority-id].pm-marker--kr').count(), markers.length - fr);
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  assert.deepEqual(await listedPairs(t.page), DEFAULT_PAIRS);
  assert.equal(await t.page.locator('.result-count').textContent(), countText(DEFAULT_PAIRS));
  // The bundled basemap is drawn: country shapes (laid a few at a time after the first frame,
  // nearest first), no tile images.
  await t.page.waitForFunction(() => document.querySelectorAll('path.pm-land').length > 50, null, { timeout: 10000 });
  assert.equal(await t.page.locator('img.leaflet-tile').count(), 0);
  // Both countries are in the initial view.
  const box = await t.page.locator('.map').boundingBox();
  for (const id of ['fr-paris', 'fr-nice', 'kr-seoul', 'kr-jeju']) {
    // (Where it really is, when it is in a group marker.)
    const m = await placeOf(t.page, id);
    assert.ok(m.x >= box.x && m.x <= box.x + box.width && m.y >= box.y && m.y <= box.y + box.height, `${id} in view`);
  }
  // Each link is styled by its agreement kind (or as unknown).
  for (const id of drawable(DEFAULT_PAIRS)) {
    const p = DATA.partnerships.find((x) => x.id === id);
    const cls = await t.page.locator(`path.pm-link[data-pair-id="${p.id}"]`).getAttribute('class');
    assert.ok(cls.includes(`pm-link--${kindOption(p)}`), `${p.id}: ${cls}`);
  }
  // No request left the origin.
  const origin = new URL(t.env.url).origin;
  assert.deepEqual(t.page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
});

test('clicking each line opens the card of that partnership, with its sources', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  for (const p of DATA.partnerships.filter((x) => drawable(DEFAULT_PAIRS).includes(x.id))) {
    // The map frames itself again after each card: aim once it stands still.
    await settled(t.page);
    let pt = await isolatedPointOfLink(t.page, p.id);
    // A line that runs along others the whole way (the pairs between the two capital regions)
    // is told apart as a person would: a click on the group at one of its ends zooms in there.
    let zoomed = false;
    for (let i = 0; !pt && i < 6; i++) {
      const group = t.page.locator(p.authorities.map((a) => `.pm-group[data-members~="${a}"]`).join(', ')).first();
      if (!(await group.count())) break;
      await group.click();
      await settled(t.page);
      zoomed = true;
      pt = await isolatedPointOfLink(t.page, p.id);
    }
    assert.ok(pt, `${p.id} has a visible point${zoomed ? ' once zoomed in on its ends' : ''}`);
    await t.page.mouse.click(pt.x, pt.y);
    const card = t.page.locator(`article.pair-card[data-pair-id="${p.id}"]`);
    await card.waitFor({ timeout: 3000 });
    assert.equal((await searchParams(t.page)).pair, p.id);
    const hrefs = await card.locator('.pair-card-body > ul.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = p.sources.filter((s) => s.url).map((s) => s.url);
    assert.deepEqual(hrefs, expected, `${p.id} sources`);
    // The selection shows on the map and in the list.
    assert.match(await t.page.locator(`path.pm-link[data-pair-id="${p.id}"]`).getAttribute('class'), /is-selected/);
    assert.match(await t.page.locator(`li[data-pair-id="${p.id}"]`).getAttribute('class'), /is-selected/);
    const [kr, fr] = p.authorities;
    for (const a of [kr, fr].filter((id) => authority(id).location)) assert.match(await t.page.locator(`[data-authority-id="${a}"].leaflet-marker-icon`).getAttribute('class'), /is-selected/);
    await t.page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    // A map zoomed by hand keeps its frame: start the next line from the first view.
    if (zoomed) await openMap(t.page, t.env.url, '?lang=en');
  }
});

test('the card gives both names in both scripts, the kind, the year or "unknown", and the themes', async () => {
  t.page = await newPage(t.env);
  const seoulParis = pairOfFrench('Paris');
  await openMap(t.page, t.env.url, `?lang=en&pair=${seoulParis}`);
  const card = t.page.locator('article.pair-card');
  await card.waitFor();
  const text = await card.innerText();
  for (const s of ['Seoul', '서울특별시', 'Paris', '파리', '1991', 'Urban planning']) assert.ok(text.includes(s), `card mentions ${s}`);
  assert.match(await card.locator('.pair-kind').innerText(), /friendship/i);

  // A pair whose year and kind are unknown says so.
  const versailles = pairOfFrench('Versailles');
  await t.page.goto(`${t.env.url}?lang=en&pair=${versailles}`);
  await ready(t.page);
  await t.page.locator(`article.pair-card[data-pair-id="${versailles}"]`).waitFor();
  assert.equal((await t.page.locator('.pair-year').innerText()).trim(), 'unknown');
  assert.equal((await t.page.locator('.pair-kind').innerText()).trim(), 'unknown');
  assert.equal((await t.page.locator('.pair-themes').innerText()).trim(), 'unknown');
});

test('choosing an item of the list selects its pair and moves the map to it', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const id = pairOfFrench('Limoges');
  const before = await t.page.locator(".leaflet-marker-icon[data-authority-id=\"fr-limoges\"]").boundingBox();
  await t.page.locator(`li[data-pair-id="${id}"] button`).click();
  await t.page.locator(`article.pair-card[data-pair-id="${id}"]`).waitFor();
  await settled(t.page);
  const after = await t.page.locator(".leaflet-marker-icon[data-authority-id=\"fr-limoges\"]").boundingBox();
  assert.ok(Math.hypot(after.x - before.x, after.y - before.y) > 20, 'the map moved');
  // Both ends are in view and not hidden under the card.
  const map = await t.page.locator('.map').boundingBox();
  const card = await t.page.locator('article.pair-card').boundingBox();
  for (const a of ['fr-limoges', 'kr-icheon']) {
    const m = await t.page.locator(`.leaflet-marker-icon[data-authority-id="${a}"]`).boundingBox();
    assert.ok(m.x > map.x && m.x < map.x + map.width && m.y > map.y && m.y < map.y + map.height, `${a} in view`);
    assert.ok(m.x > card.x + card.width || m.y + m.height < card.y, `${a} not under the card`);
  }
});

test('clicking a marker selects a partnership of that authority', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  await t.page.locator('.leaflet-marker-icon[data-authority-id="fr-nantes"]').click();
  await t.page.locator(`article.pair-card[data-pair-id="${pairOfFrench('Nantes')}"]`).waitFor();
});

test('keyboard: Enter on a list item opens the card, Escape closes it and returns focus', async () => {
  t.page = await newPage(t.env);
  await openMap(t.page, t.env.url, '?lang=en');
  const id = pairOfFrench('Nantes');
  await t.page.focus(`li[data-pair-id="${id}"] button`);
  await t.page.keyboard.press('Enter');
  await t.page.locator('article.pair-card').waitFor();
  await t.page.keyboard.press('Escape');
  await t.page.locator('article.pair-card').waitFor({ state: 'detached' });
  assert.equal(await t.page.evaluate(() => document.activeElement.closest('li')?.dataset.pairId), id);
  assert.equal((await searchParams(t.page)).pair, undefined);
});
