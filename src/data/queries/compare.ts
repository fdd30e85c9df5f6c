// Season head-to-head of two drivers: who out-qualified and out-raced whom, points, average finish, and the
// round-by-round rows behind those counts.
// A race duel counts when both started; the one ahead in the classification order wins it (a finisher beats
// a retirement; two retirements are ordered by laps completed, as f1db orders them). A qualifying duel counts
// when both set a qualifying position.
import { badRequest, notFound } from '../../errors.ts';
import type { Db } from '../db.ts';
import { NON_START_CODES } from './starts.ts';
import { requireSeason, resolveDriver, type DriverRef } from './resolve.ts';
import { stmt } from './statements.ts';
import type { TeamBrief } from './races.ts';

export interface RoundEntry {
  team: TeamBrief;
  grid: number | null;
  qualifying: number | null;
  /** Classified finishing position, null if not classified. */
  finish: number | null;
  finishText: string;
  retirementReason: string | null;
  /** Race and sprint points of the weekend. */
  points: number;
}

export interface CompareRound {
  round: number;
  grandPrixId: string;
  name: string;
  a: RoundEntry | null;
  b: RoundEntry | null;
  /** Who was ahead: 'a', 'b' or null when the duel does not count. */
  qualifyingAhead: 'a' | 'b' | null;
  raceAhead: 'a' | 'b' | null;
}

export interface DriverSeasonSummary {
  driver: DriverRef;
  teams: TeamBrief[];
  championshipPosition: number | null;
  points: number;
  wins: number;
  podiums: number;
  poles: number;
  starts: number;
  dnfs: number;
  /** Mean classified finishing position, one decimal; null without a classified finish. */
  averageFinish: number | null;
  averageQualifying: number | null;
}

export interface Comparison {
  year: number;
  a: DriverSeasonSummary;
  b: DriverSeasonSummary;
  qualifying: { a: number; b: number };
  race: { a: number; b: number };
  rounds: CompareRound[];
}

type Row = {
  driver_id: string;
  round: number;
  grand_prix_id: string;
  name: string;
  position_number: number | null;
  position_text: string;
  position_display_order: number;
  grid_position_number: number | null;
  qualification_position_number: number | null;
  reason_retired: string | null;
  points: number | null;
  sprint_points: number | null;
  constructor_id: string;
  team_name: string;
};

export function compareDrivers(db: Db, year: number, queryA: string, queryB: string): Comparison {
  requireSeason(db, year);
  const a = resolveDriver(db, queryA, { year });
  const b = resolveDriver(db, queryB, { year });
  if (a.id === b.id) throw badRequest(`"${queryA}" and "${queryB}" are the same driver (${a.name})`);

  const rows = stmt<Row>(
    db,
    `SELECT rr.driver_id, r.round, r.grand_prix_id, g.full_name AS name, rr.position_number, rr.position_text,
       rr.position_display_order, rr.grid_position_number, rr.qualification_position_number, rr.reason_retired,
       rr.points, rr.constructor_id, c.name AS team_name,
       (SELECT s.points FROM race_result s WHERE s.race_id = rr.race_id AND s.session = 'SPRINT_RACE'
          AND s.driver_id = rr.driver_id) AS sprint_points
     FROM race_result rr JOIN race r ON r.id = rr.race_id JOIN grand_prix g ON g.id = r.grand_prix_id
     JOIN constructor c ON c.id = rr.constructor_id
     WHERE r.year = ? AND rr.session = 'RACE' AND rr.driver_id IN (?, ?)
     ORDER BY r.round, rr.position_display_order`,
  ).all(year, a.id, b.id);
  for (const d of [a, b]) {
    if (!rows.some((r) => r.driver_id === d.id)) {
      throw notFound(`${d.name} has no race result in ${year}`);
    }
  }

  const byRound = new Map<number, { grandPrixId: string; name: string; a?: Row; b?: Row }>();
  for (const r of rows) {
    const entry = byRound.get(r.round) ?? { grandPrixId: r.grand_prix_id, name: r.name };
    // Shared cars in the 1950s can list a driver twice in one race: keep the better-placed entry.
    if (r.driver_id === a.id) entry.a ??= r;
    else entry.b ??= r;
    byRound.set(r.round, entry);
  }
  const started = (r: Row | undefined) => r !== undefined && !NON_START_CODES.has(r.position_text);

  const rounds: CompareRound[] = [...byRound].map(([round, e]) => {
    let qualifyingAhead: 'a' | 'b' | null = null;
    const qa = e.a?.qualification_position_number ?? null;
    const qb = e.b?.qualification_position_number ?? null;
    if (qa !== null && qb !== null && qa !== qb) qualifyingAhead = qa < qb ? 'a' : 'b';
    let raceAhead: 'a' | 'b' | null = null;
    if (started(e.a) && started(e.b)) {
      raceAhead = e.a!.position_display_order < e.b!.position_display_order ? 'a' : 'b';
    }
    return {
      round,
      grandPrixId: e.grandPrixId,
      name: e.name,
      a: e.a ? entryOf(e.a) : null,
      b: e.b ? entryOf(e.b) : null,
      qualifyingAhead,
      raceAhead,
    };
  });

  const count = (key: 'qualifyingAhead' | 'raceAhead', who: 'a' | 'b') =>
    rounds.filter((r) => r[key] === who).length;
  return {
    year,
    a: summary(
      db,
      year,
      a,
      rows.filter((r) => r.driver_id === a.id),
    ),
    b: summary(
      db,
      year,
      b,
      rows.filter((r) => r.driver_id === b.id),
    ),
    qualifying: { a: count('qualifyingAhead', 'a'), b: count('qualifyingAhead', 'b') },
    race: { a: count('raceAhead', 'a'), b: count('raceAhead', 'b') },
    rounds,
  };
}

function entryOf(r: Row): RoundEntry {
  return {
    team: { id: r.constructor_id, name: r.team_name },
    grid: r.grid_position_number,
    qualifying: r.qualification_position_number,
    finish: r.position_number,
    finishText: r.position_text,
    retirementReason: r.reason_retired,
    points: (r.points ?? 0) + (r.sprint_points ?? 0),
  };
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null;

function summary(db: Db, year: number, driver: DriverRef, rows: Row[]): DriverSeasonSummary {
  // The latest table of the season: final for a finished season, current otherwise.
  const standing = stmt<{ position_number: number | null; points: number }>(
    db,
    `SELECT ds.position_number, ds.points FROM driver_standing ds JOIN race r ON r.id = ds.race_id
     WHERE r.year = ? AND ds.driver_id = ? ORDER BY r.round DESC LIMIT 1`,
  ).get(year, driver.id);
  const teams = new Map<string, TeamBrief>();
  for (const r of rows) teams.set(r.constructor_id, { id: r.constructor_id, name: r.team_name });
  const startedRows = rows.filter((r) => !NON_START_CODES.has(r.position_text));
  const classified = rows.filter((r) => r.position_number !== null).map((r) => r.position_number!);
  return {
    driver,
    teams: [...teams.values()],
    championshipPosition: standing?.position_number ?? null,
    points: standing?.points ?? 0,
    wins: classified.filter((p) => p === 1).length,
    podiums: classified.filter((p) => p <= 3).length,
    poles: rows.filter((r) => r.grid_position_number === 1).length,
    starts: startedRows.length,
    dnfs: startedRows.filter((r) => r.position_number === null).length,
    averageFinish: mean(classified),
    averageQualifying: mean(
      rows.flatMap((r) => (r.qualification_position_number ? [r.qualification_position_number] : [])),
    ),
  };
}
