// Race alerts: the detector on hand-made hub messages (what each kind needs, favourites, no alert for what a
// snapshot already shows), then one real weekend replayed through the live ingest by the simulation, with the
// spoiler delay and the favourite filter checked on what the push service decrypted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openDatabase, type Db } from '../data/db.ts';
import { initialState } from '../live/reducer.ts';
import { RecordingCatalog } from '../live/recordings/catalog.ts';
import { entrantsFromDb } from '../live/recordings/entrants.ts';
import type { DriverState, SessionState } from '../live/types.ts';
import { AlertDetector, isFavourite, wants } from './alerts.ts';
import { simulateWeekend } from './simulate.ts';
import { silentLogger } from '../logger.ts';
import { LocalBus, RedisBus } from '../live/bus.ts';
import { Hub } from '../live/hub.ts';
import { ReplaySource } from '../live/sources/replay.ts';
import { SqliteDatabase } from '../store/sql.ts';
import { NotifyService } from './service.ts';
import { SqlPushStore } from './sql-store.ts';
import { startPushService } from './testing/push-service.ts';
import { preferencesSchema, type StoredSubscription } from './types.ts';

const driver = (number: string, tla: string, team: string, position: number): DriverState => ({
  ...(initialState().drivers[number] ?? {}),
  number,
  tla,
  name: tla,
  team,
  teamColour: '',
  position,
  gapToLeader: null,
  interval: null,
  laps: 0,
  lastLapMs: null,
  bestLapMs: null,
  lastLapPersonalBest: false,
  lastLapOverallBest: false,
  sectors: [],
  tyre: null,
  stints: [],
  pitStops: 0,
  inPit: false,
  pitOut: false,
  retired: false,
  knockedOut: false,
  stopped: false,
});

function state(status: string): SessionState {
  return {
    ...initialState(),
    status,
    session: { id: 's1', name: 'Race', type: 'Race', live: true },
    order: ['1', '16', '4'],
    drivers: {
      '1': driver('1', 'VER', 'Red Bull Racing', 1),
      '16': driver('16', 'LEC', 'Ferrari', 2),
      '4': driver('4', 'NOR', 'McLaren', 3),
    },
    lap: { current: 12, total: 71 },
  };
}

const sub = (prefs: object): StoredSubscription => ({
  id: 'x',
  owner: 'o',
  endpoint: 'https://p/x',
  p256dh: '',
  auth: '',
  prefs: preferencesSchema.parse(prefs),
  createdAt: 0,
  updatedAt: 0,
});

describe('alert detector', () => {
  it('names session start, red flag, safety car, pit stops, retirements, the result and each finish', () => {
    const d = new AlertDetector({ id: 's1', name: 'Race', year: 2025, round: 20 });
    expect(d.observe({ type: 'snapshot', seq: 1, state: state('Inactive') })).toEqual([]);
    const started = d.observe({ type: 'delta', seq: 2, delta: {}, state: state('Started') });
    expect(started.map((a) => a.kind)).toEqual(['session_start']);
    const ev = (event: object) => d.observe({ type: 'event', event: event as never });
    expect(ev({ kind: 'track_status', timeMs: 5, status: 'red' })[0]).toMatchObject({
      kind: 'red_flag',
      body: 'Session stopped on lap 12.',
    });
    expect(ev({ kind: 'track_status', timeMs: 6, status: 'vsc' })[0]).toMatchObject({
      kind: 'safety_car',
      title: 'Race: virtual safety car',
    });
    expect(ev({ kind: 'track_status', timeMs: 7, status: 'green' })).toEqual([]);
    expect(ev({ kind: 'pit_stop', timeMs: 8, number: '16', stops: 1 })[0]).toMatchObject({
      kind: 'favourite_pit_stop',
      title: 'LEC pits (stop 1)',
    });
    expect(ev({ kind: 'retirement', timeMs: 9, number: '4' })[0]).toMatchObject({
      kind: 'favourite_retirement',
      title: 'NOR is out',
    });
    expect(ev({ kind: 'overtake', timeMs: 10, number: '1', passed: '16', position: 1 })).toEqual([]);
    const end = d.observe({ type: 'delta', seq: 3, delta: {}, state: state('Finished') });
    expect(end[0]).toMatchObject({ kind: 'result', body: '1. VER  2. LEC  3. NOR', url: '/race/2025/20' });
    expect(end.slice(1).map((a) => a.title)).toEqual([
      'VER finished P1',
      'LEC finished P2',
      'NOR finished P3',
    ]);
    // Once only, even when Finalised follows.
    expect(d.observe({ type: 'delta', seq: 4, delta: {}, state: state('Finalised') })).toEqual([]);
  });

  it('does not announce what a snapshot (a seek, a node taking over) already shows', () => {
    const d = new AlertDetector({ id: 's1', name: 'Race', year: null, round: null });
    d.observe({ type: 'snapshot', seq: 1, state: state('Started') });
    expect(d.observe({ type: 'delta', seq: 2, delta: {}, state: state('Started') })).toEqual([]);
  });

  it('sends favourite alerts only about the favourite, and only for the sessions picked', () => {
    const ver = { tla: 'VER', team: 'Red Bull Racing', name: 'Max VERSTAPPEN' };
    expect(
      isFavourite({ kind: 'driver', id: 'max-verstappen', name: 'Max Verstappen', code: 'VER' }, ver),
    ).toBe(true);
    expect(isFavourite({ kind: 'team', id: 'red-bull', name: 'Red Bull' }, ver)).toBe(true);
    expect(isFavourite({ kind: 'team', id: 'ferrari', name: 'Ferrari' }, ver)).toBe(false);
    const pit = {
      kind: 'favourite_pit_stop' as const,
      ref: 'p',
      title: '',
      body: '',
      url: '/',
      category: 'race' as const,
      driver: ver,
    };
    const fan = sub({
      alerts: ['favourite_pit_stop'],
      favourite: { kind: 'team', id: 'red-bull', name: 'Red Bull' },
    });
    expect(wants(fan, pit)).toBe(true);
    expect(wants(fan, { ...pit, driver: { tla: 'LEC', team: 'Ferrari', name: 'LEC' } })).toBe(false);
    expect(wants(sub({ alerts: ['favourite_pit_stop'] }), pit)).toBe(false);
    expect(wants(sub({ alerts: ['result'], sessions: ['qualifying'] }), { ...pit, kind: 'result' })).toBe(
      false,
    );
  });
});

describe('a replayed weekend (2025 Mexico City GP)', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(process.env.DATABASE_PATH!);
  });
  afterAll(() => db?.close());

  it('delivers every reminder once on time and the alerts the replay produced, with no duplicates', async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
    const catalog = new RecordingCatalog({
      livetimingDir: config.LIVETIMING_DIR,
      lapsDir: config.LAPS_DIR,
      lapsCacheDir: config.ANALYSIS_CACHE_DIR,
      openf1Dir: config.OPENF1_DIR,
      entrants: entrantsFromDb(() => db),
    });
    const r = await simulateWeekend({ db, catalog, config, season: 2025, round: 20 });
    expect(r.sessions.filter((s) => s.replayed).map((s) => s.name)).toEqual(['Qualifying', 'Race']);
    // 6 fans: 10 + 1 + 4 + 4 + 4 + 2 reminders.
    expect(r.reminders).toEqual({ scheduled: 25, sent: 25, received: 25, duplicates: 0, onTime: 25 });
    expect(r.rejectedByPushService).toBe(0);
    expect(r.alerts.duplicates).toBe(0);
    expect(r.alerts.notSent).toEqual([]);
    expect(r.alerts.received).toBe(r.alerts.queued);
    // Both sessions started and ended; the favourites' pit stops and finishes reached their fans only.
    expect(r.alerts.byKind).toMatchObject({ session_start: 4, result: 5 });
    expect(r.alerts.byKind.favourite_pit_stop).toBeGreaterThan(0);
    expect(r.alerts.byKind.favourite_finish).toBeGreaterThan(0);
    expect(r.alerts.detected.favourite_finish).toBe(40);
    // The spoiler delay: the Verstappen fan's alerts wait 2 minutes, everyone else's go at once.
    expect(r.alerts.delayMsByFan['Verstappen fan, 2 min spoiler delay, Tokyo']).toBe(120_000);
    expect(r.alerts.delayMsByFan['everything, Berlin']).toBe(0);
  }, 60_000);
});

describe('alerts from the live hub', () => {
  it('the ingesting node hears a replayed race end and sends its result once', async () => {
    const db = openDatabase(process.env.DATABASE_PATH!);
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PUSH_ALERTS_FROM_REPLAYS: 'true' });
    const catalog = new RecordingCatalog({
      livetimingDir: config.LIVETIMING_DIR,
      lapsDir: config.LAPS_DIR,
      lapsCacheDir: config.ANALYSIS_CACHE_DIR,
      openf1Dir: config.OPENF1_DIR,
      entrants: entrantsFromDb(() => db),
    });
    const push = await startPushService();
    const dir = mkdtempSync(join(tmpdir(), 'notify-hub-'));
    const notify = new NotifyService({
      config,
      logger: silentLogger,
      db: () => db,
      store: new SqlPushStore(new SqliteDatabase(join(dir, 'push.db'))),
    });
    const hub = new Hub({
      bus: new LocalBus(),
      logger: silentLogger,
      catalog,
      heartbeatMs: 15_000,
      staleMs: 60_000,
    });
    try {
      notify.watch(hub);
      const fan = push.subscribe();
      await notify.store.saveSubscription(
        'anon:hub',
        fan.subscription,
        preferencesSchema.parse({ alerts: ['result'] }),
        Date.now(),
      );
      const meta = await catalog.resolve(2025, 20, 'R', 'laps');
      const rec = await catalog.load(meta.id);
      const info = {
        key: `replay:${meta.id}`,
        session: { id: meta.id, year: 2025, round: 20, session: 'R', name: meta.name, live: false },
        recordingId: meta.id,
      };
      // Seek to 20 s before the end: the snapshot is not news, the flag is.
      await hub.open(
        info,
        async () => new ReplaySource(rec, { positionMs: rec.durationMs - 20_000, speed: 20 }),
      );
      await expect
        .poll(() => push.received.filter((r) => r.endpointId === fan.endpointId).length, { timeout: 15_000 })
        .toBe(1);
      const [got] = push.received.filter((r) => r.endpointId === fan.endpointId);
      expect(got!.payload).toMatchObject({
        kind: 'alert',
        ref: 'result',
        url: '/race/2025/20',
        title: expect.stringMatching(/result$/),
      });
      // The official podium: Norris, Leclerc, Verstappen.
      expect(got!.payload.body).toBe('1. NOR  2. LEC  3. VER');
      // A private replay (one viewer's copy) alerts nobody.
      expect(notify.channelAlerts({ ...info, key: 'private:x:1' })).toBeUndefined();
    } finally {
      await hub.close();
      await notify.close();
      await push.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('alerts with two nodes on Redis', () => {
  it('only the node that ingests the channel sends its alerts', async () => {
    const db = openDatabase(process.env.DATABASE_PATH!);
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PUSH_ALERTS_FROM_REPLAYS: 'true' });
    const catalog = new RecordingCatalog({
      livetimingDir: config.LIVETIMING_DIR,
      lapsDir: config.LAPS_DIR,
      lapsCacheDir: config.ANALYSIS_CACHE_DIR,
      openf1Dir: config.OPENF1_DIR,
      entrants: entrantsFromDb(() => db),
    });
    const push = await startPushService();
    const dir = mkdtempSync(join(tmpdir(), 'notify-redis-'));
    const prefix = `test-notify-${process.pid}-${Date.now()}:`;
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const nodes = [1, 2].map((i) => {
      const notify = new NotifyService({
        config,
        logger: silentLogger,
        db: () => db,
        node: `n${i}`,
        store: new SqlPushStore(new SqliteDatabase(join(dir, 'push.db'))),
      });
      const bus = new RedisBus(redisUrl, silentLogger, prefix);
      const hub = new Hub({ bus, logger: silentLogger, catalog, heartbeatMs: 15_000, staleMs: 60_000 });
      notify.watch(hub);
      return { notify, hub, bus };
    });
    try {
      await expect.poll(() => nodes.every((n) => n.bus.ready()), { timeout: 10_000 }).toBe(true);
      const fan = push.subscribe();
      await nodes[0]!.notify.store.saveSubscription(
        'anon:redis',
        fan.subscription,
        preferencesSchema.parse({ alerts: ['result'] }),
        Date.now(),
      );
      const meta = await catalog.resolve(2025, 20, 'R', 'laps');
      const rec = await catalog.load(meta.id);
      const info = {
        key: `replay:${meta.id}`,
        session: { id: meta.id, year: 2025, round: 20, session: 'R', name: meta.name, live: false },
        recordingId: meta.id,
      };
      const source = async () => new ReplaySource(rec, { positionMs: rec.durationMs - 20_000, speed: 20 });
      await Promise.all(nodes.map((n) => n.hub.open(info, source)));
      await expect
        .poll(() => push.received.filter((r) => r.endpointId === fan.endpointId).length, { timeout: 15_000 })
        .toBe(1);
      const ingesting = nodes.map((n) => n.hub.channels.get(info.key)?.ingest !== null);
      expect(ingesting.filter(Boolean)).toHaveLength(1);
      // The other node heard the channel's messages (it follows the session) but detected nothing.
      const detected = nodes.map((n) =>
        [...(n.notify.channelAlerts(info)?.counts.values() ?? [])].reduce((a, b) => a + b, 0),
      );
      expect(detected[ingesting.indexOf(false)]).toBe(0);
      expect(detected[ingesting.indexOf(true)]).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(push.received.filter((r) => r.endpointId === fan.endpointId)).toHaveLength(1);
    } finally {
      for (const n of nodes) {
        await n.hub.close();
        await n.notify.close();
      }
      await push.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
