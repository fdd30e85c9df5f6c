// Ergast resources from the embedded database (f1db tables + the ergast_* cross-walk), in two dialects:
// `ergast` answers as ergast.com did (the Ergast dump's own values where it covers a result), `jolpica` as
// Jolpica-F1 does (its statuses, qualifying filter, times and orderings). One query core serves both: the
// RESOURCES table says which filters each resource accepts and which handler lists it.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../data/db.ts';
import { badRequest, notFound } from '../errors.ts';
import { lapTablesAvailable, loadRaceLaps } from '../data/laps/laps.ts';
import type { Dialect, ErgastQuery, FilterKey, Resource } from './path.ts';
import { JOLPICA_STATUS_IDS } from './crosswalk.ts';
import { fillLapOne, raceTimesFromLaps } from './lapped.ts';
import {
  CIRCUIT_COLS,
  CONSTRUCTOR_COLS,
  DRIVER_COLS,
  RACE_COLS,
  SESSION_COLS,
  circuit,
  constructor,
  driver,
  lapTime,
  num,
  raceHead,
  raceWithSessions,
  type ConstructorCols,
  type DriverCols,
  type Obj,
  type RaceCols,
  type SessionCols,
} from './format.ts';

export interface Page {
  limit: number;
  offset: number;
}

export interface QueryOptions {
  now: Date;
  lapsDir?: string;
  /** Default `ergast`. */
  dialect?: Dialect;
}

export interface ErgastTable {
  /** "RaceTable", "DriverTable", ... */
  name: string;
  table: Obj;
  total: number;
}

/** Jolpica re-curated the results from this season on: Finished / Lapped / Retired / Disqualified / Did not start. */
export const RECURATED_FROM = 2023;

interface Resolved {
  year?: number;
  round?: number;
  /** The season/round asked for does not exist: the answer is an empty table. */
  empty: boolean;
}

interface Ctx {
  db: Db;
  q: ErgastQuery;
  res: Resolved;
  page: Page;
  dialect: Dialect;
  opts: QueryOptions;
}

/** One page of a resource's list and the number of rows before paging. */
interface Listing {
  list: Obj[];
  total: number;
  /** Header attributes the handler adds (standings: the round it chose). */
  header?: Obj;
}

// ---------------------------------------------------------------- current, last, next

/**
 * Resolves `current`, `last` and `next`. ergast.com: the current season is the one with the latest results;
 * Jolpica: the calendar year. Both: `next` is the first round of the season without results, or round 1 of
 * the following season once every round has them; `last` the round before it (Jolpica: at least 1), or the
 * final round of a finished season.
 */
export function resolveSeasonRound(db: Db, q: ErgastQuery, now: Date, dialect: Dialect = 'ergast'): Resolved {
  let year: number | undefined;
  if (q.season === 'current') {
    if (dialect === 'jolpica') year = now.getUTCFullYear();
    else {
      const latest = stmt(
        db,
        `SELECT MAX(r.year) AS y FROM race r
           WHERE EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')`,
      ).get() as { y: number | null };
      year = latest.y ?? now.getUTCFullYear();
    }
  } else year = q.season;
  if (q.round === undefined) return { year, empty: false };
  if (typeof q.round === 'number') return { year, round: q.round, empty: false };
  const info = stmt(
    db,
    `SELECT MIN(CASE WHEN NOT EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')
                  THEN r.round END) AS next,
              MAX(CASE WHEN EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')
                  THEN r.round END) AS lastDone,
              MAX(r.round) AS final
       FROM race r WHERE r.year = ?`,
  ).get(year) as { next: number | null; lastDone: number | null; final: number | null };
  if (q.round === 'next') {
    if (info.next !== null) return { year, round: info.next, empty: false };
    return { year: year! + 1, round: 1, empty: false };
  }
  if (info.next !== null) {
    if (dialect === 'jolpica') return { year, round: Math.max(1, info.next - 1), empty: false };
    if (info.lastDone === null) return { year, empty: true };
    return { year, round: info.lastDone, empty: false };
  }
  if (info.final === null) {
    // Jolpica answers `last` of a season without races 404 "Race round not found".
    if (dialect === 'jolpica') throw notFound('Race round not found');
    return { year, empty: true };
  }
  return { year, round: info.final, empty: false };
}

// ---------------------------------------------------------------- SQL building blocks

/** Prepared statements by SQL text, per database: the queries are long, and compiling them cost more than
 * running them. */
type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const STATEMENTS = new WeakMap<Db, Map<string, Statement>>();
function stmt(db: Db, sql: string): Statement {
  let m = STATEMENTS.get(db);
  if (!m) STATEMENTS.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    if (m.size > 500) m.clear();
    m.set(sql, (st = db.prepare<unknown[], unknown>(sql)));
  }
  return st;
}

class Where {
  parts: string[] = [];
  params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
  get and(): string {
    return this.parts.length ? `AND ${this.parts.join(' AND ')}` : '';
  }
}

const JOIN_RACE = `JOIN ergast_race er ON er.race_id = r.id JOIN ergast_circuit_id eci ON eci.circuit_id = r.circuit_id`;
const joinDriver = (alias: string) => `JOIN ergast_driver_id ed ON ed.driver_id = ${alias}.driver_id`;
const ENGINE = (alias: string) => `COALESCE(${alias}.engine_manufacturer_id, '')`;
const joinConstructor = (alias: string, engine: string) =>
  `JOIN ergast_constructor_id ecx ON ecx.constructor_id = ${alias}.constructor_id
     AND ecx.engine_manufacturer_id = ${engine}
   JOIN ergast_constructor ec ON ec.ergast_id = ecx.ergast_id`;
/** The constructor of a result row `t` joined with its Ergast row (`ers`): the dump's own where it covers the
 * result (1960s privateers ran as brabham-ford, lds-alfa_romeo), else the one of f1db's (constructor, engine). */
const joinResultConstructor = (t: string) =>
  `JOIN ergast_constructor_id ecx ON ecx.constructor_id = ${t}.constructor_id
     AND ecx.engine_manufacturer_id = ${ENGINE(t)}
   JOIN ergast_constructor ec ON ec.ergast_id = COALESCE(ers.constructor_ergast_id, ecx.ergast_id)`;
/** The Ergast result row (status, the dump's own values) of the race_result row aliased `t`. */
const joinErgastResult = (t: string) =>
  `LEFT JOIN ergast_result ers ON ers.race_id = ${t}.race_id AND ers.session = ${t}.session
     AND ers.driver_id = ${t}.driver_id
   LEFT JOIN ergast_status est ON est.status_id = ers.status_id`;

/** The status text of the race_result row aliased `t`, as the dialect prints it. */
function statusSql(d: Dialect, t: string): string {
  if (d === 'ergast') return 'est.status';
  return `CASE WHEN r.year >= ${RECURATED_FROM} THEN CASE
      WHEN ${t}.position_text = 'DSQ' THEN 'Disqualified'
      WHEN ${t}.position_text IN ('DNS', 'DNP') THEN 'Did not start'
      WHEN ${t}.position_number IS NOT NULL AND est.status = 'Finished' THEN 'Finished'
      WHEN ${t}.position_number IS NOT NULL AND est.status LIKE '+%' THEN 'Lapped'
      ELSE 'Retired' END
    ELSE est.status END`;
}

/** The grid slot the dialect prints: the dump's (0 for a pit-lane start) where it covers the result; Jolpica
 * and f1db give a pit-lane starter the slot he qualified for. */
function gridSql(d: Dialect, t: string): string {
  const f1db = `COALESCE(${t}.grid_position_number, ${t}.qualification_position_number)`;
  return d === 'ergast'
    ? `CASE WHEN ers.covered = 1 THEN ers.grid ELSE ${f1db} END`
    : `COALESCE(${f1db}, ers.grid)`;
}

/** The finishing position (null: not classified) and the classification order of the result row `t`: the
 * dump's own where it covers the result (ergast.com), else f1db's. */
function positionSql(d: Dialect, t: string): string {
  return d === 'ergast'
    ? `CASE WHEN ers.covered = 1 THEN ers.position ELSE ${t}.position_number END`
    : `${t}.position_number`;
}
function orderSql(d: Dialect, t: string): string {
  return d === 'ergast'
    ? `CASE WHEN ers.covered = 1 THEN ers.position_order ELSE ${t}.position_display_order END`
    : `${t}.position_display_order`;
}

/** The fastest-lap rank of the result row `t`: the dump's where it covers it (the only source for sprints). */
function fastestRankSql(t: string, session: 'RACE' | 'SPRINT_RACE'): string {
  if (session === 'SPRINT_RACE') return 'ers.fl_rank';
  return `CASE WHEN ers.covered = 1 THEN ers.fl_rank ELSE
    (SELECT fl.position_number FROM fastest_lap fl WHERE fl.race_id = ${t}.race_id AND fl.driver_id = ${t}.driver_id)
    END`;
}

function statusIdText(db: Db, id: number): string | undefined {
  const jolpica = Object.entries(JOLPICA_STATUS_IDS).find(([, v]) => v === id)?.[0];
  if (jolpica) return jolpica;
  const row = stmt(db, 'SELECT status FROM ergast_status WHERE status_id = ?').get(id) as
    { status: string } | undefined;
  return row?.status;
}

/** The final round (with standings) of the season of race `r`, or the round asked for. */
function standingsRoundSql(c: Ctx, table: string): string {
  if (c.res.round !== undefined) return String(c.res.round);
  return `(SELECT MAX(r3.round) FROM race r3 WHERE r3.year = r.year
      AND EXISTS (SELECT 1 FROM ${table} s3 WHERE s3.race_id = r3.id))`;
}

/** Filters on per-driver result rows. `t` is the result row the position filters apply to (the race result,
 * or the sprint result for /sprint), `x` the listed row. */
function resultWhere(c: Ctx, t: string, session: 'RACE' | 'SPRINT_RACE'): Where {
  const w = new Where();
  const f = c.q.filters;
  if (c.res.year !== undefined) w.add('r.year = ?', c.res.year);
  if (c.res.round !== undefined) w.add('r.round = ?', c.res.round);
  if (f.circuits) w.add('eci.ergast_id = ?', f.circuits);
  // ergast.com lists a race's results as the dump has them: not f1db's extra non-starters.
  if (c.dialect === 'ergast')
    w.add(`NOT EXISTS (SELECT 1 FROM ergast_result e WHERE e.race_id = x.race_id AND e.session = x.session
      AND e.driver_id = x.driver_id AND e.extra = 1)`);
  // Id filters as f1db ids too, so SQLite starts from the result tables' driver/constructor indexes.
  if (f.drivers)
    w.add(
      'ed.ergast_id = ? AND x.driver_id IN (SELECT driver_id FROM ergast_driver_id WHERE ergast_id = ?)',
      f.drivers,
      f.drivers,
    );
  if (f.constructors)
    w.add(
      `ec.ergast_id = ? AND x.constructor_id IN (SELECT constructor_id FROM ergast_constructor_id WHERE ergast_id = ?
         UNION SELECT rr.constructor_id FROM ergast_result e JOIN race_result rr ON rr.race_id = e.race_id
           AND rr.session = e.session AND rr.driver_id = e.driver_id WHERE e.constructor_ergast_id = ?)`,
      f.constructors,
      f.constructors,
      f.constructors,
    );
  if (f.grid) w.add(`${gridSql(c.dialect, t)} = ?`, Number(f.grid));
  if (f.results) w.add(`${positionSql(c.dialect, t)} = ?`, Number(f.results));
  if (f.sprint) w.add(`${positionSql(c.dialect, t)} = ?`, Number(f.sprint));
  // fastest/0 means "any rank" on both services.
  if (f.fastest && Number(f.fastest) !== 0) w.add(`${fastestRankSql(t, session)} = ?`, Number(f.fastest));
  if (f.status) {
    if (c.dialect === 'ergast') w.add('ers.status_id = ?', Number(f.status));
    else w.add(`${statusSql(c.dialect, t)} = ?`, statusIdText(c.db, Number(f.status)) ?? '');
  }
  if (f.driverStandings)
    w.add(
      `EXISTS (SELECT 1 FROM ergast_driver_standing s JOIN race r2 ON r2.id = s.race_id
        WHERE s.driver_id = x.driver_id AND r2.year = r.year AND r2.round = ${standingsRoundSql(c, 'ergast_driver_standing')}
          AND s.position = ?)`,
      Number(f.driverStandings),
    );
  if (f.constructorStandings)
    w.add(
      `EXISTS (SELECT 1 FROM ergast_constructor_standing s JOIN race r2 ON r2.id = s.race_id
        WHERE s.ergast_id = ec.ergast_id AND r2.year = r.year
          AND r2.round = ${standingsRoundSql(c, 'ergast_constructor_standing')} AND s.position = ?)`,
      Number(f.constructorStandings),
    );
  return w;
}

function paged<T>(db: Db, sql: string, params: unknown[], page: Page): { rows: T[]; total: number } {
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
  const rows = stmt(db, `${sql} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as T[];
  return { rows, total };
}

/** Groups consecutive rows of the same race into Ergast race objects carrying a list under `key`. */
function groupByRace<R extends RaceCols>(rows: R[], key: string, item: (r: R) => Obj): Obj[] {
  const races: Obj[] = [];
  let current: { id: number; list: Obj[] } | undefined;
  for (const r of rows) {
    if (!current || current.id !== r.race_id) {
      current = { id: r.race_id, list: [] };
      races.push({ ...raceHead(r), [key]: current.list });
    }
    current.list.push(item(r));
  }
  return races;
}

/** Jolpica's clock: "1:25:33.607", "+5.155", "+1:19.767" (always milliseconds). */
function jolpicaTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = String(ms % 1000).padStart(3, '0');
  let out = '';
  if (h) out += `${String(h).padStart(2, '0')}:`;
  if (m || h) out += `${String(m).padStart(2, '0')}:`;
  out += `${String(s).padStart(2, '0')}.${frac}`;
  return out.startsWith('0') ? out.slice(1) : out;
}

// ---------------------------------------------------------------- results and sprint

interface ResultRow extends RaceCols, DriverCols, ConstructorCols {
  number: string | null;
  position_display_order: number;
  position_number: number | null;
  position_text: string;
  points: number | null;
  grid: number | null;
  laps: number | null;
  time: string | null;
  time_millis: number | null;
  gap: string | null;
  gap_laps: number | null;
  time_penalty_millis: number | null;
  winner_millis: number | null;
  e_position_text: string | null;
  status: string | null;
  covered: number | null;
  e_laps: number | null;
  e_time: string | null;
  e_millis: number | null;
  e_fl_lap: number | null;
  e_fl_rank: number | null;
  e_fl_time: string | null;
  e_fl_speed: string | null;
  fl_rank: number | null;
  fl_lap: number | null;
  fl_time: string | null;
  fl_millis: number | null;
  course_length: number | null;
}

/** Jolpica's positionText letters: no "N" (not classified reads "R"), exclusions read "D". */
const JOLPICA_LETTER: Record<string, string> = { N: 'R', E: 'D' };

function resultItem(r: ResultRow, d: Dialect, sprint: boolean): Obj {
  const o: Obj = {};
  if (r.number) o.number = r.number;
  const recurated = d === 'jolpica' && r.year >= RECURATED_FROM;
  const dsqNumbered = recurated && r.position_text === 'DSQ';
  o.position = String(r.position_number ?? r.position_display_order);
  const letter = r.e_position_text ?? r.position_text;
  if (r.position_number !== null || dsqNumbered)
    o.positionText = String(r.position_number ?? r.position_display_order);
  else o.positionText = d === 'jolpica' ? (JOLPICA_LETTER[letter] ?? letter) : letter;
  o.points = num(r.points ?? 0);
  o.Driver = driver(r);
  o.Constructor = constructor(r);
  o.grid = num(r.grid ?? 0);
  const dump = d === 'ergast' && r.covered === 1;
  o.laps = num((dump ? r.e_laps : r.laps) ?? r.e_laps ?? 0);
  o.status = r.status ?? '';
  if (dump) {
    if (r.e_millis !== null && r.e_time) o.Time = { millis: String(r.e_millis), time: r.e_time };
  } else if (d === 'jolpica') {
    const ms = r.time_millis ?? r.e_millis;
    if (ms !== null && (r.position_number !== null || dsqNumbered) && r.gap_laps === null) {
      const w = r.winner_millis;
      const t = w === null || ms === w ? jolpicaTime(ms) : ms < w ? '' : `+${jolpicaTime(ms - w)}`;
      o.Time = { millis: String(ms), time: t };
    }
  } else if (r.time_millis !== null && r.gap_laps === null && r.position_number !== null) {
    const t = r.position_number === 1 || !r.gap ? r.time : r.gap;
    if (t) o.Time = { millis: String(r.time_millis), time: t };
  }
  // Fastest lap: the dump's where it covers the result (sprints: only there), else f1db's.
  const fromDump = r.covered === 1 || sprint;
  const flTime = fromDump ? r.e_fl_time : r.fl_time;
  if (flTime) {
    const fl: Obj = {};
    const rank = fromDump ? r.e_fl_rank : r.fl_rank;
    const lap = fromDump ? r.e_fl_lap : r.fl_lap;
    if (rank !== null && rank > 0) fl.rank = String(rank);
    if (lap !== null) fl.lap = String(lap);
    fl.Time = { time: flTime };
    const kph = fromDump
      ? r.e_fl_speed
        ? Number(r.e_fl_speed)
        : null
      : r.course_length && r.fl_millis
        ? (r.course_length * 3_600_000) / r.fl_millis
        : null;
    if (kph !== null && Number.isFinite(kph)) {
      // ergast.com printed three decimals; Jolpica pads the number's own text to seven characters.
      const speed = d === 'ergast' ? kph.toFixed(3) : String(Math.round(kph * 1000) / 1000).padEnd(7, '0');
      fl.AverageSpeed = { units: 'kph', speed };
    }
    o.FastestLap = fl;
  }
  return o;
}

function resultRows(c: Ctx, session: 'RACE' | 'SPRINT_RACE'): Listing {
  const w = resultWhere(c, 'x', session);
  const fl =
    session === 'RACE'
      ? `LEFT JOIN fastest_lap fl ON fl.race_id = r.id AND fl.driver_id = x.driver_id`
      : `LEFT JOIN (SELECT NULL AS position_number, NULL AS lap, NULL AS time, NULL AS time_millis) fl ON 0`;
  // ergast.com: the dump's car number where it covers the result (a few 1960s entries differ from f1db's).
  const number =
    c.dialect === 'ergast'
      ? `CASE WHEN ers.covered = 1 THEN COALESCE(ers.number, x.driver_number) ELSE x.driver_number END`
      : 'x.driver_number';
  const sql = `SELECT ${RACE_COLS}, ${DRIVER_COLS}, ${CONSTRUCTOR_COLS}, ${number} AS number,
      ${orderSql(c.dialect, 'x')} AS position_display_order, ${positionSql(c.dialect, 'x')} AS position_number,
      x.position_text, CASE WHEN ers.covered = 1 AND '${c.dialect}' = 'ergast' THEN ers.points ELSE x.points END AS points,
      ${gridSql(c.dialect, 'x')} AS grid,
      x.laps, x.time, x.time_millis, x.gap, x.gap_laps, x.time_penalty_millis,
      ers.position_text AS e_position_text, ${statusSql(c.dialect, 'x')} AS status, ers.covered,
      ers.laps AS e_laps, ers.time AS e_time, ers.millis AS e_millis, ers.fl_lap AS e_fl_lap, ers.fl_rank AS e_fl_rank,
      ers.fl_time AS e_fl_time, ers.fastest_lap_speed AS e_fl_speed,
      fl.position_number AS fl_rank, fl.lap AS fl_lap, fl.time AS fl_time, fl.time_millis AS fl_millis, r.course_length
    FROM race r ${JOIN_RACE} JOIN race_result x ON x.race_id = r.id AND x.session = '${session}'
      ${joinDriver('x')} ${joinErgastResult('x')} ${joinResultConstructor('x')} ${fl}
    ${w.sql}
    ORDER BY r.year, r.round, ${orderSql(c.dialect, 'x')}`;
  const { rows, total } = paged<ResultRow>(c.db, sql, w.params, c.page);
  if (c.dialect === 'jolpica' && rows.length) {
    // Jolpica prints gaps to the winner's time: one look-up for the races of the page.
    const ids = [...new Set(rows.map((r) => r.race_id))];
    const winners = new Map(
      (
        stmt(
          c.db,
          `SELECT race_id, time_millis, driver_number FROM race_result WHERE session = ? AND position_number = 1
             AND race_id IN (${ids.map(() => '?').join(', ')})`,
        ).all(session, ...ids) as { race_id: number; time_millis: number | null; driver_number: string }[]
      ).map((w) => [w.race_id, w]),
    );
    for (const r of rows) r.winner_millis = winners.get(r.race_id)?.time_millis ?? null;
    lappedTimes(c, rows, session, winners);
  }
  const sprint = session === 'SPRINT_RACE';
  return {
    list: groupByRace(rows, sprint ? 'SprintResults' : 'Results', (r) => resultItem(r, c.dialect, sprint)),
    total,
  };
}

/** Jolpica (from 2023): a lapped finisher's race time from the lap tables, with his time penalty added. */
function lappedTimes(
  c: Ctx,
  rows: ResultRow[],
  session: 'RACE' | 'SPRINT_RACE',
  winners: Map<number, { time_millis: number | null; driver_number: string }>,
): void {
  if (!lapTablesAvailable(c.opts.lapsDir)) return;
  const byRace = new Map<number, Map<number, number>>();
  for (const r of rows) {
    if (r.year < RECURATED_FROM || r.position_number === null || !r.gap_laps || r.time_millis !== null)
      continue;
    let times = byRace.get(r.race_id);
    if (!times) {
      const w = winners.get(r.race_id);
      const laps = loadRaceLaps(
        c.opts.lapsDir,
        r.year,
        r.round,
        session === 'RACE' ? 'grand_prix' : 'sprint',
      );
      times =
        w?.time_millis != null && laps
          ? raceTimesFromLaps(laps, { driverNumber: Number(w.driver_number), millis: w.time_millis })
          : new Map<number, number>();
      byRace.set(r.race_id, times);
    }
    const t = r.number === null ? undefined : times.get(Number(r.number));
    if (t !== undefined) {
      r.time_millis = t + (r.time_penalty_millis ?? 0);
      r.gap_laps = null;
    }
  }
}

// ---------------------------------------------------------------- qualifying

interface QualifyingRow extends RaceCols, DriverCols, ConstructorCols {
  number: string | null;
  position: number;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  time: string | null;
}

/** Rank of the row `x` in one qualifying session by its time there. */
const sessionRank = (col: string) =>
  `CASE WHEN x.${col}_millis IS NULL THEN NULL ELSE (SELECT COUNT(*) + 1 FROM qualifying_result o
     WHERE o.race_id = x.race_id AND o.session = 'QUALIFYING' AND o.${col}_millis < x.${col}_millis) END`;

function qualifying(c: Ctx): Listing {
  const f = c.q.filters;
  const w = new Where();
  if (c.res.year !== undefined) w.add('r.year = ?', c.res.year);
  if (c.res.round !== undefined) w.add('r.round = ?', c.res.round);
  if (f.circuits) w.add('eci.ergast_id = ?', f.circuits);
  if (f.drivers) w.add('ed.ergast_id = ?', f.drivers);
  if (f.constructors) w.add('ec.ergast_id = ?', f.constructors);
  // Ergast has qualifying from 1994 on (f1db further back); races newer than the dump are f1db's.
  w.add('(er.qualifying IS NULL OR er.qualifying = 1)');
  // f1db lists a driver twice in a few sessions (2023 British GP): the first row stands.
  w.add(`x.position_display_order = (SELECT MIN(d.position_display_order) FROM qualifying_result d
    WHERE d.race_id = x.race_id AND d.session = 'QUALIFYING' AND d.driver_id = x.driver_id)`);
  // ergast.com numbers the rows 1..n in classification order (a driver f1db leaves unnumbered included);
  // Jolpica prints f1db's numbers.
  const position =
    c.dialect === 'ergast'
      ? 'x.position_display_order'
      : 'COALESCE(x.position_number, x.position_display_order)';
  // Filters on the race: grid slot, finishing position, fastest-lap rank, status.
  const onRace = new Where();
  if (f.grid) onRace.add(`${gridSql(c.dialect, 'rr')} = ?`, Number(f.grid));
  if (f.results) onRace.add('rr.position_number = ?', Number(f.results));
  if (f.fastest && Number(f.fastest) !== 0)
    onRace.add(`${fastestRankSql('rr', 'RACE')} = ?`, Number(f.fastest));
  if (f.status) {
    if (c.dialect === 'ergast') onRace.add('ers.status_id = ?', Number(f.status));
    else onRace.add(`${statusSql(c.dialect, 'rr')} = ?`, statusIdText(c.db, Number(f.status)) ?? '');
  }
  if (onRace.parts.length)
    w.add(
      `EXISTS (SELECT 1 FROM race_result rr ${joinErgastResult('rr')}
        WHERE rr.race_id = x.race_id AND rr.session = 'RACE' AND rr.driver_id = x.driver_id ${onRace.and})`,
      ...onRace.params,
    );
  let order = `r.year, r.round, ${position}`;
  if (f.qualifying) {
    const n = Number(f.qualifying);
    if (c.dialect === 'ergast') w.add(`${position} = ?`, n);
    else {
      // Jolpica: position N in any of Q1, Q2, Q3; rows by round, then the best position over the sessions.
      const ranks = ['q1', 'q2', 'q3'].map(sessionRank);
      w.add(`(${position} = ? OR ${ranks.map((k) => `${k} = ?`).join(' OR ')})`, n, n, n, n);
      order = `r.year, r.round, MIN(${position}, ${ranks.map((k) => `COALESCE(${k}, 999)`).join(', ')}), ${position}`;
    }
  }
  const sql = `SELECT ${RACE_COLS}, ${DRIVER_COLS}, ${CONSTRUCTOR_COLS}, x.driver_number AS number,
      ${position} AS position, x.q1, x.q2, x.q3, x.time
    FROM race r ${JOIN_RACE} JOIN qualifying_result x ON x.race_id = r.id AND x.session = 'QUALIFYING'
      ${joinDriver('x')} ${joinConstructor('x', ENGINE('x'))}
    ${w.sql} ORDER BY ${order}`;
  const { rows, total } = paged<QualifyingRow>(c.db, sql, w.params, c.page);
  // Jolpica lists each race's rows by final position whatever the page order.
  if (c.dialect === 'jolpica')
    rows.sort((a, b) => a.year - b.year || a.round - b.round || a.position - b.position);
  const list = groupByRace(rows, 'QualifyingResults', (r) => {
    const o: Obj = {};
    if (r.number) o.number = r.number;
    o.position = String(r.position);
    o.Driver = driver(r);
    o.Constructor = constructor(r);
    // One-session qualifying (before 2006) is Q1. Jolpica prints an entered session without a time as "".
    const q1 = r.q1 ?? (r.q2 || r.q3 ? null : r.time);
    if (q1) o.Q1 = q1;
    else if (c.dialect === 'jolpica') o.Q1 = '';
    if (r.q2) o.Q2 = r.q2;
    if (r.q3) o.Q3 = r.q3;
    return o;
  });
  return { list, total };
}

// ---------------------------------------------------------------- pit stops and laps

interface PitRow extends RaceCols {
  d_id: string;
  f1db_driver: string;
  lap: number | null;
  stop: number;
  time_of_day: string | null;
  duration: string | null;
  /** The dump's row repeats another driver's stop and f1db puts this one on another lap. */
  miscopied: number;
}

function pitstops(c: Ctx): Listing {
  const f = c.q.filters;
  const w = new Where();
  // ergast.com printed the dump's lap and duration; Jolpica, like f1db, has its own.
  const lap = c.dialect === 'ergast' ? 'COALESCE(eps.lap, x.lap)' : 'x.lap';
  const duration = c.dialect === 'ergast' ? 'COALESCE(eps.duration, x.time)' : 'x.time';
  w.add('r.year = ?', c.res.year);
  w.add('r.round = ?', c.res.round);
  if (f.circuits) w.add('eci.ergast_id = ?', f.circuits);
  if (f.drivers) w.add('ed.ergast_id = ?', f.drivers);
  if (f.pitstops) w.add('x.stop = ?', Number(f.pitstops));
  if (f.laps) w.add(`${lap} = ?`, Number(f.laps));
  const sql = `SELECT ${RACE_COLS}, ed.ergast_id AS d_id, ${lap} AS lap, x.stop, eps.time_of_day,
      ${duration} AS duration, x.driver_id AS f1db_driver,
      COALESCE(eps.copied = 1 AND eps.lap IS NOT x.lap, 0) AS miscopied
    FROM race r ${JOIN_RACE} JOIN pit_stop x ON x.race_id = r.id ${joinDriver('x')}
    LEFT JOIN ergast_pit_stop eps ON eps.race_id = r.id AND eps.driver_id = x.driver_id AND eps.stop = x.stop
    ${w.sql} ORDER BY r.year, r.round, ${lap}, eps.time_of_day, x.position_display_order`;
  const { rows, total } = paged<PitRow>(c.db, sql, w.params, c.page);
  if (c.dialect === 'jolpica' && rows.some((r) => r.miscopied)) pitClockFromLaps(c, rows);
  const list = groupByRace(rows, 'PitStops', (r) => {
    const o: Obj = { driverId: r.d_id, lap: num(r.lap), stop: String(r.stop) };
    if (r.time_of_day) o.time = r.time_of_day;
    if (r.duration) o.duration = r.duration;
    return o;
  });
  return { list, total };
}

const clockSeconds = (t: string) => t.split(':').reduce((n, p) => n * 60 + Number(p), 0);
const clockText = (s: number) =>
  [Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

/**
 * Jolpica: the clock time of a stop whose dump row is another driver's copy, from the lap tables' pit-in
 * time plus the race's clock offset. The dump truncates to the second, so every other stop bounds the offset
 * from below (clock - pit-in); the largest bound is taken. Left without a time where the laps are missing.
 */
function pitClockFromLaps(c: Ctx, rows: PitRow[]): void {
  const first = rows[0]!;
  const laps = lapTablesAvailable(c.opts.lapsDir)
    ? loadRaceLaps(c.opts.lapsDir, first.year, first.round)
    : null;
  const pitIn = new Map<string, number>();
  for (const l of laps?.laps ?? [])
    if (l.pitInTime !== null) pitIn.set(`${l.driverNumber}|${l.lap}`, l.pitInTime);
  const all = stmt(
    c.db,
    `SELECT eps.time_of_day, x.lap, rr.driver_number, eps.copied, x.driver_id FROM pit_stop x
       JOIN ergast_pit_stop eps ON eps.race_id = x.race_id AND eps.driver_id = x.driver_id AND eps.stop = x.stop
       JOIN race_result rr ON rr.race_id = x.race_id AND rr.session = 'RACE' AND rr.driver_id = x.driver_id
     WHERE x.race_id = ?`,
  ).all(first.race_id) as {
    time_of_day: string;
    lap: number;
    driver_number: string;
    copied: number;
    driver_id: string;
  }[];
  const numberOf = new Map(all.map((p) => [p.driver_id, p.driver_number]));
  let offset: number | undefined;
  for (const p of all) {
    if (p.copied) continue;
    const t = pitIn.get(`${p.driver_number}|${p.lap}`);
    if (t === undefined) continue;
    const o = clockSeconds(p.time_of_day) - t;
    if (offset === undefined || o > offset) offset = o;
  }
  for (const r of rows) {
    if (!r.miscopied) continue;
    const t = pitIn.get(`${numberOf.get(r.f1db_driver)}|${r.lap}`);
    r.time_of_day = offset !== undefined && t !== undefined ? clockText(Math.floor(t + offset)) : null;
  }
}

function laps(c: Ctx): Listing {
  const none: Listing = { list: [], total: 0 };
  const f = c.q.filters;
  // Synced timing sessions give lap tables without the CSVs.
  if (!lapTablesAvailable(c.opts.lapsDir)) return none;
  const race = stmt(
    c.db,
    `SELECT ${RACE_COLS} FROM race r ${JOIN_RACE} WHERE r.year = ? AND r.round = ?`,
  ).get(c.res.year, c.res.round) as RaceCols | undefined;
  if (!race) return none;
  if (f.circuits && race.ci_id !== f.circuits) return none;
  const lapData = loadRaceLaps(c.opts.lapsDir, c.res.year!, c.res.round!);
  if (!lapData) return none;
  const byNumber = new Map(
    (
      stmt(
        c.db,

        `SELECT x.driver_number AS n, ed.ergast_id AS id FROM race_result x ${joinDriver('x')}
           WHERE x.race_id = ? AND x.session = 'RACE'`,
      ).all(race.race_id) as { n: string; id: string }[]
    ).map((d) => [Number(d.n), d.id]),
  );
  const winner = stmt(
    c.db,
    `SELECT driver_number, time_millis FROM race_result
       WHERE race_id = ? AND session = 'RACE' AND position_number = 1 AND time_millis IS NOT NULL`,
  ).get(race.race_id) as { driver_number: string; time_millis: number } | undefined;
  const timings = fillLapOne(
    lapData,
    winner && { driverNumber: Number(winner.driver_number), millis: winner.time_millis },
  )
    .filter((l) => l.lapTime !== null && l.position !== null)
    .map((l) => ({
      lap: l.lap,
      driverId: byNumber.get(l.driverNumber),
      position: l.position!,
      time: l.lapTime!,
    }))
    .filter((t): t is { lap: number; driverId: string; position: number; time: number } => !!t.driverId)
    .filter((t) => (!f.drivers || t.driverId === f.drivers) && (!f.laps || t.lap === Number(f.laps)))
    .sort((a, b) => a.lap - b.lap || a.position - b.position);
  const total = timings.length;
  const slice = timings.slice(c.page.offset, c.page.offset + c.page.limit);
  if (!slice.length) return { list: [], total };
  const lapsOut: Obj[] = [];
  for (const t of slice) {
    let last = lapsOut.at(-1) as { number: string; Timings: Obj[] } | undefined;
    if (!last || last.number !== String(t.lap)) lapsOut.push((last = { number: String(t.lap), Timings: [] }));
    last.Timings.push({ driverId: t.driverId, position: String(t.position), time: lapTime(t.time) });
  }
  return { list: [{ ...raceHead(race), Laps: lapsOut }], total };
}

// ---------------------------------------------------------------- list resources

/** Filters that need the race results (anything beyond season, round and circuit). */
const RESULT_FILTERS: FilterKey[] = [
  'drivers',
  'constructors',
  'grid',
  'results',
  'fastest',
  'status',
  'driverStandings',
  'constructorStandings',
];
const needsResults = (q: ErgastQuery) =>
  RESULT_FILTERS.some((k) => q.filters[k] !== undefined && !(k === 'fastest' && Number(q.filters[k]) === 0));

/** SELECT DISTINCT `cols` FROM the race results matching the filters, with only the joins they need. */
function scope(c: Ctx, cols: string): { sql: string; params: unknown[] } {
  const f = c.q.filters;
  const w = resultWhere(c, 'x', 'RACE');
  const from = [
    `race r JOIN race_result x ON x.race_id = r.id AND x.session = 'RACE'`,
    f.circuits ? 'JOIN ergast_circuit_id eci ON eci.circuit_id = r.circuit_id' : '',
    f.drivers ? joinDriver('x') : '',
    f.constructors || f.constructorStandings || cols.includes('ec.') ? joinConstructor('x', ENGINE('x')) : '',
    f.status || f.grid || (f.fastest && Number(f.fastest) !== 0) ? joinErgastResult('x') : '',
  ].join(' ');
  return { sql: `SELECT DISTINCT ${cols} FROM ${from} ${w.sql}`, params: w.params };
}

function raceOnlyWhere(c: Ctx): Where {
  const w = new Where();
  if (c.res.year !== undefined) w.add('r.year = ?', c.res.year);
  if (c.res.round !== undefined) w.add('r.round = ?', c.res.round);
  if (c.q.filters.circuits) w.add('eci.ergast_id = ?', c.q.filters.circuits);
  return w;
}

function seasons(c: Ctx): Listing {
  let ids: { sql: string; params: unknown[] };
  if (needsResults(c.q)) ids = scope(c, 'r.year');
  else {
    const w = raceOnlyWhere(c);
    ids = { sql: `SELECT DISTINCT r.year FROM race r ${JOIN_RACE} ${w.sql}`, params: w.params };
  }
  const sql = `SELECT s.year, s.url FROM ergast_season s WHERE s.year IN (${ids.sql}) ORDER BY s.year`;
  const { rows, total } = paged<{ year: number; url: string }>(c.db, sql, ids.params, c.page);
  return { list: rows.map((r) => ({ season: String(r.year), url: r.url })), total };
}

function races(c: Ctx): Listing {
  let ids: { sql: string; params: unknown[] };
  if (needsResults(c.q)) ids = scope(c, 'r.id');
  else {
    const w = raceOnlyWhere(c);
    ids = { sql: `SELECT r.id FROM race r ${JOIN_RACE} ${w.sql}`, params: w.params };
  }
  const sql = `SELECT ${RACE_COLS}, ${SESSION_COLS} FROM race r ${JOIN_RACE} WHERE r.id IN (${ids.sql})
    ORDER BY r.year, r.round`;
  const { rows, total } = paged<RaceCols & SessionCols>(c.db, sql, ids.params, c.page);
  return { list: rows.map(raceWithSessions), total };
}

function circuits(c: Ctx): Listing {
  let ids: { sql: string; params: unknown[] };
  if (needsResults(c.q)) ids = scope(c, 'r.circuit_id');
  else if (c.res.year === undefined && !c.q.filters.circuits)
    ids = { sql: 'SELECT DISTINCT circuit_id FROM race', params: [] };
  else {
    const w = raceOnlyWhere(c);
    ids = { sql: `SELECT r.circuit_id FROM race r ${JOIN_RACE} ${w.sql}`, params: w.params };
  }
  const sql = `SELECT ${CIRCUIT_COLS} FROM ergast_circuit_id eci WHERE eci.circuit_id IN (${ids.sql})
    ORDER BY eci.ergast_id`;
  const { rows, total } = paged<Parameters<typeof circuit>[0]>(c.db, sql, ids.params, c.page);
  return { list: rows.map(circuit), total };
}

function drivers(c: Ctx): Listing {
  const onlyOwnId = Object.keys(c.q.filters).every((k) => k === 'drivers') && c.res.year === undefined;
  const order = `ORDER BY ed.sort_${c.dialect}, ed.sort_id`;
  let sql: string;
  let params: unknown[];
  if (onlyOwnId) {
    // Every driver who took part in a championship race weekend (f1db also lists test and reserve drivers).
    const w = new Where();
    w.add(
      `(EXISTS (SELECT 1 FROM race_result x WHERE x.driver_id = ed.driver_id)
        OR EXISTS (SELECT 1 FROM qualifying_result x WHERE x.driver_id = ed.driver_id))`,
    );
    if (c.q.filters.drivers) w.add('ed.ergast_id = ?', c.q.filters.drivers);
    sql = `SELECT ${DRIVER_COLS} FROM ergast_driver_id ed ${w.sql} ${order}`;
    params = w.params;
  } else {
    const s = scope(c, 'x.driver_id');
    sql = `SELECT ${DRIVER_COLS} FROM ergast_driver_id ed WHERE ed.driver_id IN (${s.sql}) ${order}`;
    params = s.params;
  }
  const { rows, total } = paged<DriverCols>(c.db, sql, params, c.page);
  return { list: rows.map(driver), total };
}

function constructors(c: Ctx): Listing {
  const onlyOwnId = Object.keys(c.q.filters).every((k) => k === 'constructors') && c.res.year === undefined;
  let sql: string;
  let params: unknown[];
  if (onlyOwnId) {
    const w = new Where();
    w.add(
      `ec.ergast_id IN (SELECT e.ergast_id FROM race_result x JOIN ergast_constructor_id e
         ON e.constructor_id = x.constructor_id AND e.engine_manufacturer_id = ${ENGINE('x')})`,
    );
    if (c.q.filters.constructors) w.add('ec.ergast_id = ?', c.q.filters.constructors);
    sql = `SELECT ${CONSTRUCTOR_COLS} FROM ergast_constructor ec ${w.sql} ORDER BY ec.ergast_id`;
    params = w.params;
  } else {
    const s = scope(c, 'ec.ergast_id');
    sql = `SELECT ${CONSTRUCTOR_COLS} FROM ergast_constructor ec WHERE ec.ergast_id IN (${s.sql})
      ORDER BY ec.ergast_id`;
    params = s.params;
  }
  const { rows, total } = paged<ConstructorCols>(c.db, sql, params, c.page);
  return { list: rows.map(constructor), total };
}

function status(c: Ctx): Listing {
  const w = resultWhere(c, 'x', 'RACE');
  w.add('est.status_id IS NOT NULL');
  const f = c.q.filters;
  const from = [
    `race r JOIN race_result x ON x.race_id = r.id AND x.session = 'RACE'`,
    f.circuits ? 'JOIN ergast_circuit_id eci ON eci.circuit_id = r.circuit_id' : '',
    f.drivers ? joinDriver('x') : '',
    f.constructors || f.constructorStandings ? joinConstructor('x', ENGINE('x')) : '',
    joinErgastResult('x'),
  ].join(' ');
  // A few dozen groups at most: counted once, paged here. ergast.com lists them by id, Jolpica by count.
  const text = statusSql(c.dialect, 'x');
  const rows = stmt(
    c.db,
    c.dialect === 'ergast'
      ? `SELECT est.status_id AS id, est.status, COUNT(*) AS n FROM ${from} ${w.sql}
           GROUP BY est.status_id ORDER BY est.status_id`
      : `SELECT ${text} AS status, COUNT(*) AS n FROM ${from} ${w.sql} GROUP BY 1 ORDER BY n DESC, status`,
  ).all(...w.params) as { id?: number; status: string; n: number }[];
  const idOf = (r: { id?: number; status: string }) =>
    r.id ??
    JOLPICA_STATUS_IDS[r.status] ??
    (
      stmt(c.db, 'SELECT status_id FROM ergast_status WHERE status = ?').get(r.status) as {
        status_id: number;
      }
    )?.status_id;
  const list = rows
    .slice(c.page.offset, c.page.offset + c.page.limit)
    .map((r) => ({ statusId: num(idOf(r)), count: String(r.n), status: r.status }));
  return { list, total: rows.length };
}

// ---------------------------------------------------------------- standings

interface StandingRow extends DriverCols, ConstructorCols {
  year: number;
  round: number;
  /** Null: not eligible for a position (positionText "-"). */
  position: number | null;
  position_text: string;
  points: number;
  wins: number;
  key: string;
}

/** The races whose standings are asked: one round, or each season's latest round with standings. */
function standingsRaces(c: Ctx, table: string): { sql: string; params: unknown[] } {
  const w = new Where();
  if (c.res.year !== undefined) w.add('r.year = ?', c.res.year);
  if (c.res.round !== undefined) w.add('r.round = ?', c.res.round);
  const rounds = `SELECT r.year, ${c.res.round !== undefined ? 'r.round' : 'MAX(r.round)'} AS round FROM race r
    WHERE EXISTS (SELECT 1 FROM ${table} s WHERE s.race_id = r.id) ${w.and}
    GROUP BY r.year${c.res.round !== undefined ? ', r.round' : ''}`;
  return {
    sql: `SELECT r.id FROM race r JOIN (${rounds}) k ON k.year = r.year AND k.round = r.round`,
    params: w.params,
  };
}

function standingsLists(rows: StandingRow[], key: string, item: (r: StandingRow) => Obj): Obj[] {
  const lists = new Map<string, Obj>();
  for (const r of rows) {
    const id = `${r.year}/${r.round}`;
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { season: String(r.year), round: String(r.round), [key]: [] }));
    (list[key] as Obj[]).push(item(r));
  }
  return [...lists.values()];
}

/** Jolpica omits the position of a driver not eligible for one (its documented "position is optional"). */
const standingPosition = (r: StandingRow): Obj => ({
  ...(r.position === null ? {} : { position: String(r.position) }),
  positionText: r.position_text,
  points: num(r.points),
  wins: String(r.wins),
});

/** Jolpica echoes the round its standings are from (one season) even when none was asked. */
function standingsHeader(c: Ctx, rows: StandingRow[]): Obj | undefined {
  if (c.dialect !== 'jolpica' || c.res.round !== undefined || !rows[0]) return undefined;
  return { round: String(rows[0].round) };
}

function driverStandings(c: Ctx): Listing {
  const f = c.q.filters;
  const racesSql = standingsRaces(c, 'ergast_driver_standing');
  const w = new Where();
  w.add(`s.race_id IN (${racesSql.sql})`, ...racesSql.params);
  if (f.drivers) w.add('ed.ergast_id = ?', f.drivers);
  if (f.driverStandings) w.add('s.position = ?', Number(f.driverStandings));
  if (f.constructors)
    w.add(
      `EXISTS (SELECT 1 FROM race_result x JOIN race r2 ON r2.id = x.race_id
         JOIN ergast_constructor_id e ON e.constructor_id = x.constructor_id AND e.engine_manufacturer_id = ${ENGINE('x')}
       WHERE x.driver_id = s.driver_id AND r2.year = r.year AND r2.round <= r.round AND e.ergast_id = ?)`,
      f.constructors,
    );
  const sql = `SELECT r.year, r.round, s.position, s.position_text, s.points, s.wins, s.driver_id AS key, ${DRIVER_COLS}
    FROM ergast_driver_standing s JOIN race r ON r.id = s.race_id ${joinDriver('s')}
    ${w.sql} ORDER BY r.year, r.round, s.position IS NULL, s.position, s.points DESC, ed.sort_${c.dialect}`;
  const { rows, total } = paged<StandingRow>(c.db, sql, w.params, c.page);
  // A driver's teams up to the round: the dump's constructors in the races it covers, else f1db's pairs'.
  const teamsOf = stmt(
    c.db,
    `SELECT ${CONSTRUCTOR_COLS}, MIN(u.round) AS first FROM (
       SELECT r2.round, t.ergast_id FROM ergast_driver_team t JOIN race r2 ON r2.id = t.race_id
         WHERE t.driver_id = ? AND r2.year = ? AND r2.round <= ?
       UNION ALL
       SELECT r2.round, ecx.ergast_id FROM race_result x JOIN race r2 ON r2.id = x.race_id
         JOIN ergast_constructor_id ecx ON ecx.constructor_id = x.constructor_id
           AND ecx.engine_manufacturer_id = ${ENGINE('x')}
         WHERE x.driver_id = ? AND r2.year = ? AND r2.round <= ?
           AND NOT EXISTS (SELECT 1 FROM ergast_driver_team t WHERE t.race_id = x.race_id)
     ) u JOIN ergast_constructor ec ON ec.ergast_id = u.ergast_id
     GROUP BY ec.ergast_id ORDER BY first, ec.ergast_id`,
  );
  const list = standingsLists(rows, 'DriverStandings', (r) => ({
    ...standingPosition(r),
    Driver: driver(r),
    Constructors: (teamsOf.all(r.key, r.year, r.round, r.key, r.year, r.round) as ConstructorCols[]).map(
      constructor,
    ),
  }));
  return { list, total, header: standingsHeader(c, rows) };
}

function constructorStandings(c: Ctx): Listing {
  const f = c.q.filters;
  const racesSql = standingsRaces(c, 'ergast_constructor_standing');
  const w = new Where();
  w.add(`s.race_id IN (${racesSql.sql})`, ...racesSql.params);
  if (f.constructors) w.add('ec.ergast_id = ?', f.constructors);
  if (f.constructorStandings) w.add('s.position = ?', Number(f.constructorStandings));
  const sql = `SELECT r.year, r.round, s.position, s.position_text, s.points, s.wins, s.ergast_id AS key,
      ${CONSTRUCTOR_COLS}
    FROM ergast_constructor_standing s JOIN race r ON r.id = s.race_id
    JOIN ergast_constructor ec ON ec.ergast_id = s.ergast_id
    ${w.sql} ORDER BY r.year, r.round, s.position`;
  const { rows, total } = paged<StandingRow>(c.db, sql, w.params, c.page);
  const list = standingsLists(rows, 'ConstructorStandings', (r) => ({
    ...standingPosition(r),
    Constructor: constructor(r),
  }));
  return { list, total, header: standingsHeader(c, rows) };
}

// ---------------------------------------------------------------- the resource table

interface ResourceSpec {
  table: string;
  list: string;
  /** Filters the resource accepts (season and round always). */
  accepts: readonly FilterKey[];
  /** What the request must name. Jolpica requires a season for standings. */
  needs?: { season?: boolean | Dialect; round?: boolean };
  run: (c: Ctx) => Listing;
}

const ON_RESULTS = ['circuits', 'constructors', 'drivers', 'grid', 'results', 'fastest', 'status'] as const;

const RESOURCE_SPECS: Record<Resource, ResourceSpec> = {
  seasons: {
    table: 'SeasonTable',
    list: 'Seasons',
    accepts: [...ON_RESULTS, 'driverStandings', 'constructorStandings'],
    run: seasons,
  },
  circuits: { table: 'CircuitTable', list: 'Circuits', accepts: ON_RESULTS, run: circuits },
  races: { table: 'RaceTable', list: 'Races', accepts: ON_RESULTS, run: races },
  results: { table: 'RaceTable', list: 'Races', accepts: ON_RESULTS, run: (c) => resultRows(c, 'RACE') },
  sprint: {
    table: 'RaceTable',
    list: 'Races',
    accepts: [...ON_RESULTS, 'sprint'],
    run: (c) => resultRows(c, 'SPRINT_RACE'),
  },
  qualifying: { table: 'RaceTable', list: 'Races', accepts: [...ON_RESULTS, 'qualifying'], run: qualifying },
  pitstops: {
    table: 'RaceTable',
    list: 'Races',
    accepts: ['circuits', 'drivers', 'pitstops', 'laps'],
    needs: { season: true, round: true },
    run: pitstops,
  },
  laps: {
    table: 'RaceTable',
    list: 'Races',
    accepts: ['circuits', 'drivers', 'laps'],
    needs: { season: true, round: true },
    run: laps,
  },
  drivers: {
    table: 'DriverTable',
    list: 'Drivers',
    accepts: [...ON_RESULTS, 'driverStandings'],
    run: drivers,
  },
  constructors: {
    table: 'ConstructorTable',
    list: 'Constructors',
    accepts: [...ON_RESULTS, 'constructorStandings'],
    run: constructors,
  },
  driverStandings: {
    table: 'StandingsTable',
    list: 'StandingsLists',
    accepts: ['drivers', 'constructors', 'driverStandings'],
    needs: { season: 'jolpica' },
    run: driverStandings,
  },
  constructorStandings: {
    table: 'StandingsTable',
    list: 'StandingsLists',
    accepts: ['constructors', 'constructorStandings'],
    needs: { season: 'jolpica' },
    run: constructorStandings,
  },
  status: { table: 'StatusTable', list: 'Status', accepts: ON_RESULTS, run: status },
};

/** Header attribute each filter echoes in the table, as the services print it. */
function echoKey(key: FilterKey, resource: Resource, d: Dialect): string | undefined {
  switch (key) {
    case 'circuits':
      return 'circuitId';
    case 'constructors':
      return 'constructorId';
    case 'drivers':
      return 'driverId';
    case 'grid':
    case 'fastest':
    case 'status':
    case 'driverStandings':
    case 'constructorStandings':
      return key;
    case 'results':
      return 'position';
    case 'qualifying':
    case 'sprint':
      // Jolpica does not echo the position of its qualifying and sprint lookups.
      return d === 'ergast' ? 'position' : undefined;
    case 'pitstops':
      return 'stop';
    case 'laps':
      return resource === 'laps' ? undefined : 'lap';
  }
}

/** Jolpica links circuits' Wikipedia pages over https (the Ergast tables keep http). */
function httpsCircuits(o: Obj): void {
  const c = (o.circuitId !== undefined ? o : o.Circuit) as Obj | undefined;
  if (c && typeof c.url === 'string') c.url = c.url.replace(/^http:/, 'https:');
}

/** Answers one parsed Ergast query with its table and the total row count (before paging). */
export function ergastQuery(db: Db, q: ErgastQuery, page: Page, opts: QueryOptions): ErgastTable {
  const dialect = opts.dialect ?? 'ergast';
  const spec = RESOURCE_SPECS[q.resource];
  for (const key of Object.keys(q.filters) as FilterKey[])
    if (!spec.accepts.includes(key)) throw badRequest(`The "${key}" filter does not apply to /${q.resource}`);
  const needSeason = spec.needs?.season === true || spec.needs?.season === dialect;
  if (needSeason && q.season === undefined) throw badRequest(`/${q.resource} needs a season`);
  if (spec.needs?.round && q.round === undefined)
    throw badRequest(`/${q.resource} needs a season and a round`);

  const res = resolveSeasonRound(db, q, opts.now, dialect);
  const table: Obj = {};
  if (res.year !== undefined) table.season = String(res.year);
  else if (q.season !== undefined) table.season = String(q.season);
  if (res.round !== undefined) table.round = String(res.round);
  else if (q.round !== undefined) table.round = String(q.round);
  for (const [k, v] of Object.entries(q.filters)) {
    const key = echoKey(k as FilterKey, q.resource, dialect);
    if (key && v !== undefined) table[key] = v;
  }
  if (res.empty) {
    table[spec.list] = [];
    return { name: spec.table, table, total: 0 };
  }
  const listing = spec.run({ db, q, res, page, dialect, opts });
  Object.assign(table, listing.header);
  if (dialect === 'jolpica') listing.list.forEach(httpsCircuits);
  table[spec.list] = listing.list;
  return { name: spec.table, table, total: listing.total };
}
