// Scoring probabilistic race predictions against the result. Pure.

export interface RaceForecast {
  /** Driver ids in predicted finishing order. */
  order: string[];
  pWin: Map<string, number>;
  pPodium: Map<string, number>;
}

export interface Scores {
  races: number;
  winnerHitRate: number;
  podiumOverlap: number;
  spearman: number;
  meanAbsDelta: number;
  brierWin: number;
  logLossWin: number;
  brierPodium: number;
  logLossPodium: number;
}

export interface CalibrationBin {
  from: number;
  to: number;
  n: number;
  meanPredicted: number;
  observed: number;
}

export const CALIBRATION_EDGES = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 1.0001];

const EPS = 1e-6;
const clampP = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));

/** Spearman rank correlation between two orderings of the same items. */
export function spearman(predicted: readonly string[], actual: readonly string[]): number {
  const common = predicted.filter((d) => actual.includes(d));
  const n = common.length;
  if (n < 2) return 0;
  const a = actual.filter((d) => common.includes(d));
  const rankA = new Map(a.map((d, i) => [d, i]));
  let d2 = 0;
  common.forEach((d, i) => (d2 += (i - rankA.get(d)!) ** 2));
  return 1 - (6 * d2) / (n * (n * n - 1));
}

export class ScoreAccumulator {
  private n = 0;
  private hits = 0;
  private overlap = 0;
  private rho = 0;
  private absDelta = 0;
  private drivers = 0;
  private brierWin = 0;
  private llWin = 0;
  private brierPod = 0;
  private llPod = 0;
  readonly calibration = CALIBRATION_EDGES.slice(0, -1).map(() => ({ n: 0, p: 0, y: 0 }));

  add(f: RaceForecast, actualOrder: readonly string[]): void {
    const winner = actualOrder[0]!;
    const podium = new Set(actualOrder.slice(0, 3));
    this.n++;
    if (f.order[0] === winner) this.hits++;
    this.overlap += f.order.slice(0, 3).filter((d) => podium.has(d)).length / 3;
    this.rho += spearman(f.order, actualOrder);
    const pos = new Map(actualOrder.map((d, i) => [d, i]));
    f.order.forEach((d, i) => {
      const a = pos.get(d);
      if (a === undefined) return;
      this.absDelta += Math.abs(i - a);
      this.drivers++;
    });
    let brier = 0;
    for (const [d, p] of f.pWin) {
      const y = d === winner ? 1 : 0;
      brier += (p - y) ** 2;
      const bin = CALIBRATION_EDGES.findIndex((e, i) => p >= e && p < CALIBRATION_EDGES[i + 1]!);
      const c = this.calibration[bin]!;
      c.n++;
      c.p += p;
      c.y += y;
    }
    this.brierWin += brier;
    this.llWin += -Math.log(clampP(f.pWin.get(winner) ?? 0));
    let bp = 0;
    let lp = 0;
    for (const [d, p] of f.pPodium) {
      const y = podium.has(d) ? 1 : 0;
      bp += (p - y) ** 2;
      lp += -(y * Math.log(clampP(p)) + (1 - y) * Math.log(clampP(1 - p)));
    }
    this.brierPod += bp / f.pPodium.size;
    this.llPod += lp / f.pPodium.size;
  }

  merge(other: ScoreAccumulator): void {
    const o = other as unknown as Record<string, number>;
    const me = this as unknown as Record<string, number>;
    for (const k of [
      'n',
      'hits',
      'overlap',
      'rho',
      'absDelta',
      'drivers',
      'brierWin',
      'llWin',
      'brierPod',
      'llPod',
    ])
      me[k]! += o[k]!;
    other.calibration.forEach((c, i) => {
      this.calibration[i]!.n += c.n;
      this.calibration[i]!.p += c.p;
      this.calibration[i]!.y += c.y;
    });
  }

  scores(): Scores {
    const n = Math.max(1, this.n);
    return {
      races: this.n,
      winnerHitRate: this.hits / n,
      podiumOverlap: this.overlap / n,
      spearman: this.rho / n,
      meanAbsDelta: this.absDelta / Math.max(1, this.drivers),
      brierWin: this.brierWin / n,
      logLossWin: this.llWin / n,
      brierPodium: this.brierPod / n,
      logLossPodium: this.llPod / n,
    };
  }

  calibrationTable(): CalibrationBin[] {
    return this.calibration.map((c, i) => ({
      from: CALIBRATION_EDGES[i]!,
      to: Math.min(1, CALIBRATION_EDGES[i + 1]!),
      n: c.n,
      meanPredicted: c.n ? c.p / c.n : 0,
      observed: c.n ? c.y / c.n : 0,
    }));
  }
}
