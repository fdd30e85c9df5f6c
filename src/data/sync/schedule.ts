// The server keeping its data current: DATA_SYNC=f1db checks f1db's releases, DATA_SYNC=all runs every
// sync source, every DATA_SYNC_INTERVAL — or every DATA_SYNC_FAST_INTERVAL while a session that ended by
// the calendar has no result in the database yet (f1db publishes within hours of a race). A new database is
// picked up by the handle right after the run; a failed run (upstream down, corrupt archive) is logged and
// the server keeps serving what it has. One run at a time; stopping aborts a run in progress.
// Several nodes (a PostgreSQL store, `cluster`): a run takes the cluster-wide lock `data-sync` first and is
// skipped while another node holds it, so one node at a time talks to the upstreams; the versions a run
// installed are recorded in the store, and every `followMs` each node compares them with its own: a node
// behind syncs at once (under the lock) instead of on its own schedule. Each node still downloads what it
// installs, since each keeps its own F1 database file (docs/data-sync.md, "Several nodes").
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { DbHandle } from '../handle.ts';
import { sessionsAwaitingResults } from './calendar.ts';
import { runSync, type SyncRun } from './run.ts';
import type { SyncSource } from './source.ts';

export type SyncMode = 'off' | 'f1db' | 'all';

export interface SyncCheck {
  at: string;
  ok: boolean;
  changed: boolean;
  summary: string;
}

export interface SyncStatus {
  mode: SyncMode;
  running: boolean;
  lastCheck: SyncCheck | null;
  nextCheck: string | null;
  /** Why the next check comes early (`2026 R20 RACE ended 2026-10-25T21:30Z, no result yet`). */
  fastReason: string | null;
}

export function syncModeOf(config: Pick<Config, 'DATA_SYNC' | 'NODE_ENV'>): SyncMode {
  return config.DATA_SYNC ?? (config.NODE_ENV === 'test' ? 'off' : 'f1db');
}

/** What the schedule needs from the shared store when several nodes sync (src/store/sync-state.ts). */
export interface SyncCluster {
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** The versions some node installed last, per source. */
  versions(): Promise<{ source: string; version: string }[]>;
  record(source: string, version: string): Promise<void>;
}

/** How often a node of a cluster compares the recorded versions with its own (ms). */
export const FOLLOW_INTERVAL_MS = 60_000;
/** The advisory lock a sync run holds. */
export const SYNC_LOCK = 'data-sync';

export interface ScheduleOptions {
  config: Config;
  logger: Logger;
  handle: DbHandle;
  now?: () => Date;
  /** Sources to run instead of the registered ones (tests). */
  sources?: SyncSource[];
  /** Delay before the first check (ms); default 5 s, so the start itself is not slowed. */
  firstDelayMs?: number;
  /** Several nodes: one runs at a time, the others follow the versions it records. */
  cluster?: SyncCluster;
  followMs?: number;
}

export class SyncSchedule {
  readonly mode: SyncMode;
  private timer: NodeJS.Timeout | undefined;
  private followTimer: NodeJS.Timeout | undefined;
  /** What this node installed, per source with a version (as its last runs reported). */
  private readonly installed = new Map<string, string>();
  private next: Date | null = null;
  private last: SyncCheck | null = null;
  private fastReason: string | null = null;
  private running: Promise<SyncRun | null> | null = null;
  private readonly abort = new AbortController();
  private readonly now: () => Date;

  constructor(private readonly opts: ScheduleOptions) {
    this.mode = syncModeOf(opts.config);
    this.now = opts.now ?? (() => new Date());
  }

  start(): void {
    if (this.mode === 'off') return;
    this.opts.logger.info(
      { event: 'data.sync.scheduled', mode: this.mode, intervalS: this.opts.config.DATA_SYNC_INTERVAL },
      `data sync: ${this.mode}, every ${this.opts.config.DATA_SYNC_INTERVAL} s`,
    );
    this.plan(this.opts.firstDelayMs ?? 5000);
    if (this.opts.cluster) {
      this.followTimer = setInterval(
        () => void this.follow().catch(() => undefined),
        this.opts.followMs ?? FOLLOW_INTERVAL_MS,
      );
      this.followTimer.unref();
    }
  }

  /**
   * Several nodes: runs a check now when another node recorded a version of a source this node syncs that
   * differs from the one installed here. Returns whether it ran one.
   */
  async follow(): Promise<boolean> {
    const cluster = this.opts.cluster;
    if (!cluster || this.running || this.abort.signal.aborted) return false;
    const behind = (await cluster.versions()).filter(
      (v) => (this.mode !== 'f1db' || v.source === 'f1db') && this.installed.get(v.source) !== v.version,
    );
    if (behind.length === 0) return false;
    this.opts.logger.info(
      { event: 'data.sync.follow', versions: behind },
      `data sync: another node installed ${behind.map((v) => `${v.source} ${v.version}`).join(', ')}`,
    );
    await this.runNow();
    return true;
  }

  status(): SyncStatus {
    return {
      mode: this.mode,
      running: this.running !== null,
      lastCheck: this.last,
      nextCheck: this.next?.toISOString() ?? null,
      fastReason: this.fastReason,
    };
  }

  /** Runs a check now (also what the timer calls); a check already running is joined, not doubled. */
  async runNow(): Promise<SyncRun | null> {
    if (this.running) return this.running;
    this.running = this.check().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    clearInterval(this.followTimer);
    this.timer = undefined;
    this.next = null;
    this.abort.abort(new Error('server stopping'));
    await this.running?.catch(() => {});
  }

  private plan(delayMs: number): void {
    if (this.abort.signal.aborted) return;
    clearTimeout(this.timer);
    this.next = new Date(this.now().getTime() + delayMs);
    this.timer = setTimeout(() => void this.runNow().finally(() => this.plan(this.intervalMs())), delayMs);
    this.timer.unref();
  }

  private intervalMs(): number {
    const { config, handle } = this.opts;
    this.fastReason = null;
    try {
      const waiting = sessionsAwaitingResults(handle.db(), this.now(), config.DATA_SYNC_FAST_WINDOW);
      if (waiting.length > 0) {
        const w = waiting[0]!;
        this.fastReason = `${w.year} R${w.round} ${w.session} ended ${w.endedAt}, no result yet`;
        return config.DATA_SYNC_FAST_INTERVAL * 1000;
      }
    } catch {
      // no database yet: the normal interval
    }
    return config.DATA_SYNC_INTERVAL * 1000;
  }

  private async check(): Promise<SyncRun | null> {
    const { config, logger, handle } = this.opts;
    const at = this.now().toISOString();
    try {
      const job = () =>
        runSync({
          config,
          logger,
          only: this.mode === 'f1db' ? ['f1db'] : undefined,
          signal: this.abort.signal,
          ...(this.opts.sources ? { sources: this.opts.sources } : {}),
        });
      const cluster = this.opts.cluster;
      const ran = cluster
        ? await cluster.exclusive(SYNC_LOCK, job)
        : { ran: true as const, value: await job() };
      if (!ran.ran) {
        logger.info({ event: 'data.sync.skipped' }, 'data sync: another node is syncing');
        this.last = { at, ok: true, changed: false, summary: 'another node is syncing' };
        return null;
      }
      const run = ran.value;
      for (const o of run.outcomes) {
        if (o.version === undefined) continue;
        this.installed.set(o.source, o.version);
        await cluster
          ?.record(o.source, o.version)
          .catch((err: Error) =>
            logger.warn(
              { event: 'data.sync.record_failed', error: err.message },
              'recording the version failed',
            ),
          );
      }
      const changed = run.outcomes.some((o) => o.changed);
      if (changed) handle.refresh();
      const parts = [
        ...run.outcomes.map((o) => `${o.source}: ${o.summary}`),
        ...run.failures.map((f) => `${f.source} failed: ${f.error}`),
      ];
      this.last = {
        at,
        ok: run.failures.length === 0,
        changed,
        summary: parts.join('; ') || 'nothing to sync',
      };
      return run;
    } catch (err) {
      this.last = { at, ok: false, changed: false, summary: (err as Error).message };
      logger.error({ event: 'data.sync.failed', error: (err as Error).message }, 'data sync failed');
      return null;
    }
  }
}
