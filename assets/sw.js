// Leaning In's service worker. It precaches every file of this build (the list and
// version are written by scripts/post_build.mjs at build time), serves them from
// the cache, and answers each navigation with that route's own file (its first
// screen, scripts/prerender.mjs), or the neutral shell, so deep links work offline. A new build waits until the person chooses to reload.
const VERSION = '__BUILD_VERSION__';
const PRECACHE = __PRECACHE_LIST__;
// Cache storage is shared by the whole origin, not one scope: two deployments
// under different sub-paths of one origin must never delete each other's copy.
// So the cache name carries this worker's scope, and only its own are deleted.
const PREFIX = `leaning-in:${new URL(self.registration.scope).pathname}:`;
const CACHE = `${PREFIX}${VERSION}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

/** A cache named by older builds (`leaning-in-<version>`, no scope) is this
 * scope's if it holds this scope's index.html. */
async function ownLegacyCache(key) {
  if (!/^leaning-in-[0-9a-f]+$/.test(key)) return false;
  return Boolean(await (await caches.open(key)).match(scoped('index.html')));
}

/** A route's own file (its first screen: `learn/index.html`), or for an address
 * no route answers the neutral shell (`404.html`). */
async function pageFor(pathname) {
  const cache = await caches.open(CACHE);
  const scope = new URL(self.registration.scope).pathname;
  const route = pathname.startsWith(scope) ? pathname.slice(scope.length).replace(/\/+$/, '') : '';
  const own = route ? `${route}/index.html` : 'index.html';
  return (await cache.match(scoped(own))) || (await cache.match(scoped('404.html'))) || cache.match(scoped('index.html'));
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if ((key.startsWith(PREFIX) && key !== CACHE) || await ownLegacyCache(key)) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// Sent by the page when the person taps "Reload" on the update notice.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFor(new URL(request.url).pathname).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
});
