// The reducer on real recordings, checked against the official f1db classification (the test database).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../data/db.ts';
import { applyDelta, diff } from './diff.ts';
import { detectEvents } from './detect.ts';
import { mergeFeed } from './feed-merge.ts';
import { initialState, reduce, reduceAll } from './reducer.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import type { LiveEvent, SessionState } from './types.ts';

const { LIVETIMING_DIR, LAPS_DIR, OPENF1_DIR, DATABASE_PATH } = process.env;
const catalog = new RecordingCatalog({
  livetimingDir: LIVETIMING_DIR,
  lapsDir: LAPS_DIR,
  openf1Dir: OPENF1_DIR,
});

function official(
  table: 'qualifying_result' | 'race_result',
  session: string,
  year: number,
  round: number,
): string[] {
  const db = openDatabase(DATABASE_PATH!);
  try {
    return (
      db
        .prepare(
          `SELECT q.driver_number AS n FROM ${table} q JOIN race r ON r.id = q.race_id
           WHERE r.year = ? AND r.round = ? AND q.session = ? ORDER BY q.position_display_order`,
        )
        .all(year, round, session) as { n: string }[]
    ).map((r) => r.n);
  } finally {
    db.close();
  }
}

function replay(updates: Parameters<typeof reduceAll>[0]): { state: SessionState; events: LiveEvent[] } {
  let state = initialState();
  const events: LiveEvent[] = [];
  for (const u of updates) {
    const next = reduce(state, u);
    events.push(...detectEvents(state, next, u));
    state = next;
  }
  return { state, events };
}

describe('reducer on the 2025 Mexico City qualifying feed recording', () => {
  it('ends in the official qualifying order, with names, tyres and the pole lap', async () => {
    const rec = await catalog.load('livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Qualifying');
    const { state, events } = replay(rec.updates);
    expect(state.order).toEqual(official('qualifying_result', 'QUALIFYING', 2025, 20));
    const pole = state.drivers[state.order[0]!]!;
    expect(pole.tla).toBe('NOR');
    expect(pole.team).toBe('McLaren');
    expect(state.fastestLap?.number).toBe('4');
    expect(state.fastestLap?.timeMs).toBeGreaterThan(75_000);
    expect(state.fastestLap?.timeMs).toBeLessThan(77_000);
    expect(state.status).toBe('Ends');
    expect(state.weather?.airTemp).toBeGreaterThan(10);
    expect(state.raceControl.some((m) => /DELETED/.test(m.message))).toBe(true);
    for (const d of Object.values(state.drivers)) expect(d.tyre?.compound).toMatch(/SOFT|MEDIUM|HARD/);
    // The yellow flag at 5:17 is not a neutralisation: no track_status event; no overtakes in qualifying.
    expect(events.filter((e) => e.kind === 'overtake')).toHaveLength(0);
    expect(events.filter((e) => e.kind === 'fastest_lap').length).toBeGreaterThan(3);
  });
});

describe('events on the 2025 Mexico City race feed recording', () => {
  it("names the stewards' penalties (not their serving) and the virtual safety car", async () => {
    const { state, events } = replay(
      (await catalog.load('livetiming:2025_Mexico-City-Grand-Prix_Mexico-City_Race')).updates,
    );
    const penalties = events.filter((e) => e.kind === 'penalty');
    expect(penalties.map((p) => p.number)).toEqual(['44', '55', '55']);
    expect(events.filter((e) => e.kind === 'track_status').map((e) => e.status)).toContain('vsc');
    expect(state.lap).toEqual({ current: 71, total: 71 });
  });
});

describe('reducer on races rebuilt from lap tables', () => {
  it.each([
    [2025, 20],
    [2024, 1],
    [2021, 22],
  ])('%i round %i ends in the f1db finishing order', async (year, round) => {
    const rec = await catalog.load(`laps:${year}:${round}:R`);
    const { state, events } = replay(rec.updates);
    const classified = official('race_result', 'RACE', year, round).filter((n) => n in state.drivers);
    expect(classified.length).toBeGreaterThanOrEqual(18);
    expect(state.order).toEqual(classified);
    expect(state.lap.current).toBe(state.lap.total);
    expect(events.some((e) => e.kind === 'pit_stop')).toBe(true);
    expect(events.some((e) => e.kind === 'overtake')).toBe(true);
    expect(
      events
        .filter((e) => e.kind === 'retirement')
        .map((e) => (e as { number: string }).number)
        .sort(),
    ).toEqual(
      Object.values(state.drivers)
        .filter((d) => d.retired)
        .map((d) => d.number)
        .sort(),
    );
  });

  it('the 2021 Abu Dhabi rebuild shows the late safety car', async () => {
    const { events } = replay((await catalog.load('laps:2021:22:R')).updates);
    expect(events.some((e) => e.kind === 'track_status' && e.status === 'sc')).toBe(true);
  });

  it('reads track status stored as a number ("41.0", as in the 2024 tables): 2024 Australia ends under the VSC', async () => {
    const { state, events } = replay((await catalog.load('laps:2024:3:R')).updates);
    expect(events.some((e) => e.kind === 'track_status' && e.status === 'vsc')).toBe(true);
    expect(state.trackStatus).toBe('vsc');
  });
});

describe('reducer on an OpenF1 recording', () => {
  it('2024 Bahrain (OpenF1 laps and stints) ends in the f1db finishing order', async () => {
    const { state } = replay((await catalog.load('openf1:9472')).updates);
    expect(state.order).toEqual(official('race_result', 'RACE', 2024, 1));
  });
});

describe('deltas', () => {
  it('applying every delta to the first snapshot rebuilds the final state exactly', async () => {
    const rec = await catalog.load('laps:2024:1:R');
    let prev = initialState();
    let client: SessionState = structuredClone(prev);
    let count = 0;
    for (const u of rec.updates) {
      const next = reduce(prev, u);
      const d = diff(prev, next);
      if (d) {
        client = applyDelta(client, d);
        count++;
      }
      prev = next;
    }
    expect(count).toBeGreaterThan(500);
    expect(client).toEqual(prev);
  });

  it('a delta holds only the changed fields', () => {
    const a = reduce(initialState(), {
      kind: 'driver',
      timeMs: 1,
      number: '1',
      patch: { position: 1, tla: 'VER' },
    });
    const b = reduce(a, { kind: 'driver', timeMs: 2, number: '1', patch: { lastLapMs: 90_000 } });
    expect(diff(a, b)).toEqual({ drivers: { '1': { lastLapMs: 90_000 } }, timeMs: 2 });
    expect(diff(b, b)).toBeUndefined();
  });

  it('null is a value in a delta: a car losing its position keeps the key, set to null', () => {
    const a = reduce(initialState(), { kind: 'driver', timeMs: 1, number: '1', patch: { position: 3 } });
    const b = reduce(a, { kind: 'driver', timeMs: 2, number: '1', patch: { position: null } });
    const d = diff(a, b)!;
    expect(d).toEqual({ drivers: { '1': { position: null } }, timeMs: 2 });
    const client = applyDelta(structuredClone(a), d);
    expect(client.drivers['1']).toHaveProperty('position', null);
    expect(client).toEqual(b);
  });

  it('the reducer does not mutate its input', () => {
    const a = initialState();
    const frozen = structuredClone(a);
    reduce(a, { kind: 'driver', timeMs: 5, number: '44', patch: { position: 3 } });
    expect(a).toEqual(frozen);
  });
});

describe('feed merge', () => {
  it('merges index-keyed objects into lists and honours _deleted', () => {
    const t = mergeFeed(undefined, {
      Lines: { '1': { Sectors: [{ Value: '' }, { Value: '' }] } },
      X: { a: 1, b: 2 },
    });
    mergeFeed(t, { Lines: { '1': { Sectors: { '1': { Value: '30.1' } } } }, X: { _deleted: ['a'] } });
    expect(t).toEqual({ Lines: { '1': { Sectors: [{ Value: '' }, { Value: '30.1' }] } }, X: { b: 2 } });
  });
});
