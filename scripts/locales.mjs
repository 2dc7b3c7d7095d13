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
// Each language also gets its own manifest, so an installed app describes itself
// in that language (boot.js points <link rel=manifest> at it).
const manifest = JSON.parse(readFileSync('assets/manifest.webmanifest', 'utf8'));
for (const code of codes) {
  const flat = flatten(read(code));
  writeFileSync(join(OUT, `${code}.json`), JSON.stringify({ keys: hash, texts: keys.map((k) => flat[k] ?? null) }));
  // Relative to locales/, where it is served: the app's own paths go one up.
  const up = (path) => (path.startsWith('./') ? `../${path.slice(2)}` : `../${path}`);
  const localised = {
    ...manifest,
    description: flat['app.manifest_description'] ?? manifest.description,
    lang: code,
    id: up(manifest.id), start_url: up(manifest.start_url), scope: up(manifest.scope),
    icons: manifest.icons.map((i) => ({ ...i, src: up(i.src) })),
  };
  writeFileSync(join(OUT, `manifest.${code}.webmanifest`), JSON.stringify(localised, null, 2));
}
// Test-only pseudo-languages, never offered (build.rs lists them as hidden):
// en-XA, every letter accented and each string about 35% longer in brackets,
// shows any text that bypasses the lookup and any layout that cannot grow;
// ar-XB, the same text right to left, shows the layout mirrors.
const ACCENTS = { a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ', n: 'ñ', o: 'ö', p: 'þ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', w: 'ŵ', y: 'ý', z: 'ž', A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', N: 'Ñ', O: 'Ö', P: 'Þ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', W: 'Ŵ', Y: 'Ý', Z: 'Ž' };
export function pseudo(text, rtl = false) {
  // Placeholders ({{name}}) pass through untouched.
  const parts = text.split(/(\{\{[^}]*\}\})/);
  const body = parts.map((p) => (p.startsWith('{{') ? p : [...p].map((c) => ACCENTS[c] || c).join(''))).join('');
  const pad = '·'.repeat(Math.max(1, Math.ceil(text.length * 0.35)));
  return rtl ? `\u202e[${body} ${pad}]\u202c` : `[${body} ${pad}]`;
}
const english = flatten(read('en'));
for (const [code, rtl] of [['en-XA', false], ['ar-XB', true]]) {
  const texts = keys.map((k) => {
    const base = CATEGORIES.find((c) => k.endsWith(`_${c}`)) && k.replace(/_[a-z]+$/, '');
    const en = english[k] ?? (base ? english[`${base}_other`] : undefined);
    return en === undefined ? null : pseudo(en, rtl);
  });
  writeFileSync(join(OUT, `${code}.json`), JSON.stringify({ keys: hash, texts }));
}

console.log(`locales: ${keys.length} keys; compiled ${codes.length ? codes.join(', ') : 'no other language'}`);
