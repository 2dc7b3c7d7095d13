// The storage layer as a person meets it: unreadable data kept aside, a newer
// store left untouched, backups that round-trip, and bad files that change nothing.
import { readFile } from 'node:fs/promises';
import { test, expect, open, record, seed, dump } from './fixtures.mjs';

const appRecords = async (page) =>
  Object.fromEntries(Object.entries(await dump(page)).filter(([k]) => k.startsWith('leaning-in.rec.')));

test('unreadable records of each kind are kept aside, counted kindly, and downloadable raw', async ({ page }) => {
  const newer = JSON.stringify(record('n1', 'from the future', { v: 9 }));
  await seed(page, {
    'leaning-in.meta': '{"schema":1}',
    'leaning-in.rec.journal.ok1': JSON.stringify(record('ok1', 'readable')),
    'leaning-in.rec.journal.bad1': '{"id": "bad1", "text": "cut off',
    'leaning-in.rec.journal.shape1': '{"v":1,"id":"shape1","text":["not","text"]}',
    'leaning-in.rec.journal.n1': newer,
    'another-app': 'untouched',
  });
  const banner = page.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(banner).toContainText('3 saved items could not be read. Nothing was deleted');
  const stored = await dump(page);
  expect(stored['another-app']).toBe('untouched');
  expect(stored['leaning-in.rec.journal.ok1']).toBeDefined();
  const kept = Object.entries(stored).filter(([k]) => k.startsWith('leaning-in.quarantine.'));
  expect(kept).toHaveLength(3);
  const raws = kept.map(([, v]) => JSON.parse(v).raw);
  expect(raws).toContain('{"id": "bad1", "text": "cut off');
  expect(raws).toContain(newer);

  await banner.getByRole('link', { name: 'See Your data' }).click();
  await expect(page.locator('h1')).toHaveText('Your data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download them as they are' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(file.map((q) => q.raw)).toContain(newer);

  // "OK" acknowledges the banner; it stays gone after a reload.
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.locator('.banner', { hasText: 'could not be read. Nothing was deleted' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('.banner', { hasText: 'could not be read. Nothing was deleted' })).toHaveCount(0);
});

test('data from a newer version is shown as such and never written over', async ({ page }) => {
  const entries = {
    'leaning-in.meta': '{"schema":99}',
    'leaning-in.rec.journal.x': '{"v":99,"something":"new"}',
  };
  await seed(page, entries);
  await expect(page.getByRole('alert')).toContainText('saved by a newer version of the app');
  expect(await dump(page)).toEqual(entries);
});

test('export, delete everything, import: the same data comes back', async ({ page }) => {
  await seed(page, {
    'leaning-in.rec.journal.a1': JSON.stringify(record('a1', 'I said "I\'m fine" and left. 🌧️')),
    'leaning-in.rec.journal.b2': JSON.stringify(record('b2', '<b>not bold</b>', { who: ['friend', 'work'] })),
    'another-app': 'untouched',
  });
  const before = await appRecords(page);
  expect(Object.keys(before)).toHaveLength(2);

  await open(page, '/data');
  await expect(page.getByTestId('last-backup')).toHaveText('You have not made a backup yet.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^leaning-in-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = await download.path();
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today.');

  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('2 journal entries');
  await expect(page.getByRole('button', { name: 'Yes, delete everything' })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('Everything has been deleted from this browser.')).toBeVisible();
  expect(await dump(page)).toEqual({ 'another-app': 'untouched' });

  await page.locator('input[type=file]').setInputFiles(backupPath);
  await expect(page.getByRole('status').filter({ hasText: 'This backup holds' }))
    .toContainText('2 new, 0 already here, 0 that differ');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 2 records.')).toBeVisible();
  const after = await appRecords(page);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const key of Object.keys(before)) expect(JSON.parse(after[key])).toEqual(JSON.parse(before[key]));

  // The same file again: everything is already here.
  await page.locator('input[type=file]').setInputFiles(backupPath);
  await expect(page.getByText('0 new, 2 already here, 0 that differ')).toBeVisible();
  await expect(page.getByText('There is nothing to import.')).toBeVisible();
});

test('a readable Markdown copy can be downloaded', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.a1': JSON.stringify(record('a1', 'Went quiet when she asked.')) });
  await open(page, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download readable copy (Markdown)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const md = await readFile(await download.path(), 'utf8');
  expect(md).toContain('# Leaning In: my notes');
  expect(md).toContain('> Went quiet when she asked.');
});

const BAD_FILES = [
  ['not JSON', 'hello, this is a letter', 'it is not JSON'],
  ['the wrong format', '{"some":"other app"}', 'not a backup from this app'],
  ['a newer version', '{"format":"leaning-in-backup","version":5,"exported_at":1,"records":{}}', 'made by a newer version'],
  ['truncated', '{"format":"leaning-in-backup","version":1,"exported_at":1,"records":{"journal":[{"v":1,', 'cut off'],
  ['empty', '', 'This file is empty.'],
  ['over 24 MB', 'x'.repeat(24 * 1024 * 1024 + 1), 'larger than any backup'],
  ['a bad record', '{"format":"leaning-in-backup","version":1,"exported_at":1,"records":{"journal":[{"v":1,"id":"z"}]}}', 'Entry 1 in the journal section'],
];

for (const [name, contents, message] of BAD_FILES) {
  test(`importing ${name} changes nothing and says why`, async ({ page }) => {
    await seed(page, { 'leaning-in.rec.journal.a1': JSON.stringify(record('a1', 'keep me')) });
    await open(page, '/data');
    const before = await dump(page);
    await page.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(contents) });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Nothing has been changed.');
    expect(await dump(page)).toEqual(before);
  });
}

test('after 14 days of changes with no backup, Home and Your data remind gently', async ({ page }) => {
  const old = Date.now() - 20 * 86400000;
  await seed(page, { 'leaning-in.rec.journal.o1': JSON.stringify(record('o1', 'three weeks ago', { at: old, created: old, updated: old })) });
  await open(page, '/');
  const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
  await expect(reminder).toContainText("It has been a while since your last backup.");
  await reminder.getByRole('link', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-due')).toBeVisible();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  await expect(page.getByTestId('backup-due')).toHaveCount(0);
  await open(page, '/');
  await expect(page.getByRole('complementary', { name: 'Backup reminder' })).toHaveCount(0);
});

test('a fresh change does not nag', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.n1': JSON.stringify(record('n1', 'just now', { updated: Date.now() })) });
  await open(page, '/');
  await expect(page.getByRole('complementary', { name: 'Backup reminder' })).toHaveCount(0);
});

test('on phones, backing up goes through the share sheet; only a completed share counts', async ({ page }) => {
  // A browser that can share files, as phones can: the stub records what it was given.
  await page.addInitScript(() => {
    navigator.canShare = (data) => Boolean(data?.files?.length);
    navigator.share = async (data) => {
      if (window.__refuseShare) throw new DOMException('closed', 'AbortError');
      window.__shared = { name: data.files[0].name, text: await data.files[0].text() };
    };
  });
  await open(page, '/data');
  await expect(page.getByTestId('last-backup')).toHaveText('You have not made a backup yet.');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.evaluate(() => { window.__refuseShare = true; });
  await page.getByRole('button', { name: 'Save or share backup (JSON)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No backup was made' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('You have not made a backup yet.');
  await page.evaluate(() => { window.__refuseShare = false; });
  await page.getByRole('button', { name: 'Save or share backup (JSON)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup saved.' })).toBeVisible();
  await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today.');
  const shared = await page.evaluate(() => window.__shared);
  expect(shared.name).toMatch(/^leaning-in-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(shared.text).format).toBe('leaning-in-backup');
  expect(downloads).toBe(0);
});
