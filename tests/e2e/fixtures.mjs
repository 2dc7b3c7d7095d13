// Every e2e test uses this `test`: it fails the test on any console error, any
// uncaught exception or Rust panic, and any request to another origin.
import { test as base, expect } from '@playwright/test';

/** Until the live app has taken over from the route's first screen (its HTML),
 * the page is for reading only; the first screen is gone once it has. */
export const tookOver = (page, timeout = 15_000) =>
  page.waitForFunction(() => !document.querySelector('.first-screen'), null, { timeout });

/** Makes `goto` and `reload` wait for the live app to take over, so a test
 * never clicks the first screen (pass `{ firstScreen: true }` to look at it). */
function waitsForTakeOver(page) {
  if (page.__waitsForTakeOver) return;
  page.__waitsForTakeOver = true;
  for (const name of ['goto', 'reload']) {
    const real = page[name].bind(page);
    const at = name === 'goto' ? 1 : 0;
    page[name] = async (...args) => {
      const { firstScreen, ...options } = args[at] || {};
      args[at] = options;
      const response = await real(...args);
      if (!firstScreen) await tookOver(page);
      return response;
    };
  }
}

export const test = base.extend({
  page: async ({ page }, use) => {
    waitsForTakeOver(page);
    await use(page);
  },
  /** The origins the app itself is served from; tests with their own server add theirs. */
  appOrigins: async ({ baseURL }, use) => {
    await use(new Set(baseURL ? [new URL(baseURL).origin] : []));
  },
  guard: [
    async ({ context, appOrigins }, use) => {
      const problems = [];
      const watch = (page) => {
        waitsForTakeOver(page);
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
        page.on('response', (res) => {
          if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
        });
      };
      // Any Content-Security-Policy violation fails the test too. And tests read
      // stored values as the app does: `__unpack` turns schema 3's packed form
      // (`~`, then raw deflate one byte a character, 0 and 1 escaped) into JSON.
      await context.addInitScript(() => {
        window.__unpack = async (v) => {
          if (typeof v !== 'string' || !v.startsWith('~')) return v;
          const bytes = [];
          for (let i = 1; i < v.length; i++) {
            let c = v.charCodeAt(i);
            if (c === 1) c = v.charCodeAt(++i) - 1;
            bytes.push(c);
          }
          const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
          return new Response(stream).text();
        };
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
        });
      });
      context.pages().forEach(watch);
      context.on('page', watch);
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (!appOrigins.has(new URL(url).origin)) problems.push(`request to another origin: ${url}`);
      });
      await use(problems);
      expect(problems, 'console errors, panics or off-origin requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a route and waits until the live app (not the static shell) is showing. */
export async function open(page, path) {
  await page.goto(path);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** This tab's draft of a form family: each open form has its own, named in the address (`?draft=`). */
export async function draftOf(page, family) {
  const instance = new URL(page.url()).searchParams.get('draft');
  if (!instance) return null;
  return page.evaluate((k) => window.__unpack(localStorage.getItem(k)), `leaning-in.draft.${family}.${instance}`);
}

/** Every stored draft of a form family, as { instance: value }. */
export async function draftsOf(page, family) {
  return page.evaluate(async (prefix) => Object.fromEntries(await Promise.all(Object.entries(localStorage)
    .filter(([k]) => k.startsWith(prefix)).map(async ([k, v]) => [k.slice(prefix.length), await window.__unpack(v)]))), `leaning-in.draft.${family}.`);
}

/** A stored journal record as the app writes it. */
export const record = (id, text, extra = {}) => ({
  id, at: 1763900000000, created: 1763900000000, updated: 1763900000000,
  text, who: ['partner'], emotions: ['anxious'], own_words: '', urge: 6, action: 'stayed', v: 1, ...extra,
});

/** Replaces localStorage with `entries` (values as given), then reloads. */
export async function seed(page, entries) {
  await open(page, '/');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
}

/** Everything in localStorage, packed values unpacked to their JSON (sealed ones as stored). */
export const dump = (page) => page.evaluate(async () => Object.fromEntries(await Promise.all(
  Object.entries(localStorage).map(async ([k, v]) => [k, await window.__unpack(v)]))));

/** Everything in localStorage exactly as stored. */
export const rawDump = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** One stored value, unpacked to its JSON and parsed (`null` when absent). */
export const storedJson = (page, key) => page.evaluate(async (k) => JSON.parse(await window.__unpack(localStorage.getItem(k)) ?? 'null'), key);

/** Fills the rest of this origin's localStorage quota with `filler-N` keys. */
export const fillStorage = (page) => page.evaluate(() => {
  let chunk = 'x'.repeat(1 << 20);
  for (let i = 0; chunk.length > 0; ) {
    try { localStorage.setItem(`filler-${i++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
});

/** Removes what `fillStorage` added. */
export const emptyFiller = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));

/** A few weeks of sample data of every kind, for screenshots and accessibility scans. */
const DAY = 86400000;
const entry = (id, daysAgo, text, extra) => {
  const at = Date.now() - daysAgo * DAY;
  return { id, at, created: at, updated: at, text, who: [], emotions: [], own_words: '', v: 1, ...extra };
};
const SAMPLE = [
  entry('e1', 1, 'He asked what was wrong and I said "nothing". I could feel my chest go tight, and all I wanted was to be alone in the car.\n\nLater I wished I had told him.', { prompt: 'withdraw', who: ['partner'], emotions: ['anxious', 'trapped'], urge: 8, action: 'pulled_away' }),
  entry('e2', 4, 'Told Sam I was having a rough day. She just listened.', { who: ['friend'], emotions: ['relieved', 'tender'], urge: 4, action: 'reached_out' }),
  entry('e3', 9, 'Mum offered to help with the move and I said I had it handled.', { prompt: 'support', who: ['family'], emotions: ['irritated'], urge: 6, action: 'pulled_away' }),
  entry('e4', 15, 'Stayed in the conversation even though I wanted to leave the room.', { who: ['partner'], emotions: ['anxious', 'hopeful'], urge: 7, action: 'stayed' }),
];
/** Fires the event Chromium sends when the app can be installed; the person's answer is `outcome`. */
export const offerInstall = (page, outcome = 'accepted') => page.evaluate((outcome) => {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  event.prompt = () => {
    window.promptShown = (window.promptShown || 0) + 1;
    // Chromium says so once the app is on the home screen.
    if (outcome === 'accepted') setTimeout(() => dispatchEvent(new Event('appinstalled')), 50);
    return Promise.resolve();
  };
  event.userChoice = Promise.resolve({ outcome, platform: 'web' });
  dispatchEvent(event);
}, outcome);

export async function addSample(page) {
  await page.evaluate((sample) => {
    for (const e of sample) localStorage.setItem(`leaning-in.rec.journal.${e.id}`, JSON.stringify(e));
    const day = 86400000;
    const checks = [[40, [4, 3, 3, 4, 3, 4, 3]], [12, [3, 3, 2, 3, 2, 4, 2]], [1, [2, 3, 1, 2, 2, 1, 2]]];
    for (const [ago, answers] of checks) {
      const id = `c${ago}`;
      localStorage.setItem(`leaning-in.rec.check.${id}`, JSON.stringify({ v: 1, id, at: Date.now() - ago * day, answers }));
    }
    const r = { v: 1, id: 'r1', created: Date.now() - 2 * day, updated: Date.now() - 2 * day, safe_before: 3, safe_after: 6,
      answers: ['Jo asked how I was really doing and I said "fine", then changed the subject.', 'Leave early.', 'Being a burden.',
        'Thank you for keeping me safe when I had to manage alone.', 'I am an adult now, and Jo has been kind to me for years.',
        'I choose to tell Jo one true sentence about my week.', 'Text Jo tonight.'] };
    localStorage.setItem('leaning-in.rec.reframe.r1', JSON.stringify(r));
    const logged = (ago, e, a) => ({ logged_at: Date.now() - ago * day, done: true, actual: a, note: '' });
    const steps = [
      { id: 's1', created: Date.now() - 9 * day, updated: Date.now() - 8 * day, text: 'Accept a compliment without deflecting.', with_whom: '', expected: 7, outcome: logged(8, 7, 3) },
      { id: 's3', created: Date.now() - 6 * day, updated: Date.now() - 5 * day, text: "Say when you're having a rough day.", with_whom: 'Sam', expected: 8, outcome: logged(5, 8, 4) },
      { id: 's2', created: Date.now() - day, updated: Date.now() - day, text: 'Let a friend in on a worry.', with_whom: 'Sam', expected: 6,
        when: `${new Date(Date.now() + 2 * day).toLocaleDateString('sv')}T18:30` },
    ];
    for (const st of steps) localStorage.setItem(`leaning-in.rec.step.${st.id}`, JSON.stringify({ v: 1, ...st }));
    // Between two people: what has helped, a card, and three secure-base moments.
    const helped = [
      ['h1', 'Accepting a compliment without deflecting. It was easier than I feared.', 'step', 's1'],
      ['h2', 'A walk on my own first, then the hard conversation.', 'typed', null],
      ['h3', 'I choose to tell Jo one true sentence about my week.', 'reframe', 'r1'],
    ];
    helped.forEach(([id, text, source, sourceId], order) => localStorage.setItem(`leaning-in.rec.helped.${id}`, JSON.stringify({
      v: 1, id, created: Date.now() - (5 - order) * day, updated: Date.now() - (5 - order) * day, text, source, order, ...(sourceId ? { source_id: sourceId } : {}) })));
    localStorage.setItem('leaning-in.rec.card.c1', JSON.stringify({ v: 1, id: 'c1', created: Date.now() - 3 * day, updated: Date.now() - 3 * day, for_whom: 'Sam',
      answers: ["I'm overwhelmed, and I need a little time to sort out what I feel.", "that I don't care about you.", '', 'sending you a short message, even if it\'s only "still here".', 'saying "I need an hour" instead of just going quiet.'] }));
    [[9, 3, 5, 'memory'], [6, 4, 4, 'kindness'], [2, 2, 6, 'imagined']].forEach(([ago, before, after, way], i) =>
      localStorage.setItem(`leaning-in.rec.moment.m${i}`, JSON.stringify({ v: 1, id: `m${i}`, at: Date.now() - ago * day, updated: Date.now() - ago * day, way, before, after })));
  }, SAMPLE);
}

/** The text of each page of a printed PDF (page.pdf), spaces folded. */
export async function pdfText(buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: true }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

export const PASSPHRASE = 'quiet river morning light';

/** Turns the lock on from Your data (the caller waits for the outcome it expects). */
export async function turnOnLock(page, pass = PASSPHRASE) {
  await open(page, '/data');
  await page.getByLabel('Choose a passphrase').fill(pass);
  await page.getByLabel('Type it again').fill(pass);
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
}

/** Unlocks at the lock screen, and waits until the app is open. */
export async function unlockWith(page, pass = PASSPHRASE) {
  await tookOver(page);
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('main h1')).not.toHaveText('Leaning In');
}
