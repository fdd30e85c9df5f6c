// Name resolution over the F1 database: turns what a person (or the agent) types into f1db ids.
//
//   resolveDriver(db, 'VER' | 'max verstappen' | 'verstappen' | '33' | 'max-verstappen', { year })
//   resolveConstructor(db, 'red bull' | 'ferrari' | 'mclaren', { year })
//   resolveCircuit(db, 'monza' | 'Silverstone Circuit')
//   resolveGrandPrix(db, 'italian' | 'Italian Grand Prix' | 'Monza')
//   resolveRace(db, 2024, '16' | 'Monza' | 'italian')    → one round of a season
//
// This is the product's one resolver of a name given on its own (REST parameters, tool arguments of the agent and
// MCP, analysis); names, nicknames and aliases come from name-catalogue.ts, which the agent's free-text scanner
// reads too. Matching is accent- and case-insensitive and typo-tolerant (see names.ts). When several match, the
// season decides where it matters: codes and surnames recur across eras (VER = Jos and Max; MSC = Michael and
// Mick) and race numbers change (Verstappen raced as 33, then 1, then 3), so a driver or team active in the given
// season is preferred, otherwise the better known (most starts; a team's most seasons). Unknown or still ambiguous names throw AppError `not_found`
// whose message and `matches` detail list the closest candidates.
import { notFound } from '../../errors.ts';
import type { Db } from '../db.ts';
import { memoPerDb, stmt } from './statements.ts';
import { COUNTRY_ALIASES, GRAND_PRIX_ALIASES } from './aliases.ts';
import {
  constructorCatalogue,
  driverCatalogue,
  preferKeys,
  type ConstructorNames,
  type DriverNames,
  type Known,
} from './name-catalogue.ts';
import {
  NameIndex,
  normalizeName,
  pickBest,
  type NameEntry,
  type NameMatch,
  type PreferenceKey,
} from './names.ts';

export interface DriverRef {
  id: string;
  name: string;
  code: string | null;
  permanentNumber: string | null;
}
export interface ConstructorRef {
  id: string;
  name: string;
}
export interface CircuitRef {
  id: string;
  name: string;
}
export interface GrandPrixRef {
  id: string;
  name: string;
}
export interface RaceRef {
  id: number;
  year: number;
  round: number;
  grandPrixId: string;
  name: string;
}
export interface ResolveOptions {
  /** The season the name is meant in: prefers whoever was active then. */
  year?: number;
}
export interface Suggestion {
  id: string;
  name: string;
}

/** Seasons an id took part in: places are ranked by recency. */
interface Activity {
  years: Set<number>;
  lastYear: number;
}

/** Seasons in which each id took part, from a (id, year) query. */
function activityOf(rows: { id: string; year: number }[]): Map<string, Activity> {
  const out = new Map<string, Activity>();
  for (const { id, year } of rows) {
    let a = out.get(id);
    if (!a) out.set(id, (a = { years: new Set(), lastYear: 0 }));
    a.years.add(year);
    if (year > a.lastYear) a.lastYear = year;
  }
  return out;
}

const NO_ACTIVITY: Activity = { years: new Set(), lastYear: 0 };

// ---------- seasons ----------

const seasonRange = memoPerDb((db) => {
  const r = stmt<{ first: number | null; last: number | null }>(
    db,
    'SELECT MIN(year) AS first, MAX(year) AS last FROM season',
  ).get();
  return { first: r?.first ?? 0, last: r?.last ?? 0 };
});

/** Throws not_found unless the season is in the data. */
export function requireSeason(db: Db, year: number): void {
  if (stmt(db, 'SELECT 1 FROM season WHERE year = ?').get(year)) return;
  const { first, last } = seasonRange(db);
  throw notFound(`No ${year} season in the data (seasons ${first}–${last})`);
}

// ---------- drivers ----------

const driverIndex = memoPerDb((db) => {
  const entries: NameEntry<DriverNames>[] = driverCatalogue(db).map((d) => ({
    id: d.id,
    label: d.name,
    names: [d.id, ...d.fullNames, ...d.nicknames, ...d.surnames, d.lastName, d.firstName, d.code],
    value: d,
  }));
  // Race numbers per season as actually raced (they change: champions' #1, a new permanent number).
  const numbers = new Map<string, { id: string; year: number }[]>();
  for (const n of stmt<{ id: string; year: number; number: string }>(
    db,
    `SELECT DISTINCT rr.driver_id AS id, r.year, rr.driver_number AS number
     FROM race_result rr JOIN race r ON r.id = rr.race_id WHERE rr.driver_number IS NOT NULL`,
  ).all()) {
    const list = numbers.get(n.number) ?? [];
    list.push({ id: n.id, year: n.year });
    numbers.set(n.number, list);
  }
  return {
    index: new NameIndex(entries),
    byId: new Map(entries.map((e) => [e.id, e])),
    numbers,
  };
});

/** Namesakes ranked as everywhere in the product (see `preferKeys`); two active in the season stay ambiguous. */
function seasonAwareKeys<T extends Known>(year: number | undefined): PreferenceKey<T>[] {
  return preferKeys<NameMatch<T>>(
    (m) => m.entry.value,
    year,
    (m) => m.rank,
  );
}

const suggestion = <T>(e: NameEntry<T>): Suggestion => ({ id: e.id, name: e.label });

function describe(list: Suggestion[]): string {
  return list.map((s) => `${s.name} (${s.id})`).join(', ');
}

function unresolved<T>(
  kind: string,
  query: string,
  index: NameIndex<T>,
  ambiguous: NameMatch<T>[] | null,
  year?: number,
): never {
  const where = year !== undefined ? ` in ${year}` : '';
  if (ambiguous) {
    const matches = ambiguous.slice(0, 8).map((m) => suggestion(m.entry));
    throw notFound(`"${query}" is ambiguous${where}: it could be ${describe(matches)}. Be more specific.`, {
      reason: 'ambiguous_name',
      matches,
    });
  }
  const matches = index.closest(query).map(suggestion);
  throw notFound(
    `No ${kind} matches "${query}"${where}.${matches.length ? ` Closest: ${describe(matches)}.` : ''}`,
    { reason: 'unknown_name', matches },
  );
}

function toDriverRef(v: DriverNames): DriverRef {
  return { id: v.id, name: v.name, code: v.code, permanentNumber: v.permanentNumber };
}

/**
 * A driver by f1db id, three-letter code, race number, surname, first name, full name or nickname.
 * Numbers are season-aware: with a year, the driver who raced with that number that season; without,
 * whoever used it most recently.
 */
export function resolveDriver(db: Db, query: string, opts: ResolveOptions = {}): DriverRef {
  const { index, byId, numbers } = driverIndex(db);
  const q = query.trim();
  const direct = byId.get(q.toLowerCase());
  if (direct) return toDriverRef(direct.value);

  if (/^\d{1,3}$/.test(q)) {
    const number = String(Number(q));
    const users = numbers.get(number) ?? [];
    const year = opts.year ?? Math.max(0, ...users.map((u) => u.year));
    let ids = [...new Set(users.filter((u) => u.year === year).map((u) => u.id))];
    // A season with no race run yet: fall back to permanent numbers of that season's entrants.
    if (ids.length === 0 && opts.year !== undefined) {
      const y = opts.year;
      ids = [...byId.values()]
        .filter((e) => e.value.permanentNumber === number && e.value.years.has(y))
        .map((e) => e.id);
    }
    if (ids.length === 1) return toDriverRef(byId.get(ids[0]!)!.value);
    const where = opts.year !== undefined ? ` in ${opts.year}` : '';
    const matches = ids.map((id) => suggestion(byId.get(id)!));
    if (ids.length === 0) throw notFound(`No driver raced with number ${number}${where}`, { matches });
    throw notFound(`Several drivers raced with number ${number}${where}: ${describe(matches)}`, { matches });
  }

  const pick = pickBest(index.match(q), seasonAwareKeys<DriverNames>(opts.year));
  if (pick.kind === 'one') return toDriverRef(pick.match.entry.value);
  return unresolved('driver', q, index, pick.kind === 'ambiguous' ? pick.matches : null, opts.year);
}

/** Drivers whose names match the search text, best first (for search boxes; never throws). */
export function searchDrivers(db: Db, text: string, limit: number): DriverRef[] {
  const { index } = driverIndex(db);
  const matches = index.match(text);
  matches.sort((a, b) => a.rank - b.rank || b.entry.value.fame - a.entry.value.fame);
  return matches.slice(0, limit).map((m) => toDriverRef(m.entry.value));
}

// ---------- constructors ----------

const constructorIndex = memoPerDb((db) => {
  const entries: NameEntry<ConstructorNames>[] = constructorCatalogue(db).map((c) => ({
    id: c.id,
    label: c.name,
    names: [c.id, ...c.names],
    value: c,
  }));
  return { index: new NameIndex(entries), byId: new Map(entries.map((e) => [e.id, e])) };
});

/** A constructor by f1db id, name or alias ("red bull", "Scuderia Ferrari", "RBR"); season-aware like drivers. */
export function resolveConstructor(db: Db, query: string, opts: ResolveOptions = {}): ConstructorRef {
  const { index, byId } = constructorIndex(db);
  const q = query.trim();
  const direct = byId.get(q.toLowerCase());
  if (direct) return { id: direct.value.id, name: direct.value.name };
  const pick = pickBest(index.match(q), seasonAwareKeys<ConstructorNames>(opts.year));
  if (pick.kind === 'one') return { id: pick.match.entry.value.id, name: pick.match.entry.value.name };
  return unresolved('constructor', q, index, pick.kind === 'ambiguous' ? pick.matches : null, opts.year);
}

/** Constructors whose names match the search text, best first. */
export function searchConstructors(db: Db, text: string, limit: number): ConstructorRef[] {
  const matches = constructorIndex(db).index.match(text);
  matches.sort((a, b) => a.rank - b.rank || b.entry.value.fame - a.entry.value.fame);
  return matches.slice(0, limit).map((m) => ({ id: m.entry.value.id, name: m.entry.value.name }));
}

// ---------- circuits and grands prix ----------

interface PlaceValue extends Activity {
  id: string;
  name: string;
}

const circuitIndex = memoPerDb((db) => {
  const activity = activityOf(
    stmt<{ id: string; year: number }>(
      db,
      'SELECT circuit_id AS id, year FROM race GROUP BY circuit_id, year',
    ).all(),
  );
  const entries: NameEntry<PlaceValue>[] = stmt<{
    id: string;
    name: string;
    full_name: string;
    previous_names: string | null;
    place_name: string | null;
    country: string | null;
  }>(
    db,
    `SELECT c.id, c.name, c.full_name, c.previous_names, c.place_name, co.name AS country
     FROM circuit c LEFT JOIN country co ON co.id = c.country_id`,
  )
    .all()
    .map((r) => ({
      id: r.id,
      label: r.name,
      names: [r.id, r.name, r.full_name, r.place_name, ...(r.previous_names?.split(',') ?? [])],
      secondary: [r.country],
      value: { id: r.id, name: r.name, ...(activity.get(r.id) ?? NO_ACTIVITY) },
    }));
  return { index: new NameIndex(entries), byId: new Map(entries.map((e) => [e.id, e])) };
});

const byRankThenRecency: PreferenceKey<PlaceValue>[] = [(m) => -m.rank, (m) => m.entry.value.lastYear];

/** A circuit by f1db id, name, full or former name or town ("monza", "Autodromo Nazionale Monza", "Spa"). */
export function resolveCircuit(db: Db, query: string): CircuitRef {
  const { index, byId } = circuitIndex(db);
  const q = query.trim();
  const direct = byId.get(q.toLowerCase());
  if (direct) return { id: direct.id, name: direct.label };
  const pick = pickBest(index.match(q), byRankThenRecency);
  if (pick.kind === 'one') return { id: pick.match.entry.id, name: pick.match.entry.label };
  return unresolved('circuit', q, index, pick.kind === 'ambiguous' ? pick.matches : null);
}

const grandPrixIndex = memoPerDb((db) => {
  const activity = activityOf(
    stmt<{ id: string; year: number }>(
      db,
      'SELECT grand_prix_id AS id, year FROM race GROUP BY grand_prix_id, year',
    ).all(),
  );
  const entries: NameEntry<PlaceValue>[] = stmt<{
    id: string;
    name: string;
    full_name: string;
    short_name: string;
    abbreviation: string | null;
    country: string | null;
  }>(
    db,
    `SELECT g.id, g.name, g.full_name, g.short_name, g.abbreviation, co.name AS country
     FROM grand_prix g LEFT JOIN country co ON co.id = g.country_id`,
  )
    .all()
    .map((r) => ({
      id: r.id,
      label: r.full_name,
      names: [r.id, r.name, r.full_name, r.short_name, r.abbreviation, ...(GRAND_PRIX_ALIASES[r.id] ?? [])],
      secondary: [r.country],
      value: { id: r.id, name: r.full_name, ...(activity.get(r.id) ?? NO_ACTIVITY) },
    }));
  return { index: new NameIndex(entries), byId: new Map(entries.map((e) => [e.id, e])) };
});

/** A grand prix (the event across years) by id, name or country ("italy", "italian", "Italian Grand Prix"). */
export function resolveGrandPrix(db: Db, query: string): GrandPrixRef {
  const { index, byId } = grandPrixIndex(db);
  const q = query.trim();
  const direct = byId.get(q.toLowerCase());
  if (direct) return { id: direct.id, name: direct.label };
  const matches = index.match(q);
  const pick = pickBest(matches, byRankThenRecency);
  // A circuit name ("Monza", "Spa") names the grand prix most recently held there, unless a grand prix
  // name matched at least as well.
  const circuit = pickBest(circuitIndex(db).index.match(q), byRankThenRecency);
  const bestGpRank = Math.min(7, ...matches.map((m) => m.rank));
  if (pick.kind === 'one' && !(circuit.kind === 'one' && circuit.match.rank < bestGpRank)) {
    return { id: pick.match.entry.id, name: pick.match.entry.label };
  }
  if (circuit.kind === 'one' && circuit.match.rank < bestGpRank) {
    const gp = stmt<{ id: string }>(
      db,
      'SELECT grand_prix_id AS id FROM race WHERE circuit_id = ? ORDER BY year DESC, round DESC LIMIT 1',
    ).get(circuit.match.entry.id);
    const entry = gp && byId.get(gp.id);
    if (entry) return { id: entry.id, name: entry.label };
  }
  return unresolved('grand prix', q, index, pick.kind === 'ambiguous' ? pick.matches : null);
}

// ---------- countries (nationalities) ----------

const countryIndex = memoPerDb((db) => {
  const entries: NameEntry<CountryRef>[] = stmt<{
    id: string;
    name: string;
    demonym: string | null;
    alpha3_code: string | null;
  }>(db, 'SELECT id, name, demonym, alpha3_code FROM country')
    .all()
    .map((r) => ({
      id: r.id,
      label: r.name,
      names: [
        r.id,
        r.name,
        r.demonym,
        r.alpha3_code,
        ...(COUNTRY_ALIASES[r.id]?.people ?? []),
        ...(COUNTRY_ALIASES[r.id]?.places ?? []),
      ],
      value: { id: r.id, name: r.name, demonym: r.demonym },
    }));
  return { index: new NameIndex(entries), byId: new Map(entries.map((e) => [e.id, e])) };
});

export interface CountryRef {
  id: string;
  name: string;
  demonym: string | null;
}

/** A country by id, name, demonym or code ("brazil", "Brazilian", "GBR", "british"). */
export function resolveCountry(db: Db, query: string): CountryRef {
  const { index, byId } = countryIndex(db);
  const q = query.trim();
  const direct = byId.get(q.toLowerCase());
  if (direct) return direct.value;
  const matches = index.match(q).filter((m) => m.rank < 4);
  const pick = pickBest(matches, [(m) => -m.rank]);
  if (pick.kind === 'one') return pick.match.entry.value;
  return unresolved('country', q, index, pick.kind === 'ambiguous' ? pick.matches : null);
}

// ---------- rounds of a season ----------

type RaceValue = RaceRef;

const raceRow = `SELECT r.id, r.year, r.round, r.grand_prix_id AS grandPrixId, g.full_name AS name
  FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id`;

const seasonRaceIndexes = memoPerDb(() => new Map<number, NameIndex<RaceValue>>());

function seasonRaceIndex(db: Db, year: number): NameIndex<RaceValue> {
  const cache = seasonRaceIndexes(db);
  let index = cache.get(year);
  if (!index) {
    const rows = stmt<
      RaceValue & {
        official_name: string;
        gp_name: string;
        short_name: string;
        abbreviation: string | null;
        gp_country: string | null;
        circuit_id: string;
        circuit_name: string;
        circuit_full_name: string;
        place_name: string | null;
        circuit_country: string | null;
      }
    >(
      db,
      `SELECT r.id, r.year, r.round, r.grand_prix_id AS grandPrixId, g.full_name AS name, r.official_name,
         g.name AS gp_name, g.short_name, g.abbreviation, gc.name AS gp_country, c.id AS circuit_id,
         c.name AS circuit_name, c.full_name AS circuit_full_name, c.place_name, cc.name AS circuit_country
       FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id
       LEFT JOIN country gc ON gc.id = g.country_id LEFT JOIN country cc ON cc.id = c.country_id
       WHERE r.year = ? ORDER BY r.round`,
    ).all(year);
    index = new NameIndex(
      rows.map((r) => ({
        id: `round ${r.round}`,
        label: r.name,
        names: [
          r.grandPrixId,
          r.gp_name,
          r.name,
          r.short_name,
          r.abbreviation,
          r.official_name,
          ...(GRAND_PRIX_ALIASES[r.grandPrixId] ?? []),
        ],
        secondary: [
          r.circuit_id,
          r.circuit_name,
          r.circuit_full_name,
          r.place_name,
          r.gp_country,
          r.circuit_country,
        ],
        value: { id: r.id, year: r.year, round: r.round, grandPrixId: r.grandPrixId, name: r.name },
      })),
    );
    cache.set(year, index);
  }
  return index;
}

/**
 * One round of a season, by round number or by grand prix / circuit / place name ("16", "Monza",
 * "italian", "Italian Grand Prix"). Unknown season or round → not_found.
 */
export function resolveRace(db: Db, year: number, round: number | string): RaceRef {
  const text = String(round).trim();
  if (/^\d+$/.test(text)) {
    const race = stmt<RaceRef>(db, `${raceRow} WHERE r.year = ? AND r.round = ?`).get(year, Number(text));
    if (race) return race;
    requireSeason(db, year);
    const count = stmt<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM race WHERE year = ?').get(year)?.n ?? 0;
    throw notFound(`No round ${Number(text)} in ${year} (the season has ${count} rounds)`);
  }
  requireSeason(db, year);
  const index = seasonRaceIndex(db, year);
  const pick = pickBest(index.match(text), [(m) => -m.rank]);
  if (pick.kind === 'one') return pick.match.entry.value;
  if (pick.kind === 'none') notHeld(db, year, text);
  return unresolved('round', text, index, pick.kind === 'ambiguous' ? pick.matches : null, year);
}

/** A grand prix the data knows, named for a season without it (Bahrain 2011): say so, with that calendar. */
function notHeld(db: Db, year: number, text: string): void {
  let gp: GrandPrixRef;
  try {
    gp = resolveGrandPrix(db, text);
  } catch {
    return;
  }
  const rounds = stmt<RaceRef>(db, `${raceRow} WHERE r.year = ? ORDER BY r.round`).all(year);
  const calendar = rounds.map((r) => r.name.replace(' Grand Prix', '')).join(', ');
  throw notFound(`The ${gp.name} was not held in ${year}. The ${year} calendar: ${calendar}.`, {
    reason: 'not_held',
    matches: rounds.map((r) => ({ id: `round ${r.round}`, name: r.name })),
  });
}

export { normalizeName };
