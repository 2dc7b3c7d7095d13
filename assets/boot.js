// Runs before the first paint (a plain script in <head>), long before the wasm.
// It marks <html> so each route's first screen (scripts/prerender.mjs) shows
// what is true for this person:
//   - "locked": the lock is on (its record, or sealed values, are stored), so
//     the unlock screen shows, never the app's navigation;
//   - "has-store": something is stored, so what shows the person's data is a
//     quiet placeholder until the app has read it, never a false "nothing yet"
//     (a setting alone, `leaning-in.setting.*`, is no history).
// It reads only the names of the keys and whether the lock record exists.
(() => {
  const root = document.documentElement;
  try {
    const names = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) || '');
    if (names.some((k) => k.startsWith('leaning-in.') && !k.startsWith('leaning-in.setting.'))) root.classList.add('has-store');
    if (names.some((k) => k === 'leaning-in.lock' || k.startsWith('leaning-in.x.'))) root.classList.add('locked');
  } catch {
    // Storage blocked: claim nothing about it.
    root.classList.add('has-store');
  }
  // The language, chosen as the app chooses it (ui::language): the setting,
  // else the first of the browser's languages the app has, exactly or as the
  // same language, else English. In another language the English first screen
  // stays hidden until the live app has drawn the page in it, and its file is
  // fetched now, beside the wasm.
  const offered = (root.dataset.languages || '').split(' ').filter(Boolean);
  const tests = (root.dataset.testLanguages || '').split(' ').filter(Boolean);
  const find = (tag, list) => list.find((c) => c.toLowerCase() === tag.toLowerCase());
  let language = null;
  let setting = null;
  try { setting = localStorage.getItem('leaning-in.setting.language'); } catch {}
  if (setting && /^en$/i.test(setting)) language = 'en';
  else if (setting) language = find(setting, offered) || find(setting, tests) || null;
  for (const tag of language ? [] : navigator.languages || []) {
    const primary = tag.split(/[-_]/)[0].toLowerCase();
    language = primary === 'en' ? 'en' : find(tag, offered) || offered.find((c) => c.split('-')[0].toLowerCase() === primary) || null;
    if (language) break;
  }
  if (language && language !== 'en') {
    root.classList.add('translating');
    const manifest = document.querySelector('link[rel=manifest]');
    if (manifest && offered.includes(language)) manifest.href = `locales/manifest.${language}.webmanifest`;
    window.__leaningInLanguageCode = language;
    window.__leaningInLanguage = fetch(`locales/${language}.json`).then((r) => (r.ok ? r.text() : null), () => null);
  }
  // Until the live app takes over, the first screen is for reading: a click or
  // a key on one of its controls would be lost when the live page replaces it.
  const early = (event) => {
    const control = event.target instanceof Element && event.target.closest('.first-screen :is(input, textarea, select, button, label), .first-screen-locked :is(input, button, label)');
    if (control && !(event.type === 'keydown' && event.key === 'Tab')) event.preventDefault();
  };
  for (const type of ['click', 'keydown', 'beforeinput']) document.addEventListener(type, early, true);
})();
