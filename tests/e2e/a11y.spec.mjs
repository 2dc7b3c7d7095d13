// WCAG 2.2 A and AA, checked by axe-core on every route and on each flow's main
// states, in light and dark themes. Any violation fails the test.
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, open, addSample, offerInstall } from './fixtures.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Routes and the flows' main states, each reached from a fresh load. */
const STATES = [
  ['home', '/'], ['self-check', '/check'], ['self-check in progress', '/check?take'], ['journal', '/journal'],
  ['journal form', '/journal?new&prompt=withdraw'], ['journal entry', '/journal?entry=e1'], ['journal patterns', '/journal?tab=patterns'],
  ['reframe', '/reframe'], ['reframe steps', '/reframe?new'], ['reframe result', '/reframe?view=r1'],
  ['small steps', '/practice'], ['logging a step', '/practice?log=s2'], ['learn', '/learn'], ['your data', '/data'], ['summary', '/summary'], ['not found', '/missing'],
  ['between two people', '/together'], ['a card', '/together?card=c1'], ['writing a card', '/together?card=new'],
  ['a secure-base moment', '/together?moment'],
];

async function expectNoViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `WCAG violations on ${what}`).toEqual([]);
}

// Each scan takes a second or two on a busy machine: these tests get more time.
test.describe.configure({ timeout: 120_000 });

async function prepare(page, scheme) {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
  await open(page, '/');
  await addSample(page);
}

for (const scheme of ['light', 'dark']) {
  test(`every route and page state meets WCAG 2.2 AA (${scheme})`, async ({ page }) => {
    await prepare(page, scheme);
    for (const [what, route] of STATES) {
      await open(page, route);
      await expectNoViolations(page, `${what} (${route}, ${scheme})`);
    }
  });

  test(`each flow's main states meet WCAG 2.2 AA (${scheme})`, async ({ page }) => {
    await prepare(page, scheme);
    // A secure-base moment's prompt, with its other ways in; an item being edited.
    await open(page, '/together?moment');
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('button', { name: 'Begin' }).click();
    await expect(page.locator('.moment-prompt')).toBeVisible();
    await expectNoViolations(page, `a secure-base moment's prompt (${scheme})`);
    await open(page, '/together#helped');
    await page.locator('#helped .helped-item').first().getByRole('button', { name: 'Edit' }).click();
    await expectNoViolations(page, `editing what helped (${scheme})`);
    // A self-check result: answer every statement.
    await open(page, '/check?take');
    for (let i = 0; i < 7; i++) {
      await page.getByRole('radio', { name: 'Sometimes' }).check();
      await page.getByRole('button', { name: i === 6 ? 'See my result' : 'Next' }).click();
    }
    await expect(page.locator('#result-title')).toBeVisible();
    await expectNoViolations(page, `a self-check result (${scheme})`);
    // The offer to install the app, on Home.
    await open(page, '/');
    await offerInstall(page);
    await expect(page.getByRole('button', { name: 'Install the app' })).toBeVisible();
    await expectNoViolations(page, `the install offer (${scheme})`);
    // The import summary.
    await open(page, '/data');
    await page.locator('input[type=file]').setInputFiles({
      name: 'backup.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'leaning-in-backup', version: 1, exported_at: 1, records: { journal: [{ v: 1, id: 'imp1', at: 1763900000000, created: 1763900000000, updated: 1763900000000, text: 'From a backup.' }] } })),
    });
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeVisible();
    await expectNoViolations(page, `the import summary (${scheme})`);
    // The lock: its settings, and the unlock screen.
    await page.getByLabel('Choose a passphrase').fill('quiet river morning light');
    await page.getByLabel('Type it again').fill('quiet river morning light');
    await page.getByRole('button', { name: 'Turn on the lock' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
    await expectNoViolations(page, `the lock settings (${scheme})`);
    await page.reload();
    await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
    await expectNoViolations(page, `the unlock screen (${scheme})`);
  });
}
