// Minifies the build's own scripts and stylesheets in place (npm `esbuild`, pinned): the
// wasm-bindgen glue, boot.js, first-paint.js, the workers and every stylesheet, Leaflet's
// included (its package ships leaflet.css unminified). Comments, spaces and local names go;
// what the code does does not change (no bundling, no syntax lowering: the same files, the
// same format). For an embed's first load this is 13 KB gzip of 271 (issue 19). sw.js is left
// as written: .ci/sw-manifest.mjs fills its placeholders afterwards.
//
// CLI: node .ci/minify.mjs <dist folder>   (prints each file's bytes before and after)
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const dir = path.resolve(process.argv[2] ?? 'dist');
const files = [];
(function walk(sub) {
  for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(rel);
    else if (/\.(js|css)$/.test(rel) && rel !== 'sw.js' && !rel.endsWith('.min.js') && rel !== 'vendor/leaflet/leaflet.js' && !rel.startsWith('vendor/html-to-image/')) files.push(rel);
  }
})('');
let before = 0;
let after = 0;
for (const rel of files.sort()) {
  const file = path.join(dir, rel);
  const source = fs.readFileSync(file, 'utf8');
  // Scripts keep their kind: an ES module (the glue, boot.js) may be minified as one, a classic
  // script (first-paint.js, the workers) keeps its top-level names, which are global.
  const module = rel.startsWith('pkg/') || rel === 'boot.js';
  const loader = rel.endsWith('.css') ? 'css' : 'js';
  const { code } = transformSync(source, { loader, minify: true, ...(loader === 'js' ? { format: module ? 'esm' : undefined } : {}), legalComments: 'inline' });
  fs.writeFileSync(file, code);
  before += source.length;
  after += code.length;
  console.log(`${rel}: ${source.length} → ${code.length} bytes`);
}
// The page: its comments (which explain index.html to whoever edits it) are not sent. The data
// tool has already replaced its markers, and every text it wrote there is escaped (`<!--`
// included), so only the template's own comments match.
const page = path.join(dir, 'index.html');
const html = fs.readFileSync(page, 'utf8');
const bare = html.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
fs.writeFileSync(page, bare);
before += html.length;
after += bare.length;
console.log(`index.html: ${html.length} → ${bare.length} bytes`);
console.log(`minified ${files.length + 1} files: ${before} → ${after} bytes`);
