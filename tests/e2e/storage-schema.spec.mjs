// Schema 3: stores written by schema 2, plain and locked, open after the upgrade
// and move to the denser form (packed; with the lock on, sealed under hidden
// names) once the page is up; a value too large to unpack is kept aside.
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { test, expect, open, seed, rawDump, unlockWith } from './fixtures.mjs';

const fixture = async (name) => JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')).localStorage;
const words = (stored) => Object.entries(stored).filter(([k]) => /^leaning-in\.(rec|draft|quarantine|private)/.test(k));
const TEXT = 'Told Sam I was having a rough day. She just listened. 🌱';

test('a schema 2 store opens after the upgrade and is packed once the page is up', async ({ page }) => {
  await seed(page, await fixture('store-schema-2.json'));
  await open(page, '/journal');
  await expect(page.locator('.entry-card')).toHaveCount(2);
  await expect(page.locator('.entry-card').filter({ hasText: TEXT })).toHaveCount(1);
  await expect.poll(async () => words(await rawDump(page)).every(([, v]) => v.startsWith('~'))).toBe(true);
  expect(JSON.parse((await rawDump(page))['leaning-in.meta']).schema).toBe(3);
  await page.reload();
  await expect(page.locator('.entry-card').filter({ hasText: TEXT })).toHaveCount(1);
});

test('a locked schema 2 store opens with its passphrase and moves to hidden names', async ({ page }) => {
  await seed(page, await fixture('store-schema-2-locked.json'));
  await open(page, '/journal');
  await unlockWith(page, 'correct horse battery staple');
  await expect(page.locator('.entry-card').filter({ hasText: TEXT })).toHaveCount(1);
  await expect.poll(async () => words(await rawDump(page)).length).toBe(0);
  const hidden = Object.entries(await rawDump(page)).filter(([k]) => k.startsWith('leaning-in.x.'));
  expect(hidden).toHaveLength(3); // two entries and a draft: a count, and nothing else
  for (const [, v] of hidden) expect(v.startsWith('^')).toBe(true);
  await page.reload();
  await unlockWith(page, 'correct horse battery staple');
  await expect(page.locator('.entry-card')).toHaveCount(2);
});

/** `bytes` as the app stores them: `~`, then a character per byte, 0 and 1 escaped. */
const packed = (bytes) => '~' + [...bytes].map((b) => (b < 2 ? '\u0001' + String.fromCharCode(b + 1) : String.fromCharCode(b))).join('');

test('a value that would unpack past the limit is kept aside, not opened', async ({ page }) => {
  const bomb = packed(deflateRawSync(Buffer.alloc(4 * 1024 * 1024 + 1, 32)));
  expect(bomb.length).toBeLessThan(20_000);
  await seed(page, {
    'leaning-in.meta': '{"schema":3}',
    'leaning-in.rec.journal.big': bomb,
    'leaning-in.rec.journal.ok': packed(deflateRawSync(Buffer.from(JSON.stringify({
      v: 1, id: 'ok', at: 1763900000000, created: 1763900000000, updated: 1763900000000, text: 'Still here.',
    })))),
  });
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('1 saved item could not be read. Nothing was deleted');
  await open(page, '/journal');
  await expect(page.locator('.entry-card')).toHaveText(/Still here\./);
  const stored = await rawDump(page);
  expect(stored['leaning-in.rec.journal.big']).toBeUndefined();
  const [kept] = Object.entries(stored).filter(([k]) => k.startsWith('leaning-in.quarantine.'));
  const note = JSON.parse(await page.evaluate((v) => window.__unpack(v), kept[1]));
  expect(note.reason).toContain('too large to open safely');
  expect(note.raw).toBe(bomb); // exactly as found
});
