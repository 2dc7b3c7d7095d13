// Compiles each language file, locales/<code>.json (i18next JSON v4, as
// translators' tools read and write it), into what the browser fetches when that
// language is in use: target/locales/<code>.json, {"keys": hash, "texts": [...]},
// the strings in the key order build.rs gives English (sorted, each plural's six
// forms side by side; null where not translated). No key names ship, so the
// first load pays nothing for them. Trunk's pre_build hook runs it; index.html
// copies the folder to dist/locales/. Completeness is checked by the native
// tests (i18n::tests), not here: a missing string falls back to English.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CATEGORIES = ['few', 'many', 'one', 'other', 'two', 'zero'];
const SOURCE = 'locales';
const OUT = process.argv[2] || 'target/locales';

export function flatten(value, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(value)) {
    if (!prefix && k === '_meta') continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') flatten(v, key, out);
    else throw new Error(`locales: ${key} is not a string`);
  }
  return out;
}

const pluralBase = (key) => {
  const c = CATEGORIES.find((c) => key.endsWith(`_${c}`));
  return c ? key.slice(0, -(c.length + 1)) : null;
};

export function keyList(flat) {
  const keys = new Set();
  for (const key of Object.keys(flat)) {
    const base = pluralBase(key);
    if (base) for (const c of CATEGORIES) keys.add(`${base}_${c}`);
    else keys.add(key);
  }
  // Byte order, as Rust sorts: keys are ASCII, so code-unit order is the same.
  return [...keys].sort();
}

export function keysHash(keys) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(keys.join('\n'), 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

const read = (code) => JSON.parse(readFileSync(join(SOURCE, `${code}.json`), 'utf8'));
const keys = keyList(flatten(read('en')));
const hash = keysHash(keys);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const codes = readdirSync(SOURCE).filter((f) => f.endsWith('.json') && f !== 'en.json').map((f) => f.slice(0, -5)).sort();
for (const code of codes) {
  const flat = flatten(read(code));
  writeFileSync(join(OUT, `${code}.json`), JSON.stringify({ keys: hash, texts: keys.map((k) => flat[k] ?? null) }));
}
console.log(`locales: ${keys.length} keys; compiled ${codes.length ? codes.join(', ') : 'no other language'}`);
