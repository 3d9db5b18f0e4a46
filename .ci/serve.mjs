// Serves the built folder over HTTP, optionally under a sub-path (to prove the build works
// anywhere). sirv does the static serving (MIME types incl. application/wasm, path safety).
//
// CLI:    node .ci/serve.mjs [--dir dist] [--port 8080] [--host 127.0.0.1] [--base /]
// Module: import { startServer } from './serve.mjs'  (used by the browser tests)
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Starts a server; resolves to { server, url } once listening (port 0 = any free port);
 * `headers` are added to every response. */
export function startServer({ dir = 'dist', port = 8080, host = '127.0.0.1', base = '/', headers = {} } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const assets = sirv(path.resolve(dir), { dev: true, etag: true });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === prefix.slice(0, -1)) {
      // "/carte/coree" → "/carte/coree/": relative URLs need the trailing slash.
      res.writeHead(301, { Location: prefix + url.search });
      return res.end();
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    req.url = '/' + req.url.slice(prefix.length);
    // Extra headers on every file (the tests' Content-Security-Policy).
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const { url } = await startServer({
    dir: args.dir ?? 'dist',
    port: Number(args.port ?? 8080),
    host: args.host ?? '127.0.0.1',
    base: args.base ?? '/',
  });
  console.log(`Serving the map at ${url}  (Ctrl+C to stop)`);
}
