// Issue 9 (a real web server): the built folder served by nginx (the Debian package, installed by
// .ci/setup.sh, started here) under a sub-path, with the README's configuration: gzip, the wasm
// type, the strict Content-Security-Policy. The map works, as sent by a server as hosts run it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CSP as POLICY, DEFAULT_PAIRS, DIST, newPage, TOTAL, useBrowser } from './support.mjs';

const t = useBrowser();
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
let server = null;
let base = '';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** The README's nginx `location`, in a whole configuration of its own (no system files). */
function configuration(dir, port) {
  return `
${process.getuid?.() === 0 ? 'user root root;' : ''}
worker_processes 1;
daemon off;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = /carte/coree { return 301 /carte/coree/$is_args$args; }
    location /carte/coree/ {
      alias ${DIST}/;
      gzip on;
      gzip_types application/javascript text/javascript application/json application/wasm text/css image/svg+xml;
      add_header Content-Security-Policy "${POLICY}" always;
    }
  }
}`;
}

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), configuration(dir, port));
  server = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  base = `http://127.0.0.1:${port}/carte/coree/`;
  for (let i = 0; i < 100; i++) {
    const up = await fetch(base).then((r) => r.ok).catch(() => false);
    if (up) return;
    if (server.exitCode !== null) throw new Error(`nginx stopped: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer: ${stderr}`);
});
after(() => server?.kill());

test('served by nginx under a sub-path: gzip, application/wasm, the strict CSP header, and the map works end to end with no violation', async () => {
  // What the server sends.
  const head = async (file) => {
    const r = await fetch(base + file, { headers: { 'Accept-Encoding': 'gzip' } });
    await r.arrayBuffer();
    return r.headers;
  };
  const wasm = await head('pkg/partnership_map_bg.wasm');
  assert.equal(wasm.get('content-type'), 'application/wasm');
  assert.equal(wasm.get('content-encoding'), 'gzip');
  for (const f of ['data/partnerships.json', 'pkg/partnership_map.js', 'style.css', 'basemap.json']) {
    assert.equal((await head(f)).get('content-encoding'), 'gzip', `${f} is compressed`);
  }
  assert.equal((await head('')).get('content-security-policy'), POLICY);
  const redirect = await fetch(base.slice(0, -1) + '?lang=ko', { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(new URL(redirect.headers.get('location'), base).href, `${base}?lang=ko`);

  // The map, as a visitor gets it.
  t.page = await newPage(t.env, { width: 1280, height: 800, serviceWorkers: 'allow' });
  await t.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await t.page.goto(base.slice(0, -1) + '?lang=en');
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  assert.equal(new URL(t.page.url()).pathname, '/carte/coree/');
  assert.equal(await t.page.locator('.result-count').textContent(), `${DEFAULT_PAIRS.length} of ${TOTAL} partnerships`);
  await t.page.locator('label[for="region-FR-IDF"]').click();
  await t.page.waitForFunction(() => document.querySelector('.result-count').dataset.visible === '9');
  await t.page.locator('li[data-pair-id="seoul-paris"]').click();
  await t.page.locator('article.pair-card').waitFor();
  // The offline copy, through nginx too.
  await t.page.waitForSelector('html[data-offline="ready"]', { timeout: 30000 });
  await t.page.context().setOffline(true);
  await t.page.reload();
  await t.page.waitForSelector('html[data-state="ready"]', { timeout: 20000 });
  await t.page.context().setOffline(false);
  assert.deepEqual(await t.page.evaluate(() => window.__violations), []);
});
