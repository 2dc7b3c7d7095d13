// "Prepare a summary": choose a period and parts and see the preview follow,
// include an entry word for word only when ticked, print it to PDF, and
// download the same selection as Markdown. Nothing leaves the device (the guard
// fails any test on a request to another origin).
import { readFile } from 'node:fs/promises';
import { test, expect, open, addSample, pdfText } from './fixtures.mjs';

const ENTRY = 'He asked what was wrong and I said "nothing". I could feel my chest go tight, and all I wanted was to be alone in the car.\n\nLater I wished I had told him.';
const preview = (page) => page.locator('article.summary-page');
const section = (page, part) => preview(page).locator(`section[data-part="${part}"]`);
const part = (page, name) => page.getByRole('group', { name: 'Parts' }).getByRole('checkbox', { name });

async function openWithSample(page) {
  await open(page, '/');
  await addSample(page);
  await open(page, '/summary');
  await expect(page.locator('main h1')).toHaveText('Prepare a summary');
}

test('it is reached from Learn, Your data and the journal patterns', async ({ page }) => {
  await open(page, '/');
  await addSample(page);
  for (const from of ['/learn', '/data', '/journal?tab=patterns']) {
    await open(page, from);
    await page.getByRole('link', { name: 'Prepare a summary' }).click();
    await expect(page.locator('main h1')).toHaveText('Prepare a summary');
  }
  await expect(page.getByText('nothing is sent anywhere, and only you decide who sees it')).toBeVisible();
});

test('its print stylesheet goes when the page does, so no other page prints with its footer', async ({ page }) => {
  await open(page, '/summary');
  await expect(page.locator('link#summary-css')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await expect(page.locator('main h1')).not.toHaveText('Prepare a summary');
  await expect(page.locator('link#summary-css')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Prepare a summary');
  await expect(page.locator('link#summary-css')).toHaveCount(1);
});

test('the preview follows the chosen period and parts', async ({ page }) => {
  await openWithSample(page);
  for (const key of ['checks', 'pulling-away', 'urge', 'reframes', 'steps']) await expect(section(page, key)).toBeVisible();
  await expect(section(page, 'chosen')).toHaveCount(0);
  await expect(section(page, 'checks')).toContainText('not a diagnosis');
  await expect(section(page, 'checks')).toContainText('Only 2 self-checks in this period.');
  await expect(section(page, 'checks').getByRole('img')).toHaveCount(0);
  await expect(section(page, 'pulling-away')).toContainText('Only 4 journal entries in this period.');
  await expect(section(page, 'reframes')).toContainText('1 reframe in this period.');

  await part(page, 'Self-check over time').uncheck();
  await expect(section(page, 'checks')).toHaveCount(0);
  await part(page, 'Small steps').uncheck();
  await expect(section(page, 'steps')).toHaveCount(0);

  await page.getByRole('radio', { name: 'Between two dates' }).check();
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-01-31');
  await expect(preview(page)).toContainText('1 Jan 2020 to 31 Jan 2020');
  await expect(section(page, 'pulling-away')).toHaveText(/No journal entries in this period\./);
  await page.getByRole('radio', { name: 'Everything' }).check();
  await expect(section(page, 'pulling-away')).toContainText('journal entries in this period');
  await part(page, 'Self-check over time').check();
  await expect(section(page, 'checks').getByRole('img', { name: /^Self-check scores\. 3 self-checks, from \d+ out of 100/ })).toBeVisible();

  // The choices are kept as a draft, like every form.
  await page.getByLabel('What I’d like to talk about (optional)').fill('Why I go quiet when plans come up.');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByLabel('What I’d like to talk about (optional)')).toHaveValue('Why I go quiet when plans come up.');
  await expect(part(page, 'Small steps')).not.toBeChecked();
  await expect(section(page, 'steps')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Everything' })).toBeChecked();
  await expect(section(page, 'note')).toContainText('Why I go quiet when plans come up.');
});

test('a ticked entry appears word for word, and unticking it takes it out', async ({ page }) => {
  await openWithSample(page);
  await expect(preview(page)).not.toContainText('chest go tight');
  const box = page.getByRole('group', { name: 'Entries to include word for word' }).getByRole('checkbox', { name: /He asked what was wrong/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(section(page, 'chosen').locator('.quoted-text')).toHaveText(ENTRY);
  await box.uncheck();
  await expect(section(page, 'chosen')).toHaveCount(0);
  await expect(preview(page)).not.toContainText('chest go tight');
});

test('printing gives a PDF of the chosen sections, and the Markdown matches the selection', async ({ page }) => {
  await openWithSample(page);
  await part(page, 'Reframes').uncheck();
  await page.getByRole('group', { name: 'Entries to include word for word' }).getByRole('checkbox', { name: /He asked what was wrong/ }).check();
  await page.getByLabel('Your first name (optional)').fill('Alex');

  const pages = await pdfText(await page.pdf({ format: 'A4' }));
  const text = pages.join('\n');
  for (const heading of ['A summary to bring to therapy', 'Alex', 'Self-check over time', 'When I pull away', 'The urge to withdraw, and what I did', 'Small steps', 'In my own words']) {
    expect(text, heading).toContain(heading);
  }
  expect(text).toContain('chest go tight');
  expect(text).not.toContain('Reframes');
  for (const chrome of ['Your data', 'What to include', 'Download as Markdown', 'Skip to content']) expect(text, chrome).not.toContain(chrome);
  expect(pages.at(-1)).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
  expect(pages[0]).toMatch(/Summary, \d+ \w+ \d{4} to \d+ \w+ \d{4}/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as Markdown' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^leaning-in-summary-\d{4}-\d{2}-\d{2}\.md$/);
  const md = await readFile(await download.path(), 'utf8');
  expect(md.startsWith('# A summary to bring to therapy\n\nAlex  \n')).toBe(true);
  for (const heading of ['## Self-check over time', '## When I pull away', '## The urge to withdraw, and what I did', '## Small steps', '## In my own words']) {
    expect(md).toContain(`\n${heading}\n`);
  }
  expect(md).not.toContain('## Reframes');
  expect(md).toContain('> He asked what was wrong and I said "nothing". I could feel my chest go tight, and all I wanted was to be alone in the car.\n>\n> Later I wished I had told him.');
  for (const unchosen of ['Mum offered', 'Stayed in the conversation', 'Jo asked']) expect(md).not.toContain(unchosen);
});

test('with the lock on, the note and choices are kept sealed, never in plain form', async ({ page }) => {
  await openWithSample(page);
  await open(page, '/data');
  await page.getByLabel('Choose a passphrase').fill('quiet river morning light');
  await page.getByLabel('Type it again').fill('quiet river morning light');
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The lock is on.' })).toBeVisible({ timeout: 15000 });
  await page.getByRole('link', { name: 'Prepare a summary' }).click();
  await page.getByLabel('What I’d like to talk about (optional)').fill('The silence after the phone call.');
  await page.getByLabel('Your first name (optional)').fill('Alex');
  await expect(section(page, 'note')).toContainText('The silence after the phone call.');
  await page.waitForTimeout(600);
  const stored = await page.evaluate(() => Object.entries(localStorage));
  // The draft is sealed under a hidden name, like every item: no name says it is a draft.
  expect(stored.filter(([key]) => key.startsWith('leaning-in.draft.'))).toEqual([]);
  expect(stored.filter(([key]) => key.startsWith('leaning-in.x.')).every(([, v]) => v.startsWith('^'))).toBe(true);
  for (const [, value] of stored) expect(value).not.toMatch(/silence after the phone|Alex/);
});
