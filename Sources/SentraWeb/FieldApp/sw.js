// sw.js: the field app's service worker. It keeps every file of the app in a cache named after
// the app's version, so the app opens with no network at all, and answers from that cache first.
// The node fills in the version and the file list when it serves this file (FieldApp.swift); a
// node with a new app therefore serves a different worker, which fetches the new files, takes
// over, and drops the old cache. Requests to the node's API (/v1/…) never touch the cache: the
// app's data lives in IndexedDB, and a sync must reach the node or fail.

const VERSION = "__SENTRA_FIELD_VERSION__";
const FILES = "__SENTRA_FIELD_FILES__";
const CACHE = `sentra-field-${VERSION}`;
const PREFIX = "/field/";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([PREFIX, ...(Array.isArray(FILES) ? FILES : []).map((path) => PREFIX + path)]);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("sentra-field-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith(PREFIX)) return;
  const key = url.pathname === PREFIX || url.pathname === PREFIX + "index.html" ? PREFIX : url.pathname;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key, { ignoreSearch: true });
    if (cached) return cached;
    const answer = await fetch(event.request);
    if (answer.ok) await cache.put(key, answer.clone());
    return answer;
  })());
});
