// Replays one race weekend through the whole notification path, in seconds: fans with different preferences
// subscribe on a local Web Push service (testing/push-service.ts: VAPID checked, payloads decrypted), two
// scheduler nodes share one store, a fake clock walks from the day before the first session to the end of the
// race, and every session with a recording is replayed through the live ingest (reducer → event detector) at
// its scheduled time, so its alerts fire as they would have. Prints what was scheduled, sent and received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../data/db.ts';
import { Ingest } from '../live/ingest.ts';
import type { RecordingCatalog } from '../live/recordings/catalog.ts';
import type { LiveSource } from '../live/sources/source.ts';
import type { SessionKind as LiveKind } from '../live/types.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { SqliteDatabase } from '../store/sql.ts';
import { ChannelAlerts } from './alerts.ts';
import { calendarSessions, type CalendarSession } from './calendar.ts';
import { NotifyService, type NotifyConfig } from './service.ts';
import { SqlPushStore } from './sql-store.ts';
import { startPushService } from './testing/push-service.ts';
import { FakeClock, runUntil } from './testing/weekend.ts';
import { preferencesSchema, type Preferences } from './types.ts';

const LIVE_KIND: Partial<Record<CalendarSession['kind'], LiveKind>> = {
  RACE: 'R',
  QUALIFYING: 'Q',
  SPRINT_RACE: 'S',
  SPRINT_QUALIFYING: 'SQ',
};

/** The simulated fans: every option a real one can pick, at least once. */
export const SIMULATED_FANS: { name: string; prefs: Partial<Preferences> }[] = [
  {
    name: 'everything, Berlin',
    prefs: {
      timeZone: 'Europe/Berlin',
      sessions: ['practice', 'qualifying', 'sprint', 'race'],
      alerts: ['session_start', 'red_flag', 'safety_car', 'result'],
    },
  },
  {
    name: 'race only, 60 min, New York',
    prefs: { timeZone: 'America/New_York', sessions: ['race'], leadMinutes: [60], alerts: ['result'] },
  },
  { name: 'defaults (quali, sprint, race; 30 + 5 min)', prefs: {} },
  {
    name: 'Verstappen fan, 2 min spoiler delay, Tokyo',
    prefs: {
      timeZone: 'Asia/Tokyo',
      favourite: { kind: 'driver', id: 'max-verstappen', name: 'Max Verstappen', code: 'VER' },
      alerts: ['favourite_pit_stop', 'favourite_retirement', 'favourite_finish', 'safety_car'],
      spoilerDelaySeconds: 120,
    },
  },
  {
    name: 'Ferrari fan, Rome',
    prefs: {
      timeZone: 'Europe/Rome',
      sessions: ['qualifying', 'race'],
      favourite: { kind: 'team', id: 'ferrari', name: 'Ferrari' },
      alerts: ['favourite_pit_stop', 'favourite_retirement', 'favourite_finish', 'red_flag'],
    },
  },
  {
    name: 'reminders only, 15 min, Sydney',
    prefs: { timeZone: 'Australia/Sydney', leadMinutes: [15], alerts: [] },
  },
];

export interface SimulationReport {
  season: number;
  round: number;
  grandPrix: string;
  fans: number;
  nodes: number;
  sessions: { name: string; startsAt: string; replayed: string | null }[];
  reminders: { scheduled: number; sent: number; received: number; duplicates: number; onTime: number };
  alerts: {
    detected: Record<string, number>;
    queued: number;
    sent: number;
    /** Alerts that were not delivered, with why (expired: past their time to live). */
    notSent: string[];
    received: number;
    duplicates: number;
    byKind: Record<string, number>;
    /** The shortest wait between an alert's moment and its sending, per fan (the spoiler delay). */
    delayMsByFan: Record<string, number>;
  };
  rejectedByPushService: number;
  wallMs: number;
}

export async function simulateWeekend(opts: {
  db: Db;
  catalog: RecordingCatalog;
  config: NotifyConfig;
  season: number;
  round: number;
  nodes?: number;
  logger?: Logger;
}): Promise<SimulationReport> {
  const wall = performance.now();
  const sessions = calendarSessions(opts.db, { fromYear: opts.season, toYear: opts.season }).filter(
    (s) => s.round === opts.round && s.startsAt !== null,
  );
  if (sessions.length === 0)
    throw new Error(`No timed sessions for ${opts.season} round ${opts.round} in the database`);
  const dir = mkdtempSync(join(tmpdir(), 'notify-sim-'));
  const push = await startPushService();
  const clock = new FakeClock(sessions[0]!.startsAt! - 24 * 3600_000);
  const logger = opts.logger ?? silentLogger;
  const nodes = Array.from(
    { length: opts.nodes ?? 2 },
    (_, i) =>
      new NotifyService({
        config: opts.config,
        logger,
        db: () => opts.db,
        clock,
        node: `sim-${i + 1}`,
        store: new SqlPushStore(new SqliteDatabase(join(dir, 'push.db'))),
      }),
  );
  const store = nodes[0]!.store;
  const schedulers = nodes.map((n) => n.scheduler);
  try {
    const fanOf = new Map<string, string>();
    for (const [i, fan] of SIMULATED_FANS.entries()) {
      const { subscription } = await nodes[i % nodes.length]!.store.saveSubscription(
        `sim:${i}`,
        push.subscribe().subscription,
        preferencesSchema.parse(fan.prefs),
        clock.now(),
      );
      fanOf.set(subscription.id, fan.name);
    }
    const detected: Record<string, number> = {};
    const replayed: SimulationReport['sessions'] = [];
    for (const s of sessions) {
      await runUntil(clock, schedulers, s.startsAt!);
      const kind = LIVE_KIND[s.kind];
      const meta = kind ? await opts.catalog.resolve(s.year, s.round, kind).catch(() => null) : null;
      replayed.push({
        name: s.name,
        startsAt: new Date(s.startsAt!).toISOString(),
        replayed: meta ? `${meta.source}:${meta.id}` : null,
      });
      if (!meta) continue;
      const rec = await opts.catalog.load(meta.id);
      const alerts = new ChannelAlerts(
        { id: meta.id, name: `${s.grandPrix} ${s.name}`, year: s.year, round: s.round },
        store,
        clock,
        () => undefined,
      );
      const ingest = new Ingest({} as LiveSource, (m) => alerts.observe(m));
      ingest.reset(ingest.state);
      let queued = 0;
      let nextDue = await store.nextDueAt();
      for (const u of rec.updates) {
        const t = Math.max(clock.t, s.startsAt! + u.timeMs);
        // Deliveries that fall due while the session runs (spoiler delays, retries) go out on time.
        if (nextDue !== null && nextDue <= t) {
          await runUntil(clock, schedulers, t);
          nextDue = await store.nextDueAt();
        }
        clock.t = t;
        ingest.update(u);
        ingest.flush();
        const n = [...alerts.counts.values()].reduce((a, b) => a + b, 0);
        if (n !== queued) {
          queued = n;
          await alerts.settled();
          await Promise.all(schedulers.map((x) => x.tick()));
          nextDue = await store.nextDueAt();
        }
      }
      await alerts.settled();
      for (const [k, v] of alerts.counts) detected[k] = (detected[k] ?? 0) + v;
    }
    // Spoiler-delayed alerts and whatever is left.
    await runUntil(clock, schedulers, clock.t + 3600_000);
    const rows = await store.deliveries();
    const byKey = (kind: string) => push.received.filter((r) => r.payload.kind === kind);
    const dupes = (kind: string) => {
      const got = byKey(kind).map(
        (r) => `${r.endpointId}|${r.payload.tag}|${r.payload.title}|${r.payload.body}`,
      );
      return got.length - new Set(got).size;
    };
    const reminders = rows.filter((d) => d.kind === 'reminder');
    const alertRows = rows.filter((d) => d.kind === 'alert');
    const byKind: Record<string, number> = {};
    const delayMsByFan: Record<string, number> = {};
    for (const d of alertRows)
      if (d.sentAt !== null) {
        const fan = fanOf.get(d.subscriptionId)!;
        delayMsByFan[fan] = Math.min(delayMsByFan[fan] ?? Infinity, d.sentAt - d.payload.at);
      }
    for (const r of byKey('alert')) byKind[String(r.payload.ref)] = (byKind[String(r.payload.ref)] ?? 0) + 1;
    return {
      season: opts.season,
      round: opts.round,
      grandPrix: sessions[0]!.grandPrix,
      fans: SIMULATED_FANS.length,
      nodes: nodes.length,
      sessions: replayed,
      reminders: {
        scheduled: reminders.length,
        sent: reminders.filter((d) => d.state === 'sent').length,
        received: byKey('reminder').length,
        duplicates: dupes('reminder'),
        onTime: reminders.filter((d) => d.sentAt === d.dueAt).length,
      },
      alerts: {
        detected,
        queued: alertRows.length,
        sent: alertRows.filter((d) => d.state === 'sent').length,
        notSent: alertRows
          .filter((d) => d.state !== 'sent')
          .map((d) => `${d.state}: ${d.payload.title} (${d.lastError ?? 'no error'})`),
        received: byKey('alert').length,
        duplicates: dupes('alert'),
        byKind,
        delayMsByFan,
      },
      rejectedByPushService: push.rejected.length,
      wallMs: Math.round(performance.now() - wall),
    };
  } finally {
    for (const n of nodes) await n.close();
    await push.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSimulation(r: SimulationReport): string {
  const lines = [
    `${r.season} round ${r.round}, ${r.grandPrix}: ${r.fans} fans, ${r.nodes} scheduler nodes on one store, ${r.wallMs} ms`,
    ...r.sessions.map(
      (s) =>
        `  ${s.name.padEnd(18)} ${s.startsAt}  ${s.replayed ? `replayed ${s.replayed}` : 'no recording'}`,
    ),
    `reminders: scheduled ${r.reminders.scheduled}, sent ${r.reminders.sent} (${r.reminders.onTime} on the minute), received and decrypted ${r.reminders.received}, duplicates ${r.reminders.duplicates}`,
    `alerts detected: ${
      Object.entries(r.alerts.detected)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `alert notifications: queued ${r.alerts.queued}, sent ${r.alerts.sent}, received and decrypted ${r.alerts.received}, duplicates ${r.alerts.duplicates}`,
    `  per kind: ${
      Object.entries(r.alerts.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `  shortest wait per fan: ${Object.entries(r.alerts.delayMsByFan)
      .map(([k, v]) => `${k} ${v / 1000} s`)
      .join('; ')}`,
    ...r.alerts.notSent.map((n) => `  not sent: ${n}`),
    `push service rejected: ${r.rejectedByPushService}`,
  ];
  return lines.join('\n');
}
