// Circuits: facts, layouts over the years, and every championship race held there with its winner.
import type { Db } from '../db.ts';
import { resolveCircuit } from './resolve.ts';
import { stmt } from './statements.ts';
import type { DriverBrief, TeamBrief } from './races.ts';

export interface CircuitProfile {
  id: string;
  name: string;
  fullName: string;
  previousNames: string[];
  type: string | null;
  direction: string | null;
  placeName: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Current lap length (km) and number of turns. */
  lengthKm: number | null;
  turns: number | null;
  layouts: { id: string; lengthKm: number | null; turns: number | null; years: string | null }[];
  racesHeld: number;
  firstYear: number | null;
  lastYear: number | null;
  races: {
    year: number;
    round: number;
    grandPrixId: string;
    name: string;
    winner: (DriverBrief & { team: TeamBrief }) | null;
  }[];
}

export function listCircuits(db: Db): {
  id: string;
  name: string;
  placeName: string | null;
  country: string | null;
  racesHeld: number;
  lastYear: number | null;
}[] {
  return stmt<{
    id: string;
    name: string;
    placeName: string | null;
    country: string | null;
    racesHeld: number;
    lastYear: number | null;
  }>(
    db,
    `SELECT c.id, c.name, c.place_name AS placeName, co.name AS country,
       (SELECT COUNT(*) FROM race r WHERE r.circuit_id = c.id) AS racesHeld,
       (SELECT MAX(year) FROM race r WHERE r.circuit_id = c.id) AS lastYear
     FROM circuit c LEFT JOIN country co ON co.id = c.country_id ORDER BY c.name`,
  ).all();
}

export function getCircuit(db: Db, query: string): CircuitProfile {
  const ref = resolveCircuit(db, query);
  const c = stmt<{
    full_name: string;
    previous_names: string | null;
    type: string | null;
    direction: string | null;
    place_name: string | null;
    country: string | null;
    latitude: number | null;
    longitude: number | null;
    length: number | null;
    turns: number | null;
  }>(
    db,
    `SELECT c.*, co.name AS country FROM circuit c LEFT JOIN country co ON co.id = c.country_id WHERE c.id = ?`,
  ).get(ref.id)!;
  const layouts = stmt<{ id: string; length: number | null; turns: number | null; years: string | null }>(
    db,
    'SELECT id, length, turns, years FROM circuit_layout WHERE circuit_id = ? ORDER BY id',
  ).all(ref.id);
  const races = stmt<{
    year: number;
    round: number;
    grand_prix_id: string;
    name: string;
    driver_id: string | null;
    driver_name: string | null;
    driver_code: string | null;
    constructor_id: string | null;
    team_name: string | null;
  }>(
    db,
    `SELECT r.year, r.round, r.grand_prix_id, g.full_name AS name, rr.driver_id, d.name AS driver_name,
       d.abbreviation AS driver_code, rr.constructor_id, k.name AS team_name
     FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id
     LEFT JOIN race_result rr ON rr.race_id = r.id AND rr.session = 'RACE' AND rr.position_display_order = 1
       AND rr.position_number = 1
     LEFT JOIN driver d ON d.id = rr.driver_id LEFT JOIN constructor k ON k.id = rr.constructor_id
     WHERE r.circuit_id = ? ORDER BY r.year, r.round`,
  ).all(ref.id);
  return {
    id: ref.id,
    name: ref.name,
    fullName: c.full_name,
    previousNames: c.previous_names ? c.previous_names.split(',') : [],
    type: c.type,
    direction: c.direction,
    placeName: c.place_name,
    country: c.country,
    latitude: c.latitude,
    longitude: c.longitude,
    lengthKm: c.length,
    turns: c.turns,
    layouts: layouts.map((l) => ({ id: l.id, lengthKm: l.length, turns: l.turns, years: l.years })),
    racesHeld: races.length,
    firstYear: races[0]?.year ?? null,
    lastYear: races[races.length - 1]?.year ?? null,
    races: races.map((r) => ({
      year: r.year,
      round: r.round,
      grandPrixId: r.grand_prix_id,
      name: r.name,
      winner: r.driver_id
        ? {
            id: r.driver_id,
            name: r.driver_name!,
            code: r.driver_code,
            team: { id: r.constructor_id!, name: r.team_name! },
          }
        : null,
    })),
  };
}
