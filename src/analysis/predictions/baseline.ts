// The grid baseline: P(win) and P(podium) from the historical win/podium rate of each grid slot, learnt on
// the same earlier seasons as the model. Pure.
import type { RaceFeatures } from './features.ts';

export interface GridRates {
  win: number[]; // index = grid slot − 1
  podium: number[];
}

const MAX_SLOT = 30;

export function fitGridRates(train: readonly RaceFeatures[]): GridRates {
  const starts = new Array<number>(MAX_SLOT).fill(0);
  const wins = new Array<number>(MAX_SLOT).fill(0);
  const podiums = new Array<number>(MAX_SLOT).fill(0);
  for (const r of train) {
    if (r.race.results.length === 0) continue;
    const podium = new Set(r.race.results.slice(0, 3).map((x) => x.driverId));
    const winner = r.race.results[0]!.driverId;
    for (const d of r.drivers) {
      if (d.grid === null) continue;
      const s = Math.min(d.grid, MAX_SLOT) - 1;
      starts[s]!++;
      if (d.driverId === winner) wins[s]!++;
      if (podium.has(d.driverId)) podiums[s]!++;
    }
  }
  // Light smoothing towards a small rate so rare slots never get exactly 0.
  return {
    win: starts.map((n, i) => (wins[i]! + 0.01) / (n + 1)),
    podium: starts.map((n, i) => (podiums[i]! + 0.03) / (n + 1)),
  };
}

/** Baseline probabilities for one race: win rates normalised to sum to 1, podium rates to sum to 3. */
export function gridBaseline(
  rates: GridRates,
  race: RaceFeatures,
): { pWin: Map<string, number>; pPodium: Map<string, number> } {
  const slot = (g: number | null) => Math.min(g ?? race.drivers.length, MAX_SLOT) - 1;
  const w = race.drivers.map((d) => rates.win[slot(d.grid)]!);
  const p = race.drivers.map((d) => rates.podium[slot(d.grid)]!);
  const W = w.reduce((a, b) => a + b, 0);
  const P = p.reduce((a, b) => a + b, 0);
  const k = Math.min(3, race.drivers.length);
  return {
    pWin: new Map(race.drivers.map((d, i) => [d.driverId, w[i]! / W])),
    pPodium: new Map(race.drivers.map((d, i) => [d.driverId, Math.min(1, (p[i]! * k) / P)])),
  };
}
