// One lock state for every tab: a stale tab cannot turn the lock on over
// another's, and a removed or damaged lock record stops the app behind a screen
// that says what happened, writes nothing in plain form, and takes the key back
// from an encrypted backup.
import { readFile } from 'node:fs/promises';
import { test, expect, open, seed, dump, record, PASSPHRASE, turnOnLock, unlockWith } from './fixtures.mjs';

const PASS = PASSPHRASE;
const WORD = 'Zanzibar';

const plainWords = async (page) =>
  Object.entries(await dump(page)).filter(([k, v]) => /^leaning-in\.(rec|draft|quarantine)\./.test(k) && !/^(sealed:1:|\^)/.test(v));

test('a tab that missed the lock being turned on cannot turn it on again over it', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await seed(a, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', `Saved words: ${WORD}.`)) });
  // B is frozen in the background (as phones do) and never hears of A's lock.
  await b.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) { return type === 'storage' ? undefined : add.call(this, type, ...rest); };
  });
  await open(b, '/data');
  await turnOnLock(a);
  await expect(a.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
  await b.getByLabel('Choose a passphrase').fill('a different passphrase here');
  await b.getByLabel('Type it again').fill('a different passphrase here');
  await b.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'The lock is already on' })).toBeVisible({ timeout: 15000 });

  // The first passphrase still opens everything.
  await a.reload();
  await unlockWith(a);
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(a.locator('.entry-card')).toContainText(WORD);
});

test('a removed lock record: the key-missing screen, nothing written in plain form, and everything back from a backup', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', `Saved words: ${WORD}.`)) });
  await turnOnLock(page);
  await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
  await page.getByRole('button', { name: 'Download backup (encrypted)' }).click();
  await page.getByLabel('Your lock passphrase').fill(PASS);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup (encrypted)' }).click(),
  ]);
  const file = await download.path();
  expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(3);
  const sealedBefore = Object.entries(await dump(page)).filter(([k]) => k.startsWith('leaning-in.x.')).map(([, v]) => v);
  expect(sealedBefore).toHaveLength(2); // the entry, and when the backup was made

  // Removed, as by a tamperer or a half-cleared site.
  await page.evaluate(() => localStorage.removeItem('leaning-in.lock'));
  await page.reload();
  await expect(page.getByTestId('key-lost')).toHaveText("This device's lock key is missing, so your encrypted entries cannot be opened here.");
  await expect(page.getByRole('navigation')).toHaveCount(0);
  expect(await plainWords(page)).toEqual([]);

  await page.getByLabel('Encrypted backup file').setInputFiles(file);
  await page.getByLabel('Its passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Restore from this backup' }).click();
  await expect(page.locator('#restore-message')).toContainText('That passphrase does not open this backup');
  expect(await page.evaluate(() => localStorage.getItem('leaning-in.lock'))).toBeNull();

  await page.getByLabel('Its passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Restore from this backup' }).click();
  await expect(page.locator('main h1')).not.toHaveText('Leaning In');
  // A reload drops the key: the restored passphrase opens the app from now on.
  await open(page, '/journal?new');
  await unlockWith(page);
  await page.locator('#entry-text').fill('Written after the key came back.');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('h1')).toHaveText('Journal entry');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('.entry-card').filter({ hasText: WORD })).toHaveCount(1);
  await expect(page.locator('.entry-card').filter({ hasText: 'Written after the key came back.' })).toHaveCount(1);
  expect(await plainWords(page)).toEqual([]);
  // What the lost key sealed is kept aside, exactly as it was, never deleted.
  await page.getByRole('link', { name: 'Your data' }).first().click();
  await expect(page.getByRole('heading', { name: 'Items that could not be read' })).toBeVisible();
  const [raw] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download them as they are' }).click()]);
  const kept = await readFile(await raw.path(), 'utf8');
  for (const value of sealedBefore) expect(kept).toContain(JSON.stringify(value).slice(1, -1));
});

test('a backup made on this device before backups had keys of their own puts the lost key back', async ({ page }) => {
  // The frozen locked store and the version 2 backup made from it, with the record removed.
  const store = JSON.parse(await readFile(new URL('../fixtures/store-schema-2-locked.json', import.meta.url), 'utf8')).localStorage;
  delete store['leaning-in.lock'];
  await seed(page, store);
  await open(page, '/');
  await expect(page.getByTestId('key-lost')).toBeVisible();
  await page.getByLabel('Encrypted backup file').setInputFiles(new URL('../fixtures/backup-v2-encrypted.json', import.meta.url).pathname);
  await page.getByLabel('Its passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Restore from this backup' }).click();
  await expect(page.locator('main h1')).not.toHaveText('Leaning In');
  await open(page, '/journal');
  await unlockWith(page, 'correct horse battery staple');
  await expect(page.locator('.entry-card').filter({ hasText: 'Told Sam I was having a rough day.' })).toHaveCount(1);
  expect(await plainWords(page)).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Your data' }).first().click();
  await expect(page.getByRole('heading', { name: 'Items that could not be read' }), 'nothing kept aside: the key opens it all').toHaveCount(0);
});

test('a damaged lock record says so and offers the same way back', async ({ page }) => {
  await seed(page, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', `Saved words: ${WORD}.`)) });
  await turnOnLock(page);
  await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
  await page.evaluate(() => localStorage.setItem('leaning-in.lock', '{ damaged'));
  await page.reload();
  await expect(page.getByTestId('key-lost')).toHaveText("This device's lock record is damaged, so your encrypted entries cannot be opened here.");
  await expect(page.getByRole('button', { name: 'Restore from this backup' })).toBeVisible();
  await page.getByText('Forgot it?').click();
  await expect(page.getByRole('button', { name: 'Delete everything…' })).toBeVisible();
  expect(await plainWords(page)).toEqual([]);
});
