// Storage guarantees that need a form with text: drafts across a reload, a full
// disk, and two tabs open at once.
import { test, expect, open, draftOf, draftsOf, fillStorage, emptyFiller } from './fixtures.mjs';

test('a draft survives a reload and is removed once saved', async ({ page }) => {
  await open(page, '/journal?new');
  await page.locator('#entry-text').pressSequentially('I wanted to say something and did not', { delay: 5 });
  await page.getByRole('checkbox', { name: 'lonely' }).check();
  await expect.poll(() => draftOf(page, 'journal-new')).toContain('did not');
  expect(page.url()).toContain('draft=');
  await page.reload();
  await expect(page.locator('#entry-text')).toHaveValue('I wanted to say something and did not');
  await expect(page.getByRole('checkbox', { name: 'lonely' })).toBeChecked();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('h1')).toHaveText('Journal entry');
  expect(await draftsOf(page, 'journal-new')).toEqual({});
});

test('navigating away mid-sentence keeps the draft; discarding removes it', async ({ page }) => {
  await open(page, '/journal?new');
  await page.locator('#entry-text').fill('half a thought');
  // Leave at once, before the debounce fires: unmounting writes the draft.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('h1')).toHaveText('Home');
  expect(Object.values(await draftsOf(page, 'journal-new'))).toEqual([expect.stringContaining('half a thought')]);
  // A new entry starts blank and offers the unfinished one; it never overwrites it.
  await open(page, '/journal?new');
  await expect(page.locator('#entry-text')).toHaveValue('');
  const offer = page.getByRole('complementary', { name: /You have 1 unfinished entry/ });
  await offer.getByRole('link', { name: 'half a thought' }).click();
  await expect(page.locator('#entry-text')).toHaveValue('half a thought');
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('Journal');
  expect(await draftsOf(page, 'journal-new')).toEqual({});
});

test('when storage is full, saving fails visibly and nothing is lost', async ({ page }) => {
  await open(page, '/journal?new');
  await page.locator('#entry-text').fill('An existing entry.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('h1')).toHaveText('Journal entry');

  await open(page, '/journal?new');
  const words = 'These words matter and must not vanish. '.repeat(20);
  await page.locator('#entry-text').fill(words);
  await expect.poll(() => draftOf(page, 'journal-new')).toContain('must not vanish');
  const before = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

  await fillStorage(page);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert')).toContainText("your browser's storage for this app is full");
  await expect(page.getByRole('alert')).toContainText('Exporting a backup');
  // The draft was written before storage filled up, so this promise is true.
  await expect(page.getByRole('alert')).toContainText('still here on screen and in the draft');
  await expect(page.locator('#entry-text')).toHaveValue(words);

  const after = await page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([k]) => !k.startsWith('filler-'))));
  expect(after).toEqual(before);
  await emptyFiller(page);
});

test('two tabs: an entry saved in one appears in the other, and neither drops the other\'s', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a, '/journal');
  await open(b, '/journal?new');
  await b.locator('#entry-text').fill('Written in tab B');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await expect(b.locator('h1')).toHaveText('Journal entry');
  await expect(a.locator('.entry-card')).toHaveCount(1);
  await expect(a.locator('.entry-card')).toContainText('Written in tab B');

  // Both save at the same moment.
  await open(a, '/journal?new');
  await open(b, '/journal?new');
  await a.locator('#entry-text').fill('From A at once');
  await b.locator('#entry-text').fill('From B at once');
  await Promise.all([
    a.getByRole('button', { name: 'Save entry' }).click(),
    b.getByRole('button', { name: 'Save entry' }).click(),
  ]);
  for (const p of [a, b]) {
    await open(p, '/journal');
    await expect(p.locator('.entry-card')).toHaveCount(3);
  }
  await a.reload();
  await expect(a.locator('.entry-card')).toHaveCount(3);
});
