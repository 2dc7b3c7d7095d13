// After a release build: writes each route's first screen into its own HTML
// file (dist/learn/index.html, …; Home into dist/index.html), so the page a
// person came for paints before the wasm arrives. Usage:
//   node scripts/prerender.mjs DIST PUBLIC_URL
//
// The first screens are the app's own rendering, not markup written twice: the
// release build itself runs in headless Chromium with nothing stored, and each
// route's DOM is taken once the live app has drawn it. What shows the person's
// data (ui::FromStore, `.from-store`) is kept as a first visit sees it and given
// a placeholder beside it, which assets/boot.js shows instead for anyone with
// something stored. The unlock screen is taken the same way, with a lock record
// stored, and sits in every file for boot.js to show when the lock is on.
// Then the service worker's precache list is written again, with these files.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { writePrecache } from './precache.mjs';

const [dist = 'dist', publicUrl = '/'] = process.argv.slice(2);
const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
const routes = [...readFileSync('src/domain/pages.rs', 'utf8').matchAll(/Page \{ path: "(\/[^"]*)"/g)].map((m) => m[1]);
if (!routes.includes('/') || routes.length < 5) throw new Error(`prerender: routes not found in src/domain/pages.rs (${routes})`);
const lockFixture = JSON.parse(readFileSync('tests/fixtures/store-schema-3-locked.json', 'utf8')).localStorage['leaning-in.lock'];

const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn('node', ['tests/e2e/serve.mjs', dist, String(port), base], { stdio: 'ignore' });
const origin = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });

/** The live app's DOM for `route` (its `#app`, once it has taken over), and the title. */
async function take(route, stored = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 360, height: 740 }, locale: 'en' });
  // locale 'en' has no region part: a first screen never names a region (crisis lines) the person is not in.
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript((stored) => {
    for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
  }, stored);
  for (let tries = 0; ; tries++) {
    try {
      await page.goto(`${origin}${base}${route.slice(1)}`);
      break;
    } catch (e) {
      if (tries > 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await page.waitForFunction(() => !document.querySelector('.first-screen') && document.querySelector('#app main h1'), null, { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (errors.length) throw new Error(`prerender: ${route}: ${errors.join('; ')}`);
  const taken = await page.evaluate(() => {
    const app = document.getElementById('app').cloneNode(true);
    // The CSP allows no style attributes in markup (the live app sets styles
    // through the DOM): a progress bar's width, say, comes with the live app.
    for (const styled of app.querySelectorAll('[style]')) styled.removeAttribute('style');
    for (const region of app.querySelectorAll('.from-store')) {
      const firstVisit = document.createElement('div');
      firstVisit.className = 'first-visit';
      firstVisit.append(...region.childNodes);
      // The words the neutral shell says while the app opens (index.html).
      const placeholder = document.createElement('div');
      placeholder.className = 'store-placeholder';
      placeholder.setAttribute('role', 'status');
      placeholder.innerHTML = '<p class="loading-title">Opening your private space…</p>';
      region.append(firstVisit, placeholder);
    }
    // Leptos's comment markers serve hydration, which a client-rendered app does not use.
    return { html: app.innerHTML.replaceAll('<!---->', ''), title: document.title };
  });
  await context.close();
  return taken;
}

const template = readFileSync(join(dist, '404.html'), 'utf8');
const appStart = template.indexOf('<div id="app">');
const appEnd = template.lastIndexOf('</body>');
if (appStart < 0 || appEnd < appStart) throw new Error('prerender: no <div id="app"> in the built HTML');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fileWith = (firstScreen, locked, title) => {
  const html = `${template.slice(0, appStart)}<div id="app"><div class="first-screen">${firstScreen}</div><div class="first-screen-locked">${locked}</div></div>\n${template.slice(appEnd)}`;
  return title ? html.replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`) : html;
};
const EMPTY_LOCKED = '<div class="first-screen-locked"></div>';
if (!template.includes(EMPTY_LOCKED)) throw new Error(`prerender: no ${EMPTY_LOCKED} in the built HTML`);

try {
  const locked = await take('/', { 'leaning-in.lock': lockFixture });
  const written = [];
  for (const route of routes) {
    const { html, title } = await take(route);
    if (/id="empty-title"/.test(html.replace(/<div class="first-visit">[\s\S]*?<div class="store-placeholder"/g, ''))) {
      throw new Error(`prerender: ${route} shows an empty state outside a .from-store region`);
    }
    const file = route === '/' ? 'index.html' : `${route.slice(1)}/index.html`;
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), fileWith(html, locked.html, title));
    written.push(file);
  }
  // An address no route answers: the neutral shell, and the unlock screen.
  writeFileSync(join(dist, '404.html'), template.replace(EMPTY_LOCKED, `<div class="first-screen-locked">${locked.html}</div>`));
  const { files, version } = writePrecache(dist, 'assets/sw.js', true);
  console.log(`prerender: ${written.length} route files (${written.join(', ')}); ${files} files precached, version ${version}`);
} finally {
  await browser.close();
  server.kill();
}
