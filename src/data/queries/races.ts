// One round in full: circuit facts, session times, race and sprint classifications, qualifying, pit stops,
// fastest lap. A fixed handful of prepared statements per round (no per-driver queries), and finished rounds
// are memoised: their data never changes under an open database.
import { LRUCache } from 'lru-cache';
import type { Db } from '../db.ts';
import { resolveRace } from './resolve.ts';
import {
  circuitSummaryOf,
  roundStatus,
  sessionsOf,
  type CircuitSummary,
  type RoundStatus,
  type SessionTime,
} from './schedule.ts';
import { memoPerDb, stmt } from './statements.ts';

export interface DriverBrief {
  id: string;
  name: string;
  code: string | null;
}
export interface TeamBrief {
  id: string;
  name: string;
}

export interface ClassificationRow {
  /** Finishing position; null when not classified (DNF, DNS, DSQ, ...). */
  position: number | null;
  /** f1db's position text: "1".."n", DNF, DNS, DSQ, NC, DNQ, DNPQ, EX. */
  positionText: string;
  driver: DriverBrief;
  number: string | null;
  team: TeamBrief;
  grid: number | null;
  /** "PL" for a pit-lane start, otherwise the grid slot as text. */
  gridText: string | null;
  /** Grid minus finish: positive = places gained. Null without both. */
  placesGained: number | null;
  laps: number | null;
  /** The winner's race time; everyone else's gap to the winner ("+2.974", "+1 lap"); null if not running. */
  timeOrGap: string | null;
  time: string | null;
  gap: string | null;
  timePenalty: string | null;
  /** Finished, +N Laps, Retired (classified, not running at the end), DNF, DNS, DSQ, NC, DNQ, DNPQ, EX, DNP. */
  status: string;
  retirementReason: string | null;
  points: number | null;
  fastestLap: boolean;
}

export interface QualifyingRow {
  position: number | null;
  positionText: string;
  driver: DriverBrief;
  number: string | null;
  team: TeamBrief;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  /** Best time of single-session formats (before 2006, sprint shoot-outs keep q1–q3). */
  time: string | null;
  gap: string | null;
  laps: number | null;
}

export interface PitStopRow {
  driver: DriverBrief;
  team: TeamBrief;
  stop: number;
  lap: number | null;
  /** Time in the pit lane as f1db prints it ("23.456"). */
  duration: string | null;
}

export interface FastestLap {
  driver: DriverBrief;
  team: TeamBrief;
  lap: number | null;
  time: string | null;
}

export interface RaceDetail {
  year: number;
  round: number;
  grandPrixId: string;
  name: string;
  officialName: string;
  date: string;
  sprintWeekend: boolean;
  status: RoundStatus;
  circuit: CircuitSummary & {
    layoutId: string | null;
    direction: string | null;
    /** Lap length in km this year. */
    lengthKm: number | null;
    turns: number | null;
  };
  laps: number | null;
  distanceKm: number | null;
  sessions: SessionTime[];
  podium: ClassificationRow[];
  classification: ClassificationRow[];
  qualifying: QualifyingRow[];
  sprint: ClassificationRow[] | null;
  sprintQualifying: QualifyingRow[] | null;
  pitStops: PitStopRow[];
  fastestLap: FastestLap | null;
  driverOfTheDay: (DriverBrief & { percentage: number | null }) | null;
}

const PEOPLE = `d.name AS driver_name, d.abbreviation AS driver_code, c.name AS team_name`;
const PEOPLE_JOIN = (t: string) =>
  `JOIN driver d ON d.id = ${t}.driver_id JOIN constructor c ON c.id = ${t}.constructor_id`;

type PeopleColumns = {
  driver_id: string;
  driver_name: string;
  driver_code: string | null;
  constructor_id: string;
  team_name: string;
};

const driverOf = (r: PeopleColumns): DriverBrief => ({
  id: r.driver_id,
  name: r.driver_name,
  code: r.driver_code,
});
const teamOf = (r: PeopleColumns): TeamBrief => ({ id: r.constructor_id, name: r.team_name });

type ResultColumns = PeopleColumns & {
  session: string;
  position_number: number | null;
  position_text: string;
  driver_number: string | null;
  grid_position_number: number | null;
  grid_position_text: string | null;
  positions_gained: number | null;
  laps: number | null;
  time: string | null;
  gap: string | null;
  gap_laps: number | null;
  time_penalty: string | null;
  reason_retired: string | null;
  points: number | null;
  fastest_lap: number;
};

/** The status word of a result row (see ClassificationRow.status). */
export function resultStatus(
  r: Pick<ResultColumns, 'position_number' | 'position_text' | 'gap_laps' | 'reason_retired'>,
): string {
  if (r.position_number === null) return r.position_text;
  if (r.reason_retired) return 'Retired';
  if (r.gap_laps) return `+${r.gap_laps} Lap${r.gap_laps === 1 ? '' : 's'}`;
  return 'Finished';
}

function classificationRow(r: ResultColumns): ClassificationRow {
  return {
    position: r.position_number,
    positionText: r.position_text,
    driver: driverOf(r),
    number: r.driver_number,
    team: teamOf(r),
    grid: r.grid_position_number,
    gridText: r.grid_position_text,
    placesGained: r.positions_gained,
    laps: r.laps,
    timeOrGap: r.position_number === 1 ? r.time : r.position_number !== null ? r.gap : null,
    time: r.time,
    gap: r.gap,
    timePenalty: r.time_penalty,
    status: resultStatus(r),
    retirementReason: r.reason_retired,
    points: r.points,
    fastestLap: r.fastest_lap === 1,
  };
}

type QualifyingColumns = PeopleColumns & {
  session: string;
  position_number: number | null;
  position_text: string;
  driver_number: string | null;
  q1: string | null;
  q2: string | null;
  q3: string | null;
  time: string | null;
  gap: string | null;
  laps: number | null;
};

function qualifyingRow(r: QualifyingColumns): QualifyingRow {
  return {
    position: r.position_number,
    positionText: r.position_text,
    driver: driverOf(r),
    number: r.driver_number,
    team: teamOf(r),
    q1: r.q1,
    q2: r.q2,
    q3: r.q3,
    time: r.time,
    gap: r.gap,
    laps: r.laps,
  };
}

/** Finished rounds by race id (the HTTP layer keeps their JSON separately; this serves in-process callers). */
const finishedRaces = memoPerDb(() => new LRUCache<number, RaceDetail>({ max: 256 }));

/** A round by number or grand prix name; `now` decides the status of rounds without results. */
export function getRace(db: Db, year: number, round: number | string, now: Date = new Date()): RaceDetail {
  const ref = resolveRace(db, year, round);
  const cache = finishedRaces(db);
  const cached = cache.get(ref.id);
  if (cached) return cached;
  const detail = loadRace(db, ref.id, now);
  if (detail.status === 'completed') cache.set(ref.id, detail);
  return detail;
}

function loadRace(db: Db, raceId: number, now: Date): RaceDetail {
  const r = stmt<
    Parameters<typeof sessionsOf>[0] &
      Parameters<typeof circuitSummaryOf>[0] & {
        year: number;
        round: number;
        grand_prix_id: string;
        gp_name: string;
        official_name: string;
        is_sprint_weekend: number;
        circuit_layout_id: string | null;
        direction: string | null;
        course_length: number | null;
        turns: number | null;
        laps: number | null;
        distance: number | null;
      }
  >(
    db,
    `SELECT r.*, g.full_name AS gp_name, c.id AS c_id, c.name AS c_name, c.full_name AS c_full_name,
       c.type AS c_type, c.place_name AS c_place, co.name AS c_country, c.latitude AS c_lat, c.longitude AS c_lon
     FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id
     LEFT JOIN country co ON co.id = c.country_id WHERE r.id = ?`,
  ).get(raceId)!;

  const results = stmt<ResultColumns>(
    db,
    `SELECT rr.session, rr.position_number, rr.position_text, rr.driver_number, rr.driver_id, rr.constructor_id,
       rr.grid_position_number, rr.grid_position_text, rr.positions_gained, rr.laps, rr.time, rr.gap, rr.gap_laps,
       rr.time_penalty, rr.reason_retired, rr.points, rr.fastest_lap, ${PEOPLE} FROM race_result rr ${PEOPLE_JOIN('rr')}
     WHERE rr.race_id = ? ORDER BY rr.session, rr.position_display_order`,
  ).all(raceId);
  const qualifying = stmt<QualifyingColumns>(
    db,
    `SELECT q.session, q.position_number, q.position_text, q.driver_number, q.driver_id, q.constructor_id, q.q1, q.q2,
       q.q3, q.time, q.gap, q.laps, ${PEOPLE} FROM qualifying_result q ${PEOPLE_JOIN('q')}
     WHERE q.race_id = ? AND q.session IN ('QUALIFYING', 'SPRINT_QUALIFYING') ORDER BY q.session, q.position_display_order`,
  ).all(raceId);
  const pitStops = stmt<PeopleColumns & { stop: number; lap: number | null; time: string | null }>(
    db,
    `SELECT p.driver_id, p.constructor_id, p.stop, p.lap, p.time, ${PEOPLE} FROM pit_stop p ${PEOPLE_JOIN('p')}
     WHERE p.race_id = ? ORDER BY p.position_display_order`,
  ).all(raceId);
  const fastest = stmt<PeopleColumns & { lap: number | null; time: string | null }>(
    db,
    `SELECT f.driver_id, f.constructor_id, f.lap, f.time, ${PEOPLE} FROM fastest_lap f ${PEOPLE_JOIN('f')}
     WHERE f.race_id = ? ORDER BY f.position_display_order LIMIT 1`,
  ).get(raceId);
  const dotd = stmt<{
    driver_id: string;
    driver_name: string;
    driver_code: string | null;
    percentage: number | null;
  }>(
    db,
    `SELECT o.driver_id, d.name AS driver_name, d.abbreviation AS driver_code, o.percentage
     FROM driver_of_the_day o JOIN driver d ON d.id = o.driver_id
     WHERE o.race_id = ? ORDER BY o.position_display_order LIMIT 1`,
  ).get(raceId);

  const race = results.filter((x) => x.session === 'RACE').map(classificationRow);
  const sprint = results.filter((x) => x.session === 'SPRINT_RACE').map(classificationRow);
  const sprintQualifying = qualifying.filter((x) => x.session === 'SPRINT_QUALIFYING').map(qualifyingRow);
  const sessions = sessionsOf(r);
  return {
    year: r.year,
    round: r.round,
    grandPrixId: r.grand_prix_id,
    name: r.gp_name,
    officialName: r.official_name,
    date: r.date,
    sprintWeekend: r.is_sprint_weekend === 1,
    status: roundStatus(sessions, race.length > 0, now),
    circuit: {
      ...circuitSummaryOf(r),
      layoutId: r.circuit_layout_id,
      direction: r.direction,
      lengthKm: r.course_length,
      turns: r.turns,
    },
    laps: r.laps,
    distanceKm: r.distance,
    sessions,
    podium: race.filter((x) => x.position !== null && x.position <= 3),
    classification: race,
    qualifying: qualifying.filter((x) => x.session === 'QUALIFYING').map(qualifyingRow),
    sprint: sprint.length ? sprint : null,
    sprintQualifying: sprintQualifying.length ? sprintQualifying : null,
    pitStops: pitStops.map((p) => ({
      driver: driverOf(p),
      team: teamOf(p),
      stop: p.stop,
      lap: p.lap,
      duration: p.time,
    })),
    fastestLap: fastest
      ? { driver: driverOf(fastest), team: teamOf(fastest), lap: fastest.lap, time: fastest.time }
      : null,
    driverOfTheDay: dotd
      ? { id: dotd.driver_id, name: dotd.driver_name, code: dotd.driver_code, percentage: dotd.percentage }
      : null,
  };
}
