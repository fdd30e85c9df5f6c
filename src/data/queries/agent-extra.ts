// Queries the agent's tools need beyond the HTTP API's: one session's classification with names,
// standings after a given round with wins counted to that round, career totals up to a date.
import type { Db } from '../db.ts';
import { stmt } from './statements.ts';

export interface SessionRow {
  position: number | null;
  positionText: string;
  driverId: string;
  driver: string;
  abbreviation: string | null;
  number: string | null;
  constructorId: string;
  constructor: string;
  grid: number | null;
  gridText: string | null;
  laps: number | null;
  time: string | null;
  gap: string | null;
  points: number | null;
  reasonRetired: string | null;
  pitStops: number | null;
  fastestLap: boolean;
  pole: boolean;
  /** Voted Driver of the Day by the fans (from 2016). */
  driverOfTheDay: boolean;
}

export function sessionResults(db: Db, raceId: number, session: 'RACE' | 'SPRINT_RACE'): SessionRow[] {
  const rows = stmt<Record<string, unknown>>(
    db,
    `SELECT rr.position_number, rr.position_text, rr.driver_id, d.name AS driver, d.abbreviation, rr.driver_number,
            rr.constructor_id, c.name AS constructor, rr.grid_position_number, rr.grid_position_text, rr.laps,
            rr.time, rr.gap, rr.points, rr.reason_retired, rr.fastest_lap, rr.pole_position, rr.driver_of_the_day,
            COALESCE(rr.pit_stops, CASE WHEN rr.session = 'RACE' THEN (SELECT NULLIF(COUNT(*), 0) FROM pit_stop p
                                    WHERE p.race_id = rr.race_id AND p.driver_id = rr.driver_id) END) AS pit_stops
     FROM race_result rr JOIN driver d ON d.id = rr.driver_id JOIN constructor c ON c.id = rr.constructor_id
     WHERE rr.race_id = ? AND rr.session = ? ORDER BY rr.position_display_order`,
  ).all(raceId, session);
  return rows.map((r) => ({
    position: r.position_number as number | null,
    positionText: String(r.position_text),
    driverId: String(r.driver_id),
    driver: String(r.driver),
    abbreviation: r.abbreviation as string | null,
    number: r.driver_number as string | null,
    constructorId: String(r.constructor_id),
    constructor: String(r.constructor),
    grid: r.grid_position_number as number | null,
    gridText: r.grid_position_text as string | null,
    laps: r.laps as number | null,
    time: r.time as string | null,
    gap: r.gap as string | null,
    points: r.points as number | null,
    reasonRetired: r.reason_retired as string | null,
    pitStops: r.pit_stops as number | null,
    fastestLap: r.fastest_lap === 1,
    pole: r.pole_position === 1,
    driverOfTheDay: r.driver_of_the_day === 1,
  }));
}

export interface GridRow {
  position: number | null;
  positionText: string;
  driverId: string;
  driver: string;
  constructor: string;
  gridPenalty: string | null;
}

export function startingGrid(db: Db, raceId: number, session: 'RACE' | 'SPRINT_RACE'): GridRow[] {
  return stmt<Record<string, unknown>>(
    db,
    `SELECT g.position_number, g.position_text, g.driver_id, d.name AS driver, c.name AS constructor, g.grid_penalty
     FROM starting_grid g JOIN driver d ON d.id = g.driver_id JOIN constructor c ON c.id = g.constructor_id
     WHERE g.race_id = ? AND g.session = ? ORDER BY g.position_display_order`,
  )
    .all(raceId, session)
    .map((r) => ({
      position: r.position_number as number | null,
      positionText: String(r.position_text),
      driverId: String(r.driver_id),
      driver: String(r.driver),
      constructor: String(r.constructor),
      gridPenalty: r.grid_penalty as string | null,
    }));
}

export interface QualifyingRow {
  position: number | null;
  positionText: string;
  driverId: string;
  driver: string;
  constructor: string;
  time: string | null;
  q1: string | null;
  q2: string | null;
  q3: string | null;
}

/** The classification of a qualifying-type session; older two-day formats fall back to the combined order. */
export function qualifyingResults(
  db: Db,
  raceId: number,
  session: 'QUALIFYING' | 'SPRINT_QUALIFYING',
): QualifyingRow[] {
  return stmt<Record<string, unknown>>(
    db,
    `SELECT q.position_number, q.position_text, q.driver_id, d.name AS driver, c.name AS constructor,
            q.time, q.q1, q.q2, q.q3
     FROM qualifying_result q JOIN driver d ON d.id = q.driver_id JOIN constructor c ON c.id = q.constructor_id
     WHERE q.race_id = ? AND q.session = ? ORDER BY q.position_display_order`,
  )
    .all(raceId, session)
    .map((r) => ({
      position: r.position_number as number | null,
      positionText: String(r.position_text),
      driverId: String(r.driver_id),
      driver: String(r.driver),
      constructor: String(r.constructor),
      time: r.time as string | null,
      q1: r.q1 as string | null,
      q2: r.q2 as string | null,
      q3: r.q3 as string | null,
    }));
}

export interface FastestLapRow {
  driverId: string;
  driver: string;
  constructor: string;
  lap: number | null;
  time: string | null;
}

export function fastestLapOf(db: Db, raceId: number): FastestLapRow | undefined {
  const r = stmt<Record<string, unknown>>(
    db,
    `SELECT f.driver_id, d.name AS driver, c.name AS constructor, f.lap, f.time
     FROM fastest_lap f JOIN driver d ON d.id = f.driver_id JOIN constructor c ON c.id = f.constructor_id
     WHERE f.race_id = ? ORDER BY f.position_display_order LIMIT 1`,
  ).get(raceId);
  if (!r) return undefined;
  return {
    driverId: String(r.driver_id),
    driver: String(r.driver),
    constructor: String(r.constructor),
    lap: r.lap as number | null,
    time: r.time as string | null,
  };
}

export interface StandingRow {
  position: number | null;
  positionText: string;
  id: string;
  name: string;
  points: number;
  /** Grand prix wins up to and including the standings' round (sprints not counted). */
  wins: number;
  championshipWon: boolean;
}

/** Drivers' standings after the given race, with each driver's team(s) in that season so far. */
export function driverStandingsAfter(db: Db, raceId: number): (StandingRow & { teams: string[] })[] {
  return stmt<Record<string, unknown>>(
    db,
    `WITH this AS (SELECT year, date FROM race WHERE id = ?)
     SELECT s.position_number, s.position_text, s.driver_id AS id, d.name, s.points, s.championship_won,
       (SELECT COUNT(*) FROM race_result rr JOIN race r ON r.id = rr.race_id, this
        WHERE rr.driver_id = s.driver_id AND rr.session = 'RACE' AND rr.position_number = 1
          AND r.year = this.year AND r.date <= this.date) AS wins,
       (SELECT GROUP_CONCAT(name, ', ') FROM (SELECT DISTINCT c.name FROM race_result rr
          JOIN race r ON r.id = rr.race_id JOIN constructor c ON c.id = rr.constructor_id, this
          WHERE rr.driver_id = s.driver_id AND r.year = this.year AND r.date <= this.date)) AS teams
     FROM driver_standing s JOIN driver d ON d.id = s.driver_id
     WHERE s.race_id = ? ORDER BY s.position_display_order`,
  )
    .all(raceId, raceId)
    .map((r) => ({
      position: r.position_number as number | null,
      positionText: String(r.position_text),
      id: String(r.id),
      name: String(r.name),
      points: Number(r.points),
      wins: Number(r.wins),
      championshipWon: r.championship_won === 1,
      teams: String(r.teams ?? '')
        .split(', ')
        .filter(Boolean),
    }));
}

export function constructorStandingsAfter(db: Db, raceId: number): StandingRow[] {
  return stmt<Record<string, unknown>>(
    db,
    `WITH this AS (SELECT year, date FROM race WHERE id = ?)
     SELECT s.position_number, s.position_text, s.constructor_id AS id, c.name, s.points, s.championship_won,
       (SELECT COUNT(*) FROM race_result rr JOIN race r ON r.id = rr.race_id, this
        WHERE rr.constructor_id = s.constructor_id AND rr.session = 'RACE' AND rr.position_number = 1
          AND r.year = this.year AND r.date <= this.date) AS wins
     FROM constructor_standing s JOIN constructor c ON c.id = s.constructor_id
     WHERE s.race_id = ? ORDER BY s.position_display_order`,
  )
    .all(raceId, raceId)
    .map((r) => ({
      position: r.position_number as number | null,
      positionText: String(r.position_text),
      id: String(r.id),
      name: String(r.name),
      points: Number(r.points),
      wins: Number(r.wins),
      championshipWon: r.championship_won === 1,
    }));
}

/** The id of the latest race of a season that has standings (optionally at or before a round). */
export function standingsRaceId(
  db: Db,
  year: number,
  table: 'driver_standing' | 'constructor_standing',
  maxRound?: number,
): { raceId: number; round: number } | undefined {
  const r = stmt<{ id: number; round: number }>(
    db,
    `SELECT r.id, r.round FROM race r WHERE r.year = ? AND r.round <= ?
       AND EXISTS (SELECT 1 FROM ${table} s WHERE s.race_id = r.id)
     ORDER BY r.round DESC LIMIT 1`,
  ).get(year, maxRound ?? 999);
  return r ? { raceId: r.id, round: r.round } : undefined;
}
