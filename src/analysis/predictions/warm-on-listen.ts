// Start-up job for predictions, right after the server starts listening (never on a request): the predictions
// thread fits this season's models (so the first visitor of a predictions page does not wait for them), the
// next race not yet run is predicted and stored by the accuracy tracker (once per data version: a later start
// on the same data only re-stores the same prediction), and stored predictions whose race is now in the data
// are scored. Every step catches its own errors and logs one line; none can stop the server.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../data/db.ts';
import { predictionThread } from './off-thread.ts';
import type { PredictionTracker } from './tracker.ts';

/** The next championship race without a result, from `today` on (null when the data has none). */
function nextRace(db: Db, today: string): { year: number; round: number } | null {
  return (
    (db
      .prepare(
        `SELECT r.year, r.round FROM race r
         WHERE r.date >= ? AND NOT EXISTS (SELECT 1 FROM race_result rr WHERE rr.race_id = r.id AND rr.session = 'RACE')
         ORDER BY r.date LIMIT 1`,
      )
      .get(today) as { year: number; round: number } | undefined) ?? null
  );
}

export async function runPredictionStartup(
  config: Pick<Config, 'DATABASE_PATH'>,
  db: () => Db,
  tracker: PredictionTracker,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<void> {
  const started = performance.now();
  const failed = (step: string, err: unknown) =>
    logger.warn(
      { event: `analysis.predictions.${step}.failed`, err },
      `predictions start-up: ${step} failed`,
    );
  let database: Db;
  try {
    database = db();
  } catch (err) {
    return failed('warm', err);
  }
  const thread = predictionThread(config.DATABASE_PATH);
  let year = now().getUTCFullYear();
  try {
    const latest = database.prepare('SELECT MAX(year) AS y FROM race').get() as { y: number | null };
    year = Math.min(year, latest.y ?? year);
    await thread.warm(year);
    logger.info(
      { event: 'analysis.predictions.warm', year, ms: Math.round(performance.now() - started) },
      'prediction models ready',
    );
  } catch (err) {
    failed('warm', err);
  }
  try {
    const next = nextRace(database, now().toISOString().slice(0, 10));
    if (next) {
      const prediction = await thread.predict(database, next.year, next.round);
      await tracker.record(prediction, false);
      logger.info(
        {
          event: 'analysis.predictions.tracked',
          year: next.year,
          round: next.round,
          stage: prediction.stage,
        },
        `prediction of ${next.year} round ${next.round} stored for the accuracy tracker`,
      );
    }
    const scored = await tracker.scorePending(database);
    if (scored > 0)
      logger.info({ event: 'analysis.predictions.scored', scored }, `${scored} stored prediction(s) scored`);
  } catch (err) {
    failed('track', err);
  }
}

export function warmPredictionsOnListen(
  app: FastifyInstance,
  config: Pick<Config, 'DATABASE_PATH'>,
  db: () => Db,
  tracker: PredictionTracker,
  logger: Logger,
  now: () => Date = () => new Date(),
): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    // A moment later, so start-up requests (health checks, the first page) are answered first.
    timer = setTimeout(() => {
      runPredictionStartup(config, db, tracker, logger, now).catch((err: unknown) =>
        logger.warn({ event: 'analysis.predictions.startup.failed', err }, 'predictions start-up failed'),
      );
    }, 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
