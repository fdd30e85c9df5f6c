// Runs registered sync sources one after another (`race-engineer data sync`, the server's schedule): a
// failing source is reported and the others still run; the result is one outcome per source.
import type { Config } from '../../config.ts';
import { AppError, badRequest } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { createProgress } from '../import/progress.ts';
import type {
  SeasonRange,
  SyncContext,
  SyncOutcome,
  SyncPlan,
  SyncSource,
  SyncSourceName,
} from './source.ts';
import { SYNC_SOURCE_NAMES } from './source.ts';
import { syncSources } from './sources.ts';

export interface SyncRunOptions {
  config: Config;
  logger: Logger;
  only?: SyncSourceName[];
  seasons?: SeasonRange | null;
  progress?: boolean;
  signal?: AbortSignal;
  /** Sources to run instead of the registered ones (tests). */
  sources?: SyncSource[];
}

export interface SourceFailure {
  source: SyncSourceName;
  error: string;
}

export interface SyncRun {
  outcomes: SyncOutcome[];
  failures: SourceFailure[];
  skipped: { source: SyncSourceName; reason: string }[];
  ms: number;
}

/** `2018-2026`, `2025` → an inclusive range. */
export function parseSeasons(text: string): SeasonRange {
  const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(text);
  if (!m) throw badRequest(`--seasons must be a year or a range like 2018-2026 (got "${text}")`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from > to) throw badRequest(`--seasons ${text}: the first year is after the last`);
  if (from < 1950) throw badRequest(`--seasons ${text}: the championship starts in 1950`);
  return { from, to };
}

export function parseOnly(text: string): SyncSourceName[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names)
    if (!(SYNC_SOURCE_NAMES as readonly string[]).includes(n))
      throw badRequest(`--only ${n}: not a data source (one of ${SYNC_SOURCE_NAMES.join(', ')})`);
  return names as SyncSourceName[];
}

function selected(opts: SyncRunOptions): { run: SyncSource[]; skipped: SyncRun['skipped'] } {
  const all = opts.sources ?? syncSources();
  const wanted = opts.only?.length ? all.filter((s) => opts.only!.includes(s.name)) : all;
  const skipped: SyncRun['skipped'] = [];
  for (const name of opts.only ?? [])
    if (!wanted.some((s) => s.name === name))
      skipped.push({ source: name, reason: 'no sync source registered' });
  const run: SyncSource[] = [];
  for (const s of wanted) {
    const reason = s.unavailable?.(opts.config) ?? null;
    if (reason) skipped.push({ source: s.name, reason });
    else run.push(s);
  }
  return { run, skipped };
}

function contextOf(opts: SyncRunOptions): SyncContext {
  return {
    config: opts.config,
    logger: opts.logger,
    seasons: opts.seasons ?? null,
    progress: (title) => createProgress(opts.progress ?? false, title),
    signal: opts.signal,
  };
}

export async function planSync(
  opts: SyncRunOptions,
): Promise<{ source: SyncSourceName; plan?: SyncPlan; error?: string }[]> {
  const { run, skipped } = selected(opts);
  const out: { source: SyncSourceName; plan?: SyncPlan; error?: string }[] = skipped.map((s) => ({
    source: s.source,
    error: s.reason,
  }));
  const ctx = contextOf(opts);
  for (const s of run) {
    try {
      out.push({ source: s.name, plan: await s.plan(ctx) });
    } catch (err) {
      out.push({ source: s.name, error: (err as Error).message });
    }
  }
  return out;
}

export async function runSync(opts: SyncRunOptions): Promise<SyncRun> {
  const started = performance.now();
  const { run, skipped } = selected(opts);
  const ctx = contextOf(opts);
  const outcomes: SyncOutcome[] = [];
  const failures: SourceFailure[] = [];
  for (const s of run) {
    const t0 = performance.now();
    opts.logger.info({ event: 'data.sync.started', source: s.name }, `syncing ${s.name}`);
    try {
      const r = await s.sync(ctx);
      const outcome: SyncOutcome = { ...r, source: s.name, ms: Math.round(performance.now() - t0) };
      outcomes.push(outcome);
      opts.logger.info(
        {
          event: 'data.sync.done',
          source: s.name,
          changed: r.changed,
          requests: r.requests,
          bytes: r.bytes,
          ms: outcome.ms,
          version: r.version,
        },
        `${s.name}: ${r.summary}`,
      );
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const error = err instanceof AppError || err instanceof Error ? err.message : String(err);
      failures.push({ source: s.name, error });
      opts.logger.error({ event: 'data.sync.failed', source: s.name, error }, `${s.name}: ${error}`);
    }
  }
  return { outcomes, failures, skipped, ms: Math.round(performance.now() - started) };
}
