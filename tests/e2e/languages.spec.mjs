// The five first languages, end to end: the self-check in Spanish and German,
// a journal entry exported to Markdown with translated headings, plurals for 0,
// 1 and 2 entries, dates from the browser's Intl, the crisis lines for Germany,
// Austria and Brazil, and the picker on Your data (at once, no reload, the
// draft kept). Expected words come from the language files themselves, so a
// reworded translation does not break a test; a few are also written out, so
// a file that silently fell back to English would.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test, expect, open, seed, record, draftOf } from './fixtures.mjs';

const LANGUAGES = ['es', 'de', 'fr', 'pt-BR', 'nl'];
const words = (code) => JSON.parse(readFileSync(new URL(`../../locales/${code}.json`, import.meta.url), 'utf8'));
const fill = (text, values) => text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name]));
/** A plural key's form for `count`, by the language's own rule (Node's Intl, as the browser's). */
const plural = (group, key, code, count) =>
  fill(group[`${key}_${new Intl.PluralRules(code).select(count)}`] ?? group[`${key}_other`], { count });

const SETTING = 'leaning-in.setting.language';
const entries = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => {
  const id = `e${i + 1}`;
  return [`leaning-in.rec.journal.${id}`, JSON.stringify(record(id, `Entry number ${i + 1}.`, { at: 1763900000000 - i * 86_400_000 }))];
}));

async function markdown(page, w) {
  await open(page, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: w.data.download_readable_copy_markdown }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

for (const code of ['es', 'de']) {
  test(`the self-check in ${code}, from the first statement to the result`, async ({ page }) => {
    const w = words(code);
    await seed(page, { [SETTING]: code });
    await open(page, '/check?take');
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    for (let i = 1; i <= 7; i++) {
      await expect(page.locator('.step-count')).toHaveText(fill(w.check.statement_of, { n: i, total: 7 }));
      await expect(page.locator('.check-step')).toContainText(w.check[`statement_${i}`]);
      await page.getByRole('radio', { name: w.check.scale_sometimes, exact: true }).check();
      await page.getByRole('button', { name: i === 7 ? w.check.see_result : w.check.next, exact: true }).click();
    }
    // Seven times "Sometimes": 14 of 28 points, 50, the middle band.
    await expect(page.locator('.score strong')).toHaveText('50');
    await expect(page.locator('.result h3')).toHaveText(w.check.band_often_title);
    await expect(page.getByText(w.check.not_a_diagnosis)).toBeVisible();
    const band = { es: 'Algunos de estos pensamientos te resultan familiares', de: 'Einige dieser Gedanken kommen dir bekannt vor' }[code];
    await expect(page.locator('.result h3')).toHaveText(band);
  });
}

for (const code of LANGUAGES) {
  test(`in ${code}: plurals for 0, 1 and 2 entries, Markdown headings and dates from Intl`, async ({ page }) => {
    const w = words(code);
    for (const n of [0, 1, 2]) {
      await seed(page, { [SETTING]: code, ...entries(n) });
      const md = await markdown(page, w);
      expect(md.startsWith(`# ${w.export.title}\n`)).toBe(true);
      expect(md).toContain(`## ${fill(w.export.journal, { entries: plural(w.count, 'entries', code, n) })}\n`);
      if (n === 0) continue;
      expect(md).toContain(`- ${fill(w.export.with, { who: w.journal.who_partner })}\n`);
      expect(md).toContain(`- ${fill(w.export.felt, { feelings: w.journal.emotion_anxious })}\n`);
      expect(md).toContain(`- ${fill(w.export.what_i_did, { action: w.journal.action_stayed })}\n`);

      await open(page, '/journal');
      await expect(page.locator('.result-count')).toHaveText(plural(w.count, 'entries', code, n));
      // The date is the browser's own for this language, not English.
      const [shown, expected] = await page.evaluate((code) => [
        document.querySelector('.entry-meta span').textContent,
        new Intl.DateTimeFormat(code, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(1763900000000)),
      ], code);
      expect(shown).toBe(expected);
      expect(shown).not.toMatch(/Nov 2025/);
    }
  });
}

test('the plural rules are each language’s own: one entry, and none, read as they should', async ({ page }) => {
  await seed(page, { [SETTING]: 'es', ...entries(1) });
  expect(await markdown(page, words('es'))).toContain('## Diario (1 entrada)');
  // French and Brazilian Portuguese say 0 in the singular; German does not.
  await seed(page, { [SETTING]: 'fr' });
  expect(await markdown(page, words('fr'))).toContain('## Journal (0 note)');
  await seed(page, { [SETTING]: 'de' });
  expect(await markdown(page, words('de'))).toContain('## Tagebuch (0 Einträge)');
});

const CRISIS = [
  ['de-DE', 'de', 'DE', '0800 111 0 111 anrufen', 'tel:08001110111'],
  ['de-AT', 'de', 'AT', '142 anrufen', 'tel:142'],
  ['pt-BR', 'pt-BR', 'BR', 'Ligar para 188', 'tel:188'],
];
for (const [locale, code, region, name, href] of CRISIS) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale });
    test(`speaks ${code} and shows the lines for ${region} first`, async ({ page }) => {
      const w = words(code);
      await open(page, '/learn#support');
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.getByLabel(w.support.where_you_are)).toHaveValue(region);
      const here = page.locator('.crisis-lines-here');
      await expect(here.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
      // Service names are data, not translated, and marked so.
      await expect(here.locator('[translate="no"]').first()).toBeVisible();
      await expect(here.getByText(new RegExp(`^${fill(w.support.checked_sources, { date: '.+' })}$`))).toBeVisible();
    });
  });
}

test.describe('a browser set to es-MX', () => {
  test.use({ locale: 'es-MX' });
  test('chooses Spanish by itself, and the picker says why', async ({ page }) => {
    await open(page, '/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('main h1')).toHaveText('Inicio');
    await open(page, '/data');
    const picker = page.getByLabel('El idioma de la app');
    await expect(picker).toHaveValue('');
    await expect(picker.locator('option:checked')).toHaveText('Como esté configurado tu navegador (Español)');
  });
});

test('the picker changes the language at once, without a reload, and an open draft keeps its words', async ({ page }) => {
  await open(page, '/journal?new');
  await page.getByLabel('What happened?').fill('I went quiet at dinner.');
  await expect.poll(() => draftOf(page, 'journal-new')).toContain('I went quiet at dinner.');
  await page.evaluate(() => { window.__sameDocument = true; });

  await page.getByRole('link', { name: 'Your data' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Your data');
  const options = await page.getByLabel("The app's language").locator('option').allTextContents();
  expect(options).toContain('Deutsch (preview)');
  await expect(page.getByText('A preview is a translation no native speaker has reviewed yet.')).toBeVisible();
  await page.getByLabel("The app's language").selectOption('de');

  await expect(page.locator('main h1')).toHaveText('Deine Daten');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('nav.tabs')).toContainText('Tagebuch');
  // Keyboard users stay where they were: on the picker, now in German.
  await expect(page.getByLabel('Die Sprache der App')).toBeFocused();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  await page.goBack();
  await expect(page.getByLabel('Was ist passiert?')).toHaveValue('I went quiet at dinner.');
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

  // And back to following the browser (English here).
  await page.getByRole('link', { name: 'Deine Daten' }).first().click();
  await page.getByLabel('Die Sprache der App').selectOption('');
  await expect(page.locator('main h1')).toHaveText('Your data');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

// boot.js chooses before the first paint and the app installs its choice; the
// picker's "as your browser is set" uses i18n::choose. The same browser
// settings must give the same language both ways (the rules are unit-tested in
// src/i18n/tests.rs).
const BROWSERS = [['de-AT', 'de', 'Deutsch'], ['pt-PT', 'pt-BR', 'Português (Brasil)'], ['fr-CA', 'fr', 'Français'], ['nl-BE', 'nl', 'Nederlands'], ['en-GB', 'en', 'English'], ['it-IT', 'en', 'English']];
for (const [locale, code, name] of BROWSERS) {
  test.describe(`a browser set to ${locale} only`, () => {
    test.use({ locale });
    test(`speaks ${code}, and the picker names the same language`, async ({ page }) => {
      await open(page, '/data');
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      const label = code === 'en' ? "The app's language" : words(code).language.label;
      const automatic = code === 'en' ? 'As your browser is set ({{language}})' : words(code).language.automatic;
      await expect(page.getByLabel(label).locator('option:checked')).toHaveText(fill(automatic, { language: name }));
    });
  });
}

test('in German, the page points at a German manifest, whose paths are still the app’s own', async ({ page, request }) => {
  await seed(page, { [SETTING]: 'de' });
  await open(page, '/');
  const href = await page.locator('link[rel=manifest]').evaluate((l) => l.href);
  expect(new URL(href).pathname).toBe('/locales/manifest.de.webmanifest');
  const manifest = await (await request.get(href)).json();
  expect(manifest.lang).toBe('de');
  expect(manifest.description).toBe(words('de').app.manifest_description);
  expect(new URL(manifest.start_url, href).pathname).toBe('/');
  expect(new URL(manifest.id, href).pathname).toBe('/');
  expect(new URL(manifest.icons[0].src, href).pathname).toBe('/icons/icon-192.png');
});

test('in German, how long ago the last backup was comes from the browser (Intl.RelativeTimeFormat)', async ({ page }) => {
  await seed(page, { [SETTING]: 'de', ...entries(1) });
  await open(page, '/data');
  await expect(page.getByTestId('last-backup')).toHaveText('Du hast noch keine Sicherung erstellt.');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words('de').data.download_json }).click()]);
  const today = await page.evaluate(() => new Intl.RelativeTimeFormat('de', { numeric: 'auto' }).format(-0, 'day'));
  expect(today).toBe('heute');
  await expect(page.getByTestId('last-backup')).toHaveText(`Letzte Sicherung: ${today}.`);
});
