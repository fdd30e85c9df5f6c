// Championship arithmetic: pure cases with exact numbers, then real seasons from the F1 database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../data/db.ts';
import { analyseChampionship, applyResults } from './championship.ts';
import { maxWeekendPoints, pointsFor, pointsSystem } from './points.ts';
import { championshipScenario, whatIf } from './service.ts';

describe('points systems', () => {
  it('knows race, sprint and fastest-lap points by season', () => {
    expect(pointsSystem(2024).fastestLap).toBe(1);
    expect(pointsSystem(2025).fastestLap).toBe(0);
    expect(pointsSystem(2021).sprint).toEqual([3, 2, 1]);
    expect(pointsSystem(2008).race[0]).toBe(10);
    expect(maxWeekendPoints(pointsSystem(2023), { round: 1, name: 'x', sprint: true })).toBe(34);
    expect(maxWeekendPoints(pointsSystem(2014), { round: 19, name: 'Abu Dhabi', sprint: false })).toBe(50);
    expect(pointsFor(pointsSystem(2024), 'RACE', 11, 1, true)).toBe(0);
    expect(pointsFor(pointsSystem(2024), 'RACE', 10, 1, true)).toBe(2);
    expect(() => pointsSystem(1980)).toThrow(/1991/);
  });
});

describe('analyseChampionship', () => {
  const ps = pointsSystem(2025);
  const remaining = [
    { round: 23, name: 'Qatar', sprint: true },
    { round: 24, name: 'Abu Dhabi', sprint: false },
  ];
  const table = [
    { driverId: 'a', name: 'A', points: 415, wins: 8 },
    { driverId: 'b', name: 'B', points: 384, wins: 7 },
    { driverId: 'c', name: 'C', points: 356, wins: 5 },
  ];

  it('counts points left, contenders and next-round clinching margins', () => {
    const s = analyseChampionship(2025, 22, table, remaining, ps);
    expect(s.pointsRemaining).toBe(58);
    expect(s.decided).toBe(false);
    expect(s.contenders.map((c) => c.driverId)).toEqual(['a', 'b']); // C: 356 + 58 < 415
    const a = s.contenders[0]!;
    // After Qatar 25 pts remain: A clinches if the lead over B exceeds 25, i.e. losing at most 5 to B.
    expect(a.canClinchAtNextRound).toBe(true);
    expect(a.nextRoundMargins).toEqual([{ rival: 'B', outscoreBy: -5 }]);
    expect(a.summary).toMatch(/losing no more than 5 pts to B/);
    expect(s.contenders[1]!.canClinchAtNextRound).toBe(false);
  });

  it('tells a title in their own hands from an outside chance', () => {
    // 12 races, 2 with sprints, 2025 points: winning while the leader is second gains 12 × 7 + 2 × 1 = 86.
    const season = Array.from({ length: 12 }, (_, i) => ({
      round: 12 + i,
      name: `R${12 + i}`,
      sprint: i < 2,
    }));
    const field = [
      { driverId: 'l', name: 'Leader', points: 219, wins: 6 },
      { driverId: 'n', name: 'Near', points: 133, wins: 2 }, // 86 behind: exactly enough
      { driverId: 'f', name: 'Far', points: 132, wins: 1 }, // 87 behind: needs the leader lower too
    ];
    const s = analyseChampionship(2025, 11, field, season, ps);
    expect(s.contenders.map((c) => [c.driverId, c.canStillWin, c.inTheFight])).toEqual([
      ['l', true, true],
      ['n', true, true],
      ['f', true, false],
    ]);
    expect(s.contenders[2]!.summary).toMatch(/needs Leader to finish lower than second too.*86 pts/);
    expect(s.summary).toMatch(
      /^3 driver\(s\) can still mathematically win the 2025 title, 2 of them on their own/,
    );
  });

  it('leaves out an entrant without a start, whatever the points left, until a what-if gives him one', () => {
    const field = [
      { driverId: 'a', name: 'A', points: 40, wins: 1, starts: 5 },
      { driverId: 'b', name: 'B', points: 30, wins: 1, starts: 5 },
      { driverId: 'r', name: 'Reserve', points: 0, wins: 0, starts: 0 },
    ];
    const s = analyseChampionship(2025, 5, field, remaining, ps);
    expect(s.contenders.map((c) => c.driverId)).toEqual(['a', 'b']); // Reserve: 0 + 58 ≥ 40, but never started
    expect(s.withoutStarts).toEqual(['Reserve']);
    expect(
      analyseChampionship(
        2025,
        5,
        field.map((d) => ({ ...d, starts: 1 })),
        remaining,
        ps,
      ).contenders,
    ).toHaveLength(3);
    expect(s.summary).toMatch(/Not counted: Reserve \(no start this season\)\.$/);
    // Before the first round nobody has started: everyone counts.
    const pre = analyseChampionship(2025, 0, field, remaining, ps);
    expect(pre.withoutStarts).toEqual([]);
    const raced = applyResults(field, [{ round: 23, session: 'RACE', order: ['r'] }], ps);
    expect(raced.find((t) => t.driverId === 'r')).toMatchObject({ starts: 1, points: 25 });
    expect(analyseChampionship(2025, 23, raced, remaining.slice(1), ps).withoutStarts).toEqual([]);
  });

  it('declares the champion when nobody can catch up, ties stay open', () => {
    const decided = analyseChampionship(2025, 23, table, remaining.slice(1), ps);
    expect(decided.decided).toBe(true);
    expect(decided.champion).toBe('A');
    const tie = analyseChampionship(
      2025,
      23,
      [table[0]!, { ...table[1]!, points: 390 }],
      remaining.slice(1),
      ps,
    );
    expect(tie.decided).toBe(false); // 390 + 25 = 415: a tie on points goes to countback
  });

  it('applies hypothetical results', () => {
    const next = applyResults(table, [{ round: 23, session: 'SPRINT_RACE', order: ['c', 'b', 'a'] }], ps);
    expect(next.map((t) => [t.driverId, t.points, t.gained])).toEqual([
      ['a', 421, 6],
      ['b', 391, 7],
      ['c', 364, 8],
    ]);
    expect(() => applyResults(table, [{ round: 23, session: 'RACE', order: ['a', 'a'] }], ps)).toThrow(
      /twice/,
    );
    expect(() => applyResults(table, [{ round: 23, session: 'RACE', order: ['zz'] }], ps)).toThrow(/not in/);
  });
});

describe('real seasons', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(process.env.DATABASE_PATH!);
  });
  afterAll(() => db.close());

  it('2023: Verstappen could not have clinched before Qatar and had after it', () => {
    const before = championshipScenario(db, 2023, { round: 16 });
    expect(before.decided).toBe(false);
    const ver = before.contenders.find((c) => c.driverId === 'max-verstappen')!;
    expect(ver.canClinchAtNextRound).toBe(true);
    const after = championshipScenario(db, 2023, { round: 17, driver: 'PER' });
    expect(after.decided).toBe(true);
    expect(after.champion).toBe('Max Verstappen');
    expect(after.driver).toMatchObject({ driverId: 'sergio-perez', canStillWin: false });
  });

  it('2025 before the finale: three contenders; what-if for Las Vegas', () => {
    const s = championshipScenario(db, 2025, { round: 21 });
    expect(s.contenders.map((c) => c.driverId)).toEqual(['lando-norris', 'oscar-piastri', 'max-verstappen']);
    expect(s.pointsRemaining).toBe(25 * 3 + 8);
    const w = whatIf(db, 2025, { afterRound: 21, results: [{ round: 22, order: ['NOR', 'Piastri', '1'] }] });
    expect(w.standings.slice(0, 3).map((x) => [x.driverId, x.gained])).toEqual([
      ['lando-norris', 25],
      ['oscar-piastri', 18],
      ['max-verstappen', 15],
    ]);
    expect(w.scenario.contenders.map((c) => c.driverId)).not.toContain('max-verstappen');
    expect(w.roundsWithoutResults).toEqual([]);
    const gap = whatIf(db, 2025, { afterRound: 21, results: [{ round: 23, order: ['PIA'] }] });
    expect(gap.roundsWithoutResults).toEqual([22]);
    expect(() => whatIf(db, 2025, { afterRound: 21, results: [{ round: 21, order: ['NOR'] }] })).toThrow(
      /already counted/,
    );
    expect(() =>
      whatIf(db, 2025, { afterRound: 21, results: [{ round: 22, session: 'SPRINT', order: ['NOR'] }] }),
    ).toThrow(/no sprint/);
  });

  it('2026 after round 11: Tsunoda, an entrant without a start, is not counted; points left decide the rest', () => {
    const s = championshipScenario(db, 2026, { round: 11, driver: 'Tsunoda' });
    // 12 races and 2 sprints left at 25 and 8 pts (no fastest-lap point from 2025).
    expect(s.pointsRemaining).toBe(12 * 25 + 2 * 8);
    expect(s.withoutStarts).toEqual(['Yuki Tsunoda']);
    expect(s.contenders.map((c) => c.driverId)).not.toContain('yuki-tsunoda');
    expect(s.contenders.every((c) => c.points + s.pointsRemaining >= s.contenders[0]!.points)).toBe(true);
    expect(s.contenders.filter((c) => c.inTheFight).length).toBeLessThan(s.contenders.length);
    expect(s.driver).toMatchObject({ driverId: 'yuki-tsunoda', canStillWin: false });
    expect(s.driver!.summary).toMatch(/has not started a race in 2026/);
    expect(s.summary).toMatch(/Not counted: Yuki Tsunoda/);
  });

  it('rejects rounds without standings and unknown drivers', () => {
    expect(() => championshipScenario(db, 2026, { round: 20 })).toThrow(/No standings after round 20/);
    expect(() => championshipScenario(db, 2025, { driver: 'Nobody Atall' })).toThrow(/No driver/);
  });
});
