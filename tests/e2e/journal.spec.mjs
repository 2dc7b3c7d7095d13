// The journal as a person uses it: write, find, change, delete and undo, and see
// patterns; with every word rendered as text.
import { test, expect, open } from './fixtures.mjs';

/** Fills the new-entry form and saves. Returns to the saved entry's page. */
async function writeEntry(page, { text, prompt, when, who = [], feelings = [], urge, did }) {
  await open(page, '/journal?new');
  if (prompt) await page.getByRole('radio', { name: prompt }).check();
  await page.locator('#entry-text').fill(text);
  if (when) await page.getByLabel('When did it happen?').fill(when);
  for (const w of who) await page.getByRole('group', { name: 'Who was involved?' }).getByRole('checkbox', { name: w, exact: true }).check();
  for (const f of feelings) await page.getByRole('group', { name: 'What did you feel?' }).getByRole('checkbox', { name: f, exact: true }).check();
  if (urge !== undefined) await page.getByRole('group', { name: 'How strong was the urge to withdraw?' }).getByRole('radio', { name: String(urge), exact: true }).check();
  if (did) await page.getByRole('group', { name: 'What did you do?' }).getByRole('radio', { name: did, exact: true }).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('h1')).toHaveText('Journal entry');
}

const entryCards = (page) => page.locator('.entry-card');

test('write, reload, search, filter, edit, delete and undo', async ({ page }) => {
  await writeEntry(page, {
    text: 'He asked what was wrong. I said "nothing" and changed the subject.',
    prompt: 'What situations make me withdraw?', who: ['Partner'], feelings: ['anxious', 'trapped'], urge: 8, did: 'Pulled away',
  });
  await expect(page.locator('.entry-prompt')).toHaveText('What situations make me withdraw?');
  await expect(page.locator('.details')).toContainText('8 out of 10');
  await writeEntry(page, { text: 'Told Sam I was having a rough day. She listened.', who: ['Friend'], feelings: ['relieved'], urge: 3, did: 'Reached out' });

  await page.reload();
  await open(page, '/journal');
  await expect(entryCards(page)).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'entries' })).toHaveText('2 entries');

  // Search highlights what it found, in any order and case.
  await page.getByLabel('Search your journal').fill('SUBJECT changed');
  await expect(entryCards(page)).toHaveCount(1);
  await expect(entryCards(page).locator('mark')).toHaveText(['changed', 'subject']);
  await expect(page.getByText('1 of 2 entries matches')).toBeVisible();

  // Filters combine with search.
  await page.getByLabel('Search your journal').fill('');
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByLabel('Who').selectOption('friend');
  await expect(entryCards(page)).toHaveCount(1);
  await expect(entryCards(page)).toContainText('Told Sam');
  await page.getByLabel('Search your journal').fill('subject');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
  await expect(entryCards(page)).toHaveCount(2);

  // Edit.
  await entryCards(page).filter({ hasText: 'Told Sam' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.locator('h1')).toHaveText('Edit entry');
  await expect(page.locator('#entry-text')).toHaveValue('Told Sam I was having a rough day. She listened.');
  await page.locator('#entry-text').fill('Told Sam I was having a rough day. She listened, and I let her.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('.entry-text')).toHaveText('Told Sam I was having a rough day. She listened, and I let her.');

  // Delete, then undo within a few seconds.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('h1')).toHaveText('Journal');
  await expect(entryCards(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(entryCards(page)).toHaveCount(2);
  await page.reload();
  await expect(entryCards(page)).toHaveCount(2);
  await expect(entryCards(page).first()).toContainText('and I let her');
});

test('a back-dated entry is sorted into its place', async ({ page }) => {
  await writeEntry(page, { text: 'Today: stayed on the phone with Mum.' });
  await writeEntry(page, { text: 'Last spring: left the party early.', when: '2025-04-12T21:30' });
  await writeEntry(page, { text: 'Last winter: did not answer his texts.', when: '2025-01-20T08:00' });
  await open(page, '/journal');
  await expect(entryCards(page).locator('.entry-preview')).toHaveText([
    'Today: stayed on the phone with Mum.',
    'Last spring: left the party early.',
    'Last winter: did not answer his texts.',
  ]);
  await expect(entryCards(page).nth(1)).toContainText('12 Apr 2025');
});

test('markup and emoji in an entry are shown literally, and nothing runs', async ({ page }) => {
  const text = '<script>window.__owned = 1</script> <img src=x onerror="window.__owned = 2"> 🌱💛';
  await page.addInitScript(() => { window.__owned = 0; });
  await writeEntry(page, { text });
  await expect(page.locator('.entry-text')).toHaveText(text);
  await open(page, '/journal');
  await expect(entryCards(page).first()).toContainText('<img src=x onerror="window.__owned = 2">');
  await page.getByLabel('Search your journal').fill('script');
  await expect(entryCards(page).locator('mark').first()).toHaveText('script');
  expect(await page.evaluate(() => window.__owned)).toBe(0);
  expect(await page.locator('main img, main script').count()).toBe(0);
});

test('the patterns view describes a few entries honestly', async ({ page }) => {
  await open(page, '/journal?tab=patterns');
  await expect(page.getByText('Patterns will appear here as you write.')).toBeVisible();
  await writeEntry(page, { text: 'one', feelings: ['anxious'], who: ['Partner'], urge: 8, did: 'Pulled away' });
  await writeEntry(page, { text: 'two', feelings: ['anxious', 'calm'], who: ['Partner'], urge: 6, did: 'Stayed' });
  await writeEntry(page, { text: 'three', feelings: ['relieved'], who: ['Work'], urge: 2, did: 'Reached out' });
  await open(page, '/journal?tab=patterns');
  await expect(page.getByText('With 3 entries so far, these are early glimpses')).toBeVisible();
  await expect(page.locator('#p-feelings + ol li').first()).toContainText('anxious2 entries');
  await expect(page.locator('#p-who + ol li').first()).toContainText('Partner2 entries');
  await expect(page.getByText('you stayed or reached out in 2')).toBeVisible();
  const chart = page.getByRole('img', { name: /Urge to withdraw over time/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /3 entries rated .* Average/);
  await page.getByText('Show as a table').click();
  await expect(page.locator('.chart-table tbody tr')).toHaveCount(3);
});

test('saving with no text explains kindly and keeps everything else', async ({ page }) => {
  await open(page, '/journal?new');
  await page.getByRole('group', { name: 'What did you feel?' }).getByRole('checkbox', { name: 'numb' }).check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write a few words first. That is the only thing an entry needs.');
  await expect(page.locator('#entry-text')).toBeFocused();
  await expect(page.locator('#entry-text')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', { name: 'numb' })).toBeChecked();
});

test('the urge scale is a radio group that works with arrow keys', async ({ page }) => {
  await open(page, '/journal?new');
  const group = page.getByRole('group', { name: 'How strong was the urge to withdraw?' });
  await expect(group.getByRole('radio')).toHaveCount(11);
  await group.getByRole('radio', { name: '5' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: '6' })).toBeChecked();
  await expect(group.getByRole('radio', { name: '6' })).toBeFocused();
});
