// Each route's HTML carries its first screen (scripts/prerender.mjs): readable
// before any script runs, taken over by the live app without a shift, never a
// false "nothing yet", the unlock screen first when the lock is on, and served
// offline from the cache.
import { test, expect, record, tookOver } from './fixtures.mjs';

const ROUTES = [
  ['/', 'Home', 'A quiet place to understand the urge to pull away'],
  ['/check', 'Self-check', 'Seven thoughts from the article'],
  ['/journal', 'Journal', 'A private place to notice the moments you pull away'],
  ['/reframe', 'Reframe', 'Thank the part of you that pulls away'],
  ['/practice', 'Small steps', 'One small act of openness at a time'],
  ['/learn', 'Learn and support', 'This app is not therapy and not crisis care.'],
  ['/data', 'Your data', 'Everything you write stays in this browser'],
  ['/summary', 'Prepare a summary', 'One page to bring to therapy'],
];

/** Sums every layout shift from the start of the load (a PerformanceObserver, buffered). */
const shifts = (page) => page.evaluate(() => new Promise((resolve) => {
  let sum = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(sum)));
}));

for (const [path, heading, text] of ROUTES) {
  test(`${path}: its HTML holds its heading and first words, and the live app takes over without a shift`, async ({ page, request }) => {
    const html = await (await request.get(path)).text();
    expect(html).toContain(`<h1 tabindex="-1">${heading}</h1>`);
    expect(html).toContain(text);

    await page.goto(path, { firstScreen: true });
    await tookOver(page);
    await expect(page.locator('main h1')).toHaveText(heading);
    await expect(page.getByText(text).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await shifts(page), 'layout shift over the load').toBe(0);
  });
}

test('with JavaScript off, Learn and support is there to read', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/learn');
  await expect(page.getByRole('heading', { name: 'Learn and support', level: 1 })).toBeVisible();
  await expect(page.getByText('This app is not therapy and not crisis care.')).toBeVisible();
  await context.close();
});

test('with entries stored, the journal\'s first screen never says there are none', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((r) => localStorage.setItem('leaning-in.rec.journal.a', JSON.stringify(r)), record('a', 'Stayed on the phone with Mum'));
  await page.route('**/*.wasm', () => {});
  await page.goto('/journal', { firstScreen: true });
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
  await expect(page.locator('.store-placeholder')).toBeVisible();
  await expect(page.getByText('Your journal is empty')).toBeHidden();
  await page.unroute('**/*.wasm');
  await page.goto('/journal');
  await expect(page.getByText('Stayed on the phone with Mum')).toBeVisible();
});

test('a first visit sees the journal\'s empty state from the HTML, as the live app shows it', async ({ page }) => {
  await page.route('**/*.wasm', () => {});
  await page.goto('/journal', { firstScreen: true });
  await expect(page.getByText('Your journal is empty')).toBeVisible();
  await expect(page.locator('.store-placeholder')).toBeHidden();
});

// The service worker would answer the wasm request itself, where page.route
// cannot hold it: once it controlled the page (sooner on a busy machine), the
// live app took over before the first paint could be looked at.
test.describe('with the service worker out of the way', () => {
test.use({ serviceWorkers: 'block' });
test('with the lock on, the first paint is the unlock screen and no navigation', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('leaning-in.lock', '{"v":1}'));
  await page.route('**/*.wasm', () => {});
  await page.goto('/journal', { firstScreen: true, waitUntil: 'commit' });
  await page.waitForSelector('.first-screen-locked h1', { state: 'visible' });
  await page.screenshot({ path: testInfo.outputPath('locked-first-paint.png') });
  await expect(page.locator('html')).toHaveClass(/\blocked\b/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Journal' })).toBeHidden();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await page.evaluate(() => localStorage.clear());
});
});

test('offline, every route is answered with its own file from the cache', async ({ page, context }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  for (const [path, heading] of ROUTES) {
    const response = await page.goto(path);
    expect(response.fromServiceWorker(), path).toBe(true);
    expect(await response.text(), path).toContain(`<h1 tabindex="-1">${heading}</h1>`);
    await expect(page.locator('main h1')).toHaveText(heading);
  }
  await context.setOffline(false);
});
