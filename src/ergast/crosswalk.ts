// The Ergast ↔ f1db cross-walk, built inside the database being imported (importer `extraSteps`).
// Ergast identifiers and texts (ids, Wikipedia urls, nationalities, statuses, pit-stop clock times) come
// from the Ergast CSV tables, matched to f1db entities: drivers by birth date + name, races by season +
// round, circuits and constructors by the races and results they share. Entities newer than the dump
// (or every entity, when no dump is configured) get identifiers derived in the same style.
import type Database from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { readErgastCsv, type CsvRow } from './csv.ts';
import { deriveDriverId, deriveId, ergastPositionText, lapsDownStatus, compactName } from './ids.ts';

type Db = Database.Database;

export const CROSSWALK_SQL = `
DROP TABLE IF EXISTS ergast_driver_id;
DROP TABLE IF EXISTS ergast_constructor_id;
DROP TABLE IF EXISTS ergast_constructor;
DROP TABLE IF EXISTS ergast_circuit_id;
DROP TABLE IF EXISTS ergast_race;
DROP TABLE IF EXISTS ergast_season;
DROP TABLE IF EXISTS ergast_status;
DROP TABLE IF EXISTS ergast_result;
DROP TABLE IF EXISTS ergast_pit_stop;
DROP TABLE IF EXISTS ergast_driver_standing;
DROP TABLE IF EXISTS ergast_constructor_standing;
DROP TABLE IF EXISTS ergast_driver_team;
-- Drivers are listed by surname as each service's collation compares it (sort_ergast: MySQL's, accents and
-- case folded; sort_jolpica: PostgreSQL's, spaces and punctuation ignored too), then by the dump's numeric id
-- (sort_id; derived drivers after them).
CREATE TABLE ergast_driver_id (
  driver_id TEXT PRIMARY KEY, ergast_id TEXT NOT NULL UNIQUE, permanent_number TEXT, code TEXT,
  given_name TEXT NOT NULL, family_name TEXT NOT NULL, date_of_birth TEXT, nationality TEXT, url TEXT NOT NULL,
  derived INTEGER NOT NULL, sort_id INTEGER NOT NULL, sort_ergast TEXT NOT NULL, sort_jolpica TEXT NOT NULL
);
-- Ergast splits early constructors by engine (cooper-climax, cooper-maserati), f1db does not: the key is the
-- (constructor, engine maker) pair as f1db rows carry it ('' when f1db has no engine maker).
CREATE TABLE ergast_constructor_id (
  constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT NOT NULL, ergast_id TEXT NOT NULL,
  PRIMARY KEY (constructor_id, engine_manufacturer_id)
);
CREATE TABLE ergast_constructor (
  ergast_id TEXT PRIMARY KEY, name TEXT NOT NULL, nationality TEXT, url TEXT NOT NULL, derived INTEGER NOT NULL
);
CREATE TABLE ergast_circuit_id (
  circuit_id TEXT PRIMARY KEY, ergast_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, locality TEXT, country TEXT,
  lat TEXT, long TEXT, url TEXT NOT NULL, derived INTEGER NOT NULL
);
-- sessions: the dump's session schedule as JSON [[key, date, time], ...] (null when it has none);
-- qualifying: whether Ergast has qualifying for the race (1/0; null for a race the dump does not cover).
CREATE TABLE ergast_race (
  race_id INTEGER PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, time TEXT, sessions TEXT, qualifying INTEGER
);
CREATE TABLE ergast_season (year INTEGER PRIMARY KEY, url TEXT NOT NULL);
CREATE TABLE ergast_status (status_id INTEGER PRIMARY KEY, status TEXT NOT NULL UNIQUE);
-- Per race/sprint result: Ergast's status and position text; where the dump covers the result (covered = 1)
-- also its own grid, laps, time and fastest lap (sprint fastest laps exist only here).
CREATE TABLE ergast_result (
  race_id INTEGER NOT NULL, session TEXT NOT NULL, driver_id TEXT NOT NULL, status_id INTEGER NOT NULL,
  position_text TEXT NOT NULL, fastest_lap_speed TEXT, covered INTEGER NOT NULL DEFAULT 0,
  grid INTEGER, laps INTEGER, time TEXT, millis INTEGER, fl_lap INTEGER, fl_rank INTEGER, fl_time TEXT,
  position INTEGER, position_order INTEGER, points REAL, constructor_ergast_id TEXT, number TEXT,
  -- 1: an f1db result (mostly a DNS or DNQ) of a race whose results the dump has, which the dump leaves out
  extra INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (race_id, session, driver_id)
);
-- Standings after every round: the dump's (ties broken by countback, every entrant listed), f1db's beyond it.
-- A driver not eligible for a position (Jolpica's rows from 2025: no classified finish yet) has none, text "-".
CREATE TABLE ergast_driver_standing (
  race_id INTEGER NOT NULL, driver_id TEXT NOT NULL, position INTEGER, position_text TEXT NOT NULL,
  points REAL NOT NULL, wins INTEGER NOT NULL, PRIMARY KEY (race_id, driver_id)
);
CREATE TABLE ergast_constructor_standing (
  race_id INTEGER NOT NULL, ergast_id TEXT NOT NULL, position INTEGER NOT NULL, position_text TEXT NOT NULL,
  points REAL NOT NULL, wins INTEGER NOT NULL, PRIMARY KEY (race_id, ergast_id)
);
-- The constructor the dump gives each of a driver's grand prix results (standings list a driver's teams).
CREATE TABLE ergast_driver_team (
  race_id INTEGER NOT NULL, driver_id TEXT NOT NULL, ergast_id TEXT NOT NULL,
  PRIMARY KEY (race_id, driver_id, ergast_id)
);
CREATE TABLE ergast_pit_stop (
  race_id INTEGER NOT NULL, driver_id TEXT NOT NULL, stop INTEGER NOT NULL, time_of_day TEXT NOT NULL,
  lap INTEGER, duration TEXT, copied INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (race_id, driver_id, stop)
);
`;

export interface CrosswalkSummary {
  drivers: { matched: number; derived: number };
  constructors: { matched: number; derived: number };
  circuits: { matched: number; derived: number };
  races: { matched: number; derived: number };
  results: { matched: number; derived: number };
  ms: number;
}

/** Session columns of races.csv → Ergast keys (Ergast filed the sprint shootout as SecondPractice). */
const CSV_SESSIONS = [
  ['FirstPractice', 'fp1_date', 'fp1_time'],
  ['SecondPractice', 'fp2_date', 'fp2_time'],
  ['ThirdPractice', 'fp3_date', 'fp3_time'],
  ['Qualifying', 'quali_date', 'quali_time'],
  ['Sprint', 'sprint_date', 'sprint_time'],
] as const;

const WIKI = 'https://en.wikipedia.org/wiki/';

/** Bumped when the cross-walk's tables change: an older one is rebuilt (tests) or reported (server). */
export const CROSSWALK_VERSION = '11';

/** Both APIs print these countries short ("USA"); the dump names Las Vegas' "United States", f1db all three long. */
const SHORT_COUNTRY: Record<string, string> = {
  'United States': 'USA',
  'United Kingdom': 'UK',
  'United Arab Emirates': 'UAE',
};
const apiCountry = (c: string | null | undefined) => (c ? (SHORT_COUNTRY[c] ?? c) : c);
/** Surname sort keys: [MySQL-like (accents and case folded), PostgreSQL-like (letters and digits only)]. */
function surnameKeys(surname: string): [string, string] {
  const folded = surname
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return [folded, compactName(surname)];
}
/** The ids Jolpica gave the two statuses it added to Ergast's list. */
export const JOLPICA_STATUS_IDS: Record<string, number> = { 'Did not start': 142, Lapped: 143 };
const int = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const wiki = (title: string) => WIKI + encodeURIComponent(title.replace(/ /g, '_'));

function vote<K>(votes: Map<K, Map<string, number>>, key: K, value: string): void {
  let m = votes.get(key);
  if (!m) votes.set(key, (m = new Map()));
  m.set(value, (m.get(value) ?? 0) + 1);
}
function winner(m: Map<string, number> | undefined): string | undefined {
  if (!m) return undefined;
  let best: string | undefined;
  let n = -1;
  for (const [k, c] of m) if (c > n) [best, n] = [k, c];
  return best;
}

interface F1Driver {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  abbreviation: string | null;
  permanent_number: string | null;
  demonym: string | null;
  name: string;
}

/** Pairs f1db drivers with Ergast drivers: same birth date and surname (or forename), else unique full name. */
function matchDrivers(f1: F1Driver[], csv: CsvRow[]): Map<string, CsvRow> {
  const byDob = new Map<string, F1Driver[]>();
  const byName = new Map<string, F1Driver[]>();
  for (const d of f1) {
    if (d.date_of_birth) byDob.set(d.date_of_birth, [...(byDob.get(d.date_of_birth) ?? []), d]);
    const k = compactName(d.first_name + d.last_name);
    byName.set(k, [...(byName.get(k) ?? []), d]);
  }
  // Two passes: a date of birth with the surname, or a unique full name, claims its driver before any weaker
  // guess. The dump repeats a few dates of birth (Clapham carries Halford's), so a lone date of birth alone
  // would otherwise hand Halford's f1db row to Clapham.
  const out = new Map<string, CsvRow>();
  const weak: CsvRow[] = [];
  for (const e of csv) {
    const sur = compactName(e.surname ?? '');
    const fore = compactName(e.forename ?? '');
    const sameDob = e.dob ? (byDob.get(e.dob) ?? []) : [];
    const bySur = sameDob.filter((d) => compactName(d.last_name) === sur);
    const named = byName.get(fore + sur) ?? [];
    const hit = bySur.length === 1 ? bySur[0] : named.length === 1 ? named[0] : undefined;
    if (hit && !out.has(hit.id)) out.set(hit.id, e);
    else weak.push(e);
  }
  for (const e of weak) {
    const fore = compactName(e.forename ?? '');
    const sameDob = (e.dob ? (byDob.get(e.dob) ?? []) : []).filter((d) => !out.has(d.id));
    const byFore = sameDob.filter((d) => compactName(d.first_name) === fore);
    const hit = byFore.length === 1 ? byFore[0] : sameDob.length === 1 ? sameDob[0] : undefined;
    if (hit) out.set(hit.id, e);
  }
  return out;
}

/** The cross-walk as an importer step (`extraSteps`), so every imported database can serve /ergast/f1. */
export function ergastCrosswalkStep(ergastCsvDir: string | undefined) {
  return (db: Db, logger: Logger): void => {
    buildErgastCrosswalk(db, ergastCsvDir, logger);
  };
}

/**
 * Creates and fills the ergast_* tables in `db` (writable, inside the import transaction or not).
 * `ergastCsvDir` unset → every identifier is derived from the f1db data.
 */
export function buildErgastCrosswalk(
  db: Db,
  ergastCsvDir: string | undefined,
  logger: Logger,
): CrosswalkSummary {
  const started = performance.now();
  const read = (t: string): CsvRow[] => (ergastCsvDir ? readErgastCsv(ergastCsvDir, t) : []);
  const csvDrivers = read('drivers');
  const csvConstructors = read('constructors');
  const csvCircuits = read('circuits');
  const csvRaces = read('races');
  const csvSeasons = read('seasons');
  const csvStatus = read('status');
  const csvResults = read('results');
  const csvSprint = read('sprint_results');
  const csvQualifying = read('qualifying');
  const csvPits = read('pit_stops');
  const csvDriverStandings = read('driver_standings');
  const csvConstructorStandings = read('constructor_standings');

  const summary: CrosswalkSummary = {
    drivers: { matched: 0, derived: 0 },
    constructors: { matched: 0, derived: 0 },
    circuits: { matched: 0, derived: 0 },
    races: { matched: 0, derived: 0 },
    results: { matched: 0, derived: 0 },
    ms: 0,
  };

  const run = db.transaction(() => {
    db.exec(CROSSWALK_SQL);

    // --- races (season + round) ---
    const f1Races = db
      .prepare(
        `SELECT r.id, r.year, r.round, r.circuit_id, r.time, r.grand_prix_id, g.full_name AS gp_name FROM race r
         JOIN grand_prix g ON g.id = r.grand_prix_id`,
      )
      .all() as {
      id: number;
      year: number;
      round: number;
      circuit_id: string;
      time: string | null;
      grand_prix_id: string;
      gp_name: string;
    }[];
    const raceByYearRound = new Map(f1Races.map((r) => [`${r.year}/${r.round}`, r]));
    const f1RaceById = new Map(f1Races.map((r) => [r.id, r]));
    const raceIdByCsv = new Map<string, number>();
    const csvRaceById = new Map<number, CsvRow>();
    for (const r of csvRaces) {
      const f = raceByYearRound.get(`${r.year}/${r.round}`);
      if (f) {
        raceIdByCsv.set(r.raceId!, f.id);
        csvRaceById.set(f.id, r);
      }
    }
    const qualified = new Set(csvQualifying.map((q) => q.raceId!));
    const lastNameOfGp = new Map<string, string>();
    for (const r of [...f1Races].sort((a, b) => a.year - b.year || a.round - b.round)) {
      const c = csvRaceById.get(r.id);
      if (c?.name) lastNameOfGp.set(r.grand_prix_id, c.name);
    }
    const insRace = db.prepare(
      'INSERT INTO ergast_race (race_id, name, url, time, sessions, qualifying) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const sessionsOf = (c: CsvRow): string | null => {
      const s = CSV_SESSIONS.filter(([, d]) => c[d]).map(([key, d, t]) => [key, c[d], c[t]]);
      return s.length ? JSON.stringify(s) : null;
    };
    for (const r of f1Races) {
      const c = csvRaceById.get(r.id);
      if (c) {
        insRace.run(
          r.id,
          c.name,
          c.url ?? '',
          c.time ?? r.time,
          sessionsOf(c),
          qualified.has(c.raceId!) ? 1 : 0,
        );
        summary.races.matched++;
      } else {
        // The name the dump last used for this Grand Prix, else f1db's ("Hungarian Grand Prix").
        const name = lastNameOfGp.get(r.grand_prix_id) ?? r.gp_name;
        insRace.run(r.id, name, wiki(`${r.year} ${name}`), r.time, null, null);
        summary.races.derived++;
      }
    }
    const csvSeasonUrl = new Map(csvSeasons.map((s) => [Number(s.year), s.url ?? '']));
    const insSeason = db.prepare('INSERT INTO ergast_season (year, url) VALUES (?, ?)');
    for (const { year } of db.prepare('SELECT year FROM season').all() as { year: number }[])
      insSeason.run(year, csvSeasonUrl.get(year) ?? wiki(`${year} Formula One World Championship`));

    // --- circuits: voted by the races they host ---
    const circuitVotes = new Map<string, Map<string, number>>();
    for (const r of csvRaces) {
      const id = raceIdByCsv.get(r.raceId!);
      const f = id === undefined ? undefined : f1RaceById.get(id);
      if (f && r.circuitId) vote(circuitVotes, f.circuit_id, r.circuitId);
    }
    const csvCircuitById = new Map(csvCircuits.map((c) => [c.circuitId!, c]));
    const f1Circuits = db
      .prepare(
        `SELECT c.id, c.name, c.place_name, c.latitude, c.longitude, co.name AS country FROM circuit c
         LEFT JOIN country co ON co.id = c.country_id`,
      )
      .all() as {
      id: string;
      name: string;
      place_name: string | null;
      latitude: number | null;
      longitude: number | null;
      country: string | null;
    }[];
    const takenCircuits = new Set(csvCircuits.map((c) => c.circuitRef!));
    const insCircuit = db.prepare(
      `INSERT INTO ergast_circuit_id (circuit_id, ergast_id, name, locality, country, lat, long, url, derived)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const usedCircuits = new Set<string>();
    for (const c of f1Circuits) {
      const e = csvCircuitById.get(winner(circuitVotes.get(c.id)) ?? '');
      if (e && !usedCircuits.has(e.circuitRef!)) {
        usedCircuits.add(e.circuitRef!);
        insCircuit.run(
          c.id,
          e.circuitRef,
          e.name,
          e.location,
          apiCountry(e.country),
          e.lat,
          e.lng,
          e.url ?? '',
          0,
        );
        summary.circuits.matched++;
      } else {
        const id = deriveId(c.id, takenCircuits);
        takenCircuits.add(id);
        const lat = c.latitude === null ? null : String(Math.round(c.latitude * 1e4) / 1e4);
        const lng = c.longitude === null ? null : String(Math.round(c.longitude * 1e4) / 1e4);
        insCircuit.run(c.id, id, c.name, c.place_name, apiCountry(c.country), lat, lng, wiki(c.name), 1);
        summary.circuits.derived++;
      }
    }

    // --- drivers ---
    const f1Drivers = db
      .prepare(
        `SELECT d.id, d.name, d.first_name, d.last_name, d.date_of_birth, d.abbreviation, d.permanent_number,
                co.demonym FROM driver d LEFT JOIN country co ON co.id = d.nationality_country_id`,
      )
      .all() as F1Driver[];
    const driverMatch = matchDrivers(f1Drivers, csvDrivers);
    const takenDrivers = new Set(csvDrivers.map((d) => d.driverRef!));
    const insDriver = db.prepare(
      `INSERT INTO ergast_driver_id (driver_id, ergast_id, permanent_number, code, given_name, family_name,
        date_of_birth, nationality, url, derived, sort_id, sort_ergast, sort_jolpica)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // One f1db (or derived) driver id with the dump's row for that driver.
    const insertDumpDriver = (id: string, e: (typeof csvDrivers)[number]) =>
      insDriver.run(
        id,
        e.driverRef,
        e.number,
        e.code,
        e.forename,
        e.surname,
        e.dob,
        e.nationality,
        e.url ?? '',
        0,
        Number(e.driverId),
        ...surnameKeys(e.surname ?? ''),
      );
    const driverIdByCsv = new Map<string, string>();
    for (const d of f1Drivers) {
      const e = driverMatch.get(d.id);
      if (e) {
        driverIdByCsv.set(e.driverId!, d.id);
        insertDumpDriver(d.id, e);
        summary.drivers.matched++;
      } else {
        const id = deriveDriverId(d.first_name, d.last_name, takenDrivers);
        takenDrivers.add(id);
        insDriver.run(
          d.id,
          id,
          d.permanent_number,
          d.abbreviation,
          d.first_name,
          d.last_name,
          d.date_of_birth,
          d.demonym,
          wiki(d.name),
          1,
          1_000_000 + summary.drivers.derived,
          ...surnameKeys(d.last_name),
        );
        summary.drivers.derived++;
      }
    }

    // --- constructors: each f1db (constructor, engine) pair takes the Ergast constructor its results carry ---
    const pairOf = db.prepare(
      `SELECT constructor_id, COALESCE(engine_manufacturer_id, '') AS engine FROM race_result
       WHERE race_id = ? AND session = ? AND driver_id = ? LIMIT 1`,
    );
    const qualiPairOf = db.prepare(
      `SELECT constructor_id, COALESCE(engine_manufacturer_id, '') AS engine FROM qualifying_result
       WHERE race_id = ? AND driver_id = ? LIMIT 1`,
    );
    const pairVotes = new Map<string, Map<string, number>>();
    const constructorVotes = new Map<string, Map<string, number>>();
    const votePair = (p: { constructor_id: string; engine: string } | undefined, ergast: string | null) => {
      if (!p || !ergast) return;
      vote(pairVotes, `${p.constructor_id}\u0000${p.engine}`, ergast);
      vote(constructorVotes, p.constructor_id, ergast);
    };
    for (const [rows, session] of [
      [csvResults, 'RACE'],
      [csvSprint, 'SPRINT_RACE'],
    ] as const) {
      for (const r of rows) {
        const raceId = raceIdByCsv.get(r.raceId!);
        const driverId = driverIdByCsv.get(r.driverId!);
        if (raceId === undefined || !driverId) continue;
        votePair(pairOf.get(raceId, session, driverId) as never, r.constructorId ?? null);
      }
    }
    for (const q of csvQualifying) {
      const raceId = raceIdByCsv.get(q.raceId!);
      const driverId = driverIdByCsv.get(q.driverId!);
      if (raceId === undefined || !driverId) continue;
      votePair(qualiPairOf.get(raceId, driverId) as never, q.constructorId ?? null);
    }
    const csvConstructorById = new Map(csvConstructors.map((c) => [c.constructorId!, c]));
    const csvConstructorByName = new Map(csvConstructors.map((c) => [compactName(c.name ?? ''), c]));
    const f1Constructors = db
      .prepare(
        `SELECT c.id, c.name, co.demonym FROM constructor c LEFT JOIN country co ON co.id = c.country_id`,
      )
      .all() as { id: string; name: string; demonym: string | null }[];
    const takenConstructors = new Set(csvConstructors.map((c) => c.constructorRef!));
    const insConstructor = db.prepare(
      'INSERT OR IGNORE INTO ergast_constructor (ergast_id, name, nationality, url, derived) VALUES (?, ?, ?, ?, ?)',
    );
    const insPair = db.prepare(
      'INSERT INTO ergast_constructor_id (constructor_id, engine_manufacturer_id, ergast_id) VALUES (?, ?, ?)',
    );
    const refOf = (csvId: string | undefined) => {
      const e = csvId ? csvConstructorById.get(csvId) : undefined;
      if (!e) return undefined;
      insConstructor.run(e.constructorRef, e.name, e.nationality, e.url ?? '', 0);
      return e.constructorRef!;
    };
    // Constructor-level id (used for pairs no Ergast result covers, e.g. newer engine deals or entries).
    const constructorRef = new Map<string, string>();
    for (const c of f1Constructors) {
      let ref = refOf(winner(constructorVotes.get(c.id)));
      if (!ref) {
        const byName = csvConstructorByName.get(compactName(c.name));
        if (byName && !constructorVotes.has(c.id)) ref = refOf(byName.constructorId!);
      }
      if (ref) summary.constructors.matched++;
      else {
        ref = deriveId(c.name, takenConstructors);
        takenConstructors.add(ref);
        insConstructor.run(ref, c.name, c.demonym, wiki(c.name), 1);
        summary.constructors.derived++;
      }
      constructorRef.set(c.id, ref);
    }
    const pairs = db
      .prepare(
        `SELECT DISTINCT constructor_id, COALESCE(engine_manufacturer_id, '') AS engine FROM (
           SELECT constructor_id, engine_manufacturer_id FROM race_result
           UNION SELECT constructor_id, engine_manufacturer_id FROM qualifying_result
           UNION SELECT constructor_id, engine_manufacturer_id FROM starting_grid
           UNION SELECT constructor_id, engine_manufacturer_id FROM constructor_standing
           UNION SELECT constructor_id, engine_manufacturer_id FROM season_entrant_driver)`,
      )
      .all() as { constructor_id: string; engine: string }[];
    const seenPairs = new Set<string>();
    const addPair = (constructorId: string, engine: string) => {
      const key = `${constructorId}\u0000${engine}`;
      if (seenPairs.has(key)) return;
      seenPairs.add(key);
      const ref = refOf(winner(pairVotes.get(key))) ?? constructorRef.get(constructorId) ?? constructorId;
      insPair.run(constructorId, engine, ref);
    };
    for (const p of pairs) addPair(p.constructor_id, p.engine);
    for (const c of f1Constructors) addPair(c.id, '');

    // --- statuses and per-result status ---
    const statusText = new Map<number, string>();
    const statusIdOf = new Map<string, number>();
    for (const s of csvStatus) {
      statusText.set(Number(s.statusId), s.status!);
      if (!statusIdOf.has(s.status!)) statusIdOf.set(s.status!, Number(s.statusId));
    }
    const statusId = (text: string): number => {
      const known = statusIdOf.get(text) ?? JOLPICA_STATUS_IDS[text];
      if (known !== undefined) {
        statusText.set(known, text);
        statusIdOf.set(text, known);
        return known;
      }
      const id = Math.max(143, ...statusText.keys()) + 1;
      statusText.set(id, text);
      statusIdOf.set(text, id);
      return id;
    };
    const insResult = db.prepare(
      `INSERT OR IGNORE INTO ergast_result (race_id, session, driver_id, status_id, position_text, fastest_lap_speed,
         covered, grid, laps, time, millis, fl_lap, fl_rank, fl_time, position, position_order, points,
         constructor_ergast_id, number)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [rows, session] of [
      [csvResults, 'RACE'],
      [csvSprint, 'SPRINT_RACE'],
    ] as const) {
      for (const r of rows) {
        const raceId = raceIdByCsv.get(r.raceId!);
        const driverId = driverIdByCsv.get(r.driverId!);
        if (raceId === undefined || !driverId) continue;
        const sid = Number(r.statusId);
        if (!statusText.has(sid)) continue;
        const res = insResult.run(
          raceId,
          session,
          driverId,
          sid,
          r.positionText ?? '',
          r.fastestLapSpeed,
          1,
          int(r.grid),
          int(r.laps),
          r.time,
          int(r.milliseconds),
          int(r.fastestLap),
          int(r.rank),
          r.fastestLapTime,
          int(r.position),
          int(r.positionOrder),
          r.points === null ? null : Number(r.points),
          refOf(r.constructorId ?? undefined) ?? null,
          r.number,
        );
        summary.results.matched += res.changes;
      }
    }
    // Results the dump does not cover: Ergast's conventions applied to f1db's data.
    const uncovered = db
      .prepare(
        `SELECT rr.race_id, rr.session, rr.driver_id, rr.position_number, rr.position_text, rr.laps,
                rr.reason_retired,
                (SELECT MAX(w.laps) FROM race_result w WHERE w.race_id = rr.race_id AND w.session = rr.session) AS winner_laps
         FROM race_result rr
         LEFT JOIN ergast_result er ON er.race_id = rr.race_id AND er.session = rr.session AND er.driver_id = rr.driver_id
         WHERE er.race_id IS NULL`,
      )
      .all() as {
      race_id: number;
      session: string;
      driver_id: string;
      position_number: number | null;
      position_text: string;
      laps: number | null;
      reason_retired: string | null;
      winner_laps: number | null;
    }[];
    for (const r of uncovered) {
      let text: string;
      if (r.position_number !== null) text = lapsDownStatus((r.winner_laps ?? 0) - (r.laps ?? 0));
      else if (r.position_text === 'DSQ') text = 'Disqualified';
      else if (r.position_text === 'DNS') text = 'Did not start';
      else if (r.position_text === 'DNQ') text = 'Did not qualify';
      else if (r.position_text === 'DNPQ') text = 'Did not prequalify';
      else if (r.position_text === 'NC') text = 'Not classified';
      else text = r.reason_retired ?? 'Retired';
      insResult.run(
        r.race_id,
        r.session,
        r.driver_id,
        statusId(text),
        ergastPositionText(r.position_text),
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      );
      summary.results.derived++;
    }
    db.exec(`UPDATE ergast_result SET extra = 1 WHERE covered = 0 AND EXISTS (SELECT 1 FROM ergast_result e
      WHERE e.race_id = ergast_result.race_id AND e.session = ergast_result.session AND e.covered = 1)`);
    const insStatus = db.prepare('INSERT INTO ergast_status (status_id, status) VALUES (?, ?)');
    for (const [id, text] of statusText) insStatus.run(id, text);

    // --- pit stops: the dump's clock time, lap and duration (ergast.com printed them). A row repeating
    // another driver's stop of the same race to the second (2023 round 18: Ricciardo's is Leclerc's) is
    // marked copied: its clock time is not his.
    const insPit = db.prepare(
      `INSERT OR IGNORE INTO ergast_pit_stop (race_id, driver_id, stop, time_of_day, lap, duration, copied)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const pitKey = (p: CsvRow) => `${p.raceId}|${p.lap}|${p.time}|${p.duration}`;
    const pitCount = new Map<string, number>();
    for (const p of csvPits) pitCount.set(pitKey(p), (pitCount.get(pitKey(p)) ?? 0) + 1);
    for (const p of csvPits) {
      const raceId = raceIdByCsv.get(p.raceId!);
      const driverId = driverIdByCsv.get(p.driverId!);
      if (raceId === undefined || !driverId || !p.time) continue;
      const lap = p.lap ? Number(p.lap) : null;
      insPit.run(
        raceId,
        driverId,
        Number(p.stop),
        p.time,
        lap,
        p.duration ?? null,
        pitCount.get(pitKey(p))! > 1 ? 1 : 0,
      );
    }
    // --- standings entrants f1db does not have at all (13 in the 1950s-60s, e.g. Reed, Clapham, Blignaut
    // in 1965): the dump's driver, under an id no f1db driver has, so their standings rows are served ---
    const inStandings = new Set(csvDriverStandings.map((r) => r.driverId!));
    for (const e of csvDrivers) {
      if (driverIdByCsv.has(e.driverId!) || !inStandings.has(e.driverId!)) continue;
      const id = `ergast:${e.driverRef!}`;
      driverIdByCsv.set(e.driverId!, id);
      insertDumpDriver(id, e);
    }
    const insTeam = db.prepare(
      'INSERT OR IGNORE INTO ergast_driver_team (race_id, driver_id, ergast_id) VALUES (?, ?, ?)',
    );
    for (const r of csvResults) {
      const raceId = raceIdByCsv.get(r.raceId!);
      const driverId = driverIdByCsv.get(r.driverId!);
      const ref = refOf(r.constructorId ?? undefined);
      if (raceId !== undefined && driverId && ref) insTeam.run(raceId, driverId, ref);
    }
    fillStandings(db, { csvDriverStandings, csvConstructorStandings, raceIdByCsv, driverIdByCsv, refOf });
    db.exec(`
      CREATE INDEX ergast_driver_ergast_idx ON ergast_driver_id(ergast_id);
      CREATE INDEX ergast_driver_sort_ergast_idx ON ergast_driver_id(sort_ergast, sort_id);
      CREATE INDEX ergast_driver_sort_jolpica_idx ON ergast_driver_id(sort_jolpica, sort_id);
      CREATE INDEX ergast_constructor_ergast_idx ON ergast_constructor_id(ergast_id);
      CREATE INDEX ergast_result_status_idx ON ergast_result(status_id);
      CREATE INDEX ergast_result_constructor_idx ON ergast_result(constructor_ergast_id);
    `);
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('ergast_crosswalk', ?)`).run(
      ergastCsvDir ? 'csv' : 'derived',
    );
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('ergast_crosswalk_version', ?)`).run(
      CROSSWALK_VERSION,
    );
  });
  run();
  summary.ms = Math.round(performance.now() - started);
  logger.info({ event: 'ergast.crosswalk', ...summary }, 'Ergast cross-walk built');
  return summary;
}

interface StandingsInput {
  csvDriverStandings: CsvRow[];
  csvConstructorStandings: CsvRow[];
  raceIdByCsv: Map<string, number>;
  driverIdByCsv: Map<string, string>;
  refOf: (csvConstructorId: string | undefined) => string | undefined;
}

/** Standings after every round: the dump's rows for the races it covers, f1db's (with wins counted) for the rest. */
function fillStandings(db: Db, s: StandingsInput): void {
  const insD = db.prepare(
    `INSERT OR IGNORE INTO ergast_driver_standing (race_id, driver_id, position, position_text, points, wins)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insC = db.prepare(
    `INSERT OR IGNORE INTO ergast_constructor_standing (race_id, ergast_id, position, position_text, points, wins)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const coveredD = new Set<number>();
  for (const r of s.csvDriverStandings) {
    const raceId = s.raceIdByCsv.get(r.raceId!);
    const driverId = s.driverIdByCsv.get(r.driverId!);
    if (raceId === undefined || !driverId) continue;
    coveredD.add(raceId);
    insD.run(
      raceId,
      driverId,
      r.position === null ? null : Number(r.position),
      r.positionText ?? r.position,
      Number(r.points),
      int(r.wins) ?? 0,
    );
  }
  const coveredC = new Set<number>();
  for (const r of s.csvConstructorStandings) {
    const raceId = s.raceIdByCsv.get(r.raceId!);
    const ref = s.refOf(r.constructorId ?? undefined);
    if (raceId === undefined || !ref || r.position === null) continue;
    coveredC.add(raceId);
    insC.run(
      raceId,
      ref,
      Number(r.position),
      r.positionText ?? r.position,
      Number(r.points),
      int(r.wins) ?? 0,
    );
  }
  // Races the dump does not cover: f1db's tables, wins counted from the grand prix results up to the round.
  const winsUpTo = `(SELECT COUNT(*) FROM race_result w JOIN race r2 ON r2.id = w.race_id
      WHERE w.session = 'RACE' AND w.position_number = 1 AND r2.year = r.year AND r2.round <= r.round AND %)`;
  const drivers = db
    .prepare(
      `SELECT s.race_id, s.driver_id, s.position_number, s.position_display_order, s.points,
         ${winsUpTo.replace('%', 'w.driver_id = s.driver_id')} AS wins
       FROM driver_standing s JOIN race r ON r.id = s.race_id`,
    )
    .all() as {
    race_id: number;
    driver_id: string;
    position_number: number | null;
    position_display_order: number;
    points: number;
    wins: number;
  }[];
  for (const d of drivers) {
    if (coveredD.has(d.race_id)) continue;
    const pos = d.position_number;
    insD.run(d.race_id, d.driver_id, pos, pos === null ? '-' : String(pos), d.points, d.wins);
  }
  const teams = db
    .prepare(
      `SELECT s.race_id, e.ergast_id, s.position_number, s.position_display_order, s.points,
         ${winsUpTo.replace(
           '%',
           `EXISTS (SELECT 1 FROM ergast_constructor_id e2 WHERE e2.constructor_id = w.constructor_id
              AND e2.engine_manufacturer_id = COALESCE(w.engine_manufacturer_id, '') AND e2.ergast_id = e.ergast_id)`,
         )} AS wins
       FROM constructor_standing s JOIN race r ON r.id = s.race_id
       JOIN ergast_constructor_id e ON e.constructor_id = s.constructor_id
        AND e.engine_manufacturer_id = COALESCE(s.engine_manufacturer_id, '')`,
    )
    .all() as {
    race_id: number;
    ergast_id: string;
    position_number: number | null;
    position_display_order: number;
    points: number;
    wins: number;
  }[];
  for (const t of teams) {
    if (coveredC.has(t.race_id)) continue;
    const pos = t.position_number ?? t.position_display_order;
    insC.run(t.race_id, t.ergast_id, pos, t.position_number === null ? '-' : String(pos), t.points, t.wins);
  }
}

/** The cross-walk version a database holds (undefined: none, or one from before versions were recorded). */
export function ergastCrosswalkVersion(db: Db): string | undefined {
  if (!hasErgastCrosswalk(db)) return undefined;
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'ergast_crosswalk_version'`).get() as
    { value: string } | undefined;
  return row?.value;
}

/** Whether the database holds the cross-walk (imported with it, or built afterwards). */
export function hasErgastCrosswalk(db: Db): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ergast_driver_id'`).get();
}
