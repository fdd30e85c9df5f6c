import { describe, expect, it } from 'vitest';
import { getRace } from './races.ts';
import { testDb } from './test-db.ts';

const db = testDb();

describe('getRace', () => {
  it('gives the 2024 Italian GP in full, by number or by name', () => {
    const r = getRace(db, 2024, 'monza');
    expect(getRace(db, 2024, 16)).toBe(r); // memoised: a finished round is built once
    expect(r).toMatchObject({
      year: 2024,
      round: 16,
      grandPrixId: 'italy',
      status: 'completed',
      sprintWeekend: false,
    });
    expect(r.circuit).toMatchObject({
      id: 'monza',
      lengthKm: 5.793,
      turns: 11,
      direction: 'CLOCKWISE',
      country: 'Italy',
    });
    expect(r.laps).toBe(53);
    expect(r.podium.map((p) => p.driver.id)).toEqual(['charles-leclerc', 'oscar-piastri', 'lando-norris']);
    const winner = r.classification[0]!;
    expect(winner).toMatchObject({
      position: 1,
      number: '16',
      team: { id: 'ferrari' },
      timeOrGap: '1:14:40.727',
    });
    expect(winner.points).toBe(25);
    expect(r.classification[1]!.timeOrGap).toBe('+2.664');
    expect(r.qualifying[0]).toMatchObject({ position: 1, driver: { id: 'lando-norris' }, q3: '1:19.327' });
    expect(r.fastestLap).toMatchObject({ driver: { id: 'lando-norris' }, lap: 53, time: '1:21.432' });
    expect(r.pitStops.length).toBeGreaterThan(15);
    expect(r.sprint).toBeNull();
  });

  it('carries retirement reasons and places gained', () => {
    const aus = getRace(db, 2024, 'australia');
    const ver = aus.classification.find((x) => x.driver.id === 'max-verstappen')!;
    expect(ver).toMatchObject({
      position: null,
      positionText: 'DNF',
      status: 'DNF',
      retirementReason: 'Brakes',
      laps: 3,
    });
    expect(ver.timeOrGap).toBeNull();
    const sainz = aus.classification[0]!;
    expect(sainz).toMatchObject({ driver: { id: 'carlos-sainz-jr' }, grid: 2, placesGained: 1 });
    const lapped = getRace(db, 2024, 16).classification.find((x) => x.gap === '+1 lap')!;
    expect(lapped.status).toBe('+1 Lap');
  });

  it('has the sprint and sprint qualifying of a sprint weekend', () => {
    const china = getRace(db, 2024, 'china');
    expect(china.sprintWeekend).toBe(true);
    expect(china.sprint!.slice(0, 2).map((x) => [x.driver.id, x.points])).toEqual([
      ['max-verstappen', 8],
      ['lewis-hamilton', 7],
    ]);
    expect(china.sprintQualifying!.length).toBeGreaterThan(15);
    expect(china.sessions.find((s) => s.kind === 'SPRINT_RACE')!.startsAt).toMatch(/Z$/);
  });

  it('describes a round without a race result as not completed', () => {
    const dutch = getRace(db, 2026, 'netherlands', new Date('2026-11-26T12:00:00Z'));
    expect(dutch.status).toBe('awaiting_results');
    expect(dutch.classification).toEqual([]);
    expect(dutch.podium).toEqual([]);
  });
});
