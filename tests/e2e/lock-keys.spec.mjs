// The lock's keys over time: a new passphrase seals everything again under a
// new key, values left plain are named until finished, and a page locks when
// left untouched or when it comes back from the back/forward cache after
// "Lock now".
import { test, expect, open, seed, dump, record, PASSPHRASE, turnOnLock, unlockWith } from './fixtures.mjs';

const PASS = PASSPHRASE;
const NEW_PASS = 'a brand new phrase of words';
const WORD = 'Zanzibar';

async function lockedWithAnEntry(page) {
  await seed(page, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', `Saved words: ${WORD}.`)) });
  await turnOnLock(page);
  await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
}

const words = (stored) => Object.fromEntries(Object.entries(stored).filter(([k]) => /^leaning-in\.(rec|draft|quarantine)\./.test(k)));

test('a new passphrase seals everything again under a new key, and only the new passphrase opens it', async ({ page }) => {
  await lockedWithAnEntry(page);
  const before = await dump(page);
  await page.getByText('Change the passphrase').click();
  await page.getByLabel('Current passphrase').fill(PASS);
  await page.getByLabel('New passphrase').fill(NEW_PASS);
  await page.getByLabel('Type the new one again').fill(NEW_PASS);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('everything is encrypted with a new key')).toBeVisible({ timeout: 15000 });
  const after = await dump(page);
  const lockBefore = JSON.parse(before['leaning-in.lock']);
  const lockAfter = JSON.parse(after['leaning-in.lock']);
  expect(lockAfter.key).not.toBe(lockBefore.key);
  expect(lockAfter.prev, 'the previous key is gone once nothing needs it').toBeUndefined();
  // Sealed again under the new key, each under a new hidden name.
  const hidden = (stored) => Object.keys(stored).filter((k) => k.startsWith('leaning-in.x.'));
  expect(hidden(after)).toHaveLength(hidden(before).length);
  for (const k of hidden(before)) expect(after[k], `${k} has a new name`).toBeUndefined();
  for (const k of hidden(after)) expect(after[k].startsWith('^')).toBe(true);
  expect(words(after)).toEqual({});

  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That passphrase does not open the data on this device')).toBeVisible({ timeout: 15000 });
  await unlockWith(page, NEW_PASS);
  await open(page, '/journal');
  await unlockWith(page, NEW_PASS);
  await expect(page.locator('.entry-card')).toContainText(WORD);
});

test('values left plain while the lock is on are named until the person finishes encrypting them', async ({ page }) => {
  await lockedWithAnEntry(page);
  // As an interrupted turn-on in another tab leaves them.
  await page.evaluate((r) => localStorage.setItem('leaning-in.rec.journal.p1', r), JSON.stringify(record('p1', 'Left plain by a cut-short turn-on.')));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'Your data' }).first().click();
  const notice = page.getByTestId('encrypting-unfinished');
  await expect(notice).toContainText('Encrypting is not finished: 1 item can still be read without the passphrase.');
  await notice.getByRole('button', { name: 'Finish encrypting' }).click();
  await expect(page.getByText('Everything is encrypted now.')).toBeVisible();
  await expect(notice).toHaveCount(0);
  const stored = await dump(page);
  expect(stored['leaning-in.rec.journal.p1'], 'sealed, under a hidden name').toBeUndefined();
  expect(words(stored)).toEqual({});
});

test('an open page left untouched locks by itself after the chosen time', async ({ page }) => {
  await page.clock.install();
  await lockedWithAnEntry(page);
  await page.getByLabel('Lock by itself when the app is out of sight, or left untouched').selectOption('After 5 minutes');
  await page.clock.fastForward('04:00');
  await expect(page.locator('h1')).toHaveText('Your data');
  // Any input starts the time again.
  await page.keyboard.press('Tab');
  await page.clock.fastForward('03:00');
  await expect(page.locator('h1')).toHaveText('Your data');
  await page.clock.fastForward('03:00');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(WORD);
});

test('a page restored from the back/forward cache after "Lock now" elsewhere shows the lock screen', async ({ page }) => {
  await lockedWithAnEntry(page);
  await open(page, '/journal');
  await unlockWith(page);
  await expect(page.locator('.entry-card')).toContainText(WORD);
  // Restored without a storage event: "Lock now" happened while the page slept.
  await page.evaluate(() => {
    localStorage.setItem('leaning-in.lock-now', String(Date.now() + 1));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
  });
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(WORD);
});

test('a restored page with no "Lock now" since stays open', async ({ page }) => {
  await lockedWithAnEntry(page);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('.entry-card')).toContainText(WORD);
});

test('a lock made with the earlier key derivation settings is strengthened at the next unlock', async ({ page }) => {
  const { readFile } = await import('node:fs/promises');
  const store = JSON.parse(await readFile(new URL('../fixtures/store-schema-3-locked.json', import.meta.url), 'utf8')).localStorage;
  await seed(page, store);
  const before = JSON.parse(store['leaning-in.lock']);
  expect(before.kdf).toEqual({ name: 'argon2id', m: 19456, t: 2, p: 1 });
  await unlockWith(page, 'correct horse battery staple');
  const after = JSON.parse((await dump(page))['leaning-in.lock']);
  expect(after.kdf).toEqual({ name: 'argon2id', m: 65536, t: 3, p: 1 });
  expect(after.salt).not.toBe(before.salt);
  // The same data key, wrapped anew: nothing else was rewritten.
  const now = await dump(page);
  for (const [k, v] of Object.entries(store)) if (k.startsWith('leaning-in.x.')) expect(now[k]).toBe(v);
  await page.reload();
  await unlockWith(page, 'correct horse battery staple');
  await page.getByRole('link', { name: 'Journal' }).first().click();
  await expect(page.locator('.entry-card').filter({ hasText: 'Told Sam I was having a rough day.' })).toHaveCount(1);
});
