// Championship tables after any round of a season (f1db keeps the standings after every race), with each
// entry's wins and teams up to that round. Tables never change under an open database, so they are memoised.
import { LRUCache } from 'lru-cache';
import { notFound } from '../../errors.ts';
import type { Db } from '../db.ts';
import { requireSeason, resolveRace } from './resolve.ts';
import { memoPerDb, stmt } from './statements.ts';
import type { DriverBrief, TeamBrief } from './races.ts';

export interface DriverStandingRow {
  position: number | null;
  positionText: string;
  driver: DriverBrief;
  /** Teams the driver raced for up to this round, in order of first appearance. */
  teams: TeamBrief[];
  points: number;
  wins: number;
  /** Won the title (final table of a completed season). */
  champion: boolean;
}

export interface ConstructorStandingRow {
  position: number | null;
  positionText: string;
  team: TeamBrief;
  points: number;
  wins: number;
  champion: boolean;
}

export interface StandingsAfter<Row> {
  year: number;
  /** The round the table is after; null when no race of the season has been run in the data. */
  round: number | null;
  raceName: string | null;
  roundsInSeason: number;
  /** The season is complete and this is its last round: the final table. */
  final: boolean;
  standings: Row[];
}

export type Kind = 'drivers' | 'constructors';

interface RoundInfo {
  raceId: number;
  round: number;
  name: string;
}

/** The round a table is wanted after: the given one, or the latest with standings. */
function roundFor(db: Db, year: number, round: number | string | undefined): RoundInfo | null {
  requireSeason(db, year);
  if (round === undefined) {
    const latest = stmt<RoundInfo>(
      db,
      `SELECT r.id AS raceId, r.round, g.full_name AS name FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id
       WHERE r.year = ? AND EXISTS (SELECT 1 FROM driver_standing ds WHERE ds.race_id = r.id)
       ORDER BY r.round DESC LIMIT 1`,
    ).get(year);
    return latest ?? null;
  }
  const ref = resolveRace(db, year, round);
  const has = stmt(db, 'SELECT 1 FROM driver_standing WHERE race_id = ? LIMIT 1').get(ref.id);
  if (!has) {
    const last = roundFor(db, year, undefined);
    throw notFound(
      `No standings after round ${ref.round} (${ref.name}) of ${year}: ` +
        (last
          ? `the data has results up to round ${last.round} (${last.name})`
          : 'no race of that season has results in the data'),
    );
  }
  return { raceId: ref.id, round: ref.round, name: ref.name };
}

function seasonFacts(db: Db, year: number): { rounds: number; completed: boolean } {
  const r = stmt<{ rounds: number; completed: number }>(
    db,
    'SELECT (SELECT COUNT(*) FROM race WHERE year = s.year) AS rounds, s.completed FROM season s WHERE s.year = ?',
  ).get(year)!;
  return { rounds: r.rounds, completed: r.completed === 1 };
}

const tables = memoPerDb(
  () => new LRUCache<string, StandingsAfter<DriverStandingRow | ConstructorStandingRow>>({ max: 512 }),
);

export function getDriverStandings(
  db: Db,
  year: number,
  round?: number | string,
): StandingsAfter<DriverStandingRow> {
  return memo(db, 'drivers', year, round, () =>
    buildDriverStandings(db, year, round),
  ) as StandingsAfter<DriverStandingRow>;
}

export function getConstructorStandings(
  db: Db,
  year: number,
  round?: number | string,
): StandingsAfter<ConstructorStandingRow> {
  return memo(db, 'constructors', year, round, () =>
    buildConstructorStandings(db, year, round),
  ) as StandingsAfter<ConstructorStandingRow>;
}

function memo<Row>(
  db: Db,
  kind: Kind,
  year: number,
  round: number | string | undefined,
  build: () => StandingsAfter<Row>,
) {
  const key = `${kind}:${year}:${round ?? ''}`;
  const cache = tables(db);
  const hit = cache.get(key);
  if (hit) return hit;
  const value = build() as StandingsAfter<DriverStandingRow | ConstructorStandingRow>;
  cache.set(key, value);
  return value;
}

function header(db: Db, year: number, info: RoundInfo | null) {
  const season = seasonFacts(db, year);
  return {
    year,
    round: info?.round ?? null,
    raceName: info?.name ?? null,
    roundsInSeason: season.rounds,
    final: info !== null && season.completed && info.round === season.rounds,
  };
}

function buildDriverStandings(
  db: Db,
  year: number,
  round: number | string | undefined,
): StandingsAfter<DriverStandingRow> {
  const info = roundFor(db, year, round);
  const head = header(db, year, info);
  if (!info) return { ...head, standings: [] };
  const rows = stmt<{
    position_number: number | null;
    position_text: string;
    driver_id: string;
    name: string;
    code: string | null;
    points: number;
  }>(
    db,
    `SELECT ds.position_number, ds.position_text, ds.driver_id, d.name, d.abbreviation AS code, ds.points
     FROM driver_standing ds JOIN driver d ON d.id = ds.driver_id
     WHERE ds.race_id = ? ORDER BY ds.position_display_order`,
  ).all(info.raceId);
  const wins = countBy(
    stmt<{ id: string; n: number }>(
      db,
      `SELECT rr.driver_id AS id, COUNT(*) AS n FROM race_result rr JOIN race r ON r.id = rr.race_id
       WHERE r.year = ? AND r.round <= ? AND rr.session = 'RACE' AND rr.position_number = 1 GROUP BY rr.driver_id`,
    ).all(year, info.round),
  );
  const teams = new Map<string, TeamBrief[]>();
  for (const t of stmt<{ driver_id: string; id: string; name: string }>(
    db,
    `SELECT rr.driver_id, rr.constructor_id AS id, c.name FROM race_result rr
     JOIN race r ON r.id = rr.race_id JOIN constructor c ON c.id = rr.constructor_id
     WHERE r.year = ? AND r.round <= ? AND rr.session = 'RACE'
     GROUP BY rr.driver_id, rr.constructor_id ORDER BY MIN(r.round)`,
  ).all(year, info.round)) {
    const list = teams.get(t.driver_id) ?? [];
    list.push({ id: t.id, name: t.name });
    teams.set(t.driver_id, list);
  }
  return {
    ...head,
    standings: rows.map((r) => ({
      position: r.position_number,
      positionText: r.position_text,
      driver: { id: r.driver_id, name: r.name, code: r.code },
      teams: teams.get(r.driver_id) ?? [],
      points: r.points,
      wins: wins.get(r.driver_id) ?? 0,
      champion: head.final && r.position_number === 1,
    })),
  };
}

function buildConstructorStandings(
  db: Db,
  year: number,
  round: number | string | undefined,
): StandingsAfter<ConstructorStandingRow> {
  const info = roundFor(db, year, round);
  const head = header(db, year, info);
  if (!info) return { ...head, standings: [] };
  const rows = stmt<{
    position_number: number | null;
    position_text: string;
    id: string;
    name: string;
    points: number;
  }>(
    db,
    `SELECT cs.position_number, cs.position_text, cs.constructor_id AS id, c.name, cs.points
     FROM constructor_standing cs JOIN constructor c ON c.id = cs.constructor_id
     WHERE cs.race_id = ? ORDER BY cs.position_display_order`,
  ).all(info.raceId);
  const wins = countBy(
    stmt<{ id: string; n: number }>(
      db,
      `SELECT rr.constructor_id AS id, COUNT(DISTINCT rr.race_id) AS n FROM race_result rr JOIN race r ON r.id = rr.race_id
       WHERE r.year = ? AND r.round <= ? AND rr.session = 'RACE' AND rr.position_number = 1 GROUP BY rr.constructor_id`,
    ).all(year, info.round),
  );
  // The constructors' championship began in 1958: earlier seasons have no table.
  return {
    ...head,
    standings: rows.map((r) => ({
      position: r.position_number,
      positionText: r.position_text,
      team: { id: r.id, name: r.name },
      points: r.points,
      wins: wins.get(r.id) ?? 0,
      champion: head.final && r.position_number === 1,
    })),
  };
}

function countBy(rows: { id: string; n: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.id, r.n]));
}
