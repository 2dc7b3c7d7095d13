// The reframe by keyboard alone, with a reload in the middle.
import { test, expect, open, draftOf, draftsOf } from './fixtures.mjs';

/** Tabs to a control by its text, or to a radio group by `radio:<name>`. */
async function tabTo(page, label) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.type === 'radio' ? `radio:${el.name}` : el?.textContent?.trim();
    });
    if (here === label) return;
  }
  throw new Error(`never reached ${label} by Tab`);
}

/** Chooses a 0–10 value on the focused scale with the keyboard. */
async function rate(page, value) {
  await page.keyboard.press('Space');
  for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
}

const WRITE = [
  'Jo asked how I was really doing and I said fine.',
  'Change the subject and leave early.',
  'Being a burden.',
  'Thank you for keeping me safe when I had to manage alone.',
  'I am an adult now and Jo has been kind for years.',
  'I choose to tell Jo one true sentence.',
  'Text Jo tonight.',
];

test('a reframe by keyboard alone survives a reload and shows its shift', async ({ page }) => {
  await open(page, '/reframe');
  await tabTo(page, 'Start a reframe');
  await page.keyboard.press('Enter');
  await expect(page.locator('.step-count')).toHaveText('Before you begin');
  await tabTo(page, 'radio:safe-before');
  await rate(page, 3);
  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');

  for (let i = 0; i < 3; i++) {
    await expect(page.locator('.step-count')).toHaveText(`Step ${i + 1} of 7`);
    await expect(page.locator('#step-answer')).toBeFocused();
    await page.keyboard.type(WRITE[i]);
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
  }
  // Earlier answers stay within reach.
  await expect(page.locator('.so-far summary')).toHaveText('What you have written so far');
  await page.locator('#step-answer').type(WRITE[3]);
  await expect.poll(() => draftOf(page, 'reframe-new')).toContain('manage alone');

  await page.reload();
  await expect(page.locator('.step-count')).toHaveText('Step 4 of 7');
  await expect(page.locator('#step-answer')).toHaveValue(WRITE[3]);
  await page.locator('.so-far summary').click();
  await expect(page.locator('.so-far dd')).toHaveText(WRITE.slice(0, 3));

  await page.locator('#step-answer').focus();
  await tabTo(page, 'Next');
  await page.keyboard.press('Enter');
  for (let i = 4; i < 7; i++) {
    await expect(page.locator('#step-answer')).toBeFocused();
    if (i === 5) {
      // A step can be skipped: the button says so.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Skip this step' })).toBeVisible();
      await page.locator('#step-answer').focus();
    }
    await page.keyboard.type(WRITE[i]);
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.step-count')).toHaveText('One last question');
  await expect(page.getByRole('radio', { name: '0', exact: true })).toBeFocused();
  await rate(page, 7);
  await tabTo(page, 'Finish');
  await page.keyboard.press('Enter');

  await expect(page.locator('h1')).toHaveText('Your reframe');
  await expect(page.locator('.situation')).toHaveText(WRITE[0]);
  await expect(page.locator('.summary-line dt')).toHaveText(['Thank you', 'You’re safe', 'I choose', 'My step']);
  await expect(page.locator('.shift-line')).toHaveText('Closeness felt 3 out of 10 safe before and 7 after (+4).');
  expect(await draftsOf(page, 'reframe-new')).toEqual({});

  await page.reload();
  await open(page, '/reframe');
  await expect(page.locator('.entry-card')).toHaveCount(1);
  await expect(page.locator('.entry-card .shift')).toHaveText('Safety 3 → 7 (+4)');
});

test('finishing without the heart of the reframe says what is needed', async ({ page }) => {
  await open(page, '/reframe?new');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('#step-answer').fill('A hard moment at work.');
  for (let i = 0; i < 7; i++) await page.locator('.step-actions .button:not(.secondary)').click();
  await expect(page.locator('.step-count')).toHaveText('One last question');
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('alert')).toContainText('Write at least one of: a thank-you (step 4)');
});

test('"Reframe this" from a journal entry fills in the situation', async ({ page }) => {
  await open(page, '/journal?new');
  await page.locator('#entry-text').fill('Went quiet when Sam offered to help.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('link', { name: 'Reframe this' }).click();
  await expect(page.locator('h1')).toHaveText('Reframe');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#step-answer')).toHaveValue('Went quiet when Sam offered to help.');
});
