// Writes the full map's first view's page (issue 19): the interface's own opening screen, as the
// built app lays it out, for the first view's module (src/first.rs) to show before the
// interface has arrived. The app is opened in headless Chromium on the folder being built, in
// each language and each view, and its page (`#app`) is written as a tree of elements and texts
// (`first-view-<lang>-<view>.json`), not as HTML: public/boot.js builds it with the DOM's own
// calls, and keeps only safe attributes. The maps are left empty (the first view's module draws
// them); every address the page holds is made relative (the app writes absolute ones).
//
// The opening screen differs by screen width in one way only: a desktop's filters and legend
// start open (app::desktop_screen, above 1,100 px). Each page is opened at 1280×800 and at
// 390×844; those `<details>` are written with `data-open-wide` instead of `open`, and any other
// difference between the two widths stops the build (the first view would not match).
//
// CLI: node .ci/prerender.mjs DIR   (DIR: a built folder; needs Chromium: $CHROMIUM or /usr/bin/chromium)
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const dir = path.resolve(process.argv[2] ?? 'dist');
const LANGS = ['fr', 'ko', 'en'];
const VIEWS = ['twin', 'world'];
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };

const { server, url } = await startServer({ dir, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** The page of the app at `query`, once ready, as `[tag, {attributes}, ...children]`. */
async function page(query, viewport) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block', locale: 'en-US' });
  // The interface itself, not its first view (public/first-paint.js).
  await context.addInitScript(() => { window.partnershipMapPrerender = true; });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await tab.goto(url + query);
  await tab.waitForSelector('html[data-state="ready"], html[data-state="error"]', { timeout: 60000 });
  if ((await tab.evaluate(() => document.documentElement.dataset.state)) !== 'ready' || errors.length) {
    throw new Error(`the app did not open cleanly at ${query}: ${errors.join('; ') || 'data-state="error"'}`);
  }
  const tree = await tab.evaluate((origin) => {
    const relative = (value) => (value.startsWith(origin) ? value.slice(origin.length) || './' : value);
    const walk = (el) => {
      const attrs = {};
      for (const a of el.attributes) attrs[a.name] = relative(a.value);
      const node = [el.localName, attrs];
      // The maps are the first view's to draw: their element alone, as the app first makes it.
      if (el.classList.contains('map') && el.hasAttribute('data-view')) {
        node[1] = { class: 'map', 'data-view': attrs['data-view'], role: attrs.role, 'aria-label': attrs['aria-label'] };
        return node;
      }
      for (const child of el.childNodes) {
        if (child.nodeType === Node.ELEMENT_NODE) node.push(walk(child));
        else if (child.nodeType === Node.TEXT_NODE && child.data) node.push(child.data);
      }
      return node;
    };
    return walk(document.getElementById('app'));
  }, url);
  const title = await tab.title();
  await context.close();
  return { tree, title };
}

/** The wide page's tree with `open` on the details that are closed on a phone written as
 * `data-open-wide`; throws at any other difference. */
function merge(wide, narrow, where = 'app') {
  if (typeof wide === 'string' || typeof narrow === 'string') {
    if (wide !== narrow) throw new Error(`${where}: the text differs between 1280 and 390 px: ${JSON.stringify(wide)} / ${JSON.stringify(narrow)}`);
    return wide;
  }
  const [tag, attrs, ...children] = wide;
  const [tag2, attrs2, ...children2] = narrow;
  if (tag !== tag2 || children.length !== children2.length) throw new Error(`${where}: the page differs between 1280 and 390 px (${tag}/${tag2}, ${children.length}/${children2.length} children)`);
  const out = { ...attrs };
  for (const name of new Set([...Object.keys(attrs), ...Object.keys(attrs2)])) {
    if (attrs[name] === attrs2[name]) continue;
    if (tag === 'details' && name === 'open' && attrs2[name] === undefined) {
      delete out.open;
      out['data-open-wide'] = '';
      continue;
    }
    throw new Error(`${where} > ${tag}: its ${name} differs between 1280 and 390 px: ${attrs[name]} / ${attrs2[name]}`);
  }
  return [tag, out, ...children.map((c, i) => merge(c, children2[i], `${where} > ${tag}`))];
}

let total = 0;
try {
  for (const lang of LANGS) {
    for (const view of VIEWS) {
      const query = `?lang=${lang}${view === 'twin' ? '' : `&view=${view}`}`;
      const wide = await page(query, WIDE);
      const narrow = await page(query, NARROW);
      const file = path.join(dir, `first-view-${lang}-${view}.json`);
      const text = JSON.stringify({ title: wide.title, page: merge(wide.tree, narrow.tree) });
      fs.writeFileSync(file, text);
      total += text.length;
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`first view's pages: ${LANGS.length * VIEWS.length} files, ${total} bytes`);
