// The scheduler end to end against a local push service speaking the Web Push protocol: real web-push
// requests, the VAPID JWT verified and every payload decrypted with the browser's private key. Time is a fake
// clock, so the 2025 Miami weekend (sprint format) runs in well under a second of wall time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../data/db.ts';
import { loadConfig } from '../config.ts';
import { calendarSessions } from './calendar.ts';
import { NotifyService } from './service.ts';
import { startPushService, type LocalPushService } from './testing/push-service.ts';
import { postgresBackend, sqliteBackend, type PushBackend } from './testing/backends.ts';
import { FakeClock, runUntil } from './testing/weekend.ts';
import { preferencesSchema } from './types.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
let db: Db;
let push: LocalPushService;
const MIAMI = { year: 2025, round: 6 };

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

beforeAll(async () => {
  db = openDatabase(config.DATABASE_PATH);
  push = await startPushService();
});
afterAll(async () => {
  db?.close();
  await push?.close();
});

const weekend = () =>
  calendarSessions(db, { fromYear: MIAMI.year, toYear: MIAMI.year }).filter((s) => s.round === MIAMI.round);

async function services(backend: PushBackend, n: number, clock: FakeClock, logger = capture().logger) {
  const out: NotifyService[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      new NotifyService({
        config: { ...config, PUSH_MAX_ATTEMPTS: 6 },
        logger,
        db: () => db,
        clock,
        node: `node-${i + 1}`,
        store: await backend.open(),
      }),
    );
  return out;
}

describe('push scheduler', () => {
  it('sends a weekend of reminders once each, on time, in each fan’s time zone, decrypted by the browser', async () => {
    const sessions = weekend();
    expect(sessions.map((s) => s.kind)).toEqual([
      'FREE_PRACTICE_1',
      'SPRINT_QUALIFYING',
      'SPRINT_RACE',
      'QUALIFYING',
      'RACE',
    ]);
    const start = sessions[0]!.startsAt! - 24 * 3600_000;
    const clock = new FakeClock(start);
    const backend = sqliteBackend();
    const { logger, lines } = capture();
    const [svc] = await services(backend, 1, clock, logger);
    const berlin = push.subscribe();
    const newYork = push.subscribe();
    const before = push.received.length;
    await svc!.store.saveSubscription(
      'anon:berlin',
      berlin.subscription,
      preferencesSchema.parse({
        timeZone: 'Europe/Berlin',
        sessions: ['practice', 'qualifying', 'sprint', 'race'],
      }),
      clock.now(),
    );
    await svc!.store.saveSubscription(
      'anon:ny',
      newYork.subscription,
      preferencesSchema.parse({ timeZone: 'America/New_York', sessions: ['race'], leadMinutes: [60] }),
      clock.now(),
    );
    const wall = performance.now();
    const wakes = await runUntil(clock, [svc!.scheduler], sessions.at(-1)!.startsAt! + 3600_000);
    const ms = performance.now() - wall;
    const got = push.received.slice(before);
    expect(push.rejected).toEqual([]);
    // Berlin: 5 sessions × (30, 5) min; New York: the race, 60 min before.
    expect(got.filter((r) => r.endpointId === berlin.endpointId)).toHaveLength(10);
    expect(got.filter((r) => r.endpointId === newYork.endpointId)).toHaveLength(1);
    const rows = await svc!.store.deliveries();
    expect(rows.filter((d) => !(d.state === 'sent' && d.sentAt === d.dueAt))).toEqual([]);
    const race = sessions.at(-1)!;
    const ny = got.find((r) => r.endpointId === newYork.endpointId)!;
    expect(ny.payload).toMatchObject({
      title: 'Miami Grand Prix: Race in 1 h',
      // 20:00 UTC is 16:00 in New York (EDT).
      body: 'Race starts Sun 4 May, 16:00 (America/New_York) at Miami.',
      url: '/live',
      tag: `reminder-${race.uid}`,
      kind: 'reminder',
    });
    expect(ny.urgency).toBe('high');
    expect(ny.claims.sub).toMatch(/^mailto:|^https:/);
    const fp1 = got.find((r) => r.endpointId === berlin.endpointId)!;
    expect(fp1.payload.title).toBe('Miami Grand Prix: Practice 1 in 30 min');
    expect(fp1.payload.body).toMatch(/\(Europe\/Berlin\)/);
    expect(lines.filter((l) => l.event === 'push.sent')).toHaveLength(11);
    // The closing figure: one reminder's path, scheduled → sent → decrypted.
    const row = rows.find((d) => d.key === `reminder:${race.uid}:60`)!;
    mkdirSync('.cache/test', { recursive: true });
    writeFileSync(
      '.cache/test/notify-reminder-path.txt',
      `reminder path: scheduled ${row.key} due ${new Date(row.dueAt).toISOString()} → sent ${new Date(row.sentAt!).toISOString()} ` +
        `(attempt ${row.attempts}) → decrypted by the browser: ${JSON.stringify(ny.payload)}; ${got.length} reminders, ${wakes} wake-ups, ${ms.toFixed(0)} ms wall`,
    );
    await svc!.close();
    await backend.teardown();
  });

  describe.each([sqliteBackend(), postgresBackend()])('two nodes on one store ($name)', (backend) => {
    it('send each reminder once', async () => {
      const sessions = weekend();
      const clock = new FakeClock(sessions[0]!.startsAt! - 3 * 3600_000);
      const nodes = await services(backend, 2, clock);
      const fans = Array.from({ length: 4 }, () => push.subscribe());
      for (const [i, f] of fans.entries())
        await nodes[i % 2]!.store.saveSubscription(
          `anon:${i}`,
          f.subscription,
          preferencesSchema.parse({ sessions: ['practice', 'qualifying', 'sprint', 'race'] }),
          clock.now(),
        );
      const mine = new Set(fans.map((f) => f.endpointId));
      await runUntil(
        clock,
        nodes.map((n) => n.scheduler),
        sessions.at(-1)!.startsAt!,
      );
      const got = push.received.filter((r) => mine.has(r.endpointId));
      const keys = got.map((r) => `${r.endpointId}|${r.payload.tag}|${r.payload.title}`);
      expect(keys.length).toBe(4 * 5 * 2);
      expect(new Set(keys).size).toBe(keys.length);
      for (const n of nodes) await n.close();
      await backend.teardown();
    }, 30_000);
  });

  it('prunes a subscription the push service answers 410 for', async () => {
    const race = weekend().at(-1)!;
    const clock = new FakeClock(race.startsAt! - 2 * 3600_000);
    const backend = sqliteBackend();
    const { logger, lines } = capture();
    const [svc] = await services(backend, 1, clock, logger);
    const gone = push.subscribe();
    push.script(gone.endpointId, [410]);
    const { subscription } = await svc!.store.saveSubscription(
      'anon:gone',
      gone.subscription,
      preferencesSchema.parse({}),
      clock.now(),
    );
    await runUntil(clock, [svc!.scheduler], race.startsAt!);
    expect(await svc!.store.subscription(subscription.id)).toBeNull();
    expect(await svc!.store.deliveries(subscription.id)).toEqual([]);
    expect(push.requests.filter((r) => r.endpointId === gone.endpointId)).toEqual([
      { endpointId: gone.endpointId, answer: 410 },
    ]);
    expect(lines.find((l) => l.event === 'push.pruned')).toMatchObject({ status: 410 });
    await svc!.close();
    await backend.teardown();
  });

  it('gives up at once on a request the push service refuses (400), without retrying', async () => {
    const race = weekend().at(-1)!;
    const clock = new FakeClock(race.startsAt! - 2 * 3600_000);
    const backend = sqliteBackend();
    const { logger, lines } = capture();
    const [svc] = await services(backend, 1, clock, logger);
    const fan = push.subscribe();
    push.script(fan.endpointId, [400]);
    const { subscription } = await svc!.store.saveSubscription(
      'anon:refused',
      fan.subscription,
      preferencesSchema.parse({ sessions: ['race'], leadMinutes: [30] }),
      clock.now(),
    );
    await runUntil(clock, [svc!.scheduler], race.startsAt!);
    expect(push.requests.filter((r) => r.endpointId === fan.endpointId)).toHaveLength(1);
    const [row] = await svc!.store.deliveries(subscription.id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1, lastError: 'push service answered 400' });
    expect(await svc!.store.subscription(subscription.id)).not.toBeNull();
    expect(lines.find((l) => l.event === 'push.rejected')).toMatchObject({ status: 400 });
    await svc!.close();
    await backend.teardown();
  });

  it('retries a push service that is down with backoff, and delivers once', async () => {
    const race = weekend().at(-1)!;
    const clock = new FakeClock(race.startsAt! - 2 * 3600_000);
    const backend = sqliteBackend();
    const { logger, lines } = capture();
    const [svc] = await services(backend, 1, clock, logger);
    const fan = push.subscribe();
    // Connection dropped twice, then 503 with no Retry-After, then 429 with Retry-After: 1, then accepted.
    push.script(fan.endpointId, ['drop', 'drop', 503, 429]);
    const { subscription } = await svc!.store.saveSubscription(
      'anon:retry',
      fan.subscription,
      preferencesSchema.parse({ leadMinutes: [30] }),
      clock.now(),
    );
    await runUntil(clock, [svc!.scheduler], race.startsAt!);
    const got = push.received.filter((r) => r.endpointId === fan.endpointId);
    expect(got).toHaveLength(1);
    expect(push.requests.filter((r) => r.endpointId === fan.endpointId).map((r) => r.answer)).toEqual([
      'drop',
      'drop',
      503,
      429,
      201,
    ]);
    const [row] = await svc!.store.deliveries(subscription.id);
    const due = race.startsAt! - 30 * 60_000;
    // Backoff 5 s, 10 s, 20 s, then max(40 s, Retry-After 1 s): sent 75 s after it was due.
    expect(row).toMatchObject({ state: 'sent', attempts: 5, sentAt: due + 75_000 });
    expect(lines.filter((l) => l.event === 'push.retry').map((l) => l.inMs)).toEqual([
      5000, 10000, 20000, 40000,
    ]);
    await svc!.close();
    await backend.teardown();
  });
});
