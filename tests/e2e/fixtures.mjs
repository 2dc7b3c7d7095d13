// Every e2e test uses this `test`: it fails the test on any console error, any
// uncaught exception or Rust panic, and any request to another origin.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  /** The origins the app itself is served from; tests with their own server add theirs. */
  appOrigins: async ({ baseURL }, use) => {
    await use(new Set(baseURL ? [new URL(baseURL).origin] : []));
  },
  guard: [
    async ({ context, appOrigins }, use) => {
      const problems = [];
      const watch = (page) => {
        page.on('console', (msg) => {
          if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
        page.on('response', (res) => {
          if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
        });
      };
      // Any Content-Security-Policy violation fails the test too.
      await context.addInitScript(() => {
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
  return page.evaluate((k) => localStorage.getItem(k), `leaning-in.draft.${family}.${instance}`);
}

/** Every stored draft of a form family, as { instance: value }. */
export async function draftsOf(page, family) {
  return page.evaluate((prefix) => Object.fromEntries(Object.entries(localStorage)
    .filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v])), `leaning-in.draft.${family}.`);
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

/** Everything in localStorage. */
export const dump = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

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
