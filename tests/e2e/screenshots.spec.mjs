// Screenshots of every page at phone and desktop sizes, light and dark, for a
// person to look at (tests/e2e/screenshots/). They also prove each page renders
// in both themes without horizontal scrolling on a 360px phone.
import { test, expect, open, addSample, offerInstall, record } from './fixtures.mjs';

const ROUTES = [
  '/', '/check', '/journal', '/reframe', '/practice', '/learn', '/data', '/missing',
  '/journal?new&prompt=withdraw', '/journal?entry=e1', '/journal?tab=patterns', '/check?take',
  '/reframe?new', '/reframe?view=r1', '/practice?log=s2', '/summary',
  '/together', '/together?card=c1', '/together?card=new', '/together?moment',
];

const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

for (const scheme of ['light', 'dark']) {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    test(`screenshots: ${sizeName} ${scheme}`, async ({ page }) => {
      // Every page and state in one go, the lock's key derivations included.
      test.setTimeout(120_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await open(page, '/');
      await addSample(page);
      for (const route of ROUTES) {
        await open(page, route);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
        const name = route === '/' ? 'home' : route.slice(1).replace(/[^a-z0-9]+/g, '-');
        await page.screenshot({ path: `tests/e2e/screenshots/${name}-${sizeName}-${scheme}.png`, fullPage: true });
      }
      // The summary as it prints (black on white, whatever the theme), with one entry ticked.
      await open(page, '/summary');
      await page.getByRole('group', { name: 'Entries to include word for word' }).getByRole('checkbox').first().check();
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: `tests/e2e/screenshots/summary-print-${sizeName}-${scheme}.png`, fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      // The install offer on Home (Chromium's prompt, synthetic here).
      await open(page, '/');
      await offerInstall(page);
      await page.locator('section.install').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/e2e/screenshots/home-install-${sizeName}-${scheme}.png`, fullPage: true });
      // Never losing a word: unfinished drafts offered, and an edit that met a newer copy.
      await page.evaluate(() => {
        localStorage.setItem('leaning-in.draft.journal-new.old1', JSON.stringify({ text: 'I went quiet at dinner again, and I think it was because' }));
        localStorage.setItem('leaning-in.draft.journal-edit-e1.x1', JSON.stringify({ text: 'He asked what was wrong. I said "nothing", but I wanted to tell him about the call from Mum.', base: 1 }));
      });
      await open(page, '/journal?new');
      await page.screenshot({ path: `tests/e2e/screenshots/journal-unfinished-${sizeName}-${scheme}.png`, fullPage: true });
      await open(page, '/journal?edit=e1&draft=x1');
      await page.getByRole('button', { name: 'Save entry' }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the conflict panel scrolls sideways').toBeLessThanOrEqual(0);
      await page.screenshot({ path: `tests/e2e/screenshots/journal-conflict-${sizeName}-${scheme}.png`, fullPage: true });

      // The lock: turning it on, on, and the unlock screen (also after a wrong try).
      const shot = async (name) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `tests/e2e/screenshots/${name}-${sizeName}-${scheme}.png`, fullPage: true });
      };
      await open(page, '/data');
      await page.getByLabel('Choose a passphrase').fill('river');
      await page.locator('#lock-title').scrollIntoViewIfNeeded();
      await shot('lock-off');
      await page.getByLabel('Choose a passphrase').fill('quiet river morning light');
      await page.getByLabel('Type it again').fill('quiet river morning light');
      await page.getByRole('button', { name: 'Turn on the lock' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
      await page.getByText('Change the passphrase').click();
      await shot('lock-on');
      await page.reload();
      await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
      await shot('unlock');
      await page.getByLabel('Passphrase', { exact: true }).fill('not it');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await page.getByText('Forgot it?').click();
      await shot('unlock-wrong');
      // Unlocked: a value a cut-short turn-on left plain, and a backup asking for the passphrase.
      await page.getByLabel('Passphrase', { exact: true }).fill('quiet river morning light');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await expect(page.locator('main h1')).toHaveText('Your data');
      await page.evaluate((r) => localStorage.setItem('leaning-in.rec.journal.p1', r), JSON.stringify(record('p1', 'Left plain.')));
      await page.getByRole('link', { name: 'Home' }).first().click();
      await page.getByRole('link', { name: 'Your data' }).first().click();
      await page.getByRole('button', { name: 'Download backup (encrypted)' }).click();
      await page.locator('#backup-title').scrollIntoViewIfNeeded();
      await shot('backup-encrypted');
      await page.getByTestId('encrypting-unfinished').scrollIntoViewIfNeeded();
      await shot('lock-unfinished');
      // The lock record removed: the key-missing screen.
      await page.evaluate(() => localStorage.removeItem('leaning-in.lock'));
      await page.reload();
      await expect(page.getByTestId('key-lost')).toBeVisible();
      await shot('key-lost');
    });
  }
}

// Every language at 360 px, with the sample data: nothing may run off the side.
// German is the longest of the five; en-XA is English made 35% longer, ar-XB
// runs right to left.
const LANGUAGE_ROUTES = ['/', '/check', '/journal', '/journal?tab=patterns', '/reframe?view=r1', '/practice', '/learn', '/data', '/summary'];
for (const [code, scheme] of [['es', 'light'], ['de', 'light'], ['de', 'dark'], ['fr', 'light'], ['pt-BR', 'light'], ['nl', 'light'], ['en-XA', 'light'], ['ar-XB', 'light']]) {
  test(`screenshots: phone ${scheme} in ${code}`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(SIZES.phone);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await open(page, '/');
    await addSample(page);
    await page.evaluate((c) => localStorage.setItem('leaning-in.setting.language', c), code);
    for (const route of LANGUAGE_ROUTES) {
      await open(page, route);
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${route} in ${code} scrolls sideways`).toBeLessThanOrEqual(0);
      const name = route === '/' ? 'home' : route.slice(1).replace(/[^a-z0-9]+/g, '-');
      await page.screenshot({ path: `tests/e2e/screenshots/lang-${code}-${name}-phone-${scheme}.png`, fullPage: true });
    }
  });
}
