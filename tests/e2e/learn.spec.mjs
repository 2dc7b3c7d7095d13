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
  // Between two people: what a partner's respect, couple work and a remembered
  // kind presence do, each with its study.
  const between = page.getByRole('region', { name: 'Between two people' });
  await expect(between).toContainText('respects your need for space and still lets you know that you matter');
  await expect(between).toContainText('Remembering a time someone was there for you');
  for (const name of ['Ainsworth', 'Pennebaker (2018)', 'Levy and colleagues (2018)', 'Brené Brown', 'Amir Levine and Rachel Heller',
    'Overall, Simpson and Struthers (2013)', '104, 854–871', 'Burgess Moser and colleagues (2016)', 'doi 10.1177/10888683211054592', 'Otway, Carnelley and Rowe (2014)']) {
    await expect(page.locator('.references')).toContainText(name);
  }
  expect(await page.locator('.references a').count()).toBe(0);
  await page.getByRole('link', { name: 'Where to find support' }).click();
  await expect(page).toHaveURL(/\/learn#support$/);
  await expect(page.getByRole('heading', { name: 'Finding a therapist' })).toBeVisible();
});
