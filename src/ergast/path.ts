// The Ergast URL grammar: [/<season>[/<round>]] (/<qualifier>/<value>)* [/<resource>[/<value>]] [.json]
//   /2023/9/results, /current/last/results, /drivers/alonso/circuits/monaco/races,
//   /constructors/red_bull/seasons, /2023/results/1 (winners), /2023/grid/1/results, /status/11/drivers.
// A trailing resource with a value is both the resource and a filter on it (/drivers/alonso, /2023/driverStandings/1).
// Two dialects read the same grammar: `ergast` (ergast.com, served at /api/f1) rejects a qualifier given twice;
// `jolpica` (Jolpica-F1, at /ergast/f1) keeps the last one.
import { badRequest } from '../errors.ts';

export type Dialect = 'ergast' | 'jolpica';

export const RESOURCES = [
  'seasons',
  'circuits',
  'races',
  'results',
  'qualifying',
  'sprint',
  'drivers',
  'constructors',
  'driverStandings',
  'constructorStandings',
  'status',
  'pitstops',
  'laps',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** Keys that take a value: entity ids or positions. */
export const FILTER_KEYS = [
  'circuits',
  'constructors',
  'drivers',
  'grid',
  'results',
  'fastest',
  'status',
  'qualifying',
  'sprint',
  'driverStandings',
  'constructorStandings',
  'pitstops',
  'laps',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Keys that may stand before the resource (the documented qualifiers; `laps` for /laps/N/pitstops). */
const QUALIFIERS = new Set<FilterKey>([
  'circuits',
  'constructors',
  'drivers',
  'grid',
  'results',
  'fastest',
  'status',
  'laps',
  'driverStandings',
  'constructorStandings',
]);

/** Resources that take a trailing value, and so filter on it (/drivers/alonso, /results/1). */
const VALUED_RESOURCES = new Set<Resource>([
  'circuits',
  'constructors',
  'drivers',
  'results',
  'qualifying',
  'sprint',
  'driverStandings',
  'constructorStandings',
  'status',
  'pitstops',
  'laps',
]);

const NUMERIC_KEYS = new Set<FilterKey>([
  'grid',
  'results',
  'fastest',
  'status',
  'qualifying',
  'sprint',
  'driverStandings',
  'constructorStandings',
  'pitstops',
  'laps',
]);

export interface ErgastQuery {
  season?: number | 'current';
  round?: number | 'last' | 'next';
  filters: Partial<Record<FilterKey, string>>;
  resource: Resource;
}

const byLower = <T extends string>(names: readonly T[]) => new Map(names.map((n) => [n.toLowerCase(), n]));
const RESOURCE_BY_LOWER = byLower(RESOURCES);
const FILTER_BY_LOWER = byLower(FILTER_KEYS);

function checkValue(key: FilterKey, value: string): void {
  if (NUMERIC_KEYS.has(key) ? !/^\d{1,4}$/.test(value) : !/^[A-Za-z0-9_-]{1,64}$/.test(value))
    throw badRequest(`Bad value "${value}" for "${key}"`);
}

/** Parses the part of the path after `/ergast/f1` (or `/api/f1`). Throws `bad_request` on a malformed path. */
export function parseErgastPath(path: string, dialect: Dialect = 'ergast'): ErgastQuery {
  let segs = path.split('/').filter((s) => s.length > 0);
  const last = segs.at(-1);
  if (last !== undefined) {
    const ext = /\.([a-z]+)$/i.exec(last);
    if (ext) {
      if (ext[1]!.toLowerCase() !== 'json') throw badRequest(`Only JSON is served (got .${ext[1]})`);
      const bare = last.slice(0, -ext[0].length);
      segs = bare ? [...segs.slice(0, -1), bare] : segs.slice(0, -1);
    }
  }
  const q: ErgastQuery = { filters: {}, resource: 'races' };
  let i = 0;
  const s0 = segs[0]?.toLowerCase();
  if (s0 === 'current' || /^\d{4}$/.test(s0 ?? '')) {
    q.season = s0 === 'current' ? 'current' : Number(s0);
    i++;
    const s1 = segs[1]?.toLowerCase();
    if (s1 === 'last' || s1 === 'next' || /^\d{1,2}$/.test(s1 ?? '')) {
      q.round = s1 === 'last' || s1 === 'next' ? s1 : Number(s1);
      i++;
    }
  }
  const set = (key: FilterKey, value: string) => {
    checkValue(key, value);
    if (q.filters[key] !== undefined && dialect === 'ergast') throw badRequest(`Filter "${key}" given twice`);
    q.filters[key] = value;
  };
  while (i < segs.length) {
    const raw = segs[i]!;
    const resource = RESOURCE_BY_LOWER.get(raw.toLowerCase());
    const rest = segs.length - i - 1;
    if (resource && rest === 0) {
      q.resource = resource;
      return finish(q);
    }
    if (resource && rest === 1 && VALUED_RESOURCES.has(resource)) {
      set(resource as FilterKey, segs[i + 1]!);
      q.resource = resource;
      return finish(q);
    }
    const key = FILTER_BY_LOWER.get(raw.toLowerCase());
    if (!key || !QUALIFIERS.has(key)) {
      if (rest === 0) throw badRequest(`Unknown Ergast resource "${raw}"`);
      if (resource && rest === 1) throw badRequest(`"${resource}" takes no value after it`);
      throw badRequest(`"${raw}" is not an Ergast qualifier (at segment ${i + 1})`);
    }
    if (rest === 0) throw badRequest(`"${key}" needs a value and a resource (e.g. /${key}/1/results)`);
    set(key, segs[i + 1]!);
    if (rest === 1) {
      if (!VALUED_RESOURCES.has(key as Resource) || !RESOURCE_BY_LOWER.has(key.toLowerCase()))
        throw badRequest(`"${key}" needs a resource after it (e.g. /${key}/1/results)`);
      q.resource = key as Resource;
      return finish(q);
    }
    i += 2;
  }
  return finish(q);
}

function finish(q: ErgastQuery): ErgastQuery {
  if (q.round !== undefined && q.season === undefined) throw badRequest('A round needs a season');
  return q;
}
