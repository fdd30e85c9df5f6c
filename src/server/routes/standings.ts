import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { getConstructorStandings, getDriverStandings } from '../../data/queries/standings.ts';
import { standingsQuery, yearParams } from './params.ts';

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
    async (req) => getDriverStandings(ctx.db(), req.params.year, req.query.round),
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
    async (req) => getConstructorStandings(ctx.db(), req.params.year, req.query.round),
  );
}
