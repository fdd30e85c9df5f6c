import { describe, expect, it } from 'vitest';
import { statsQuery } from './stats.ts';
import { testDb } from './test-db.ts';

const db = testDb();

describe('statistics over many races', () => {
  it('counts one-two finishes per team and season', () => {
    const teams = statsQuery(db, { metric: 'one_twos', groupBy: 'constructor', count: 'races', limit: 2 });
    expect(teams.rows.map((r) => [r.key, r.value])).toEqual([
      ['ferrari', 87],
      ['mercedes', 62],
    ]);
    const seasons = statsQuery(db, { metric: 'one_twos', groupBy: 'constructor_season', limit: 1 });
    expect(seasons.rows[0]).toMatchObject({ key: 'mercedes@2015', value: 12 });
  });

  it("counts a team's winning streak over the races it entered, a driver's over his starts", () => {
    const teams = statsQuery(db, { metric: 'wins', groupBy: 'constructor', streak: true, limit: 2 });
    expect(teams.rows[0]).toMatchObject({ key: 'red-bull', value: 15 });
    expect(teams.rows[0]!.firstEvent).toMatchObject({ year: 2022, raceName: 'Abu Dhabi Grand Prix' });
    expect(teams.rows[0]!.lastEvent).toMatchObject({ year: 2023, raceName: 'Italian Grand Prix' });
    const driver = statsQuery(db, { metric: 'wins', groupBy: 'driver', streak: true, limit: 1 });
    expect(driver.rows[0]).toMatchObject({ key: 'max-verstappen', value: 10 });
  });

  it('groups races by the country they were held in, and filters by it', () => {
    const hosts = statsQuery(db, { metric: 'races_held', groupBy: 'host_country', limit: 1 });
    expect(hosts.rows[0]).toMatchObject({ key: 'italy', name: 'Italy' });
    const us = statsQuery(db, {
      metric: 'races_held',
      groupBy: 'circuit',
      filters: { hostCountryId: 'united-states-of-america' },
      limit: 100,
    });
    expect(us.groups).toBe(12);
  });

  it('groups a driver with one team, and by tyre maker', () => {
    const pair = statsQuery(db, { metric: 'wins', groupBy: 'driver_constructor', limit: 1 });
    expect(pair.rows[0]).toMatchObject({ key: 'lewis-hamilton@mercedes', value: 84 });
    const tyres = statsQuery(db, { metric: 'wins', groupBy: 'tyre', count: 'races', limit: 2 });
    expect(tyres.rows.map((r) => r.key)).toEqual(['goodyear', 'pirelli']);
    const onBridgestone = statsQuery(db, {
      metric: 'wins',
      groupBy: 'constructor',
      filters: { constructorId: 'ferrari', tyreId: 'bridgestone' },
    });
    expect(onBridgestone.rows[0]?.value).toBe(96);
  });

  it('keeps only seasons without a win, or drivers without a point', () => {
    const winless = statsQuery(db, {
      metric: 'points',
      groupBy: 'driver_season',
      filters: { winlessSeason: true },
      limit: 1,
    });
    expect(winless.rows[0]).toMatchObject({ key: 'valtteri-bottas@2018', value: 247 });
    const pointless = statsQuery(db, {
      metric: 'starts',
      groupBy: 'driver',
      filters: { withoutPoints: true },
      limit: 1,
    });
    expect(pointless.rows[0]).toMatchObject({ key: 'luca-badoer', value: 50 });
  });

  it('picks the best classified finish and how often it came', () => {
    const best = statsQuery(db, {
      metric: 'finishes',
      groupBy: 'driver',
      pick: 'best_finish',
      filters: { driverId: 'jos-verstappen' },
    });
    expect(best.rows[0]).toMatchObject({ value: 3, sample: 2, event: { year: 1994 } });
  });

  it('turns totals into shares of the starts above a floor', () => {
    const rate = statsQuery(db, {
      metric: 'wins',
      groupBy: 'driver',
      perStart: { minStarts: 20 },
      limit: 3,
    });
    expect(rate.rows[0]?.key).toBe('juan-manuel-fangio');
    for (const r of rate.rows) expect(r.sample).toBeGreaterThanOrEqual(20);
    // Below the floor nobody is listed: a 100 % from one start is no record.
    expect(rate.rows.every((r) => r.value <= 100)).toBe(true);
    const high = statsQuery(db, { metric: 'wins', groupBy: 'driver', perStart: { minStarts: 1000 } });
    expect(high.rows).toEqual([]);
  });

  it('counts sprints run, apart from Grands Prix', () => {
    const sprints = statsQuery(db, {
      metric: 'races_held',
      session: 'sprint',
      groupBy: 'season',
      filters: { fromYear: 2023, toYear: 2023 },
    });
    expect(sprints.rows[0]).toMatchObject({ key: '2023', value: 6 });
  });
});
