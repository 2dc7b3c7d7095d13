// Small steps: plan, log with discomfort figures, and see Home and progress
// reflect it after a reload. Not yet is met kindly.
import { test, expect, open } from './fixtures.mjs';

const scale = (page, name) => page.getByRole('group', { name });

test('plan a step, log it, and see Home and progress after a reload', async ({ page }) => {
  await open(page, '/');
  await expect(page.getByRole('heading', { name: "Today's small step" })).toBeVisible();
  await expect(page.getByText('What’s one small step you can take today toward healthier attachment?')).toBeVisible();
  await page.getByRole('link', { name: 'Choose a step' }).click();
  await expect(page.locator('h1')).toHaveText('Small steps');

  await page.getByRole('radio', { name: /Accept a compliment without deflecting/ }).check();
  await page.getByLabel('With whom? (optional)').fill('Sam');
  await scale(page, 'How uncomfortable do you expect it to be?').getByRole('radio', { name: '8', exact: true }).check();
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await expect(page.getByRole('heading', { name: 'Your small step' })).toBeVisible();
  await expect(page.locator('.today .step-text')).toHaveText('Accept a compliment without deflecting.');

  await page.reload();
  await open(page, '/');
  await expect(page.locator('.today .step-text')).toHaveText('Accept a compliment without deflecting.');
  await expect(page.locator('.today')).toContainText('With Sam');
  await page.getByRole('link', { name: 'Log how it went' }).click();
  await expect(page.locator('h1')).toHaveText('How did it go?');
  await page.getByRole('radio', { name: 'Yes, I did it' }).check();
  await scale(page, 'How uncomfortable was it, really?').getByRole('radio', { name: '3', exact: true }).check();
  await expect(page.getByText('Beforehand you expected 8 out of 10.')).toBeVisible();
  await page.getByLabel('What happened, and how did it feel? (optional)').fill('Said thank you and let it land. Strange but nice.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('h1')).toHaveText('Small steps');

  await page.reload();
  await expect(page.getByText('You have taken 1 small step.')).toBeVisible();
  const chart = page.getByRole('img', { name: /Expected and actual discomfort/ });
  await expect(chart).toHaveAttribute('aria-label', /expected 8.0 out of 10 and it turned out 3.0/);
  await page.getByText('Show as a table').click();
  await expect(page.locator('.chart-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.chart-table tbody td').nth(1)).toHaveText('8');
  await expect(page.locator('.chart-table tbody td').nth(2)).toHaveText('3');
  await expect(page.getByRole('heading', { name: 'Your small step' })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/streak/i);

  await open(page, '/');
  await expect(page.getByText('What’s one small step you can take today')).toBeVisible();
  await expect(page.locator('#recent-title + ul .entry-card').first()).toContainText('Step taken');
});

test('"not yet" is met kindly, with a choice to keep the step or choose a smaller one', async ({ page }) => {
  await open(page, '/practice?step=ask-help');
  await expect(page.getByRole('radio', { name: /Ask someone for help/ })).toBeChecked();
  await scale(page, 'How uncomfortable do you expect it to be?').getByRole('radio', { name: '6', exact: true }).check();
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await page.getByRole('link', { name: 'Log how it went' }).click();
  await page.getByRole('radio', { name: 'Not yet' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Not yet is completely fine' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it for another day' }).click();
  await expect(page.locator('.today .step-text')).toHaveText('Ask someone for help, even with something small.');
});

test('your own steps join the library, and planning needs a step and a guess', async ({ page }) => {
  await open(page, '/practice');
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose a step from the list, or write your own.');
  await page.getByLabel('Add a step of your own to this list').fill('Call Dad back.');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Your own steps' }).getByRole('radio', { name: 'Call Dad back.' })).toBeChecked();
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await expect(page.getByRole('alert')).toHaveText('How uncomfortable do you expect it to be? A rough guess is fine.');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Call Dad back.' })).toBeVisible();
});

test('a reframe\'s small step can be planned in Small steps', async ({ page }) => {
  await open(page, '/reframe?new');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('#step-answer').fill('A quiet evening.');
  for (let i = 0; i < 3; i++) await page.locator('.step-actions .button:not(.secondary)').click();
  await page.locator('#step-answer').fill('Thank you.');
  for (let i = 0; i < 3; i++) await page.locator('.step-actions .button:not(.secondary)').click();
  await page.locator('#step-answer').fill('Text Jo: "rough day, can we talk?"');
  await page.locator('.step-actions .button:not(.secondary)').click();
  await page.getByRole('button', { name: 'Finish' }).click();
  await page.getByRole('link', { name: 'Plan this step in Small steps' }).click();
  await expect(page.getByLabel('Or write a step just for now')).toHaveValue('Text Jo: "rough day, can we talk?"');
});

test('the welcome shows on a first visit and stays away once dismissed', async ({ page }) => {
  await open(page, '/');
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await expect(welcome).toContainText('Everything you write stays on this device.');
  await welcome.getByRole('button', { name: 'Got it' }).click();
  await expect(page.getByRole('region', { name: 'Welcome' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('Home');
  await expect(page.getByRole('region', { name: 'Welcome' })).toHaveCount(0);
});
