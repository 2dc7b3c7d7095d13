// Every e2e test uses this `test`: it fails the test on any console error, any
// uncaught exception or Rust panic, and any request to another origin.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  guard: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL).origin;
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
      context.pages().forEach(watch);
      context.on('page', watch);
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
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
