import { test, expect, open } from './fixtures.mjs';

test('Learn explains the pattern, links each way forward to its tool, and credits the research', async ({ page }) => {
  await open(page, '/learn');
  await expect(page.getByRole('heading', { name: 'What avoidant attachment is' })).toBeVisible();
  await expect(page.getByText('It is not a flaw or a diagnosis.')).toBeVisible();
  await expect(page.locator('.ways > li')).toHaveCount(5);
  for (const [link, h1] of [['Open the journal', 'Journal'], ['Try the reframe', 'Reframe'], ['Plan a small step', 'Small steps']]) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.locator('h1')).toHaveText(h1);
    await page.goBack();
  }
  for (const name of ['Ainsworth', 'Pennebaker (2018)', 'Levy and colleagues (2018)', 'Brené Brown', 'Amir Levine and Rachel Heller']) {
    await expect(page.locator('.references')).toContainText(name);
  }
  expect(await page.locator('.references a').count()).toBe(0);
  await page.getByRole('link', { name: 'Where to find support' }).click();
  await expect(page).toHaveURL(/\/learn#support$/);
  await expect(page.getByRole('heading', { name: 'Finding a therapist' })).toBeVisible();
});
