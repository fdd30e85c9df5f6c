// Pit-strategy logic on small hand-built lap lists (exact expectations), then on the real lap tables.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../data/db.ts';
import { loadGoldRaceLaps, loadOpenF1RaceLaps } from '../../data/laps/openf1-laps.ts';
import {
  clearLapsMemoryCache,
  lapsCacheStats,
  loadSeasonLaps,
  parseTimedelta,
  parseTrackStatus,
  type Lap,
  type RaceLaps,
} from '../../data/laps/laps.ts';
import { findPitStops, summarisePitLoss } from './pit-stops.ts';
import { projectRejoin } from './rejoin.ts';
import { validateRejoin } from './rejoin-validation.ts';
import { findErgastCircuit, loadNeutralisationData, safetyCarLikelihood } from './safety-car.ts';
import { getPitStrategy, raceLaps } from './service.ts';
import { loadRaceLaps } from '../../data/laps/laps.ts';
import { computeStints, degradationByCompound, fuelCorrectedLapTime } from './stints.ts';
import { findPitBattles, undercutOpportunities } from './undercut.ts';

/** A car lapping at `pace` with a tyre that loses `deg` s/lap, stopping at the end of `stopLap`. */
function car(
  driver: string,
  pace: number,
  deg: number,
  opts: { stopLap?: number; loss?: number; offset?: number; laps?: number } = {},
): Lap[] {
  const laps: Lap[] = [];
  let t = 3600 + (opts.offset ?? 0);
  let stint = 1;
  let age = 1;
  for (let lap = 1; lap <= (opts.laps ?? 30); lap++) {
    const inLap = lap === opts.stopLap;
    const outLap = opts.stopLap !== undefined && lap === opts.stopLap + 1;
    if (outLap) {
      stint = 2;
      age = 1;
    }
    // Fuel burn makes laps faster; tyre age makes them slower.
    let lapTime = pace + deg * age + 0.03 * 110 * (1 - (lap - 1) / 30);
    if (inLap) lapTime += (opts.loss ?? 20) / 2;
    if (outLap) lapTime += (opts.loss ?? 20) / 2;
    t += lapTime;
    laps.push({
      driver,
      driverNumber: 1,
      team: 'T',
      lap,
      time: t,
      lapTime,
      stint,
      pitOutTime: outLap ? t - lapTime + 5 : null,
      pitInTime: inLap ? t - 5 : null,
      compound: stint === 1 ? 'MEDIUM' : 'HARD',
      compoundName: null,
      tyreLife: age,
      freshTyre: true,
      trackStatus: '1',
      position: null,
      accurate: !inLap && !outLap,
      valid: true,
    });
    age++;
  }
  return laps;
}

function withPositions(laps: Lap[]): Lap[] {
  const byLap = new Map<number, Lap[]>();
  for (const l of laps) byLap.set(l.lap, [...(byLap.get(l.lap) ?? []), l]);
  for (const list of byLap.values())
    list.sort((a, b) => a.time! - b.time!).forEach((l, i) => (l.position = i + 1));
  return laps;
}

describe('lap table parsing', () => {
  it('keeps parsed races as one JSON file each, keyed by the CSV size and mtime', () => {
    const dir = mkdtempSync(join(tmpdir(), 'laps-cache-'));
    const sprints = loadSeasonLaps(process.env.LAPS_DIR, 2021, 'sprint', dir);
    expect(sprints.size).toBe(3); // three sprint races in 2021
    const folders = readdirSync(dir);
    expect(folders).toEqual([expect.stringMatching(/^laps-sprint-2021-\d+-\d+$/)]);
    const files = readdirSync(join(dir, folders[0]!)).sort();
    expect(files).toEqual(['rounds.json', ...[...sprints.keys()].map((r) => `round-${r}.json`)].sort());
    const index = JSON.parse(readFileSync(join(dir, folders[0]!, 'rounds.json'), 'utf8')) as {
      rounds: { round: number; eventName: string }[];
    };
    expect(index.rounds).toEqual(
      [...sprints.values()].map((r) => ({ round: r.round, eventName: r.eventName })),
    );
    const first = sprints.values().next().value!;
    const back = JSON.parse(
      readFileSync(join(dir, folders[0]!, `round-${first.round}.json`), 'utf8'),
    ) as RaceLaps;
    expect(back).toEqual(first);
    // Read back from the files (not the CSV) once memory is cleared; a round not in the season is absent.
    clearLapsMemoryCache();
    const parses = lapsCacheStats.csvParses;
    expect(loadSeasonLaps(process.env.LAPS_DIR, 2021, 'sprint', dir)).toEqual(sprints);
    expect(loadRaceLaps(process.env.LAPS_DIR, 2021, 1, 'sprint', dir)).toBeUndefined();
    expect(lapsCacheStats.csvParses).toBe(parses);
  });

  it('reads pandas timedeltas and track status codes', () => {
    expect(parseTimedelta('0 days 01:01:37.510000')).toBeCloseTo(3697.51, 6);
    expect(parseTimedelta('')).toBeNull();
    expect(parseTrackStatus('124.0')).toBe('124');
    expect(parseTrackStatus('1')).toBe('1');
  });
});

describe('stints, degradation and pit loss (synthetic race)', () => {
  const laps = withPositions([
    ...car('AAA', 90, 0.1, { stopLap: 15, loss: 22 }),
    ...car('BBB', 90.3, 0.05, { stopLap: 18, loss: 22, offset: 1.5 }),
  ]);

  it('finds stints with compound, length and the fuel-corrected degradation', () => {
    const stints = computeStints(laps).filter((s) => s.driver === 'AAA');
    expect(stints.map((s) => [s.stint, s.compound, s.startLap, s.endLap, s.laps])).toEqual([
      [1, 'MEDIUM', 1, 15, 15],
      [2, 'HARD', 16, 30, 15],
    ]);
    // The fuel effect is removed, so the slope is the tyre's 0.1 s/lap.
    expect(stints[0]!.degradationPerLap).toBeCloseTo(0.1, 3);
    const deg = degradationByCompound(laps);
    expect(deg.find((d) => d.compound === 'MEDIUM')!.degradationPerLap).toBeGreaterThan(0.05);
    expect(fuelCorrectedLapTime(93.3, 1, 30)).toBeCloseTo(90, 6);
  }, 120_000);

  it('measures pit loss from in- and out-laps against the driver’s own pace', () => {
    const stops = findPitStops(laps);
    expect(stops.map((s) => [s.driver, s.lap, s.compoundBefore, s.compoundAfter])).toEqual([
      ['AAA', 15, 'MEDIUM', 'HARD'],
      ['BBB', 18, 'MEDIUM', 'HARD'],
    ]);
    const summary = summarisePitLoss(stops);
    expect(summary.pitLoss).toBeGreaterThan(20);
    expect(summary.pitLoss).toBeLessThan(24);
  }, 120_000);

  it('projects the rejoin position and the gaps around it', () => {
    const p = projectRejoin(laps, 'AAA', 10, 22)!;
    expect(p.currentPosition).toBe(1);
    expect(p.position).toBe(2);
    expect(p.carAhead?.driver).toBe('BBB');
    expect(p.carAhead!.gap).toBeGreaterThan(15);
    expect(projectRejoin(laps, 'AAA', 10, 0.5)!.position).toBe(1);
    expect(projectRejoin(laps, 'ZZZ', 10, 22)).toBeNull();
  }, 120_000);

  it('labels an undercut and its outcome', () => {
    // CCC runs 1 s behind DDD, stops first and comes out ahead after DDD stops two laps later.
    const duel = withPositions([
      ...car('DDD', 90, 0.3, { stopLap: 14, loss: 22 }),
      ...car('CCC', 90, 0.3, { stopLap: 12, loss: 22, offset: 1 }),
    ]);
    const battles = findPitBattles(duel, findPitStops(duel));
    expect(battles).toHaveLength(1);
    expect(battles[0]).toMatchObject({
      type: 'undercut',
      attacker: 'CCC',
      defender: 'DDD',
      result: 'success',
    });
    // Before the stops: 1 s behind a car on 10-lap-old tyres losing 0.3 s/lap → the undercut is on.
    const opp = undercutOpportunities(duel, 10, new Map([['MEDIUM', 0.3]]));
    expect(opp).toEqual([
      expect.objectContaining({ attacker: 'CCC', defender: 'DDD', verdict: 'undercut on' }),
    ]);
    expect(opp[0]!.freshTyreGainPerLap).toBeCloseTo(3, 6);
    expect(undercutOpportunities(duel, 10, new Map([['MEDIUM', 0.01]]))[0]!.verdict).toBe('not enough');
  });
});

describe('real lap tables', () => {
  const config = loadConfig(process.env);

  it('validates the rejoin projection on a season of real green-flag stops', () => {
    const v = validateRejoin(new Map([[2026, loadSeasonLaps(config.LAPS_DIR, 2026)]]));
    expect(v.overall.stops).toBeGreaterThan(100);
    expect(v.overall.within1 / v.overall.stops).toBeGreaterThan(0.85);
    // Far better than assuming the car rejoins where it was.
    expect(v.overall.within1).toBeGreaterThan(2 * v.overall.baselineWithin1);
  }, 120_000);

  it('strategy of a past race (2023 Belgian GP) and an upcoming one', () => {
    const db = openDatabase(config.DATABASE_PATH);
    try {
      const s = getPitStrategy(config, db, 2023, 12, { driver: 'VER', lap: 20 });
      expect(s.hasLapData).toBe(true);
      expect(s.pitLoss.source).toBe('this race');
      expect(s.pitLoss.pitLoss).toBeGreaterThan(15);
      expect(s.pitLoss.pitLoss).toBeLessThan(30);
      expect(s.pitLoss.pitLaneTime).toBeGreaterThan(s.pitLoss.pitLoss! - 5);
      expect(s.stints.every((x) => x.driver === 'VER')).toBe(true);
      expect(s.rejoin?.driver).toBe('VER');
      expect(s.history.map((h) => h.year)).toContain(2022);
      expect(s.safetyCar?.editions).toBeGreaterThan(5);
      expect(() => getPitStrategy(config, db, 2023, 12, { driver: 'XYZ' })).toThrow(/No driver/);
      // Stints come in finishing order (2023 Belgium: Verstappen, Pérez, Leclerc), not alphabetically.
      const all = getPitStrategy(config, db, 2023, 12, {});
      expect([...new Set(all.stints.map((x) => x.driver))].slice(0, 3)).toEqual(['VER', 'PER', 'LEC']);
      // 2023 Monza's lap table lacks the last lap's positions: the order comes from the classification.
      const monza = getPitStrategy(config, db, 2023, 14, {});
      expect([...new Set(monza.stints.map((x) => x.driver))].slice(0, 4)).toEqual([
        'VER',
        'PER',
        'SAI',
        'LEC',
      ]);
      const up = getPitStrategy(config, db, 2026, 13, {});
      expect(up.hasLapData).toBe(false);
      expect(up.pitLoss.source).toBe('previous editions');
      expect(up.degradation.length).toBeGreaterThan(0);
      // 2023 Monza's lap table misses the leader's last lap: the winner comes from the results.
      expect(up.history.find((h) => h.year === 2023)?.winner).toBe('VER');
      expect(up.history.every((h) => h.winner !== null)).toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);

  it('rebuilds laps from the OpenF1 recording where the lap tables stop, agreeing with them where both exist', () => {
    const db = openDatabase(config.DATABASE_PATH);
    try {
      // 2024 round 5 is in both: the pit loss measured from each source agrees.
      const codes = new Map(
        (
          db
            .prepare(
              `SELECT rr.driver_number AS n, d.abbreviation AS c FROM race_result rr JOIN race r ON r.id = rr.race_id
               JOIN driver d ON d.id = rr.driver_id WHERE r.year = 2024 AND r.round = 5 AND rr.session = 'RACE'`,
            )
            .all() as { n: string; c: string }[]
        ).map((x) => [Number(x.n), x.c]),
      );
      const fromOpenF1 = loadOpenF1RaceLaps(config.OPENF1_DIR, 2024, 5, codes)!;
      const fromTables = loadRaceLaps(config.LAPS_DIR, 2024, 5)!;
      expect(fromOpenF1.eventName).toBe(fromTables.eventName);
      const a = summarisePitLoss(findPitStops(fromOpenF1.laps));
      const b = summarisePitLoss(findPitStops(fromTables.laps));
      expect(Math.abs(a.pitLoss! - b.pitLoss!)).toBeLessThan(0.5);
      // 2024 round 22 (Las Vegas) is only in the recordings.
      expect(loadRaceLaps(config.LAPS_DIR, 2024, 22)).toBeUndefined();
      expect(raceLaps(config, db, 2024, 22)?.eventName).toBe('Las Vegas Grand Prix');
      const s = getPitStrategy(config, db, 2024, 22, { driver: 'NOR', lap: 20 });
      expect(s.hasLapData).toBe(true);
      expect(s.rejoin?.driver).toBe('NOR');
      expect(s.safetyCar?.editions).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it('rebuilds 2025 laps from the OpenF1 gold tables, agreeing with the lap tables (2025 Canadian GP)', () => {
    const db = openDatabase(config.DATABASE_PATH);
    try {
      const codes = new Map(
        (
          db
            .prepare(
              `SELECT rr.driver_number AS n, d.abbreviation AS c FROM race_result rr JOIN race r ON r.id = rr.race_id
               JOIN driver d ON d.id = rr.driver_id WHERE r.year = 2025 AND r.round = 10 AND rr.session = 'RACE'`,
            )
            .all() as { n: string; c: string }[]
        ).map((x) => [Number(x.n), x.c]),
      );
      const gold = loadGoldRaceLaps(config.OPENF1_DIR, 2025, 10, codes, 24)!;
      const tables = loadRaceLaps(config.LAPS_DIR, 2025, 10)!;
      expect(gold.eventName).toBe(tables.eventName);
      const a = summarisePitLoss(findPitStops(gold.laps));
      const b = summarisePitLoss(findPitStops(tables.laps));
      expect(Math.abs(a.pitLoss! - b.pitLoss!)).toBeLessThan(0.5);
      const top5 = (laps: Lap[]) => {
        const last = Math.max(...laps.map((l) => l.lap));
        return laps
          .filter((l) => l.lap === last)
          .sort((x, y) => x.position! - y.position!)
          .slice(0, 5)
          .map((l) => l.driver);
      };
      expect(top5(gold.laps)).toEqual(top5(tables.laps));
      // A season whose race count does not match is not mapped by position.
      expect(loadGoldRaceLaps(config.OPENF1_DIR, 2025, 10, codes, 23)).toBeUndefined();
    } finally {
      db.close();
    }
  }, 120_000);

  it('safety-car likelihood per circuit, only from editions before the race', () => {
    const data = loadNeutralisationData(config.ERGAST_CSV_DIR);
    const monaco = findErgastCircuit(data, 43.7347, 7.4206)!;
    expect(monaco.ref).toBe('monaco');
    const all = safetyCarLikelihood(data, monaco, '2025-12-31');
    const before2020 = safetyCarLikelihood(data, monaco, '2020-01-01');
    expect(before2020.history.every((h) => h.year < 2020)).toBe(true);
    expect(all.editions).toBeGreaterThan(before2020.editions);
    expect(all.safetyCarProbability).toBeGreaterThan(0.5);
    expect(all.safetyCarProbability).toBeLessThan(1);
    expect(findErgastCircuit(data, 0, 0)).toBeUndefined();
  });
});
