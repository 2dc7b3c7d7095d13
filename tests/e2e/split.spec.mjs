// Every page but Home is its own wasm chunk, fetched when first opened. A chunk
// that cannot load never takes the app down; chunks are named by content and
// precached, so they work offline and never mix builds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, open, tookOver } from './fixtures.mjs';
import { ROOT, serve, controlled } from './servers.mjs';

const ROUTES = [['/check', 'Self-check'], ['/journal', 'Journal'], ['/reframe', 'Reframe'], ['/practice', 'Small steps'], ['/learn', 'Learn and support'], ['/data', 'Your data'], ['/summary', 'Prepare a summary']];
const nav = (page) => page.getByRole('navigation', { name: 'Main' });

/** The loader reports a failed chunk on the console; that, and only that, is expected here. */
const allowChunkFailure = (guard) => {
  const expected = (p) => /console error: (TypeError: Failed to fetch|Failed to load resource: net::ERR_FAILED)/.test(p);
  return () => guard.splice(0, guard.length, ...guard.filter((p) => !expected(p)));
};

test.describe('a chunk that cannot load, before the service worker has cached it', () => {
test.use({ serviceWorkers: 'block' });

test('a page whose chunk cannot load says so kindly, and everything else keeps working', async ({ page, guard }) => {
  const forgive = allowChunkFailure(guard);
  const learnChunk = /split_page_learn-[0-9a-f]+\.wasm$/;
  await page.route(learnChunk, (route) => route.abort());
  await open(page, '/');
  await nav(page).getByRole('link', { name: 'Learn' }).click();
  await expect(page.locator('main h1')).toHaveText('This page could not be loaded');
  await expect(page.getByRole('alert')).toContainText('Check your connection and reload.');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('main h1')).toHaveText('Journal');
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('main h1')).toHaveText('Home');
  // Still unreachable: the same message again. Once it can be had, Reload brings it.
  await nav(page).getByRole('link', { name: 'Learn' }).click();
  await expect(page.locator('main h1')).toHaveText('This page could not be loaded');
  await page.unroute(learnChunk);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await tookOver(page);
  await expect(page.locator('main h1')).toHaveText('Learn and support');
  forgive();
});

test('a failed chunk is tried again on the next visit, without a reload', async ({ page, guard }) => {
  const forgive = allowChunkFailure(guard);
  const dataChunk = /split_page_data-[0-9a-f]+\.wasm$/;
  await page.route(dataChunk, (route) => route.abort());
  await open(page, '/');
  const yourData = page.getByRole('link', { name: 'Your data', exact: true }).first();
  await yourData.click();
  await expect(page.locator('main h1')).toHaveText('This page could not be loaded');
  await page.unroute(dataChunk);
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await yourData.click();
  await expect(page.locator('main h1')).toHaveText('Your data');
  forgive();
});
});

test('chunks are named by their content and every one is precached', async () => {
  const files = readdirSync(join(ROOT, 'dist'));
  // kdf.wasm is not a chunk: the key derivation's worker loads it on its own.
  const chunks = files.filter((f) => f.endsWith('.wasm') && !f.startsWith('leaning-in-') && f !== 'kdf.wasm');
  expect(chunks.length).toBeGreaterThanOrEqual(6);
  for (const name of ['check', 'journal', 'reframe', 'practice', 'learn', 'data', 'summary']) {
    expect(chunks.some((f) => new RegExp(`^split_page_${name}-[0-9a-f]{10}\\.wasm$`).test(f)), name).toBe(true);
  }
  for (const chunk of chunks) expect(chunk).toMatch(/-[0-9a-f]{10}\.wasm$/);
  const loader = files.find((f) => /^__wasm_split-[0-9a-f]{10}\.js$/.test(f));
  expect(loader).toBeDefined();
  // The loader is fetched alongside the main JS file, not one round trip after it.
  expect(readFileSync(join(ROOT, 'dist/index.html'), 'utf8')).toMatch(new RegExp(`<link rel="modulepreload" href="/${loader}" crossorigin="anonymous" integrity="sha384-`));
  const sw = readFileSync(join(ROOT, 'dist/sw.js'), 'utf8');
  for (const file of [...chunks, loader, 'kdf-worker.js', 'kdf.wasm']) expect(sw).toContain(`"${file}"`);
});

test('offline: after one online visit, every page opens for the first time with the server stopped', async ({ page, appOrigins }) => {
  const server = await serve(appOrigins, join(ROOT, 'dist'));
  await page.goto(server.url);
  await expect(page.locator('main h1')).toHaveText('Home');
  await controlled(page);
  await page.waitForFunction(async () => (await caches.keys()).length === 1);
  await server.stop();
  for (const [route, title] of ROUTES) {
    await page.goto(`${server.url}${route.slice(1)}`);
    await expect(page.locator('main h1')).toHaveText(title);
  }
});

test('a link straight to a page fetches its chunks alongside the app, and Home fetches none', async ({ page }) => {
  await open(page, '/journal');
  const preloaded = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.initiatorType === 'link' && /\.wasm$/.test(e.name)).map((e) => e.name.split('/').pop()));
  expect(preloaded.some((f) => /^split_page_journal-[0-9a-f]{10}\.wasm$/.test(f))).toBe(true);
  expect(preloaded.some((f) => /^split_page_(check|data|learn)-/.test(f))).toBe(false);

  const home = await page.context().newPage();
  await open(home, '/');
  const chunks = await home.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\/(split_page|chunk)_[\w-]+\.wasm$/.test(e.name)).length);
  expect(chunks).toBe(0);
});
