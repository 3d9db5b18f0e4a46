// The page's first paint (written at build time: the title, the count and the list of the map's
// opening view) is that view only. An address asking for other pairs or another order (filters,
// a search, one authority's own, the timeline or the administrations panel, the kiosk) shows the
// title and the loading bar alone until the app draws what it asks for: a partner's embed
// showing its own partnerships never starts with a list of everyone else's.
// A classic script in <head>, so it runs before the list is painted; a file of its own, so that a
// strict Content-Security-Policy can forbid inline scripts.
(() => {
  const OTHER_VIEW = ['region', 'theme', 'kind', 'from', 'to', 'unknown', 'q', 'focus', 'sort', 'panel', 'mode', 'tour'];
  const params = new URLSearchParams(location.search);
  if (OTHER_VIEW.some((name) => params.has(name))) document.documentElement.dataset.firstPaint = 'other';
})();
