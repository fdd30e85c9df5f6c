// The browser side of Web Push: feature checks, the service worker registration, PushManager.subscribe with
// the server's VAPID key, and the server's subscription routes. No React here.
import { api } from '../api.ts';

export interface Preferences {
  timeZone: string;
  sessions: ('practice' | 'qualifying' | 'sprint' | 'race')[];
  leadMinutes: number[];
  alerts: string[];
  favourite: { kind: 'driver' | 'team'; id: string; name: string; code?: string } | null;
  spoilerDelaySeconds: number;
}

export interface ServerSubscription {
  id: string;
  endpoint: string;
  preferences: Preferences;
}

export const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** iPhone / iPad Safari outside a Home Screen app: push exists only in the installed app (iOS 16.4+). */
export function iosNeedsHomeScreen(): boolean {
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    window.matchMedia?.('(display-mode: standalone)').matches;
  return ios && !standalone;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export async function registration(): Promise<ServiceWorkerRegistration> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (!existing) await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration('/');
  return reg ? reg.pushManager.getSubscription() : null;
}

/** Asks for permission, subscribes with the server's key and saves the subscription with `prefs`. */
export async function enablePush(prefs: Preferences): Promise<ServerSubscription> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted')
    throw new Error(
      permission === 'denied'
        ? 'Notifications are blocked for this site. Allow them in the browser’s site settings, then try again.'
        : 'Notifications were not allowed.',
    );
  const reg = await registration();
  const { data } = await api<{ publicKey: string }>('/api/push/key');
  let sub: PushSubscription;
  try {
    sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(data.publicKey),
      }));
  } catch (err) {
    throw new Error(`This browser could not register with its push service: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return saveSubscription(sub, prefs);
}

export async function saveSubscription(
  sub: PushSubscription,
  prefs: Preferences,
): Promise<ServerSubscription> {
  const { data } = await api<ServerSubscription>('/api/push/subscriptions', {
    method: 'POST',
    body: { subscription: sub.toJSON(), preferences: prefs },
  });
  return data;
}

export async function disablePush(serverId: string | undefined): Promise<void> {
  const sub = await currentSubscription();
  if (serverId) await api(`/api/push/subscriptions/${serverId}`, { method: 'DELETE' }).catch(() => undefined);
  await sub?.unsubscribe();
}
