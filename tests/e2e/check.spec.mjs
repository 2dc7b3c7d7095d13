// The self-check, by keyboard alone: two checks with different answers, a reload,
// then the history, the chart and what shifted.
import { test, expect, open, draftOf } from './fixtures.mjs';

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, matches, arg) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches, arg)) return;
  }
  throw new Error('never reached by Tab');
}
const isAnswer = () => document.activeElement?.matches('.check-step input[type=radio]');
const isButton = (label) => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === label;
const isLink = (label) => document.activeElement?.tagName === 'A' && document.activeElement.textContent.trim() === label;

/** Answers all seven statements with arrow keys and Enter. `answers` are 0–4. */
async function takeByKeyboard(page, answers) {
  await tabTo(page, isAnswer);
  for (let i = 0; i < answers.length; i++) {
    await expect(page.locator('.step-count')).toHaveText(`Statement ${i + 1} of 7`);
    // Focus sits on the first answer of each statement; Space picks it, arrows move.
    await expect(page.locator('.check-step input').first()).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < answers[i]; k++) await page.keyboard.press('ArrowDown');
    await tabTo(page, isButton, i === 6 ? 'See my result' : 'Next');
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('#result-title')).toBeVisible();
}

test('two checks by keyboard, a reload, then history, chart and shift', async ({ page }) => {
  await open(page, '/check');
  await takeByKeyboard(page, [4, 3, 2, 2, 0, 4, 1]);
  // 16 of 28 points: 57, the middle band.
  await expect(page.locator('.score strong')).toHaveText('57');
  await expect(page.locator('.result h3')).toHaveText('Some of these thoughts feel familiar');
  await expect(page.getByText('This is a reflection tool, not a diagnosis.')).toBeVisible();
  const truest = page.locator('.truest li');
  await expect(truest).toHaveCount(3);
  await expect(truest.first()).toContainText('I wish I could open up and share my true feelings.');
  await expect(truest.first().getByRole('link')).toHaveText('Try one small step');

  await tabTo(page, isLink, 'Take it again now');
  await page.keyboard.press('Enter');
  await expect(page.locator('.step-count')).toHaveText('Statement 1 of 7');
  await takeByKeyboard(page, [2, 1, 4, 2, 1, 0, 1]);
  await expect(page.locator('.score strong')).toHaveText('39');

  await page.reload();
  await expect(page.locator('#result-title')).toBeVisible();
  await expect(page.locator('.history li')).toHaveCount(2);
  await expect(page.locator('.history li').first()).toContainText('39 out of 100');
  await expect(page.locator('.history li').nth(1)).toContainText('57 out of 100');
  await expect(page.getByRole('img', { name: /Self-check score over time/ })).toHaveAttribute('aria-label', /went from 57 to 39/);
  const moved = page.locator('.shifts li');
  await expect(moved).toHaveCount(4);
  await expect(moved.nth(0)).toContainText('moved from Almost always to Sometimes');
  await expect(moved.nth(1)).toContainText('moved from Often to Rarely');
  await expect(moved.nth(2)).toContainText('moved from Sometimes to Almost always');
  await expect(moved.nth(3)).toContainText('moved from Almost always to Never');
});

test('an unanswered statement cannot be skipped, and the reason is said', async ({ page }) => {
  await open(page, '/check');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose how often this comes up for you to go on. There are no wrong answers.');
  await expect(page.locator('.step-count')).toHaveText('Statement 1 of 7');
  await page.getByRole('radio', { name: 'Often' }).check();
  await expect(page.getByRole('alert')).toBeHidden();
});

test('answers in progress survive a reload', async ({ page }) => {
  await open(page, '/check');
  for (const answer of ['Often', 'Rarely', 'Almost always']) {
    await page.getByRole('radio', { name: answer }).check();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.locator('.step-count')).toHaveText('Statement 4 of 7');
  await expect.poll(() => draftOf(page, 'check')).toContain('"step":3');
  await page.reload();
  await expect(page.locator('.step-count')).toHaveText('Statement 4 of 7');
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'Almost always' })).toBeChecked();
});

test('Home suggests a retake a month after the last check', async ({ page }) => {
  await open(page, '/');
  const at = Date.now() - 31 * 86400000;
  await page.evaluate((at) => localStorage.setItem('leaning-in.rec.check.old1', JSON.stringify({ v: 1, id: 'old1', at, answers: [2, 2, 2, 2, 2, 2, 2] })), at);
  await page.reload();
  const nudge = page.getByRole('complementary', { name: 'Self-check reminder' });
  await expect(nudge).toBeVisible();
  await nudge.getByRole('link', { name: 'Retake the self-check' }).click();
  await expect(page.locator('.step-count')).toHaveText('Statement 1 of 7');
});
