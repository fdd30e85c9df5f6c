// GET /api/races/:year/:round/results: a race's (or, with ?session=sprint, a sprint's) classification — f1db's
// when the F1 database has it (`provisional: false, source: 'f1db'`), else the provisional one recorded from
// live timing (`provisional: true, source: 'live timing'`), else 404. As a plugin, this also starts
// recording provisional results from the live hub's ingests once the server is ready (not under NODE_ENV=test
// unless PROVISIONAL_FROM_REPLAYS).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { notFound } from '../../errors.ts';
import { raceParams } from '../../http/params.ts';
import type { LiveService } from '../../live/service.ts';
import type { Logger } from '../../logger.ts';
import type { Db } from '../db.ts';
import { sessionResults } from '../queries/agent-extra.ts';
import { resolveRace } from '../queries/resolve.ts';
import { provisionalSessionRows, type ProvisionalResults } from './service.ts';

export interface ProvisionalRouteDeps {
  config: Config;
  logger: Logger;
  db: () => Db;
  provisional: ProvisionalResults;
  live: () => LiveService;
}

const query = z.object({
  session: z.enum(['race', 'sprint']).default('race').describe('The grand prix (default) or the sprint'),
});

export async function registerProvisionalRoutes(
  app: FastifyInstance,
  deps: ProvisionalRouteDeps,
): Promise<void> {
  app.get(
    '/api/races/:year/:round/results',
    {
      schema: {
        tags: ['races'],
        summary: 'A race classification, provisional from live timing until f1db has it',
        description:
          "f1db's classification of the race (or sprint) when the F1 database has it; between the chequered " +
          'flag and the f1db release, the classification recorded from the live timing feed, marked ' +
          '`provisional: true, source: "live timing"`.',
        params: raceParams,
        querystring: query,
      },
    },
    async (req) => {
      const { year, round } = req.params as z.infer<typeof raceParams>;
      const { session: which } = req.query as z.infer<typeof query>;
      const db = deps.db();
      const race = resolveRace(db, year, round);
      const session = which === 'sprint' ? 'SPRINT_RACE' : 'RACE';
      const info = { year: race.year, round: race.round, name: race.name };
      const rows = sessionResults(db, race.id, session);
      if (rows.length > 0) return { race: info, session, provisional: false, source: 'f1db', results: rows };
      const p = await deps.provisional.lookup(race.year, race.round, session);
      if (!p)
        throw notFound(
          `No ${which} result for the ${race.year} ${race.name} yet (neither in f1db nor from live timing)`,
        );
      return {
        race: info,
        session,
        provisional: true,
        source: p.source,
        recordedAt: p.recordedAt,
        results: provisionalSessionRows(db, race.year, p),
      };
    },
  );
  // Recording needs the live hub; tests turn it on with PROVISIONAL_FROM_REPLAYS (they replay recordings).
  if (deps.config.NODE_ENV === 'test' && !deps.config.PROVISIONAL_FROM_REPLAYS) return;
  let stop: (() => void) | undefined;
  app.addHook('onReady', async () => {
    try {
      stop = deps.provisional.watch(deps.live().hub);
    } catch (err) {
      deps.logger.warn(
        { event: 'data.provisional.unavailable', err },
        'provisional results off: live timing unavailable',
      );
    }
  });
  app.addHook('onClose', async () => {
    stop?.();
    await deps.provisional.settled();
  });
}
