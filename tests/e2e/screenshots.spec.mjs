// Screenshots of every page at phone and desktop sizes, light and dark, for a
// person to look at (tests/e2e/screenshots/). They also prove each page renders
// in both themes without horizontal scrolling on a 360px phone.
import { test, expect, open } from './fixtures.mjs';

const ROUTES = ['/', '/check', '/journal', '/reframe', '/practice', '/learn', '/data', '/missing'];
const SIZES = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } };

for (const scheme of ['light', 'dark']) {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    test(`screenshots: ${sizeName} ${scheme}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const route of ROUTES) {
        await open(page, route);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
        const name = route === '/' ? 'home' : route.slice(1).replaceAll('/', '-');
        await page.screenshot({ path: `tests/e2e/screenshots/${name}-${sizeName}-${scheme}.png`, fullPage: true });
      }
    });
  }
}
