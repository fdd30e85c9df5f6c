// Sends one encrypted push message: the web-push library builds the request (RFC 8291 aes128gcm body, RFC 8292
// VAPID Authorization, TTL/Urgency/Topic headers) and fetch sends it, so the outcome is classified here: sent,
// gone (404/410: the browser unsubscribed; prune), transient (5xx, 429, timeout, network: retry) or rejected
// (another 4xx: our request is wrong; retrying will not help).
import webpush from 'web-push';
import type { PushPayload } from './types.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export type SendOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'gone'; status: number }
  | { kind: 'transient'; status: number | null; error: string; retryAfterMs?: number }
  | { kind: 'rejected'; status: number; error: string };

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSender {
  send(
    target: PushTarget,
    payload: PushPayload,
    opts: { ttlSeconds: number; urgency: Urgency },
  ): Promise<SendOutcome>;
}

export type Urgency = 'very-low' | 'low' | 'normal' | 'high';

export class WebPushSender implements PushSender {
  constructor(
    private readonly vapid: VapidKeys,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(
    target: PushTarget,
    payload: PushPayload,
    opts: { ttlSeconds: number; urgency: Urgency },
  ): Promise<SendOutcome> {
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        vapidDetails: this.vapid,
        TTL: opts.ttlSeconds,
        urgency: opts.urgency,
        // A newer message of one tag replaces an undelivered older one at the push service.
        topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || undefined,
        contentEncoding: 'aes128gcm',
      },
    );
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(details.headers)) headers[k] = String(v);
    let res: Response;
    try {
      res = await fetch(details.endpoint, {
        method: 'POST',
        headers,
        body: details.body ? new Uint8Array(details.body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { kind: 'transient', status: null, error: e.cause?.code ?? e.name ?? String(err) };
    }
    await res.arrayBuffer().catch(() => undefined);
    const status = res.status;
    if (status >= 200 && status < 300) return { kind: 'sent', status };
    if (status === 404 || status === 410) return { kind: 'gone', status };
    if (status === 429 || status >= 500) {
      const ra = Number(res.headers.get('retry-after'));
      return {
        kind: 'transient',
        status,
        error: `push service answered ${status}`,
        ...(Number.isFinite(ra) && ra > 0 ? { retryAfterMs: ra * 1000 } : {}),
      };
    }
    return { kind: 'rejected', status, error: `push service answered ${status}` };
  }
}

export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  return webpush.generateVAPIDKeys();
}
