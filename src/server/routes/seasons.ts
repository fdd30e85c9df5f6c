import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { getSchedule, listSeasons } from '../../data/queries/schedule.ts';
import { yearParams } from '../../http/params.ts';

export async function registerSeasonRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/seasons',
    {
      schema: {
        tags: ['seasons'],
        summary: 'Every season in the data',
        description: 'Rounds, how many have results, whether the season is complete, and its champions.',
      },
    },
    async () => ({ seasons: listSeasons(ctx.db()) }),
  );

  app.get(
    '/api/schedule/:year',
    {
      schema: {
        tags: ['seasons'],
        summary: 'Calendar of a season',
        description:
          'Rounds with grand prix, circuit (with coordinates), sprint flag, every session start in UTC ' +
          '(ISO 8601 with Z; null before 2024, when only days are known) and a status computed from the ' +
          'current time: completed (results in the data), in_progress, upcoming, or awaiting_results ' +
          '(the weekend is past but the data has no race result yet).',
        params: yearParams,
      },
    },
    async (req) => getSchedule(ctx.db(), req.params.year),
  );
}
