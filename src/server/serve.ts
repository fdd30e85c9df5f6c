// Starting and stopping the server process.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { databaseProblem } from '../data/db.ts';
import { unavailable } from '../errors.ts';
import { importF1db, removeLeftoverImports } from '../data/import/importer.ts';
import { syncF1dbRelease } from '../data/sync/f1db-release.ts';
import { Upstream } from '../data/sync/http.ts';
import { ergastCrosswalkStep } from '../ergast/crosswalk.ts';
import { warmLapsCacheOnListen } from '../data/laps/laps-warmup.ts';
import { setRecordedLapsDirs } from '../data/laps/recorded.ts';
import { ingestRulebookOnListen } from '../rulebook/auto-ingest.ts';
import { warmPredictionsOnListen } from '../analysis/predictions/warm-on-listen.ts';
import { buildApp, type App } from './app.ts';
import { createContext, type AppContext } from './context.ts';

/**
 * Before listening: the F1 database must be a complete import of this schema. A missing, empty, unreadable or
 * older-schema file is rebuilt from the configured source (atomically: the import builds aside and renames);
 * without a source the start stops with one line naming the file and the fix.
 */
export async function ensureDatabase(config: Config, logger: Logger): Promise<void> {
  removeLeftoverImports(config.DATABASE_PATH, logger);
  const problem = databaseProblem(config.DATABASE_PATH);
  if (problem === null) return;
  const source = config.F1DB_DIR ?? config.F1DB_SOURCE_URL;
  if (!source && config.AUTO_IMPORT) return firstRunDownload(config, logger, problem);
  if (!source || !config.AUTO_IMPORT) {
    throw unavailable(
      problem === 'missing'
        ? `No F1 database at ${config.DATABASE_PATH}. Set F1DB_DIR to an f1db source tree and start again, or run "race-engineer data import" to download f1db.`
        : `The F1 database ${config.DATABASE_PATH} is ${problem}. Rebuild it with "race-engineer data import" (or set F1DB_DIR and start again).`,
    );
  }
  logger.info(
    { event: 'data.import.auto', path: config.DATABASE_PATH, problem },
    problem === 'missing'
      ? 'no F1 database yet: importing first'
      : `F1 database is ${problem}: rebuilding it`,
  );
  await importF1db({
    source,
    dbPath: config.DATABASE_PATH,
    logger,
    progress: process.stderr.isTTY,
    extraSteps: [ergastCrosswalkStep(config.ERGAST_CSV_DIR)],
  });
}

/**
 * Nothing configured and no database: the latest f1db release from GitHub (one attempt, no backoff: a first
 * start offline should say so at once, in one line naming what is missing and the data-folder fix).
 */
async function firstRunDownload(config: Config, logger: Logger, problem: string): Promise<void> {
  logger.info(
    { event: 'data.sync.first_run', path: config.DATABASE_PATH, problem },
    'no F1 database and no data folder configured: downloading the latest f1db release',
  );
  try {
    const upstream = new Upstream({ name: 'github', budget: 5, retries: 0, timeoutMs: 120_000, logger });
    await syncF1dbRelease(config, logger, { upstream });
  } catch (err) {
    const reason = (err as Error).message;
    throw unavailable(
      `No usable F1 database at ${config.DATABASE_PATH} (${problem}) and f1db could not be downloaded (${reason}). Offline? Point F1_DATA_DIR at a data folder with an f1db source tree in f1db/ (F1_DATA_DIR=/path/to/data npm start), or run "race-engineer data import --from <f1db dir>".`,
    );
  }
}

/**
 * Graceful shutdown: readiness turns 503 (orchestrators stop routing here), live WebSockets close with 1012
 * so their clients reconnect (through a load balancer, to another node), the listener closes and requests
 * in flight finish, then every service closes. Past SHUTDOWN_TIMEOUT the process exits anyway.
 */
export async function shutdownGracefully(app: App, ctx: AppContext, signal: string): Promise<void> {
  const { logger, config } = ctx;
  const started = performance.now();
  logger.info({ event: 'server.stopping', signal }, 'shutting down: draining');
  ctx.drain();
  const force = setTimeout(() => {
    logger.warn({ event: 'server.stop.forced', timeoutS: config.SHUTDOWN_TIMEOUT }, 'shutdown timed out');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT * 1000);
  force.unref();
  const liveClients = ctx.hasLive() ? ctx.live.hub.clients.size : 0;
  if (ctx.hasLive()) await ctx.live.hub.close();
  await app.close(); // stops accepting; waits for requests in flight; onClose closes the context
  logger.info(
    { event: 'server.stopped', signal, liveClients, ms: Math.round(performance.now() - started) },
    'stopped',
  );
}

export async function startServer(config: Config, logger: Logger): Promise<App> {
  await ensureDatabase(config, logger);
  const ctx = createContext(config, logger);
  // Migrations at start: a node whose store cannot be opened does not listen.
  await ctx.store.open().catch((err: unknown) => {
    throw unavailable(
      `The run-time store (${ctx.store.backend}) could not be opened: ${(err as Error).message}`,
    );
  });
  const app = await buildApp(config, logger, ctx);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await shutdownGracefully(app, ctx, signal);
      process.exit(0);
    } catch (err) {
      logger.error({ event: 'server.stop.failed', err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  ctx.sync.start();
  setRecordedLapsDirs([config.TIMING_DIR, config.LIVETIMING_DIR]);
  warmLapsCacheOnListen(app, config, logger);
  ingestRulebookOnListen(app, config, logger);
  warmPredictionsOnListen(app, config, () => ctx.db(), ctx.store.tracker, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    { event: 'server.started', host: config.HOST, port: config.PORT },
    `listening on http://${config.HOST}:${config.PORT}`,
  );
  return app;
}
