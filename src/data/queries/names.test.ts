import { describe, expect, it } from 'vitest';
import { NameIndex, normalizeName, pickBest, type NameEntry } from './names.ts';

describe('normalizeName', () => {
  it('strips accents, case and punctuation', () => {
    expect(normalizeName('Kimi Räikkönen')).toBe('kimi raikkonen');
    expect(normalizeName('Sergio Pérez')).toBe('sergio perez');
    expect(normalizeName('  Nico HÜLKENBERG ')).toBe('nico hulkenberg');
    expect(normalizeName('Carlos Sainz Jr.')).toBe('carlos sainz jr');
    expect(normalizeName('Gran Premio d’Italia')).toBe('gran premio d italia');
    expect(normalizeName('Tom Kristensen / Søren')).toBe('tom kristensen soren');
    expect(normalizeName('max-verstappen')).toBe('max verstappen');
  });
});

type V = { year: number };
const entry = (
  id: string,
  label: string,
  names: string[],
  year: number,
  secondary?: string[],
): NameEntry<V> => ({
  id,
  label,
  names,
  secondary,
  value: { year },
});

describe('NameIndex', () => {
  const index = new NameIndex([
    entry(
      'max-verstappen',
      'Max Verstappen',
      ['max-verstappen', 'Max Verstappen', 'Verstappen', 'Max', 'VER'],
      2026,
    ),
    entry(
      'jos-verstappen',
      'Jos Verstappen',
      ['jos-verstappen', 'Jos Verstappen', 'Verstappen', 'Jos', 'VER'],
      2003,
    ),
    entry('italy', 'Italian Grand Prix', ['italy', 'Italian Grand Prix', 'Italian GP'], 2026, [
      'Monza',
      'Italy',
    ]),
    entry('spain', 'Spanish Grand Prix', ['spain', 'Spanish Grand Prix'], 2026, ['Spain']),
    entry('belgium', 'Belgian Grand Prix', ['belgium', 'Belgian Grand Prix'], 2026, ['Spa-Francorchamps']),
  ]);

  it('ranks exact names first and returns every namesake', () => {
    const m = index.match('verstappen');
    expect(m.map((x) => [x.entry.id, x.rank]).sort()).toEqual([
      ['jos-verstappen', 0],
      ['max-verstappen', 0],
    ]);
  });

  it('matches whole words, then word prefixes, then typos', () => {
    expect(index.match('italian').map((x) => [x.entry.id, x.rank])).toEqual([['italy', 2]]);
    expect(index.match('max verst').map((x) => [x.entry.id, x.rank])).toEqual([['max-verstappen', 4]]);
    expect(index.match('verstapen').map((x) => x.rank)).toEqual([6, 6]);
    expect(index.match('zzzzzzz')).toEqual([]);
  });

  it('ranks secondary names below primary ones of the same tier', () => {
    expect(index.match('monza').map((x) => [x.entry.id, x.rank])).toEqual([['italy', 1]]);
    // "spa" is a whole word of the Belgian circuit's name but only a prefix of "Spanish": the word wins.
    const spa = pickBest(index.match('spa'), [(m) => -m.rank]);
    expect(spa.kind === 'one' && spa.match.entry.id).toBe('belgium');
  });

  it('does not prefix-match very short queries', () => {
    expect(index.match('it')).toEqual([]);
  });

  it('suggests the closest entries', () => {
    expect(
      index
        .closest('verstapen', 2)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['jos-verstappen', 'max-verstappen']);
  });
});

describe('pickBest', () => {
  const index = new NameIndex([
    entry('a', 'A Smith', ['Smith'], 2020),
    entry('b', 'B Smith', ['Smith'], 1990),
    entry('c', 'C Smith', ['Smith'], 2020),
  ]);
  it('breaks ties by the keys in order and reports remaining ties as ambiguous', () => {
    const byYear = pickBest(index.match('smith'), [(m) => m.entry.value.year]);
    expect(byYear.kind).toBe('ambiguous');
    expect(byYear.kind === 'ambiguous' && byYear.matches.map((m) => m.entry.id).sort()).toEqual(['a', 'c']);
    const in1990 = pickBest(index.match('smith'), [(m) => (m.entry.value.year === 1990 ? 1 : 0)]);
    expect(in1990.kind === 'one' && in1990.match.entry.id).toBe('b');
    expect(pickBest([], []).kind).toBe('none');
  });
});
