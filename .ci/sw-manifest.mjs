// Writes the service worker's list of files and its version into dist/sw.js: every file of the
// build (relative paths) with the SHA-256 of its bytes (the worker installs a file only with
// these bytes), and a hash of them all as the version, so each build has its own cache and any
// change to any file listed (code, data, tours) is a new version.
//
// CLI: node .ci/sw-manifest.mjs <dist folder>
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? 'dist');
const sw = path.join(dir, 'sw.js');
const files = [];
(function walk(sub) {
  for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(rel);
    else if (rel !== 'sw.js' && !rel.endsWith('.map')) files.push(rel);
  }
})('');
files.sort();
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const manifest = Object.fromEntries(files.map((f) => [f, sha256(fs.readFileSync(path.join(dir, f)))]));
const version = sha256(JSON.stringify(manifest)).slice(0, 16);
const template = fs.readFileSync(sw, 'utf8');
if (!template.includes('__VERSION__')) throw new Error(`${sw} has no placeholders: already written?`);
fs.writeFileSync(sw, template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(manifest, null, 1)));
console.log(`sw.js: ${files.length} files, version ${version}`);
