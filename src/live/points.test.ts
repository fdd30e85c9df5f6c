// Live championship standings from a replayed race's final running order match the official table after it.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../data/db.ts';
import { liveStandings, pointsTable, type StandingBefore } from './points.ts';
import { reduceAll } from './reducer.ts';
import { RecordingCatalog } from './recordings/catalog.ts';
import { entrantsFromDb } from './recordings/entrants.ts';

const db = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => db.close());
const catalog = new RecordingCatalog({
  lapsDir: process.env.LAPS_DIR,
  lapsCacheDir: process.env.ANALYSIS_CACHE_DIR,
  entrants: entrantsFromDb(() => db),
});

function officialAfter(year: number, round: number): StandingBefore[] {
  return (
    db
      .prepare(
        `SELECT d.abbreviation AS code, d.full_name AS name, s.points, s.position_display_order AS position
         FROM driver_standing s JOIN race r ON r.id = s.race_id JOIN driver d ON d.id = s.driver_id
         WHERE r.year = ? AND r.round = ? ORDER BY s.position_display_order`,
      )
      .all(year, round) as StandingBefore[]
  ).filter((s) => s.points > 0);
}

describe('live championship standings', () => {
  it('points systems by season', () => {
    expect(pointsTable(2024, 'R')?.slice(0, 3)).toEqual([25, 18, 15]);
    expect(pointsTable(2005, 'R')?.[0]).toBe(10);
    expect(pointsTable(2021, 'S')).toEqual([3, 2, 1]);
    expect(pointsTable(2023, 'S')?.length).toBe(8);
    expect(pointsTable(1990, 'R')).toBeNull();
  });

  it.each([
    [2024, 2],
    [2021, 22],
  ])(
    '%i round %i: the table before plus the replay’s final order is the official table after',
    async (year, round) => {
      const state = reduceAll((await catalog.load(`laps:${year}:${round}:R`)).updates);
      const cars = Object.values(state.drivers);
      const fastest = state.fastestLap ? state.drivers[state.fastestLap.number]!.tla : null;
      const table = liveStandings(year, 'R', officialAfter(year, round - 1), cars, fastest)!;
      const expected = officialAfter(year, round);
      // Equal points are ordered by countback officially (best results), by the table before here: compare points.
      const byPoints = (rows: { code: string; points: number }[]) =>
        rows
          .filter((r) => r.points > 0)
          .map((r) => `${r.points} ${r.code}`)
          .sort();
      expect(byPoints(table)).toEqual(byPoints(expected));
      expect(table[0]?.code).toBe(expected[0]?.code);
    },
  );
});
