// The server's services, owned in one place: created here (most on first use, so a test that never asks
// for the live service opens no Redis connection), handed to each domain's Fastify plugin, and closed on
// shutdown in the reverse order of their dependencies (live clients first, the store and the F1 database
// last).
import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../data/db.ts';
import { DbHandle } from '../data/handle.ts';
import { SyncSchedule } from '../data/sync/schedule.ts';
import { Agent } from '../agent/service.ts';
import { SpendLimits } from '../agent/spend.ts';
import { Identities } from '../agent/identity.ts';
import { LiveService } from '../live/service.ts';
import { closeRulebooks, getRulebook, type Rulebook } from '../rulebook/index.ts';
import { closePredictionThreads } from '../analysis/predictions/off-thread.ts';
import { closeSqlPools } from '../agent/tools/sql-pool.ts';
import { openStore, type Store } from '../store/store.ts';
import { ProvisionalResults } from '../data/provisional/service.ts';
import { NotifyService } from '../notify/service.ts';
import { Metrics } from './metrics.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  /** The F1 database, opened read-only on first use: the request's version (see `data`). */
  db(): Db;
  /** The swappable F1 database: a new import is picked up without a restart (src/data/handle.ts). */
  readonly data: DbHandle;
  /** The data sync on a schedule (DATA_SYNC); `serve` starts it, /api/health shows it. */
  readonly sync: SyncSchedule;
  /** Everything written at run time (chats, tokens, tracker …): SQLite files or PostgreSQL (DATABASE_URL). */
  readonly store: Store;
  /** Provisional results from live timing until f1db has the session (src/data/provisional/). */
  readonly provisional: ProvisionalResults;
  /** Who asks: the identity cookie and API tokens. */
  readonly identities: Identities;
  /** The race engineer (holds the LLM provider client), built on first use. */
  readonly agent: Agent;
  /** Live timing: catalog, hub and bus (Redis with LIVE_BUS=redis), built on first use. */
  readonly live: LiveService;
  /** Whether the live service has been built (metrics and shutdown leave it alone otherwise). */
  hasLive(): boolean;
  /** Web push: subscriptions, reminders and race alerts (src/notify/), built on first use. */
  readonly notify: NotifyService;
  /** The rulebook of this configuration (opened on first search). */
  rulebook(): Rulebook;
  readonly metrics: Metrics;
  /** Set once shutdown began: readiness fails, so a load balancer stops sending new requests. */
  readonly draining: boolean;
  drain(): void;
  close(): Promise<void>;
}

export interface ContextOverrides {
  /** A live service built by the caller (benchmarks, tests); closed with the context all the same. */
  live?: LiveService;
  agent?: Agent;
  notify?: NotifyService;
}

export function createContext(config: Config, logger: Logger, overrides: ContextOverrides = {}): AppContext {
  const data = new DbHandle(config.DATABASE_PATH, { logger });
  // The prediction thread holds its own connection: a new version gets a new thread (and fresh answers).
  data.onSwap(() => void closePredictionThreads());
  let live: LiveService | undefined = overrides.live;
  let agent: Agent | undefined = overrides.agent;
  let notify: NotifyService | undefined = overrides.notify;
  let rulebookUsed = false;
  let draining = false;
  const store = openStore(config);
  const provisional = new ProvisionalResults({
    store: store.provisional,
    db: () => data.db(),
    logger,
    fromReplays: config.PROVISIONAL_FROM_REPLAYS,
    openf1CacheDir: config.OPENF1_CACHE_DIR,
  });
  const ctx: AppContext = {
    config,
    logger,
    db: () => data.db(),
    data,
    sync: new SyncSchedule({
      config,
      logger,
      handle: data,
      // Several nodes share PostgreSQL: one syncs at a time, the others follow the versions it records.
      ...(store.backend === 'postgres'
        ? {
            cluster: {
              exclusive: (name, fn) => store.exclusive(name, fn),
              versions: () => store.syncState.versions(),
              record: (source, version) =>
                store.syncState.record(source, version, `${hostname()}:${process.pid}`),
            },
          }
        : {}),
    }),
    store,
    provisional,
    identities: new Identities({
      config,
      secret: (name) => store.secrets.secret(name),
      verifyToken: (token) => store.tokens.verify(token),
    }),
    get agent() {
      agent ??= new Agent({
        config,
        logger,
        db: () => ctx.db(),
        spend: new SpendLimits(config, store.usage),
        provisional: provisional.lookup,
      });
      return agent;
    },
    get live() {
      live ??= new LiveService(config, logger, { db: () => ctx.db() });
      return live;
    },
    hasLive: () => live !== undefined,
    get notify() {
      // Its tables live in the store's PostgreSQL database when that is the backend (push.db otherwise).
      notify ??= new NotifyService({
        config,
        logger,
        db: () => ctx.db(),
        ...(store.postgres ? { postgres: store.postgres } : {}),
      });
      return notify;
    },
    rulebook() {
      rulebookUsed = true;
      return getRulebook(config, logger);
    },
    metrics: new Metrics({
      live: () => live?.hub.stats(),
      importedAt: () => {
        try {
          return data.opened ? (data.version().importedAt ?? undefined) : undefined;
        } catch {
          return undefined;
        }
      },
    }),
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
    async close() {
      draining = true;
      const step = async (name: string, fn: () => Promise<void> | void) => {
        try {
          await fn();
        } catch (err) {
          logger.warn({ event: 'server.close.failed', service: name, err }, `closing ${name} failed`);
        }
      };
      await step('sync', () => ctx.sync.stop());
      // Before the live service (its alerts listen to the hub) and the store (its tables may be there).
      await step('notify', async () => notify?.close());
      notify = undefined;
      await step('live', async () => live?.close());
      live = undefined;
      await step('predictions', () => closePredictionThreads());
      await step('sql', () => closeSqlPools());
      if (rulebookUsed) await step('rulebook', () => closeRulebooks());
      await step('store', () => store.close());
      ctx.metrics.close();
      await step('database', () => data.close());
    },
  };
  return ctx;
}
