// Reading the lap tables in LAPS_DIR (FastF1-derived CSVs, one per season; see the data set's SCHEMA.md).
// Parsing a season CSV costs a few hundred ms, so parsed races are kept in memory (an LRU by race count) and,
// when a cache folder is given, on disk as one small JSON file per race plus an index of the season's rounds
// and their event names, keyed by the CSV's size and mtime (a changed CSV is parsed again). `warmLapsCache`
// (laps-warmup.ts) fills the disk cache in a worker thread when the server starts. The live replays of races
// rebuilt from the lap tables (live/recordings/laps.ts) read them through this module too.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { LRUCache } from 'lru-cache';
import { unavailable } from '../../errors.ts';
import { loadRecordedLaps, recordedLapsDirs } from './recorded.ts';

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

/** A round of a season as the lap tables name it. */
export interface LapsRound {
  round: number;
  eventName: string;
}

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

/** A season's lap-table CSV as it is on disk now: a changed file (size or mtime) is a new version. */
export interface LapsCsv {
  file: string;
  session: LapSession;
  year: number;
  /** `<session>-<year>-<size>-<mtime ms>`: names the season's folder in the disk cache. */
  version: string;
}

/** The season's CSV, or undefined when the lap tables do not have that season. */
export function lapsCsv(
  lapsDir: string,
  year: number,
  session: LapSession = 'grand_prix',
): LapsCsv | undefined {
  const file = lapsFile(lapsDir, year, session);
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile()) return undefined;
  return { file, session, year, version: `${session}-${year}-${st.size}-${Math.floor(st.mtimeMs)}` };
}

/** Races kept in memory. A strategy answer reads up to ~8 races (the race and earlier editions). */
export const RACE_MEMORY_CACHE_SIZE = 128;
const memoryRaces = new LRUCache<string, RaceLaps>({ max: RACE_MEMORY_CACHE_SIZE });
/** Rounds of each season version seen (parsed or read from the disk index): a few entries per season. */
const memoryRounds = new Map<string, LapsRound[]>();

/** Counters for tests and the benchmark: where races came from since the process started. */
export const lapsCacheStats = { csvParses: 0, diskRaceReads: 0, memoryHits: 0 };

/** Forgets every race kept in memory (tests and benchmarks measure cold loads with it). */
export function clearLapsMemoryCache(): void {
  memoryRaces.clear();
  memoryRounds.clear();
}

const memoryKey = (csv: LapsCsv) => `${csv.file}|${csv.version}`;
const INDEX_FILE = 'rounds.json';
const raceFileName = (round: number) => `round-${round}.json`;

/** The season's folder in the disk cache: `rounds.json` (the index) and one `round-<n>.json` per race. */
export function seasonCacheDir(cacheDir: string, csv: LapsCsv): string {
  return join(cacheDir, `laps-${csv.version}`);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined; // missing or damaged: the caller parses the CSV again
  }
}

function writeAtomically(path: string, data: string): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** The index's rounds; undefined when it is missing, damaged or of the earlier layout (round numbers only). */
function readIndex(cacheDir: string, csv: LapsCsv): LapsRound[] | undefined {
  const index = readJson(join(seasonCacheDir(cacheDir, csv), INDEX_FILE)) as { rounds?: unknown } | undefined;
  const rounds = index?.rounds;
  const isRound = (r: unknown) => {
    const { round, eventName } = (r ?? {}) as Partial<LapsRound>;
    return Number.isInteger(round) && typeof eventName === 'string';
  };
  return Array.isArray(rounds) && rounds.every(isRound) ? (rounds as LapsRound[]) : undefined;
}

const roundsOf = (season: Map<number, RaceLaps>): LapsRound[] =>
  [...season.values()].map(({ round, eventName }) => ({ round, eventName }));

/** Parses a season CSV: races by round (in file order), each race's laps ordered by driver, then lap. */
export function parseSeasonCsv(csv: LapsCsv): Map<number, RaceLaps> {
  lapsCacheStats.csvParses++;
  const races = new Map<number, RaceLaps>();
  // Rows as arrays (faster than objects for ~25k rows × 27 columns), then named by the header.
  const [header, ...rows] = parse(readFileSync(csv.file, 'utf8'), { skip_empty_lines: true }) as string[][];
  const cols = header ?? [];
  const record: Record<string, string> = {};
  for (const row of rows) {
    for (let i = 0; i < cols.length; i++) record[cols[i]!] = row[i] ?? '';
    const { round, eventName, ...lap } = parseLapRow(record);
    let race = races.get(round);
    if (!race) races.set(round, (race = { year: csv.year, round, eventName, laps: [] }));
    race.laps.push(lap);
  }
  for (const race of races.values())
    race.laps.sort((a, b) => a.driver.localeCompare(b.driver) || a.lap - b.lap);
  return races;
}

/**
 * Writes a parsed season to the disk cache: every race file first, then the index, so a reader that finds
 * the index finds the races. Writes go through a temporary file and a rename (readers never see half a file;
 * the server and the warm-up thread may write the same season). False when the disk refused: caching is an
 * optimisation, a read-only disk only costs speed.
 */
export function writeSeasonCache(cacheDir: string, csv: LapsCsv, season: Map<number, RaceLaps>): boolean {
  try {
    const dir = seasonCacheDir(cacheDir, csv);
    mkdirSync(dir, { recursive: true });
    for (const race of season.values())
      writeAtomically(join(dir, raceFileName(race.round)), JSON.stringify(race));
    writeAtomically(join(dir, INDEX_FILE), JSON.stringify({ rounds: roundsOf(season) }));
    return true;
  } catch {
    return false;
  }
}

/** True when the season's index and every race file it lists are in the disk cache. */
export function isSeasonCached(cacheDir: string, csv: LapsCsv): boolean {
  const rounds = readIndex(cacheDir, csv);
  const dir = seasonCacheDir(cacheDir, csv);
  return rounds !== undefined && rounds.every((r) => existsSync(join(dir, raceFileName(r.round))));
}

/**
 * Removes cache entries of the given seasons left by earlier versions of their CSVs, and the season-wide
 * JSON files of the previous cache layout (`laps-<session>-<year>-<size>-<mtime>.json`). Returns how many.
 */
export function removeStaleLapsCache(cacheDir: string, current: readonly LapsCsv[]): number {
  const versions = new Map(current.map((c) => [`${c.session}-${c.year}`, c.version]));
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return 0;
  }
  for (const name of entries) {
    const m = /^laps-((grand_prix|sprint)-(\d{4})-\d+-\d+)(\.json)?$/.exec(name);
    if (!m) continue;
    const version = versions.get(`${m[2]}-${m[3]}`);
    if (version === undefined || (version === m[1] && !m[4])) continue;
    try {
      rmSync(join(cacheDir, name), { recursive: true, force: true });
      removed++;
    } catch {
      // in use or read-only: left for next time
    }
  }
  return removed;
}

/** The season's rounds, from memory or the disk index; undefined when neither has seen the season. */
function knownRounds(csv: LapsCsv, cacheDir: string | undefined): LapsRound[] | undefined {
  const key = memoryKey(csv);
  let rounds = memoryRounds.get(key);
  if (!rounds && cacheDir) {
    rounds = readIndex(cacheDir, csv);
    if (rounds) memoryRounds.set(key, rounds);
  }
  return rounds;
}

/** One race from memory or its disk-cache file (a few ms); undefined when neither has it. */
function cachedRace(csv: LapsCsv, round: number, cacheDir: string | undefined): RaceLaps | undefined {
  const key = `${memoryKey(csv)}|${round}`;
  const hit = memoryRaces.get(key);
  if (hit) {
    lapsCacheStats.memoryHits++;
    return hit;
  }
  if (!cacheDir) return undefined;
  const race = readJson(join(seasonCacheDir(cacheDir, csv), raceFileName(round))) as RaceLaps | undefined;
  if (race?.round !== round || !Array.isArray(race.laps)) return undefined;
  lapsCacheStats.diskRaceReads++;
  memoryRaces.set(key, race);
  return race;
}

/** The slow path: parse the CSV (synchronously), keep its races in memory and write the disk cache. */
function parseAndKeep(csv: LapsCsv, cacheDir: string | undefined): Map<number, RaceLaps> {
  const season = parseSeasonCsv(csv);
  const key = memoryKey(csv);
  memoryRounds.set(key, roundsOf(season));
  for (const race of season.values()) memoryRaces.set(`${key}|${race.round}`, race);
  if (cacheDir) writeSeasonCache(cacheDir, csv, season);
  return season;
}

function requireLapsDir(lapsDir: string | undefined): string {
  if (!lapsDir) throw unavailable('Lap data is not configured: set LAPS_DIR to the lap tables folder.');
  return lapsDir;
}

/** All races of a season from the lap tables, by round. Empty when the season file does not exist. */
export function loadSeasonLaps(
  lapsDir: string | undefined,
  year: number,
  session: LapSession = 'grand_prix',
  cacheDir?: string,
): Map<number, RaceLaps> {
  const csv = lapsCsv(requireLapsDir(lapsDir), year, session);
  if (!csv) return new Map();
  const rounds = knownRounds(csv, cacheDir);
  if (rounds) {
    const season = new Map<number, RaceLaps>();
    for (const { round } of rounds) {
      const race = cachedRace(csv, round, cacheDir);
      if (!race) break;
      season.set(round, race);
    }
    if (season.size === rounds.length) return season;
  }
  return parseAndKeep(csv, cacheDir);
}

/** One race from the lap tables; undefined when the season file or the round is not there. */
/** Whether any lap source is configured: the lap CSVs, or synced/recorded timing sessions to build them from. */
export function lapTablesAvailable(lapsDir: string | undefined): boolean {
  return !!lapsDir || recordedLapsDirs().length > 0;
}

export function loadRaceLaps(
  lapsDir: string | undefined,
  year: number,
  round: number,
  session: LapSession = 'grand_prix',
  cacheDir?: string,
): RaceLaps | undefined {
  if (!lapsDir && recordedLapsDirs().length > 0) return fromRecordings(year, round, session);
  const csv = lapsCsv(requireLapsDir(lapsDir), year, session);
  if (!csv) return fromRecordings(year, round, session);
  const rounds = knownRounds(csv, cacheDir);
  if (rounds && !rounds.some((r) => r.round === round)) return fromRecordings(year, round, session);
  return (
    (rounds && cachedRace(csv, round, cacheDir)) ||
    parseAndKeep(csv, cacheDir).get(round) ||
    fromRecordings(year, round, session)
  );
}

/** A race the CSVs lack, built from a synced or recorded session's timing topics (data/laps/recorded.ts). */
function fromRecordings(year: number, round: number, session: LapSession): RaceLaps | undefined {
  const r = loadRecordedLaps(year, round, session);
  return r ? { year, round, eventName: r.eventName, laps: r.laps } : undefined;
}

/**
 * The rounds of a season and their event names (file order), from the season's index in memory or on disk;
 * only a season seen by neither is parsed (and then cached like any other load). Empty when the season file
 * does not exist.
 */
export function loadSeasonRounds(
  lapsDir: string | undefined,
  year: number,
  session: LapSession = 'grand_prix',
  cacheDir?: string,
): LapsRound[] {
  const csv = lapsCsv(requireLapsDir(lapsDir), year, session);
  if (!csv) return [];
  return knownRounds(csv, cacheDir) ?? roundsOf(parseAndKeep(csv, cacheDir));
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
