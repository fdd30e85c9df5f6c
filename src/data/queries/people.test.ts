import { describe, expect, it } from 'vitest';
import { getCircuit, listCircuits } from './circuits.ts';
import { getConstructor, listConstructors } from './constructors.ts';
import { getDriver, listDrivers } from './drivers.ts';
import { testDb } from './test-db.ts';

const db = testDb();

describe('drivers', () => {
  it('totals a finished career (Senna)', () => {
    const senna = getDriver(db, 'ayrton senna');
    expect(senna).toMatchObject({ id: 'ayrton-senna', nationality: 'Brazilian', dateOfBirth: '1960-03-21' });
    expect(senna.career).toMatchObject({
      starts: 161,
      wins: 41,
      poles: 65,
      podiums: 80,
      titles: 3,
      seasons: 11,
      firstSeason: 1984,
      lastSeason: 1994,
    });
  });

  it('counts a career as the agent does: points as the championship tables scored them, by nickname too', () => {
    // Prost scored 798.5 points gross; the tables kept 768.5 after the dropped scores of his era.
    expect(getDriver(db, 'the professor').career).toMatchObject({ points: 768.5, poles: 33, titles: 4 });
  });

  it('shows the race numbers of each season (Verstappen: 33, 1, then 3)', () => {
    const ver = getDriver(db, 'VER');
    const numbers = Object.fromEntries(ver.seasons.map((s) => [s.year, s.numbers]));
    expect(numbers[2021]).toEqual(['33']);
    expect(numbers[2022]).toEqual(['1']);
    expect(numbers[2025]).toEqual(['1']);
    expect(numbers[2026]).toEqual(['3']);
    expect(ver.permanentNumber).toBe('3');
    expect(ver.seasons.filter((s) => s.champion).map((s) => s.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(ver.career.titles).toBe(4);
  });

  it('counts seven titles for Hamilton and Schumacher', () => {
    expect(getDriver(db, 'lewis hamilton').career.titles).toBe(7);
    const msc = getDriver(db, 'michael-schumacher').career;
    expect(msc).toMatchObject({ titles: 7, wins: 91, firstSeason: 1991, lastSeason: 2012 });
  });

  it('searches by part of a name and lists a season’s entrants', () => {
    const found = listDrivers(db, { search: 'hamil' }).map((d) => d.id);
    expect(found[0]).toBe('lewis-hamilton');
    expect(found).toContain('duncan-hamilton');
    expect(
      listDrivers(db, { search: 'schumacher', year: 2001 })
        .map((d) => d.id)
        .sort(),
    ).toEqual(['michael-schumacher', 'ralf-schumacher']);
    const grid2021 = listDrivers(db, { year: 2021 }).map((d) => d.id);
    expect(grid2021).toContain('mick-schumacher');
    expect(grid2021).not.toContain('michael-schumacher');
  });
});

describe('constructors', () => {
  it('totals Ferrari', () => {
    const f = getConstructor(db, 'Scuderia Ferrari');
    expect(f.id).toBe('ferrari');
    expect(f.career.firstSeason).toBe(1950);
    expect(f.career.titles).toBe(16);
    expect(f.career.wins).toBeGreaterThanOrEqual(248);
  });

  it('follows a lineage of names', () => {
    const audi = getConstructor(db, 'sauber');
    expect(audi.chronology.map((c) => c.constructor.id)).toEqual(
      expect.arrayContaining(['sauber', 'bmw-sauber', 'alfa-romeo', 'kick-sauber']),
    );
  });

  it('searches and lists', () => {
    expect(listConstructors(db, { search: 'red bull' })[0]!.id).toBe('red-bull');
    expect(listConstructors(db, { year: 2024 }).map((c) => c.id)).toContain('mclaren');
  });
});

describe('circuits', () => {
  it('has Monza’s facts and history', () => {
    const m = getCircuit(db, 'Monza');
    expect(m).toMatchObject({ id: 'monza', country: 'Italy', type: 'RACE', lengthKm: 5.793, turns: 11 });
    expect(m.latitude).toBeCloseTo(45.62, 2);
    expect(m.longitude).toBeCloseTo(9.29, 2);
    expect(m.layouts.length).toBeGreaterThan(3);
    expect(m.firstYear).toBe(1950);
    expect(m.races.find((r) => r.year === 2024)!.winner).toMatchObject({
      id: 'charles-leclerc',
      team: { id: 'ferrari' },
    });
    expect(listCircuits(db).find((c) => c.id === 'monza')!.racesHeld).toBe(m.racesHeld);
  });
});
