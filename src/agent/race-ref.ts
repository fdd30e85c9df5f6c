// Resolving a race reference — a season plus a name ("Monza", "Abu Dhabi GP", "round 5") or a relative
// one ("last race", "next race", "this season") — to one championship round. Relative references go
// through the calendar and the clock, so "next race" means the next date on the schedule.
import { AppError } from '../errors.ts';
import type { EntityIndex, RaceEntity } from './entities.ts';
import { normalize } from './text.ts';

export interface RaceRefInput {
  year?: number | undefined;
  /** A name, circuit, country, "round 5", "last race" or "next race". */
  grandPrix?: string | undefined;
  round?: number | undefined;
}

export const LAST_RACE = /\b(last|latest|previous|most recent|recent)\s+(race|grand prix|gp|round)\b/;
export const NEXT_RACE = /\b(next|upcoming|coming)\s+(race|grand prix|gp|round)\b/;
export const THIS_SEASON = /\b(this|current)\s+(season|year|championship)\b/;

/**
 * Phrases (over normalized text) that name a season relative to the current one, most specific first:
 * "the year before last" before "last year", "last year" before "this year", and "his last season" ("Alonso's") is a
 * driver's final season, not last year.
 */
const RELATIVE_SEASONS: ReadonlyArray<{ re: RegExp; offset: number }> = [
  { re: /\b(the )?(year|season) before last\b|\b(two|2) (years|seasons|yrs) ago\b/, offset: -2 },
  {
    // "Max's last season" is last year; "Alonso's last season at Ferrari" is his final one there.
    re: /(?<!\b(his|her|their|its|s) )\b(last|previous) (year|season)s?('s)?\b|(?<=\bs )(last|previous) (year|season)\b(?! (at|with|for|driving for)\b)|\ba year ago\b/,
    offset: -1,
  },
  {
    // "a couple of weeks ago", "last weekend": this season's edition, run or not.
    re: /\b(this|current) (year|season|championship)\b|\bso far this (year|season)\b|\bthis year s\b|\b(last|this) (month|weekend)\b|\b(a )?(couple of |few )?(weeks|days) ago\b|\ba month ago\b|\byesterday\b|\brecently\b/,
    offset: 0,
  },
];

/**
 * The first phrase of normalized text naming a season relative to this one, and how many seasons back.
 * `match` lets a reader that consumes what it explains (the stats frame) do the matching.
 */
export function relativeSeasonPhrase(
  norm: string,
  match: (re: RegExp) => RegExpExecArray | null | undefined = (re) => re.exec(norm),
): { text: string; offset: number } | undefined {
  for (const { re, offset } of RELATIVE_SEASONS) {
    const m = match(re);
    if (m) return { text: m[0], offset };
  }
  return undefined;
}

/** "'92" is 1992, "09" is 2009: two digits from 50 on are the 1900s. */
export function fullYear(twoDigits: string | number): number {
  const yy = Number(twoDigits);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The season "this season" means: the calendar year, if the data has its calendar, else the latest one. */
export function currentSeason(index: EntityIndex, now: Date): number {
  const year = now.getUTCFullYear();
  const years = index.years();
  if (years.includes(year)) return year;
  return Math.max(...years.filter((y) => y <= year), Math.min(...years));
}

/** The latest race with a classification on or before today (optionally within one season). */
export function lastRace(index: EntityIndex, now: Date, year?: number): RaceEntity | undefined {
  const today = isoDate(now);
  return index.races
    .filter((r) => r.hasRaceResults && r.date <= today && (year === undefined || r.year === year))
    .at(-1);
}

/** The first race on the calendar from today on (optionally within one season). */
export function nextRace(index: EntityIndex, now: Date, year?: number): RaceEntity | undefined {
  const today = isoDate(now);
  return index.races.find(
    (r) => r.date >= today && !r.hasRaceResults && (year === undefined || r.year === year),
  );
}

export function label(race: RaceEntity): string {
  return `${race.year} ${race.grandPrixName}`;
}

/**
 * Resolves to one race or throws `not_found` with what the data does have (the season's calendar or
 * the seasons covered), so a model or a person can correct the reference.
 */
export function resolveRace(index: EntityIndex, input: RaceRefInput, now: Date): RaceEntity {
  const text = normalize(input.grandPrix ?? '');
  const year = input.year;
  if (year !== undefined && index.racesOf(year).length === 0) {
    const years = index.years();
    throw new AppError(
      'not_found',
      `The ${year} season is not available in the data (it covers ${years[0]}–${years.at(-1)}).`,
      {
        reason: 'no_season',
      },
    );
  }
  if (LAST_RACE.test(text)) {
    const race = lastRace(index, now, year);
    if (!race)
      throw new AppError('not_found', `No race of ${year ?? 'any season'} has results yet.`, {
        reason: 'not_run',
      });
    return race;
  }
  if (NEXT_RACE.test(text)) {
    const race = nextRace(index, now, year);
    if (!race)
      throw new AppError('not_found', `No upcoming race is on the calendar in the data.`, {
        reason: 'no_race',
      });
    return race;
  }
  const roundMatch = /\bround\s+(\d{1,2})\b/.exec(text) ?? /^(\d{1,2})$/.exec(text);
  const round = input.round ?? (roundMatch ? Number(roundMatch[1]) : undefined);
  if (round !== undefined) {
    const season = year ?? currentSeason(index, now);
    const race = index.racesOf(season).find((r) => r.round === round);
    if (!race) {
      throw new AppError(
        'not_found',
        `The ${season} season has no round ${round} (it has ${index.racesOf(season).length}).`,
        {
          reason: 'no_race',
        },
      );
    }
    return race;
  }
  if (!text) throw new AppError('bad_request', 'Name the race: a grand prix, circuit, country or round.');
  const matches = index.matchRaces(text, year);
  if (matches.length === 0) {
    // Not a phrase of any race's names: read as the REST routes read a name (a typo, a prefix), whose
    // not_found lists the closest rounds of the season.
    if (year !== undefined) return index.raceNamed(year, input.grandPrix ?? text);
    throw new AppError('not_found', `There is no "${input.grandPrix}" race in the data.`, {
      reason: 'no_race',
    });
  }
  if (year !== undefined) return matches[0]!.race;
  // No season given: among the best-scoring races, the latest one that has been run.
  const best = matches.filter((m) => m.score === matches[0]!.score).map((m) => m.race);
  return best.find((r) => r.hasRaceResults) ?? best[0]!;
}
