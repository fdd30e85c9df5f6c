// PushStore on the run-time store's SQL handle: SQLite (WAL, busy timeout: several processes can share the
// file; a claim is one UPDATE … RETURNING under SQLite's single writer) or PostgreSQL (the claim's inner
// SELECT takes FOR UPDATE SKIP LOCKED, so nodes claiming at once take different rows and never wait).
import { migrate, script, type Migration } from '../store/migrate.ts';
import type { Param, SqlDatabase } from '../store/sql.ts';
import { subscriptionId, type DeliveryCounts, type PushStore } from './store.ts';
import type {
  BrowserSubscription,
  ClaimedDelivery,
  Delivery,
  DeliveryKind,
  NewDelivery,
  Preferences,
  StoredSubscription,
} from './types.ts';
import { preferencesSchema } from './types.ts';

const SCHEMA = (int: string) => `
CREATE TABLE IF NOT EXISTS push_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS push_subscription (
  id TEXT PRIMARY KEY, owner TEXT NOT NULL, endpoint TEXT NOT NULL UNIQUE, p256dh TEXT NOT NULL,
  auth TEXT NOT NULL, prefs TEXT NOT NULL, created_at ${int} NOT NULL, updated_at ${int} NOT NULL
);
CREATE INDEX IF NOT EXISTS push_subscription_owner ON push_subscription(owner);
CREATE TABLE IF NOT EXISTS push_delivery (
  id ${int === 'BIGINT' ? 'BIGSERIAL' : 'INTEGER'} PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES push_subscription(id) ON DELETE CASCADE,
  key TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL,
  due_at ${int} NOT NULL, expires_at ${int} NOT NULL, state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0, claimed_by TEXT, claimed_until ${int}, sent_at ${int}, last_error TEXT,
  UNIQUE (subscription_id, key)
);
CREATE INDEX IF NOT EXISTS push_delivery_due ON push_delivery(state, due_at)
`;

export const PUSH_MIGRATIONS: Migration[] = [script('push-001', SCHEMA('INTEGER'), SCHEMA('BIGINT'))];

type SubRow = {
  id: string;
  owner: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  prefs: string;
  created_at: number | string;
  updated_at: number | string;
};
type DeliveryRow = {
  id: number | string;
  subscription_id: string;
  key: string;
  kind: DeliveryKind;
  payload: string;
  due_at: number | string;
  expires_at: number | string;
  state: Delivery['state'];
  attempts: number;
  sent_at: number | string | null;
  last_error: string | null;
};

function subscriptionOf(r: SubRow): StoredSubscription {
  return {
    id: r.id,
    owner: r.owner,
    endpoint: r.endpoint,
    p256dh: r.p256dh,
    auth: r.auth,
    // Parsed again, so defaults added later apply to old rows.
    prefs: preferencesSchema.parse(JSON.parse(r.prefs)),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function deliveryOf(r: DeliveryRow): Delivery {
  return {
    id: Number(r.id),
    subscriptionId: r.subscription_id,
    key: r.key,
    kind: r.kind,
    payload: JSON.parse(r.payload),
    dueAt: Number(r.due_at),
    expiresAt: Number(r.expires_at),
    state: r.state,
    attempts: Number(r.attempts),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    lastError: r.last_error,
  };
}

export class SqlPushStore implements PushStore {
  readonly backend: 'sqlite' | 'postgres';
  private opened?: Promise<unknown>;

  constructor(
    private readonly db: SqlDatabase,
    /** Close the handle with the store (not when it is the shared run-time store's). */
    private readonly ownsDb = true,
  ) {
    this.backend = db.dialect;
  }

  open(): Promise<void> {
    this.opened ??= migrate(this.db, PUSH_MIGRATIONS).catch((err) => {
      this.opened = undefined;
      throw err;
    });
    return this.opened.then(() => undefined);
  }

  private async all<T>(sql: string, params: Param[] = []) {
    await this.open();
    return this.db.all<T>(sql, params);
  }
  private async get<T>(sql: string, params: Param[] = []) {
    await this.open();
    return this.db.get<T>(sql, params);
  }
  private async run(sql: string, params: Param[] = []) {
    await this.open();
    return this.db.run(sql, params);
  }

  async metaOrInsert(key: string, value: string): Promise<string> {
    await this.run('INSERT INTO push_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING', [key, value]);
    return (await this.get<{ value: string }>('SELECT value FROM push_meta WHERE key = ?', [key]))!.value;
  }

  async saveSubscription(owner: string, sub: BrowserSubscription, prefs: Preferences, now: number) {
    const id = subscriptionId(sub.endpoint);
    const existed =
      (await this.get('SELECT 1 AS one FROM push_subscription WHERE id = ?', [id])) !== undefined;
    const row = await this.get<SubRow>(
      `INSERT INTO push_subscription (id, owner, endpoint, p256dh, auth, prefs, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, p256dh = excluded.p256dh, auth = excluded.auth,
         prefs = excluded.prefs, updated_at = excluded.updated_at
       RETURNING *`,
      [id, owner, sub.endpoint, sub.keys.p256dh, sub.keys.auth, JSON.stringify(prefs), now, now],
    );
    return { subscription: subscriptionOf(row!), created: !existed };
  }

  async subscription(id: string) {
    const r = await this.get<SubRow>('SELECT * FROM push_subscription WHERE id = ?', [id]);
    return r ? subscriptionOf(r) : null;
  }

  async subscriptionsOf(owner: string) {
    const rows = await this.all<SubRow>(
      'SELECT * FROM push_subscription WHERE owner = ? ORDER BY created_at',
      [owner],
    );
    return rows.map(subscriptionOf);
  }

  async allSubscriptions() {
    return (await this.all<SubRow>('SELECT * FROM push_subscription ORDER BY id')).map(subscriptionOf);
  }

  async deleteSubscription(id: string, owner?: string) {
    const r =
      owner === undefined
        ? await this.run('DELETE FROM push_subscription WHERE id = ?', [id])
        : await this.run('DELETE FROM push_subscription WHERE id = ? AND owner = ?', [id, owner]);
    return r.changes > 0;
  }

  async enqueue(deliveries: NewDelivery[]) {
    if (deliveries.length === 0) return 0;
    await this.open();
    return this.db.transaction(async (tx) => {
      let n = 0;
      const live = new Set<string>();
      for (const d of deliveries) {
        if (!live.has(d.subscriptionId)) {
          // A subscription deleted meanwhile (pruned by another node) gets nothing.
          if (!(await tx.get('SELECT 1 AS one FROM push_subscription WHERE id = ?', [d.subscriptionId])))
            continue;
          live.add(d.subscriptionId);
        }
        n += (
          await tx.run(
            `INSERT INTO push_delivery (subscription_id, key, kind, payload, due_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, key) DO NOTHING`,
            [d.subscriptionId, d.key, d.kind, JSON.stringify(d.payload), d.dueAt, d.expiresAt],
          )
        ).changes;
      }
      return n;
    });
  }

  async dropPending(subscriptionId: string, kind: DeliveryKind) {
    return (
      await this.run(
        "DELETE FROM push_delivery WHERE subscription_id = ? AND kind = ? AND state = 'pending'",
        [subscriptionId, kind],
      )
    ).changes;
  }

  async claimDue(node: string, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    await this.open();
    const lock = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    return this.db.transaction(async (tx) => {
      await tx.run(
        `UPDATE push_delivery SET state = 'expired', claimed_by = NULL, claimed_until = NULL
         WHERE state = 'pending' AND expires_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)`,
        [now, now],
      );
      const rows = await tx.all<DeliveryRow>(
        `UPDATE push_delivery SET claimed_by = ?, claimed_until = ?
         WHERE id IN (SELECT id FROM push_delivery WHERE state = 'pending' AND due_at <= ?
                        AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at, id LIMIT ? ${lock})
         RETURNING *`,
        [node, now + leaseMs, now, now, limit],
      );
      const out: ClaimedDelivery[] = [];
      for (const r of rows.sort(
        (a, b) => Number(a.due_at) - Number(b.due_at) || Number(a.id) - Number(b.id),
      )) {
        const subscription = await tx.get<ClaimedDelivery['subscription']>(
          'SELECT id, endpoint, p256dh, auth FROM push_subscription WHERE id = ?',
          [r.subscription_id],
        );
        if (subscription) out.push({ ...deliveryOf(r), subscription });
      }
      return out;
    });
  }

  async markSent(id: number, node: string, now: number) {
    await this.run(
      `UPDATE push_delivery SET state = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until = NULL,
         last_error = NULL WHERE id = ? AND claimed_by = ?`,
      [now, id, node],
    );
  }

  async retryAt(id: number, node: string, dueAt: number, error: string) {
    await this.run(
      `UPDATE push_delivery SET due_at = ?, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL,
         last_error = ? WHERE id = ? AND claimed_by = ?`,
      [dueAt, error.slice(0, 500), id, node],
    );
  }

  async markFailed(id: number, node: string, error: string) {
    await this.run(
      `UPDATE push_delivery SET state = 'failed', attempts = attempts + 1, claimed_until = NULL,
         last_error = ? WHERE id = ? AND claimed_by = ?`,
      [error.slice(0, 500), id, node],
    );
  }

  async nextDueAt() {
    const r = await this.get<{ t: number | string | null }>(
      "SELECT MIN(due_at) AS t FROM push_delivery WHERE state = 'pending'",
    );
    return r?.t == null ? null : Number(r.t);
  }

  async deliveries(subscriptionId?: string) {
    const rows =
      subscriptionId === undefined
        ? await this.all<DeliveryRow>('SELECT * FROM push_delivery ORDER BY due_at, id')
        : await this.all<DeliveryRow>(
            'SELECT * FROM push_delivery WHERE subscription_id = ? ORDER BY due_at, id',
            [subscriptionId],
          );
    return rows.map(deliveryOf);
  }

  async counts(): Promise<DeliveryCounts[]> {
    const rows = await this.all<{ kind: DeliveryKind; state: Delivery['state']; count: number | string }>(
      'SELECT kind, state, COUNT(*) AS count FROM push_delivery GROUP BY kind, state ORDER BY kind, state',
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  async close() {
    if (this.ownsDb) await this.db.close();
  }
}
