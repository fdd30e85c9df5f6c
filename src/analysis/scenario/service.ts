// Championship scenarios on the F1 database: standings after a round, the remaining calendar, what-ifs.
import type { Db } from '../../data/db.ts';
import { badRequest } from '../../errors.ts';
import { resolveDriver, seasonDrivers } from '../drivers.ts';
import { seasonRaces, type RaceInfo } from '../races.ts';
import {
  analyseChampionship,
  applyResults,
  type ChampionshipScenario,
  type ContenderStatus,
  type HypotheticalResult,
  type StandingEntry,
} from './championship.ts';
import { pointsSystem, type RemainingEvent } from './points.ts';

export interface ScenarioOptions {
  /** Standings after this round (default: the latest round with standings). 0 = before the season. */
  round?: number;
  /** Focus on one driver (id, code, number or name). */
  driver?: string;
}

export interface DriverScenario extends ChampionshipScenario {
  driver?: ContenderStatus | { driverId: string; name: string; canStillWin: false; summary: string };
}

function lastStandingsRound(db: Db, races: RaceInfo[]): number {
  const row = db
    .prepare(
      `SELECT MAX(r.round) AS round FROM race r WHERE r.year = ? AND EXISTS (SELECT 1 FROM driver_standing ds WHERE ds.race_id = r.id)`,
    )
    .get(races[0]!.year) as { round: number | null };
  return row.round ?? 0;
}

function standingsAfter(db: Db, year: number, round: number): StandingEntry[] {
  const drivers = seasonDrivers(db, year);
  const names = new Map(drivers.map((d) => [d.id, d.name]));
  const wins = new Map(
    (
      db
        .prepare(
          `SELECT rr.driver_id AS id, COUNT(*) AS wins FROM race_result rr JOIN race r ON r.id = rr.race_id
           WHERE r.year = ? AND r.round <= ? AND rr.session = 'RACE' AND rr.position_number = 1 GROUP BY rr.driver_id`,
        )
        .all(year, round) as { id: string; wins: number }[]
    ).map((w) => [w.id, w.wins]),
  );
  // Races and sprints with a result row for the driver: a listed entrant without one has not raced yet.
  const starts = new Map(
    (
      db
        .prepare(
          `SELECT rr.driver_id AS id, COUNT(*) AS n FROM race_result rr JOIN race r ON r.id = rr.race_id
           WHERE r.year = ? AND r.round <= ? AND rr.session IN ('RACE', 'SPRINT_RACE') GROUP BY rr.driver_id`,
        )
        .all(year, round) as { id: string; n: number }[]
    ).map((s) => [s.id, s.n]),
  );
  const rows =
    round === 0
      ? []
      : (db
          .prepare(
            `SELECT ds.driver_id AS id, d.name, ds.points FROM driver_standing ds
             JOIN race r ON r.id = ds.race_id JOIN driver d ON d.id = ds.driver_id
             WHERE r.year = ? AND r.round = ? ORDER BY ds.position_display_order`,
          )
          .all(year, round) as { id: string; name: string; points: number }[]);
  const table = new Map<string, StandingEntry>();
  for (const r of rows)
    table.set(r.id, {
      driverId: r.id,
      name: r.name,
      points: r.points,
      wins: wins.get(r.id) ?? 0,
      starts: starts.get(r.id) ?? 0,
    });
  // Entrants without points yet still take part in what-ifs.
  for (const [id, name] of names)
    if (!table.has(id))
      table.set(id, { driverId: id, name, points: 0, wins: 0, starts: starts.get(id) ?? 0 });
  return [...table.values()];
}

function remainingAfter(races: RaceInfo[], round: number): RemainingEvent[] {
  return races
    .filter((r) => r.round > round)
    .map((r) => ({ round: r.round, name: r.name, sprint: r.sprint }));
}

function resolveRound(db: Db, races: RaceInfo[], round: number | undefined): number {
  const last = lastStandingsRound(db, races);
  if (round === undefined) return last;
  if (!Number.isInteger(round) || round < 0 || round > races.length)
    throw badRequest(`Round must be between 0 and ${races.length} for ${races[0]!.year}`);
  if (round > last)
    throw badRequest(
      `No standings after round ${round} of ${races[0]!.year} yet (latest: round ${last}); use a what-if for later rounds`,
    );
  return round;
}

/** The title situation after a round, optionally focused on one driver. */
export function championshipScenario(db: Db, year: number, opts: ScenarioOptions = {}): DriverScenario {
  const ps = pointsSystem(year);
  const races = seasonRaces(db, year);
  const round = resolveRound(db, races, opts.round);
  const scenario: DriverScenario = analyseChampionship(
    year,
    round,
    standingsAfter(db, year, round),
    remainingAfter(races, round),
    ps,
  );
  if (opts.driver) {
    const d = resolveDriver(db, seasonDrivers(db, year), opts.driver, year);
    scenario.driver = scenario.contenders.find((c) => c.driverId === d.id) ?? {
      driverId: d.id,
      name: d.name,
      canStillWin: false,
      summary: scenario.decided
        ? `${d.name} cannot win the ${year} title: ${scenario.champion} has clinched it.`
        : scenario.withoutStarts.includes(d.name)
          ? `${d.name} has not started a race in ${year} so far, so is not counted as a title contender.`
          : `${d.name} can no longer win the ${year} title: even with every remaining point they stay behind the leader.`,
    };
  }
  return scenario;
}

export interface WhatIfInput {
  /** Hypothetical results; `order` lists drivers (id, code, number or name) in finishing order. */
  results: { round: number; session?: 'RACE' | 'SPRINT'; order: string[]; fastestLap?: string }[];
  /** Apply on top of the standings after this round (default: the latest). */
  afterRound?: number;
}

export interface WhatIfResult {
  year: number;
  basedOnRound: number;
  appliedRounds: number[];
  /** Rounds between the base and the last hypothetical one with no race result given: counted as scoreless. */
  roundsWithoutResults: number[];
  standings: {
    position: number;
    driverId: string;
    name: string;
    points: number;
    gained: number;
    wins: number;
  }[];
  scenario: ChampionshipScenario;
}

export function whatIf(db: Db, year: number, input: WhatIfInput): WhatIfResult {
  const ps = pointsSystem(year);
  const races = seasonRaces(db, year);
  const base = resolveRound(db, races, input.afterRound);
  if (!input.results.length) throw badRequest('Give at least one hypothetical result');
  const drivers = seasonDrivers(db, year);
  const seen = new Set<string>();
  const results: HypotheticalResult[] = input.results.map((r) => {
    const race = races.find((x) => x.round === r.round);
    if (!race) throw badRequest(`No round ${r.round} in ${year}`);
    if (r.round <= base)
      throw badRequest(`Round ${r.round} is already counted in the standings after round ${base}`);
    const session = r.session === 'SPRINT' ? 'SPRINT_RACE' : 'RACE';
    if (session === 'SPRINT_RACE' && !race.sprint)
      throw badRequest(`Round ${r.round} (${race.name}) has no sprint`);
    const key = `${r.round}/${session}`;
    if (seen.has(key)) throw badRequest(`Round ${r.round} ${r.session ?? 'RACE'} is given twice`);
    seen.add(key);
    return {
      round: r.round,
      session,
      order: r.order.map((q) => resolveDriver(db, drivers, q, year).id),
      fastestLap: r.fastestLap ? resolveDriver(db, drivers, r.fastestLap, year).id : undefined,
    };
  });
  const lastApplied = Math.max(...results.map((r) => r.round));
  const table = applyResults(standingsAfter(db, year, base), results, ps);
  // Rounds between the base and the last hypothetical one that were not given count as scoring nothing.
  const scenario = analyseChampionship(year, lastApplied, table, remainingAfter(races, lastApplied), ps);
  return {
    year,
    basedOnRound: base,
    appliedRounds: [...new Set(results.map((r) => r.round))].sort((a, b) => a - b),
    roundsWithoutResults: races
      .filter((r) => r.round > base && r.round <= lastApplied)
      .filter((r) => !results.some((x) => x.round === r.round && x.session === 'RACE'))
      .map((r) => r.round),
    standings: table.map((t, i) => ({
      position: i + 1,
      driverId: t.driverId,
      name: t.name,
      points: t.points,
      gained: t.gained,
      wins: t.wins,
    })),
    scenario,
  };
}
