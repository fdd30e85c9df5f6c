// The push scheduler: on every tick it inserts the reminders owed soon (from the calendar and each
// subscription's preferences; idempotent), claims the deliveries that are due (a lease in the store, so two
// nodes never send one row) and sends them: sent → marked; 404/410 → the subscription is pruned; transient
// failures → retried with exponential backoff until the delivery expires or MAX attempts; other 4xx → failed.
// Time comes from an injectable clock, so a test can run a whole weekend in a second.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { CalendarSource } from './calendar.ts';
import { remindersFor } from './reminders.ts';
import type { PushSender, Urgency } from './sender.ts';
import type { PushStore } from './store.ts';
import type { ClaimedDelivery } from './types.ts';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

export interface SchedulerOptions {
  store: PushStore;
  sender: PushSender;
  calendar: Pick<CalendarSource, 'between'>;
  logger: Logger;
  clock?: Clock;
  node?: string;
  /** How far ahead reminders are inserted (their rows exist before they are due). */
  horizonMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry after this; doubles each attempt, capped at `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  batch?: number;
}

export interface TickResult {
  inserted: number;
  sent: number;
  retried: number;
  pruned: number;
  failed: number;
}

const URGENCY: Record<ClaimedDelivery['kind'], Urgency> = { reminder: 'high', alert: 'high', test: 'normal' };

export class PushScheduler {
  readonly node: string;
  private readonly clock: Clock;
  private readonly o: Required<Omit<SchedulerOptions, 'clock' | 'node'>>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<TickResult>;
  private again = false;

  constructor(opts: SchedulerOptions) {
    this.node = opts.node ?? `node-${randomUUID().slice(0, 8)}`;
    this.clock = opts.clock ?? systemClock;
    this.o = {
      horizonMs: 15 * 60_000,
      leaseMs: 60_000,
      maxAttempts: 6,
      backoffMs: 5_000,
      maxBackoffMs: 10 * 60_000,
      batch: 200,
      ...opts,
    };
  }

  /** Ticks every `intervalMs` of wall time (serve). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref?.();
  }

  stop(): Promise<unknown> {
    clearInterval(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** One pass; concurrent calls on one node share it (and a call during a pass runs one more after). */
  tick(): Promise<TickResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((err) => {
        this.o.logger.warn({ event: 'push.tick.failed', node: this.node, err }, 'push scheduler pass failed');
        return { inserted: 0, sent: 0, retried: 0, pruned: 0, failed: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.tick();
        }
      });
    return this.running;
  }

  /** When something is next due: the earliest pending delivery or reminder still to insert (for simulations). */
  async nextWakeAt(until: number): Promise<number | null> {
    const now = this.clock.now();
    const due = await this.o.store.nextDueAt();
    const subs = await this.o.store.allSubscriptions();
    let next = due;
    if (subs.length > 0) {
      const maxLead = Math.max(...subs.flatMap((s) => s.prefs.leadMinutes), 0) * 60_000;
      for (const s of this.o.calendar.between(now, until + maxLead + 1)) {
        for (const sub of subs)
          for (const m of sub.prefs.leadMinutes) {
            // The tick that inserts a reminder is `horizon` before it is due.
            const t = s.startsAt! - m * 60_000 - this.o.horizonMs;
            if (t > now && (next === null || t < next)) next = t;
          }
      }
    }
    return next !== null && next <= until ? Math.max(next, now) : null;
  }

  private async pass(): Promise<TickResult> {
    const r: TickResult = { inserted: 0, sent: 0, retried: 0, pruned: 0, failed: 0 };
    const now = this.clock.now();
    const { store, logger } = this.o;
    const subs = await store.allSubscriptions();
    if (subs.length > 0) {
      const maxLead = Math.max(...subs.flatMap((s) => s.prefs.leadMinutes), 0) * 60_000;
      const sessions = this.o.calendar.between(now, now + maxLead + this.o.horizonMs + 1);
      const owed = subs.flatMap((sub) => remindersFor(sub, sessions, now, this.o.horizonMs));
      r.inserted = await store.enqueue(owed);
      if (r.inserted > 0)
        logger.info(
          { event: 'push.reminder.scheduled', node: this.node, count: r.inserted },
          'reminders scheduled',
        );
    }
    for (;;) {
      const claimed = await store.claimDue(this.node, this.clock.now(), this.o.leaseMs, this.o.batch);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((d) => this.deliver(d, r)));
      if (claimed.length < this.o.batch) break;
    }
    return r;
  }

  private async deliver(d: ClaimedDelivery, r: TickResult): Promise<void> {
    const { store, logger } = this.o;
    const now = this.clock.now();
    const ttlSeconds = Math.max(60, Math.round((d.expiresAt - now) / 1000));
    const out = await this.o.sender.send(d.subscription, d.payload, { ttlSeconds, urgency: URGENCY[d.kind] });
    const base = {
      node: this.node,
      delivery: d.id,
      key: d.key,
      subscription: d.subscriptionId,
      kind: d.kind,
    };
    switch (out.kind) {
      case 'sent':
        await store.markSent(d.id, this.node, this.clock.now());
        r.sent++;
        logger.info(
          { event: 'push.sent', ...base, attempts: d.attempts + 1, lateMs: now - d.dueAt },
          'push sent',
        );
        return;
      case 'gone':
        await store.deleteSubscription(d.subscriptionId);
        r.pruned++;
        logger.info({ event: 'push.pruned', ...base, status: out.status }, 'subscription gone: pruned');
        return;
      case 'rejected':
        await store.markFailed(d.id, this.node, out.error);
        r.failed++;
        logger.warn({ event: 'push.rejected', ...base, status: out.status }, out.error);
        return;
      case 'transient': {
        const attempts = d.attempts + 1;
        const wait = Math.max(
          out.retryAfterMs ?? 0,
          Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempts - 1)),
        );
        if (attempts >= this.o.maxAttempts || now + wait >= d.expiresAt) {
          await store.markFailed(d.id, this.node, out.error);
          r.failed++;
          logger.warn(
            { event: 'push.gave_up', ...base, attempts, error: out.error },
            'push failed: giving up',
          );
        } else {
          await store.retryAt(d.id, this.node, now + wait, out.error);
          r.retried++;
          logger.warn(
            { event: 'push.retry', ...base, attempts, inMs: wait, error: out.error },
            'push failed: retrying',
          );
        }
      }
    }
  }
}
