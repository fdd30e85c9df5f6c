import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { getConstructorStandings, getDriverStandings } from './standings.ts';
import { testDb } from './test-db.ts';

const db = testDb();
const top2 = (year: number) =>
  getDriverStandings(db, year)
    .standings.slice(0, 2)
    .map((s) => [s.driver.id, s.points, s.champion]);

describe('driver standings', () => {
  it('has titles decided by a point or less', () => {
    expect(top2(1984)).toEqual([
      ['niki-lauda', 72, true],
      ['alain-prost', 71.5, false],
    ]);
    expect(top2(2007)).toEqual([
      ['kimi-raikkonen', 110, true],
      ['lewis-hamilton', 109, false],
    ]);
    expect(top2(2008)).toEqual([
      ['lewis-hamilton', 98, true],
      ['felipe-massa', 97, false],
    ]);
    const s2007 = getDriverStandings(db, 2007);
    expect(s2007).toMatchObject({
      round: 17,
      roundsInSeason: 17,
      final: true,
      raceName: 'Brazilian Grand Prix',
    });
    expect(s2007.standings[0]!.wins).toBe(6);
    expect(s2007.standings[0]!.teams).toEqual([{ id: 'ferrari', name: 'Ferrari' }]);
  });

  it('gives the table after a given round, by number or name', () => {
    const after10 = getDriverStandings(db, 2008, 10);
    expect(after10).toMatchObject({ round: 10, raceName: 'German Grand Prix', final: false });
    expect(after10.standings.slice(0, 2).map((s) => [s.driver.id, s.points, s.wins])).toEqual([
      ['lewis-hamilton', 58, 4],
      ['felipe-massa', 54, 3],
    ]);
    expect(after10.standings.every((s) => !s.champion)).toBe(true);
    expect(getDriverStandings(db, 2008, 'hockenheim').standings[0]!.points).toBe(58);
  });

  it('lists every team a driver drove for', () => {
    const ver2016 = getDriverStandings(db, 2016).standings.find((s) => s.driver.id === 'max-verstappen')!;
    expect(ver2016.teams.map((t) => t.id)).toEqual(['toro-rosso', 'red-bull']);
  });

  it('refuses a round whose results are not in the data', () => {
    expect(() => getDriverStandings(db, 2026, 20)).toThrow(AppError);
    expect(() => getDriverStandings(db, 2026, 20)).toThrow(/results up to round/);
    expect(() => getDriverStandings(db, 2031)).toThrow(/No 2031 season/);
  });
});

describe('constructor standings', () => {
  it('has the final table with wins', () => {
    const s = getConstructorStandings(db, 2023);
    expect(s.final).toBe(true);
    expect(s.standings[0]).toMatchObject({ team: { id: 'red-bull' }, points: 860, wins: 21, champion: true });
  });

  it('is empty before the constructors’ championship existed (1958)', () => {
    expect(getConstructorStandings(db, 1955).standings).toEqual([]);
    expect(getConstructorStandings(db, 1958).standings[0]!.team.id).toBe('vanwall');
  });
});
