// What every driver and team is called, and how well known each is: the one source of names for the product.
// Two readers use it: resolve.ts turns one name (a REST parameter, a tool argument) into one id, with a
// not_found that lists the closest candidates; the agent's entity index finds names inside a sentence. Both read
// the same names, nicknames and team aliases from here, so "checo", "RBR" or "Piquet Jr" mean the same
// thing on every route, tool and answer, and both choose between namesakes the same way (`preferKeys`).
import type { Db } from '../db.ts';
import { DRIVER_NICKNAMES, TEAM_ALIASES } from './aliases.ts';
import { NON_STARTS } from './starts.ts';
import { normalizeName } from './names.ts';
import { memoPerDb, stmt } from './statements.ts';

/** Seasons an id took part in, and a measure of how well known it is (to choose between namesakes). */
export interface Known {
  years: Set<number>;
  lastYear: number;
  /** Drivers: race starts over the career; teams: seasons raced. */
  fame: number;
}

export interface DriverNames extends Known {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  code: string | null;
  permanentNumber: string | null;
  /** Names that name this driver alone: display and full names, first + last, the id, a suffixed surname. */
  fullNames: string[];
  /** Surname forms namesakes share: the surname without "Jr", the last word of a compound surname. */
  surnames: string[];
  /** Fan nicknames ("checo", "the iceman"); several drivers may share one. */
  nicknames: string[];
}

export interface ConstructorNames extends Known {
  id: string;
  name: string;
  fullName: string;
  /** The f1db names, the id as words and everyday aliases ("rbr", "the scuderia"). */
  names: string[];
}

const SUFFIX = / (jr|sr|ii|iii)$/;

/** Seasons per id: entered as a race driver or team, or in a race classification. */
function yearsById(rows: { id: string; year: number }[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const { id, year } of rows) {
    const set = out.get(id) ?? new Set<number>();
    set.add(year);
    out.set(id, set);
  }
  return out;
}

function known(years: Set<number> | undefined, fame: number): Known {
  const y = years ?? new Set<number>();
  return { years: y, lastYear: Math.max(0, ...y), fame };
}

function nicknamesById(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [nick, ids] of Object.entries(DRIVER_NICKNAMES))
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), nick]);
  return out;
}

export const driverCatalogue = memoPerDb((db: Db): DriverNames[] => {
  const years = yearsById(
    stmt<{ id: string; year: number }>(
      db,
      `SELECT driver_id AS id, year FROM season_entrant_driver WHERE test_driver = 0
       UNION SELECT rr.driver_id AS id, r.year FROM race_result rr JOIN race r ON r.id = rr.race_id`,
    ).all(),
  );
  const starts = new Map(
    stmt<{ id: string; n: number }>(
      db,
      `SELECT driver_id AS id, COUNT(*) AS n FROM race_result
       WHERE session = 'RACE' AND position_text NOT IN ${NON_STARTS} GROUP BY driver_id`,
    )
      .all()
      .map((r) => [r.id, r.n]),
  );
  const nicknames = nicknamesById();
  const rows = stmt<{
    id: string;
    name: string;
    first_name: string;
    last_name: string;
    full_name: string;
    abbreviation: string | null;
    permanent_number: string | null;
  }>(
    db,
    'SELECT id, name, first_name, last_name, full_name, abbreviation, permanent_number FROM driver',
  ).all();
  // "Piquet Sr": a father is named by his son's suffix turned round.
  const juniors = new Set(
    rows
      .filter((r) => / jr$/.test(normalizeName(r.last_name)) || / jr$/.test(normalizeName(r.name)))
      .map((r) => `${normalizeName(r.first_name)} ${normalizeName(r.last_name).replace(SUFFIX, '')}`),
  );
  return rows.map((r) => {
    const last = normalizeName(r.last_name).replace(SUFFIX, '');
    const suffix = SUFFIX.exec(normalizeName(r.last_name)) ?? SUFFIX.exec(normalizeName(r.name));
    const lastWord = last.split(' ').pop() ?? '';
    const fullNames = [
      r.name,
      r.full_name,
      `${r.first_name} ${r.last_name}`,
      r.id.replace(/-/g, ' '),
      // "Sainz Jr." is "Carlos Sainz" to fans; "Piquet Jr" names the son alone.
      `${r.first_name} ${last}`,
      ...(suffix ? [`${last}${suffix[0]}`] : []),
      ...(juniors.has(`${normalizeName(r.first_name)} ${last}`) && !suffix
        ? [`${r.first_name} ${last} sr`, `${last} sr`]
        : []),
    ];
    const surnames = [
      ...(last.length >= 3 ? [last] : []),
      ...(lastWord !== last && lastWord.length >= 4 ? [lastWord] : []),
    ];
    return {
      id: r.id,
      name: r.name,
      firstName: r.first_name,
      lastName: r.last_name,
      code: r.abbreviation,
      permanentNumber: r.permanent_number,
      fullNames: unique(fullNames),
      surnames: unique(surnames),
      nicknames: nicknames.get(r.id) ?? [],
      ...known(years.get(r.id), starts.get(r.id) ?? 0),
    };
  });
});

export const constructorCatalogue = memoPerDb((db: Db): ConstructorNames[] => {
  const years = yearsById(
    stmt<{ id: string; year: number }>(
      db,
      `SELECT constructor_id AS id, year FROM season_entrant_driver
       UNION SELECT rr.constructor_id AS id, r.year FROM race_result rr JOIN race r ON r.id = rr.race_id`,
    ).all(),
  );
  const aliases = new Map<string, string[]>();
  for (const [alias, id] of Object.entries(TEAM_ALIASES))
    aliases.set(id, [...(aliases.get(id) ?? []), alias]);
  return stmt<{ id: string; name: string; full_name: string }>(
    db,
    'SELECT id, name, full_name FROM constructor',
  )
    .all()
    .map((r) => {
      const y = years.get(r.id);
      return {
        id: r.id,
        name: r.name,
        fullName: r.full_name,
        names: unique([r.name, r.full_name, r.id.replace(/-/g, ' '), ...(aliases.get(r.id) ?? [])]),
        ...known(y, y?.size ?? 0),
      };
    });
});

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = normalizeName(n);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * How namesakes are ranked, best first, as sort keys (larger wins): one active in the season asked about (when
 * given), then how closely the name matched (`rank`, lower is closer), then the better known. "Schumacher" is
 * Michael, in 2021 Mick; "Hill" in 1996 is Damon. With a season, two namesakes both active that season tie
 * (Michael and Ralf in 2001): a caller that must name one reports them, a reader of free text picks the better known.
 */
export function preferKeys<T>(
  known: (x: T) => Pick<Known, 'years' | 'fame'>,
  year: number | undefined,
  rank: (x: T) => number = () => 0,
): ((x: T) => number)[] {
  if (year === undefined) return [(x) => -rank(x), (x) => known(x).fame];
  const active = (x: T) => known(x).years.has(year);
  return [(x) => (active(x) ? 1 : 0), (x) => -rank(x), (x) => (active(x) ? 0 : known(x).fame)];
}
