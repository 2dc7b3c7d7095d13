// Leaning In's service worker. It precaches every file of this build (the list and
// version are written by scripts/post_build.mjs at build time), serves them from
// the cache, and answers every navigation with the cached index.html so deep links
// work offline. A new build waits until the person chooses to reload.
const VERSION = '__BUILD_VERSION__';
const PRECACHE = __PRECACHE_LIST__;
const CACHE = `leaning-in-${VERSION}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(scoped))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('leaning-in-') && key !== CACHE) await caches.delete(key);
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
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(scoped('index.html'))).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
});
