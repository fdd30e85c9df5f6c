import { z } from 'zod';
import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { compareDrivers } from '../../data/queries/compare.ts';
import { name, year } from '../../http/params.ts';

export async function registerCompareRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/compare/:year/:a/:b',
    {
      schema: {
        tags: ['compare'],
        summary: 'Season head-to-head of two drivers',
        description:
          'Qualifying and race head-to-head counts, points, wins, podiums, average finish and qualifying, ' +
          'and the per-round rows. Drivers by id, code, number or name, resolved in that season.',
        params: z.object({ year, a: name('First driver'), b: name('Second driver') }),
      },
    },
    async (req) => compareDrivers(ctx.db(), req.params.year, req.params.a, req.params.b),
  );
}
