// Writes the service worker's precache list and build version into DIST/sw.js
// from the template in assets/sw.js: every file of the build but sw.js itself.
// Run by post_build (Trunk's staging folder) and again by prerender.mjs, once
// the route files are written.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function writePrecache(dir, template, release) {
  const files = [];
  (function walk(d) {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dir, full).split(sep).join('/'));
    }
  })(dir);
  const precache = files.filter((f) => f !== 'sw.js');
  const hash = createHash('sha256');
  for (const f of precache) hash.update(f).update(readFileSync(join(dir, f)));
  const version = hash.digest('hex').slice(0, 12);
  const sw = readFileSync(template, 'utf8')
    .replace('__BUILD_VERSION__', version)
    .replace('__PRECACHE_LIST__', JSON.stringify(release ? precache : []));
  writeFileSync(join(dir, 'sw.js'), sw);
  return { files: precache.length, version };
}
