// Your data counts space as the strictest engine does (WebKit: 5 MiB, and two
// bytes a character once one is beyond U+00FF) and says how long the room left
// lasts at the person's own pace.
import { randomBytes } from 'node:crypto';
import { test, expect, open, seed, record } from './fixtures.mjs';

const DAY = 86_400_000;

test('Your data counts storage as WebKit does and says how long it lasts at this pace', async ({ page }) => {
  const now = Date.now();
  // 100 days of writing: 40 entries of about 27,000 characters that do not
  // compress (base64 of random bytes), each with a curly apostrophe: stored
  // packed, one byte a character, about 20 KB each.
  const entries = {};
  for (let i = 0; i < 40; i++) {
    const at = now - 100 * DAY + i * 2.5 * DAY;
    entries[`leaning-in.rec.journal.r${i}`] = JSON.stringify(record(`r${i}`, `I’d rather handle it alone. ${randomBytes(20_000).toString('base64')}`, { at, created: at, updated: at }));
  }
  await seed(page, entries);
  // Once the app has moved them to the stored form (after the first paint), they cost a byte a character.
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage)
    .filter(([k]) => k.startsWith('leaning-in.rec.')).every(([, v]) => v.startsWith('~')))).toBe(true);
  await open(page, '/data');
  const usage = await page.evaluate(() => Object.entries(localStorage)
    .filter(([k]) => k.startsWith('leaning-in.'))
    .reduce((sum, [k, v]) => sum + [k, v].reduce((n, s) => n + s.length * ([...s].every((c) => c.codePointAt(0) <= 0xff) ? 1 : 2), 0), 0));
  // As the page writes it: tenths, rounded down.
  const tenths = usage < 1048576 ? [Math.floor((usage * 10) / 1024), 'KB'] : [Math.floor((usage * 10) / 1048576), 'MB'];
  const label = `${Math.floor(tenths[0] / 10)}.${tenths[0] % 10} ${tenths[1]}`;
  await expect(page.getByTestId('usage')).toContainText(`This app uses ${label} of the 5.0 MB every browser allows here`);
  // About 820 KB in 100 days: (5 MiB - 820 KB) / 8.2 KB a day is about 540 days.
  expect(usage).toBeGreaterThan(700_000);
  expect(usage).toBeLessThan(900_000);
  await expect(page.getByTestId('time-left')).toHaveText('At your pace so far, about one more year of writing fit here.');
});

test('with only a little history, Your data does not guess at a pace', async ({ page }) => {
  const at = Date.now() - 3 * DAY;
  await seed(page, { 'leaning-in.rec.journal.n1': JSON.stringify(record('n1', 'New here.', { at, created: at, updated: at })) });
  await open(page, '/data');
  await expect(page.getByTestId('usage')).toContainText('of the 5.0 MB every browser allows here');
  await expect(page.getByTestId('time-left')).toHaveCount(0);
});
