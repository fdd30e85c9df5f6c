// Race look-ups on the F1 database shared by the analysis modules.
import type { Db } from '../data/db.ts';
import { badRequest, notFound } from '../errors.ts';

export interface RaceInfo {
  id: number;
  year: number;
  round: number;
  date: string;
  /** Race start time (UTC, HH:MM:SS) when known. */
  time: string | null;
  name: string;
  grandPrixId: string;
  circuitId: string;
  circuitName: string;
  circuitType: string | null;
  latitude: number | null;
  longitude: number | null;
  sprint: boolean;
  laps: number | null;
  /** The race has a classification in the database. */
  hasResult: boolean;
}

const RACE_SQL = `
  SELECT r.id, r.year, r.round, r.date, r.time, gp.full_name AS name, r.grand_prix_id AS grandPrixId,
         r.circuit_id AS circuitId, c.full_name AS circuitName, r.circuit_type AS circuitType,
         c.latitude, c.longitude, r.is_sprint_weekend AS sprint, COALESCE(r.laps, r.scheduled_laps) AS laps,
         EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE') AS hasResult
  FROM race r JOIN grand_prix gp ON gp.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id`;

type RaceRow = Omit<RaceInfo, 'sprint' | 'hasResult'> & { sprint: number; hasResult: number };
const toInfo = (r: RaceRow): RaceInfo => ({ ...r, sprint: r.sprint === 1, hasResult: r.hasResult === 1 });

export function checkYearRound(year: number, round?: number): void {
  if (!Number.isInteger(year) || year < 1950 || year > 2100) throw badRequest(`Invalid season ${year}`);
  if (round !== undefined && (!Number.isInteger(round) || round < 1 || round > 40))
    throw badRequest(`Invalid round ${round}`);
}

export function getRace(db: Db, year: number, round: number): RaceInfo {
  checkYearRound(year, round);
  const row = db.prepare(`${RACE_SQL} WHERE r.year = ? AND r.round = ?`).get(year, round) as
    RaceRow | undefined;
  if (!row) throw notFound(`No round ${round} in the ${year} season`);
  return toInfo(row);
}

export function seasonRaces(db: Db, year: number): RaceInfo[] {
  checkYearRound(year);
  const rows = db.prepare(`${RACE_SQL} WHERE r.year = ? ORDER BY r.round`).all(year) as RaceRow[];
  if (rows.length === 0) throw notFound(`No ${year} season in the database`);
  return rows.map(toInfo);
}

/** Earlier races at the same circuit (most recent first), strictly before `date`. */
export function previousEditions(db: Db, circuitId: string, date: string, limit = 5): RaceInfo[] {
  const rows = db
    .prepare(`${RACE_SQL} WHERE r.circuit_id = ? AND r.date < ? ORDER BY r.date DESC LIMIT ?`)
    .all(circuitId, date, limit) as RaceRow[];
  return rows.map(toInfo);
}
