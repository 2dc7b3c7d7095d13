// The key derivation runs in a worker of its own (assets/kdf-worker.js with
// kdf.wasm): its build gives the published answers, agrees with the app's
// native build, refuses settings outside the caps, and a failed worker is
// replaced by a fresh one, once.
import { test, expect, open, seed, record, tookOver, turnOnLock, unlockWith } from './fixtures.mjs';

/** Runs one derivation in a fresh worker from the page; the key as hex, or the error. */
const derive = (page, message) => page.evaluate(async ({ passphrase, salt, m, t, p }) => {
  const worker = new Worker('kdf-worker.js');
  const answer = await new Promise((resolve) => {
    worker.onmessage = ({ data }) => resolve(data);
    worker.postMessage({ passphrase, salt: btoa(salt), m, t, p });
  });
  worker.terminate();
  return answer.key ? [...atob(answer.key)].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('') : answer.error;
}, message);

test("the worker's build gives the Argon2 reference implementation's answers", async ({ page }) => {
  await open(page, '/');
  // phc-winner-argon2, src/test.c (version 0x13, Argon2id): "password" with "somesalt".
  expect(await derive(page, { passphrase: 'password', salt: 'somesalt', m: 65536, t: 2, p: 1 }))
    .toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  expect(await derive(page, { passphrase: 'password', salt: 'somesalt', m: 256, t: 2, p: 1 }))
    .toBe('9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe');
});

test('the worker and the app agree on an accented passphrase, typed either way', async ({ page }) => {
  await open(page, '/');
  // The same value crates/kdf/tests/known_answers.rs checks natively.
  const native = 'c13ff38cd3f27b82404dc7efdbe2312c1f4a56d7f38ecaf56b3fc9d0654c5b6c';
  expect(await derive(page, { passphrase: 'caf\u00e9 au lait', salt: 'somesalt', m: 64, t: 1, p: 1 })).toBe(native);
  expect(await derive(page, { passphrase: 'cafe\u0301 au lait', salt: 'somesalt', m: 64, t: 1, p: 1 })).toBe(native);
});

test('the worker refuses settings outside the caps without running them', async ({ page }) => {
  await open(page, '/');
  expect(await derive(page, { passphrase: 'x', salt: 'somesalt', m: 256 * 1024 + 1, t: 1, p: 1 })).toBe('out-of-range');
  expect(await derive(page, { passphrase: 'x', salt: 'somesalt', m: 64, t: 11, p: 1 })).toBe('out-of-range');
});

/**
 * Words behind the lock, and from the next load on a first worker that fails
 * (`fails`: as a crashed one would) or never answers (`silent`).
 */
async function lockedWithAFirstWorkerThat(page, behaviour) {
  await seed(page, { 'leaning-in.rec.journal.s1': JSON.stringify(record('s1', 'Words behind the lock.')) });
  await turnOnLock(page);
  await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
  await page.addInitScript((behaviour) => {
    const Real = window.Worker;
    window.workersMade = 0;
    window.Worker = class extends Real {
      constructor(...args) {
        super(...args);
        if (++window.workersMade > 1) return;
        this.postMessage = behaviour === 'fails' ? () => setTimeout(() => this.onerror(new Event('error')), 10) : () => {};
      }
    };
  }, behaviour);
  await page.reload();
}

test('unlocking runs the key derivation in a worker, and a failed worker is replaced once', async ({ page }) => {
  await lockedWithAFirstWorkerThat(page, 'fails');
  await unlockWith(page);
  expect(await page.evaluate(() => window.workersMade)).toBe(2);
  await page.getByRole('link', { name: 'Journal' }).first().click();
  await expect(page.locator('.entry-card')).toContainText('Words behind the lock.');
});

test('a worker that never answers is given up after a while, and a fresh one does the work', async ({ page }) => {
  await page.clock.install();
  await lockedWithAFirstWorkerThat(page, 'silent');
  await page.getByLabel('Passphrase', { exact: true }).fill('quiet river morning light');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('progressbar', { name: 'Checking the passphrase' })).toBeVisible();
  // Once the first worker has its message (and so the wait has begun), time jumps.
  await page.waitForFunction(() => window.workersMade === 1);
  await page.clock.fastForward('01:31');
  await expect(page.locator('main h1')).not.toHaveText('Leaning In');
  expect(await page.evaluate(() => window.workersMade)).toBe(2);
});

test('a wasm trap anywhere covers the page with a calm note and a way to reload', async ({ page }) => {
  await open(page, '/journal');
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  const note = page.getByRole('alertdialog', { name: 'Something went wrong' });
  await expect(note).toContainText('What you have saved is safe on this device.');
  await expect(note.getByRole('button', { name: 'Reload' })).toBeFocused();
  await Promise.all([page.waitForEvent('load'), note.getByRole('button', { name: 'Reload' }).click()]);
  await tookOver(page);
  await expect(page.locator('main h1')).toHaveText('Journal');
  await expect(note).toHaveCount(0);
});
