// Constructors: search, profile, lineage (f1db chronology: Sauber → BMW Sauber → Alfa Romeo → ...) and
// career totals. Wins, poles and podiums count races (a one-two is one win, two podium places);
// points are everything its cars scored in races and sprints.
import type { Db } from '../db.ts';
import { resolveConstructor, searchConstructors, requireSeason, type ConstructorRef } from './resolve.ts';
import { stmt } from './statements.ts';
import { NON_STARTS } from './starts.ts';
import type { DriverBrief } from './races.ts';

export interface ConstructorCareer {
  starts: number;
  wins: number;
  poles: number;
  podiums: number;
  oneTwos: number;
  points: number;
  titles: number;
  seasons: number;
  firstSeason: number | null;
  lastSeason: number | null;
}

export interface ConstructorSeason {
  year: number;
  position: number | null;
  points: number | null;
  champion: boolean;
  wins: number;
  drivers: DriverBrief[];
}

export interface ConstructorProfile extends ConstructorRef {
  fullName: string;
  country: string | null;
  /** The team's line of names over time, as f1db records it. */
  chronology: { constructor: ConstructorRef; from: number; to: number | null }[];
  career: ConstructorCareer;
  seasons: ConstructorSeason[];
}

export function listConstructors(
  db: Db,
  opts: { search?: string; year?: number; limit?: number },
): ConstructorRef[] {
  const limit = opts.limit ?? 50;
  if (opts.search) {
    let found = searchConstructors(db, opts.search, limit * 4);
    if (opts.year !== undefined) {
      requireSeason(db, opts.year);
      const inSeason = new Set(seasonConstructors(db, opts.year).map((c) => c.id));
      found = found.filter((c) => inSeason.has(c.id));
    }
    return found.slice(0, limit);
  }
  const year =
    opts.year ?? stmt<{ y: number }>(db, 'SELECT MAX(year) AS y FROM season_entrant_driver').get()?.y ?? 0;
  requireSeason(db, year);
  return seasonConstructors(db, year).slice(0, limit);
}

function seasonConstructors(db: Db, year: number): ConstructorRef[] {
  return stmt<ConstructorRef>(
    db,
    `SELECT c.id, c.name FROM season_entrant_driver s JOIN constructor c ON c.id = s.constructor_id
     WHERE s.year = ? GROUP BY c.id ORDER BY MIN(s.rowid)`,
  ).all(year);
}

export function getConstructor(db: Db, query: string): ConstructorProfile {
  const ref = resolveConstructor(db, query);
  const c = stmt<{ full_name: string; country: string | null }>(
    db,
    `SELECT c.full_name, co.name AS country FROM constructor c LEFT JOIN country co ON co.id = c.country_id
     WHERE c.id = ?`,
  ).get(ref.id)!;
  const chronology = stmt<{ id: string; name: string; year_from: number; year_to: number | null }>(
    db,
    `SELECT k.other_constructor_id AS id, c.name, k.year_from, k.year_to FROM constructor_chronology k
     JOIN constructor c ON c.id = k.other_constructor_id WHERE k.constructor_id = ? ORDER BY k.position_display_order`,
  ).all(ref.id);
  const perSeason = stmt<{
    year: number;
    starts: number;
    wins: number;
    poles: number;
    podiums: number;
    one_twos: number;
    points: number;
  }>(
    db,
    `SELECT year, SUM(started) AS starts, SUM(won) AS wins, SUM(pole) AS poles, SUM(podiums) AS podiums,
       SUM(one_two) AS one_twos, TOTAL(points) AS points
     FROM (
       SELECT r.year, rr.race_id,
         MAX(rr.session = 'RACE' AND rr.position_text NOT IN ${NON_STARTS}) AS started,
         MAX(rr.session = 'RACE' AND rr.position_number = 1) AS won,
         MAX(rr.session = 'RACE' AND rr.grid_position_number = 1) AS pole,
         SUM(rr.session = 'RACE' AND rr.position_number <= 3) AS podiums,
         SUM(rr.session = 'RACE' AND rr.position_number IN (1, 2)) = 2 AS one_two,
         TOTAL(rr.points) AS points
       FROM race_result rr JOIN race r ON r.id = rr.race_id
       WHERE rr.constructor_id = ? GROUP BY rr.race_id)
     GROUP BY year ORDER BY year`,
  ).all(ref.id);
  const standings = new Map(
    stmt<{ year: number; position_number: number | null; points: number; championship_won: number }>(
      db,
      `SELECT year, position_number, points, championship_won FROM season_constructor_standing
       WHERE constructor_id = ? GROUP BY year`,
    )
      .all(ref.id)
      .map((s) => [s.year, s]),
  );
  const drivers = new Map<number, DriverBrief[]>();
  for (const d of stmt<{ year: number; id: string; name: string; code: string | null }>(
    db,
    `SELECT s.year, d.id, d.name, d.abbreviation AS code FROM season_entrant_driver s JOIN driver d ON d.id = s.driver_id
     WHERE s.constructor_id = ? AND s.test_driver = 0 GROUP BY s.year, d.id ORDER BY s.year, MIN(s.rowid)`,
  ).all(ref.id)) {
    const list = drivers.get(d.year) ?? [];
    list.push({ id: d.id, name: d.name, code: d.code });
    drivers.set(d.year, list);
  }
  const seasons = perSeason.map((s) => {
    const st = standings.get(s.year);
    return {
      year: s.year,
      position: st?.position_number ?? null,
      points: st?.points ?? null,
      champion: st?.championship_won === 1,
      wins: s.wins,
      drivers: drivers.get(s.year) ?? [],
    };
  });
  const sum = (k: 'starts' | 'wins' | 'poles' | 'podiums' | 'one_twos' | 'points') =>
    perSeason.reduce((a, s) => a + s[k], 0);
  const raced = perSeason.filter((s) => s.starts > 0).map((s) => s.year);
  return {
    ...ref,
    fullName: c.full_name,
    country: c.country,
    chronology: chronology.map((k) => ({
      constructor: { id: k.id, name: k.name },
      from: k.year_from,
      to: k.year_to,
    })),
    career: {
      starts: sum('starts'),
      wins: sum('wins'),
      poles: sum('poles'),
      podiums: sum('podiums'),
      oneTwos: sum('one_twos'),
      points: Math.round(sum('points') * 100) / 100,
      titles: seasons.filter((s) => s.champion).length,
      seasons: raced.length,
      firstSeason: raced[0] ?? null,
      lastSeason: raced[raced.length - 1] ?? null,
    },
    seasons,
  };
}
