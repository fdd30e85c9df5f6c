// Pit strategy for a race (and one driver) from the lap tables, the F1 database and the safety-car tables.
// Past races: what happened (stints, stops, pit loss, undercuts, rejoin at a given lap). Races not in the lap
// tables (upcoming): what earlier editions at the same circuit say.
import type { Db } from '../../data/db.ts';
import type { Config } from '../../config.ts';
import { badRequest } from '../../errors.ts';
import { getRace, previousEditions, type RaceInfo } from '../races.ts';
import { loadRaceLaps, median, type RaceLaps } from '../../data/laps/laps.ts';
import { ensureLapsCached, lapsSeasons } from '../../data/laps/laps-warmup.ts';
import { loadGoldRaceLaps, loadOpenF1RaceLaps } from '../../data/laps/openf1-laps.ts';
import { findPitStops, summarisePitLoss, type PitLossSummary, type PitStop } from './pit-stops.ts';
import { projectRejoin, type RejoinProjection } from './rejoin.ts';
import {
  findErgastCircuit,
  loadNeutralisationData,
  safetyCarLikelihood,
  type SafetyCarLikelihood,
} from './safety-car.ts';
import {
  computeStints,
  degradationByCompound,
  round3,
  type CompoundDegradation,
  type Stint,
} from './stints.ts';
import {
  findPitBattles,
  undercutOpportunities,
  type PitBattle,
  type UndercutOpportunity,
} from './undercut.ts';
import { DEFAULT_PIT_LOSS } from './rejoin-validation.ts';

export interface StrategyOptions {
  /** Driver three-letter code, number or name as in the lap tables (e.g. "VER", "1"). */
  driver?: string;
  /** Lap after which to project a stop ("if he pitted now"); default: half distance of the recorded race. */
  lap?: number;
}

export interface EditionStrategy {
  year: number;
  round: number;
  winner: string | null;
  winnerStops: number;
  winnerCompounds: string[];
  meanStops: number;
  pitLoss: number | null;
  pitLaneTime: number | null;
}

export interface PitStrategy {
  year: number;
  round: number;
  race: string;
  circuit: string;
  /** True when the race is in the lap tables (a past race); false → history only. */
  hasLapData: boolean;
  laps: number | null;
  pitLoss: PitLossSummary & { source: 'this race' | 'previous editions' | 'default' };
  degradation: CompoundDegradation[];
  stints: Stint[];
  pitStops: PitStop[];
  battles: PitBattle[];
  /** Neighbouring cars within 3 s at the line after `lap` and whether an undercut would work. */
  undercutOpportunities: UndercutOpportunity[];
  /** The lap the rejoin projection and the opportunities refer to. */
  atLap: number | null;
  rejoin: RejoinProjection | null;
  history: EditionStrategy[];
  safetyCar: SafetyCarLikelihood | null;
  notes: string[];
}

/** The classified winner's code from the results: lap tables can miss the leader's last lap (2023 Monza). */
function classifiedWinner(db: Db, race: RaceInfo): string | null {
  const row = db
    .prepare(
      `SELECT d.abbreviation AS code FROM race_result rr JOIN driver d ON d.id = rr.driver_id
       WHERE rr.race_id = ? AND rr.session = 'RACE' AND rr.position_number = 1`,
    )
    .get(race.id) as { code: string | null } | undefined;
  return row?.code ?? null;
}

/**
 * Stints in the classified finishing order from the results (lap tables can miss the last lap or its
 * positions, 2023 Monza); drivers the results lack keep the lap-table order after them.
 */
function inFinishingOrder(db: Db, race: RaceInfo, stints: Stint[]): Stint[] {
  const codes = (
    db
      .prepare(
        `SELECT d.abbreviation AS code FROM race_result rr JOIN driver d ON d.id = rr.driver_id
         WHERE rr.race_id = ? AND rr.session = 'RACE' ORDER BY rr.position_display_order`,
      )
      .all(race.id) as { code: string | null }[]
  ).map((r) => r.code);
  const rank = (d: string) => {
    const i = codes.indexOf(d);
    return i < 0 ? codes.length : i;
  };
  return stints
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.driver) - rank(b.s.driver) || a.i - b.i)
    .map(({ s }) => s);
}

function editionStrategy(db: Db, race: RaceInfo, laps: RaceLaps): EditionStrategy {
  const stops = findPitStops(laps.laps);
  const stints = computeStints(laps.laps);
  const finalLap = laps.laps.reduce((m, l) => Math.max(m, l.lap), 0);
  const winner =
    classifiedWinner(db, race) ??
    laps.laps.find((l) => l.lap === finalLap && l.position === 1)?.driver ??
    null;
  const drivers = new Set(laps.laps.map((l) => l.driver));
  return {
    year: race.year,
    round: race.round,
    winner,
    winnerStops: winner ? stops.filter((s) => s.driver === winner).length : 0,
    winnerCompounds: winner ? stints.filter((s) => s.driver === winner).map((s) => s.compound) : [],
    meanStops: round3(stops.length / Math.max(1, drivers.size))!,
    ...pick(summarisePitLoss(stops)),
  };
}

const pick = (s: PitLossSummary) => ({ pitLoss: s.pitLoss, pitLaneTime: s.pitLaneTime });

function matchDriver(laps: RaceLaps, query: string): string {
  const q = query.trim().toUpperCase();
  const codes = [...new Set(laps.laps.map((l) => l.driver))];
  if (codes.includes(q)) return q;
  const byNumber = laps.laps.find((l) => String(l.driverNumber) === q);
  if (byNumber) return byNumber.driver;
  const prefix = codes.filter((c) => q.startsWith(c) || c === q.slice(0, 3));
  if (prefix.length === 1) return prefix[0]!;
  throw badRequest(`No driver "${query}" in the lap data of this race (drivers: ${codes.sort().join(', ')})`);
}

/**
 * A race's laps: the FastF1 lap tables, else the OpenF1 recordings (2023–2024) or gold tables (2025), else
 * what `data sync --only openf1` cached (OPENF1_CACHE_DIR, same layout as the recordings).
 */
export function raceLaps(config: Config, db: Db, year: number, round: number): RaceLaps | undefined {
  const fromTables = loadRaceLaps(config.LAPS_DIR, year, round, 'grand_prix', config.ANALYSIS_CACHE_DIR);
  if (fromTables) return fromTables;
  const entries = db
    .prepare(
      `SELECT rr.driver_number AS number, d.abbreviation AS code FROM race_result rr
       JOIN race r ON r.id = rr.race_id JOIN driver d ON d.id = rr.driver_id
       WHERE r.year = ? AND r.round = ? AND rr.session = 'RACE'`,
    )
    .all(year, round) as { number: string | null; code: string | null }[];
  if (entries.length === 0) return undefined;
  const codes = new Map(entries.filter((e) => e.number && e.code).map((e) => [Number(e.number), e.code!]));
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM race WHERE year = ?`).get(year) as { n: number };
  return (
    loadOpenF1RaceLaps(config.OPENF1_DIR, year, round, codes, n) ??
    loadGoldRaceLaps(config.OPENF1_DIR, year, round, codes, n) ??
    loadOpenF1RaceLaps(config.OPENF1_CACHE_DIR, year, round, codes, n)
  );
}

/**
 * `getPitStrategy` for callers on the event loop (REST, agent): lap-table seasons up to `year` missing from
 * the disk cache are parsed in a worker thread first, so the answer never parses a season on the loop.
 */
export async function getPitStrategyAsync(
  config: Config,
  db: Db,
  year: number,
  round: number,
  opts: StrategyOptions = {},
): Promise<PitStrategy> {
  if (config.LAPS_DIR && config.ANALYSIS_CACHE_DIR) {
    const seasons = lapsSeasons(config.LAPS_DIR).filter((s) => s.session === 'grand_prix' && s.year <= year);
    await ensureLapsCached(config.LAPS_DIR, config.ANALYSIS_CACHE_DIR, seasons);
  }
  return getPitStrategy(config, db, year, round, opts);
}

export function getPitStrategy(
  config: Config,
  db: Db,
  year: number,
  round: number,
  opts: StrategyOptions = {},
): PitStrategy {
  const race = getRace(db, year, round);
  const laps = raceLaps(config, db, year, round);
  const notes: string[] = [];
  if (laps && !loadRaceLaps(config.LAPS_DIR, year, round, 'grand_prix', config.ANALYSIS_CACHE_DIR))
    notes.push(
      'Laps from the OpenF1 recording: no track status there, so neutralised laps are inferred from lap times and the pit-lane time is not measured.',
    );
  const history: EditionStrategy[] = [];
  for (const ed of previousEditions(db, race.circuitId, race.date, 4)) {
    const l = raceLaps(config, db, ed.year, ed.round);
    if (l) history.push(editionStrategy(db, ed, l));
  }
  const historyLoss = median(history.map((h) => h.pitLoss).filter((x): x is number => x !== null));

  let safetyCar: SafetyCarLikelihood | null = null;
  if (config.ERGAST_CSV_DIR && race.latitude !== null && race.longitude !== null) {
    const data = loadNeutralisationData(config.ERGAST_CSV_DIR);
    const circuit = findErgastCircuit(data, race.latitude, race.longitude);
    if (circuit) safetyCar = safetyCarLikelihood(data, circuit, race.date);
    else notes.push('No safety-car history for this circuit (not in the Ergast tables).');
  } else notes.push('Safety-car likelihood unavailable: ERGAST_CSV_DIR is not set.');

  const base: Omit<
    PitStrategy,
    | 'pitLoss'
    | 'degradation'
    | 'stints'
    | 'pitStops'
    | 'battles'
    | 'rejoin'
    | 'undercutOpportunities'
    | 'atLap'
  > = {
    year,
    round,
    race: race.name,
    circuit: race.circuitName,
    hasLapData: laps !== undefined,
    laps: race.laps,
    history,
    safetyCar,
    notes,
  };

  if (!laps) {
    notes.push(
      race.hasResult
        ? 'This race is not in the lap tables; figures come from earlier editions at this circuit.'
        : 'Upcoming race: pit loss and degradation are from earlier editions at this circuit.',
    );
    if (opts.driver)
      notes.push('Per-driver stints and rejoin projections need the race to be in the lap tables.');
    const degradation = pooledDegradation(config, db, race);
    return {
      ...base,
      pitLoss: {
        pitLoss: historyLoss ?? DEFAULT_PIT_LOSS,
        pitLaneTime: median(history.map((h) => h.pitLaneTime).filter((x): x is number => x !== null)),
        stops: 0,
        source: historyLoss === null ? 'default' : 'previous editions',
      },
      degradation,
      stints: [],
      pitStops: [],
      battles: [],
      undercutOpportunities: [],
      atLap: null,
      rejoin: null,
    };
  }

  const stops = findPitStops(laps.laps);
  const summary = summarisePitLoss(stops);
  const pitLoss = summary.pitLoss ?? historyLoss ?? DEFAULT_PIT_LOSS;
  const driver = opts.driver ? matchDriver(laps, opts.driver) : undefined;
  const finalLap = laps.laps.reduce((m, l) => Math.max(m, l.lap), 0);
  const lap = opts.lap ?? Math.floor(finalLap / 2);
  if (opts.lap !== undefined && (lap < 1 || lap >= finalLap))
    throw badRequest(`Lap must be between 1 and ${finalLap - 1} for this race`);
  let rejoin: RejoinProjection | null = null;
  if (driver) {
    rejoin = projectRejoin(laps.laps, driver, lap, pitLoss);
    if (!rejoin) notes.push(`${driver} was not running at the end of lap ${lap}: no rejoin projection.`);
  }
  const degradation = degradationByCompound(laps.laps);
  const inScope = <T extends { driver?: string; attacker?: string; defender?: string }>(x: T) =>
    !driver || x.driver === driver || x.attacker === driver || x.defender === driver;
  return {
    ...base,
    pitLoss: {
      ...summary,
      pitLoss,
      source: summary.pitLoss !== null ? 'this race' : historyLoss !== null ? 'previous editions' : 'default',
    },
    degradation,
    stints: inFinishingOrder(db, race, computeStints(laps.laps)).filter(inScope),
    pitStops: stops.filter(inScope),
    battles: findPitBattles(laps.laps, stops).filter(inScope),
    undercutOpportunities: undercutOpportunities(
      laps.laps,
      lap,
      new Map(degradation.map((d) => [d.compound, d.degradationPerLap])),
    ).filter(inScope),
    atLap: lap,
    rejoin,
  };
}

/** Degradation per compound pooled over earlier editions (weighted by laps). */
function pooledDegradation(config: Config, db: Db, race: RaceInfo): CompoundDegradation[] {
  const acc = new Map<string, { w: number; sum: number; laps: number; stints: number }>();
  for (const ed of previousEditions(db, race.circuitId, race.date, 3)) {
    const l = raceLaps(config, db, ed.year, ed.round);
    if (!l) continue;
    for (const d of degradationByCompound(l.laps)) {
      const a = acc.get(d.compound) ?? { w: 0, sum: 0, laps: 0, stints: 0 };
      a.w += d.laps;
      a.sum += d.degradationPerLap * d.laps;
      a.laps += d.laps;
      a.stints += d.stints;
      acc.set(d.compound, a);
    }
  }
  return [...acc].map(([compound, a]) => ({
    compound: compound as CompoundDegradation['compound'],
    degradationPerLap: round3(a.sum / a.w)!,
    laps: a.laps,
    stints: a.stints,
  }));
}
