// Issue 6: every label of the interface is translated. In Korean, any interface text written in
// Latin letters (and not a proper name) is an untranslated label; in every language, no message
// key or data id shows through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, openMap, useBrowser } from './support.mjs';

const t = useBrowser();

/** Texts of the interface itself (data names excluded): every text node and every accessible
 *  name, label, title and placeholder outside the places that show data names. */
function interfaceTexts(page) {
  return page.evaluate(() => {
    // Where names from the data are shown (they are checked against the data elsewhere).
    const DATA_NAMES = '.pair-list li, .pair-card .authority-name, .pair-card .names, .leaflet-marker-icon, path.pm-link, .timeline li, .tiers-panel li, .search-suggestions, .sources, .pair-card .summary, .pair-card blockquote, .leaflet-control-attribution, .lang-switcher, option, .pair-card h2, .pair-card .authority h3, .pair-card .authority p, .pair-card .authority dd, .pair-card dd';
    const out = [];
    const seen = (el) => el.closest(DATA_NAMES) === null && el.closest('[hidden], [aria-hidden="true"], noscript, dialog:not([open])') === null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (text && n.parentElement && seen(n.parentElement) && getComputedStyle(n.parentElement).display !== 'none') out.push({ text, where: n.parentElement.outerHTML.slice(0, 120) });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!seen(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push({ text: v.trim(), where: `${a} of ${el.outerHTML.slice(0, 100)}` });
      }
    }
    return out;
  });
}

const STATES = [['list', ''], ['card', '&pair=seoul-paris'], ['timeline', '&panel=timeline'], ['administrations', '&panel=tiers'], ['world', '&view=world']];

for (const [name, query] of STATES) {
  test(`Korean interface, ${name}: no label left in Latin letters`, async () => {
    t.page = await newPage(t.env, { width: 1280, height: 800 });
    await openMap(t.page, t.env.url, `?lang=ko${query}`);
    const latinOnly = (await interfaceTexts(t.page)).filter(({ text }) => /[A-Za-z]{2,}/.test(text) && !/\p{Script=Hangul}/u.test(text));
    assert.deepEqual(latinOnly.map((x) => `${x.text} (${x.where})`), []);
  });
}

for (const lang of ['fr', 'ko', 'en']) {
  test(`${lang}: no message key, data id or missing value shows through the interface`, async () => {
    for (const [, query] of STATES) {
      t.page = await newPage(t.env, { width: 1280, height: 800 });
      await openMap(t.page, t.env.url, `?lang=${lang}${query}`);
      const texts = (await interfaceTexts(t.page)).map((x) => x.text);
      assert.ok(texts.length > 30, `${query}: the interface has text`);
      // Message names (CamelCase), Rust debug output, unset values.
      const leaks = texts.filter((x) => /\b[A-Z][a-z]{2,}[A-Z][a-z]{2,}|\bSome\(|\bNone\b|undefined|null|NaN|\[object/.test(x));
      assert.deepEqual(leaks, [], `${query}`);
      await t.page.close();
    }
  });
}
