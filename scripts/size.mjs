// Prints each file's raw and gzip size in dist/, and the first-load total: the
// page, everything it references directly, and every JS module those import
// statically (the chunk loader). Page chunks load later and are listed apart.
// Usage: node scripts/size.mjs [dist] [--budget KB]   (exits 1 over the budget)
// The first load is also printed with brotli, which most static hosts serve.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;
const dir = args.find((a, i) => !a.startsWith('--') && (budgetAt < 0 || i !== budgetAt + 1)) || 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(relative(dir, full));
  }
})(dir);

// The first load: index.html, the files its src and href attributes name, and
// static imports of JS it loads. (Page chunks named in its preload map are not.)
const first = new Set(['index.html']);
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const named = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map(([, url]) => url.split(/[?#]/)[0]);
for (const f of files) if (named.some((url) => url === f || url.endsWith(`/${f}`))) first.add(f);
// Trunk's inline loader imports the main JS file by path, and fetches the wasm
// once the first screen is painted (post_build moved it out of a preload link).
for (const [, url] of html.matchAll(/(?:from\s*|fetch\()'([^']+\.(?:js|wasm))'/g)) {
  const f = files.find((name) => url.endsWith(`/${name}`) || url === name);
  if (f) first.add(f);
}
for (const queue = [...first].filter((f) => f.endsWith('.js')); queue.length; ) {
  const js = readFileSync(join(dir, queue.pop()), 'utf8');
  for (const [, name] of js.matchAll(/(?:^|\n)\s*import[^'"]*?from\s*["']\.\/([^"']+)["']/g)) {
    if (!first.has(name) && files.includes(name)) {
      first.add(name);
      queue.push(name);
    }
  }
}

let total = 0;
let totalBrotli = 0;
let lazy = 0;
const brotli = (raw) => brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  first load`);
for (const rel of files.sort()) {
  const raw = readFileSync(join(dir, rel));
  const gz = gzipSync(raw, { level: 9 }).length;
  if (first.has(rel)) {
    total += gz;
    totalBrotli += brotli(raw);
  }
  else if (rel.endsWith('.wasm')) lazy += gz;
  console.log(`${rel.padEnd(48)} ${kb(raw.length).padStart(10)} ${kb(gz).padStart(10)}  ${first.has(rel) ? 'yes' : ''}`);
}
console.log(`page chunks, loaded when first opened (gzip): ${kb(lazy)}`);
// Most static hosts serve brotli; the budget stays on gzip, which every host serves.
console.log(`first-load total (brotli): ${kb(totalBrotli)}`);
console.log(`first-load total (gzip): ${kb(total)}${budget ? `  (budget ${budget.toFixed(1)} KB)` : ''}`);
if (budget && total > budget * 1024) {
  console.error(`size: the first load is ${kb(total)}, over its budget of ${budget} KB. Load the new code lazily, or cut something.`);
  process.exit(1);
}
