// What a fan can ask for (validated preferences), what is stored per browser, and what is sent. Pure types and
// zod schemas shared by the routes, the store, the scheduler and the alert watcher.
import { z } from 'zod';
import { timeZoneSchema } from '../time-zone.ts';

/** Session types a fan picks; the calendar's session kinds map onto these (see calendar.ts). */
export const SESSION_CATEGORIES = ['practice', 'qualifying', 'sprint', 'race'] as const;
export type SessionCategory = (typeof SESSION_CATEGORIES)[number];

/**
 * Race alerts. The first four go to everyone who asks; the `favourite_*` ones only about the fan's favourite
 * driver or team (so a fan picking only those gets alerts about the favourite alone).
 */
export const ALERT_KINDS = [
  'session_start',
  'red_flag',
  'safety_car',
  'result',
  'favourite_pit_stop',
  'favourite_retirement',
  'favourite_finish',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const DEFAULT_LEAD_MINUTES = [30, 5];
/** The live page's broadcast delay goes to 300 s; a fan watching a delayed broadcast may need far more. */
export const MAX_SPOILER_DELAY_S = 4 * 3600;

const timeZone = timeZoneSchema;

export const favouriteSchema = z.object({
  kind: z.enum(['driver', 'team']),
  /** f1db id (max-verstappen, red-bull). */
  id: z.string().min(1).max(80),
  /** Shown in the texts: "Max Verstappen", "Red Bull". */
  name: z.string().min(1).max(80),
  /** Three-letter code of a driver (VER), how the live feed names cars. */
  code: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export type Favourite = z.infer<typeof favouriteSchema>;

export const preferencesSchema = z.object({
  timeZone: timeZone.default('UTC'),
  sessions: z.array(z.enum(SESSION_CATEGORIES)).max(4).default(['qualifying', 'sprint', 'race']),
  leadMinutes: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
    )
    .max(4)
    .default(DEFAULT_LEAD_MINUTES),
  alerts: z
    .array(z.enum(ALERT_KINDS))
    .max(ALERT_KINDS.length)
    .default(['session_start', 'red_flag', 'result']),
  favourite: favouriteSchema.nullable().default(null),
  spoilerDelaySeconds: z.number().int().min(0).max(MAX_SPOILER_DELAY_S).default(0),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** The browser's PushSubscription.toJSON(). */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string()
    .url()
    .max(2048)
    .refine((u) => /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    // P-256 public key, uncompressed point (65 bytes) in base64url; the auth secret is 16 bytes.
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, 'must be a base64url P-256 public key'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{21,24}={0,2}$/, 'must be a base64url 16-byte secret'),
  }),
});
export type BrowserSubscription = z.infer<typeof pushSubscriptionSchema>;

export interface StoredSubscription {
  id: string;
  owner: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  prefs: Preferences;
  createdAt: number;
  updatedAt: number;
}

/** The notification the service worker shows (encrypted end to end; the push service never reads it). */
export interface PushPayload {
  title: string;
  body: string;
  /** The page a click opens (same origin path). */
  url: string;
  /** Notifications with one tag replace each other (the 5-minute reminder replaces the 30-minute one). */
  tag: string;
  kind: 'reminder' | 'alert' | 'test';
  /** reminder: the session's stable id; alert: the alert kind. */
  ref?: string;
  /** When the server queued it (ms). */
  at: number;
}

export type DeliveryKind = PushPayload['kind'];
export type DeliveryState = 'pending' | 'sent' | 'failed' | 'expired';

export interface NewDelivery {
  subscriptionId: string;
  /** Unique per subscription: `reminder:<session uid>:<lead>` or `alert:<session>:<kind>:<time>:<car>`. */
  key: string;
  kind: DeliveryKind;
  payload: PushPayload;
  dueAt: number;
  /** Not sent after this (a reminder once its session has started). */
  expiresAt: number;
}

export interface Delivery extends NewDelivery {
  id: number;
  state: DeliveryState;
  attempts: number;
  sentAt: number | null;
  lastError: string | null;
}

/** A claimed delivery with what the sender needs. */
export interface ClaimedDelivery extends Delivery {
  subscription: Pick<StoredSubscription, 'id' | 'endpoint' | 'p256dh' | 'auth'>;
}
