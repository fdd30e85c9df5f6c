// Drivers: search, profile and career totals, season by season.
// Career totals count championship Grands Prix: a start is a race result other than did-not-start,
// did-not-(pre-)qualify, did-not-participate or excluded-before-the-start; a pole is starting from grid
// slot 1 (as officially credited: the fastest qualifier demoted by a penalty does not get it); points are
// everything scored in races and sprints.
import type { Db } from '../db.ts';
import { notFound } from '../../errors.ts';
import { resolveDriver, requireSeason, searchDrivers, type DriverRef } from './resolve.ts';
import { stmt } from './statements.ts';
import { NON_STARTS } from './starts.ts';
import type { TeamBrief } from './races.ts';

export interface CareerTotals {
  starts: number;
  entries: number;
  wins: number;
  podiums: number;
  poles: number;
  fastestLaps: number;
  points: number;
  sprintWins: number;
  championships: number;
  firstRace: string | null;
  lastRace: string | null;
  /** Best classified Grand Prix finish, how often, and the first race it came in ("1994 German Grand Prix"). */
  bestFinish: { position: number; times: number; firstAt: string } | null;
  teams: string[];
  seasons: number[];
}

/** Career totals of a driver over championship races up to and including `upToDate` (ISO), if given. */
export function careerTotals(db: Db, driverId: string, upToDate = '9999-12-31'): CareerTotals {
  const r = stmt<Record<string, unknown>>(
    db,
    `SELECT
       COUNT(*) FILTER (WHERE rr.session = 'RACE') AS entries,
       COUNT(*) FILTER (WHERE rr.session = 'RACE' AND rr.position_text NOT IN ${NON_STARTS}) AS starts,
       COUNT(*) FILTER (WHERE rr.session = 'RACE' AND rr.position_number = 1) AS wins,
       COUNT(*) FILTER (WHERE rr.session = 'RACE' AND rr.position_number <= 3) AS podiums,
       COUNT(*) FILTER (WHERE rr.session = 'RACE' AND rr.pole_position = 1) AS poles,
       COUNT(*) FILTER (WHERE rr.session = 'RACE' AND rr.fastest_lap = 1) AS fastest_laps,
       COUNT(*) FILTER (WHERE rr.session = 'SPRINT_RACE' AND rr.position_number = 1) AS sprint_wins,
       MIN(r.date) AS first_race, MAX(r.date) AS last_race
     FROM race_result rr JOIN race r ON r.id = rr.race_id
     WHERE rr.driver_id = ? AND r.date <= ?`,
  ).get(driverId, upToDate)!;
  // Points: the championship tables, not race sums (shared drives and dropped scores of early eras).
  const points = stmt<{ points: number | null }>(
    db,
    `SELECT SUM(s.points) AS points FROM driver_standing s
     JOIN (SELECT r.year, MAX(r.date) AS date FROM race r JOIN driver_standing s2 ON s2.race_id = r.id
           WHERE s2.driver_id = ? AND r.date <= ? GROUP BY r.year) last ON 1
     JOIN race r ON r.id = s.race_id AND r.year = last.year AND r.date = last.date
     WHERE s.driver_id = ?`,
  ).get(driverId, upToDate, driverId);
  const championships = stmt<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM season_driver_standing s JOIN season ON season.year = s.year
     WHERE s.driver_id = ? AND s.championship_won = 1 AND season.completed = 1
       AND (SELECT MAX(date) FROM race WHERE year = s.year) <= ?`,
  ).get(driverId, upToDate);
  const teams = stmt<{ name: string }>(
    db,
    `SELECT c.name FROM race_result rr JOIN race r ON r.id = rr.race_id JOIN constructor c ON c.id = rr.constructor_id
     WHERE rr.driver_id = ? AND r.date <= ? GROUP BY c.id ORDER BY MIN(r.date)`,
  )
    .all(driverId, upToDate)
    .map((t) => t.name);
  const seasons = stmt<{ year: number }>(
    db,
    `SELECT DISTINCT r.year FROM race_result rr JOIN race r ON r.id = rr.race_id
     WHERE rr.driver_id = ? AND r.date <= ? ORDER BY r.year`,
  )
    .all(driverId, upToDate)
    .map((s) => s.year);
  const best = stmt<{ position: number; times: number; firstAt: string }>(
    db,
    `SELECT rr.position_number AS position, COUNT(*) OVER () AS times,
            r.year || ' ' || gp.full_name AS firstAt
     FROM race_result rr JOIN race r ON r.id = rr.race_id JOIN grand_prix gp ON gp.id = r.grand_prix_id
     WHERE rr.driver_id = ? AND r.date <= ? AND rr.session = 'RACE' AND rr.position_number =
       (SELECT MIN(x.position_number) FROM race_result x JOIN race xr ON xr.id = x.race_id
        WHERE x.driver_id = ? AND xr.date <= ? AND x.session = 'RACE')
     ORDER BY r.date LIMIT 1`,
  ).get(driverId, upToDate, driverId, upToDate);
  return {
    bestFinish: best ? { position: best.position, times: Number(best.times), firstAt: best.firstAt } : null,
    starts: Number(r.starts),
    entries: Number(r.entries),
    wins: Number(r.wins),
    podiums: Number(r.podiums),
    poles: Number(r.poles),
    fastestLaps: Number(r.fastest_laps),
    points: Number(points?.points ?? 0),
    sprintWins: Number(r.sprint_wins),
    championships: Number(championships?.n ?? 0),
    firstRace: (r.first_race as string | null) ?? null,
    lastRace: (r.last_race as string | null) ?? null,
    teams,
    seasons,
  };
}

/** A profile's summary of `careerTotals`: the same counts, with the seasons in which the driver started. */
export interface CareerSummary {
  starts: number;
  wins: number;
  poles: number;
  podiums: number;
  fastestLaps: number;
  points: number;
  sprintWins: number;
  titles: number;
  seasons: number;
  firstSeason: number | null;
  lastSeason: number | null;
}

export interface DriverSeason {
  year: number;
  teams: TeamBrief[];
  /** Championship position (final, or latest for a season in progress); null if unclassified. */
  position: number | null;
  points: number | null;
  champion: boolean;
  starts: number;
  wins: number;
  podiums: number;
  /** Race numbers used that season. */
  numbers: string[];
}

export interface DriverProfile extends DriverRef {
  firstName: string;
  lastName: string;
  fullName: string;
  dateOfBirth: string | null;
  dateOfDeath: string | null;
  placeOfBirth: string | null;
  countryOfBirth: string | null;
  nationality: string | null;
  career: CareerSummary;
  seasons: DriverSeason[];
}

export interface DriverListItem extends DriverRef {
  nationality: string | null;
  firstSeason: number | null;
  lastSeason: number | null;
}

/** Drivers matching a search text, or the entrants of a season, or the latest season's entrants. */
export function listDrivers(
  db: Db,
  opts: { search?: string; year?: number; limit?: number },
): DriverListItem[] {
  const limit = opts.limit ?? 50;
  let ids: string[];
  if (opts.search) {
    ids = searchDrivers(db, opts.search, limit * 4).map((d) => d.id);
    if (opts.year !== undefined) {
      requireSeason(db, opts.year);
      const inSeason = new Set(seasonDriverIds(db, opts.year));
      ids = ids.filter((id) => inSeason.has(id));
    }
  } else {
    const year =
      opts.year ?? stmt<{ y: number }>(db, 'SELECT MAX(year) AS y FROM season_entrant_driver').get()?.y ?? 0;
    requireSeason(db, year);
    ids = seasonDriverIds(db, year);
  }
  const rows = stmt<{
    id: string;
    name: string;
    code: string | null;
    permanent_number: string | null;
    nationality: string | null;
    first: number | null;
    last: number | null;
  }>(
    db,
    `SELECT d.id, d.name, d.abbreviation AS code, d.permanent_number, COALESCE(co.demonym, co.name) AS nationality,
       MIN(s.year) AS first, MAX(s.year) AS last
     FROM driver d LEFT JOIN country co ON co.id = d.nationality_country_id
     LEFT JOIN season_entrant_driver s ON s.driver_id = d.id AND s.test_driver = 0
     WHERE d.id IN (SELECT value FROM json_each(?)) GROUP BY d.id`,
  ).all(JSON.stringify(ids.slice(0, limit)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.slice(0, limit).map((id) => {
    const r = byId.get(id)!;
    return {
      id: r.id,
      name: r.name,
      code: r.code,
      permanentNumber: r.permanent_number,
      nationality: r.nationality,
      firstSeason: r.first,
      lastSeason: r.last,
    };
  });
}

function seasonDriverIds(db: Db, year: number): string[] {
  return stmt<{ driver_id: string }>(
    db,
    `SELECT s.driver_id FROM season_entrant_driver s JOIN driver d ON d.id = s.driver_id
     WHERE s.year = ? AND s.test_driver = 0 GROUP BY s.driver_id ORDER BY MIN(s.rowid)`,
  )
    .all(year)
    .map((r) => r.driver_id);
}

/** Profile and career of a driver named by id, code, number or name (see resolveDriver). */
export function getDriver(db: Db, query: string): DriverProfile {
  const ref = resolveDriver(db, query);
  const d = stmt<{
    first_name: string;
    last_name: string;
    full_name: string;
    date_of_birth: string | null;
    date_of_death: string | null;
    place_of_birth: string | null;
    birth_country: string | null;
    nationality: string | null;
  }>(
    db,
    `SELECT d.first_name, d.last_name, d.full_name, d.date_of_birth, d.date_of_death, d.place_of_birth,
       cb.name AS birth_country, COALESCE(cn.demonym, cn.name) AS nationality
     FROM driver d LEFT JOIN country cb ON cb.id = d.country_of_birth_country_id
     LEFT JOIN country cn ON cn.id = d.nationality_country_id WHERE d.id = ?`,
  ).get(ref.id);
  if (!d) throw notFound(`No driver ${ref.id}`);

  const perSeason = stmt<{
    year: number;
    starts: number;
    wins: number;
    poles: number;
    podiums: number;
    fastest_laps: number;
    sprint_wins: number;
    points: number;
    numbers: string | null;
  }>(
    db,
    `SELECT r.year,
       SUM(rr.session = 'RACE' AND rr.position_text NOT IN ${NON_STARTS}) AS starts,
       SUM(rr.session = 'RACE' AND rr.position_number = 1) AS wins,
       SUM(rr.session = 'RACE' AND rr.grid_position_number = 1) AS poles,
       SUM(rr.session = 'RACE' AND rr.position_number <= 3) AS podiums,
       SUM(rr.session = 'RACE' AND rr.fastest_lap = 1) AS fastest_laps,
       SUM(rr.session = 'SPRINT_RACE' AND rr.position_number = 1) AS sprint_wins,
       TOTAL(rr.points) AS points,
       GROUP_CONCAT(DISTINCT rr.driver_number) AS numbers
     FROM race_result rr JOIN race r ON r.id = rr.race_id
     WHERE rr.driver_id = ? GROUP BY r.year ORDER BY r.year`,
  ).all(ref.id);
  const standings = new Map(
    stmt<{ year: number; position_number: number | null; points: number; championship_won: number }>(
      db,
      'SELECT year, position_number, points, championship_won FROM season_driver_standing WHERE driver_id = ?',
    )
      .all(ref.id)
      .map((s) => [s.year, s]),
  );
  const teams = new Map<number, TeamBrief[]>();
  for (const t of stmt<{ year: number; id: string; name: string }>(
    db,
    `SELECT s.year, s.constructor_id AS id, c.name FROM season_entrant_driver s
     JOIN constructor c ON c.id = s.constructor_id
     WHERE s.driver_id = ? AND s.test_driver = 0 GROUP BY s.year, s.constructor_id ORDER BY s.year, MIN(s.rowid)`,
  ).all(ref.id)) {
    const list = teams.get(t.year) ?? [];
    list.push({ id: t.id, name: t.name });
    teams.set(t.year, list);
  }

  const seasons: DriverSeason[] = perSeason.map((s) => {
    const st = standings.get(s.year);
    return {
      year: s.year,
      teams: teams.get(s.year) ?? [],
      position: st?.position_number ?? null,
      points: st?.points ?? null,
      champion: st?.championship_won === 1,
      starts: s.starts,
      wins: s.wins,
      podiums: s.podiums,
      numbers: s.numbers ? s.numbers.split(',') : [],
    };
  });
  const totals = careerTotals(db, ref.id);
  const raced = perSeason.filter((s) => s.starts > 0).map((s) => s.year);
  return {
    ...ref,
    firstName: d.first_name,
    lastName: d.last_name,
    fullName: d.full_name,
    dateOfBirth: d.date_of_birth,
    dateOfDeath: d.date_of_death,
    placeOfBirth: d.place_of_birth,
    countryOfBirth: d.birth_country,
    nationality: d.nationality,
    // The one career count of the product: the same figures as the agent's and MCP's driver profile.
    career: {
      starts: totals.starts,
      wins: totals.wins,
      poles: totals.poles,
      podiums: totals.podiums,
      fastestLaps: totals.fastestLaps,
      points: totals.points,
      sprintWins: totals.sprintWins,
      titles: totals.championships,
      seasons: raced.length,
      firstSeason: raced[0] ?? null,
      lastSeason: raced[raced.length - 1] ?? null,
    },
    seasons,
  };
}
