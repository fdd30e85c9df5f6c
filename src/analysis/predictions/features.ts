// Per-driver features for every race, computed in one chronological pass over the history so that each
// race only ever sees races run before it (plus its own qualifying, grid and sprint, which happen before
// the race). This is what keeps the backtest leak-free. Pure.
import type { RaceHistory, RaceRecord } from './history.ts';

/** The modern points scale applied to every era, so form is comparable across points systems. */
const SCALE = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];
export const modernPoints = (position: number | null) => (position === null ? 0 : (SCALE[position - 1] ?? 0));

export type Stage = 'post-qualifying' | 'pre-qualifying';

export interface DriverFeatures {
  driverId: string;
  constructorId: string;
  /** Grid slot; null before qualifying. */
  grid: number | null;
  /** Gap of the driver's best qualifying lap to pole (%), null before qualifying. */
  qualiGapPct: number | null;
  /** Recent pace: weighted mean gap to pole (%) over recent qualifyings, and to the winner (%) in recent races. */
  recentQualiGap: number;
  recentRaceGap: number;
  /** Points scored above what the grid slot alone would give (finishing where one started), recent races. */
  racecraft: number;
  /** Mean grid slot over recent races (the pre-qualifying stand-in for the grid). */
  recentGrid: number;
  /** Exponentially weighted points per race (modern scale) over the last six races. */
  form: number;
  formRaces: number;
  teamForm: number;
  /** Points per race at this circuit above/below the driver's form, shrunk towards 0 when history is thin. */
  circuitExcess: number;
  circuitEditions: number;
  /** The same on this circuit type (street / permanent / road). */
  typeExcess: number;
  /** Share of the team's recent entries that were not classified. */
  teamDnfRate: number;
  /** Sprint finishing position on sprint weekends (known before the race), else null. */
  sprintPosition: number | null;
  /** Wins and podiums in the last six races. */
  recentWins: number;
  recentPodiums: number;
}

export interface RaceFeatures {
  race: RaceRecord;
  stage: Stage;
  drivers: DriverFeatures[];
}

// Form memory: the last 12 races, slowly decaying (chosen in the backtest; shorter memories chase noise).
const FORM_N = 12;
const DECAY = 0.95;

/** Exponentially weighted mean (newest last) with a weak prior, so a rookie's first result is not gospel. */
function ewMean(xs: readonly number[], prior: number, priorWeight = 0.5): number {
  let w = priorWeight;
  let s = prior * priorWeight;
  let k = 1;
  for (let i = xs.length - 1; i >= 0; i--) {
    s += xs[i]! * k;
    w += k;
    k *= DECAY;
  }
  return s / w;
}

const pushCapped = <T>(arr: T[], x: T, cap: number) => {
  arr.push(x);
  if (arr.length > cap) arr.shift();
};

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

/** Drivers entered in a race: the grid when known, else the classification, else qualifying. */
function entrants(race: RaceRecord, fallback: readonly { driverId: string; constructorId: string }[]) {
  const byDriver = new Map<string, string>();
  for (const r of race.results) byDriver.set(r.driverId, r.constructorId);
  for (const q of race.qualifying) if (!byDriver.has(q.driverId)) byDriver.set(q.driverId, q.constructorId);
  if (byDriver.size === 0) for (const f of fallback) byDriver.set(f.driverId, f.constructorId);
  if (race.grid.size > 0) for (const id of [...byDriver.keys()]) if (!race.grid.has(id)) byDriver.delete(id);
  return [...byDriver].map(([driverId, constructorId]) => ({ driverId, constructorId }));
}

export interface FeatureOptions {
  /** Compute the pre-qualifying variant (grid, qualifying and sprint ignored) even when they exist. */
  stage?: Stage;
  /** Stop after this race (for single-race predictions). */
  until?: RaceRecord;
  /** Entrants to use when a race has no sessions yet (upcoming race before qualifying). */
  fallbackEntrants?: (race: RaceRecord) => { driverId: string; constructorId: string }[];
}

/** Features for every race of the history (chronological), each from strictly earlier data. */
export function computeFeatures(history: RaceHistory, opts: FeatureOptions = {}): RaceFeatures[] {
  const steps = featureSteps(history, opts);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same computation, pausing every `racesPerStep` races: a caller on the event loop (the server's
 * warm-up) can let requests through between steps.
 */
export function* featureSteps(
  history: RaceHistory,
  opts: FeatureOptions = {},
  racesPerStep = 100,
): Generator<void, RaceFeatures[]> {
  const driverPts = new Map<string, number[]>();
  const driverGrid = new Map<string, number[]>();
  const driverQGap = new Map<string, number[]>();
  const driverRGap = new Map<string, number[]>();
  const driverGain = new Map<string, number[]>();
  const teamPts = new Map<string, number[]>();
  const teamDnf = new Map<string, boolean[]>();
  const atCircuit = new Map<string, number[]>(); // driver|circuit → points
  const atType = new Map<string, number[]>(); // driver|type → points
  const typeForm = new Map<string, number[]>(); // driver|type → form at the time (for the excess)
  const out: RaceFeatures[] = [];
  let lastEntrants: { driverId: string; constructorId: string }[] = [];

  let done = 0;
  for (const race of history.races) {
    if (++done % racesPerStep === 0) yield;
    const hasSessions = race.grid.size > 0 || race.qualifying.length > 0;
    const stage: Stage = opts.stage ?? (hasSessions ? 'post-qualifying' : 'pre-qualifying');
    const fallback = opts.fallbackEntrants?.(race) ?? lastEntrants;
    const field = entrants(race, fallback);
    const poleMs = Math.min(...race.qualifying.map((q) => q.bestMs ?? Infinity));
    const quali = new Map(race.qualifying.map((q) => [q.driverId, q]));
    const gridSlots =
      race.grid.size > 0 ? race.grid : new Map(race.qualifying.map((q, i) => [q.driverId, i + 1]));
    const drivers: DriverFeatures[] = field.map(({ driverId, constructorId }) => {
      const pts = driverPts.get(driverId) ?? [];
      const tpts = teamPts.get(constructorId) ?? [];
      const teamForm = ewMean(tpts, 3);
      const form = ewMean(pts, pts.length ? 3 : teamForm * 0.7);
      const circ = atCircuit.get(`${driverId}|${race.circuitId}`) ?? [];
      const circMean = (circ.reduce((a, b) => a + b, 0) + 3 * form) / (circ.length + 3);
      const typeKey = `${driverId}|${race.circuitType ?? '?'}`;
      const typ = atType.get(typeKey) ?? [];
      const typForm = typeForm.get(typeKey) ?? [];
      const typeExcess =
        (typ.reduce((a, b) => a + b, 0) - typForm.reduce((a, b) => a + b, 0)) / (typ.length + 4);
      const dnf = teamDnf.get(constructorId) ?? [];
      const q = quali.get(driverId);
      const post = stage === 'post-qualifying';
      return {
        driverId,
        constructorId,
        grid: post ? (gridSlots.get(driverId) ?? field.length) : null,
        qualiGapPct:
          post && q?.bestMs && Number.isFinite(poleMs)
            ? Math.min(5, ((q.bestMs - poleMs) / poleMs) * 100)
            : null,
        recentGrid: ewMean(driverGrid.get(driverId) ?? [], 12),
        recentQualiGap: ewMean(driverQGap.get(driverId) ?? [], 2.5),
        recentRaceGap: ewMean(driverRGap.get(driverId) ?? [], 3),
        racecraft: ewMean(driverGain.get(driverId) ?? [], 0),
        form,
        formRaces: pts.length,
        teamForm,
        circuitExcess: circMean - form,
        circuitEditions: circ.length,
        typeExcess,
        teamDnfRate: (dnf.filter(Boolean).length + 0.15 * 4) / (dnf.length + 4),
        sprintPosition: post && race.sprint ? (race.sprintResult.get(driverId) ?? null) : null,
        recentWins: pts.filter((p) => p === 25).length,
        recentPodiums: pts.filter((p) => p >= 15).length,
      };
    });
    out.push({ race, stage, drivers });
    if (opts.until && race === opts.until) break;
    if (race.results.length === 0) continue;
    lastEntrants = race.results.map((r) => ({ driverId: r.driverId, constructorId: r.constructorId }));
    // Update the rolling state with this race's outcome (seen only by later races).
    const formBefore = new Map(drivers.map((d) => [d.driverId, d.form]));
    for (const q of race.qualifying) {
      if (q.bestMs !== null && Number.isFinite(poleMs))
        pushCapped(
          getOr(driverQGap, q.driverId, () => []),
          Math.min(5, ((q.bestMs - poleMs) / poleMs) * 100),
          FORM_N,
        );
    }
    for (const r of race.results) {
      const p = modernPoints(r.position);
      pushCapped(
        getOr(driverPts, r.driverId, () => []),
        p,
        FORM_N,
      );
      pushCapped(
        getOr(teamPts, r.constructorId, () => []),
        p,
        FORM_N * 2,
      );
      pushCapped(
        getOr(teamDnf, r.constructorId, () => []),
        r.position === null,
        20,
      );
      if (r.gapPct !== null)
        pushCapped(
          getOr(driverRGap, r.driverId, () => []),
          Math.min(5, r.gapPct),
          FORM_N,
        );
      const slot = race.grid.get(r.driverId) ?? r.grid;
      if (slot)
        pushCapped(
          getOr(driverGrid, r.driverId, () => []),
          slot,
          FORM_N,
        );
      if (slot)
        pushCapped(
          getOr(driverGain, r.driverId, () => []),
          p - modernPoints(slot),
          FORM_N,
        );
      pushCapped(
        getOr(atCircuit, `${r.driverId}|${race.circuitId}`, () => []),
        p,
        5,
      );
      const typeKey = `${r.driverId}|${race.circuitType ?? '?'}`;
      pushCapped(
        getOr(atType, typeKey, () => []),
        p,
        12,
      );
      pushCapped(
        getOr(typeForm, typeKey, () => []),
        formBefore.get(r.driverId) ?? p,
        12,
      );
    }
  }
  return out;
}
