// Starts Debian's nginx (installed by .ci/setup.sh) on a free local port, serving a folder under
// a sub-path with the README's configuration: gzip, the system's MIME types (application/wasm),
// the redirect to the trailing slash, and optional extra headers (the CSP). Everything nginx
// writes goes to a temporary folder; nothing of the system's configuration is used.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Resolves to { url, close } once nginx answers; `base` is the sub-path, e.g. '/carte/coree/'. */
export async function startNginx({ dir, base = '/', headers = {} }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-'));
  const port = await freePort();
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const extra = Object.entries(headers).map(([k, v]) => `      add_header ${k} "${v}" always;`).join('\n');
  const redirect = prefix === '/' ? '' : `    location = ${prefix.slice(0, -1)} { return 301 ${prefix}$is_args$args; }`;
  fs.writeFileSync(path.join(tmp, 'nginx.conf'), `
${process.getuid?.() === 0 ? 'user root root;' : ''}
worker_processes 1;
daemon off;
error_log ${tmp}/error.log warn;
pid ${tmp}/nginx.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
${redirect}
    location ${prefix} {
      alias ${path.resolve(dir)}/;
      gzip on;
      gzip_types application/javascript text/javascript application/json application/wasm text/css image/svg+xml;
${extra}
    }
  }
}`);
  const server = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}${prefix}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok).catch(() => false)) {
      return { url, close: () => { server.kill(); fs.rmSync(tmp, { recursive: true, force: true }); } };
    }
    if (server.exitCode !== null) throw new Error(`nginx stopped: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`nginx did not answer: ${stderr}`);
}
