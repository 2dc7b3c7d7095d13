// Prints speed and size figures for the release build in dist/ (run `make dist`
// first, or `make bench`). Figures, not pass/fail: compare them over time.
//   - first-load gzip size (printed by the Makefile before this)
//   - Lighthouse, mobile preset (scripts/lighthouse.mjs): FCP, LCP, TBT, CLS on /, /learn, /journal
//   - start-up with and without history: opening /journal empty and with 1,500
//     entries (four years of daily writing), and the ratio
//   - searching 1,500 entries, and saving one entry with an empty store and with 1,500
//   - ten years of daily use (the generated history): the space it takes on each
//     engine's counting, lock off and on, the years that fit, turning the lock
//     on, and saving and unlocking with it against an empty store
import { execFileSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}`;
const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Until the live app has taken over from the route's first screen (its HTML), the page is for reading only. */
const live = (page) => page.waitForFunction(() => !document.querySelector('.first-screen'), null, { timeout: 60000 });

function entries(n) {
  const words = 'asked quiet dinner partner phone closeness support withdraw stayed texted afraid tender door car work friend mum'.split(' ');
  const out = {};
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const at = now - i * 86400000;
    const text = Array.from({ length: 60 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ');
    out[`leaning-in.rec.journal.b${i}`] = JSON.stringify({
      v: 1, id: `b${i}`, at, created: at, updated: at, text: `${i}: ${text}`,
      who: ['partner'], emotions: ['anxious'], own_words: '', urge: i % 11, action: 'stayed',
    });
  }
  return out;
}

async function withStore(seed, fn) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await live(page);
  await page.evaluate((seed) => { for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v); }, seed);
  const result = await fn(page);
  await context.close();
  return result;
}

/** Navigation to the journal being usable: its first entry, or its empty state, on screen. */
async function openJournal(page) {
  const t0 = Date.now();
  await page.goto(`${BASE}/journal`);
  await live(page);
  await page.locator('.entry-card, #empty-title').first().waitFor();
  return Date.now() - t0;
}

async function searchOnce(page, query) {
  return page.evaluate(async (query) => {
    const input = document.querySelector('#journal-search');
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise(requestAnimationFrame);
    return performance.now() - t0;
  }, query);
}

async function saveOnce(page) {
  await page.goto(`${BASE}/journal?new`);
  await live(page);
  await page.locator('#entry-text').fill('One more evening, one more small step.');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.locator('.entry-text').waitFor();
  return Date.now() - t0;
}

const big = entries(1500);
const chars = Object.entries(big).reduce((n, [k, v]) => n + k.length + v.length, 0);
console.log(`1,500 entries: ${(chars / 1500).toFixed(0)} characters per entry on average, ${(chars * 2 / 1048576).toFixed(1)} MB stored`);

// Both stores open side by side and measured in turns, so a busy moment of the
// machine falls on both alike rather than on one series.
async function storePage(seed) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await live(page);
  await page.evaluate((seed) => { for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v); }, seed);
  await openJournal(page);
  return { page, close: () => context.close() };
}
const OPENS = 15;
const opens = { empty: [], full: [] };
const searches = [];
const [emptyStore, fullStore] = [await storePage({}), await storePage(big)];
for (let i = 0; i < OPENS; i++) {
  opens.empty.push(await openJournal(emptyStore.page));
  opens.full.push(await openJournal(fullStore.page));
}
for (const q of ['quiet', 'partner door', 'zzz', 'a', 'tender car work']) searches.push(await searchOnce(fullStore.page, q));
await emptyStore.close();
await fullStore.close();
const [empty, full] = [median(opens.empty), median(opens.full)];
console.log(`open /journal, empty: median ${ms(empty)} of ${OPENS}; with 1,500 entries: median ${ms(full)} of ${OPENS}; ratio ${(full / empty).toFixed(2)}x (target at most 1.2x)`);
console.log(`search 1,500 entries, keystroke to painted result: median ${ms(median(searches))}, worst ${ms(Math.max(...searches))}`);

for (const [label, seed] of [['empty store', {}], ['1,500 entries', big]]) {
  const times = await withStore(seed, async (page) => {
    const t = [];
    for (let i = 0; i < 5; i++) t.push(await saveOnce(page));
    return t;
  });
  console.log(`save one entry, click to saved page, ${label}: median ${ms(median(times))}`);
}

// Ten years of daily use: the generated history (3,650 journal entries of 1-2 KB,
// a weekly self-check, three steps a week; `cargo run --example ten_years`),
// imported as a person would. Then: the space it takes on each engine's
// counting, lock off and on, and the years of daily use that fit; and saving
// and unlocking with it against an empty store (the same in-app steps).
const PASS = 'quiet river morning light';
const HISTORY = 'target/ten-years.json';
execFileSync('cargo', ['run', '-q', '--example', 'ten_years', '--', HISTORY], { stdio: 'inherit' });
const QUOTA = 5 * 1024 * 1024; // WebKit's bytes; Chromium and Firefox allow 5,242,880 units, the same number
async function store({ history, lock }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/data`);
  await live(page);
  await page.locator('main h1').waitFor();
  if (history) {
    await page.locator('input[type=file]').setInputFiles(HISTORY);
    await page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60000 });
    await page.getByText('Imported ').waitFor({ timeout: 120000 });
  }
  let turnOn = 0;
  if (lock) {
    await page.goto(`${BASE}/data`);
    await live(page);
    await page.getByLabel('Choose a passphrase').fill(PASS);
    await page.getByLabel('Type it again').fill(PASS);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Turn on the lock' }).click();
    await page.getByRole('status').filter({ hasText: 'The lock is on.' }).waitFor({ timeout: 120000 });
    turnOn = Date.now() - t0;
  }
  return { page, turnOn, close: () => context.close() };
}
// What this app stores, as each engine counts it (keys included): UTF-16 units
// (Chromium, Firefox) and WebKit's bytes (one a character only while every
// character of a string is at most U+00FF).
const space = (page) => page.evaluate(() => {
  const all = Object.entries(localStorage).filter(([k]) => k.startsWith('leaning-in.'));
  const webkit = (s) => s.length * ([...s].every((c) => c.codePointAt(0) <= 0xff) ? 1 : 2);
  return {
    values: all.filter(([k]) => /^leaning-in\.(rec|x)\./.test(k)).length,
    units: all.reduce((n, [k, v]) => n + k.length + v.length, 0),
    webkit: all.reduce((n, [k, v]) => n + webkit(k) + webkit(v), 0),
  };
});
const history = JSON.parse((await import('node:fs')).readFileSync(HISTORY, 'utf8'));
const records = Object.values(history.records).reduce((n, list) => n + list.length, 0);
const plainJson = Object.values(history.records).flat().reduce((n, r) => n + JSON.stringify(r).length, 0);
console.log(`ten years: ${records} records, ${(plainJson / 1048576).toFixed(1)} MB of JSON (${(plainJson / records).toFixed(0)} characters a record)`);
const plain = await store({ history: true, lock: false });
const locked = await store({ history: true, lock: true });
console.log(`lock: turning it on with ten years (key derivation and encrypting all): ${ms(locked.turnOn)}`);
for (const [label, page] of [['lock off', plain.page], ['lock on', locked.page]]) {
  const s = await space(page);
  const perDay = (x) => x / 3650;
  const years = (x) => (QUOTA / perDay(x) / 365).toFixed(1);
  console.log(`ten years stored, ${label}: ${s.values} values; ${(s.units / records).toFixed(0)} units a record (Chromium, Firefox), ` +
    `${(s.webkit / records).toFixed(0)} bytes a record (WebKit); ${(s.webkit / QUOTA * 100).toFixed(0)}% of WebKit's 5 MiB; ` +
    `at this pace ${years(Math.max(s.units, s.webkit))} years of daily use fit on every engine`);
}
const emptyPlain = await store({ history: false, lock: false });
const emptyLocked = await store({ history: false, lock: true });
async function unlockOnce(page) {
  await page.goto(`${BASE}/journal`);
  await live(page);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.locator('.entry-card, #empty-title').first().waitFor({ timeout: 60000 });
  return Date.now() - t0;
}
const unlocks = { empty: [], full: [] };
for (let i = 0; i < 5; i++) {
  unlocks.empty.push(await unlockOnce(emptyLocked.page));
  unlocks.full.push(await unlockOnce(locked.page));
}
const [ue, uf] = [median(unlocks.empty), median(unlocks.full)];
console.log(`lock: unlock, click to journal on screen (key derivation included): empty median ${ms(ue)}; ten years median ${ms(uf)}; ratio ${(uf / ue).toFixed(2)}x (targets: at most 1.2x, and 1,500 ms)`);
async function saveInApp(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.locator('#entry-text').fill('One more evening, one more small step.');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.locator('.entry-text').waitFor();
  return Date.now() - t0;
}
for (const [label, empty, full] of [['lock off', emptyPlain, plain], ['lock on', emptyLocked, locked]]) {
  if (label === 'lock off') {
    await empty.page.goto(`${BASE}/journal`);
    await live(empty.page);
    await full.page.goto(`${BASE}/journal`);
    await live(full.page);
  }
  const saves = { empty: [], full: [] };
  for (let i = 0; i < 7; i++) {
    saves.empty.push(await saveInApp(empty.page));
    saves.full.push(await saveInApp(full.page));
  }
  const [se, sf] = [median(saves.empty), median(saves.full)];
  console.log(`save one entry, ${label}: empty median ${ms(se)}; ten years median ${ms(sf)}; ratio ${(sf / se).toFixed(2)}x (target at most 1.2x)`);
}
for (const s of [plain, locked, emptyPlain, emptyLocked]) await s.close();

await browser.close();
execFileSync('node', ['scripts/lighthouse.mjs', `${BASE}/`, `${BASE}/learn`, `${BASE}/journal`], { stdio: 'inherit' });
server.kill();
