// The race model: a linear score per driver turned into a finishing order by Plackett–Luce.
// P(win) is the softmax of the scores (sums to 1 over the field); P(podium) is exact under Plackett–Luce;
// P(points), the expected position and its interval come from a seeded Monte Carlo of the same model.
// The weights are fitted by maximum likelihood of the winner (optionally the top-K order) on earlier seasons
// (Newton's method, a little L2 shrinkage) — a handful of numbers, no ML library needed. Pure.
import type { DriverFeatures, RaceFeatures, Stage } from './features.ts';

export interface FeatureSpec {
  name: string;
  /** Plain-words label used when explaining a prediction. */
  label: string;
  value: (d: DriverFeatures, fieldSize: number, gridWinRate: readonly number[]) => number;
}

const gridSlot = (d: DriverFeatures, n: number) => Math.min(d.grid ?? n, 30) - 1;

const sprintTerm = (d: DriverFeatures, n: number) =>
  d.sprintPosition === null ? 0 : Math.log(n / 2) - Math.log(d.sprintPosition);

const CATALOGUE: FeatureSpec[] = [
  { name: 'grid', label: 'grid position', value: (d, n) => -Math.log(d.grid ?? n) },
  {
    name: 'gridHistory',
    label: 'how often this grid slot wins',
    value: (d, n, rates) => Math.log(rates[gridSlot(d, n)] ?? 1e-3),
  },
  { name: 'qualiGap', label: 'qualifying pace', value: (d) => -(d.qualiGapPct ?? 2.5) },
  { name: 'recentGrid', label: 'usual grid position', value: (d) => -Math.log(d.recentGrid) },
  { name: 'form', label: 'recent form', value: (d) => d.form / 10 },
  { name: 'qualiPace', label: 'recent qualifying pace', value: (d) => -d.recentQualiGap },
  { name: 'racePace', label: 'recent race pace', value: (d) => -d.recentRaceGap },
  { name: 'teamForm', label: 'team strength', value: (d) => d.teamForm / 10 },
  { name: 'circuit', label: 'record at this circuit', value: (d) => d.circuitExcess / 10 },
  { name: 'trackType', label: 'record on this type of track', value: (d) => d.typeExcess / 10 },
  { name: 'reliability', label: 'team reliability', value: (d) => -d.teamDnfRate },
  { name: 'sprint', label: 'sprint result', value: sprintTerm },
];
const BY_NAME = new Map(CATALOGUE.map((f) => [f.name, f]));

export type FeatureSet = 'compact' | 'extended';

/**
 * Which features each model uses. `compact` is the default because it scored best in the backtest
 * (`race-engineer eval predictions --features extended` shows the comparison): circuit and track-type
 * history, team form, reliability and the sprint result did not improve Brier(win) on top of grid,
 * qualifying gap and form, so they are reported as context instead of being scored.
 */
export const FEATURE_SETS: Record<FeatureSet, Record<Stage, string[]>> = {
  compact: {
    'post-qualifying': ['gridHistory', 'grid', 'qualiGap', 'form'],
    'pre-qualifying': ['qualiPace', 'form'],
  },
  extended: {
    'post-qualifying': [
      'gridHistory',
      'grid',
      'qualiGap',
      'form',
      'teamForm',
      'circuit',
      'trackType',
      'reliability',
      'sprint',
    ],
    'pre-qualifying': ['recentGrid', 'qualiPace', 'form', 'teamForm', 'circuit', 'trackType', 'reliability'],
  },
};

export function featureSpec(name: string): FeatureSpec {
  const f = BY_NAME.get(name);
  if (!f) throw new RangeError(`Unknown feature ${name}`);
  return f;
}

export interface RaceModel {
  stage: Stage;
  features: string[];
  mean: number[];
  std: number[];
  beta: number[];
  /** Historical win rate per grid slot on the training seasons (an input of the gridHistory feature). */
  gridWinRate: number[];
  trainedOn: { from: number; to: number; races: number };
}

export function designMatrix(
  race: RaceFeatures,
  features: readonly string[],
  gridWinRate: readonly number[],
): number[][] {
  const n = race.drivers.length;
  const specs = features.map(featureSpec);
  return race.drivers.map((d) => specs.map((f) => f.value(d, n, gridWinRate)));
}

function solve(a: number[][], b: number[]): number[] {
  // Gaussian elimination with partial pivoting (k ≤ 10).
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export interface FitOptions {
  /** Ranked places used in the likelihood (1 = winner only). */
  topK?: number;
  l2?: number;
  iterations?: number;
  /** Weight of a training race (default 1): lets recent races count more. */
  weight?: (race: RaceFeatures) => number;
  features?: FeatureSet;
}

/** Maximum-likelihood Plackett–Luce weights on races with results. */
export function fitModel(
  train: RaceFeatures[],
  stage: Stage,
  gridWinRate: readonly number[],
  opts: FitOptions = {},
): RaceModel {
  const topK = opts.topK ?? 1;
  const features = FEATURE_SETS[opts.features ?? 'compact'][stage];
  const l2 = opts.l2 ?? 1;
  const races = train.filter((r) => r.race.results.length > 0 && r.drivers.length > 1);
  const k = features.length;
  const rows = races.map((r) => designMatrix(r, features, gridWinRate));
  const all = rows.flat();
  const mean = Array.from({ length: k }, (_, j) => all.reduce((s, x) => s + x[j]!, 0) / all.length);
  const std = Array.from({ length: k }, (_, j) =>
    Math.sqrt(all.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / all.length || 1),
  );
  const zs = rows.map((m) => m.map((x) => x.map((v, j) => (v - mean[j]!) / std[j]!)));
  // Each race: the indices (into its driver list) of the top-K finishers in order.
  const orders = races.map((r) => {
    const idx = new Map(r.drivers.map((d, i) => [d.driverId, i]));
    return r.race.results
      .slice(0, topK)
      .map((x) => idx.get(x.driverId))
      .filter((i): i is number => i !== undefined);
  });
  const weights = races.map((r) => opts.weight?.(r) ?? 1);
  let beta = new Array<number>(k).fill(0);
  for (let it = 0; it < (opts.iterations ?? 25); it++) {
    const grad = beta.map((b) => -l2 * b);
    const hess = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? -l2 : 0)),
    );
    zs.forEach((z, r) => {
      const wr = weights[r]!;
      const u = z.map((x) => x.reduce((s, v, j) => s + v * beta[j]!, 0));
      const remaining = new Set(z.map((_, i) => i));
      for (const chosen of orders[r]!) {
        const ids = [...remaining];
        const mx = Math.max(...ids.map((i) => u[i]!));
        const w = ids.map((i) => Math.exp(u[i]! - mx));
        const W = w.reduce((a, b) => a + b, 0);
        const xbar = new Array<number>(k).fill(0);
        ids.forEach((i, t) => z[i]!.forEach((v, j) => (xbar[j]! += (w[t]! / W) * v)));
        z[chosen]!.forEach((v, j) => (grad[j]! += wr * (v - xbar[j]!)));
        ids.forEach((i, t) => {
          const p = (wr * w[t]!) / W;
          for (let a = 0; a < k; a++)
            for (let b = 0; b < k; b++) hess[a]![b]! -= p * (z[i]![a]! - xbar[a]!) * (z[i]![b]! - xbar[b]!);
        });
        remaining.delete(chosen);
      }
    });
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  const years = races.map((r) => r.race.year);
  return {
    stage,
    features: [...features],
    mean,
    std,
    beta,
    gridWinRate: [...gridWinRate],
    trainedOn: { from: Math.min(...years), to: Math.max(...years), races: races.length },
  };
}

/** Each driver's score and the per-feature contributions (relative to an average driver). */
export function scoreRace(
  model: RaceModel,
  race: RaceFeatures,
): { utility: number[]; contributions: number[][] } {
  const x = designMatrix(race, model.features, model.gridWinRate);
  const contributions = x.map((row) =>
    row.map((v, j) => (model.beta[j]! * (v - model.mean[j]!)) / model.std[j]!),
  );
  return { utility: contributions.map((c) => c.reduce((a, b) => a + b, 0)), contributions };
}

export function softmax(u: readonly number[]): number[] {
  const mx = Math.max(...u);
  const w = u.map((x) => Math.exp(x - mx));
  const W = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / W);
}

/** Exact P(finishing in the top three) for every driver under Plackett–Luce with strengths exp(u). */
export function podiumProbabilities(u: readonly number[]): number[] {
  const mx = Math.max(...u);
  const w = u.map((x) => Math.exp(x - mx));
  const W = w.reduce((a, b) => a + b, 0);
  const n = w.length;
  const p = w.map((x) => x / W);
  for (let j = 0; j < n; j++) {
    const p1 = w[j]! / W;
    const W1 = W - w[j]!;
    for (let k = 0; k < n; k++) {
      if (k === j) continue;
      const p2 = p1 * (w[k]! / W1);
      p[k]! += p2;
      const W2 = W1 - w[k]!;
      if (W2 <= 0) continue;
      for (let i = 0; i < n; i++) if (i !== j && i !== k) p[i]! += p2 * (w[i]! / W2);
    }
  }
  return p.map((x) => Math.min(1, x));
}

/** Small deterministic PRNG so repeated predictions give identical figures. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimulatedPositions {
  pPoints: number[];
  expected: number[];
  p10: number[];
  p90: number[];
}

/**
 * Monte Carlo of finishing orders (Gumbel-max sampling of Plackett–Luce). `dnf` gives each driver's chance
 * of not finishing; a retired car is classified behind the finishers. Plackett–Luce alone never sends a
 * front-runner out of the points, which real retirements do.
 */
export function simulatePositions(
  u: readonly number[],
  sims = 4000,
  seed = 1,
  dnf?: readonly number[],
): SimulatedPositions {
  const n = u.length;
  const rand = mulberry32(seed);
  const hist = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const idx = u.map((_, i) => i);
  const noisy = new Array<number>(n);
  for (let s = 0; s < sims; s++) {
    for (let i = 0; i < n; i++) {
      noisy[i] = u[i]! - Math.log(-Math.log(rand() || 1e-12));
      if (dnf && rand() < dnf[i]!) noisy[i]! -= 1e6;
    }
    idx.sort((a, b) => noisy[b]! - noisy[a]!);
    idx.forEach((driver, pos) => hist[driver]![pos]!++);
  }
  const quantile = (h: number[], q: number) => {
    let acc = 0;
    for (let pos = 0; pos < n; pos++) {
      acc += h[pos]!;
      if (acc >= q * sims) return pos + 1;
    }
    return n;
  };
  return {
    pPoints: hist.map((h) => h.slice(0, 10).reduce((a, b) => a + b, 0) / sims),
    expected: hist.map((h) => h.reduce((a, c, pos) => a + c * (pos + 1), 0) / sims),
    p10: hist.map((h) => quantile(h, 0.1)),
    p90: hist.map((h) => quantile(h, 0.9)),
  };
}
