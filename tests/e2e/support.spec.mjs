import { test, expect, open } from './fixtures.mjs';
import { readFileSync } from 'node:fs';

// The crisis lines come from data/crisis-lines.json: the region from the setting
// on Learn and support, else the region part of the person's language.
const DATA = JSON.parse(readFileSync(new URL('../../data/crisis-lines.json', import.meta.url), 'utf8'));
const here = (page) => page.locator('.crisis-lines-here');

test.describe('in en-GB', () => {
  test.use({ locale: 'en-GB' });
  test('the UK lines show first, each number a link that dials it', async ({ page }) => {
    await open(page, '/learn#support');
    await expect(page.getByLabel('Where you are')).toHaveValue('GB');
    await expect(here(page).getByText('Samaritans', { exact: true })).toBeVisible();
    await expect(here(page).getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');
    await expect(here(page).getByRole('link', { name: 'Text SHOUT to 85258' })).toHaveAttribute('href', 'sms:85258');
    await expect(here(page).getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    await expect(here(page).getByText(/^Checked \d+ \w+ 20\d\d: sources$/)).toBeVisible();
  });
});

test.describe('in a language with no region part', () => {
  test.use({ locale: 'en' });
  test('the person chooses, the choice is kept, and every region is a tap away', async ({ page }) => {
    await open(page, '/learn#support');
    await expect(here(page).getByText('Choose where you are to see the helplines there.')).toBeVisible();
    await page.getByLabel('Where you are').selectOption('BR');
    await expect(here(page).getByRole('link', { name: 'Call 188' })).toHaveAttribute('href', 'tel:188');
    await page.reload();
    await expect(page.getByLabel('Where you are')).toHaveValue('BR');
    await expect(here(page).getByText('CVV Centro de Valorização da Vida')).toBeVisible();

    await page.getByText('Helplines in every country listed').click();
    const every = page.locator('.every-region');
    await expect(every.locator('h4')).toHaveCount(DATA.regions.length);
    await expect(every.getByRole('heading', { name: 'Germany' })).toBeVisible();
    await expect(every.getByRole('link', { name: 'Call 0800 111 0 111' })).toHaveAttribute('href', 'tel:08001110111');
    // Numbers dial; nothing on the list links to another site (sources and chat
    // addresses are text to copy).
    await page.locator('.crisis-sources summary').first().click();
    await expect(page.locator('.crisis-sources .address').first()).toHaveText(/^https:\/\//);
    expect(await page.locator('#support a[href^="http"], .every-region a[href^="http"]').count()).toBe(0);
  });
});

test('the lines file is served beside the app and precached for offline use', async ({ page, request }) => {
  const response = await request.get('/crisis-lines.json');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toEqual(DATA);
  await open(page, '/');
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toContain('"crisis-lines.json"');
});
