// The run-time store of Web Push: VAPID keys, subscriptions (one per browser endpoint, owned by an identity)
// and deliveries (one row per reminder or alert per subscription). A delivery row is the claim that makes a
// reminder go out once across nodes: rows are inserted idempotently (unique key per subscription) and a node
// sends only the rows it claimed (a lease; an expired lease is claimed again, so a node dying mid-send costs a
// retry, not the reminder). Written against the run-time store's SQL handle (src/store/sql.ts): SQLite
// (PUSH_DB_PATH, default) or the cluster's PostgreSQL (DATABASE_URL); one conformance suite runs against both
// (store.conformance.test.ts).
import { createHash } from 'node:crypto';
import type {
  BrowserSubscription,
  ClaimedDelivery,
  Delivery,
  DeliveryKind,
  DeliveryState,
  NewDelivery,
  Preferences,
  StoredSubscription,
} from './types.ts';

export interface DeliveryCounts {
  kind: DeliveryKind;
  state: DeliveryState;
  count: number;
}

export interface PushStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Applies the push migrations (versioned, safe from several nodes at once). */
  open(): Promise<void>;
  /** The stored value of `key`, storing `value` first when there is none (the first writer wins). */
  metaOrInsert(key: string, value: string): Promise<string>;
  /** Saves a browser's subscription by endpoint (a new owner takes it over); `created` when it was new. */
  saveSubscription(
    owner: string,
    sub: BrowserSubscription,
    prefs: Preferences,
    now: number,
  ): Promise<{ subscription: StoredSubscription; created: boolean }>;
  subscription(id: string): Promise<StoredSubscription | null>;
  subscriptionsOf(owner: string): Promise<StoredSubscription[]>;
  allSubscriptions(): Promise<StoredSubscription[]>;
  /** Deletes a subscription and its deliveries; with `owner`, only when it is that owner's. */
  deleteSubscription(id: string, owner?: string): Promise<boolean>;
  /** Inserts deliveries, ignoring those whose (subscription, key) exists; returns how many were new. */
  enqueue(deliveries: NewDelivery[]): Promise<number>;
  /** Drops pending deliveries of one kind for a subscription (its preferences changed). */
  dropPending(subscriptionId: string, kind: DeliveryKind): Promise<number>;
  /**
   * Claims up to `limit` pending deliveries due at `now` for `node` until `now + leaseMs` (expired ones are
   * marked expired first). Two nodes never hold the same row.
   */
  claimDue(node: string, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  markSent(id: number, node: string, now: number): Promise<void>;
  /** Releases the claim and makes the row due again at `dueAt`, counting the attempt. */
  retryAt(id: number, node: string, dueAt: number, error: string): Promise<void>;
  markFailed(id: number, node: string, error: string): Promise<void>;
  /** The earliest due time of a pending delivery (for the scheduler's next wake-up). */
  nextDueAt(): Promise<number | null>;
  deliveries(subscriptionId?: string): Promise<Delivery[]>;
  counts(): Promise<DeliveryCounts[]>;
  close(): Promise<void>;
}

/** A subscription's id: derived from its endpoint, so the same browser saving again keeps its id. */
export function subscriptionId(endpoint: string): string {
  return createHash('sha256').update(endpoint).digest('hex').slice(0, 32);
}
