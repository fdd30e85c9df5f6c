// Background warm-up of the lap tables' disk cache (one JSON file per race, see laps.ts): when the server
// starts listening, a worker thread parses every season CSV in LAPS_DIR whose race files are missing and
// writes them, so that no request has to parse a whole season on the event loop. Requests arriving in the
// meantime still work: a season not cached yet is parsed synchronously, as before.
import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { App } from '../../server/app.ts';
import { runWorkerJob, type WorkerJob } from '../../worker-thread.ts';
import {
  isSeasonCached,
  lapsCsv,
  parseSeasonCsv,
  removeStaleLapsCache,
  writeSeasonCache,
  type LapSession,
  type LapsCsv,
} from './laps.ts';

export interface LapsSeason {
  session: LapSession;
  year: number;
}

export interface LapsWarmupOptions {
  lapsDir: string;
  cacheDir: string;
  /** Only these seasons (default: every season CSV in LAPS_DIR, grand prix and sprint). */
  seasons?: LapsSeason[];
  /** Run the thread at the lowest CPU priority (Linux), so it yields to request handling. Default true. */
  lowPriority?: boolean;
}

export interface LapsWarmupProgress extends LapsSeason {
  races: number;
  ms: number;
}

export interface LapsWarmupResult {
  /** Season CSVs looked at. */
  seasons: number;
  /** Seasons parsed and written now. */
  parsed: number;
  /** Seasons whose race files were already there. */
  cached: number;
  /** Races written. */
  races: number;
  /** Seasons that could not be parsed or written. */
  failed: number;
  /** Stale cache entries removed (earlier CSV versions, the former season-wide files). */
  removed: number;
  ms: number;
}

interface ProgressMessage {
  type: 'progress';
  progress: LapsWarmupProgress;
}

const SEASON_FILE = /^transformed_(grand_prix|sprint)_laps_(\d{4})\.csv$/;

/** Every season CSV in the lap tables folder: newest first (the likeliest to be asked), grand prix first. */
export function lapsSeasons(lapsDir: string): LapsSeason[] {
  const seasons: LapsSeason[] = [];
  for (const session of ['grand_prix', 'sprint'] as const) {
    let names: string[];
    try {
      names = readdirSync(join(lapsDir, session));
    } catch {
      continue; // no sprint folder, say
    }
    for (const name of names) {
      const m = SEASON_FILE.exec(name);
      if (m?.[1] === session) seasons.push({ session, year: Number(m[2]) });
    }
  }
  return seasons.sort((a, b) => b.year - a.year || a.session.localeCompare(b.session));
}

/** The warm-up itself, synchronous: what the worker thread runs. */
export function runLapsWarmup(
  opts: LapsWarmupOptions,
  onProgress: (p: LapsWarmupProgress) => void = () => {},
): LapsWarmupResult {
  const t0 = performance.now();
  const csvs = (opts.seasons ?? lapsSeasons(opts.lapsDir))
    .map((s) => lapsCsv(opts.lapsDir, s.year, s.session))
    .filter((c): c is LapsCsv => c !== undefined);
  const result: LapsWarmupResult = {
    seasons: csvs.length,
    parsed: 0,
    cached: 0,
    races: 0,
    failed: 0,
    removed: removeStaleLapsCache(opts.cacheDir, csvs),
    ms: 0,
  };
  for (const csv of csvs) {
    if (isSeasonCached(opts.cacheDir, csv)) {
      result.cached++;
      continue;
    }
    const t = performance.now();
    try {
      const season = parseSeasonCsv(csv);
      if (!writeSeasonCache(opts.cacheDir, csv, season)) throw new Error('cache not writable');
      result.parsed++;
      result.races += season.size;
      onProgress({ session: csv.session, year: csv.year, races: season.size, ms: performance.now() - t });
    } catch {
      result.failed++;
    }
  }
  result.ms = Math.round(performance.now() - t0);
  return result;
}

/** Lowers the calling thread's CPU priority to the minimum (Linux: a thread id is a valid setpriority target). */
export function lowerThreadPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // not Linux, or not allowed: run at normal priority
  }
}

export type LapsWarmup = WorkerJob<LapsWarmupResult>;

/** Starts the warm-up in a worker thread. */
export function warmLapsCache(opts: LapsWarmupOptions, logger?: Logger): LapsWarmup {
  let job: WorkerJob<LapsWarmupResult>;
  try {
    const entry = new URL('./laps-warmup-worker.ts', import.meta.url);
    job = runWorkerJob<LapsWarmupResult, ProgressMessage>(entry, opts, 'laps-warmup', ({ progress: p }) => {
      logger?.debug(
        { event: 'analysis.laps.warm.season', ...p, ms: Math.round(p.ms) },
        `lap tables: ${p.session} ${p.year} cached (${p.races} races)`,
      );
    });
  } catch (err) {
    logger?.warn({ event: 'analysis.laps.warm.failed', err }, 'lap tables warm-up could not start');
    const done = Promise.reject(err as Error);
    done.catch(() => {}); // logged above; callers that await it still see the error
    return { done, stop: async () => {} };
  }
  const { done } = job;
  void done.then(
    (r) =>
      logger?.info(
        { event: 'analysis.laps.warm', ...r },
        `lap tables cache: ${r.parsed} season(s) parsed (${r.races} races), ${r.cached} already cached, in ${(r.ms / 1000).toFixed(1)} s`,
      ),
    (err: unknown) =>
      (err as Error).message === 'stopped'
        ? logger?.debug({ event: 'analysis.laps.warm.stopped' }, 'lap tables warm-up stopped')
        : logger?.warn(
            { event: 'analysis.laps.warm.failed', err },
            'lap tables warm-up did not finish: requests parse seasons as needed',
          ),
  );
  return job;
}

const inFlight = new Map<string, Promise<void>>();
/** Season CSV versions seen complete in a cache folder: they stay so until the CSV changes (a new version). */
const knownCached = new Set<string>();

/**
 * Makes sure these seasons' race files are on disk (default: every season), parsing the missing ones in a
 * worker thread shared by concurrent callers, so an async caller (a live replay listing) never parses
 * seasons on the event loop. Never rejects: if the thread fails, the caller's own read parses as before.
 */
export async function ensureLapsCached(
  lapsDir: string,
  cacheDir: string,
  seasons: LapsSeason[] = lapsSeasons(lapsDir),
  logger?: Logger,
): Promise<void> {
  const missing = seasons.filter((s) => {
    const csv = lapsCsv(lapsDir, s.year, s.session);
    if (csv === undefined || knownCached.has(`${cacheDir}|${csv.version}`)) return false;
    if (!isSeasonCached(cacheDir, csv)) return true;
    knownCached.add(`${cacheDir}|${csv.version}`);
    return false;
  });
  if (missing.length === 0) return;
  const key = `${lapsDir}|${cacheDir}|${missing.map((s) => `${s.session}-${s.year}`).join(',')}`;
  let job = inFlight.get(key);
  if (!job) {
    job = warmLapsCache({ lapsDir, cacheDir, seasons: missing, lowPriority: false }, logger)
      .done.then(
        () => undefined,
        () => undefined,
      )
      .finally(() => inFlight.delete(key));
    inFlight.set(key, job);
  }
  await job;
}

/** On unless LAPS_DIR or ANALYSIS_CACHE_DIR is unset; ANALYSIS_WARMUP overrides (default: off in tests). */
export function lapsWarmupEnabled(
  config: Pick<Config, 'LAPS_DIR' | 'ANALYSIS_CACHE_DIR' | 'ANALYSIS_WARMUP' | 'NODE_ENV'>,
): boolean {
  if (!config.LAPS_DIR || !config.ANALYSIS_CACHE_DIR) return false;
  return config.ANALYSIS_WARMUP ?? config.NODE_ENV !== 'test';
}

/** Starts the warm-up once the server listens, and stops it when the server closes. */
export function warmLapsCacheOnListen(app: App, config: Config, logger: Logger): void {
  if (!lapsWarmupEnabled(config)) return;
  let warmup: LapsWarmup | undefined;
  app.addHook('onListen', async () => {
    warmup = warmLapsCache({ lapsDir: config.LAPS_DIR!, cacheDir: config.ANALYSIS_CACHE_DIR }, logger);
  });
  app.addHook('onClose', async () => {
    await warmup?.stop();
  });
}
