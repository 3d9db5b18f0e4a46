// Writes first-view.css: the rules of style.css that an embed's first view uses (issue 19), so
// that its first load does not carry the interface's whole stylesheet (style.css: 9.3 KB gzip
// minified, this part 3.3). npm `purgecss` (pinned) keeps each rule whose classes, element names
// and attribute names all occur in the first view's code: src/first.rs and the map seam it
// draws with (src/map/), where every class it sets is a string. Leaflet's own classes (set by
// leaflet.js) are kept whole, and so are the classes the seam writes from a value (`format!`):
// a link's kind (`pm-link--twinning`), an edge's side (`pm-edge--north`). The rules keep style.css's order, so once the interface applies
// style.css after it nothing of the first view moves (first-view.test.mjs compares the pixels).
//
// CLI: node .ci/first-view-css.mjs <style.css> <first-view.css>
import fs from 'node:fs';
import { PurgeCSS } from 'purgecss';

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('usage: node .ci/first-view-css.mjs <style.css> <first-view.css>');
const [result] = await new PurgeCSS().purge({
  content: ['src/first.rs', 'src/map/**/*.rs'],
  css: [from],
  safelist: { standard: ['html', 'body', ':root'], greedy: [/leaflet-/, /pm-link--/, /pm-edge--/] },
});
fs.writeFileSync(to, `/* The rules of style.css that an embed's first view uses (.ci/first-view-css.mjs). */\n${result.css}`);
console.log(`first-view.css: ${result.css.length} of ${fs.readFileSync(from, 'utf8').length} bytes of style.css`);
