// Prints each file's raw and gzip size in dist/, and the first-load total: the
// page plus everything it references directly. Usage: node scripts/size.mjs dist
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const full = join(d, name);
    if (statSync(full).isDirectory()) walk(full);
    else files.push(full);
  }
})(dir);

const html = readFileSync(join(dir, 'index.html'), 'utf8');
const firstLoad = (rel) => rel === 'index.html' || html.includes(rel);

let total = 0;
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  first load`);
for (const file of files.sort()) {
  const rel = relative(dir, file);
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const first = firstLoad(rel);
  if (first) total += gz;
  console.log(`${rel.padEnd(48)} ${kb(raw.length).padStart(10)} ${kb(gz).padStart(10)}  ${first ? 'yes' : ''}`);
}
console.log(`first-load total (gzip): ${kb(total)}  (budget 150.0 KB)`);
