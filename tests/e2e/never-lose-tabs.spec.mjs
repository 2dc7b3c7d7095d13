// Nothing a person writes is lost: two tabs editing at once, one draft per open
// form, messages that promise only what is true, Undo, and upgrades elsewhere.
import { test, expect, open, seed, dump, record, draftOf, draftsOf, fillStorage, emptyFiller, storedJson } from './fixtures.mjs';

const stored = (page, id) =>
  storedJson(page, `leaning-in.rec.journal.${id}`);
const journalTexts = async (page) =>
  Object.entries(await dump(page)).filter(([k]) => k.startsWith('leaning-in.rec.journal.')).map(([, v]) => JSON.parse(v).text).sort();

test('two tabs editing one entry: the later save shows both versions and asks', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'The first words.')) });
  await open(a, '/journal?edit=e1');
  await open(b, '/journal?edit=e1');
  await a.locator('#entry-text').fill('Edited in tab A.');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await expect(a.locator('h1')).toHaveText('Journal entry');

  // B hears of it at once; its words stay in the form.
  await expect(b.getByTestId('changed-elsewhere')).toBeVisible();
  await b.locator('#entry-text').fill('Edited in tab B.');
  await b.getByRole('button', { name: 'Save entry' }).click();
  const panel = b.getByRole('alertdialog', { name: 'This entry changed while you were editing' });
  await expect(panel.getByTestId('their-text')).toHaveText('Edited in tab A.');
  await expect(b.locator('#entry-text')).toHaveValue('Edited in tab B.');
  expect((await stored(b, 'e1')).text).toBe('Edited in tab A.');

  await panel.getByRole('button', { name: 'Keep both (save mine as a new entry)' }).click();
  await expect(b.locator('h1')).toHaveText('Journal entry');
  expect(await journalTexts(b)).toEqual(['Edited in tab A.', 'Edited in tab B.']);
});

test('"Keep mine" saves over the other version only once the person has seen it', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'The first words.')) });
  await open(b, '/journal?edit=e1');
  await b.locator('#entry-text').fill('Mine, from tab B.');
  await open(a, '/journal?edit=e1');
  await a.locator('#entry-text').fill('Theirs, from tab A.');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await expect(a.locator('h1')).toHaveText('Journal entry');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await b.getByRole('button', { name: 'Keep mine' }).click();
  await expect(b.locator('h1')).toHaveText('Journal entry');
  expect(await journalTexts(b)).toEqual(['Mine, from tab B.']);
  await expect(a.locator('.entry-text')).toHaveText('Mine, from tab B.');
});

test('an edit of an entry deleted in another tab can be saved again, and that tab\'s Undo does not replace it', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'Before the delete.')) });
  await open(a, '/journal?entry=e1');
  await open(b, '/journal?edit=e1');
  await b.locator('#entry-text').fill('B kept writing.');
  await a.getByRole('button', { name: 'Delete' }).click();
  await expect(a.locator('.toast')).toContainText('Entry deleted.');

  await b.getByRole('button', { name: 'Save entry' }).click();
  const panel = b.getByRole('alertdialog');
  await expect(panel).toContainText('was deleted elsewhere');
  await panel.getByRole('button', { name: 'Save mine again' }).click();
  await expect(b.locator('h1')).toHaveText('Journal entry');

  await a.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(a.locator('.toast')).toContainText('Not restored: this entry was saved again elsewhere');
  expect(await journalTexts(a)).toEqual(['B kept writing.']);
});

test('deleting an entry removes its unfinished edits and reframes; Undo brings all of it back', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'Words to let go of.')) });
  await open(page, '/journal?edit=e1');
  await page.locator('#entry-text').fill('An unsaved edit.');
  await expect.poll(() => draftOf(page, 'journal-edit-e1')).toContain('An unsaved edit.');
  await open(page, '/reframe?new&from=e1');
  await page.getByRole('radio', { name: '3', exact: true }).check();
  await expect.poll(() => draftsOf(page, 'reframe-from-e1')).not.toEqual({});
  const before = await dump(page);

  await open(page, '/journal?entry=e1');
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('h1')).toHaveText('Journal');
  const left = Object.keys(await dump(page)).filter((k) => k.includes('e1'));
  expect(left).toEqual([]);
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.toast')).toContainText('The entry is back.');
  expect(await dump(page)).toEqual(before);
});

test('every new-entry tab keeps its own draft', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a, '/journal?new');
  await open(b, '/journal?new');
  await a.locator('#entry-text').fill('ALPHA');
  await b.locator('#entry-text').fill('BETA');
  await expect.poll(() => draftOf(a, 'journal-new')).toContain('ALPHA');
  await expect.poll(() => draftOf(b, 'journal-new')).toContain('BETA');
  await a.reload();
  await expect(a.locator('#entry-text')).toHaveValue('ALPHA');
  await a.getByRole('button', { name: 'Save entry' }).click();
  await expect(a.locator('h1')).toHaveText('Journal entry');
  await b.reload();
  await expect(b.locator('#entry-text')).toHaveValue('BETA');
});

test('each self-check tab keeps its own answers', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a, '/check');
  await open(b, '/check');
  await a.getByRole('radio', { name: 'Often' }).check();
  await b.getByRole('radio', { name: 'Never' }).check();
  await expect.poll(() => draftOf(a, 'check')).toContain('3');
  await expect.poll(() => draftOf(b, 'check')).toContain('0');
  await a.reload();
  await expect(a.getByRole('radio', { name: 'Often' })).toBeChecked();
});

test('when the draft cannot be written, no message promises it', async ({ page }) => {
  await open(page, '/journal?new');
  await fillStorage(page);
  await page.locator('#entry-text').fill('Words that only live on screen. '.repeat(40));
  await expect(page.getByRole('status').filter({ hasText: 'Your draft could not be kept just now' })).toBeVisible();
  await page.getByRole('button', { name: 'Save entry' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("your browser's storage for this app is full");
  await expect(alert).toContainText('could not be kept as a draft: copy them somewhere safe');
  await expect(alert).not.toContainText('and in the draft');
  await emptyFiller(page);
});

test('with data from a newer version, the message does not send the person to reload into an empty form', async ({ page }) => {
  const entries = { 'leaning-in.meta': '{"schema":99}' };
  await seed(page, entries);
  await open(page, '/journal?new');
  await page.locator('#entry-text').fill('Typed in an old version.');
  await expect(page.getByRole('status').filter({ hasText: 'Your draft could not be kept just now' })).toBeVisible();
  await page.getByRole('button', { name: 'Save entry' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This could not be saved' });
  await expect(alert).toContainText('copy them somewhere safe before you leave this page');
  await expect(alert).not.toContainText('in the draft');
  expect(await dump(page)).toEqual(entries);
});

test('going Back to the first reframe screen keeps every answer', async ({ page }) => {
  // The safety question is left unanswered, as many people will.
  await open(page, '/reframe?new');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('#step-answer').fill('Jo asked how I was, and I said fine.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('.step-count')).toHaveText('Before you begin');
  await page.waitForTimeout(600);
  expect(await draftOf(page, 'reframe-new')).toContain('Jo asked how I was');
  await page.reload();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#step-answer')).toHaveValue('Jo asked how I was, and I said fine.');
});

test('"Plan this step" from a reframe opens a new plan and keeps the unfinished one', async ({ page }) => {
  await open(page, '/practice');
  await page.locator('#own-step').fill('Call my sister on Sunday');
  await expect.poll(() => draftOf(page, 'practice-plan')).toContain('Call my sister');
  await open(page, `/practice?plan=${encodeURIComponent('Text Jo tonight')}#plan`);
  await expect(page.locator('#own-step')).toHaveValue('Text Jo tonight');
  await page.locator('#with-whom').fill('Jo');
  await expect.poll(async () => Object.values(await draftsOf(page, 'practice-plan')).join()).toContain('Text Jo tonight');
  const all = Object.values(await draftsOf(page, 'practice-plan')).join();
  expect(all).toContain('Call my sister on Sunday');
  await page.getByRole('link', { name: 'Call my sister on Sunday' }).click();
  await expect(page.locator('#own-step')).toHaveValue('Call my sister on Sunday');
});

test('after "Delete everything" in one tab, the other tab drops its "could not be read" banner', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.bad': '{broken' });
  await expect(a.locator('.banner', { hasText: 'could not be read' })).toBeVisible();
  await open(b, '/data');
  await b.getByRole('button', { name: 'Delete everything…' }).click();
  await b.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(a.locator('.banner', { hasText: 'could not be read' })).toHaveCount(0);
});

test('a tab opened before another tab upgraded the store stops writing and reloads', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a, '/journal?new');
  await a.locator('#entry-text').fill('Written just before the update.');
  await expect.poll(() => draftOf(a, 'journal-new')).toContain('just before');
  await a.evaluate(() => { window.beforeUpdate = true; });
  await open(b, '/');
  // A newer build in tab B raises the schema (as the lock will, encrypting everything).
  const reloaded = a.waitForEvent('load');
  await b.evaluate(() => localStorage.setItem('leaning-in.meta', '{"schema":4}'));
  await reloaded;
  expect(await a.evaluate(() => window.beforeUpdate)).toBeUndefined();
  await expect(a.getByRole('alert')).toContainText('saved by a newer version of the app');
  await expect(a.locator('#entry-text')).toHaveValue('Written just before the update.');
  const before = await dump(a);
  await a.getByRole('button', { name: 'Save entry' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'This could not be saved' })).toBeVisible();
  expect(await dump(a)).toEqual(before);
});

test('after an upgrade elsewhere, a tab with words only on screen does not reload but says why', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a, '/journal?new');
  await fillStorage(a);
  await a.locator('#entry-text').fill('These words never reached a draft. '.repeat(30));
  await expect(a.getByRole('status').filter({ hasText: 'Your draft could not be kept just now' })).toBeVisible();
  await a.evaluate(() => { window.beforeUpdate = true; });
  await open(b, '/');
  await emptyFiller(b);
  await b.evaluate(() => localStorage.setItem('leaning-in.meta', '{"schema":4}'));
  const banner = a.getByRole('alert').filter({ hasText: 'The app was updated in another tab' });
  await expect(banner).toContainText('copy it somewhere safe, then reload');
  await expect(banner.getByRole('button', { name: 'Reload now' })).toBeVisible();
  expect(await a.evaluate(() => window.beforeUpdate)).toBe(true);
  await expect(a.locator('#entry-text')).toHaveValue(/never reached a draft/);
});

test('items kept aside by an older build are put back once this build can read them', async ({ page }) => {
  const raw = JSON.stringify(record('r1', 'Back from being kept aside.'));
  await seed(page, {
    'leaning-in.meta': '{"schema":1}',
    'leaning-in.quarantine.rec.journal.r1': JSON.stringify({ key: 'leaning-in.rec.journal.r1', reason: 'a newer version', found_at: 1, raw }),
  });
  await expect(page.getByRole('status').filter({ hasText: 'back in place' })).toContainText('1 saved item that could not be read before');
  expect(await page.evaluate(() => window.__unpack(localStorage.getItem('leaning-in.rec.journal.r1')))).toBe(raw);
  await open(page, '/journal');
  await expect(page.locator('.entry-card')).toContainText('Back from being kept aside.');
});
