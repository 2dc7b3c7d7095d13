import { test, expect, open } from './fixtures.mjs';

// en-XA, a test-only pseudo-language (scripts/locales.mjs): every string of the
// app accented and about 35% longer in brackets. Text that reaches the page any
// other way stays plain English and is caught here. The app's name, the
// person's words and data that is not the app's text (a helpline's name) are
// marked translate="no".
const ROUTES = ['/', '/check', '/journal', '/reframe', '/practice', '/learn', '/data', '/summary', '/together', '/together?card=new', '/together?moment'];

async function speak(page, language) {
  await page.goto('/', { firstScreen: true });
  await page.evaluate((l) => localStorage.setItem('leaning-in.setting.language', l), language);
}

/** Visible text and readable attributes (aria-label, title, placeholder) that are still plain English. */
const untranslated = (page) => page.evaluate(() => {
  // Plain English: three ASCII letters in a row with nothing pseudo-translated
  // around them (data inside a translated sentence, a service's web address,
  // is fine).
  const pseudo = /[·\u00C0-\u024F]/;
  const english = { test: (s) => /[A-Za-z]{3,}/.test(s) && !pseudo.test(s) };
  const found = [];
  const skip = (el) => !el || el.closest('[translate="no"], script, style, .first-screen, .first-screen-locked, [hidden]');
  const walker = document.createTreeWalker(document.querySelector('#app') || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (skip(el) || !el.getClientRects().length) continue;
    if (english.test(node.textContent)) found.push(`text: ${node.textContent.trim()}`);
  }
  for (const el of document.querySelectorAll('#app [aria-label], #app [title], #app [placeholder]')) {
    if (skip(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && english.test(value)) found.push(`${name}: ${value}`);
    }
  }
  return found;
});

test('in a pseudo-language, every route shows no text that bypassed the one lookup', async ({ page }) => {
  await speak(page, 'en-XA');
  const found = {};
  for (const route of ROUTES) {
    await open(page, route);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    const left = await untranslated(page);
    if (left.length) found[route] = left;
  }
  expect(found).toEqual({});
});

test('in another language, the English first screen never shows: it waits for the live app', async ({ page }) => {
  await speak(page, 'en-XA');
  await page.route('**/*.wasm', () => {});
  await page.goto('/learn', { firstScreen: true, waitUntil: 'commit' });
  await page.waitForSelector('.first-screen h1', { state: 'attached' });
  await expect(page.locator('html')).toHaveClass(/\btranslating\b/);
  await expect(page.locator('.first-screen h1')).toBeHidden();
});

test('a right-to-left language mirrors the layout', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/learn');
  const ltr = await page.locator('nav.tabs').boundingBox();
  await speak(page, 'ar-XB');
  await open(page, '/learn');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')).direction)).toBe('rtl');
  const rtl = await page.locator('nav.tabs').boundingBox();
  expect(rtl.x).toBeGreaterThan(ltr.x + 600);
  await page.screenshot({ path: testInfo.outputPath('rtl-learn-1280.png') });
});

test('English stays the language where the browser asks for one the app does not have', async ({ page }) => {
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).not.toHaveClass(/\btranslating\b/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Home');
});
