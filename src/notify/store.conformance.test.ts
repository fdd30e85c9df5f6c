// One contract, both backends: the push store on a SQLite file and on PostgreSQL (a schema of its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBackend, sqliteBackend, type PushBackend } from './testing/backends.ts';
import type { PushStore } from './store.ts';
import { preferencesSchema, type BrowserSubscription, type NewDelivery } from './types.ts';

const prefs = preferencesSchema.parse({});
const browser = (n: number): BrowserSubscription => ({
  endpoint: `https://push.example/send/${n}`,
  keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
});
const delivery = (
  subscriptionId: string,
  key: string,
  dueAt: number,
  expiresAt = dueAt + 600_000,
): NewDelivery => ({
  subscriptionId,
  key,
  kind: 'reminder',
  payload: { title: key, body: '', url: '/', tag: key, kind: 'reminder', at: 0 },
  dueAt,
  expiresAt,
});

describe.each([sqliteBackend(), postgresBackend()])(
  'PushStore conformance: $name',
  (backend: PushBackend) => {
    let a: PushStore;
    let b: PushStore;
    beforeAll(async () => {
      a = await backend.open();
      b = await backend.open();
    }, 30_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await backend.teardown();
    });

    it('keeps the first stored meta value (VAPID keys made once across nodes)', async () => {
      expect(await a.metaOrInsert('vapid', 'first')).toBe('first');
      expect(await b.metaOrInsert('vapid', 'second')).toBe('first');
    });

    it('saves a subscription by endpoint, updates it in place, lists it by owner, deletes it for its owner only', async () => {
      const s1 = await a.saveSubscription('anon:1', browser(1), prefs, 1000);
      expect(s1.created).toBe(true);
      const again = await b.saveSubscription('anon:1', browser(1), { ...prefs, leadMinutes: [10] }, 2000);
      expect(again.created).toBe(false);
      expect(again.subscription.id).toBe(s1.subscription.id);
      expect(again.subscription.prefs.leadMinutes).toEqual([10]);
      expect(again.subscription.createdAt).toBe(1000);
      expect(again.subscription.updatedAt).toBe(2000);
      expect((await a.subscriptionsOf('anon:1')).map((s) => s.id)).toEqual([s1.subscription.id]);
      expect(await a.subscriptionsOf('anon:2')).toEqual([]);
      expect(await a.deleteSubscription(s1.subscription.id, 'anon:2')).toBe(false);
      expect(await a.deleteSubscription(s1.subscription.id, 'anon:1')).toBe(true);
      expect(await a.subscription(s1.subscription.id)).toBeNull();
    });

    it('inserts a delivery once per (subscription, key), nothing for a deleted subscription', async () => {
      const { subscription } = await a.saveSubscription('anon:3', browser(3), prefs, 0);
      expect(
        await a.enqueue([delivery(subscription.id, 'k1', 100), delivery(subscription.id, 'k1', 100)]),
      ).toBe(1);
      expect(
        await b.enqueue([delivery(subscription.id, 'k1', 100), delivery(subscription.id, 'k2', 200)]),
      ).toBe(1);
      expect(await a.enqueue([delivery('f'.repeat(32), 'k1', 100)])).toBe(0);
      expect(await a.nextDueAt()).toBe(100);
      expect((await a.deliveries(subscription.id)).map((d) => d.key)).toEqual(['k1', 'k2']);
      expect(await a.dropPending(subscription.id, 'reminder')).toBe(2);
      await a.deleteSubscription(subscription.id);
    });

    it('claims each due row for one node only; a lease that ran out is claimed again; expired rows are not sent', async () => {
      const { subscription } = await a.saveSubscription('anon:4', browser(4), prefs, 0);
      const rows = Array.from({ length: 40 }, (_, i) => delivery(subscription.id, `r${i}`, 1000 + i));
      rows.push(delivery(subscription.id, 'late', 500, 900));
      await a.enqueue(rows);
      const [x, y] = await Promise.all([
        a.claimDue('A', 2000, 60_000, 25),
        b.claimDue('B', 2000, 60_000, 25),
      ]);
      const ids = [...x, ...y].map((d) => d.id);
      expect(new Set(ids).size).toBe(40);
      expect(ids.length).toBe(40);
      expect(x[0]!.subscription.endpoint).toBe(browser(4).endpoint);
      expect(await a.claimDue('A', 2000, 60_000, 100)).toEqual([]);
      const first = x[0]!;
      await a.markSent(first.id, 'A', 2500);
      // Node B cannot mark a row it does not hold.
      await b.markFailed(first.id, 'B', 'not mine');
      const second = x[1]!;
      await a.retryAt(second.id, 'A', 3000, 'push service answered 503');
      // Node A dies holding the rest: after the lease, B takes them.
      const again = await b.claimDue('B', 2000 + 60_001, 60_000, 100);
      expect(again.map((d) => d.id)).toContain(second.id);
      expect(again.map((d) => d.id)).not.toContain(first.id);
      const all = await a.deliveries(subscription.id);
      expect(all.find((d) => d.id === first.id)).toMatchObject({ state: 'sent', sentAt: 2500, attempts: 1 });
      expect(all.find((d) => d.key === 'late')!.state).toBe('expired');
      expect(all.find((d) => d.id === second.id)).toMatchObject({
        attempts: 1,
        lastError: 'push service answered 503',
      });
      const counts = await a.counts();
      expect(counts.find((c) => c.state === 'sent')).toEqual({ kind: 'reminder', state: 'sent', count: 1 });
      // Deleting the subscription deletes its deliveries.
      await a.deleteSubscription(subscription.id);
      expect(await a.deliveries(subscription.id)).toEqual([]);
    });
  },
);
