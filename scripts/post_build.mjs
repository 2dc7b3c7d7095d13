// Trunk post_build hook (see Trunk.toml). In the staging directory it:
//   0. adds the lazily loaded page chunks and minifies the first load's JS
//      (scripts/split-chunks.mjs), and in a release build minifies the
//      stylesheets (csso, structure kept) and updates the main one's integrity;
//   1. adds the Content-Security-Policy, with the hash of Trunk's inline loader
//      (release builds only: `trunk serve` injects its own live-reload script);
//   2. writes the service worker's precache list and build version into sw.js
//      (scripts/precache.mjs; prerender.mjs writes it again with the route files);
//   3. copies index.html to 404.html, so static hosts serve deep links;
//   and fetches the wasm once the first screen is painted (no preload in <head>).
// It can also be run by hand on a built folder: node scripts/post_build.mjs DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify as minifyCss } from 'csso';
import { writePrecache } from './precache.mjs';
import { addChunks } from './split-chunks.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
if (!dir) throw new Error('usage: node scripts/post_build.mjs DIR (or run from Trunk)');

// Only in a Trunk build: a folder run by hand already holds its chunks.
const chunks = process.env.TRUNK_STAGING_DIR ? await addChunks(dir, join(process.env.TRUNK_SOURCE_DIR || process.cwd(), 'target', 'wasm-split'), release) : 0;

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// The stylesheets ship without comments and spaces: about 1.7 KB less to fetch
// on every first visit. Rules are not merged or reordered (restructure off),
// so the cascade is exactly the source's.
if (release) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
    const path = join(dir, file);
    const css = minifyCss(readFileSync(path, 'utf8'), { restructure: false }).css;
    writeFileSync(path, css);
    const sri = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    html = html.replace(new RegExp(`(<link rel="stylesheet" href="[^"]*${file.replace('.', '\\.')}" integrity=")[^"]+"`), `$1${sri}"`);
  }
  writeFileSync(indexPath, html);
}

// The wasm is fetched once the first screen is painted, not alongside the page:
// each route's HTML carries its first screen (scripts/prerender.mjs), and a
// preload of the wasm in <head> would compete with it on a slow connection.
// Its integrity hash moves from the preload link to the fetch.
const wasmPreload = /<link rel="preload" href="([^"]+_bg\.wasm)" crossorigin="anonymous" integrity="([^"]+)" as="fetch" type="application\/wasm">\n?/;
const preload = html.match(wasmPreload);
if (release && preload) {
  const [link, href, integrity] = preload;
  const start = `init({ module_or_path: '${href}' })`;
  if (!html.includes(start)) throw new Error(`post_build: Trunk's loader no longer calls ${start}`);
  html = html.replace(link, '').replace(start, `init({ module_or_path: await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)))
  .then(() => fetch('${href}', { integrity: '${integrity}' })) })`);
  writeFileSync(indexPath, html);
}

if (release && !html.includes('Content-Security-Policy')) {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
  writeFileSync(indexPath, html);
}

// The languages boot.js may choose before the wasm (ui::language chooses the
// same way): each file scripts/locales.mjs compiled, the test-only ones apart.
{
  const TEST_LANGUAGES = ['en-XA', 'ar-XB'];
  let codes = [];
  try { codes = readdirSync(join(dir, 'locales')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)); } catch {}
  const offered = codes.filter((c) => !TEST_LANGUAGES.includes(c)).sort();
  const tests = codes.filter((c) => TEST_LANGUAGES.includes(c)).sort();
  html = html.replace(/<html lang="en"[^>]*>/, `<html lang="en" data-languages="${offered.join(' ')}" data-test-languages="${tests.join(' ')}">`);
  writeFileSync(indexPath, html);
}

writeFileSync(join(dir, '404.html'), html);

const template = join(process.env.TRUNK_SOURCE_DIR || process.cwd(), 'assets', 'sw.js');
const { files, version } = writePrecache(dir, template, release);
console.log(`post_build: ${chunks} chunks, ${files} files precached, version ${version}${release ? ', CSP added' : ''}`);
