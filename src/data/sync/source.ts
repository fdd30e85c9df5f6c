// One upstream the product keeps its data current from (f1db releases, the F1 timing archive, OpenF1, the
// FIA regulation PDFs). `race-engineer data sync` and the server's schedule run every registered source
// through the same steps: `plan` says what is missing or changed (that is all `--dry-run` does), `sync`
// fetches and installs it, and the run prints one summary line per source.
//
// Registering a source: write a module in src/data/sync/ (or in its own domain) exporting a `SyncSource`
// and add it to the static list in src/data/sync/sources.ts, under a name from `SYNC_SOURCE_NAMES`. Talk to
// the upstream only through an `Upstream` (src/data/sync/http.ts): it carries the project's user agent, the
// request budget per upstream, backoff on 429/5xx and resumable downloads.
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Progress } from '../import/progress.ts';

export const SYNC_SOURCE_NAMES = ['f1db', 'timing', 'openf1', 'rulebook'] as const;
export type SyncSourceName = (typeof SYNC_SOURCE_NAMES)[number];

/** Inclusive season range (`--seasons 2018-2026`); null: the source's own default. */
export interface SeasonRange {
  from: number;
  to: number;
}

export interface SyncContext {
  config: Config;
  logger: Logger;
  seasons: SeasonRange | null;
  /** A progress bar on a terminal (stderr), nothing otherwise. */
  progress(title: string): Progress;
  signal?: AbortSignal;
}

/** One thing a source would fetch. */
export interface SyncItem {
  label: string;
  url?: string;
  /** Size when the upstream says it (bytes). */
  bytes?: number;
}

export interface SyncPlan {
  /** Empty when everything is current. */
  items: SyncItem[];
  /** What is installed now and what upstream has, in words (`f1db v2026.20.0, latest v2026.20.1`). */
  note: string;
}

export interface SyncOutcome {
  source: SyncSourceName;
  /** Something new was installed. */
  changed: boolean;
  /** One line for the summary. */
  summary: string;
  requests: number;
  bytes: number;
  ms: number;
  /** The installed version after the run, when the source has one. */
  version?: string;
}

export interface SyncSource {
  readonly name: SyncSourceName;
  readonly description: string;
  /** Whether this configuration can sync the source at all; a reason in words when not. */
  unavailable?(config: Config): string | null;
  plan(ctx: SyncContext): Promise<SyncPlan>;
  sync(ctx: SyncContext): Promise<Omit<SyncOutcome, 'source' | 'ms'>>;
}
