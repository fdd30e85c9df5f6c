// The Ergast URL grammar: [/<season>[/<round>]] (/<filter>/<value>)* [/<resource>[/<value>]] [.json]
//   /2023/9/results, /current/last/results, /drivers/alonso/circuits/monaco/races,
//   /constructors/red_bull/seasons, /2023/results/1 (winners), /2023/grid/1/results, /status/11/drivers.
// A trailing key with a value is both the resource and a filter on it (/drivers/alonso, /2023/driverStandings/1).
import { badRequest } from '../errors.ts';

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
const FILTER_KEYS = [
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

/** Parses the part of the path after `/ergast/f1` (or `/api/f1`). Throws `bad_request` on a malformed path. */
export function parseErgastPath(path: string): ErgastQuery {
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
    if (s1 === 'last' || s1 === 'next' || /^\d{1,3}$/.test(s1 ?? '')) {
      q.round = s1 === 'last' || s1 === 'next' ? s1 : Number(s1);
      i++;
    }
  }
  let resource: Resource | undefined;
  let lastPairKey: FilterKey | undefined;
  while (i < segs.length) {
    const raw = segs[i]!;
    const hasValue = i + 1 < segs.length;
    if (!hasValue) {
      const r = RESOURCE_BY_LOWER.get(raw.toLowerCase());
      if (!r) throw badRequest(`Unknown Ergast resource "${raw}"`);
      resource = r;
      break;
    }
    const key = FILTER_BY_LOWER.get(raw.toLowerCase());
    if (!key) throw badRequest(`"${raw}" is not an Ergast filter (at segment ${i + 1})`);
    const value = segs[i + 1]!;
    if (q.filters[key] !== undefined) throw badRequest(`Filter "${key}" given twice`);
    if (NUMERIC_KEYS.has(key) ? !/^\d{1,4}$/.test(value) : !/^[A-Za-z0-9_-]{1,64}$/.test(value))
      throw badRequest(`Bad value "${value}" for "${key}"`);
    q.filters[key] = value;
    lastPairKey = key;
    i += 2;
  }
  if (resource) q.resource = resource;
  else if (lastPairKey) {
    const r = RESOURCE_BY_LOWER.get(lastPairKey.toLowerCase());
    if (!r || lastPairKey === 'grid' || lastPairKey === 'fastest')
      throw badRequest(`"${lastPairKey}" needs a resource after it (e.g. /${lastPairKey}/1/results)`);
    q.resource = r;
  }
  if (q.round !== undefined && q.season === undefined) throw badRequest('A round needs a season');
  return q;
}
