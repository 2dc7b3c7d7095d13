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
