// Safety-car likelihood per circuit from the Ergast-schema CSVs (ERGAST_CSV_DIR): safety_cars.csv,
// red_flags.csv and virtual_safety_car_estimates.json, joined to races.csv by "<year> <race name>".
// Circuits are matched by coordinates (f1db and Ergast use different circuit ids).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unavailable } from '../../errors.ts';

export interface ErgastRace {
  raceId: number;
  year: number;
  round: number;
  circuitId: number;
  name: string;
  date: string;
}

export interface ErgastCircuit {
  circuitId: number;
  ref: string;
  name: string;
  lat: number;
  lng: number;
}

export interface NeutralisationData {
  races: ErgastRace[];
  circuits: ErgastCircuit[];
  /** Deployments per "<year> <race name>". */
  safetyCars: Map<string, number>;
  redFlags: Map<string, number>;
  vsc: Map<string, number>;
  /** Last race date the safety-car table covers; later races are not counted as SC-free. */
  coveredUntil: string;
  vscFromYear: number;
}

export interface EditionNeutralisation {
  year: number;
  name: string;
  safetyCars: number;
  virtualSafetyCars: number | null;
  redFlags: number;
}

export interface SafetyCarLikelihood {
  circuit: string;
  editions: number;
  /** Share of editions with at least one safety car, smoothed ((k+1)/(n+2)). */
  safetyCarProbability: number;
  virtualSafetyCarProbability: number | null;
  redFlagProbability: number;
  meanSafetyCars: number;
  history: EditionNeutralisation[];
  note: string;
}

const cache = new Map<string, NeutralisationData>();

function readCsv(dir: string, file: string): Record<string, string>[] {
  // Newer rows of races.csv stop after the url column: accept short rows.
  return parse(readFileSync(join(dir, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

function countBy(rows: Record<string, string>[], col: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r[col]!, (m.get(r[col]!) ?? 0) + 1);
  return m;
}

export function loadNeutralisationData(dir: string | undefined): NeutralisationData {
  if (!dir || !existsSync(join(dir, 'safety_cars.csv')))
    throw unavailable('Safety-car data is not configured: set ERGAST_CSV_DIR to the ergast-csv data folder.');
  const hit = cache.get(dir);
  if (hit) return hit;
  const races: ErgastRace[] = readCsv(dir, 'races.csv').map((r) => ({
    raceId: Number(r.raceId),
    year: Number(r.year),
    round: Number(r.round),
    circuitId: Number(r.circuitId),
    name: r.name!,
    date: r.date!,
  }));
  const circuits: ErgastCircuit[] = readCsv(dir, 'circuits.csv').map((c) => ({
    circuitId: Number(c.circuitId),
    ref: c.circuitRef!,
    name: c.name!,
    lat: Number(c.lat),
    lng: Number(c.lng),
  }));
  const safetyCars = countBy(readCsv(dir, 'safety_cars.csv'), 'Race');
  const redFlags = countBy(readCsv(dir, 'red_flags.csv'), 'Race');
  const vscFile = join(dir, 'virtual_safety_car_estimates.json');
  const vscRaw = existsSync(vscFile)
    ? (JSON.parse(readFileSync(vscFile, 'utf8')) as Record<string, number[]>)
    : {};
  // The estimates list VSC laps; consecutive laps are one deployment.
  const vsc = new Map<string, number>();
  for (const [race, laps] of Object.entries(vscRaw)) {
    const sorted = [...laps].sort((a, b) => a - b);
    vsc.set(race, sorted.filter((l, i) => i === 0 || l !== sorted[i - 1]! + 1).length);
  }
  const key = (r: ErgastRace) => `${r.year} ${r.name}`;
  const covered = races.filter((r) => safetyCars.has(key(r)) || redFlags.has(key(r))).map((r) => r.date);
  const data: NeutralisationData = {
    races,
    circuits,
    safetyCars,
    redFlags,
    vsc,
    coveredUntil: covered.sort().at(-1) ?? '0000',
    vscFromYear: 2015,
  };
  cache.set(dir, data);
  return data;
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

/**
 * The Ergast circuit at these coordinates (within 15 km: the two databases place some circuits up to ~12 km
 * apart). When several qualify (Las Vegas 1981 and 2023), the one raced on most recently wins.
 */
export function findErgastCircuit(
  data: NeutralisationData,
  lat: number,
  lng: number,
): ErgastCircuit | undefined {
  const lastYear = new Map<number, number>();
  for (const r of data.races) lastYear.set(r.circuitId, Math.max(lastYear.get(r.circuitId) ?? 0, r.year));
  return data.circuits
    .map((c) => ({ c, km: distanceKm(lat, lng, c.lat, c.lng) }))
    .filter((x) => x.km < 15)
    .sort((a, b) => (lastYear.get(b.c.circuitId) ?? 0) - (lastYear.get(a.c.circuitId) ?? 0) || a.km - b.km)[0]
    ?.c;
}

const smoothed = (k: number, n: number) => Math.round(((k + 1) / (n + 2)) * 1000) / 1000;

/**
 * Safety-car likelihood at a circuit from its editions held before `beforeDate` (and since `sinceYear`),
 * limited to races the neutralisation tables cover.
 */
export function safetyCarLikelihood(
  data: NeutralisationData,
  circuit: ErgastCircuit,
  beforeDate: string,
  sinceYear = 2010,
): SafetyCarLikelihood {
  const editions = data.races
    .filter(
      (r) =>
        r.circuitId === circuit.circuitId &&
        r.year >= sinceYear &&
        r.date < beforeDate &&
        r.date <= data.coveredUntil,
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const history: EditionNeutralisation[] = editions.map((r) => {
    const k = `${r.year} ${r.name}`;
    return {
      year: r.year,
      name: r.name,
      safetyCars: data.safetyCars.get(k) ?? 0,
      virtualSafetyCars: r.year >= data.vscFromYear ? (data.vsc.get(k) ?? 0) : null,
      redFlags: data.redFlags.get(k) ?? 0,
    };
  });
  const n = history.length;
  const withSc = history.filter((h) => h.safetyCars > 0).length;
  const vscEditions = history.filter((h) => h.virtualSafetyCars !== null);
  const withVsc = vscEditions.filter((h) => h.virtualSafetyCars! > 0).length;
  const withRed = history.filter((h) => h.redFlags > 0).length;
  const p = smoothed(withSc, n);
  return {
    circuit: circuit.name,
    editions: n,
    safetyCarProbability: p,
    virtualSafetyCarProbability: vscEditions.length ? smoothed(withVsc, vscEditions.length) : null,
    redFlagProbability: smoothed(withRed, n),
    meanSafetyCars: n ? Math.round((history.reduce((s, h) => s + h.safetyCars, 0) / n) * 100) / 100 : 0,
    history,
    note:
      n === 0
        ? 'No earlier editions at this circuit in the safety-car tables: the estimate is uninformed (50 %).'
        : `Safety car in ${withSc} of ${n} editions since ${history[0]!.year}` +
          (vscEditions.length ? `, VSC in ${withVsc} of ${vscEditions.length}` : '') +
          `, red flag in ${withRed}. ` +
          (p >= 0.6
            ? 'A safety car is more likely than not: a cheap stop under it is a real strategic option.'
            : p >= 0.35
              ? 'A safety car is a fair chance: keep the pit window flexible.'
              : 'Safety cars are rare here: plan the race on green-flag pit loss.'),
  };
}
