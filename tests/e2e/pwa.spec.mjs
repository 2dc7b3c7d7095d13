// Installable, offline, private by construction. These tests start and stop their
// own static servers, so "offline" means the server is really gone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import config from './playwright.config.mjs';
import { test, expect, tookOver } from './fixtures.mjs';
import { ROOT, serve, controlled } from './servers.mjs';

async function offlineJourney(page, appOrigins, dir, base) {
  let server = await serve(appOrigins, dir, base);
  const port = server.port;
  await page.goto(server.url);
  await tookOver(page);
  await expect(page.locator('main h1')).toHaveText('Home');
  await controlled(page);
  await server.stop();

  await page.reload();
  await expect(page.locator('main h1')).toHaveText('Home');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(page).toHaveURL(`${server.url}journal`);
  await page.goto(`${server.url}journal?new`);
  await expect(page.locator('main h1')).toHaveText('New entry');
  await page.locator('#entry-text').fill('Written with no connection at all.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('.entry-text')).toHaveText('Written with no connection at all.');

  server = await serve(appOrigins, dir, base, port);
  await page.goto(`${server.url}journal`);
  await expect(page.locator('.entry-card')).toContainText('Written with no connection at all.');
  await server.stop();
}

test('offline: with the server stopped, the app, a deep link and saving a journal entry all work', async ({ page, appOrigins }) => {
  await offlineJourney(page, appOrigins, join(ROOT, 'dist'), '/');
});

test('offline under a sub-path build (PUBLIC_URL=/some/path/)', async ({ page, appOrigins }) => {
  const html = readFileSync(join(ROOT, 'dist-sub/index.html'), 'utf8');
  expect(html).toContain('<base href="/some/path/"');
  await offlineJourney(page, appOrigins, join(ROOT, 'dist-sub'), '/some/path/');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist-sub/manifest.webmanifest'), 'utf8'));
  expect(manifest.scope).toBe('./');
});

test('a second build waits, and the app offers "A new version is ready" and Reload', async ({ page, appOrigins }) => {
  const dir = mkdtempSync(join(tmpdir(), 'leaning-in-update-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const server = await serve(appOrigins, dir);
  await page.goto(server.url);
  await controlled(page);
  await page.evaluate(() => { window.__sameDocument = true; });

  // Build B: the same app with a changed page, run through the same post_build hook.
  const indexPath = join(dir, 'index.html');
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('</body>', '<!-- build B --></body>'));
  cpSync(join(ROOT, 'assets/sw.js'), join(dir, 'sw.js'));
  execFileSync('node', [join(ROOT, 'scripts/post_build.mjs'), dir], { env: { ...process.env, TRUNK_PROFILE: 'release' } });

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.locator('.update-banner');
  await expect(banner).toHaveText(/A new version is ready/);
  // It waits: nothing reloaded by itself.
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await banner.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => window.__sameDocument === undefined);
  await expect(page.locator('main h1')).toHaveText('Home');
  expect(await page.content()).toContain('<!-- build B -->');
  // The old build's cache is gone; only the new one remains.
  const newVersion = readFileSync(join(dir, 'sw.js'), 'utf8').match(/const VERSION = '(\w+)'/)[1];
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`leaning-in:/:${newVersion}`]);
  await server.stop();
});

test('Chromium reports no installability errors', async ({ appOrigins }) => {
  // Installability is never reported in incognito, which Playwright's contexts are:
  // use a real (temporary) profile.
  const server = await serve(appOrigins, join(ROOT, 'dist'));
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'leaning-in-profile-')), {
    ...config.use.launchOptions,
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await tookOver(page);
  await expect(page.locator('main h1')).toHaveText('Home');
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get(`${server.url}manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ display: 'standalone', start_url: './', scope: './', short_name: 'Leaning In' });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512', '512x512', 'any']);
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  await context.close();
  await server.stop();
});

test('two deployments on one origin keep each other\'s offline copy', async ({ page, appOrigins }) => {
  // One origin, the sub-path build at /some/path/; another deployment of the app
  // at the root has already cached itself there (by an older build's name, and by
  // this one's).
  const server = await serve(appOrigins, join(ROOT, 'dist-sub'), '/some/path/');
  const origin = new URL(server.url).origin;
  await page.route(`${origin}/blank`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>blank</p>' }));
  await page.goto(`${origin}/blank`);
  await page.evaluate(async (origin) => {
    for (const name of ['leaning-in-0123456789ab', 'leaning-in:/:0123456789ab']) {
      await (await caches.open(name)).put(`${origin}/index.html`, new Response('the root deployment'));
    }
  }, origin);
  await page.goto(server.url);
  await controlled(page);
  const version = readFileSync(join(ROOT, 'dist-sub/sw.js'), 'utf8').match(/const VERSION = '(\w+)'/)[1];
  await expect.poll(() => page.evaluate(() => caches.keys().then((k) => k.sort())))
    .toEqual(['leaning-in-0123456789ab', 'leaning-in:/:0123456789ab', `leaning-in:/some/path/:${version}`]);
  await server.stop();
});
