// The headless Chromium every script here drives (the build's first view pages, the browser
// tests, the benchmark): Debian's, or $CHROMIUM. Flags that work as root on these machines;
// without the background-networking ones Chromium floods the closed network with refused
// connections.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
