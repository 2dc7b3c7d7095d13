// Between two people (issue 27): what has helped (kept from a step that went
// better than feared, typed, reordered, edited, removed; on Home, through a
// reload, a backup and import, and the lock), a card for someone close (written,
// previewed, copied, shared, logged as a step), and a secure-base moment
// (stopped half way with nothing kept, then finished; shown in Patterns).
import { readFile } from 'node:fs/promises';
import { test, expect, open, seed, turnOnLock, unlockWith, PASSPHRASE, pdfText } from './fixtures.mjs';

const DAY = 86_400_000;
const step = (id, text, expected) => {
  const at = Date.now() - DAY;
  return [`leaning-in.rec.step.${id}`, JSON.stringify({ v: 1, id, created: at, updated: at, text, with_whom: '', expected })];
};
const list = (page) => page.locator('#helped .helped-item .helped-text');

test('a step that went better than feared is kept, shown on Home, and still there after a reload', async ({ page }) => {
  await seed(page, Object.fromEntries([step('s1', 'Tell Sam I had a rough day.', 7)]));
  await open(page, '/practice?log=s1');
  await page.getByRole('radio', { name: 'Yes, I did it' }).check();
  await page.getByRole('group', { name: 'How uncomfortable was it, really?' }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('h1')).toHaveText('Small steps');

  const offer = page.getByRole('region', { name: 'It went better than you feared' });
  await expect(offer).toContainText('Tell Sam I had a rough day.');
  await offer.getByRole('button', { name: 'This helped: keep it' }).click();
  // The step's words are offered, to change first.
  await expect(offer.getByLabel('What helped, in a few words')).toHaveValue('Tell Sam I had a rough day.');
  await expect(offer.getByLabel('What helped, in a few words')).toBeFocused();
  await offer.getByRole('button', { name: 'Keep it' }).click();
  await expect(offer.getByRole('status')).toContainText('Kept in What has helped you.');
  await offer.getByRole('link', { name: 'See the list' }).click();
  await expect(list(page)).toHaveText(['Tell Sam I had a rough day.']);
  await expect(page.locator('#helped')).toContainText('From a step');

  await page.reload();
  await expect(list(page)).toHaveText(['Tell Sam I had a rough day.']);
  // Kept once: not offered again.
  await open(page, '/practice');
  await expect(page.locator('#plan')).toBeVisible();
  await expect(page.getByRole('region', { name: 'It went better than you feared' })).toHaveCount(0);
  await open(page, '/');
  await page.getByRole('link', { name: /What has helped you before/ }).click();
  // (The list's add field keeps its draft's instance in the address.)
  await expect(page).toHaveURL(/\/together(\?draft=[\w-]+)?#helped$/);
  await expect(list(page)).toHaveText(['Tell Sam I had a rough day.']);
  await page.getByRole('link', { name: 'From a step' }).click();
  await expect(page.locator('h1')).toHaveText('How did it go?');
});

test('a step that was as hard as feared is not offered', async ({ page }) => {
  await seed(page, Object.fromEntries([step('s1', 'Ask for help.', 3)]));
  await open(page, '/practice?log=s1');
  await page.getByRole('radio', { name: 'Yes, I did it' }).check();
  await page.getByRole('group', { name: 'How uncomfortable was it, really?' }).getByRole('radio', { name: '5', exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('h1')).toHaveText('Small steps');
  await expect(page.getByRole('region', { name: 'It went better than you feared' })).toHaveCount(0);
  await open(page, '/together#helped');
  await expect(page.locator('#helped')).toContainText('Nothing here yet.');
});

test('typed items keep the person’s order by keyboard, and a removal can be undone', async ({ page }) => {
  await open(page, '/together#helped');
  for (const words of ['Texting first, before I could talk myself out of it.', 'A walk before a hard conversation.', 'Saying "I need a minute" instead of leaving.']) {
    await page.getByLabel('Something that has helped you').fill(words);
    await page.getByRole('button', { name: 'Keep it' }).click();
  }
  await expect(list(page)).toHaveText(['Texting first, before I could talk myself out of it.', 'A walk before a hard conversation.', 'Saying "I need a minute" instead of leaving.']);
  await expect(page.getByLabel('Something that has helped you')).toHaveValue('');

  // Move the last one to the top, from the keyboard; focus stays with it.
  const last = page.locator('#helped .helped-item').nth(2);
  await last.getByRole('button', { name: 'Move up' }).focus();
  await page.keyboard.press('Enter');
  await expect(list(page).nth(1)).toHaveText('Saying "I need a minute" instead of leaving.');
  await expect(page.locator('#helped .helped-item').nth(1).getByRole('button', { name: 'Move up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list(page).first()).toHaveText('Saying "I need a minute" instead of leaving.');
  // At the top, Move up is off and focus went to Move down.
  await expect(page.locator('#helped .helped-item').first().getByRole('button', { name: 'Move up' })).toBeDisabled();
  await expect(page.locator('#helped .helped-item').first().getByRole('button', { name: 'Move down' })).toBeFocused();
  await page.reload();
  await expect(list(page)).toHaveText(['Saying "I need a minute" instead of leaving.', 'Texting first, before I could talk myself out of it.', 'A walk before a hard conversation.']);

  await page.locator('#helped .helped-item').nth(1).getByRole('button', { name: 'Remove' }).click();
  await expect(list(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('It is back.')).toBeVisible();
  await expect(list(page).nth(1)).toHaveText('Texting first, before I could talk myself out of it.');

  // Empty words get a kind message and nothing is saved.
  await page.getByLabel('Something that has helped you').fill('   ');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write a few words first.' })).toBeVisible();
  await expect(list(page)).toHaveCount(3);
});

test('kept items travel in a backup, come back on import, and are sealed by the lock', async ({ page }) => {
  await open(page, '/together#helped');
  await page.getByLabel('Something that has helped you').fill('Telling Jo one true sentence.');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(list(page)).toHaveCount(1);

  await open(page, '/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(backup.records.helped).toHaveLength(1);
  expect(backup.records.helped[0]).toMatchObject({ text: 'Telling Jo one true sentence.', source: 'typed' });
  await page.getByRole('button', { name: 'Delete everything…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('1 thing that helped');
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.locator('input[type=file]').setInputFiles(await download.path());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1 record.')).toBeVisible();

  await turnOnLock(page);
  await expect(page.getByText(/The lock is on\./).first()).toBeVisible({ timeout: 30_000 });
  const stored = await page.evaluate(() => Object.entries(localStorage));
  expect(stored.filter(([k]) => k.includes('helped'))).toEqual([]);
  expect(stored.map(([, v]) => v).join('')).not.toContain('Telling Jo');
  await page.goto('/together#helped');
  await unlockWith(page, PASSPHRASE);
  await expect(list(page)).toHaveText(['Telling Jo one true sentence.']);
});

test('an item is edited in place, and kept from a journal entry and a reframe with its words offered', async ({ page }) => {
  const at = Date.now() - DAY;
  await seed(page, {
    'leaning-in.rec.journal.j1': JSON.stringify({ v: 1, id: 'j1', at, created: at, updated: at, text: 'I told Ana I was scared, and she just listened.' }),
    'leaning-in.rec.reframe.r1': JSON.stringify({ v: 1, id: 'r1', created: at, updated: at,
      answers: ['At dinner.', '', '', '', '', 'I choose to stay at the table.', 'Ask how her day was.'] }),
  });
  await open(page, '/journal?entry=j1');
  await page.getByRole('button', { name: 'Keep this with what has helped you' }).click();
  await expect(page.getByLabel('What helped, in a few words')).toHaveValue('I told Ana I was scared, and she just listened.');
  await page.getByLabel('What helped, in a few words').fill('Telling Ana I was scared.');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByText('Kept in What has helped you.')).toBeVisible();

  await open(page, '/reframe?view=r1');
  await page.getByRole('button', { name: 'Keep this with what has helped you' }).click();
  await expect(page.getByLabel('What helped, in a few words')).toHaveValue('I choose to stay at the table.');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByText('Kept in What has helped you.')).toBeVisible();

  // The list shows on the reframe's first screen, folded.
  await open(page, '/reframe?new');
  await page.getByText('What has helped you before').click();
  await expect(page.locator('.helped-glance li')).toHaveText(['Telling Ana I was scared.', 'I choose to stay at the table.']);

  await open(page, '/together#helped');
  await expect(page.locator('#helped')).toContainText('From a journal entry');
  await expect(page.locator('#helped')).toContainText('From a reframe');
  await page.locator('#helped .helped-item').first().getByRole('button', { name: 'Edit' }).click();
  const field = page.locator('#helped .helped-item').first().getByLabel('What helped', { exact: true });
  await expect(field).toBeFocused();
  await field.fill('Telling Ana, out loud, that I was scared.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(list(page).first()).toHaveText('Telling Ana, out loud, that I was scared.');
  await expect(page.locator('#helped .helped-item').first().getByRole('button', { name: 'Edit' })).toBeFocused();
  await page.reload();
  await expect(list(page)).toHaveText(['Telling Ana, out loud, that I was scared.', 'I choose to stay at the table.']);
});

test('a card is written from prompts and examples, previewed, copied, shared and logged as a step', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The share sheet, where the browser has one: record what it was handed.
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = async (data) => { window.__shared.push(data); };
  });
  await open(page, '/together');
  await page.getByRole('link', { name: 'Write a card' }).click();
  await expect(page.locator('h1')).toHaveText('A new card');
  await page.getByLabel('Who is it for? (optional)').fill('Sam');
  await page.getByLabel('When I go quiet, it usually means…').fill('I need a little time.');
  const notMean = page.locator('.field').filter({ has: page.getByLabel('It does not mean…') });
  await notMean.getByText('Ideas to start from').click();
  await notMean.getByRole('button', { name: "Use this: that I don't care about you." }).click();
  await expect(page.getByLabel('It does not mean…')).toHaveValue("that I don't care about you.");
  await page.getByLabel('I will come back by…').fill('Sending you "still here".');
  // Kept as a draft while typing: a reload keeps every word.
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByLabel('I will come back by…')).toHaveValue('Sending you "still here".');
  await page.getByRole('button', { name: 'Save the card' }).click();

  const card = page.locator('.shared-card');
  await expect(card.getByRole('heading')).toHaveText('For Sam');
  await expect(card).toContainText('When I go quiet, it usually means…I need a little time.');
  await expect(card).not.toContainText('What helps me is…');
  const text = `For Sam\n\nWhen I go quiet, it usually means…\nI need a little time.\n\nIt does not mean…\nthat I don't care about you.\n\nI will come back by…\nSending you "still here".\n`;
  await page.getByRole('button', { name: 'Copy the text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByText("Handed to your phone's share sheet.")).toBeVisible();
  expect(await page.evaluate(() => window.__shared)).toEqual([{ title: 'For Sam', text }]);

  // Sharing it is a small step: logged with how it felt.
  const log = page.getByRole('region', { name: 'Sharing it is a small step' });
  await log.getByRole('button', { name: 'Log it as a step' }).click();
  await expect(log.getByRole('alert')).toContainText('Choose a number for each');
  await log.getByRole('group', { name: /expect it to feel/ }).getByRole('radio', { name: '7', exact: true }).check();
  await log.getByRole('group', { name: 'And how did it actually feel?' }).getByRole('radio', { name: '3', exact: true }).check();
  await log.getByRole('button', { name: 'Log it as a step' }).click();
  await expect(log.getByRole('status')).toContainText('Logged with your small steps.');
  const steps = await page.evaluate(async () => {
    const out = [];
    for (const [k, v] of Object.entries(localStorage)) if (k.startsWith('leaning-in.rec.step.')) out.push(JSON.parse(await window.__unpack(v)));
    return out;
  });
  expect(steps).toMatchObject([{ text: 'I shared my card with Sam', with_whom: 'Sam', expected: 7, outcome: { done: true, actual: 3 } }]);

  // On paper: the card alone.
  const printed = (await pdfText(await page.pdf({ format: 'A4' }))).join('\n');
  expect(printed).toContain('For Sam');
  expect(printed).toContain('I need a little time.');
  for (const chrome of ['Copy the text', 'Sharing it is a small step', 'Your data']) expect(printed).not.toContain(chrome);

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.locator('h1')).toHaveText('Edit the card');
  await expect(page.getByLabel('Who is it for? (optional)')).toHaveValue('Sam');
});

test('without a share sheet the card offers copying only, and an empty card gets a kind message', async ({ page }) => {
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await open(page, '/together?card=new');
  await page.getByRole('button', { name: 'Save the card' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Write at least one answer first.' })).toBeVisible();
  await page.getByLabel('What helps me is…').fill('A quiet word that you are there.');
  await page.getByRole('button', { name: 'Save the card' }).click();
  await expect(page.locator('.shared-card').getByRole('heading')).toHaveText('A card from me');
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy the text' })).toBeVisible();
});

test('a secure-base moment stopped half way keeps nothing; finished, its ratings show in Patterns', async ({ page }) => {
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leaning-in.rec.')));
  await open(page, '/together');
  await page.locator('#moment').getByRole('link', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a number from 0 to 10 first');
  await page.getByRole('group', { name: 'How safe does closeness feel right now?' }).getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.locator('.moment-prompt')).toContainText('Think of a time someone was there for you.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Stop here' }).click();
  await expect(page.locator('.moment [role=status]')).toHaveText('Stopped. Nothing was kept. You can come back whenever you like.');
  expect(await stored()).toEqual([]);

  await open(page, '/together?moment');
  await page.getByRole('group', { name: 'How safe does closeness feel right now?' }).getByRole('radio', { name: '3', exact: true }).check();
  await page.getByRole('button', { name: 'Begin' }).click();
  // No such memory: another way in.
  await page.getByRole('button', { name: 'Imagine a kind, steady presence instead' }).click();
  await expect(page.locator('.moment-prompt')).toContainText('Imagine a kind, steady presence');
  for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('group', { name: 'And now: how safe does closeness feel?' }).getByRole('radio', { name: '6', exact: true }).check();
  await page.getByRole('button', { name: 'Keep the two ratings' }).click();
  await expect(page.locator('.moment [role=status]')).toContainText('Kept.');
  expect((await stored()).filter((k) => k.startsWith('leaning-in.rec.moment.'))).toHaveLength(1);

  await page.getByRole('link', { name: 'Secure-base moments' }).click();
  const section = page.getByRole('region', { name: 'Secure-base moments' });
  await expect(section).toContainText('1 moment so far: closeness felt safer afterwards in 1');
  await section.getByText('Show as a table').click();
  await expect(section.locator('.chart-table tbody tr')).toHaveCount(1);
  await expect(section.locator('.chart-table tbody td').nth(1)).toHaveText('3');
  await expect(section.locator('.chart-table tbody td').nth(2)).toHaveText('6');
  await expect(section.getByRole('img')).toHaveAttribute('aria-label', /1 moment so far/);
});

test('a secure-base moment can be put in the calendar, naming nothing written', async ({ page }) => {
  await open(page, '/together');
  await page.getByRole('button', { name: 'Add to my calendar' }).click();
  await expect(page.getByText('Choose a date and time first.')).toBeVisible();
  await page.getByLabel('When', { exact: true }).fill('2030-01-05T19:30');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to my calendar' }).click()]);
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics).toContain('SUMMARY:Time for a secure-base moment');
  expect(ics).toContain('DTSTART:20300105T193000');
});
