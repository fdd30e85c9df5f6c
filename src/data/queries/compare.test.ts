import { describe, expect, it } from 'vitest';
import { compareDrivers } from './compare.ts';
import { testDb } from './test-db.ts';

const db = testDb();

describe('compareDrivers', () => {
  it('compares team-mates over a season, round by round', () => {
    const c = compareDrivers(db, 2024, 'VER', 'perez');
    expect(c.a.driver.id).toBe('max-verstappen');
    expect(c.b.driver.id).toBe('sergio-perez');
    expect(c.a.points).toBe(437);
    expect(c.b.points).toBe(152);
    expect(c.a.wins).toBe(9);
    expect(c.rounds).toHaveLength(24);
    // Counts add up to the rows behind them.
    expect(c.race.a).toBe(c.rounds.filter((r) => r.raceAhead === 'a').length);
    expect(c.race.a + c.race.b).toBe(c.rounds.filter((r) => r.raceAhead !== null).length);
    expect(c.qualifying.a).toBeGreaterThan(c.qualifying.b);
    // Australia: Verstappen retired (brakes), Pérez finished: a race duel Pérez won.
    const aus = c.rounds.find((r) => r.grandPrixId === 'australia')!;
    expect(aus.a).toMatchObject({ finish: null, finishText: 'DNF', retirementReason: 'Brakes' });
    expect(aus.raceAhead).toBe('b');
    expect(c.a.dnfs).toBeGreaterThanOrEqual(1);
    expect(c.a.averageFinish).not.toBeNull();
  });

  it('compares rivals of different teams, resolving names in that season', () => {
    const c = compareDrivers(db, 2008, 'hamilton', 'massa');
    expect(c.a.points).toBe(98);
    expect(c.b.points).toBe(97);
    expect(c.a.teams[0]!.id).toBe('mclaren');
    expect(c.b.teams[0]!.id).toBe('ferrari');
    const sprintPoints = compareDrivers(db, 2024, 'VER', 'NOR').rounds.find(
      (r) => r.grandPrixId === 'china',
    )!;
    expect(sprintPoints.a!.points).toBe(25 + 8);
  });

  it('refuses the same driver twice and a driver absent from the season', () => {
    expect(() => compareDrivers(db, 2024, 'VER', 'max verstappen')).toThrow(/same driver/);
    expect(() => compareDrivers(db, 1960, 'VER', 'HAM')).toThrow(/no race result in 1960/);
  });
});
