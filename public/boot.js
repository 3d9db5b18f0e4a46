// Starts the wasm app. A separate file (not an inline script) so a strict Content-Security-Policy
// can forbid inline scripts.
//
// Every way the start can fail ends on a readable screen in the three languages with a retry:
// Leaflet missing, the app's script or its wasm missing, truncated or answered with something
// else. (This file itself missing, or a download that never ends: index.html's loading screen
// shows, after a while, a reload link written in HTML and CSS alone.)

const RETRY = 'partnership-map-retry';
const root = document.documentElement;
// The app's module for this address, chosen by first-paint.js (an embed has its own, smaller:
// .ci/build.sh); the whole app's when that script did not run, which serves every address.
const MODULES = ['partnership_map', 'partnership_map_embed', 'partnership_map_first'];
/** The interface that follows the first view (first-paint.js): the embed's, or the whole app's. */
const NEXT = root.dataset.next === 'partnership_map' ? 'partnership_map' : 'partnership_map_embed';
let MODULE = MODULES.includes(root.dataset.module) ? root.dataset.module : 'partnership_map';
// A map too large for the first view starts with its interface (the build says so in the page;
// first-paint.js may not have read it yet).
if (MODULE === 'partnership_map_first' && document.querySelector('main[data-first-view="off"]')) {
  MODULE = root.dataset.module = NEXT;
  delete root.dataset.firstViewPage;
}
/** The full map's first view (the app's opening page, written by the build), not an embed's. */
const PAGE = MODULE === 'partnership_map_first' && Boolean(root.dataset.firstViewPage);
/** The module whose failure the start screen names (the first view hands over to the embed's). */
let failing = MODULE;

/** Replaces the loading screen with a start failure: what failed, in three languages, and a
 * "Try again" that reloads the page from the server (the address keeps the map's state). */
function failed(what, error) {
  console.error('the map could not start:', what, error);
  root.dataset.state = 'error';
  const app = document.getElementById('app');
  if (!app) return;
  const screen = document.createElement('div');
  screen.className = 'status-screen status-screen--error';
  screen.setAttribute('role', 'alert');
  screen.dataset.failure = what;
  const title = document.createElement('p');
  title.className = 'status-title';
  title.textContent = "La carte n'a pas pu démarrer. · 지도를 시작하지 못했습니다. · The map could not start.";
  const detail = document.createElement('p');
  detail.className = 'status-detail';
  detail.textContent = {
    leaflet: 'Leaflet (vendor/leaflet/leaflet.js) ne s’est pas chargé. · Leaflet(vendor/leaflet/leaflet.js)을 불러오지 못했습니다. · Leaflet (vendor/leaflet/leaflet.js) did not load.',
    script: `Le programme de la carte (pkg/${failing}.js) ne s’est pas chargé. · 지도 프로그램(pkg/${failing}.js)을 불러오지 못했습니다. · The map’s program (pkg/${failing}.js) did not load.`,
    wasm: `Le module de la carte (pkg/${failing}_bg.wasm) est absent ou abîmé. · 지도 모듈(pkg/${failing}_bg.wasm)이 없거나 손상되었습니다. · The map’s module (pkg/${failing}_bg.wasm) is missing or damaged.`,
  }[what];
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'button';
  retry.textContent = 'Réessayer · 다시 시도 · Try again';
  retry.addEventListener('click', () => {
    // The next start asks the server, not a cached copy of the broken file.
    try { sessionStorage.setItem(RETRY, '1'); } catch { /* storage refused: a plain reload */ }
    location.reload();
  });
  screen.append(title, detail, retry);
  app.replaceChildren(screen);
}

/** A stylesheet of the app's, loaded without holding up the first paint (index.html links
 * Leaflet's with `media="print"`; first-paint.js links the app's own the same way, style.css or,
 * for an embed's first view, first-view.css: the rules the first view uses, cut from style.css
 * by the build), now applied; added if nothing has linked it yet. Resolves once it is in, or has
 * failed (the app then starts as it would have with the file missing). The app waits for its
 * stylesheets: a map laid out without them would measure the wrong size. */
function sheet(href) {
  let link = [...document.querySelectorAll('link[data-app-style]')].find((l) => l.getAttribute('href') === href);
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.appStyle = '';
    document.head.append(link);
  }
  // Already in, or already failed (its load is then in the resource timing): no event to wait for.
  const over = link.sheet || performance.getEntriesByName(link.href).length > 0;
  const done = over ? Promise.resolve() : new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  link.media = 'all';
  return done;
}

/** The stylesheets `module` starts with: Leaflet's, and the app's (all of it, or an embed's first
 * view's part: the full map's first view is the app's own page, with all of it). */
const appStyles = (module) => Promise.all(['vendor/leaflet/leaflet.css', module === 'partnership_map_first' && !PAGE ? 'first-view.css' : 'style.css'].map(sheet));

let retrying = false;
try {
  retrying = sessionStorage.getItem(RETRY) === '1';
  sessionStorage.removeItem(RETRY);
} catch { /* no storage: no retry flag */ }

/** Loads and starts one of the modules of pkg/; its exports, or null once the failure is on
 * screen (or, with `fallback`, once that has been run instead). */
async function run(name, styles, fallback = null) {
  failing = name;
  const fail = (what, error) => {
    if (!fallback) return failed(what, error);
    console.warn(`${name} could not start, ${fallback} instead:`, error);
    return run(fallback, appStyles(fallback)).then(() => null);
  };
  let exports;
  try {
    exports = await import(`./pkg/${name}.js`);
  } catch (error) {
    await fail('script', error);
    return null;
  }
  try {
    const wasm = new URL(`pkg/${name}_bg.wasm`, document.baseURI);
    await styles;
    // first-paint.js asks for the wasm ahead unless this says it is already asked for.
    root.dataset.wasm = 'asked';
    await exports.default({ module_or_path: retrying ? fetch(wasm, { cache: 'reload' }) : wasm });
    return exports;
  } catch (error) {
    // A panic at start is the crash screen's (below); anything else is the wasm's failure.
    if (error instanceof WebAssembly.RuntimeError) crashed();
    else await fail('wasm', error);
    return null;
  }
}

/** The full map's first view's page (.ci/prerender.mjs: the app's own opening page in this
 * language and view, a tree of elements and texts): the preload of first-paint.js, or asked for
 * here when this runs first (`data-page-asked`: first-paint.js then asks for it no more). */
const pageFile = PAGE ? fetch(`first-view-${root.dataset.firstViewPage}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null) : null;
if (PAGE) root.dataset.pageAsked = '';

/** Builds that page in `#app`, in place of the first paint, once the stylesheets are in (the
 * module meanwhile downloads and its glue loads); the module then draws the maps into it. Made
 * with the DOM's own calls, never parsed as HTML, and nothing that runs or loads anything: no
 * script, style, frame or object, no `on…` attribute, no address but a relative or http(s) one.
 * `data-open-wide` (a `<details>` open on a desktop's screen only, as `app::desktop_screen`)
 * becomes `open` above 1,100 px. Throws without the page (the interface then starts at once). */
async function buildPage(styles) {
  const [file] = await Promise.all([pageFile, styles]);
  const tree = file?.page;
  if (!Array.isArray(tree)) throw new Error(`first-view-${root.dataset.firstViewPage}.json could not be read`);
  const wide = innerWidth > 1100;
  const NEVER = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'link', 'meta', 'base', 'template', 'foreignobject']);
  const ADDRESSES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data']);
  // As a browser reads an address: without tabs and line breaks, after leading blanks.
  const safe = (value) => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, ''));
    return !scheme || /^https?$/i.test(scheme[1]);
  };
  const build = (node, svg) => {
    if (typeof node === 'string') return document.createTextNode(node);
    if (!Array.isArray(node) || typeof node[0] !== 'string') return null;
    const [tag, attributes, ...children] = node;
    const name = tag.toLowerCase();
    if (NEVER.has(name)) return null;
    const inSvg = svg || name === 'svg';
    let el;
    try {
      el = inSvg ? document.createElementNS('http://www.w3.org/2000/svg', name) : document.createElement(name);
    } catch {
      return null; // not an element's name
    }
    for (const [key, value] of Object.entries(attributes && typeof attributes === 'object' ? attributes : {})) {
      const lower = key.toLowerCase();
      if (typeof value !== 'string' || lower.startsWith('on') || lower === 'srcdoc' || (ADDRESSES.has(lower) && !safe(value))) continue;
      if (lower === 'data-open-wide') {
        if (wide) el.setAttribute('open', '');
        continue;
      }
      try { el.setAttribute(key, value); } catch { /* not an attribute's name */ }
    }
    for (const child of children) {
      const made = build(child, inSvg);
      if (made) el.append(made);
    }
    return el;
  };
  const page = document.createDocumentFragment();
  for (const child of tree.slice(2)) {
    const made = build(child, false);
    if (made) page.append(made);
  }
  if (!page.querySelector('.map[data-view]')) throw new Error('the first view\'s page has no map');
  document.getElementById('app').replaceChildren(page);
  if (typeof file.title === 'string') document.title = file.title;
  root.lang = root.dataset.firstViewPage.split('-')[0];
  // The page laid out and painted in a frame of its own, before the module makes the maps (which
  // measure it): not in the module's task. (A hidden tab has no frames: at most 100 ms.)
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

async function start() {
  const styles = appStyles(MODULE);
  // index.html loads Leaflet first (`defer`, in order): without it the map cannot be drawn.
  if (typeof window.L?.map !== 'function') return failed('leaflet');
  if (MODULE !== 'partnership_map_first') return run(MODULE, styles);
  // Without its first view (a file missing or refused), the interface starts at once.
  const built = PAGE ? buildPage(styles) : styles;
  built.catch(() => { /* run() reads the failure, and starts the interface instead */ });
  const first = await run(MODULE, built, NEXT);
  if (first) firstUse(first);
}
start();

/** What a click on the first view asked for, done by the interface once it is in: the first
 * view's elements with `data-replay` (src/first.rs) and the interface's that do the same. */
const REPLAY = {
  list: '.embed-toggle',
  fullscreen: '.embed-fullscreen',
  filters: '.filter-panel > summary',
  legend: '.legend > summary',
  'view-twin': '.view-toggle [data-view="twin"]',
  'view-world': '.view-toggle [data-view="world"]',
};

/** The place of `el` under `top`: the index of each element on the way down (null if not under it). */
function placeOf(el, top) {
  const place = [];
  for (; el && el !== top; el = el.parentElement) {
    if (!el.parentElement) return null;
    place.unshift([...el.parentElement.children].indexOf(el));
  }
  return el === top ? place : null;
}
/** The element at `place` under `top` (as `placeOf` wrote it). */
const elementAt = (top, place) => place.reduce((el, i) => el?.children[i], top);

/**
 * The first view is on screen (src/first.rs); the interface (`NEXT`: the embed's module, or the
 * whole app's) starts when the visitor first uses the page: a pointer moved over it or pressed,
 * a key, a wheel, a touch, the focus; or a click on a line or a marker (which the first view
 * writes into the address: `data-first-view="picked"`), or the first view failing. It is built
 * under the first view, which goes once the interface says ready (or failed). Its files are
 * fetched ahead, at the first idle moment after the first view is drawn, so that the swap waits
 * only for its start.
 *
 * An embed's first view is a cover of its own over the page; a click on its bar names what the
 * interface then does (`data-replay`). The full map's is the app's own page, written by the build
 * (.ci/prerender.mjs) in `#app`: at the swap it is set aside where it stands, over a new `#app`
 * where the interface is built, and what was clicked, focused or typed in it is done again at
 * the same place of the interface's page, which is the same page.
 */
function firstUse(first) {
  const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'];
  let replay = null;
  let started = false;
  const page = PAGE ? document.getElementById('app') : null;
  const cover = () => page ?? document.getElementById('first-view');
  const go = (event) => {
    if (started) return;
    started = true;
    for (const type of EVENTS) removeEventListener(type, go, true);
    handOver(event?.type === 'pointerdown' || event?.type === 'touchstart');
  };
  for (const type of EVENTS) addEventListener(type, go, { capture: true, passive: true });
  // A click on the first view's controls: done again by the interface (a `<details>` is not
  // opened here, a box not ticked). Links are followed, and the maps' clicks are the first
  // view's own (src/first.rs).
  const onClick = (event) => {
    const el = event.target instanceof Element ? event.target : null;
    if (!page) {
      const target = el?.closest('#first-view [data-replay]');
      if (!target) return;
      event.preventDefault();
      replay = target.dataset.replay;
      return;
    }
    if (!el || !page.contains(el) || el.closest('a[href], .map')) return;
    event.preventDefault();
    replay = placeOf(el, page);
  };
  addEventListener('click', onClick, true);
  let fetched = false;
  const prefetch = () => {
    if (fetched) return;
    fetched = true;
    const ask = () => {
      for (const [rel, href] of [['modulepreload', `pkg/${NEXT}.js`], ['prefetch', `pkg/${NEXT}_bg.wasm`], ...(PAGE ? [] : [['prefetch', 'style.css']])]) {
        const link = document.createElement('link');
        link.rel = rel;
        link.href = href;
        document.head.append(link);
      }
    };
    if ('requestIdleCallback' in window) requestIdleCallback(ask, { timeout: 2000 });
    else setTimeout(ask, 200);
  };
  const seen = () => {
    const state = root.dataset.firstView;
    if (state === 'drawn') prefetch();
    if (state === 'picked' || state === 'failed') go();
  };
  const watch = new MutationObserver(seen);
  watch.observe(root, { attributes: true, attributeFilter: ['data-first-view'] });
  seen();

  /** The full map's first view set aside where it stands (out of the page's flow, at its own
   * place and size, over it), its ids given up to the interface's page, built in a new `#app`
   * in its place. */
  function setAside() {
    const box = page.getBoundingClientRect();
    page.id = 'first-view';
    for (const el of page.querySelectorAll('[id]')) el.removeAttribute('id');
    Object.assign(page.style, {
      position: 'absolute', left: `${box.left + scrollX}px`, top: `${box.top + scrollY}px`,
      width: `${box.width}px`, height: `${box.height}px`, zIndex: '1500', background: 'var(--page)',
    });
    const app = document.createElement('div');
    app.id = 'app';
    page.before(app);
  }

  async function handOver(pressed) {
    // A press is let finish first: the click it makes is the first view's (a line's pick, a
    // button's replay).
    if (pressed) {
      await new Promise((resolve) => {
        const done = () => setTimeout(resolve, 0);
        addEventListener('pointerup', done, { once: true, capture: true });
        addEventListener('pointercancel', done, { once: true, capture: true });
        addEventListener('touchend', done, { once: true, capture: true });
      });
    }
    watch.disconnect();
    root.dataset.firstView = 'handing-over';
    if (page) setAside();
    const next = await run(NEXT, appStyles(NEXT));
    removeEventListener('click', onClick, true);
    if (!next) {
      first.leave();
      return;
    }
    await new Promise((resolve) => {
      const over = () => root.dataset.state !== 'loading';
      if (over()) return resolve();
      const wait = new MutationObserver(() => { if (over()) { wait.disconnect(); resolve(); } });
      wait.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    });
    const focused = cover()?.contains(document.activeElement) ? document.activeElement : null;
    if (page) {
      // What the visitor typed or chose in the first view's fields, in the interface's.
      const app = document.getElementById('app');
      for (const field of page.querySelectorAll('input, select, textarea')) {
        if (field.type === 'checkbox' || field.type === 'radio' || field.value === field.defaultValue) continue;
        const into = elementAt(app, placeOf(field, page));
        if (!into || into.localName !== field.localName || into.value === field.value) continue;
        into.value = field.value;
        into.dispatchEvent(new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }));
      }
      const focusPlace = focused ? placeOf(focused, page) : null;
      first.leave();
      root.dataset.firstView = 'replaced';
      const target = replay ? elementAt(app, replay) : null;
      if (target) target.click();
      if (focusPlace) elementAt(app, focusPlace)?.focus?.();
      return;
    }
    first.leave();
    root.dataset.firstView = 'replaced';
    const again = replay ?? focused?.dataset?.replay;
    const target = again ? document.querySelector(REPLAY[again]) : null;
    if (replay && target) target.click();
    if (focused) (target ?? document.querySelector('.map'))?.focus?.();
  }
}

// Offline: the full page keeps this build's files in the browser (public/sw.js) and says so
// (`html[data-offline="ready"]`, and `data-network` when the network is gone). An embedded map
// stores nothing: no service worker in another site's page.
if ('serviceWorker' in navigator && new URLSearchParams(location.search).get('embed') !== '1') {
  const network = () => { root.dataset.network = navigator.onLine ? 'online' : 'offline'; };
  addEventListener('online', network);
  addEventListener('offline', network);
  network();
  offlineCopy();
}

/** Unsaved work in this tab (a previewed file, a draft): the app says so on `html`. */
const unsaved = () => Boolean(root.dataset.unsaved);

function offlineCopy() {
  const sw = navigator.serviceWorker;
  // A page run by an older build that sees a new one take over reloads into it (its state is in
  // the address), never mixing the two; a page holding unsaved work is not reloaded: it offers
  // the reload instead. (The first visit's page is taken over once, by the first build: no
  // reload then.)
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (!controlled) { controlled = true; return; }
    if (unsaved()) offerReload();
    else location.reload();
  });
  // A new build installed beside a running one waits; it takes over at once when this tab holds
  // nothing unsaved, otherwise when the visitor says so.
  const waiting = (worker) => {
    if (!worker || !sw.controller) return;
    if (unsaved()) offerReload(worker);
    else worker.postMessage('take-over');
  };
  const watch = (registration) => {
    waiting(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => { if (worker.state === 'installed') waiting(worker); });
    });
  };
  // A deploy without sw.js (the server says it is gone, not "no network") ends the offline copy:
  // the worker is unregistered and its files deleted, so the next visit is the server's alone.
  const gone = async (error) => {
    console.warn('no offline copy:', error);
    const answer = await fetch('sw.js', { method: 'HEAD', cache: 'no-store' }).catch(() => null);
    if (answer?.status !== 404 && answer?.status !== 410) return;
    for (const registration of await sw.getRegistrations()) await registration.unregister();
    for (const name of await caches.keys()) if (name.startsWith('partnership-map-')) await caches.delete(name);
    root.dataset.offline = 'removed';
  };
  const returning = Boolean(sw.controller);
  sw.register('sw.js')
    .then((registration) => {
      if (!registration) return null; // registration refused by the browser (a policy): no copy
      watch(registration);
      // A returning visit asks for sw.js again: a new build is found, a removed one is seen.
      if (returning) registration.update().catch(gone);
      return sw.ready;
    })
    .then((ready) => { if (ready && root.dataset.offline !== 'removed') root.dataset.offline = 'ready'; })
    .catch(gone);
}

/** "A new version of the map is ready" with a reload button, for a tab holding unsaved work. */
function offerReload(worker) {
  if (document.getElementById('new-version')) return;
  const bar = document.createElement('div');
  bar.id = 'new-version';
  bar.className = 'new-version';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'Une nouvelle version de la carte est prête. · 새 버전의 지도가 준비되었습니다. · A new version of the map is ready.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button button--small';
  reload.textContent = 'Recharger pour la nouvelle version · 새 버전으로 새로고침 · Reload for the new version';
  reload.addEventListener('click', () => {
    if (worker && navigator.serviceWorker.controller !== worker) {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
      worker.postMessage('take-over');
    } else {
      location.reload();
    }
  });
  bar.append(text, reload);
  document.body.append(bar);
}

// A crash of the app (a Rust panic traps the WebAssembly: it cannot go on) shows a screen that
// says so and reloads the page, which keeps its state in the address; never a dead or blank map.
function crashed() {
  if (document.getElementById('crash')) return;
  // Its look is style.css's (an embed's first view has only its own part of it).
  sheet('style.css');
  root.dataset.state = 'error';
  const box = document.createElement('div');
  box.id = 'crash';
  box.className = 'crash-screen';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'crash-text');
  const text = document.createElement('p');
  text.id = 'crash-text';
  text.textContent = "La carte s'est arrêtée sur une erreur. · 지도에 오류가 발생해 멈췄습니다. · The map stopped on an error.";
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Recharger · 새로고침 · Reload';
  reload.addEventListener('click', () => location.reload());
  box.append(text, reload);
  document.body.append(box);
  reload.focus();
}
addEventListener('error', (e) => { if (e.error instanceof WebAssembly.RuntimeError) crashed(); });
addEventListener('unhandledrejection', (e) => { if (e.reason instanceof WebAssembly.RuntimeError) crashed(); });
