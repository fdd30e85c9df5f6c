// Stints and fuel-corrected tyre degradation from one race's laps (pure).
import { isGreen, lapsByDriver, median, type Compound, type Lap } from '../../data/laps/laps.ts';

/** Assumed start fuel (kg) and lap-time cost per kg — the lap tables' own convention (SCHEMA.md). */
export const START_FUEL_KG = 110;
export const SECONDS_PER_KG = 0.03;

export interface Stint {
  driver: string;
  stint: number;
  compound: Compound;
  compoundName: string | null;
  startLap: number;
  endLap: number;
  laps: number;
  tyreAgeAtStart: number | null;
  freshTyres: boolean | null;
  /** Median green-flag lap time of the stint (s), in/out laps excluded. */
  medianLapTime: number | null;
  /** Fuel-corrected degradation (s per lap of tyre age); null with fewer than 5 clean laps. */
  degradationPerLap: number | null;
}

export interface CompoundDegradation {
  compound: Compound;
  /** Pooled within-stint slope of fuel-corrected lap time on tyre age (s/lap). */
  degradationPerLap: number;
  laps: number;
  stints: number;
}

/** Lap time with the fuel mass still on board taken out: what the lap would be on an empty tank. */
export function fuelCorrectedLapTime(lapTime: number, lap: number, totalLaps: number): number {
  const fuelAtStart = START_FUEL_KG * Math.max(0, 1 - (lap - 1) / Math.max(1, totalLaps));
  return lapTime - SECONDS_PER_KG * fuelAtStart;
}

/** Clean laps: green flag, timed accurately, not an in- or out-lap, not lap 1. */
export function isCleanLap(l: Lap): boolean {
  return (
    l.lapTime !== null &&
    l.lap > 1 &&
    isGreen(l) &&
    l.pitInTime === null &&
    l.pitOutTime === null &&
    l.accurate
  );
}

function raceLength(laps: readonly Lap[]): number {
  return laps.reduce((m, l) => Math.max(m, l.lap), 0);
}

interface StintPoints {
  key: string;
  compound: Compound;
  xs: number[]; // tyre age
  ys: number[]; // fuel-corrected lap time
}

/** Clean, fuel-corrected laps of each stint, without slow outliers (traffic, mistakes: > 3 % off the stint median). */
function stintPoints(laps: readonly Lap[], totalLaps: number): Map<string, StintPoints> {
  const out = new Map<string, StintPoints>();
  for (const l of laps) {
    if (!isCleanLap(l) || l.stint === null || l.tyreLife === null) continue;
    const key = `${l.driver}#${l.stint}`;
    let p = out.get(key);
    if (!p) out.set(key, (p = { key, compound: l.compound, xs: [], ys: [] }));
    p.xs.push(l.tyreLife);
    p.ys.push(fuelCorrectedLapTime(l.lapTime!, l.lap, totalLaps));
  }
  for (const p of out.values()) {
    const med = median(p.ys)!;
    const keep = p.ys.map((y) => y <= med * 1.03);
    p.xs = p.xs.filter((_, i) => keep[i]);
    p.ys = p.ys.filter((_, i) => keep[i]);
  }
  return out;
}

/** Least-squares slope of y on x; null when x does not vary. */
export function slope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

export function computeStints(laps: readonly Lap[]): Stint[] {
  const total = raceLength(laps);
  const points = stintPoints(laps, total);
  const stints: Stint[] = [];
  for (const [driver, list] of inRaceOrder(lapsByDriver(laps))) {
    const byStint = new Map<number, Lap[]>();
    for (const l of list) {
      if (l.stint === null) continue;
      let s = byStint.get(l.stint);
      if (!s) byStint.set(l.stint, (s = []));
      s.push(l);
    }
    for (const [stint, sl] of [...byStint].sort((a, b) => a[0] - b[0])) {
      const first = sl[0]!;
      const last = sl[sl.length - 1]!;
      const p = points.get(`${driver}#${stint}`);
      const clean = sl.filter(isCleanLap).map((l) => l.lapTime!);
      stints.push({
        driver,
        stint,
        compound: first.compound,
        compoundName: first.compoundName,
        startLap: first.lap,
        endLap: last.lap,
        laps: last.lap - first.lap + 1,
        tyreAgeAtStart: first.tyreLife === null ? null : first.tyreLife - 1,
        freshTyres: first.freshTyre,
        medianLapTime: median(clean),
        degradationPerLap: p && p.xs.length >= 5 ? round3(slope(p.xs, p.ys)) : null,
      });
    }
  }
  return stints;
}

/**
 * Drivers in finishing order, as a results table or a stint chart reads: more laps completed first, then
 * the position on that last lap; drivers without a position last.
 */
function inRaceOrder(byDriver: Map<string, Lap[]>): [string, Lap[]][] {
  const key = (list: Lap[]) => {
    const last = list.reduce((a, b) => (b.lap > a.lap ? b : a));
    return { lap: last.lap, pos: last.position ?? Number.MAX_SAFE_INTEGER };
  };
  return [...byDriver]
    .map(([d, list]) => ({ d, list, k: key(list) }))
    .sort((a, b) => b.k.lap - a.k.lap || a.k.pos - b.k.pos || a.d.localeCompare(b.d))
    .map(({ d, list }) => [d, list]);
}

/**
 * Degradation per compound pooled over every stint of the race: each stint is centred on its own means
 * (drivers and cars differ in pace), then one slope is fitted through all centred points.
 */
export function degradationByCompound(laps: readonly Lap[]): CompoundDegradation[] {
  const points = stintPoints(laps, raceLength(laps));
  const acc = new Map<Compound, { sxy: number; sxx: number; laps: number; stints: number }>();
  for (const p of points.values()) {
    if (p.xs.length < 5) continue;
    const n = p.xs.length;
    const mx = p.xs.reduce((a, b) => a + b, 0) / n;
    const my = p.ys.reduce((a, b) => a + b, 0) / n;
    let a = acc.get(p.compound);
    if (!a) acc.set(p.compound, (a = { sxy: 0, sxx: 0, laps: 0, stints: 0 }));
    for (let i = 0; i < n; i++) {
      a.sxy += (p.xs[i]! - mx) * (p.ys[i]! - my);
      a.sxx += (p.xs[i]! - mx) ** 2;
    }
    a.laps += n;
    a.stints += 1;
  }
  return [...acc]
    .filter(([, a]) => a.sxx > 0)
    .map(([compound, a]) => ({
      compound,
      degradationPerLap: round3(a.sxy / a.sxx)!,
      laps: a.laps,
      stints: a.stints,
    }))
    .sort((x, y) => COMPOUND_ORDER.indexOf(x.compound) - COMPOUND_ORDER.indexOf(y.compound));
}

const COMPOUND_ORDER: Compound[] = ['SOFT', 'MEDIUM', 'HARD', 'INTERMEDIATE', 'WET', 'UNKNOWN'];

export function round3(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1000) / 1000;
}
