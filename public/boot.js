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
