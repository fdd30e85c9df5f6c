// Service worker: the app shell is cached so the app opens offline, and every GET /api answer is kept so
// the last data seen is shown when the network is down (network first, cache as the fallback).
/* global self, caches, fetch, Response, Headers */
const SHELL = 'shell-v1';
const DATA = 'data-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(['/', '/manifest.webmanifest', '/icon.svg']))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallbackUrl ?? request);
    if (!cached) throw err;
    // Tell the page this is the last data seen, not a fresh answer.
    const headers = new Headers(cached.headers);
    headers.set('x-served-from', 'cache');
    return new Response(cached.body, { status: cached.status, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Streams and sockets are never cached.
  if (url.pathname.startsWith('/api/live') || request.headers.get('accept') === 'text/event-stream') return;
  // Push keys and subscriptions are per browser and must be current: never from the cache.
  if (url.pathname.startsWith('/api/push/')) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirst(request, DATA));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed file names: a cached copy is always right.
    event.respondWith(caches.match(request).then((hit) => hit ?? networkFirst(request, SHELL)));
  }
});

// Web Push (docs/notifications.md): the server's payload is JSON { title, body, url, tag, kind }. Shown as a
// notification; a click focuses a window of this app already open (navigating it to the payload's page) or
// opens one. Only same-origin paths are opened.
self.addEventListener('push', (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Race Engineer', body: event.data ? event.data.text() : '' };
  }
  const url =
    typeof data.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
  event.waitUntil(
    self.registration.showNotification(data.title || 'Race Engineer', {
      body: data.body || '',
      tag: data.tag || undefined,
      renotify: Boolean(data.tag),
      icon: '/icon.svg',
      badge: '/icon.svg',
      data: { url, kind: data.kind || 'alert' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        return open.url === target ? open : open.navigate(target);
      }
      return self.clients.openWindow(target);
    }),
  );
});

// The browser replaced the subscription (keys rotated, expired): save the new one with the old preferences.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const res = await fetch('/api/push/subscriptions', { credentials: 'same-origin' });
      const old = res.ok ? (await res.json()).subscriptions?.[0] : undefined;
      const sub = event.newSubscription ?? (await self.registration.pushManager.getSubscription());
      if (!old || !sub) return;
      await fetch('/api/push/subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subscription: sub.toJSON(), preferences: old.preferences }),
      });
    })(),
  );
});
