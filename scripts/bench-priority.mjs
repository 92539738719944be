// Prints what prioritising costs, against a server already running at
// BASE (scripts/bench-priority.sh starts one):
//  1. reorder round-trip latency (p50, p99, max) and moves/s with CLIENTS
//     concurrent clients moving goals in one plan for SECONDS, then the
//     same for the portfolio's order across objects;
//  2. the browser's interaction time for a move in a 1 000-item list: from
//     the click on "move to top" (and from a keyboard step) to the next
//     frame showing the item in its new place, in Debian's Chromium.
import { chromium } from 'playwright-core';

const base = process.env.BASE ?? 'http://127.0.0.1:3199';
const clients = Number(process.env.CLIENTS ?? 16);
const seconds = Number(process.env.SECONDS ?? 10);
const items = Number(process.env.ITEMS ?? 1000);
const leader = 'naris.radetinac@linkoping.example';
const password = 'styrbord-demo';

async function signIn(email) {
  const response = await fetch(`${base}/auth/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

async function call(cookie, path, form) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

const cookie = await signIn(leader);
const page = await call(cookie, '/sf/priority/page', { code: 'AKN', year: '2021' });
const plan = page.plan.id;
let order = page.rows.map((r) => r.initiative.id);

// 1. Round trips under concurrent load.
const latencies = [];
const deadline = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async (_, n) => {
    const session = await signIn(leader);
    let k = n + 1;
    while (Date.now() < deadline) {
      k = (k * 31 + 17) % 1_000_003;
      const item = order[k % order.length];
      const target = order[(k >> 3) % order.length];
      const form = { plan_year_id: String(plan), item: String(item) };
      if (target !== item) form.before = String(target);
      const started = performance.now();
      await call(session, '/sf/priority/move', form);
      latencies.push(performance.now() - started);
    }
  }),
);
latencies.sort((a, b) => a - b);
console.log(`== reorder round trip: ${clients} clients, ${seconds} s, one plan of ${order.length} goals`);
console.log(`moves: ${latencies.length} (${(latencies.length / seconds).toFixed(0)}/s)`);
console.log(
  `latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, ` +
    `max ${latencies[latencies.length - 1].toFixed(1)}`,
);

// 1b. The portfolio's order across objects (every object's 2021
// initiatives in one list), reordered by the steering group.
const psg = 'cecilia.wahlstrom@linkoping.example';
const portfolio = await call(await signIn(psg), '/sf/portfolio/page', { year: '2021' });
const everyone = portfolio.rows.map((r) => r.initiative.id);
const across = [];
const until = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async (_, n) => {
    const session = await signIn(psg);
    let k = n + 7;
    while (Date.now() < until) {
      k = (k * 31 + 17) % 1_000_003;
      const item = everyone[k % everyone.length];
      const target = everyone[(k >> 3) % everyone.length];
      const form = { year: '2021', item: String(item) };
      if (target !== item) form.before = String(target);
      const started = performance.now();
      await call(session, '/sf/portfolio/move', form);
      across.push(performance.now() - started);
    }
  }),
);
across.sort((a, b) => a - b);
console.log(`== portfolio reorder round trip: ${clients} clients, ${seconds} s, ${everyone.length} initiatives of every object`);
console.log(`moves: ${across.length} (${(across.length / seconds).toFixed(0)}/s)`);
console.log(
  `latency ms: p50 ${percentile(across, 50).toFixed(1)}, p99 ${percentile(across, 99).toFixed(1)}, ` +
    `max ${across[across.length - 1].toFixed(1)}`,
);

// 2. A 1 000-item list in the browser: fill a plan of its own (UKF 2021),
// as the administrator (the leader above manages AKN only).
const admin = await signIn('alva.lind@linkoping.example');
const ukf = await call(admin, '/sf/priority/page', { code: 'UKF', year: '2021' });
const ukfPlan = ukf.plan.id;
for (let n = ukf.rows.length; n < items; n++) {
  await call(admin, '/sf/plan/create_initiative', {
    plan_year_id: String(ukfPlan),
    name: `Bänkmål ${n + 1}`,
    main_activity: 'operations',
    assignment_type: 'maintain',
    priority: '',
    business_hours: String((n % 40) + 1),
    business_other: '',
    it_hours: String(n % 7),
    it_other: '',
  });
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const [name, value] = admin.split('; ')[0].split('=');
await context.addCookies([{ name, value, url: base }]);
const tab = await context.newPage();
const loadStarted = performance.now();
await tab.goto(`${base}/objects/UKF/plans/2021/priorities`);
await tab.waitForSelector('html[data-hydrated="true"]');
const loaded = performance.now() - loadStarted;
const rows = await tab.locator('[data-priority-row]').count();
console.log(`== browser: a list of ${rows} goals (loaded and hydrated in ${loaded.toFixed(0)} ms)`);
const clicks = [];
for (let round = 0; round < 5; round++) {
  const ms = await tab.evaluate(async () => {
    const rows = document.querySelectorAll('[data-priority-row]');
    const last = rows[rows.length - 1];
    const id = last.getAttribute('data-priority-row');
    const button = last.querySelector('form.step-form button');
    const started = performance.now();
    button.click();
    await new Promise((resolve) => {
      const check = () =>
        document.querySelector('[data-priority-row]')?.getAttribute('data-priority-row') === id
          ? requestAnimationFrame(() => resolve())
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - started;
  });
  clicks.push(ms);
  // The move has reached the server before the next one.
  await tab.waitForSelector('ol.priority-list[data-pending="0"]');
}
const keys = [];
for (let round = 0; round < 5; round++) {
  const handle = tab.locator('[data-priority-row]').nth(500).locator('.drag-handle');
  await handle.focus();
  await tab.keyboard.press('Space');
  const ms = await tab.evaluate(async () => {
    const row = document.activeElement.closest('[data-priority-row]');
    const id = row.getAttribute('data-priority-row');
    const place = [...document.querySelectorAll('[data-priority-row]')].indexOf(row);
    const started = performance.now();
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await new Promise((resolve) => {
      const check = () =>
        [...document.querySelectorAll('[data-priority-row]')].findIndex((r) => r.getAttribute('data-priority-row') === id) === place + 1
          ? requestAnimationFrame(() => resolve())
          : requestAnimationFrame(check);
      check();
    });
    return performance.now() - started;
  });
  keys.push(ms);
  await tab.keyboard.press('Escape');
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`move to top, click to frame: median ${median(clicks).toFixed(1)} ms, max ${Math.max(...clicks).toFixed(1)} ms (5 moves)`);
console.log(`keyboard step, key to frame: median ${median(keys).toFixed(1)} ms, max ${Math.max(...keys).toFixed(1)} ms (5 steps)`);
await browser.close();
