// The service worker of the pavilion copy: every file of this build is kept in the browser on
// the first visit, so the map opens whole with the network gone. One cache per build: the build
// writes VERSION and FILES below (.ci/sw-manifest.mjs), FILES giving each file's SHA-256 and
// VERSION a hash of them all.
//
// What it will not do, whatever the server answers:
// - keep a response that is not what it claims: each file is installed only with a 2xx status,
//   the content type its name calls for, and the bytes the build recorded. One bad file (an
//   upload in progress, a host's error page answered 200) fails the install: nothing of that
//   build is kept, the previous copy (if any) stays, and the next visit tries again.
// - stand between the visitor and a fixed server: the page itself, the data and the tours come
//   from the network first (the copy is the fallback, offline or on a server error), and the
//   good answers refresh the copy, so a data file edited in place is seen on the next visit.
// - answer for pages that are not the map's: only the map's own address (the scope, or its
//   index.html, with any query) is answered from the copy; other.html, blog/, data/… opened as a
//   page go to the server.
// - reload a tab behind its back: a new build waits (see boot.js, which asks it to take over when
//   no tab holds unsaved work, and otherwise offers "reload for the new version").
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `partnership-map-${VERSION}`;
const scope = self.registration.scope;
const INDEX = new URL('index.html', scope).href;

/** Files that may change in place between builds: always asked of the network first. */
const fresh = (path) => path.startsWith('data/') || path.startsWith('tours/');

const TYPES = [
  [/\.html$/, /^text\/html/],
  [/\.m?js$/, /^(text|application)\/(x-)?javascript/],
  [/\.wasm$/, /^application\/wasm/],
  [/\.json$/, /^application\/(.+\+)?json/],
  [/\.css$/, /^text\/css/],
  [/\.png$/, /^image\/png/],
  [/\.svg$/, /^image\/svg\+xml/],
];

/** Why a response is not the file `path` of this build, or null when it is. */
async function refusal(path, response) {
  if (!response.ok) return `HTTP ${response.status}`;
  const type = response.headers.get('content-type') ?? '';
  const rule = TYPES.find(([name]) => name.test(path));
  if (rule && !rule[1].test(type)) return `content type ${type || '(none)'}`;
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== FILES[path]) return 'not the bytes of this build';
  return null;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Every file fetched and checked first; the cache is made only when all are good, so a
    // failed install leaves nothing behind, not even for a moment.
    const checked = await Promise.all(Object.keys(FILES).map(async (path) => {
      // `reload`: straight from the server, never from the HTTP cache of an older build.
      const url = new URL(path, scope).href;
      const response = await fetch(new Request(url, { cache: 'reload' }));
      const why = await refusal(path, response);
      if (why) throw new Error(`${path}: ${why}`); // the install fails; the browser tries again later
      return [url, response];
    }));
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(checked.map(([url, response]) => cache.put(url, response)));
    } catch (error) {
      await caches.delete(CACHE); // storage full: no half copy
      throw error;
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('partnership-map-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** The network's answer (its headers within `ms`), or null with no answer. */
async function network(request, ms) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(request, { signal: controller.signal });
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = new URL(request.url);
  const path = url.pathname.slice(new URL(scope).pathname.length);

  if (request.mode === 'navigate') {
    // Only the map's own page; any other page in scope is the server's business.
    if (path !== '' && path !== 'index.html') return;
    event.respondWith((async () => {
      const live = await network(request, 4000);
      if (live?.ok && /^text\/html/.test(live.headers.get('content-type') ?? '')) return live;
      return (await caches.match(INDEX, { cacheName: CACHE })) ?? live ?? Response.error();
    })());
    return;
  }
  if (!(path in FILES)) return; // not a file of this build (sw.js, another dataset, …)
  if (fresh(path)) {
    event.respondWith((async () => {
      const key = new URL(path, scope).href;
      const live = await network(request, 8000);
      if (live?.ok) {
        // A good answer refreshes the copy (the loader checks its content, as for any file).
        if (/json/.test(live.headers.get('content-type') ?? '')) {
          const copy = live.clone();
          // Only into a copy that is still there: one removed (a deploy without sw.js, boot.js)
          // is not made again by a page it still controls.
          event.waitUntil(caches.has(CACHE).then((kept) => kept && caches.open(CACHE).then((c) => c.put(key, copy))).catch(() => {}));
        }
        return live;
      }
      return (await caches.match(key, { cacheName: CACHE })) ?? live ?? Response.error();
    })());
    return;
  }
  event.respondWith((async () => {
    const hit = await caches.match(new URL(path, scope).href, { cacheName: CACHE, ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
