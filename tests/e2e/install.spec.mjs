// The install offer: the browser's own prompt where it offers one (a synthetic
// `beforeinstallprompt` here), Safari's steps on an iPhone, and "installed" once
// the app runs from the home screen.
import { test, expect, open, offerInstall } from './fixtures.mjs';

const offer = (page) => page.locator('section.install');

test('where the browser offers installing, Home and Your data have a button that asks it, then say it is installed', async ({ page }) => {
  await open(page, '/');
  await expect(offer(page)).toHaveCount(0);
  await offerInstall(page, 'accepted');
  await expect(offer(page).getByRole('heading', { name: 'Install the app' })).toBeVisible();

  await page.getByRole('link', { name: 'Your data' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Your data');
  await expect(offer(page).getByRole('button', { name: 'Install the app' })).toBeVisible();
  await expect(offer(page).getByRole('button', { name: 'Not now' })).toHaveCount(0);
  await offer(page).getByRole('button', { name: 'Install the app' }).click();
  expect(await page.evaluate(() => window.promptShown)).toBe(1);
  await expect(offer(page).getByRole('heading', { name: 'Installed on this device' })).toBeVisible();
  await expect(offer(page).getByRole('status')).toHaveText(/Installed\. You can open Leaning In from your home screen/);
  await expect(page.getByRole('button', { name: 'Install the app' })).toHaveCount(0);
});

test('declining the browser prompt puts the offer away on Home, and on Your data says so', async ({ page }) => {
  await open(page, '/');
  await offerInstall(page, 'dismissed');
  await offer(page).getByRole('button', { name: 'Install the app' }).click();
  await expect(offer(page)).toHaveCount(0);

  await open(page, '/data');
  await offerInstall(page, 'dismissed');
  await offer(page).getByRole('button', { name: 'Install the app' }).click();
  await expect(offer(page).getByText('Not installed. You can install it later from your browser\'s menu.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Install the app' })).toHaveCount(0);
});

test('"Not now" puts the offer away on Home for good, and Your data still has it', async ({ page }) => {
  await open(page, '/');
  await offerInstall(page, 'accepted');
  await offer(page).getByRole('button', { name: 'Not now' }).click();
  await expect(offer(page)).toHaveCount(0);
  await page.reload();
  await open(page, '/');
  await offerInstall(page, 'accepted');
  await expect(page.getByRole('heading', { name: 'Recently' }).or(page.getByRole('heading', { name: 'Your tools' }))).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await open(page, '/data');
  await offerInstall(page, 'accepted');
  await expect(offer(page).getByRole('button', { name: 'Install the app' })).toBeVisible();
});

test('without a way to install, Home offers nothing and Your data says the app works here as it is', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('heading', { name: 'Your tools' })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await open(page, '/data');
  await expect(offer(page)).toContainText('This browser does not offer to install the app. It works fully here as it is.');
});

test.describe('on an iPhone', () => {
  test.use({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  });

  test('Home shows the two steps to the Home Screen, and why', async ({ page }) => {
    await open(page, '/');
    await expect(offer(page).getByRole('heading', { name: 'Add the app to your Home Screen' })).toBeVisible();
    await expect(offer(page)).toContainText('Safari deletes a site\'s data after 7 days without a visit');
    await expect(offer(page).locator('ol li')).toHaveText(['Tap the Share button (the square with an arrow).', 'Choose “Add to Home Screen”.']);
    await offer(page).getByRole('button', { name: 'Not now' }).click();
    await page.reload();
    await open(page, '/');
    await expect(page.getByRole('heading', { name: 'Your tools' })).toBeVisible();
    await expect(offer(page)).toHaveCount(0);
    await open(page, '/data');
    await expect(offer(page).getByRole('heading', { name: 'Add the app to your Home Screen' })).toBeVisible();
  });
});

test.describe('in the installed app', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query) => (query === '(display-mode: standalone)' ? { ...real(query), matches: true, media: query } : real(query));
    });
  });

  test('Home offers nothing, and Your data says it is installed', async ({ page }) => {
    await open(page, '/');
    await expect(page.getByRole('heading', { name: 'Your tools' })).toBeVisible();
    await expect(offer(page)).toHaveCount(0);
    await open(page, '/data');
    await expect(offer(page).getByRole('heading', { name: 'Installed on this device' })).toBeVisible();
    await expect(offer(page)).toContainText('You are using the installed app.');
  });
});

test.describe('in Safari on a Mac', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15' });

  test('Your data shows the two steps to the Dock', async ({ page }) => {
    await open(page, '/data');
    await expect(offer(page).getByRole('heading', { name: 'Add the app to your Dock' })).toBeVisible();
  });
});

test.describe('in WebKitGTK on Linux (GNOME Web)', () => {
  test.use({ userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15' });

  test('no Mac or iPhone steps are offered', async ({ page }) => {
    await open(page, '/');
    await expect(page.getByRole('heading', { name: 'Your tools' })).toBeVisible();
    await expect(offer(page)).toHaveCount(0);
    await open(page, '/data');
    await expect(offer(page)).toContainText('This browser does not offer to install the app.');
  });
});
