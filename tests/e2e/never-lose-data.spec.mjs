// Nothing a person writes is lost or misdated: imports that are all or nothing
// and planned again at confirm time, dates outside the calendar refused, and
// every date read with its own UTC offset across summer time.
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { test, expect, open, seed, dump, record, storedJson } from './fixtures.mjs';

const backup = (records) => Buffer.from(JSON.stringify({ format: 'leaning-in-backup', version: 1, exported_at: 1, records: { journal: records } }));
const chooseFile = (page, buffer) =>
  page.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer });

test('an import that runs out of room writes nothing and says how much room it needs', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.e0': JSON.stringify(record('e0', 'Already here.')) });
  await open(page, '/data');
  const before = await dump(page);
  // Text that does not compress (stored values are compressed): base64 of random bytes.
  const big = [1, 2, 3, 4, 5].map((i) => record(`n${i}`, randomBytes(1_200_000).toString('base64')));
  await chooseFile(page, backup(big));
  await expect(page.getByText('This backup holds:')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Nothing was imported: your browser's storage for this app is full. Free about");
  await expect(alert).toContainText('KB');
  expect(await dump(page)).toEqual(before);
});

test('an import confirmed after another tab saved a newer edit keeps that edit', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'On this device.')) });
  await open(a, '/data');
  await chooseFile(a, backup([record('e1', 'From the backup.', { updated: 1763900005000 })]));
  await expect(a.getByRole('status').filter({ hasText: 'This backup holds' })).toContainText('1 from the file');

  await open(b, '/journal?edit=e1');
  await b.locator('#entry-text').fill('Edited in tab B while the summary was open.');
  await b.getByRole('button', { name: 'Save entry' }).click();
  await expect(b.locator('h1')).toHaveText('Journal entry');

  await a.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = a.getByRole('status').filter({ hasText: 'This backup holds' });
  await expect(summary).toContainText('Something changed in another tab since you chose this file');
  await expect(summary).toContainText('0 from the file');
  await expect(summary).toContainText('the ones here are newer and are kept');
  const e1 = await storedJson(a, 'leaning-in.rec.journal.e1');
  expect(e1.text).toBe('Edited in tab B while the summary was open.');
});

for (const [name, at, message] of [
  ['before year 1', -62135596800001, 'outside the years 1 to 9999'],
  ['after 9999', 253402300800000, 'outside the years 1 to 9999'],
  ['in the future', Date.now() + 30 * 86400000, 'in the future'],
]) {
  test(`an imported date ${name} is refused, and nothing changes`, async ({ page }) => {
    await seed(page, { 'leaning-in.rec.journal.e0': JSON.stringify(record('e0', 'Already here.')) });
    await open(page, '/data');
    const before = await dump(page);
    await chooseFile(page, backup([record('bad', 'A strange date.', { at })]));
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Nothing has been changed.');
    expect(await dump(page)).toEqual(before);
  });
}

// 15 Jul 2026 at 00:30 local time, in summer time, while "now" is in winter.
for (const [timezoneId, utc] of [['Europe/London', Date.UTC(2026, 6, 14, 23, 30)], ['America/New_York', Date.UTC(2026, 6, 15, 4, 30)]]) {
  test.describe(`dates in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('a summer entry keeps its own day in the list, the filter and the Markdown export', async ({ page }) => {
      await seed(page, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', 'Just after midnight in July.', { at: utc })) });
      await open(page, '/journal');
      await expect(page.locator('.entry-card')).toContainText('15 Jul 2026');
      await page.locator('.filters summary').click();
      await page.locator('#filter-from').fill('2026-07-15');
      await page.locator('#filter-to').fill('2026-07-15');
      await expect(page.locator('.result-count')).toHaveText('1 of 1 entry matches');
      await open(page, '/data');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download readable copy (Markdown)' }).click(),
      ]);
      expect(await readFile(await download.path(), 'utf8')).toContain('### 15 Jul 2026');
    });
  });
}

test.describe('the hour repeated when summer time ends', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('editing only the text keeps the entry at its exact moment', async ({ page }) => {
    // 25 Oct 2026 01:30 BST: the first of two 01:30s that night.
    const at = Date.UTC(2026, 9, 25, 0, 30, 15);
    await seed(page, { 'leaning-in.rec.journal.d1': JSON.stringify(record('d1', 'Late, and awake.', { at })) });
    await open(page, '/journal?edit=d1');
    await page.locator('#entry-text').fill('Late, and awake. Edited.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.locator('h1')).toHaveText('Journal entry');
    const saved = await storedJson(page, 'leaning-in.rec.journal.d1');
    expect(saved.text).toBe('Late, and awake. Edited.');
    expect(saved.at).toBe(at);
  });
});

test('an unsaved edit reopened after a newer copy was imported says so, and Save asks', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.e1': JSON.stringify(record('e1', 'The first words.')) });
  await open(page, '/journal?edit=e1');
  await page.locator('#entry-text').fill('An edit left unsaved.');
  await open(page, '/data');
  await chooseFile(page, backup([record('e1', 'A newer copy from a backup.', { updated: 1763900009000 })]));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1 record.')).toBeVisible();

  await open(page, '/journal?entry=e1');
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.locator('#entry-text')).toHaveValue('A newer copy from a backup.');
  await page.getByRole('complementary', { name: /unfinished edit of this entry/ }).getByRole('link', { name: 'An edit left unsaved.' }).click();
  await expect(page.locator('#entry-text')).toHaveValue('An edit left unsaved.');
  await expect(page.getByTestId('changed-elsewhere')).toBeVisible();
  await page.getByRole('button', { name: 'Save entry' }).click();
  const panel = page.getByRole('alertdialog');
  await expect(panel.getByTestId('their-text')).toHaveText('A newer copy from a backup.');
  await panel.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(page.locator('.entry-text')).toHaveText('A newer copy from a backup.');
  const drafts = Object.keys(await dump(page)).filter((k) => k.startsWith('leaning-in.draft.'));
  expect(drafts).toEqual([]);
});
