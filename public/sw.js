// The service worker of the pavilion copy: every file of this build is kept in the browser on
// the first visit, so the map opens whole with the network gone. One cache per build (the build
// writes VERSION and FILES below: .ci/sw-manifest.mjs); a new build installs its own cache,
// then the old one is deleted and open pages reload, so a page never mixes two builds.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `partnership-map-${VERSION}`;
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: straight from the server, never from the HTTP cache of an older build.
    await cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('partnership-map-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any address of the page (its query is the map's state) is the one index.html.
    const key = request.mode === 'navigate' ? new URL('index.html', scope).href : request;
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    return hit ?? fetch(request);
  })());
});
