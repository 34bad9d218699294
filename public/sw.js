/*
 * Layerlab's service worker: after the first visit the app and its package catalog work
 * without a network (classrooms have bad Wi-Fi).
 * - install: caches the app shell, every built asset and the catalog (the list is written
 *   into this file by the build; see vite.config.ts);
 * - pages (HTML): network first, the cached copy when offline;
 * - /catalog/: cache first (the catalog only changes with a new build, which renames the cache);
 * - other same-origin files: cache first, then the network (and kept for next time).
 */
const PRECACHE = /* layerlab:precache */ { version: 'dev', files: [] };
const CACHE = `layerlab-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.files))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('layerlab-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached =
      (await cache.match(request, { ignoreSearch: true })) ??
      (await cache.match(new URL(request.url).pathname === '/' ? '/index.html' : request.url));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' || request.destination === 'document') {
    event.respondWith(networkFirst(request));
  } else if (!url.pathname.endsWith('.map')) {
    event.respondWith(cacheFirst(request));
  }
});
