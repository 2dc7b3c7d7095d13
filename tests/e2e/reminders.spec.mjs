// Reminders through the person's own calendar: the .ics file holds the chosen
// rhythms with alarms and the app's address, and nothing the person wrote.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, open, seed, record } from './fixtures.mjs';
import { ROOT, serve } from './servers.mjs';

async function downloadIcs(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to my calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('leaning-in-reminders.ics');
  return readFile(await download.path(), 'utf8');
}

test('the calendar file holds the chosen rhythms, alarms and the app address, and no personal words', async ({ page, baseURL }) => {
  await seed(page, {
    'leaning-in.rec.journal.p1': JSON.stringify(record('p1', 'I froze when Priya mentioned moving in together.')),
    'leaning-in.rec.step.s1': JSON.stringify({ v: 1, id: 's1', created: 1763900000000, updated: 1763900000000, text: 'Tell Priya about my week', with_whom: 'Priya', expected: 6 }),
  });
  // Home offers it next to today's step.
  await page.getByRole('link', { name: 'Add a reminder to my calendar' }).click();
  await expect(page.locator('#reminders')).toBeInViewport();
  await page.locator('#remind-journal-time').fill('21:30');
  await page.getByRole('checkbox', { name: 'Tue' }).check();
  await page.getByRole('checkbox', { name: 'Thu' }).check();
  await page.locator('.reminder .choice').filter({ hasText: 'One small step each week' }).click();
  await page.locator('#remind-step-day').selectOption('Sunday');
  await page.locator('.reminder .choice').filter({ hasText: 'The self-check once a month' }).click();
  const ics = await downloadIcs(page);
  await expect(page.getByRole('status').filter({ hasText: 'A calendar file was made' })).toBeVisible();

  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU\r\n');
  expect(ics).toContain('RRULE:FREQ=MONTHLY;BYMONTHDAY=1\r\n');
  expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(3);
  expect(ics).toMatch(/DTSTART:\d{8}T213000\r\n/);
  expect(ics).toContain(`URL:${new URL('/', baseURL).href}\r\n`);
  for (const word of ['Priya', 'froze', 'moving', 'week']) expect(ics).not.toContain(word);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
});

test('under a sub-path, the events point at the app there', async ({ page, appOrigins }) => {
  const server = await serve(appOrigins, join(ROOT, 'dist-sub'), '/some/path/');
  await page.goto(`${server.url}data`);
  await expect(page.locator('main h1')).toHaveText('Your data');
  const ics = await downloadIcs(page);
  expect(ics).toContain(`URL:${server.url}\r\n`);
  expect(ics).toContain('RRULE:FREQ=DAILY\r\n');
  await server.stop();
});

test('with nothing chosen, it says so kindly and makes no file', async ({ page }) => {
  await open(page, '/practice');
  await page.locator('.reminder .choice').filter({ hasText: 'An evening check-in with the journal' }).click();
  await page.getByRole('button', { name: 'Add to my calendar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Choose at least one reminder first.' })).toBeVisible();
});

test('a planned step with a day and time becomes a one-time calendar event that names nothing personal', async ({ page }) => {
  await open(page, '/practice');
  await page.getByLabel('Or write a step just for now').fill('Tell Priya about the move');
  await page.getByLabel('With whom? (optional)').fill('Priya');
  await page.getByLabel('When? (optional)').fill('2026-11-28T18:30');
  await page.getByRole('group', { name: 'How uncomfortable do you expect it to be?' }).getByRole('radio', { name: '7', exact: true }).check();
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await expect(page.locator('.today .step-when')).toHaveText('Planned for Saturday 28 November 2026 at 18:30.');

  await page.reload();
  await expect(page.locator('.today .step-when')).toHaveText('Planned for Saturday 28 November 2026 at 18:30.');
  const stored = await page.evaluate(() => window.__unpack(Object.entries(localStorage).find(([k]) => k.startsWith('leaning-in.rec.step.'))[1]));
  expect(JSON.parse(stored).when).toBe('2026-11-28T18:30');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add this step to my calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('leaning-in-small-step.ics');
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics).toContain('DTSTART:20261128T183000\r\n');
  expect(ics).toContain('SUMMARY:Time for your small step\r\n');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(1);
  expect(ics).not.toContain('RRULE');
  for (const word of ['Priya', 'Tell', 'move']) expect(ics).not.toContain(word);
});

test('a step planned without a time offers no calendar event, and says nothing about one', async ({ page }) => {
  await open(page, '/practice?step=ask-help');
  await page.getByRole('group', { name: 'How uncomfortable do you expect it to be?' }).getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('button', { name: 'Plan this step' }).click();
  await expect(page.locator('.today .step-text')).toHaveText('Ask someone for help, even with something small.');
  await expect(page.locator('.today .step-when')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add this step to my calendar' })).toHaveCount(0);
});
