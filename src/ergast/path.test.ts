import { describe, expect, it } from 'vitest';
import { parseErgastPath } from './path.ts';
import { AppError } from '../errors.ts';

describe('Ergast URL grammar', () => {
  it('reads season, round and the resource', () => {
    expect(parseErgastPath('2023/9/results.json')).toEqual({
      season: 2023,
      round: 9,
      filters: {},
      resource: 'results',
    });
    expect(parseErgastPath('current/last/results')).toMatchObject({ season: 'current', round: 'last' });
    expect(parseErgastPath('current/next.json')).toMatchObject({ round: 'next', resource: 'races' });
    expect(parseErgastPath('2023.json')).toEqual({ season: 2023, filters: {}, resource: 'races' });
    expect(parseErgastPath('')).toEqual({ filters: {}, resource: 'races' });
  });

  it('reads filters in any order and a trailing resource with a value', () => {
    expect(parseErgastPath('drivers/alonso/circuits/monaco/races')).toEqual({
      filters: { drivers: 'alonso', circuits: 'monaco' },
      resource: 'races',
    });
    expect(parseErgastPath('constructors/red_bull/seasons')).toMatchObject({
      filters: { constructors: 'red_bull' },
      resource: 'seasons',
    });
    expect(parseErgastPath('2023/results/1')).toMatchObject({
      filters: { results: '1' },
      resource: 'results',
    });
    expect(parseErgastPath('2023/grid/1/results')).toMatchObject({
      filters: { grid: '1' },
      resource: 'results',
    });
    expect(parseErgastPath('2023/fastest/1/results')).toMatchObject({ filters: { fastest: '1' } });
    expect(parseErgastPath('status/11/drivers')).toMatchObject({
      filters: { status: '11' },
      resource: 'drivers',
    });
    expect(parseErgastPath('drivers/alonso')).toMatchObject({
      filters: { drivers: 'alonso' },
      resource: 'drivers',
    });
    // Resource names are case-insensitive (Jolpica prints /driverstandings).
    expect(parseErgastPath('2023/22/driverstandings.json').resource).toBe('driverStandings');
  });

  it.each([
    ['2023/results.xml', /JSON/],
    ['2023/9/podiums', /Unknown Ergast resource/],
    ['foo/bar/results', /not an Ergast qualifier/],
    ['2023/qualifying/1/results', /not an Ergast qualifier/],
    ['2023/grid/first/results', /Bad value/],
    ['drivers/al%20onso/results', /Bad value/],
    ['2023/grid/1', /needs a resource/],
    ['drivers/alonso/drivers/hamilton/results', /twice/],
  ])('rejects %s', (path, message) => {
    let err: unknown;
    try {
      parseErgastPath(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bad_request');
    expect((err as AppError).message).toMatch(message);
  });
});
