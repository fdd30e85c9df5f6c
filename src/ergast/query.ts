// Ergast resources from the embedded database (f1db tables + the ergast_* cross-walk).
// Each resource returns its table (the header attributes + its list) and the row total before paging.
import type { Db } from '../data/db.ts';
import { badRequest } from '../errors.ts';
import { loadRaceLaps } from '../analysis/strategy/laps.ts';
import type { ErgastQuery, FilterKey, Resource } from './path.ts';
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
}

export interface ErgastTable {
  /** "RaceTable", "DriverTable", ... */
  name: string;
  table: Obj;
  total: number;
}

const TABLE_NAME: Record<Resource, [string, string]> = {
  seasons: ['SeasonTable', 'Seasons'],
  circuits: ['CircuitTable', 'Circuits'],
  races: ['RaceTable', 'Races'],
  results: ['RaceTable', 'Races'],
  qualifying: ['RaceTable', 'Races'],
  sprint: ['RaceTable', 'Races'],
  pitstops: ['RaceTable', 'Races'],
  laps: ['RaceTable', 'Races'],
  drivers: ['DriverTable', 'Drivers'],
  constructors: ['ConstructorTable', 'Constructors'],
  driverStandings: ['StandingsTable', 'StandingsLists'],
  constructorStandings: ['StandingsTable', 'StandingsLists'],
  status: ['StatusTable', 'Status'],
};

/** Header attribute names of each filter, as the real API echoes them. */
const HEADER_KEY: Partial<Record<FilterKey, string>> = {
  circuits: 'circuitId',
  constructors: 'constructorId',
  drivers: 'driverId',
  grid: 'grid',
  results: 'position',
  fastest: 'fastest',
  status: 'status',
  qualifying: 'position',
  sprint: 'position',
  driverStandings: 'position',
  constructorStandings: 'position',
  pitstops: 'stop',
  laps: 'lap',
};

/** One page of a resource's list and the number of rows before paging. */
interface Listing {
  list: Obj[];
  total: number;
}

interface Resolved {
  year?: number;
  round?: number;
  /** The season/round asked for does not exist: the answer is an empty table. */
  empty: boolean;
}

/** Resolves `current`, `last` and `next` against the clock and the results in the database. */
export function resolveSeasonRound(db: Db, q: ErgastQuery, now: Date): Resolved {
  const today = now.toISOString().slice(0, 10);
  let year: number | undefined;
  if (q.season === 'current') {
    const y = now.getUTCFullYear();
    const has = db.prepare('SELECT 1 FROM race WHERE year = ?').get(y);
    year = has ? y : (db.prepare('SELECT MAX(year) AS y FROM race').get() as { y: number }).y;
  } else year = q.season;
  if (q.round === undefined) return { year, empty: false };
  if (typeof q.round === 'number') return { year, round: q.round, empty: false };
  const lastDone = db
    .prepare(
      `SELECT r.year, r.round, r.date FROM race r
       WHERE EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')
         AND r.date <= ? ${q.season === 'current' ? '' : 'AND r.year = ?'}
       ORDER BY r.date DESC LIMIT 1`,
    )
    .get(...(q.season === 'current' ? [today] : [today, year])) as
    { year: number; round: number; date: string } | undefined;
  if (q.round === 'last') {
    if (!lastDone) return { year, empty: true };
    return { year: lastDone.year, round: lastDone.round, empty: false };
  }
  const next = db
    .prepare(
      `SELECT r.year, r.round FROM race r WHERE r.date > ? ${q.season === 'current' ? '' : 'AND r.year = ?'}
       AND NOT EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id AND x.session = 'RACE')
       ORDER BY r.date LIMIT 1`,
    )
    .get(...(q.season === 'current' ? [lastDone?.date ?? today] : [lastDone?.date ?? '', year])) as
    { year: number; round: number } | undefined;
  if (!next) return { year, empty: true };
  return { year: next.year, round: next.round, empty: false };
}

/** WHERE fragments for the filters, over aliases r (race), x (resource row), rr (its race result), ed/ec/eci. */
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
}

const JOIN_RACE = `JOIN ergast_race er ON er.race_id = r.id JOIN ergast_circuit_id eci ON eci.circuit_id = r.circuit_id`;
const joinDriver = (alias: string) => `JOIN ergast_driver_id ed ON ed.driver_id = ${alias}.driver_id`;
const joinConstructor = (alias: string, engine: string) =>
  `JOIN ergast_constructor_id ecx ON ecx.constructor_id = ${alias}.constructor_id
     AND ecx.engine_manufacturer_id = ${engine}
   JOIN ergast_constructor ec ON ec.ergast_id = ecx.ergast_id`;

type RowKind = 'RACE' | 'SPRINT_RACE' | 'QUALIFYING' | 'PIT_STOP';

/** FROM clause of a per-driver row resource (results, sprint, qualifying, pit stops) with its joins. */
function rowFrom(kind: RowKind): string {
  const x =
    kind === 'QUALIFYING'
      ? `JOIN qualifying_result x ON x.race_id = r.id AND x.session = 'QUALIFYING'`
      : kind === 'PIT_STOP'
        ? `JOIN pit_stop x ON x.race_id = r.id`
        : `JOIN race_result x ON x.race_id = r.id AND x.session = '${kind}'`;
  const rr =
    kind === 'RACE'
      ? ''
      : `LEFT JOIN race_result rr ON rr.race_id = r.id AND rr.session = 'RACE' AND rr.driver_id = x.driver_id`;
  const rrAlias = kind === 'RACE' ? 'x' : 'rr';
  const statusOf = kind === 'SPRINT_RACE' ? 'x' : rrAlias;
  const engine = kind === 'PIT_STOP' ? `''` : `COALESCE(x.engine_manufacturer_id, '')`;
  return `race r ${JOIN_RACE} ${x} ${rr} ${joinDriver('x')} ${joinConstructor('x', engine)}
    LEFT JOIN ergast_result ers ON ers.race_id = ${statusOf}.race_id AND ers.session = ${statusOf}.session
      AND ers.driver_id = ${statusOf}.driver_id
    LEFT JOIN ergast_status est ON est.status_id = ers.status_id`.replace(/\brr\./g, `${rrAlias}.`);
}

/** The race results with only the joins the filters (and the selected columns) need: list resources scan
 * every result of the history, where each unneeded join costs. */
function leanRaceFrom(q: ErgastQuery, needConstructor = false, needStatus = false): string {
  const f = q.filters;
  return [
    `race r JOIN race_result x ON x.race_id = r.id AND x.session = 'RACE'`,
    f.circuits ? 'JOIN ergast_circuit_id eci ON eci.circuit_id = r.circuit_id' : '',
    f.drivers ? joinDriver('x') : '',
    f.constructors || needConstructor ? joinConstructor('x', `COALESCE(x.engine_manufacturer_id, '')`) : '',
    f.status || needStatus
      ? `LEFT JOIN ergast_result ers ON ers.race_id = x.race_id AND ers.session = x.session
           AND ers.driver_id = x.driver_id LEFT JOIN ergast_status est ON est.status_id = ers.status_id`
      : '',
  ].join(' ');
}

function rowWhere(q: ErgastQuery, res: Resolved, kind: RowKind): Where {
  const w = new Where();
  const f = q.filters;
  const rr = kind === 'RACE' ? 'x' : 'rr';
  if (res.year !== undefined) w.add('r.year = ?', res.year);
  if (res.round !== undefined) w.add('r.round = ?', res.round);
  if (f.circuits) w.add('eci.ergast_id = ?', f.circuits);
  // Id filters as f1db ids too, so SQLite starts from the result tables' driver/constructor indexes.
  if (f.drivers)
    w.add(
      'ed.ergast_id = ? AND x.driver_id IN (SELECT driver_id FROM ergast_driver_id WHERE ergast_id = ?)',
      f.drivers,
      f.drivers,
    );
  if (f.constructors)
    w.add(
      'ec.ergast_id = ? AND x.constructor_id IN (SELECT constructor_id FROM ergast_constructor_id WHERE ergast_id = ?)',
      f.constructors,
      f.constructors,
    );
  if (f.grid) w.add(`${rr}.grid_position_number = ?`, Number(f.grid));
  if (f.results) w.add(`${rr}.position_number = ?`, Number(f.results));
  if (f.status) w.add('ers.status_id = ?', Number(f.status));
  if (f.fastest)
    w.add(
      `EXISTS (SELECT 1 FROM fastest_lap fl WHERE fl.race_id = r.id AND fl.driver_id = x.driver_id
       AND fl.position_number = ?)`,
      Number(f.fastest),
    );
  if (f.qualifying)
    w.add(
      `EXISTS (SELECT 1 FROM qualifying_result q WHERE q.race_id = r.id AND q.session = 'QUALIFYING'
       AND q.driver_id = x.driver_id AND q.position_number = ?)`,
      Number(f.qualifying),
    );
  if (f.sprint)
    w.add(
      `EXISTS (SELECT 1 FROM race_result s WHERE s.race_id = r.id AND s.session = 'SPRINT_RACE'
       AND s.driver_id = x.driver_id AND s.position_number = ?)`,
      Number(f.sprint),
    );
  if (f.pitstops) {
    if (kind !== 'PIT_STOP') throw badRequest('The pitstops filter only applies to /pitstops');
    w.add('x.stop = ?', Number(f.pitstops));
  }
  if (f.laps) {
    if (kind !== 'PIT_STOP') throw badRequest('The laps filter only applies to /laps and /pitstops');
    w.add('x.lap = ?', Number(f.laps));
  }
  if (f.driverStandings || f.constructorStandings)
    throw badRequest('Standings positions filter only the standings resources');
  return w;
}

function header(q: ErgastQuery, res: Resolved): Obj {
  const h: Obj = {};
  if (res.year !== undefined) h.season = String(res.year);
  if (res.round !== undefined) h.round = String(res.round);
  for (const [k, v] of Object.entries(q.filters)) {
    const key = HEADER_KEY[k as FilterKey];
    if (key && v !== undefined) h[key] = v;
  }
  return h;
}

function paged<T>(db: Db, sql: string, params: unknown[], page: Page): { rows: T[]; total: number } {
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
  const rows = db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...params, page.limit, page.offset) as T[];
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

// ---------------------------------------------------------------- row resources

interface ResultRow extends RaceCols, DriverCols, ConstructorCols {
  number: string | null;
  position_display_order: number;
  position_number: number | null;
  position_text: string;
  points: number | null;
  grid_position_number: number | null;
  qualification_position_number: number | null;
  laps: number | null;
  time: string | null;
  time_millis: number | null;
  gap: string | null;
  gap_laps: number | null;
  e_position_text: string | null;
  status: string | null;
  fl_rank: number | null;
  fl_lap: number | null;
  fl_time: string | null;
  fl_millis: number | null;
  fl_speed: string | null;
  course_length: number | null;
}

function resultItem(r: ResultRow, withRank: boolean): Obj {
  const o: Obj = {};
  if (r.number) o.number = r.number;
  o.position = String(r.position_number ?? r.position_display_order);
  o.positionText =
    r.e_position_text ?? (r.position_number !== null ? String(r.position_number) : r.position_text);
  o.points = num(r.points ?? 0);
  o.Driver = driver(r);
  o.Constructor = constructor(r);
  // Pit-lane starters: the real API gives the qualifying position the car would have started from.
  o.grid = num(r.grid_position_number ?? r.qualification_position_number ?? 0);
  o.laps = num(r.laps ?? 0);
  o.status = r.status ?? '';
  if (r.time_millis !== null && r.gap_laps === null && r.position_number !== null) {
    const t = r.position_number === 1 || !r.gap ? r.time : r.gap;
    if (t) o.Time = { millis: String(r.time_millis), time: t };
  }
  if (r.fl_time) {
    const fl: Obj = {};
    if (withRank && r.fl_rank !== null) fl.rank = String(r.fl_rank);
    if (r.fl_lap !== null) fl.lap = String(r.fl_lap);
    fl.Time = { time: r.fl_time };
    const kph = r.fl_speed
      ? Number(r.fl_speed)
      : r.course_length && r.fl_millis
        ? (r.course_length * 3_600_000) / r.fl_millis
        : null;
    const speed = kph !== null && Number.isFinite(kph) ? kph.toFixed(3) : null;
    if (speed) fl.AverageSpeed = { units: 'kph', speed };
    o.FastestLap = fl;
  }
  return o;
}

function results(db: Db, q: ErgastQuery, res: Resolved, page: Page, kind: 'RACE' | 'SPRINT_RACE'): Listing {
  const w = rowWhere(q, res, kind);
  // f1db records race fastest laps only; sprint fastest laps are not in the database.
  const fl =
    kind === 'RACE'
      ? `LEFT JOIN fastest_lap fl ON fl.race_id = r.id AND fl.driver_id = x.driver_id`
      : `LEFT JOIN (SELECT NULL AS position_number, NULL AS lap, NULL AS time, NULL AS time_millis) fl ON 0`;
  const sql = `SELECT ${RACE_COLS}, ${DRIVER_COLS}, ${CONSTRUCTOR_COLS}, x.driver_number AS number,
      x.position_display_order, x.position_number, x.position_text, x.points, x.grid_position_number,
      x.qualification_position_number, x.laps,
      x.time, x.time_millis, x.gap, x.gap_laps, ers.position_text AS e_position_text, est.status,
      fl.position_number AS fl_rank, fl.lap AS fl_lap, fl.time AS fl_time, fl.time_millis AS fl_millis,
      ers.fastest_lap_speed AS fl_speed, r.course_length
    FROM ${rowFrom(kind)} ${fl} ${w.sql}
    ORDER BY r.year, r.round, x.position_display_order`;
  const { rows, total } = paged<ResultRow>(db, sql, w.params, page);
  return {
    list: groupByRace(rows, kind === 'RACE' ? 'Results' : 'SprintResults', (r) =>
      resultItem(r, kind === 'RACE'),
    ),
    total,
  };
}

interface QualifyingRow extends RaceCols, DriverCols, ConstructorCols {
  number: string | null;
  position_number: number | null;
  position_display_order: number;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  time: string | null;
}

function qualifying(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const w = rowWhere(q, res, 'QUALIFYING');
  const sql = `SELECT ${RACE_COLS}, ${DRIVER_COLS}, ${CONSTRUCTOR_COLS}, x.driver_number AS number,
      x.position_number, x.position_display_order, x.q1, x.q2, x.q3, x.time
    FROM ${rowFrom('QUALIFYING')} ${w.sql} ORDER BY r.year, r.round, x.position_display_order`;
  const { rows, total } = paged<QualifyingRow>(db, sql, w.params, page);

  const list = groupByRace(rows, 'QualifyingResults', (r) => {
    const o: Obj = {};
    if (r.number) o.number = r.number;
    o.position = String(r.position_number ?? r.position_display_order);
    o.Driver = driver(r);
    o.Constructor = constructor(r);
    // One-session qualifying (before 2006) is Q1 in Ergast.
    const q1 = r.q1 ?? (r.q2 || r.q3 ? null : r.time);
    if (q1) o.Q1 = q1;
    if (r.q2) o.Q2 = r.q2;
    if (r.q3) o.Q3 = r.q3;
    return o;
  });
  return { list, total };
}

interface PitRow extends RaceCols {
  d_id: string;
  lap: number | null;
  stop: number;
  time_of_day: string | null;
  duration: string | null;
}

function pitstops(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const w = rowWhere(q, res, 'PIT_STOP');
  const sql = `SELECT ${RACE_COLS}, ed.ergast_id AS d_id, x.lap, x.stop, eps.time_of_day, x.time AS duration
    FROM ${rowFrom('PIT_STOP')}
    LEFT JOIN ergast_pit_stop eps ON eps.race_id = r.id AND eps.driver_id = x.driver_id AND eps.stop = x.stop
    ${w.sql} ORDER BY r.year, r.round, x.lap, eps.time_of_day, x.position_display_order`;
  const { rows, total } = paged<PitRow>(db, sql, w.params, page);

  const list = groupByRace(rows, 'PitStops', (r) => {
    const o: Obj = { driverId: r.d_id, lap: num(r.lap), stop: String(r.stop) };
    if (r.time_of_day) o.time = r.time_of_day;
    if (r.duration) o.duration = r.duration;
    return o;
  });
  return { list, total };
}

function laps(db: Db, q: ErgastQuery, res: Resolved, page: Page, opts: QueryOptions): Listing {
  const none: Listing = { list: [], total: 0 };
  const f = q.filters;
  if (
    f.constructors ||
    f.grid ||
    f.results ||
    f.fastest ||
    f.status ||
    f.qualifying ||
    f.sprint ||
    f.pitstops
  )
    throw badRequest('/laps takes only season, round, drivers and laps filters');
  if (res.year === undefined || res.round === undefined) throw badRequest('/laps needs a season and a round');
  if (!opts.lapsDir) return none;
  const race = db
    .prepare(`SELECT ${RACE_COLS} FROM race r ${JOIN_RACE} WHERE r.year = ? AND r.round = ?`)
    .get(res.year, res.round) as RaceCols | undefined;
  if (!race) return none;
  if (f.circuits && race.ci_id !== f.circuits) return none;
  const lapData = loadRaceLaps(opts.lapsDir, res.year, res.round);
  if (!lapData) return none;
  const byNumber = new Map(
    (
      db
        .prepare(
          `SELECT x.driver_number AS n, ed.ergast_id AS id FROM race_result x ${joinDriver('x')}
           WHERE x.race_id = ? AND x.session = 'RACE'`,
        )
        .all(race.race_id) as { n: string; id: string }[]
    ).map((d) => [Number(d.n), d.id]),
  );
  const timings = lapData.laps
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
  const slice = timings.slice(page.offset, page.offset + page.limit);
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
function needsResults(q: ErgastQuery): boolean {
  const f = q.filters;
  return !!(
    f.drivers ||
    f.constructors ||
    f.grid ||
    f.results ||
    f.fastest ||
    f.status ||
    f.qualifying ||
    f.sprint
  );
}

/** SELECT … FROM the race results matching the filters (the scope every list resource draws from). */
function scope(q: ErgastQuery, res: Resolved, cols: string): { sql: string; params: unknown[] } {
  const w = rowWhere(q, res, 'RACE');
  const from = leanRaceFrom(q, cols.includes('ec.'));
  return { sql: `SELECT DISTINCT ${cols} FROM ${from} ${w.sql}`, params: w.params };
}

function raceOnlyWhere(q: ErgastQuery, res: Resolved): Where {
  const w = new Where();
  if (res.year !== undefined) w.add('r.year = ?', res.year);
  if (res.round !== undefined) w.add('r.round = ?', res.round);
  if (q.filters.circuits) w.add('eci.ergast_id = ?', q.filters.circuits);
  return w;
}

function seasons(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  let sql: string;
  let params: unknown[];
  if (needsResults(q)) ({ sql, params } = scope(q, res, 'r.year'));
  else {
    const w = raceOnlyWhere(q, res);
    sql = `SELECT DISTINCT r.year FROM race r ${JOIN_RACE} ${w.sql}`;
    params = w.params;
  }
  const full = `SELECT s.year, s.url FROM ergast_season s WHERE s.year IN (${sql}) ORDER BY s.year`;
  const { rows, total } = paged<{ year: number; url: string }>(db, full, params, page);
  return { list: rows.map((r) => ({ season: String(r.year), url: r.url })), total };
}

function races(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  let ids: { sql: string; params: unknown[] };
  if (needsResults(q)) ids = scope(q, res, 'r.id');
  else {
    const w = raceOnlyWhere(q, res);
    ids = { sql: `SELECT r.id FROM race r ${JOIN_RACE} ${w.sql}`, params: w.params };
  }
  const sql = `SELECT ${RACE_COLS}, ${SESSION_COLS} FROM race r ${JOIN_RACE} WHERE r.id IN (${ids.sql})
    ORDER BY r.year, r.round`;
  const { rows, total } = paged<RaceCols & SessionCols>(db, sql, ids.params, page);
  return { list: rows.map(raceWithSessions), total };
}

function circuits(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  let ids: { sql: string; params: unknown[] };
  if (needsResults(q)) ids = scope(q, res, 'r.circuit_id');
  else if (res.year === undefined && !q.filters.circuits)
    ids = { sql: 'SELECT DISTINCT circuit_id FROM race', params: [] };
  else {
    const w = raceOnlyWhere(q, res);
    ids = { sql: `SELECT r.circuit_id FROM race r ${JOIN_RACE} ${w.sql}`, params: w.params };
  }
  const sql = `SELECT ${CIRCUIT_COLS} FROM ergast_circuit_id eci WHERE eci.circuit_id IN (${ids.sql})
    ORDER BY eci.ergast_id`;
  const { rows, total } = paged<Parameters<typeof circuit>[0]>(db, sql, ids.params, page);
  return { list: rows.map(circuit), total };
}

function drivers(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const onlyOwnId = Object.keys(q.filters).every((k) => k === 'drivers') && res.year === undefined;
  let sql: string;
  let params: unknown[];
  if (onlyOwnId) {
    // Every driver who took part in a championship race weekend (f1db also lists test and reserve drivers).
    const w = new Where();
    w.add(
      `(EXISTS (SELECT 1 FROM race_result x WHERE x.driver_id = ed.driver_id)
        OR EXISTS (SELECT 1 FROM qualifying_result x WHERE x.driver_id = ed.driver_id))`,
    );
    if (q.filters.drivers) w.add('ed.ergast_id = ?', q.filters.drivers);
    sql = `SELECT ${DRIVER_COLS} FROM ergast_driver_id ed ${w.sql} ORDER BY ed.ergast_id`;
    params = w.params;
  } else {
    const s = scope(q, res, 'x.driver_id');
    sql = `SELECT ${DRIVER_COLS} FROM ergast_driver_id ed WHERE ed.driver_id IN (${s.sql}) ORDER BY ed.ergast_id`;
    params = s.params;
  }
  const { rows, total } = paged<DriverCols>(db, sql, params, page);
  return { list: rows.map(driver), total };
}

function constructors(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const onlyOwnId = Object.keys(q.filters).every((k) => k === 'constructors') && res.year === undefined;
  let sql: string;
  let params: unknown[];
  if (onlyOwnId) {
    const w = new Where();
    w.add(
      `ec.ergast_id IN (SELECT e.ergast_id FROM race_result x JOIN ergast_constructor_id e
         ON e.constructor_id = x.constructor_id AND e.engine_manufacturer_id = COALESCE(x.engine_manufacturer_id, ''))`,
    );
    if (q.filters.constructors) w.add('ec.ergast_id = ?', q.filters.constructors);
    sql = `SELECT ${CONSTRUCTOR_COLS} FROM ergast_constructor ec ${w.sql} ORDER BY ec.ergast_id`;
    params = w.params;
  } else {
    const s = scope(q, res, 'ec.ergast_id');
    sql = `SELECT ${CONSTRUCTOR_COLS} FROM ergast_constructor ec WHERE ec.ergast_id IN (${s.sql})
      ORDER BY ec.ergast_id`;
    params = s.params;
  }
  const { rows, total } = paged<ConstructorCols>(db, sql, params, page);
  return { list: rows.map(constructor), total };
}

function status(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const w = rowWhere(q, res, 'RACE');
  w.add('est.status_id IS NOT NULL');
  // A few dozen groups at most: counted once, paged here.
  const rows = db
    .prepare(
      `SELECT est.status_id, est.status, COUNT(*) AS n FROM ${leanRaceFrom(q, false, true)} ${w.sql}
       GROUP BY est.status_id ORDER BY est.status_id`,
    )
    .all(...w.params) as { status_id: number; status: string; n: number }[];
  const list = rows
    .slice(page.offset, page.offset + page.limit)
    .map((r) => ({ statusId: String(r.status_id), count: String(r.n), status: r.status }));
  return { list, total: rows.length };
}

// ---------------------------------------------------------------- standings

interface StandingRow extends DriverCols, ConstructorCols {
  year: number;
  round: number;
  race_id: number;
  position_number: number | null;
  position_display_order: number;
  position_text: string;
  points: number;
  wins: number;
  key: string;
}

/** The races whose standings are asked: one round, or each season's latest round with standings. */
function standingsRaces(q: ErgastQuery, res: Resolved, table: string): { sql: string; params: unknown[] } {
  const w = new Where();
  if (res.year !== undefined) w.add('r.year = ?', res.year);
  if (res.round !== undefined) w.add('r.round = ?', res.round);
  if (q.filters.circuits) throw badRequest('Standings cannot be filtered by circuit');
  const rounds = `SELECT r.year, ${res.round !== undefined ? 'r.round' : 'MAX(r.round)'} AS round FROM race r
    WHERE EXISTS (SELECT 1 FROM ${table} s WHERE s.race_id = r.id) ${w.parts.length ? 'AND ' + w.parts.join(' AND ') : ''}
    GROUP BY r.year${res.round !== undefined ? ', r.round' : ''}`;
  return {
    sql: `SELECT r.id FROM race r JOIN (${rounds}) k ON k.year = r.year AND k.round = r.round`,
    params: w.params,
  };
}

function standingsTable(
  lists: Map<string, Obj>,
  rows: StandingRow[],
  key: string,
  item: (r: StandingRow) => Obj,
) {
  for (const r of rows) {
    const id = `${r.year}/${r.round}`;
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { season: String(r.year), round: String(r.round), [key]: [] }));
    (list[key] as Obj[]).push(item(r));
  }
  return [...lists.values()];
}

function standingPosition(r: StandingRow): Obj {
  return {
    position: String(r.position_number ?? r.position_display_order),
    positionText: r.position_number !== null ? String(r.position_number) : '-',
    points: num(r.points),
    wins: String(r.wins),
  };
}

function driverStandings(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const f = q.filters;
  if (f.grid || f.results || f.fastest || f.status || f.qualifying || f.sprint || f.constructorStandings)
    throw badRequest('Driver standings take only season, round, drivers, constructors and position filters');
  const racesSql = standingsRaces(q, res, 'driver_standing');
  const w = new Where();
  w.add(`s.race_id IN (${racesSql.sql})`, ...racesSql.params);
  if (f.drivers) w.add('ed.ergast_id = ?', f.drivers);
  if (f.driverStandings) w.add('s.position_number = ?', Number(f.driverStandings));
  if (f.constructors)
    w.add(
      `EXISTS (SELECT 1 FROM race_result x JOIN race r2 ON r2.id = x.race_id
         JOIN ergast_constructor_id e ON e.constructor_id = x.constructor_id
          AND e.engine_manufacturer_id = COALESCE(x.engine_manufacturer_id, '')
       WHERE x.driver_id = s.driver_id AND r2.year = r.year AND r2.round <= r.round AND e.ergast_id = ?)`,
      f.constructors,
    );
  const sql = `SELECT r.year, r.round, r.id AS race_id, s.position_number, s.position_display_order, s.position_text,
      s.points, s.driver_id AS key, ${DRIVER_COLS},
      (SELECT COUNT(*) FROM race_result x JOIN race r2 ON r2.id = x.race_id
        WHERE x.driver_id = s.driver_id AND x.session = 'RACE' AND x.position_number = 1
          AND r2.year = r.year AND r2.round <= r.round) AS wins
    FROM driver_standing s JOIN race r ON r.id = s.race_id ${joinDriver('s')}
    ${w.sql} ORDER BY r.year, r.round, s.position_display_order`;
  const { rows, total } = paged<StandingRow>(db, sql, w.params, page);

  const teamsOf = db.prepare(
    `SELECT ${CONSTRUCTOR_COLS}, MIN(r2.round) AS first FROM race_result x JOIN race r2 ON r2.id = x.race_id
       ${joinConstructor('x', `COALESCE(x.engine_manufacturer_id, '')`)}
     WHERE x.driver_id = ? AND r2.year = ? AND r2.round <= ?
     GROUP BY ec.ergast_id ORDER BY first, ec.ergast_id`,
  );
  const list = standingsTable(new Map(), rows, 'DriverStandings', (r) => ({
    ...standingPosition(r),
    Driver: driver(r),
    Constructors: (teamsOf.all(r.key, r.year, r.round) as ConstructorCols[]).map(constructor),
  }));
  return { list, total };
}

function constructorStandings(db: Db, q: ErgastQuery, res: Resolved, page: Page): Listing {
  const f = q.filters;
  if (
    f.drivers ||
    f.grid ||
    f.results ||
    f.fastest ||
    f.status ||
    f.qualifying ||
    f.sprint ||
    f.driverStandings
  )
    throw badRequest('Constructor standings take only season, round, constructors and position filters');
  const racesSql = standingsRaces(q, res, 'constructor_standing');
  const w = new Where();
  w.add(`s.race_id IN (${racesSql.sql})`, ...racesSql.params);
  if (f.constructors) w.add('ec.ergast_id = ?', f.constructors);
  if (f.constructorStandings) w.add('s.position_number = ?', Number(f.constructorStandings));
  const sql = `SELECT r.year, r.round, r.id AS race_id, s.position_number, s.position_display_order, s.position_text,
      s.points, ec.ergast_id AS key, ${CONSTRUCTOR_COLS},
      (SELECT COUNT(*) FROM race_result x JOIN race r2 ON r2.id = x.race_id
         JOIN ergast_constructor_id e ON e.constructor_id = x.constructor_id
          AND e.engine_manufacturer_id = COALESCE(x.engine_manufacturer_id, '')
        WHERE e.ergast_id = ec.ergast_id AND x.session = 'RACE' AND x.position_number = 1
          AND r2.year = r.year AND r2.round <= r.round) AS wins
    FROM constructor_standing s JOIN race r ON r.id = s.race_id
    ${joinConstructor('s', `COALESCE(s.engine_manufacturer_id, '')`)}
    ${w.sql} ORDER BY r.year, r.round, s.position_display_order`;
  const { rows, total } = paged<StandingRow>(db, sql, w.params, page);
  return {
    list: standingsTable(new Map(), rows, 'ConstructorStandings', (r) => ({
      ...standingPosition(r),
      Constructor: constructor(r),
    })),
    total,
  };
}

// ---------------------------------------------------------------- entry point

/** Answers one parsed Ergast query with its table and the total row count (before paging). */
export function ergastQuery(db: Db, q: ErgastQuery, page: Page, opts: QueryOptions): ErgastTable {
  const res = resolveSeasonRound(db, q, opts.now);
  const [name, listKey] = TABLE_NAME[q.resource];
  const table = header(q, res);
  if (res.empty) {
    if (q.season !== undefined && table.season === undefined) table.season = String(q.season);
    if (q.round !== undefined && table.round === undefined) table.round = String(q.round);
    table[listKey] = [];
    return { name, table, total: 0 };
  }

  let listing: Listing;
  switch (q.resource) {
    case 'seasons':
      listing = seasons(db, q, res, page);
      break;
    case 'circuits':
      listing = circuits(db, q, res, page);
      break;
    case 'races':
      listing = races(db, q, res, page);
      break;
    case 'results':
      listing = results(db, q, res, page, 'RACE');
      break;
    case 'sprint':
      listing = results(db, q, res, page, 'SPRINT_RACE');
      break;
    case 'qualifying':
      listing = qualifying(db, q, res, page);
      break;
    case 'pitstops':
      listing = pitstops(db, q, res, page);
      break;
    case 'laps':
      listing = laps(db, q, res, page, opts);
      break;
    case 'drivers':
      listing = drivers(db, q, res, page);
      break;
    case 'constructors':
      listing = constructors(db, q, res, page);
      break;
    case 'status':
      listing = status(db, q, res, page);
      break;
    case 'driverStandings':
      listing = driverStandings(db, q, res, page);
      break;
    case 'constructorStandings':
      listing = constructorStandings(db, q, res, page);
      break;
  }
  table[listKey] = listing.list;
  return { name, table, total: listing.total };
}
