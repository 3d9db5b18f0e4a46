// The page's first paint (written at build time: the title, the count and the list of the map's
// opening view) is that view only. An address asking for other pairs or another order (filters,
// a search, one authority's own, the timeline or the administrations panel, the kiosk) shows the
// title and the loading bar alone until the app draws what it asks for: a partner's embed
// showing its own partnerships never starts with a list of everyone else's.
//
// Then, once that first paint is on screen, the files the app starts with are asked for at once
// (no waterfall boot.js → the app's script → its wasm → the outlines), and not before: until then
// the page's own text and stylesheet have the network to themselves (`make bench`'s phone
// profile, 2026-12-07: first contentful paint 1.06 s instead of 1.48 s with these asked for by
// index.html, every link drawn 2 to 7 % later; Lighthouse's mobile audit counted the wasm in
// the first paint and the largest one: performance 67 to 75 instead of 31 to 49). The data is
// asked for by a plain request that the app takes over, not a preload: the app reads it with a
// size limit and hangs up past 25 MB, which a preload (read whole by the browser) would not
// (hostile.test.mjs).
//
// A classic script in <head>, so it runs before the list is painted; a file of its own, so that a
// strict Content-Security-Policy can forbid inline scripts.
(() => {
  const root = document.documentElement;
  const OTHER_VIEW = ['region', 'theme', 'kind', 'from', 'to', 'unknown', 'q', 'focus', 'sort', 'panel', 'mode', 'tour'];
  const params = new URLSearchParams(location.search);
  if (OTHER_VIEW.some((name) => params.has(name))) root.dataset.firstPaint = 'other';

  // The app's module: an embed (not on the pavilion's screen, which is the whole app's) has its
  // own, without what an embed never shows (.ci/build.sh, Cargo.toml's `full`). boot.js starts it.
  // The opening view (no filter, no card asked for) is first drawn by the first view's module
  // (src/first.rs), a third of the embed's size and a quarter of the app's; the interface's
  // (`data-next`) follows on first use (boot.js). The full map's first view is the app's own
  // opening page, written by the build in each language and view (.ci/prerender.mjs): only an
  // address that says nothing else (a language, a view) opens on it.
  const last = (name) => params.getAll(name).at(-1); // as the app reads a repeated parameter
  const embed = last('embed') === '1' && last('mode') !== 'kiosk';
  const next = (root.dataset.next = embed ? 'partnership_map_embed' : 'partnership_map');
  const lang = last('lang') ?? (navigator.languages ?? [navigator.language]).map((tag) => String(tag).split(/[-_]/)[0].toLowerCase()).find((code) => ['fr', 'ko', 'en'].includes(code)) ?? 'fr';
  const view = last('view') ?? 'twin';
  const plain = [...params.keys()].every((name) => name === 'lang' || name === 'view') && ['fr', 'ko', 'en'].includes(lang) && ['twin', 'world'].includes(view);
  const opening = embed
    ? !root.dataset.firstPaint && !params.has('pair') && !params.has('place')
    // (The build's own look at the interface's opening page.)
    : plain && !window.partnershipMapPrerender;
  let module = (root.dataset.module = opening ? 'partnership_map_first' : next);
  // The full map's first view: its page in this language and view (boot.js builds it).
  if (opening && !embed) root.dataset.firstViewPage = `${lang}-${view}`;

  // The app's stylesheet, loaded beside the first paint and not applied (`media="print"`, as
  // index.html loads Leaflet's; boot.js applies them before the app starts): style.css, or for
  // an embed's first view only the rules it uses (first-view.css, cut from style.css by the build), the
  // rest being the interface's, fetched ahead once the first view is drawn.
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = module === 'partnership_map_first' && embed ? 'first-view.css' : 'style.css';
  style.media = 'print';
  style.dataset.appStyle = '';
  document.head.append(style);

  const ask = (rel, href, type) => {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (rel === 'preload') {
      link.as = 'fetch';
      link.type = type;
      // The same request as the app's own fetch, so that it is the one used.
      link.crossOrigin = 'anonymous';
    }
    document.head.append(link);
  };
  // The end of the frame that painted the page (a hidden tab paints nothing: boot.js then asks).
  requestAnimationFrame(() => setTimeout(() => {
    // boot.js has already asked for the wasm (`data-wasm`): a preload now would be a second download.
    if (root.dataset.wasm) return;
    // A map too large for the first view starts with its interface (the build says so in the
    // page: `data-first-view="off"`, read now that it is parsed; boot.js reads it too).
    if (module === 'partnership_map_first' && document.querySelector('main[data-first-view="off"]')) {
      module = root.dataset.module = next;
      delete root.dataset.firstViewPage;
      style.href = 'style.css';
    }
    ask('modulepreload', `pkg/${module}.js`);
    ask('preload', `pkg/${module}_bg.wasm`, 'application/wasm');
    ask('preload', 'basemap.json', 'application/json');
    // The first view draws from its own small file, not the data.
    if (module === 'partnership_map_first') {
      ask('preload', 'first-view.json', 'application/json');
      // (Unless boot.js, run first, has already asked for it.)
      if (root.dataset.firstViewPage && root.dataset.pageAsked === undefined) ask('preload', `first-view-${root.dataset.firstViewPage}.json`, 'application/json');
      return;
    }
    // The data too, as a request the app takes over and reads with its limits (src/app/fetch.rs):
    // not a preload, which the browser would read whole. Left unread, its download waits.
    const controller = new AbortController();
    const url = 'data/partnerships.json';
    const response = fetch(url, { signal: controller.signal });
    response.catch(() => { /* the app reads the failure, with its message and retry */ });
    window.partnershipMapAsked = { url, response, controller };
  }));
})();
