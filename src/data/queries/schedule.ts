// Seasons and their calendars: rounds, circuits, every session's start in UTC, and where each round stands
// relative to now.
import type { Db } from '../db.ts';
import { requireSeason } from './resolve.ts';
import { stmt } from './statements.ts';

export type SessionKind =
  | 'PRE_QUALIFYING'
  | 'FREE_PRACTICE_1'
  | 'FREE_PRACTICE_2'
  | 'FREE_PRACTICE_3'
  | 'FREE_PRACTICE_4'
  | 'QUALIFYING_1'
  | 'QUALIFYING_2'
  | 'SPRINT_QUALIFYING'
  | 'SPRINT_RACE'
  | 'QUALIFYING'
  | 'WARMING_UP'
  | 'RACE';

export interface SessionTime {
  kind: SessionKind;
  name: string;
  /** Calendar day (UTC), YYYY-MM-DD. */
  date: string;
  /** Start in UTC, ISO 8601 with Z; null when f1db has the day only (before 2024). */
  startsAt: string | null;
}

/**
 * completed: race results are in the data. upcoming: before the first session. in_progress: between the
 * first session and a few hours after the race start. awaiting_results: the weekend is over by the clock but
 * the data has no race result (the database predates it) — we do not pretend it is completed.
 */
export type RoundStatus = 'completed' | 'in_progress' | 'upcoming' | 'awaiting_results';

/** Session columns of the race table, in weekend order, with the names people use. */
const SESSION_COLUMNS: [SessionKind, string, string][] = [
  ['PRE_QUALIFYING', 'pre_qualifying', 'Pre-qualifying'],
  ['FREE_PRACTICE_1', 'free_practice_1', 'Practice 1'],
  ['FREE_PRACTICE_2', 'free_practice_2', 'Practice 2'],
  ['FREE_PRACTICE_3', 'free_practice_3', 'Practice 3'],
  ['FREE_PRACTICE_4', 'free_practice_4', 'Practice 4'],
  ['QUALIFYING_1', 'qualifying_1', 'Qualifying 1'],
  ['QUALIFYING_2', 'qualifying_2', 'Qualifying 2'],
  ['SPRINT_QUALIFYING', 'sprint_qualifying', 'Sprint Qualifying'],
  ['SPRINT_RACE', 'sprint_race', 'Sprint'],
  ['QUALIFYING', 'qualifying', 'Qualifying'],
  ['WARMING_UP', 'warming_up', 'Warm-up'],
  ['RACE', '', 'Race'],
];

/** How long after a race's scheduled start it counts as still in progress (red flags, long races). */
const RACE_WINDOW_MS = 4 * 3600_000;
const DAY_MS = 24 * 3600_000;

type RaceSessionColumns = Record<string, unknown> & { date: string; time: string | null };

/** The sessions of a race row that have a date, sorted by start. */
export function sessionsOf(row: RaceSessionColumns): SessionTime[] {
  const out: SessionTime[] = [];
  for (const [kind, prefix, name] of SESSION_COLUMNS) {
    const date = (prefix ? row[`${prefix}_date`] : row.date) as string | null | undefined;
    if (!date) continue;
    const time = (prefix ? row[`${prefix}_time`] : row.time) as string | null | undefined;
    out.push({ kind, name, date, startsAt: time ? toIsoUtc(date, time) : null });
  }
  // Before 2024 f1db has days only; a stable sort keeps weekend order within a day.
  return out.sort((a, b) => startMs(a) - startMs(b));
}

/** "2026-03-08" + "04:00" → "2026-03-08T04:00:00Z". */
export function toIsoUtc(date: string, time: string): string {
  const t = time.length === 5 ? `${time}:00` : time;
  return `${date}T${t}Z`;
}

function startMs(s: SessionTime): number {
  return Date.parse(s.startsAt ?? `${s.date}T00:00:00Z`);
}

/** Where a round stands at `now`, from its sessions and whether race results exist. */
export function roundStatus(
  sessions: readonly SessionTime[],
  hasRaceResults: boolean,
  now: Date,
): RoundStatus {
  if (hasRaceResults) return 'completed';
  if (sessions.length === 0) return 'upcoming';
  const t = now.getTime();
  if (t < startMs(sessions[0]!)) return 'upcoming';
  const race = sessions.find((s) => s.kind === 'RACE') ?? sessions[sessions.length - 1]!;
  const end = race.startsAt ? Date.parse(race.startsAt) + RACE_WINDOW_MS : startMs(race) + DAY_MS;
  return t <= end ? 'in_progress' : 'awaiting_results';
}

export interface SeasonSummary {
  year: number;
  rounds: number;
  roundsWithResults: number;
  /** Every round has race results. */
  completed: boolean;
  driversChampion: { id: string; name: string; points: number } | null;
  constructorsChampion: { id: string; name: string; points: number } | null;
}

export function listSeasons(db: Db): SeasonSummary[] {
  const rows = stmt<{
    year: number;
    completed: number;
    rounds: number;
    with_results: number;
    driver_id: string | null;
    driver_name: string | null;
    driver_points: number | null;
    constructor_id: string | null;
    constructor_name: string | null;
    constructor_points: number | null;
  }>(
    db,
    `SELECT s.year, s.completed,
       (SELECT COUNT(*) FROM race r WHERE r.year = s.year) AS rounds,
       (SELECT COUNT(*) FROM race r WHERE r.year = s.year
          AND EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE')) AS with_results,
       d.id AS driver_id, d.name AS driver_name, sd.points AS driver_points,
       c.id AS constructor_id, c.name AS constructor_name, sc.points AS constructor_points
     FROM season s
     LEFT JOIN season_driver_standing sd ON sd.year = s.year AND sd.championship_won = 1
     LEFT JOIN driver d ON d.id = sd.driver_id
     LEFT JOIN season_constructor_standing sc ON sc.year = s.year AND sc.championship_won = 1
     LEFT JOIN constructor c ON c.id = sc.constructor_id
     ORDER BY s.year`,
  ).all();
  return rows.map((r) => ({
    year: r.year,
    rounds: r.rounds,
    roundsWithResults: r.with_results,
    completed: r.completed === 1,
    driversChampion: r.driver_id ? { id: r.driver_id, name: r.driver_name!, points: r.driver_points! } : null,
    constructorsChampion: r.constructor_id
      ? { id: r.constructor_id, name: r.constructor_name!, points: r.constructor_points! }
      : null,
  }));
}

export interface CircuitSummary {
  id: string;
  name: string;
  fullName: string;
  type: string | null;
  placeName: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ScheduleRound {
  round: number;
  grandPrixId: string;
  name: string;
  officialName: string;
  date: string;
  circuit: CircuitSummary;
  sprint: boolean;
  sessions: SessionTime[];
  status: RoundStatus;
  hasResults: boolean;
}

export interface Schedule {
  year: number;
  /** The clock the statuses were computed against. */
  asOf: string;
  rounds: ScheduleRound[];
  /** The last round with results and the first one still to run or without results. */
  lastCompletedRound: number | null;
  nextRound: number | null;
}

const CIRCUIT_SQL = `c.id AS c_id, c.name AS c_name, c.full_name AS c_full_name, c.type AS c_type,
  c.place_name AS c_place, co.name AS c_country, c.latitude AS c_lat, c.longitude AS c_lon`;

type CircuitColumns = {
  c_id: string;
  c_name: string;
  c_full_name: string;
  c_type: string | null;
  c_place: string | null;
  c_country: string | null;
  c_lat: number | null;
  c_lon: number | null;
};

export function circuitSummaryOf(r: CircuitColumns): CircuitSummary {
  return {
    id: r.c_id,
    name: r.c_name,
    fullName: r.c_full_name,
    type: r.c_type,
    placeName: r.c_place,
    country: r.c_country,
    latitude: r.c_lat,
    longitude: r.c_lon,
  };
}

export function getSchedule(db: Db, year: number, now: Date = new Date()): Schedule {
  requireSeason(db, year);
  const rows = stmt<
    RaceSessionColumns &
      CircuitColumns & {
        round: number;
        grand_prix_id: string;
        gp_name: string;
        official_name: string;
        is_sprint_weekend: number;
        has_results: number;
      }
  >(
    db,
    `SELECT r.*, g.full_name AS gp_name, ${CIRCUIT_SQL},
       EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE') AS has_results
     FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id
     LEFT JOIN country co ON co.id = c.country_id
     WHERE r.year = ? ORDER BY r.round`,
  ).all(year);
  const rounds = rows.map((r): ScheduleRound => {
    const sessions = sessionsOf(r);
    const hasResults = r.has_results === 1;
    return {
      round: r.round,
      grandPrixId: r.grand_prix_id,
      name: r.gp_name,
      officialName: r.official_name,
      date: r.date,
      circuit: circuitSummaryOf(r),
      sprint: r.is_sprint_weekend === 1,
      sessions,
      status: roundStatus(sessions, hasResults, now),
      hasResults,
    };
  });
  const done = rounds.filter((r) => r.hasResults);
  return {
    year,
    asOf: now.toISOString(),
    rounds,
    lastCompletedRound: done.length ? done[done.length - 1]!.round : null,
    nextRound: rounds.find((r) => r.status === 'upcoming' || r.status === 'in_progress')?.round ?? null,
  };
}
