import { describe, expect, it } from 'vitest';
import { durationMillis, parseGap, positionNumber } from './time.ts';

describe('f1db time texts', () => {
  it('parses race, lap and pit-stop durations', () => {
    expect(durationMillis('1:34:00.161')).toBe(5_640_161);
    expect(durationMillis('1:37.577')).toBe(97_577);
    expect(durationMillis('23.763')).toBe(23_763);
    expect(durationMillis('+7.959')).toBe(7_959);
  });
  it('rejects what is not a time', () => {
    expect(durationMillis(null)).toBeNull();
    expect(durationMillis('DNF')).toBeNull();
    expect(durationMillis('+2 laps')).toBeNull();
  });
  it('tells lap gaps from time gaps', () => {
    expect(parseGap('+2 laps')).toEqual({ millis: null, laps: 2 });
    expect(parseGap('+1 lap')).toEqual({ millis: null, laps: 1 });
    expect(parseGap('+15.373')).toEqual({ millis: 15_373, laps: null });
    expect(parseGap(undefined)).toEqual({ millis: null, laps: null });
  });
  it('keeps only numeric positions as numbers', () => {
    expect(positionNumber(3)).toBe(3);
    expect(positionNumber('12')).toBe(12);
    expect(positionNumber('DNF')).toBeNull();
  });
});
