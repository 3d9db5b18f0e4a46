// Shared set-up for the browser tests: the built folder served on a free port (at the root and
// under a sub-path), one headless Chromium, and pages that record console errors and every
// request they make.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../.ci/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../.ci/chromium.mjs';
import { startNginx } from './nginx.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
/** The strict Content-Security-Policy the README gives hosts (issue 9). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');
export const DATA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'partnerships.json'), 'utf8'));


export async function launch() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `make build` first');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // E2E_SERVER=nginx: the whole suite against Debian's nginx instead of the Node static server
  // (the test command runs it both ways).
  const nginx = process.env.E2E_SERVER === 'nginx';
  const serve = async (base) => {
    if (nginx) {
      const s = await startNginx({ dir: DIST, base });
      return { url: s.url, close: s.close };
    }
    const s = await startServer({ dir: DIST, port: 0, base });
    return { url: s.url, close: () => s.server.close() };
  };
  const root = await serve('/');
  const sub = await serve('/carte/coree/');
  return {
    browser,
    url: root.url,
    subUrl: sub.url,
    async close() {
      await browser.close();
      root.close();
      sub.close();
    },
  };
}

/**
 * Registers the hooks of a test file: one browser and servers for the file, and after each test
 * the page's context closed and its console checked for errors. Tests set `t.page`, and may list
 * `t.allowedErrors` (regular expressions) for errors they provoke on purpose.
 */
export function useBrowser() {
  const t = { env: null, page: null, allowedErrors: [] };
  before(async () => { t.env = await launch(); });
  after(async () => { await t.env?.close(); });
  afterEach(async () => {
    const errors = (t.page?.errors ?? []).filter((e) => !t.allowedErrors.some((re) => re.test(e)));
    t.allowedErrors = [];
    await t.page?.context().close();
    t.page = null;
    assert.deepEqual(errors, [], 'no console errors');
  });
  return t;
}

/** A new page (own context) that records console errors, page errors and requests; service
 * workers blocked unless `serviceWorkers: 'allow'`. */
export async function newPage(env, { width = 1280, height = 800, locale = 'en-US', serviceWorkers = 'block', touch = false, reducedMotion = 'no-preference' } = {}) {
  // The offline copy (public/sw.js) is tested on its own (offline.test.mjs); elsewhere requests
  // go to the server, where tests can watch and fail them. `touch`: a phone (touch events,
  // mobile viewport).
  const context = await env.browser.newContext({ viewport: { width, height }, locale, serviceWorkers, hasTouch: touch, isMobile: touch, reducedMotion });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  // The message, and where it was thrown (the stack's first JavaScript frames), so that a failure
  // seen once in a CI run says which caller it came from.
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}${(e.stack ?? '').split('\n').slice(1, 6).map((l) => ` | ${l.trim()}`).join('')}`));
  page.on('request', (r) => page.requests.push(r.url()));
  return page;
}

/** Opens the map with a query string and waits until the data is drawn (an opening view: its
 * interface, started by a first use, see `useEmbed`). */
export async function openMap(page, base, query = '') {
  await page.goto(base + query);
  await ready(page);
}

/** Waits until the interface says ready (`html[data-state="ready"]`); a page that opened on its
 * first view is first used, as a visitor would (`useEmbed`). */
export async function ready(page, timeout = 20000) {
  await useEmbed(page);
  await page.waitForSelector('html[data-state="ready"]', { timeout });
}

/**
 * The opening view (an embed's, or the full map's) is drawn by the first view's module
 * (src/first.rs); its interface starts when the visitor first uses the page (public/boot.js).
 * This waits for that first view (when the page has one), then moves the mouse onto the page's
 * top left corner (the embed's bar, the map's header) as a visitor's pointer would come in, and
 * returns once the interface has replaced it.
 * `frame`: the embed's iframe element in a host page (`page` is then the host).
 */
export async function useEmbed(page, frame = null) {
  const doc = frame ? await frame.contentFrame() : page;
  const module = await doc.waitForFunction(() => document.documentElement.dataset.module ?? (document.readyState === 'complete' && 'none'), null, { timeout: 20000 });
  if ((await module.jsonValue()) !== 'partnership_map_first') return;
  // (Or the interface itself, when the first view's files could not be had.)
  const state = await doc.waitForSelector('html[data-first-view="drawn"], html[data-first-view="replaced"], html[data-state="error"], html[data-state="ready"]', { timeout: 20000 });
  if (await state.evaluate((html) => html.dataset.firstView !== 'drawn')) return;
  const box = frame ? await frame.boundingBox() : { x: 0, y: 0 };
  await page.mouse.move(box.x + 3, box.y + 3);
  await doc.waitForSelector('html[data-first-view="replaced"], html[data-state="error"]', { timeout: 20000 });
}

const authorityById = new Map(DATA.authorities.map((a) => [a.id, a]));
export const authority = (id) => authorityById.get(id);

/** What the "kind / status" facet calls a partnership (see Partnership::kind_option). */
export const kindOption = (p) => (p.status === 'exchange' || p.status === 'planned' ? p.status : p.kind ?? 'unknown');
const AGREEMENT = (p) => p.status === 'signed' || p.status === 'listed';

/**
 * The ids a filter should show, computed from the data file the simple way (the reference the
 * app is checked against): OR within a facet, AND across facets.
 */
export function expected({ regions = [], themes = [], kinds = null, from = null, to = null, unknown = true } = {}) {
  return DATA.partnerships
    .filter((p) => regions.length === 0 || p.authorities.some((a) => regions.includes(authority(a).region)))
    .filter((p) => themes.length === 0 || p.themes.some((t) => themes.includes(t)))
    .filter((p) => (kinds === null ? AGREEMENT(p) : kinds.includes(kindOption(p))))
    .filter((p) => (p.year === null ? unknown : (from === null || p.year >= from) && (to === null || p.year <= to)))
    .map((p) => p.id)
    .sort();
}

/** The partnerships shown when the map opens, and what is drawn for them. */
export const DEFAULT_PAIRS = expected();
export const TOTAL = DATA.partnerships.length;
/** The ids among `ids` whose two ends have a position in `data` (the bundled data by default). */
export function drawableIn(data) {
  const at = new Map(data.authorities.map((a) => [a.id, a]));
  return (ids) => ids.filter((id) => data.partnerships.find((p) => p.id === id).authorities.every((a) => at.get(a).location !== null)).sort();
}
const located = (id) => authority(id).location !== null;
export const drawable = drawableIn(DATA);
/** Seoul, Incheon and Gyeonggi-do: Korea's capital region, where most Korean partners are
 *  (15 of 26 authorities), which a phone or a small embed may draw as one group. */
export const CAPITAL_REGION = ['KR-11', 'KR-28', 'KR-41'];
/** The result count the app shows for these visible pairs: "28 of 36 partnerships", then, when
 *  some of them cannot be drawn, "· 23 on the map" (in `lang`, numbers written for it). */
export function countText(ids, { lang = 'en', total = TOTAL, drawn = drawable(ids).length } = {}) {
  const n = (x) => x.toLocaleString(lang);
  const count = {
    en: `${n(ids.length)} of ${n(total)} partnership${total === 1 ? '' : 's'}`,
    fr: `${n(ids.length)} sur ${n(total)} partenariat${total > 1 ? 's' : ''}`,
    ko: `전체 ${n(total)}건 중 ${n(ids.length)}건`,
  }[lang];
  if (drawn >= ids.length) return count;
  return `${count} · ${{ en: `${n(drawn)} on the map`, fr: `${n(drawn)} sur la carte`, ko: `지도에 ${n(drawn)}건` }[lang]}`;
}
export function markersOf(ids) {
  const set = new Set(DATA.partnerships.filter((p) => ids.includes(p.id)).flatMap((p) => p.authorities).filter(located));
  return [...set].sort();
}

/** Where an authority is drawn, or, when it is hidden in a group marker, where it really is
 *  (revealed for a moment to be measured). */
export function placeOf(page, id) {
  return page.evaluate((id) => {
    const el = document.querySelector(`.leaflet-marker-icon[data-authority-id="${id}"]`);
    const grouped = el.classList.contains('is-grouped');
    if (grouped) el.style.setProperty('display', 'block', 'important');
    const r = el.getBoundingClientRect();
    if (grouped) el.style.removeProperty('display');
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, id);
}

export const listedPairs = (page) =>
  page.$$eval('li[data-pair-id]', (items) => items.map((li) => li.dataset.pairId).sort());

export const drawnLinks = (page) =>
  page.$$eval('path.pm-link[data-pair-id]', (paths) => paths.map((p) => p.dataset.pairId).sort());

/** The address's parameters once the app has written them (it does so once the next frame is
 * on screen, so as not to delay the map and the list). */
export async function searchParams(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => setTimeout(r, 0), 0))));
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Id of the partnership whose French authority has this name in the data. */
export function pairOfFrench(name) {
  const fr = DATA.authorities.find((a) => a.name.fr === name);
  if (!fr) throw new Error(`no French authority named ${name}`);
  const p = DATA.partnerships.find((x) => x.authorities[1] === fr.id);
  if (!p) throw new Error(`no partnership for ${name}`);
  return p.id;
}

/**
 * The screen point of a drawn link that is farthest from every other drawn link, so that a
 * click there can only mean this link (a user aims at the line where it stands alone).
 */
export async function isolatedPointOfLink(page, id) {
  return page.evaluate((id) => {
    const toScreen = (p, pt) => {
      const m = p.getScreenCTM();
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    };
    const sample = (p, n) => {
      const len = p.getTotalLength();
      return Array.from({ length: n + 1 }, (_, i) => toScreen(p, p.getPointAtLength((len * i) / n)));
    };
    const target = document.querySelector(`path.pm-link[data-pair-id="${id}"]`);
    const others = [...document.querySelectorAll('path.pm-link[data-pair-id]')].filter((p) => p !== target).flatMap((p) => sample(p, 300));
    const w = window.innerWidth, h = window.innerHeight;
    let best = null;
    for (const pt of sample(target, 200).slice(10, -10)) {
      if (pt.x < 0 || pt.y < 0 || pt.x > w || pt.y > h) continue;
      const el = document.elementFromPoint(pt.x, pt.y);
      // Covered by the legend, a control, a marker or a name's indicator: a click there is theirs.
      if (!el || el.getAttribute('data-hit-pair-id') !== id) continue;
      const d = Math.min(...others.map((o) => Math.hypot(o.x - pt.x, o.y - pt.y)), Infinity);
      if (!best || d > best.d) best = { ...pt, d };
    }
    return best;
  }, id);
}

export function saveScreenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Drops a file on the page as a user dragging it from the desktop would. */
export async function dropFile(page, name, text, type) {
  const dt = await page.evaluateHandle(([name, text, type]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    return dt;
  }, [name, text, type]);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
}

const JSQR = fs.readFileSync(path.join(ROOT, 'node_modules', 'jsqr', 'dist', 'jsQR.js'), 'utf8');

/** Decodes a QR code drawn as an SVG (`selector`): rasterised in the page, read by jsQR. */
export async function decodeQr(page, selector) {
  // The UMD build sets `self.jsQR`.
  if (!(await page.evaluate(() => typeof window.jsQR === 'function'))) await page.addScriptTag({ content: JSQR });
  return page.evaluate(async (selector) => {
    const svg = document.querySelector(selector);
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, 400, 400);
    const { data } = ctx.getImageData(0, 0, 400, 400);
    return window.jsQR(data, 400, 400)?.data ?? null;
  }, selector);
}

/**
 * How much of `screen` (a screenshot of the map column, CSS pixels) the downloaded `png` shows:
 * the share of pixels whose colour differs by at most 48 in every channel (`same`), and the same
 * share among the screenshot's ink (links, markers, text: `ink`), after finding where the map
 * starts under the picture's title band and scaling it back to CSS pixels. The pixels are read
 * in `scratch` (default: `page`; another page where `page`'s CSP forbids reading `data:` URLs).
 */
export async function likeness(page, png, screen, scratch = page) {
  // The buttons on the map are left out of the picture: left out of the comparison too.
  const skip = await page.evaluate(() => {
    const column = document.querySelector('.map-column').getBoundingClientRect();
    return [...document.querySelectorAll('.view-toggle, .leaflet-control-zoom')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.left - column.left - 2, r.top - column.top - 2, r.right - column.left + 2, r.bottom - column.top + 2];
    });
  });
  return scratch.evaluate(async ([a, b, skip]) => {
    const load = async (b64) => createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const [picture, shot] = [await load(a), await load(b)];
    const whole = new OffscreenCanvas(picture.width, picture.height).getContext('2d');
    whole.drawImage(picture, 0, 0);
    // The band is one dark colour down its left edge; the map starts below it.
    const edge = whole.getImageData(1, 0, 1, picture.height).data;
    let top = 0;
    while (top < picture.height && edge[top * 4] === edge[0] && edge[top * 4 + 1] === edge[1]) top++;
    const ratio = picture.width / shot.width;
    const [w, h] = [shot.width, shot.height];
    const mine = new OffscreenCanvas(w, h).getContext('2d');
    mine.drawImage(picture, 0, top, picture.width, h * ratio, 0, 0, w, h);
    const theirs = new OffscreenCanvas(w, h).getContext('2d');
    theirs.drawImage(shot, 0, 0);
    const [p, q] = [mine.getImageData(0, 0, w, h).data, theirs.getImageData(0, 0, w, h).data];
    // A pixel matches when the picture has its colour (within 48 a channel) within one pixel
    // of it: antialiasing and rounding move edges by a pixel.
    const near = (i, j) => Math.abs(p[j] - q[i]) <= 48 && Math.abs(p[j + 1] - q[i + 1]) <= 48 && Math.abs(p[j + 2] - q[i + 2]) <= 48;
    // Ink: what is drawn on the basemap (links, markers, text), i.e. strong colours or dark.
    let [all, same, ink, inkSame] = [0, 0, 0, 0];
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        if (skip.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b)) continue;
        const i = (y * w + x) * 4;
        let ok = false;
        for (let dy = -1; dy <= 1 && !ok; dy++) for (let dx = -1; dx <= 1 && !ok; dx++) ok = near(i, ((y + dy) * w + x + dx) * 4);
        const strong = Math.max(q[i], q[i + 1], q[i + 2]) - Math.min(q[i], q[i + 1], q[i + 2]) > 60 || q[i] + q[i + 1] + q[i + 2] < 300;
        all++;
        if (ok) same++;
        if (strong) { ink++; if (ok) inkSame++; }
      }
    }
    return { top, ratio, same: same / all, ink: inkSame / ink };
  }, [png.toString('base64'), screen.toString('base64'), skip]);
}

/** The screen sizes the map must read at (issue 15): a phone (touch), a tablet, two laptops and
 *  a desktop. */
export const SIZES = [
  { width: 390, height: 844, touch: true },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Waits until every map on the page (or in a frame) has come to rest: its fits done and its
 *  names placed (the seam's `data-settled`). Read after two animation frames, so that a change
 *  just made has had the time to ask for its fit. */
export async function settled(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // A pan's inertia is Leaflet's own animation, which `data-settled` does not cover: the maps'
  // panes are first left to keep the same place for two frames in a row.
  await page.evaluate(() => new Promise((resolve) => {
    const place = () => JSON.stringify([...document.querySelectorAll('.leaflet-map-pane')].map((e) => e.style.transform));
    let last = place(), same = 0;
    const until = performance.now() + 5000;
    const step = () => requestAnimationFrame(() => {
      const now = place();
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 2 || performance.now() > until) resolve(); else step();
    });
    step();
  }));
  await page.waitForFunction(() => {
    const maps = [...document.querySelectorAll('.map')];
    return maps.length > 0 && maps.every((m) => m.dataset.settled === 'true');
  }, null, { timeout: 15000 });
}

/** Waits until the keyboard focus is where `where(arg)` (run in the page) says: focus often moves
 *  on the frame after a change is drawn. Fails with `what` if it never gets there. */
export async function focusReaches(page, where, arg, what) {
  await page.waitForFunction(where, arg, { timeout: 3000 }).catch(() => assert.fail(`the focus: ${what}`));
}

/**
 * What the map shows, as a person sees it: its panes (the two countries' maps, or the world
 * map), each shown authority's marker where it is drawn (or, when it is in a group, where it
 * really is), the names written on the map and the captions, the edge indicators, the group
 * markers, and what covers the map (`data-covers-map`: cards, legend, buttons). Page pixels.
 */
export function mapState(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const map = document.querySelector('.map');
    const twin = map.classList.contains('map--twin');
    const panes = twin
      ? [...document.querySelectorAll('.twin-pane')].map((p) => ({ map: p.classList.contains('twin-pane--fr') ? 'fr' : 'kr', rect: box(p) }))
      : [{ map: 'world', rect: box(map) }];
    const markers = [...document.querySelectorAll('.leaflet-marker-icon[data-authority-id]')].map((el) => {
      const grouped = el.classList.contains('is-grouped');
      if (grouped) el.style.setProperty('display', 'block', 'important');
      const r = el.getBoundingClientRect();
      if (grouped) el.style.removeProperty('display');
      const pane = el.closest('.twin-pane');
      return {
        id: el.dataset.authorityId, grouped, aside: el.classList.contains('is-aside'), title: el.getAttribute('title'),
        x: r.left + r.width / 2, y: r.top + r.height / 2,
        map: pane ? (pane.classList.contains('twin-pane--fr') ? 'fr' : 'kr') : 'world',
      };
    });
    const layerOf = (el) => { const l = el.closest('.pm-names'); return l.classList.contains('pm-on-fr') ? 'fr' : l.classList.contains('pm-on-kr') ? 'kr' : 'world'; };
    const names = [...document.querySelectorAll('.pm-name.is-placed')].map((el) => ({ id: el.dataset.nameFor, text: el.textContent, rect: box(el), map: layerOf(el), must: el.classList.contains('is-must') }));
    const captions = [...document.querySelectorAll('.pm-country.is-placed')].map((el) => ({ text: el.textContent, rect: box(el), map: layerOf(el) }));
    const edges = [...document.querySelectorAll('.pm-edge:not([hidden])')].map((el) => ({
      edge: el.dataset.edge, count: Number(el.dataset.count), label: el.getAttribute('aria-label'), rect: box(el),
      map: el.classList.contains('pm-on-fr') ? 'fr' : el.classList.contains('pm-on-kr') ? 'kr' : 'world',
    }));
    const groups = [...document.querySelectorAll('.leaflet-marker-icon.pm-group')].map((el) => {
      const r = el.getBoundingClientRect();
      const pane = el.closest('.twin-pane');
      return { size: Number(el.dataset.groupSize), members: (el.dataset.members ?? '').split(' '), title: el.getAttribute('title'), x: r.left + r.width / 2, y: r.top + r.height / 2, map: pane ? (pane.classList.contains('twin-pane--fr') ? 'fr' : 'kr') : 'world' };
    });
    const covers = [...document.querySelectorAll('[data-covers-map], .leaflet-control')].map(box).filter((r) => r.right > r.left && r.bottom > r.top);
    return { twin, panes, markers, names, captions, edges, groups, covers };
  });
}

/** Whether two boxes overlap by more than a hair. */
export const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
export const inside = (r, p, margin = 0) => p.x >= r.left - margin && p.x <= r.right + margin && p.y >= r.top - margin && p.y <= r.bottom + margin;
export const holds = (r, b) => b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5;
