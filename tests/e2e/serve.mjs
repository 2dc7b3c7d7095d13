// A tiny static server for the release build, on 127.0.0.1 only: a route's
// folder gets its index.html, and any other path that is not a file gets the
// SPA fallback, 404.html, as a static host would. It compresses with gzip, as
// static hosts do, so timings and Lighthouse see real transfer sizes. Usage: node serve.mjs <dir> <port> [public-url]
// With PROBE_SCRIPT=<file>, every HTML file gets that file as its first script, served
// as probe.js (same origin, so the CSP allows it): the engine tests use it to
// catch errors from the very start of each load, which WebDriver cannot report.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir = 'dist', port = '4173', publicUrl = '/'] = process.argv.slice(2);
const root = resolve(dir);
const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const probe = process.env.PROBE_SCRIPT ? resolve(process.env.PROBE_SCRIPT) : null;

async function fileFor(urlPath) {
  if (probe && urlPath === `${base}probe.js`) return probe;
  if (!urlPath.startsWith(base)) return null;
  const rel = decodeURIComponent(urlPath.slice(base.length)) || 'index.html';
  const full = normalize(join(root, rel));
  if (!full.startsWith(root)) return null;
  try {
    const info = await stat(full);
    if (info.isFile()) return full;
    // A route's own file, as static hosts serve /learn from learn/index.html.
    return info.isDirectory() && (await stat(join(full, 'index.html')).catch(() => null))?.isFile() ? join(full, 'index.html') : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://127.0.0.1');
  let file = await fileFor(pathname);
  let status = 200;
  if (!file) {
    // Navigations fall back to the app; missing assets are a real 404.
    const wantsPage = !extname(pathname) || (req.headers.accept || '').includes('text/html');
    // The neutral shell (404.html, as static hosts serve it), else index.html.
    if (wantsPage && pathname.startsWith(base)) file = (await stat(join(root, '404.html')).catch(() => null)) ? join(root, '404.html') : join(root, 'index.html');
    else status = 404;
  }
  if (status === 404) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let raw = await readFile(file);
  if (probe && file.endsWith('.html')) raw = Buffer.from(raw.toString().replace('<head>', `<head><script src="${base}probe.js"></script>`));
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !['.png', '.ico'].includes(extname(file));
  const body = gzip ? gzipSync(raw, { level: 6 }) : raw;
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
});
