// Screenshots of every page at phone and desktop sizes, light and dark, for a
// person to look at (tests/e2e/screenshots/). They also prove each page renders
// in both themes without horizontal scrolling on a 360px phone.
import { test, expect, open } from './fixtures.mjs';

const ROUTES = [
  '/', '/check', '/journal', '/reframe', '/practice', '/learn', '/data', '/missing',
  '/journal?new&prompt=withdraw', '/journal?entry=e1', '/journal?tab=patterns', '/check?take',
  '/reframe?new', '/reframe?view=r1', '/practice?log=s2',
];

const DAY = 86400000;
const entry = (id, daysAgo, text, extra) => {
  const at = Date.now() - daysAgo * DAY;
  return { id, at, created: at, updated: at, text, who: [], emotions: [], own_words: '', v: 1, ...extra };
};
const SAMPLE = [
  entry('e1', 1, 'He asked what was wrong and I said "nothing". I could feel my chest go tight, and all I wanted was to be alone in the car.\n\nLater I wished I had told him.', { prompt: 'withdraw', who: ['partner'], emotions: ['anxious', 'trapped'], urge: 8, action: 'pulled_away' }),
  entry('e2', 4, 'Told Sam I was having a rough day. She just listened.', { who: ['friend'], emotions: ['relieved', 'tender'], urge: 4, action: 'reached_out' }),
  entry('e3', 9, 'Mum offered to help with the move and I said I had it handled.', { prompt: 'support', who: ['family'], emotions: ['irritated'], urge: 6, action: 'pulled_away' }),
  entry('e4', 15, 'Stayed in the conversation even though I wanted to leave the room.', { who: ['partner'], emotions: ['anxious', 'hopeful'], urge: 7, action: 'stayed' }),
];
const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

for (const scheme of ['light', 'dark']) {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    test(`screenshots: ${sizeName} ${scheme}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await open(page, '/');
      await page.evaluate((sample) => {
        for (const e of sample) localStorage.setItem(`leaning-in.rec.journal.${e.id}`, JSON.stringify(e));
        const day = 86400000;
        const checks = [[40, [4, 3, 3, 4, 3, 4, 3]], [12, [3, 3, 2, 3, 2, 4, 2]], [1, [2, 3, 1, 2, 2, 1, 2]]];
        for (const [ago, answers] of checks) {
          const id = `c${ago}`;
          localStorage.setItem(`leaning-in.rec.check.${id}`, JSON.stringify({ v: 1, id, at: Date.now() - ago * day, answers }));
        }
        const r = { v: 1, id: 'r1', created: Date.now() - 2 * day, updated: Date.now() - 2 * day, safe_before: 3, safe_after: 6,
          answers: ['Jo asked how I was really doing and I said "fine", then changed the subject.', 'Leave early.', 'Being a burden.',
            'Thank you for keeping me safe when I had to manage alone.', 'I am an adult now, and Jo has been kind to me for years.',
            'I choose to tell Jo one true sentence about my week.', 'Text Jo tonight.'] };
        localStorage.setItem('leaning-in.rec.reframe.r1', JSON.stringify(r));
        const logged = (ago, e, a) => ({ logged_at: Date.now() - ago * day, done: true, actual: a, note: '' });
        const steps = [
          { id: 's1', created: Date.now() - 9 * day, updated: Date.now() - 8 * day, text: 'Accept a compliment without deflecting.', with_whom: '', expected: 7, outcome: logged(8, 7, 3) },
          { id: 's3', created: Date.now() - 6 * day, updated: Date.now() - 5 * day, text: "Say when you're having a rough day.", with_whom: 'Sam', expected: 8, outcome: logged(5, 8, 4) },
          { id: 's2', created: Date.now() - day, updated: Date.now() - day, text: 'Let a friend in on a worry.', with_whom: 'Sam', expected: 6 },
        ];
        for (const st of steps) localStorage.setItem(`leaning-in.rec.step.${st.id}`, JSON.stringify({ v: 1, ...st }));
      }, SAMPLE);
      for (const route of ROUTES) {
        await open(page, route);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
        const name = route === '/' ? 'home' : route.slice(1).replace(/[^a-z0-9]+/g, '-');
        await page.screenshot({ path: `tests/e2e/screenshots/${name}-${sizeName}-${scheme}.png`, fullPage: true });
      }
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
    });
  }
}
