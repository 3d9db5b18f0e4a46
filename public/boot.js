// Starts the wasm app. A separate file (not an inline script) so a strict Content-Security-Policy
// can forbid inline scripts.
import init from './pkg/partnership_map.js';

init().catch((error) => {
  console.error('the map could not start:', error);
  document.documentElement.dataset.state = 'error';
  const app = document.getElementById('app');
  if (app) {
    const p = document.createElement('p');
    p.className = 'status-screen status-screen--error';
    p.setAttribute('role', 'alert');
    p.textContent = "La carte n'a pas pu démarrer. · 지도를 시작하지 못했습니다. · The map could not start.";
    app.replaceChildren(p);
  }
});

// Offline: the full page keeps this build's files in the browser (public/sw.js) and says so
// (`html[data-offline="ready"]`, and `data-network` when the network is gone). An embedded map
// stores nothing: no service worker in another site's page.
if ('serviceWorker' in navigator && new URLSearchParams(location.search).get('embed') !== '1') {
  const root = document.documentElement;
  const network = () => { root.dataset.network = navigator.onLine ? 'online' : 'offline'; };
  addEventListener('online', network);
  addEventListener('offline', network);
  network();
  // A page already run by a service worker that sees another take over was opened on an older
  // build: it reloads into the new one (its state is in the URL), never mixing the two. (The
  // first visit's page is taken over once, by the first build: no reload then.)
  let controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });
  navigator.serviceWorker.register('sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => { root.dataset.offline = 'ready'; })
    .catch((error) => console.warn('no offline copy:', error));
}

// A crash of the app (a Rust panic traps the WebAssembly: it cannot go on) shows a screen that
// says so and reloads the page, which keeps its state in the address; never a dead or blank map.
function crashed() {
  if (document.getElementById('crash')) return;
  document.documentElement.dataset.state = 'error';
  const box = document.createElement('div');
  box.id = 'crash';
  box.className = 'crash-screen';
  box.setAttribute('role', 'alertdialog');
  box.setAttribute('aria-labelledby', 'crash-text');
  const text = document.createElement('p');
  text.id = 'crash-text';
  text.textContent = "La carte s'est arrêtée sur une erreur. · 지도에 오류가 발생해 멈췄습니다. · The map stopped on an error.";
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button';
  reload.textContent = 'Recharger · 새로고침 · Reload';
  reload.addEventListener('click', () => location.reload());
  box.append(text, reload);
  document.body.append(box);
  reload.focus();
}
addEventListener('error', (e) => { if (e.error instanceof WebAssembly.RuntimeError) crashed(); });
addEventListener('unhandledrejection', (e) => { if (e.reason instanceof WebAssembly.RuntimeError) crashed(); });
