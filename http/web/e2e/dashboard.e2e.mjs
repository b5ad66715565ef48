// The dashboard end to end in headless Chromium (Debian's, driven by playwright-core) against a
// running node: sign in through /#token=, live values change on the overview, a furnace shows its
// history and forecasts, a what-if draws baseline and scenario, a recommendation is accepted when
// one exists, Russian labels after the switch; a screenshot of every view; no console errors.
//
//   VITRUM_BASE=http://127.0.0.1:8080 VITRUM_TOKEN=$(cat ~/.vitrum/dev-token) \
//     VITRUM_SHOTS=target/dashboard node e2e/dashboard.e2e.mjs
//
// Prints one line per step and the figures it saw (time to first live value, 3D frames per
// second, WebSocket messages per second); exits non-zero naming the step that failed.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.env.VITRUM_BASE ?? 'http://127.0.0.1:8080';
const token = process.env.VITRUM_TOKEN;
const shots = process.env.VITRUM_SHOTS ?? 'target/dashboard';
const chromiumPath = process.env.VITRUM_CHROMIUM ?? '/usr/bin/chromium';
const furnace = process.env.VITRUM_FURNACE ?? 'F1';
if (!token) {
  console.error('VITRUM_TOKEN is not set (the dev token, e.g. $(cat ~/.vitrum/dev-token))');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const problems = [];
// A capability that has not landed answers 404 and the view shows its empty state, as does a
// furnace without a first prediction yet; Chromium logs the 404 of such a fetch as a console
// error, which is expected for these routes only (every other console error fails the test).
const NOT_LANDED = [/\/api\/recommendations/, /\/api\/policies\//, /\/api\/autonomy\//, /\/api\/explainability\/prediction/];

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  const url = m.location()?.url ?? '';
  if (NOT_LANDED.some((re) => re.test(url)) && /404|405/.test(m.text())) return;
  problems.push(`console error on ${page.url()}: ${m.text()} ${url}`);
});
page.on('pageerror', (e) => problems.push(`page error on ${page.url()}: ${e.message}`));

let step = '';
const log = (s) => console.log(`[e2e] ${s}`);
async function run(name, body) {
  step = name;
  const started = Date.now();
  await body();
  log(`ok  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
async function shot(name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}
async function view(path, name, ready) {
  await page.goto(base + path);
  await page.waitForSelector(ready, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await shot(name);
}

// The furnace view's forecasts need the furnace's first prediction, which the API answers 404 until
// the models have a full input window (a few minutes after a fresh start): wait for it.
async function awaitPredictions(furnaces, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (const f of furnaces) {
    for (;;) {
      const r = await fetch(`${base}/api/explainability/prediction?furnace=${f}`, { headers: { Authorization: `Bearer ${token}` } });
      if (r.ok) break;
      if (Date.now() > deadline) throw new Error(`no prediction for ${f} within ${timeoutMs / 1000} s (last answer ${r.status})`);
      await new Promise((res) => setTimeout(res, 2000));
    }
  }
}

const figures = {};
try {
  await run(`the node has a prediction for ${furnace}`, () => awaitPredictions([furnace], 300_000));

  await run('sign in with #token= (the fragment leaves the address bar)', async () => {
    const opened = Date.now();
    await page.goto(`${base}/?lang=en#token=${token}`);
    await page.waitForSelector('.conn[data-state="open"]', { timeout: 30_000 });
    if (new URL(page.url()).hash !== '') throw new Error(`the token is still in the URL: ${page.url()}`);
    const stored = await page.evaluate(() => localStorage.getItem('vitrum.token'));
    if (stored !== token) throw new Error('the token was not kept for this browser');
    figures.connectedMs = Date.now() - opened;
  });

  await run('live values change on the overview', async () => {
    const opened = Date.now();
    await page.waitForSelector('[data-testid="furnace-card"]', { timeout: 30_000 });
    const cards = await page.locator('[data-testid="furnace-card"]').count();
    if (cards < 3) throw new Error(`expected a card per furnace (3), saw ${cards}`);
    await page.waitForSelector('[data-testid="live-value"]', { timeout: 30_000 });
    const read = () => page.locator('[data-testid="live-value"]').allTextContents();
    const first = await read();
    const deadline = Date.now() + 60_000;
    let changed = false;
    while (!changed && Date.now() < deadline) {
      await page.waitForTimeout(500);
      const now = await read();
      changed = now.some((v, i) => v !== first[i] && !/—/.test(v));
    }
    if (!changed) throw new Error(`no live value changed within 60 s: ${first.join(' | ')}`);
    figures.firstLiveChangeMs = Date.now() - opened;
    await shot('01-overview');
  });

  await run(`furnace ${furnace}: history and forecasts are drawn`, async () => {
    await page.goto(`${base}/furnaces/${furnace}`);
    await page.waitForSelector('[data-testid="trend-chart"] canvas', { timeout: 60_000 });
    // The forecaster needs an hour of live feature vectors: on a node up for less, the panel says
    // so (its designed empty state); VITRUM_E2E_REQUIRE_FORECAST=1 insists on drawn forecasts.
    const forecast = '[data-testid="forecast-chart"] canvas';
    const waiting = 'section[aria-label="Defect forecast"] .empty';
    await page.waitForSelector(process.env.VITRUM_E2E_REQUIRE_FORECAST ? forecast : `${forecast}, ${waiting}`, { timeout: 60_000 });
    figures.forecastDrawn = (await page.locator(forecast).count()) > 0;
    if (!figures.forecastDrawn) log('    no forecast yet (the forecaster needs an hour of feature vectors): its empty state is shown');
    const drawn = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="trend-chart"] canvas');
      const ctx = c.getContext('2d');
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      return ink;
    });
    if (drawn < 500) throw new Error(`the trend chart is empty (${drawn} drawn pixels)`);
    await page.waitForTimeout(1500);
    await shot('02-furnace');
  });

  await run('a recommendation is accepted when one exists', async () => {
    const accept = page.locator('[data-testid="accept-recommendation"]');
    if ((await accept.count()) === 0) {
      log('    no recommendation exists (the optimizer has not been deployed): the empty state is shown');
      return;
    }
    await accept.first().click();
    await page.waitForSelector('[data-testid="recommendation-result"]', { timeout: 30_000 });
  });

  await run('explanations', () => view(`/furnaces/${furnace}/explanations`, '03-explanations', 'main .panel'));

  await run('what-if: baseline beside scenario', async () => {
    await page.goto(`${base}/twin/${furnace}`);
    await page.waitForSelector('[data-testid="whatif-run"]', { timeout: 60_000 });
    await page.click('[data-testid="whatif-run"]');
    await page.waitForSelector('[data-testid="whatif-chart"] canvas', { timeout: 60_000 });
    const series = Number(await page.getAttribute('[data-testid="whatif-chart"]', 'data-series-count'));
    if (!(series >= 2)) throw new Error(`expected baseline and scenario trajectories, saw ${series} series`);
    await page.waitForTimeout(1500);
    await shot('04-twin');
  });

  await run('the 3D furnace renders (frames per second while rotating)', async () => {
    const box = page.locator('[data-testid="twin-3d"]');
    await box.waitFor({ timeout: 30_000 });
    const rotate = page.locator('[data-testid="twin-rotate"]');
    if ((await rotate.count()) > 0) {
      await rotate.click();
      await page.waitForTimeout(5000);
      figures.fps3d = Number(await box.getAttribute('data-fps'));
      await rotate.click();
    }
  });

  await run('incidents and one incident with its causes', async () => {
    await view('/incidents', '05-incidents', 'main .panel');
    const link = page.locator('a[href^="/incidents/"]');
    if ((await link.count()) === 0) {
      log('    no incident yet: the list shows its empty state');
      return;
    }
    await link.first().click();
    await page.waitForSelector('main .panel', { timeout: 30_000 });
    await page.waitForTimeout(3000);
    await shot('06-incident');
  });

  await run('inspection', () => view('/inspection', '07-inspection', 'main .panel'));
  await run('models', () => view('/models', '08-models', 'main .panel'));
  await run('ingest', () => view('/ingest', '09-ingest', 'main .panel'));
  await run('audit', () => view('/audit', '10-audit', 'main .panel'));

  await run('ask a question', async () => {
    await page.goto(`${base}/ask`);
    const box = page.locator('main textarea').first();
    await box.waitFor({ timeout: 30_000 });
    await box.fill('Why did bubbles rise on furnace 2 in the last hour?');
    await box.press('Enter');
    await page.waitForSelector('.ask-answer:not(.not-understood)', { timeout: 30_000 });
    await page.waitForTimeout(500);
    await shot('11-ask');
  });

  await run('switch to Russian: labels are translated and the choice is remembered', async () => {
    await page.goto(`${base}/`);
    await page.click('.lang button[lang="ru"]');
    await page.waitForFunction(() => document.querySelector('.top nav')?.textContent?.includes('Завод'), null, { timeout: 10_000 });
    if ((await page.getAttribute('html', 'lang')) !== 'ru') throw new Error('the page language is not ru');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.top nav')?.textContent?.includes('Инциденты'), null, { timeout: 10_000 });
    await page.waitForTimeout(1500);
    await shot('12-overview-ru');
    await page.goto(`${base}/furnaces/${furnace}`);
    await page.waitForSelector('[data-testid="trend-chart"]', { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await shot('13-furnace-ru');
    await page.goto(`${base}/twin/${furnace}`);
    await page.waitForSelector('[data-testid="whatif-run"]', { timeout: 30_000 });
    await page.waitForTimeout(1500);
    await shot('14-twin-ru');
  });

  await run('WebSocket message rate on the overview (10 s)', async () => {
    await page.goto(`${base}/?lang=en`);
    await page.waitForSelector('.conn[data-state="open"]', { timeout: 30_000 });
    figures.wsMessagesPerSecond = await page.evaluate(async () => {
      const live = window.__vitrumLive;
      if (!live) return null;
      const a = live.received();
      await new Promise((r) => setTimeout(r, 10_000));
      return (live.received() - a) / 10;
    });
  });
} catch (e) {
  problems.push(`step "${step}" failed: ${e.message}`);
  await shot('failed').catch(() => {});
}
await browser.close();
console.log(`[e2e] figures ${JSON.stringify(figures)}`);
if (problems.length > 0) {
  problems.forEach((p) => console.error(`[e2e] FAIL ${p}`));
  process.exit(1);
}
console.log(`[e2e] passed; screenshots in ${shots}`);
