import type { App } from '../app.ts';
import type { AppContext } from '../context.ts';
import { getRace } from '../../data/queries/races.ts';
import { raceParams } from '../../http/params.ts';
import { jsonCache, sendJson } from './json-cache.ts';

/** Every finished round of 1950→2026 fits (≈1,160 × ~20 kB), by number and by a few names. */
const finishedRaces = jsonCache(3000);

export async function registerRaceRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/races/:year/:round',
    {
      schema: {
        tags: ['races'],
        summary: 'One round in full',
        description:
          'Circuit facts, session times, podium, race classification (position, driver, number, team, grid, ' +
          'places gained, laps, time or gap, status and retirement reason, points), qualifying with Q1/Q2/Q3, ' +
          'sprint and sprint qualifying where held, pit stops, fastest lap, driver of the day. ' +
          'The round is a number or a grand prix / circuit name ("monza", "italian").',
        params: raceParams,
      },
    },
    async (req, reply) => {
      const { year, round } = req.params;
      const db = ctx.db();
      const text = finishedRaces.get(
        db,
        `${year}/${round.toLowerCase()}`,
        () => getRace(db, year, round),
        (race) => race.status === 'completed',
      );
      return sendJson(reply, text);
    },
  );
}
