// Text normalisation shared by name resolution and the offline engine: lower case, no diacritics,
// punctuation as spaces, so "Hülkenberg", "hulkenberg" and "HÜLKENBERG" all read the same.
import { normalizeName } from '../data/queries/names.ts';

/** The data layer's normalisation, so names resolve the same everywhere. */
export const normalize = normalizeName;

/** True when `phrase` (normalised) occurs in `haystack` (normalised) on word boundaries. */
export function containsPhrase(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  return (' ' + haystack + ' ').includes(' ' + phrase + ' ');
}

/** Places written as words, as questions say them ("finished second", "his third title"). */
export const PLACE_WORDS: Readonly<Record<string, number>> = {
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

/** Formats points the way F1 prints them: 395.5, 136 (never 136.0). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}
