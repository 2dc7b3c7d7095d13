import { test, expect, open } from './fixtures.mjs';

const ROUTES = [
  ['/', 'Home', 'Leaning In'],
  ['/check', 'Self-check', 'Self-check · Leaning In'],
  ['/journal', 'Journal', 'Journal · Leaning In'],
  ['/reframe', 'Reframe', 'Reframe · Leaning In'],
  ['/practice', 'Small steps', 'Small steps · Leaning In'],
  ['/learn', 'Learn and support', 'Learn and support · Leaning In'],
  ['/data', 'Your data', 'Your data · Leaning In'],
];

for (const [path, h1, title] of ROUTES) {
  test(`${path} has one h1 "${h1}" and its title`, async ({ page }) => {
    await open(page, path);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(h1);
    await expect(page).toHaveTitle(title);
    // Exactly one current item, and it is this page (Your data lives in the header).
    const current = page.locator('[aria-current="page"]:not(.brand)');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('href', path);
  });
}

test('Between two people, reached from Home and Learn, has its one h1 and its title', async ({ page }) => {
  await open(page, '/together');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveText('Between two people');
  await expect(page).toHaveTitle('Between two people · Leaning In');
  await open(page, '/');
  await expect(page.getByRole('link', { name: /Between two people/ })).toHaveAttribute('href', '/together');
});

test('an unknown path shows a friendly not-found page with a way home', async ({ page }) => {
  await open(page, '/no/such/page');
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.getByText('it is all still here on this device')).toBeVisible();
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.locator('h1')).toHaveText('Home');
  await expect(page).toHaveURL('/');
});

test('the tab bar navigates client-side and moves focus to the new heading', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/');
  const tabs = page.getByRole('navigation', { name: 'Main' });
  await expect(tabs).toBeVisible();
  const box = await tabs.boundingBox();
  expect(box.y + box.height).toBeGreaterThan(700); // a bottom bar on phones
  await tabs.getByRole('link', { name: 'Journal' }).click();
  await expect(page).toHaveURL('/journal');
  await expect(page.locator('h1')).toBeFocused();
  await expect(tabs.getByRole('link', { name: 'Journal' })).toHaveAttribute('aria-current', 'page');
  await expect(tabs.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current', 'page');
});

test('wide screens get a side bar, and Support is one tap away', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/check');
  const box = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  expect(box.x).toBeLessThan(50);
  expect(box.width).toBeLessThan(300);
  await page.getByRole('link', { name: 'Support' }).click();
  await expect(page.locator('#support')).toBeVisible();
  await expect(page.getByText('This app is not therapy and not crisis care.')).toBeVisible();
});

test('the journal\'s first screen paints before the app starts', async ({ page }) => {
  // Hold the wasm back: the page must still show the navigation and a message.
  await page.route('**/*.wasm', () => {});
  await page.goto('/journal', { firstScreen: true });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
});

test('every touch target in the navigation is at least 44px', async ({ page }) => {
  for (const size of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    await open(page, '/');
    for (const link of await page.locator('.sidebar a').all()) {
      const box = await link.boundingBox();
      expect(box.height, await link.textContent()).toBeGreaterThanOrEqual(44);
      expect(box.width, await link.textContent()).toBeGreaterThanOrEqual(44);
    }
  }
});

test('the skip link moves focus to the content and stays on the page', async ({ page }) => {
  await open(page, '/journal');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/journal');
  await expect(page.locator('h1')).toHaveText('Journal');
  await expect(page.locator('main')).toBeFocused();
});

test('Back and Forward move between pages without reloading', async ({ page }) => {
  await open(page, '/');
  await page.evaluate(() => { window.__sameDocument = true; });
  const tabs = page.getByRole('navigation', { name: 'Main' });
  await tabs.getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('h1')).toHaveText('Journal');
  await page.getByRole('link', { name: 'Patterns' }).click();
  await expect(page).toHaveURL('/journal?tab=patterns');
  await tabs.getByRole('link', { name: 'Learn' }).click();
  await expect(page.locator('h1')).toHaveText('Learn and support');
  await page.goBack();
  await expect(page).toHaveURL('/journal?tab=patterns');
  await expect(page.getByRole('link', { name: 'Patterns' })).toHaveAttribute('aria-current', 'true');
  await page.goBack();
  await expect(page).toHaveURL('/journal');
  await expect(page.getByRole('link', { name: 'Entries' })).toHaveAttribute('aria-current', 'true');
  await page.goForward();
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('Learn and support');
  await expect(tabs.getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test('a link to a section of another page lands on that section', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/');
  await page.locator('.support-link').click();
  await expect(page).toHaveURL('/learn#support');
  await expect(page.locator('#support')).toBeFocused();
  await expect(page.locator('#support')).toBeInViewport();
});

test('each tab shows its icon, drawn inline in the current colour and hidden from screen readers', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/journal');
  const icons = page.getByRole('navigation', { name: 'Main' }).locator('a svg.icon');
  await expect(icons).toHaveCount(6);
  for (const icon of await icons.all()) {
    await expect(icon).toHaveAttribute('aria-hidden', 'true');
    expect((await icon.locator('path').getAttribute('d')).length).toBeGreaterThan(10);
    const box = await icon.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(18);
  }
  // The current page's icon takes the accent colour, the others the text's.
  const strokes = await icons.evaluateAll((all) => all.map((svg) => getComputedStyle(svg).stroke));
  const current = await page.locator('.tabs a[aria-current="page"] svg.icon').evaluate((svg) => getComputedStyle(svg).stroke);
  expect(strokes.filter((s) => s === current)).toHaveLength(1);
  // No image documents: an icon as a data: URL is an SVG document built in the first style pass.
  const css = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
  expect(css).not.toContain('data:image/svg');
});
