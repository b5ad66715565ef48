// Keeps the dashboard open in headless Chromium and prints what it costs the browser: the
// JavaScript heap (after a forced garbage collection) and DOM nodes every minute, the WebSocket
// messages per second, the time to the first live value, and the gzip size of the scripts the
// page loaded. Run from http/web (where playwright-core is installed):
//
//   cd http/web && VITRUM_TOKEN=$(cat ~/.vitrum/dev-token) \
//     node ../../load-tests/dashboard/dashboard-soak.mjs --minutes 30 --path /furnaces/F1
//
// Figures go to load-tests/RESULTS.md by hand; nothing here asserts a time.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const base = args.base ?? process.env.VITRUM_BASE ?? 'http://127.0.0.1:8080';
const minutes = Number(args.minutes ?? 30);
const path = args.path ?? '/';
const token = process.env.VITRUM_TOKEN;
if (!token) throw new Error('VITRUM_TOKEN is not set');

const browser = await chromium.launch({
  executablePath: process.env.VITRUM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
let scriptBytes = 0;
page.on('response', async (r) => {
  if (/\.js$/.test(new URL(r.url()).pathname)) {
    const size = Number((await r.allHeaders())['content-length'] ?? 0);
    scriptBytes += size;
  }
});

const opened = Date.now();
await page.goto(`${base}/?lang=en#token=${token}`);
await page.waitForSelector('.conn[data-state="open"]', { timeout: 30_000 });
const firstLive = await page.evaluate(
  () =>
    new Promise((resolve) => {
      const start = performance.now();
      const seen = () => document.querySelector('[data-testid="live-value"]')?.textContent;
      const first = seen();
      const t = setInterval(() => {
        const now = seen();
        if (now && now !== first && !now.includes('—')) {
          clearInterval(t);
          resolve(performance.now() - start);
        }
      }, 50);
    }),
);
const connectedMs = Date.now() - opened;
console.log(`scripts on the first load: ${(scriptBytes / 1024).toFixed(1)} KiB transferred (gzip)`);
console.log(`connected ${connectedMs} ms after opening; first live value changed ${firstLive.toFixed(0)} ms later`);
if (path !== '/') await page.goto(base + path);

async function sample() {
  await page.evaluate(() => window.gc?.());
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const received = await page.evaluate(() => window.__vitrumLive?.received() ?? 0);
  return { heapMiB: m.JSHeapUsedSize / 1048576, nodes: m.Nodes, listeners: m.JSEventListeners, received };
}

console.log('minute  heap MiB  DOM nodes  listeners  WS msg/s');
let last = await sample();
let lastAt = Date.now();
console.log(`${'0'.padStart(6)}  ${last.heapMiB.toFixed(2).padStart(8)}  ${String(last.nodes).padStart(9)}  ${String(last.listeners).padStart(9)}  ${'-'.padStart(8)}`);
for (let i = 1; i <= minutes; i++) {
  await page.waitForTimeout(60_000);
  const s = await sample();
  const rate = (s.received - last.received) / ((Date.now() - lastAt) / 1000);
  console.log(`${String(i).padStart(6)}  ${s.heapMiB.toFixed(2).padStart(8)}  ${String(s.nodes).padStart(9)}  ${String(s.listeners).padStart(9)}  ${rate.toFixed(1).padStart(8)}`);
  last = s;
  lastAt = Date.now();
}
await browser.close();
