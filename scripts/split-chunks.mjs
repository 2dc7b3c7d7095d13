// Puts the wasm chunks cut by scripts/split/wasm-bindgen into a build, called
// from post_build.mjs before the precache list is made:
//   - each chunk is optimised with wasm-opt -Oz and named by its content
//     (split_page_journal-<hash>.wasm), so a page of one build never loads a
//     chunk of another;
//   - the loader __wasm_split.js is rewritten to fetch those names and to import
//     the main JS file by its real name, then named by its content too;
//   - the main JS file imports the loader by that name, and index.html's
//     integrity hash for the main JS file is updated to match; index.html
//     preloads the loader too, so it is not a round trip after the main JS file;
//   - pwa.js's page-chunk map (__PAGE_CHUNKS__) lists, for each page, the files
//     its chunk needs, so a deep link fetches them alongside the app. Files
//     under 2 KB are left out: each name costs every first visit bytes, and
//     the small ones arrive together in one round trip when the page asks;
//   - in a release build the JS files of the first load (the main JS file,
//     the loader, pwa.js and boot.js) are minified with terser: 3 KB gzip less to fetch.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

// 40 bits of the content's hash: enough that no two files of a build, or of two
// builds, share a name, and short, since every name is in the loader and pwa.js.
const contentName = (stem, ext, bytes) => `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${ext}`;

/** Minified in a release build (names of exports and properties are kept). */
async function small(code, release, module = true) {
  if (!release) return code;
  const out = await minify(code, { module, ecma: 2020, compress: true, mangle: true, format: { comments: false } });
  return out.code;
}

/** Returns how many chunks were added, or 0 when the build was not split. */
export async function addChunks(dist, splitDir, release) {
  const loaderPath = join(splitDir, '__wasm_split.js');
  const fillMap = async (map) => {
    const pwaPath = join(dist, 'pwa.js');
    writeFileSync(pwaPath, await small(readFileSync(pwaPath, 'utf8').replace('__PAGE_CHUNKS__', JSON.stringify(map)), release, false));
    const bootPath = join(dist, 'boot.js');
    writeFileSync(bootPath, await small(readFileSync(bootPath, 'utf8'), release, false));
  };
  if (!existsSync(loaderPath)) {
    await fillMap({});
    return 0;
  }
  const mainJs = readdirSync(dist).find((f) => /^leaning-in-[0-9a-f]+\.js$/.test(f));
  if (!mainJs) throw new Error(`split-chunks: no main JS file in ${dist}`);
  const mainStem = readFileSync(loaderPath, 'utf8').match(/from "\.\/([^"]+)\.js";/)?.[1];
  const chunks = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${mainStem}.wasm`);

  const original = readFileSync(loaderPath, 'utf8');
  let loader = original.replace(`from "./${mainStem}.js"`, `from "./${mainJs}"`);
  const named = {};
  for (const chunk of chunks) {
    const optimised = join(splitDir, `opt-${chunk}`);
    execFileSync('wasm-opt', ['-Oz', '--strip-debug', join(splitDir, chunk), '-o', optimised], { stdio: ['ignore', 'ignore', 'pipe'] });
    const bytes = readFileSync(optimised);
    const name = contentName(chunk.replace(/\.wasm$/, ''), 'wasm', bytes);
    writeFileSync(join(dist, name), bytes);
    loader = loader.replaceAll(`"./${chunk}"`, `"./${name}"`);
    named[chunk] = name;
  }
  loader = await small(compactLoads(loader), release);
  const loaderName = contentName('__wasm_split', 'js', loader);
  writeFileSync(join(dist, loaderName), loader);

  const mainPath = join(dist, mainJs);
  // Only the import specifiers: the import object keeps the wasm's module name.
  const main = await small(readFileSync(mainPath, 'utf8').replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`), release);
  writeFileSync(mainPath, main);
  const indexPath = join(dist, 'index.html');
  const sri = `sha384-${createHash('sha384').update(main).digest('base64')}`;
  const mainLink = new RegExp(`<link rel="modulepreload" href="([^"]*)${mainJs.replace('.', '\\.')}"([^>]*)integrity="[^"]+">`);
  const loaderSri = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  const html = readFileSync(indexPath, 'utf8').replace(mainLink, (_, prefix, attrs) =>
    `<link rel="modulepreload" href="${prefix}${mainJs}"${attrs}integrity="${sri}">`
    + `\n<link rel="modulepreload" href="${prefix}${loaderName}" crossorigin="anonymous" integrity="${loaderSri}">`);
  writeFileSync(indexPath, html);
  await fillMap(pageChunks(original, named, (file) => statSync(join(dist, file)).size >= 2048));
  return chunks.length;
}

/**
 * The loader spells out the same fetch-and-instantiate wrapper for each of its
 * ~180 chunks: one helper instead, called with each file's name, is a little
 * less to fetch on every first visit.
 */
function compactLoads(loader) {
  const load = /makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(("\.\/[\w.-]+")\, import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,/g;
  const count = [...loader.matchAll(load)].length;
  if (count === 0) throw new Error('split-chunks: the loader no longer has the expected makeLoad blocks');
  const helper = `function loadFile(path, deps) {
    return makeLoad(() => {
        const src = fetch(new URL(path, import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    }, deps);
}
`;
  return loader.replace(load, (_, path) => `loadFile(${path},`).replace('function makeLoad(', `${helper}function makeLoad(`);
}

/** { journal: [its chunk and every chunk it needs, by final name] } from the loader. */
function pageChunks(loader, named, worthPreloading) {
  const loads = {};
  const re = /const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?\n, \[([^\]]*)\]/g;
  for (const [, name, file, deps] of loader.matchAll(re)) {
    loads[name] = { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) };
  }
  const files = (name, seen = new Set()) => {
    if (seen.has(name) || !loads[name]) return seen;
    seen.add(name);
    for (const dep of loads[name].deps) files(dep, seen);
    return seen;
  };
  const pages = {};
  for (const name of Object.keys(loads)) {
    const page = name.match(/^__wasm_split_load_page_(\w+)$/)?.[1];
    // "unlock" (no address of its own) is fetched early when the lock is on.
    if (page) pages[page] = [...files(name)].map((n) => named[loads[n].file]).filter(worthPreloading).sort();
  }
  return pages;
}
