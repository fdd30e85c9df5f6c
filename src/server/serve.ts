// Starting and stopping the server process.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { databaseProblem } from '../data/db.ts';
import { unavailable } from '../errors.ts';
import { importF1db } from '../data/import/importer.ts';
import { ergastCrosswalkStep } from '../ergast/crosswalk.ts';
import { warmLapsCacheOnListen } from '../analysis/strategy/laps-warmup.ts';
import { ingestRulebookOnListen } from '../rulebook/auto-ingest.ts';
import { warmPredictionsOnListen } from '../analysis/predictions/warm-on-listen.ts';
import { buildApp, type App } from './app.ts';
import { createContext } from './context.ts';

/**
 * Before listening: the F1 database must be a complete import of this schema. A missing, empty, unreadable or
 * older-schema file is rebuilt from the configured source (atomically: the import builds aside and renames);
 * without a source the start stops with one line naming the file and the fix.
 */
export async function ensureDatabase(config: Config, logger: Logger): Promise<void> {
  const problem = databaseProblem(config.DATABASE_PATH);
  if (problem === null) return;
  const source = config.F1DB_DIR ?? config.F1DB_SOURCE_URL;
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

export async function startServer(config: Config, logger: Logger): Promise<App> {
  await ensureDatabase(config, logger);
  const ctx = createContext(config, logger);
  const app = await buildApp(config, logger, ctx);
  const shutdown = async (signal: string) => {
    logger.info({ event: 'server.stopping', signal }, 'shutting down');
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  app.addHook('onClose', async () => ctx.close());
  warmLapsCacheOnListen(app, config, logger);
  ingestRulebookOnListen(app, config, logger);
  warmPredictionsOnListen(app, config, () => ctx.db(), logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    { event: 'server.started', host: config.HOST, port: config.PORT },
    `listening on http://${config.HOST}:${config.PORT}`,
  );
  return app;
}
