// Issue 18, item 8: switching World ↔ Side by side 75 times took the page's event listeners from
// 593 to 1,043 and its DOM nodes up by ~900 (Leaflet's scroll listener on the map's element,
// never taken off, kept every removed world map alive). Counted by the browser after a full
// garbage collection, so the margin is the same at every run; no time is measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, openMap, useBrowser } from './support.mjs';

const t = useBrowser();

/** Switches the view `n` times by its buttons, in the page (no round trip per switch), each
 * time until the new map is framed. */
function switchViews(page, n) {
  return page.evaluate(async (n) => {
    const framed = (view) => new Promise((resolve) => {
      const check = () => (document.querySelector(`.map[data-view="${view}"][data-settled="true"]`) ? resolve() : requestAnimationFrame(check));
      check();
    });
    for (let i = 0; i < n; i++) {
      const view = document.querySelector('.map').dataset.view === 'world' ? 'twin' : 'world';
      document.querySelector(`.view-toggle button[data-view="${view}"]`).click();
      await framed(view);
    }
  }, n);
}

test('regression: 200 view switches leave no event listeners and no DOM nodes behind', async () => {
  // Reduced motion: the maps jump to their frame instead of flying, which is all the wait is for.
  t.page = await newPage(t.env, { reducedMotion: 'reduce' });
  await openMap(t.page, t.env.url, '?lang=en');
  const cdp = await t.page.context().newCDPSession(t.page);
  const count = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { nodes, listeners: jsEventListeners };
  };
  await switchViews(t.page, 2);
  const first = await count();
  await switchViews(t.page, 200);
  const last = await count();
  // Before the fix: +6 listeners and +12 nodes at each round trip (+600 and +1,200 here).
  assert.ok(last.listeners - first.listeners <= 10, `listeners ${first.listeners} → ${last.listeners}`);
  assert.ok(last.nodes - first.nodes <= 60, `nodes ${first.nodes} → ${last.nodes}`);
});
