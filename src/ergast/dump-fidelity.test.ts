// Differences of issue 16 checked against the Ergast CSV dump itself (ERGAST_CSV_DIR): drivers matched to the
// right f1db driver where the dump repeats a date of birth, every standings row of the dump served (drivers
// not eligible for a position included), and Jolpica's race times of lapped finishers from the lap tables.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { ergastTestDatabase } from './testing.ts';
import { readErgastCsv, type CsvRow } from './csv.ts';
import { fillLapOne, raceTimesFromLaps } from './lapped.ts';
import type { Lap } from '../data/laps/laps.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const csvDir = process.env.ERGAST_CSV_DIR!;
let app: App;
let ctx: AppContext;
let dbPath: string;
let races: CsvRow[];
let standings: CsvRow[];
let drivers: CsvRow[];

beforeAll(async () => {
  dbPath = ergastTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_PATH: dbPath });
  ctx = createContext(config, silentLogger);
  app = await buildApp(config, silentLogger, ctx);
  races = readErgastCsv(csvDir, 'races');
  standings = readErgastCsv(csvDir, 'driver_standings');
  drivers = readErgastCsv(csvDir, 'drivers');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function get(url: string): Promise<Json> {
  const res = await app.inject({ url });
  expect(res.statusCode).toBe(200);
  return res.json() as Json;
}

/** The dump's driver-standings rows after one round, as [driverRef, position or null, positionText]. */
function dumpStandings(year: number, round: number): [string, string | null, string | null][] {
  const race = races.find((r) => r.year === String(year) && r.round === String(round))!;
  const ref = new Map(drivers.map((d) => [d.driverId, d.driverRef!]));
  return standings
    .filter((s) => s.raceId === race.raceId)
    .map((s) => [ref.get(s.driverId)!, s.position ?? null, s.positionText ?? null]);
}

describe('the cross-walk where the dump repeats a date of birth', () => {
  it('gives each f1db driver the Ergast id of the dump row with his name', () => {
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const [f1db, forename, surname] of [
        ['bruce-halford', 'Bruce', 'Halford'], // the dump gives Clapham Halford's date of birth
        ['tony-crook', 'Tony', 'Crook'], // and Faulkner Crook's
        ['walt-faulkner', 'Walt', 'Faulkner'],
        ['harry-blanchard', 'Harry', 'Blanchard'],
      ]) {
        const expected = drivers.find((d) => d.forename === forename && d.surname === surname)!.driverRef;
        const row = db.prepare('SELECT ergast_id FROM ergast_driver_id WHERE driver_id = ?').get(f1db) as
          { ergast_id: string } | undefined;
        expect(row?.ergast_id, f1db).toBe(expected);
      }
    } finally {
      db.close();
    }
  });
});

describe('standings rows as the dump has them', () => {
  it('1959 final standings list every driver of the dump with his position', async () => {
    const body = await get('/api/f1/1959/9/driverStandings.json?limit=100');
    const rows = body.MRData.StandingsTable.StandingsLists[0].DriverStandings as Json[];
    const dump = dumpStandings(1959, 9);
    expect(rows).toHaveLength(dump.length);
    const byId = new Map(rows.map((r) => [r.Driver.driverId, r]));
    for (const [id, position] of dump) expect(byId.get(id)?.position, id).toBe(position);
  });

  it('Jolpica 2025: a driver not eligible yet is listed last, positionText "-" and no position', async () => {
    const body = await get('/ergast/f1/2025/1/driverStandings.json');
    const rows = body.MRData.StandingsTable.StandingsLists[0].DriverStandings as Json[];
    const dump = dumpStandings(2025, 1);
    expect(body.MRData.total).toBe(String(dump.length));
    const ineligible = dump.filter(([, position]) => position === null).map(([id]) => id);
    expect(ineligible).toContain('alonso');
    const tail = rows.slice(rows.length - ineligible.length);
    expect(tail.map((r) => r.Driver.driverId).sort()).toEqual([...ineligible].sort());
    for (const r of tail) {
      expect(r.positionText).toBe('-');
      expect(r).not.toHaveProperty('position');
    }
  });
});

describe('Jolpica race times of lapped finishers', () => {
  const lap = (driverNumber: number, n: number, time: number | null): Lap => ({
    driver: String(driverNumber),
    driverNumber,
    team: '',
    lap: n,
    time,
    lapTime: null,
    stint: null,
    pitOutTime: null,
    pitInTime: null,
    compound: 'UNKNOWN',
    compoundName: null,
    tyreLife: null,
    freshTyre: null,
    trackStatus: '1',
    position: null,
    accurate: true,
    valid: true,
  });

  it('count from the start implied by the winner’s race time to each car’s last crossing', () => {
    // Winner (1) crosses after lap 2 at 300.5 s of session time with a race time of 200 s: the start was at
    // 100.5 s; car 2 crossed for the last time after lap 1 at 250.25 s, i.e. 149.75 s of racing.
    const race = {
      year: 2023,
      round: 1,
      eventName: '',
      laps: [lap(1, 1, 200.5), lap(1, 2, 300.5), lap(2, 1, 250.25), lap(2, 2, null)],
    };
    const t = raceTimesFromLaps(race, { driverNumber: 1, millis: 200_000 });
    expect(t.get(1)).toBe(200_000);
    expect(t.get(2)).toBe(149_750);
    expect(raceTimesFromLaps(race, { driverNumber: 9, millis: 1 }).size).toBe(0);
  });

  it('2023 Austrian GP: Zhou, a lap down, as Jolpica answers (+24.633, EVAL_DIR recording)', async () => {
    const body = await get('/ergast/f1/2023/9/results.json');
    const zhou = (body.MRData.RaceTable.Races[0].Results as Json[]).find((r) => r.Driver.driverId === 'zhou');
    expect(zhou).toMatchObject({
      status: 'Lapped',
      laps: '70',
      Time: { millis: '5158240', time: '+24.633' },
    });
    // ergast.com printed no time for a lapped car (the dump has none).
    const e = await get('/api/f1/2023/9/results.json');
    const eZhou = (e.MRData.RaceTable.Races[0].Results as Json[]).find((r) => r.Driver.driverId === 'zhou');
    expect(eZhou?.Time).toBeUndefined();
    expect(eZhou?.status).toBe('+1 Lap');
  });

  it('fills a lap 1 the lap tables lack from the start the winner implies', async () => {
    const race = {
      year: 2023,
      round: 1,
      eventName: '',
      laps: [lap(1, 1, 200.5), lap(1, 2, 300.5), lap(2, 1, 201)],
    };
    race.laps.forEach((l) => (l.lapTime = null));
    const filled = fillLapOne(race, { driverNumber: 1, millis: 200_000 });
    expect(filled.filter((l) => l.lap === 1).map((l) => l.lapTime)).toEqual([100, 100.5]);
    expect(filled[1]!.lapTime).toBeNull();
    expect(fillLapOne(race, undefined)).toBe(race.laps);
    // 2023 United States GP (round 18): every car that completed lap 1 is on the page, as in the dump.
    const db = new Database(dbPath, { readonly: true });
    const starters = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM race_result x JOIN race r ON r.id = x.race_id
           WHERE r.year = 2023 AND r.round = 18 AND x.session = 'RACE' AND x.laps >= 1`,
        )
        .get() as { n: number }
    ).n;
    db.close();
    const body = await get('/api/f1/2023/18/laps/1.json');
    const timings = body.MRData.RaceTable.Races[0].Laps[0].Timings as Json[];
    expect(timings).toHaveLength(starters);
    expect(timings.every((t) => /^1:\d\d\.\d{3}$/.test(t.time))).toBe(true);
  });
});
