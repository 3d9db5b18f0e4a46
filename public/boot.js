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
const MODULE = /^partnership_map(_embed)?$/.test(root.dataset.module ?? '') ? root.dataset.module : 'partnership_map';

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
    script: `Le programme de la carte (pkg/${MODULE}.js) ne s’est pas chargé. · 지도 프로그램(pkg/${MODULE}.js)을 불러오지 못했습니다. · The map’s program (pkg/${MODULE}.js) did not load.`,
    wasm: `Le module de la carte (pkg/${MODULE}_bg.wasm) est absent ou abîmé. · 지도 모듈(pkg/${MODULE}_bg.wasm)이 없거나 손상되었습니다. · The map’s module (pkg/${MODULE}_bg.wasm) is missing or damaged.`,
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

/** The app's stylesheets (index.html's `link[data-app-style]`: Leaflet's and style.css), loaded
 * without holding up the first paint, applied now; resolves once each is in, or has failed (the
 * app then starts as it would have with the file missing). The app waits for them: a map laid
 * out without its stylesheet would measure the wrong size. */
function appStyles() {
  return Promise.all([...document.querySelectorAll('link[data-app-style]')].map((link) => {
    // Already in, or already failed (its load is then in the resource timing): no event to wait for.
    const over = link.sheet || performance.getEntriesByName(link.href).length > 0;
    const done = over ? Promise.resolve() : new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
    link.media = 'all';
    return done;
  }));
}

async function start() {
  const styles = appStyles();
  // index.html loads Leaflet first (`defer`, in order): without it the map cannot be drawn.
  if (typeof window.L?.map !== 'function') return failed('leaflet');
  let retrying = false;
  try {
    retrying = sessionStorage.getItem(RETRY) === '1';
    sessionStorage.removeItem(RETRY);
  } catch { /* no storage: no retry flag */ }
  let init;
  try {
    ({ default: init } = await import(`./pkg/${MODULE}.js`));
  } catch (error) {
    return failed('script', error);
  }
  try {
    const wasm = new URL(`pkg/${MODULE}_bg.wasm`, document.baseURI);
    await styles;
    // first-paint.js asks for the wasm ahead unless this says it is already asked for.
    root.dataset.wasm = 'asked';
    await init({ module_or_path: retrying ? fetch(wasm, { cache: 'reload' }) : wasm });
  } catch (error) {
    // A panic at start is the crash screen's (below); anything else is the wasm's failure.
    if (error instanceof WebAssembly.RuntimeError) crashed();
    else failed('wasm', error);
  }
}
start();

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
