// Prints speed and size figures for the release build in dist/ (run `make dist`
// first, or `make bench`). Figures, not pass/fail: compare them over time.
//   - first-load gzip size (printed by the Makefile before this)
//   - Lighthouse, mobile preset (scripts/lighthouse.mjs)
//   - start-up with and without history: opening /journal empty and with 1,500
//     entries (four years of daily writing), and the ratio
//   - searching 1,500 entries, and saving one entry with an empty store and with 1,500
//   - the lock with 1,500 entries: turning it on, unlocking, saving locked vs not,
//     and the space an entry takes on each engine's counting, lock off and on
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
  await page.evaluate((seed) => { for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v); }, seed);
  const result = await fn(page);
  await context.close();
  return result;
}

/** Navigation to the journal being usable: its first entry, or its empty state, on screen. */
async function openJournal(page) {
  const t0 = Date.now();
  await page.goto(`${BASE}/journal`);
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

// The lock, with 1,500 entries: turning it on, unlocking (the key derivation
// included, from the click to the journal on screen), and saving an entry with
// the lock on against off (the same in-app steps, no reload).
const PASS = 'quiet river morning light';
async function saveInApp(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('link', { name: 'New entry' }).click();
  await page.locator('#entry-text').fill('One more evening, one more small step.');
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.locator('.entry-text').waitFor();
  return Date.now() - t0;
}
const plainStore = await storePage(big);
const lockedStore = await storePage(big);
await lockedStore.page.goto(`${BASE}/data`);
await lockedStore.page.getByLabel('Choose a passphrase').fill(PASS);
await lockedStore.page.getByLabel('Type it again').fill(PASS);
let t0 = Date.now();
await lockedStore.page.getByRole('button', { name: 'Turn on the lock' }).click();
await lockedStore.page.getByRole('status').filter({ hasText: 'The lock is on.' }).waitFor({ timeout: 60000 });
console.log(`lock: turning it on with 1,500 entries (key derivation and encrypting all): ${ms(Date.now() - t0)}`);
// Space per entry as each engine counts it (keys included): Chromium and Firefox
// in UTF-16 units against 5,242,880; WebKit in bytes against 5 MiB, one byte a
// unit only while every character is at most U+00FF. Years: one entry a day.
const space = (page) => page.evaluate(() => {
  const recs = Object.entries(localStorage).filter(([k]) => k.startsWith('leaning-in.rec.journal.'));
  const units = (s) => s.length;
  const webkit = (s) => s.length * ([...s].every((c) => c.codePointAt(0) <= 0xff) ? 1 : 2);
  const sum = (f) => recs.reduce((n, [k, v]) => n + f(k) + f(v), 0) / recs.length;
  // The same entries as an iPhone types them: one curly apostrophe each.
  const curly = recs.reduce((n, [k, v]) => n + webkit(k) + webkit(v.startsWith('sealed:') ? v : v.replace('"text":"', '"text":"I’m ')), 0) / recs.length;
  return { units: sum(units), webkit: sum(webkit), curly };
});
const years = (per, quota) => (quota / per / 365).toFixed(1);
for (const [label, page] of [['lock off', plainStore.page], ['lock on', lockedStore.page]]) {
  const s = await space(page);
  console.log(`space per entry, ${label}: ${s.units.toFixed(0)} units (Chromium, Firefox: ${years(s.units, 5242880)} years of daily entries fit), ` +
    `${s.webkit.toFixed(0)} bytes (WebKit: ${years(s.webkit, 5242880)} years; with one ’ in each entry ${s.curly.toFixed(0)} bytes, ${years(s.curly, 5242880)} years)`);
}
const unlocks = [];
for (let i = 0; i < 5; i++) {
  await lockedStore.page.goto(`${BASE}/journal`);
  await lockedStore.page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  t0 = Date.now();
  await lockedStore.page.getByRole('button', { name: 'Unlock' }).click();
  await lockedStore.page.locator('.entry-card').first().waitFor({ timeout: 60000 });
  unlocks.push(Date.now() - t0);
}
console.log(`lock: unlock with 1,500 entries, click to journal on screen: median ${ms(median(unlocks))} of 5 (target at most 1,000 ms)`);
const saves = { plain: [], locked: [] };
for (let i = 0; i < 7; i++) {
  saves.plain.push(await saveInApp(plainStore.page));
  saves.locked.push(await saveInApp(lockedStore.page));
}
const [plainSave, lockedSave] = [median(saves.plain), median(saves.locked)];
console.log(`lock: save one entry with 1,500 stored, lock off: median ${ms(plainSave)}; lock on: median ${ms(lockedSave)}; ratio ${(lockedSave / plainSave).toFixed(2)}x (target at most 1.2x)`);
await plainStore.close();
await lockedStore.close();

await browser.close();
execFileSync('node', ['scripts/lighthouse.mjs', `${BASE}/`], { stdio: 'inherit' });
server.kill();
