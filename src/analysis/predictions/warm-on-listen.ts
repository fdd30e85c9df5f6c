// The server fits this season's prediction models right after it starts listening, so the first visitor of a
// predictions page does not wait for it (~0.5–2 s of CPU on the event loop, in four steps, once per database).
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../logger.ts';
import type { Db } from '../../data/db.ts';
import { warmPredictions } from './service.ts';

export function warmPredictionsOnListen(
  app: FastifyInstance,
  db: () => Db,
  logger: Logger,
  now: () => Date = () => new Date(),
): void {
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onListen', async () => {
    // A moment later, so start-up requests (health checks, the first page) are answered first.
    timer = setTimeout(async () => {
      const started = performance.now();
      const database = db();
      const latest = database.prepare('SELECT MAX(year) AS y FROM race').get() as { y: number | null };
      const year = Math.min(now().getUTCFullYear(), latest.y ?? now().getUTCFullYear());
      try {
        await warmPredictions(database, year);
        logger.info(
          { event: 'analysis.predictions.warm', year, ms: Math.round(performance.now() - started) },
          'prediction models ready',
        );
      } catch (err) {
        logger.warn(
          {
            event: 'analysis.predictions.warm.failed',
            error: err instanceof Error ? err.message : String(err),
          },
          'could not prepare the prediction models',
        );
      }
    }, 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
