// Writes a JSON file without its insignificant whitespace: the data file as the app fetches it
// (README "Performance"). Only whitespace between tokens goes: strings, numbers and key order
// stay exactly as written, and the result is checked to parse to the same value. A file that is
// not valid JSON is copied as it is, so that the app reports its problems where they stand (CI
// validates the source file before the build: `partnerships-data validate`).
//
// Usage: node .ci/minify-json.mjs IN.json OUT.json
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node .ci/minify-json.mjs IN.json OUT.json');
  process.exit(2);
}
const text = fs.readFileSync(input, 'utf8');
let parsed;
try {
  parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
} catch {
  fs.copyFileSync(input, output);
  console.log(`${input} is not valid JSON: copied as it is`);
  process.exit(0);
}
let out = '';
let inString = false;
let escaped = false;
for (const c of text) {
  if (inString) {
    out += c;
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === '"') inString = false;
  } else if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
    out += c;
    if (c === '"') inString = true;
  }
}
if (!isDeepStrictEqual(JSON.parse(out.replace(/^\uFEFF/, '')), parsed)) {
  console.error(`minify-json: ${input} does not survive minification`);
  process.exit(1);
}
fs.writeFileSync(output, out);
console.log(`${input}: ${Buffer.byteLength(text)} -> ${Buffer.byteLength(out)} bytes -> ${output}`);
