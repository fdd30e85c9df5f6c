import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { getConstructorStandings, getDriverStandings } from '../../data/queries/standings.ts';
import { standingsQuery, yearParams } from '../../http/params.ts';
import { jsonCache, sendJson } from './json-cache.ts';

/** Tables never change under an open database: after every round of history is ~2 × 1,100 small entries. */
const tables = jsonCache(5000);

const always = () => true;

export async function registerStandingsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/standings/drivers/:year',
    {
      schema: {
        tags: ['standings'],
        summary: "Drivers' championship table",
        description: 'After the latest round with results, or after `?round=` (number or grand prix name).',
        params: yearParams,
        querystring: standingsQuery,
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      const { round } = req.query;
      const db = ctx.db();
      const key = `drivers/${year}/${round?.toLowerCase() ?? ''}`;
      return sendJson(
        reply,
        tables.get(db, key, () => getDriverStandings(db, year, round), always),
      );
    },
  );
  app.get(
    '/api/standings/constructors/:year',
    {
      schema: {
        tags: ['standings'],
        summary: "Constructors' championship table",
        description:
          'After the latest round with results, or after `?round=`. There is no constructors\u2019 ' +
          'championship before 1958: those seasons return an empty table.',
        params: yearParams,
        querystring: standingsQuery,
      },
    },
    async (req, reply) => {
      const { year } = req.params;
      const { round } = req.query;
      const db = ctx.db();
      const key = `constructors/${year}/${round?.toLowerCase() ?? ''}`;
      return sendJson(
        reply,
        tables.get(db, key, () => getConstructorStandings(db, year, round), always),
      );
    },
  );
}
