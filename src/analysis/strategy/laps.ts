// Reading the lap tables in LAPS_DIR (FastF1-derived CSVs, one per season; see the data set's SCHEMA.md).
// Parsed seasons are kept in memory: a season is ~4 MB and parsing it costs a few hundred ms.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { unavailable } from '../../errors.ts';

export type Compound = 'SOFT' | 'MEDIUM' | 'HARD' | 'INTERMEDIATE' | 'WET' | 'UNKNOWN';

export interface Lap {
  driver: string; // three-letter code
  driverNumber: number;
  team: string;
  lap: number;
  /** Session time (s) when the lap was completed. */
  time: number | null;
  lapTime: number | null;
  stint: number | null;
  pitOutTime: number | null;
  pitInTime: number | null;
  compound: Compound;
  /** Pirelli compound (C1–C5) or the pre-2019 name. */
  compoundName: string | null;
  tyreLife: number | null;
  freshTyre: boolean | null;
  /** Track status codes seen during the lap: 1 green, 2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending. */
  trackStatus: string;
  position: number | null;
  accurate: boolean;
  valid: boolean;
}

export interface RaceLaps {
  year: number;
  round: number;
  eventName: string;
  laps: Lap[];
}

export type LapSession = 'grand_prix' | 'sprint';

const seasonCache = new Map<string, Map<number, RaceLaps>>();

/** "0 days 01:01:37.510000" → 3697.51 seconds. */
export function parseTimedelta(s: string | undefined): number | null {
  if (!s) return null;
  const m = /^(?:(-?\d+) days? )?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
const bool = (s: string | undefined): boolean | null => (s === 'True' ? true : s === 'False' ? false : null);

const COMPOUNDS = new Set(['SOFT', 'MEDIUM', 'HARD', 'INTERMEDIATE', 'WET']);

/** Track status is stored as a number ("12.0"): each digit is one status code seen during the lap. */
export function parseTrackStatus(s: string | undefined): string {
  if (!s) return '';
  return s.replace(/\.0+$/, '');
}

export function isGreen(l: Lap): boolean {
  return l.trackStatus === '1';
}

export function parseLapRow(r: Record<string, string>): Lap & { round: number; eventName: string } {
  const compound = (r.Compound ?? '').toUpperCase();
  return {
    round: Number(r.RoundNumber),
    eventName: r.EventName ?? '',
    driver: r.Driver ?? '',
    driverNumber: Number(r.DriverNumber),
    team: r.Team ?? '',
    lap: Number(r.LapNumber),
    time: parseTimedelta(r.Time),
    lapTime: num(r.LapTime),
    stint: num(r.Stint),
    pitOutTime: parseTimedelta(r.PitOutTime),
    pitInTime: parseTimedelta(r.PitInTime),
    compound: (COMPOUNDS.has(compound) ? compound : 'UNKNOWN') as Compound,
    compoundName: r.CompoundName || null,
    tyreLife: num(r.TyreLife),
    freshTyre: bool(r.FreshTyre),
    trackStatus: parseTrackStatus(r.TrackStatus),
    position: num(r.Position),
    accurate: r.IsAccurate === 'True',
    valid: r.IsValid === 'True',
  };
}

export function lapsFile(lapsDir: string, year: number, session: LapSession = 'grand_prix'): string {
  return join(lapsDir, session, `transformed_${session}_laps_${year}.csv`);
}

/**
 * Parsed seasons are also kept as JSON in `cacheDir` (when given), keyed by the CSV's size and mtime:
 * reading that back is several times faster than parsing the CSV again in a new process.
 */
function diskCachePath(cacheDir: string, file: string, session: LapSession, year: number): string {
  const st = statSync(file);
  return join(cacheDir, `laps-${session}-${year}-${st.size}-${Math.floor(st.mtimeMs)}.json`);
}

function readDiskCache(path: string): Map<number, RaceLaps> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const races = JSON.parse(readFileSync(path, 'utf8')) as RaceLaps[];
    return new Map(races.map((r) => [r.round, r]));
  } catch {
    return undefined; // a damaged cache file is simply rebuilt
  }
}

function writeDiskCache(path: string, races: Map<number, RaceLaps>): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify([...races.values()]));
    renameSync(tmp, path);
  } catch {
    // Caching is an optimisation: a read-only disk only costs speed.
  }
}

/** All races of a season from the lap tables, by round. Empty when the season file does not exist. */
export function loadSeasonLaps(
  lapsDir: string | undefined,
  year: number,
  session: LapSession = 'grand_prix',
  cacheDir?: string,
): Map<number, RaceLaps> {
  if (!lapsDir) throw unavailable('Lap data is not configured: set LAPS_DIR to the lap tables folder.');
  const file = lapsFile(lapsDir, year, session);
  const key = file;
  const cached = seasonCache.get(key);
  if (cached) return cached;
  const diskPath = cacheDir && existsSync(file) ? diskCachePath(cacheDir, file, session, year) : undefined;
  const fromDisk = diskPath ? readDiskCache(diskPath) : undefined;
  if (fromDisk) {
    seasonCache.set(key, fromDisk);
    return fromDisk;
  }
  const races = new Map<number, RaceLaps>();
  if (existsSync(file)) {
    // Rows as arrays (faster than objects for ~25k rows × 27 columns), then named by the header.
    const [header, ...rows] = parse(readFileSync(file, 'utf8'), { skip_empty_lines: true }) as string[][];
    const cols = header ?? [];
    const record: Record<string, string> = {};
    for (const row of rows) {
      for (let i = 0; i < cols.length; i++) record[cols[i]!] = row[i] ?? '';
      const { round, eventName, ...lap } = parseLapRow(record);
      let race = races.get(round);
      if (!race) races.set(round, (race = { year, round, eventName, laps: [] }));
      race.laps.push(lap);
    }
    for (const race of races.values())
      race.laps.sort((a, b) => a.driver.localeCompare(b.driver) || a.lap - b.lap);
  }
  seasonCache.set(key, races);
  if (diskPath && races.size) writeDiskCache(diskPath, races);
  return races;
}

export function loadRaceLaps(
  lapsDir: string | undefined,
  year: number,
  round: number,
  session: LapSession = 'grand_prix',
  cacheDir?: string,
): RaceLaps | undefined {
  return loadSeasonLaps(lapsDir, year, session, cacheDir).get(round);
}

/** Laps grouped by driver, each list ordered by lap number. */
export function lapsByDriver(laps: readonly Lap[]): Map<string, Lap[]> {
  const out = new Map<string, Lap[]>();
  for (const l of laps) {
    let list = out.get(l.driver);
    if (!list) out.set(l.driver, (list = []));
    list.push(l);
  }
  for (const list of out.values()) list.sort((a, b) => a.lap - b.lap);
  return out;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
