// Private by construction: a strict CSP, no referrer, and no request to any other
// origin anywhere in the app. (Every test also fails on any CSP violation.)
import { test, expect, open } from './fixtures.mjs';

test('the release build carries the strict Content-Security-Policy and no-referrer', async ({ page }) => {
  await open(page, '/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  expect(directives['default-src']).toBe("'none'");
  expect(directives['script-src']).toMatch(/^'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(directives['style-src']).toBe("'self'");
  expect(directives['img-src']).toBe("'self' data:");
  expect(directives['connect-src']).toBe("'self'");
  expect(directives['manifest-src']).toBe("'self'");
  expect(directives['worker-src']).toBe("'self'");
  expect(directives['base-uri']).toBe("'self'");
  expect(directives['form-action']).toBe("'none'");
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  expect(csp).not.toContain('unsafe-inline');
});

test('zero egress: every route and flow stays on this origin', async ({ page, baseURL }) => {
  const origins = new Set();
  page.context().on('request', (r) => origins.add(new URL(r.url()).protocol === 'data:' ? 'data:' : new URL(r.url()).origin));
  for (const route of ['/', '/check', '/journal', '/journal?new', '/journal?tab=patterns', '/reframe', '/reframe?new', '/practice', '/learn', '/data', '/summary', '/nowhere']) {
    await open(page, route);
  }
  await open(page, '/journal?new');
  await page.locator('#entry-text').fill('A private note.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await open(page, '/data');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  origins.delete('data:');
  expect([...origins]).toEqual([new URL(baseURL).origin]);
});

