// The race history the prediction model reads, loaded once from the F1 database into memory
// (a few hundred races since HISTORY_FROM: small). Features are computed from it in features.ts.
import type { Db } from '../../data/db.ts';

export const HISTORY_FROM = 2000;

export interface ResultRow {
  driverId: string;
  constructorId: string;
  /** Finishing order including non-classified cars (position_display_order). */
  order: number;
  /** Classified position, null for DNF/DSQ/NC. */
  position: number | null;
  positionText: string;
  reasonRetired: string | null;
  grid: number | null;
  /** Gap to the winner as % of the race distance (lapped cars: laps down), classified cars only. */
  gapPct: number | null;
}

export interface QualifyingRow {
  driverId: string;
  constructorId: string;
  position: number | null;
  /** Best time of the session in ms (min over Q1–Q3 or the single time). */
  bestMs: number | null;
}

export interface RaceRecord {
  id: number;
  year: number;
  round: number;
  date: string;
  circuitId: string;
  circuitType: string | null;
  sprint: boolean;
  results: ResultRow[];
  /** Starting grid of the race: driver → grid slot (pit-lane starts after the last slot). */
  grid: Map<string, number>;
  qualifying: QualifyingRow[];
  /** Sprint finishing order: driver → position (non-classified after the last classified). */
  sprintResult: Map<string, number>;
}

export interface RaceHistory {
  races: RaceRecord[];
  byKey: Map<string, RaceRecord>;
}

const histories = new WeakMap<Db, RaceHistory>();

export const raceKey = (year: number, round: number) => `${year}/${round}`;

export function loadHistory(db: Db, from = HISTORY_FROM): RaceHistory {
  const cached = histories.get(db);
  if (cached) return cached;
  const races = db
    .prepare(
      `SELECT id, year, round, date, circuit_id AS circuitId, circuit_type AS circuitType, is_sprint_weekend AS sprint
       FROM race WHERE year >= ? ORDER BY date, round`,
    )
    .all(from) as (Omit<RaceRecord, 'sprint' | 'results' | 'grid' | 'qualifying' | 'sprintResult'> & {
    sprint: number;
  })[];
  const byId = new Map<number, RaceRecord>();
  const list: RaceRecord[] = races.map((r) => {
    const rec: RaceRecord = {
      ...r,
      sprint: r.sprint === 1,
      results: [],
      grid: new Map(),
      qualifying: [],
      sprintResult: new Map(),
    };
    byId.set(r.id, rec);
    return rec;
  });
  const results = db
    .prepare(
      `SELECT rr.race_id AS raceId, rr.session, rr.driver_id AS driverId, rr.constructor_id AS constructorId,
              rr.position_display_order AS "order", rr.position_number AS position, rr.position_text AS positionText,
              rr.reason_retired AS reasonRetired, rr.grid_position_number AS grid,
              rr.laps, rr.time_millis AS timeMs, rr.gap_millis AS gapMs
       FROM race_result rr JOIN race r ON r.id = rr.race_id WHERE r.year >= ? ORDER BY rr.race_id, rr.position_display_order`,
    )
    .all(from) as (Omit<ResultRow, 'gapPct'> & {
    raceId: number;
    session: string;
    laps: number | null;
    timeMs: number | null;
    gapMs: number | null;
  })[];
  let winner: { laps: number; timeMs: number } | null = null;
  for (const { raceId, session, laps, timeMs, gapMs, ...row } of results) {
    const rec = byId.get(raceId);
    if (!rec) continue;
    if (row.order === 1) winner = laps && timeMs ? { laps, timeMs } : null;
    let gapPct: number | null = null;
    if (row.position !== null && winner) {
      if (row.order === 1) gapPct = 0;
      else if (gapMs !== null && laps === winner.laps) gapPct = (gapMs / winner.timeMs) * 100;
      else if (laps !== null) gapPct = ((winner.laps - laps) / winner.laps) * 100;
    }
    if (session === 'RACE') rec.results.push({ ...row, gapPct });
    else if (session === 'SPRINT_RACE') rec.sprintResult.set(row.driverId, row.order);
  }
  const grid = db
    .prepare(
      `SELECT sg.race_id AS raceId, sg.driver_id AS driverId, sg.position_display_order AS slot
       FROM starting_grid sg JOIN race r ON r.id = sg.race_id WHERE r.year >= ? AND sg.session = 'RACE'`,
    )
    .all(from) as { raceId: number; driverId: string; slot: number }[];
  for (const g of grid) byId.get(g.raceId)?.grid.set(g.driverId, g.slot);
  const quali = db
    .prepare(
      `SELECT q.race_id AS raceId, q.driver_id AS driverId, q.constructor_id AS constructorId,
              q.position_number AS position,
              MIN(COALESCE(q.q1_millis, 1e12), COALESCE(q.q2_millis, 1e12), COALESCE(q.q3_millis, 1e12),
                  COALESCE(q.time_millis, 1e12)) AS bestMs
       FROM qualifying_result q JOIN race r ON r.id = q.race_id
       WHERE r.year >= ? AND q.session = 'QUALIFYING' ORDER BY q.race_id, q.position_display_order`,
    )
    .all(from) as (QualifyingRow & { raceId: number })[];
  for (const { raceId, ...q } of quali) {
    byId
      .get(raceId)
      ?.qualifying.push({ ...q, bestMs: q.bestMs !== null && q.bestMs < 1e12 ? q.bestMs : null });
  }
  const history: RaceHistory = {
    races: list,
    byKey: new Map(list.map((r) => [raceKey(r.year, r.round), r])),
  };
  histories.set(db, history);
  return history;
}
