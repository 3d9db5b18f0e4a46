// Issue 4: the twin view (two maps, links across the gutter), the world view, and what they share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA, DEFAULT_PAIRS, drawable, drawnLinks, isolatedPointOfLink, markersOf, newPage, placeOf, openMap, saveScreenshot, searchParams, settled, useBrowser, ready } from './support.mjs';

const t = useBrowser();

/** Screen points where each drawn link starts and ends, and where its two markers are drawn. */
function geometry(page) {
  return page.evaluate(() => {
    const centre = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    const screen = (path, length) => {
      const p = path.getPointAtLength(length);
      const m = path.getScreenCTM();
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    };
    const rectOf = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const markerAt = (id) => {
      const el = document.querySelector(`.leaflet-marker-icon[data-authority-id="${id}"]`);
      return el && centre(el);
    };
    return [...document.querySelectorAll('path.pm-link[data-pair-id]')].map((path) => {
      const id = path.dataset.pairId;
      return {
        id,
        markers: Object.fromEntries([...document.querySelectorAll('.leaflet-marker-icon[data-authority-id]')].map((el) => [el.dataset.authorityId, centre(el)])),
        start: screen(path, 0),
        end: screen(path, path.getTotalLength()),
        // An end beyond its map stops on the indicator of that edge (issue 15).
        clampedStart: path.classList.contains('is-beyond-start'),
        clampedEnd: path.classList.contains('is-beyond-end'),
        indicators: [...document.querySelectorAll('.pm-edge:not([hidden])')].map((e) => ({ map: e.classList.contains('pm-on-fr') ? 0 : 1, ...centre(e) })),
        panes: [...document.querySelectorAll('.twin-pane')].map(rectOf),
      };
    });
  });
}

async function markerCentre(page, id) {
  const box = await page.locator(`.leaflet-marker-icon[data-authority-id="${id}"]`).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Centres of what a pointer can aim at among the markers: single markers and group markers. */
const drawnTargets = (page) => page.$$eval('.leaflet-marker-icon', (els) => els
  .filter((e) => getComputedStyle(e).display !== 'none')
  .map((e) => { const r = e.getBoundingClientRect(); return { id: e.dataset.authorityId ?? `group of ${e.dataset.groupSize}`, x: r.left + r.width / 2, y: r.top + r.height / 2 }; }));

const pairOf = (id) => DATA.partnerships.find((p) => p.id === id);
const dist = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);

/** Every drawn link starts at its French marker and ends at its Korean one (within 2 px), or,
 *  when a marker is out of view, stops on its map's edge. Returns how many ends were checked. */
async function assertLinksOnMarkers(page, label) {
  // Let a drag's inertia or a zoom come to rest: both pictures must be of the same moment.
  await settled(page);
  let checked = 0;
  for (const g of await geometry(page)) {
    const [kr, fr] = pairOf(g.id).authorities;
    for (const [point, marker, clamped, map] of [[g.start, fr, g.clampedStart, 0], [g.end, kr, g.clampedEnd, 1]]) {
      if (clamped) {
        // Beyond its map: the line stops on that map's indicator of the edge it lies beyond.
        const m = await placeOf(page, marker);
        const pane = g.panes[map];
        assert.ok(m.x < pane.left || m.x > pane.right || m.y < pane.top || m.y > pane.bottom, `${label}: ${g.id} ends beyond its map only when ${marker} is`);
        assert.ok(g.indicators.some((i) => i.map === map && dist(i, point) <= 2), `${label}: ${g.id} stops on an indicator`);
        continue;
      }
      const m = await placeOf(page, marker);
      assert.ok(dist(point, m) <= 2, `${label}: ${g.id} end ${dist(point, m).toFixed(1)} px from ${marker}`);
      checked++;
    }
  }
  return checked;
}

test('twin view: each link starts and ends on its two markers, before and after panning and zooming either map', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  assert.equal(await t.page.getAttribute('.map', 'data-view'), 'twin');
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  const [fr, kr] = await t.page.$$eval('.twin-pane', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(fr.right < kr.left, 'France on the left, Korea on the right, a gutter between');
  assert.equal(await assertLinksOnMarkers(t.page, 'initial'), drawable(DEFAULT_PAIRS).length * 2, 'every end is in view at first');
  // No marker hides another: close ones (the Paris area, Seoul and its districts) are spread or
  // grouped.
  const centres = (await drawnTargets(t.page)).map((c) => [c.x, c.y]);
  for (let i = 0; i < centres.length; i++) {
    for (let j = i + 1; j < centres.length; j++) {
      const d = Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]);
      assert.ok(d >= 17, `two markers only ${d.toFixed(1)} px apart`);
    }
  }
  await saveScreenshot(t.page, 'twin-1920');

  // Drag the French map.
  await t.page.mouse.move(fr.left + fr.width / 2, fr.top + fr.height / 2);
  await t.page.mouse.down();
  await t.page.mouse.move(fr.left + fr.width / 2 + 120, fr.top + fr.height / 2 + 80, { steps: 8 });
  await t.page.mouse.up();
  await assertLinksOnMarkers(t.page, 'after panning France');
  // Zoom the Korean map in twice: some Korean markers leave the view.
  const zoomIn = t.page.locator('.twin-pane--kr .leaflet-control-zoom-in');
  await zoomIn.click();
  await zoomIn.click();
  await assertLinksOnMarkers(t.page, 'after zooming Korea');
  const clamped = (await geometry(t.page)).filter((g) => g.clampedEnd).length;
  assert.ok(clamped > 0, 'lines to Korean markers out of view stop on an indicator at the map edge');
  // Zoom France out with the wheel, over the French map (Leaflet gathers wheel events for a
  // moment before it zooms: wait for the new zoom).
  const zoomBefore = await t.page.getAttribute('.twin-pane--fr', 'data-zoom');
  await t.page.mouse.move(fr.left + fr.width / 2, fr.top + fr.height / 3);
  await t.page.mouse.wheel(0, 300);
  await t.page.waitForFunction((z) => document.querySelector('.twin-pane--fr').dataset.zoom !== z, zoomBefore);
  await assertLinksOnMarkers(t.page, 'after zooming France');
});

test('on a 390×844 phone the two maps stack, France above Korea, with the links between them', async () => {
  t.page = await newPage(t.env, { width: 390, height: 844 });
  await openMap(t.page, t.env.url, '?lang=en');
  const [fr, kr] = await t.page.$$eval('.twin-pane', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(fr.bottom < kr.top, 'France above Korea');
  assert.ok(fr.width >= 370 && kr.width >= 370 && fr.height >= 200 && kr.height >= 200, JSON.stringify({ fr, kr }));
  assert.ok(await assertLinksOnMarkers(t.page, 'phone') > 0);
  await saveScreenshot(t.page, 'twin-390');
});

test('hovering a line, a marker or a list item highlights both ends, the line and the list item', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  await settled(t.page);
  // A pair whose two markers stand on their own (not in a group), each with one partner in view.
  const alone = new Set(await t.page.$$eval('.leaflet-marker-icon[data-authority-id]:not(.is-grouped)', (els) => els.map((e) => e.dataset.authorityId)));
  const partners = (a) => DEFAULT_PAIRS.filter((p) => pairOf(p).authorities.includes(a)).length;
  const id = drawable(DEFAULT_PAIRS).find((p) => pairOf(p).authorities.every((a) => alone.has(a) && partners(a) === 1));
  const [krEnd, frEnd] = pairOf(id).authorities;
  const highlighted = async () => ({
    line: await t.page.locator(`path.pm-link[data-pair-id="${id}"]`).evaluate((el) => el.classList.contains('is-highlighted')),
    item: await t.page.locator(`li[data-pair-id="${id}"]`).evaluate((el) => el.classList.contains('is-highlighted')),
    ends: await Promise.all([krEnd, frEnd].map((a) => t.page.locator(`.leaflet-marker-icon[data-authority-id="${a}"]`).evaluate((el) => el.classList.contains('is-highlighted')))),
  });
  const all = { line: true, item: true, ends: [true, true] };
  const none = { line: false, item: false, ends: [false, false] };
  // The highlight follows within a frame or two: poll for it rather than sleep.
  const expectState = async (want, what) => {
    let got;
    for (let i = 0; i < 40; i++) {
      got = await highlighted();
      if (JSON.stringify(got) === JSON.stringify(want)) return;
      await t.page.waitForTimeout(25);
    }
    assert.deepEqual(got, want, what);
  };
  // The list item, with the pointer, then with the keyboard.
  await t.page.locator(`li[data-pair-id="${id}"]`).hover();
  await expectState(all, 'pointer on the list item');
  await t.page.mouse.move(5, 500);
  await expectState(none, 'pointer gone');
  await t.page.focus(`li[data-pair-id="${id}"] button`);
  await expectState(all, 'keyboard focus on the list item');
  await t.page.focus('#year-from');
  await expectState(none, 'focus gone');
  // The Korean marker (it has one partner in view).
  await t.page.locator(`.leaflet-marker-icon[data-authority-id="${krEnd}"]`).hover();
  await expectState(all, 'pointer on the marker');
  await t.page.mouse.move(5, 500);
  await expectState(none, 'pointer gone');
  // The marker with the keyboard.
  await t.page.focus(`.leaflet-marker-icon[data-authority-id="${frEnd}"]`);
  await expectState(all, 'keyboard focus on the marker');
  await t.page.focus('#year-from');
  await expectState(none, 'focus gone');
  // The line itself, where it stands clear of the others.
  const pt = await isolatedPointOfLink(t.page, id);
  await t.page.mouse.move(pt.x, pt.y);
  await expectState(all, 'pointer on the line');
});

test('the view toggle goes to the world map and back, through the URL', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  await t.page.getByRole('button', { name: 'World' }).click();
  await t.page.waitForFunction(() => document.querySelector('.map')?.dataset.view === 'world');
  assert.equal((await searchParams(t.page)).view, 'world');
  await t.page.waitForSelector('path.pm-link[data-pair-id]');
  await settled(t.page);
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  assert.equal(await t.page.locator('.twin-pane').count(), 0);
  // World arcs end on their (possibly spread) markers too, or, for an authority in a group
  // marker, where it really is: the lines fan out from around the group.
  for (const g of await geometry(t.page)) {
    const [kr, fr] = pairOf(g.id).authorities;
    for (const [point, id] of [[g.start, fr], [g.end, kr]]) {
      assert.ok(dist(point, await placeOf(t.page, id)) <= 2, `${g.id} ends on ${id}`);
    }
  }
  // Every line is seen across the land it crosses, the outlines under it: the outlines are laid
  // after the first fit, and when they came after the lines in the same SVG they covered each
  // line but over the sea. Sampled at each line's middle, deep in Asia, once all are laid.
  const outlines = await t.page.evaluate(async () => (await (await fetch('basemap.json')).json()).features.length);
  await t.page.waitForFunction((n) => document.querySelectorAll('path.pm-land').length >= n, outlines);
  // Around 40, 50 and 60 % of each line (a dotted line has gaps; a thin one is a pixel wide).
  const middles = await t.page.$$eval('path.pm-link[data-pair-id]', (paths) => paths.map((p) => {
    const ctm = p.getScreenCTM();
    const points = [0.4, 0.5, 0.6].map((f) => p.getPointAtLength(p.getTotalLength() * f))
      .map((at) => [Math.round(ctm.a * at.x + ctm.c * at.y + ctm.e), Math.round(ctm.b * at.x + ctm.d * at.y + ctm.f)]);
    return { id: p.dataset.pairId, points, stroke: getComputedStyle(p).stroke };
  }));
  const picture = (await t.page.screenshot()).toString('base64');
  const seen = await t.page.evaluate(async ([png, points]) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
    const c = new OffscreenCanvas(image.width, image.height).getContext('2d');
    c.drawImage(image, 0, 0);
    const strokes = [...new Set(points.map((p) => p.stroke))].map((s) => s.match(/\d+/g).slice(0, 3).map(Number));
    const inked = ([x, y]) => {
      const d = c.getImageData(x - 2, y - 2, 5, 5).data;
      for (let k = 0; k < d.length; k += 4) if (strokes.some((s) => Math.hypot(s[0] - d[k], s[1] - d[k + 1], s[2] - d[k + 2]) < 60)) return true;
      return false;
    };
    return points.map((p) => ({ id: p.id, line: p.points.some(inked) }));
  }, [picture, middles]);
  assert.equal(seen.length, drawable(DEFAULT_PAIRS).length);
  assert.deepEqual(seen.filter((p) => !p.line), [], 'every line seen at its middle, over the land');
  await saveScreenshot(t.page, 'world-1920');
  await t.page.reload();
  await ready(t.page);
  assert.equal(await t.page.getAttribute('.map', 'data-view'), 'world');
  await t.page.goBack();
  await t.page.waitForFunction(() => document.querySelector('.map')?.dataset.view === 'twin');
  assert.equal((await searchParams(t.page)).view, undefined);
  // Filters and selection carry over between views.
  await openMap(t.page, t.env.url, '?lang=en&view=world&region=FR-IDF&pair=seoul-paris');
  const world = await drawnLinks(t.page);
  await t.page.getByRole('button', { name: 'Side by side' }).click();
  await t.page.waitForFunction(() => document.querySelector('.map')?.dataset.view === 'twin');
  await t.page.waitForSelector('path.pm-link[data-pair-id]');
  assert.deepEqual(await drawnLinks(t.page), world);
  assert.match(await t.page.locator('path.pm-link[data-pair-id="seoul-paris"]').getAttribute('class'), /is-selected/);
});

test('a view changed while a map is starting to zoom leaves nothing behind that runs (no page error)', async () => {
  // Regression: a zoom button asks Leaflet for an animated zoom at the next frame; when the view
  // changed before that frame, the removed map's zoom called the view's closures, dropped with
  // it ("closure invoked recursively or after being dropped").
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en');
  await settled(t.page);
  for (const [pane, button, view] of [['.twin-pane--fr', 'World', 'world'], ['.map', 'Side by side', 'twin'], ['.twin-pane--kr', 'World', 'world']]) {
    await t.page.evaluate(([pane, button]) => {
      document.querySelector(`${pane} .leaflet-control-zoom-in`).click();
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button).click();
    }, [pane, button]);
    await t.page.waitForFunction((v) => document.querySelector('.map')?.dataset.view === v, view);
    await settled(t.page);
  }
  // The world map's handlers on the map's element go with it too: a click, a wheel and a key on
  // the map once it is side by side again.
  await t.page.getByRole('button', { name: 'Side by side' }).click();
  await t.page.waitForFunction(() => document.querySelector('.map')?.dataset.view === 'twin');
  await settled(t.page);
  const box = await t.page.locator('.twin-pane--fr').boundingBox();
  await t.page.mouse.click(box.x + box.width / 2, box.y + box.height - 20);
  await t.page.mouse.wheel(0, 120);
  await t.page.keyboard.press('ArrowLeft');
  await settled(t.page);
  assert.deepEqual(t.page.errors, []);
});

test('the world view on a phone', async () => {
  t.page = await newPage(t.env, { width: 390, height: 844 });
  await openMap(t.page, t.env.url, '?lang=en&view=world');
  assert.deepEqual(await drawnLinks(t.page), drawable(DEFAULT_PAIRS));
  await saveScreenshot(t.page, 'world-390');
});

test('where markers are too close to tell apart, one group marker stands for them: it shows and names its count, the legend explains it, Enter zooms in, and no two drawn markers overlap', async () => {
  t.page = await newPage(t.env, { width: 1280, height: 800 });
  await openMap(t.page, t.env.url, '?lang=en&view=world');
  await settled(t.page);
  const state = () => t.page.evaluate(() => ({
    groups: [...document.querySelectorAll('.pm-group')].map((g) => ({ size: Number(g.dataset.groupSize), text: g.textContent, title: g.title, role: g.getAttribute('role'), tab: g.tabIndex, kr: g.classList.contains('pm-marker--kr') })),
    grouped: [...document.querySelectorAll('.leaflet-marker-icon.is-grouped')].map((m) => m.dataset.authorityId),
    single: [...document.querySelectorAll('.leaflet-marker-icon[data-authority-id]:not(.is-grouped)')].map((m) => m.dataset.authorityId),
  }));
  const before = await state();
  // At world zoom on a laptop the Korean authorities stand within a few dozen pixels.
  assert.ok(before.groups.some((g) => g.kr), 'a Korean group marker');
  for (const g of before.groups) {
    assert.equal(g.text, String(g.size));
    assert.equal(g.title, `${g.size} authorities too close to tell apart: zoom in`);
    assert.equal(g.role, 'button');
    assert.equal(g.tab, 0);
  }
  // Every located authority of the listed pairs is either a marker of its own or counted in a group.
  assert.equal(before.groups.reduce((n, g) => n + g.size, 0), before.grouped.length);
  assert.deepEqual([...before.grouped, ...before.single].sort(), markersOf(DEFAULT_PAIRS));
  // What can be aimed at stands apart: no target covers another (24 px targets, 34 px apart).
  const targets = await drawnTargets(t.page);
  for (const [i, a] of targets.entries()) for (const b of targets.slice(i + 1)) {
    assert.ok(dist(a, b) >= 30, `${a.id} and ${b.id} are ${dist(a, b).toFixed(1)} px apart`);
  }
  assert.match(await t.page.locator('.legend').textContent(), /a group of authorities close together/);
  // Enter on the focused Korean group zooms in on its members: they get markers of their own.
  const kr = t.page.locator('.pm-group.pm-marker--kr');
  await kr.focus();
  await t.page.keyboard.press('Enter');
  await t.page.waitForFunction((n) => document.querySelectorAll('.leaflet-marker-icon.is-grouped').length < n, before.grouped.length);
  await settled(t.page);
  const after = await state();
  assert.ok(after.single.filter((id) => id.startsWith('kr-')).length > before.single.filter((id) => id.startsWith('kr-')).length);
  await saveScreenshot(t.page, 'world-1280-grouped');
  // On a large screen the side-by-side view fits each country on its own map: only a capital and
  // its districts are grouped there (issue 15: no ring so wide that it would put them in the next
  // region), each group where its most important authority is.
  await t.page.setViewportSize({ width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  await settled(t.page);
  const groups = await t.page.$$eval('.pm-group', (gs) => gs.map((g) => g.dataset.members.split(' ')));
  const at = (id) => DATA.authorities.find((a) => a.id === id).location;
  const km = (a, b) => {
    const r = Math.PI / 180;
    const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  };
  for (const members of groups) {
    const widest = Math.max(...members.flatMap((a) => members.map((b) => km(at(a), at(b)))));
    assert.ok(widest <= 60, `one place's crowd: ${members} span ${widest.toFixed(0)} km`);
  }
  assert.equal(groups.length > 0, /a group of authorities close together/.test(await t.page.locator('.legend').textContent()), 'the legend explains groups when there are some');
});

test('regression: switching the view while the map flies to a selected pair raises no error (a frame asked for by the old map called a dropped closure)', async () => {
  t.page = await newPage(t.env, { width: 1920, height: 1080 });
  await openMap(t.page, t.env.url, '?lang=en');
  for (let i = 0; i < 6; i++) {
    await t.page.locator('li[data-pair-id]').nth(i).click();
    await t.page.waitForTimeout(50);
    await t.page.getByRole('button', { name: i % 2 ? 'Side by side' : 'World' }).click();
    await t.page.waitForSelector(`.map[data-view="${i % 2 ? 'twin' : 'world'}"]`);
  }
  await t.page.waitForTimeout(800);
  // (The hooks fail the test on any page error.)
  assert.deepEqual(t.page.errors, []);
});
