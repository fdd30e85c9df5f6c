// REST routes of the analysis domain: predictions (+ accuracy tracker), pit strategy, weather, championship.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db } from '../data/db.ts';
import { resolveRace } from '../data/queries/resolve.ts';
import { round as roundParam, wholeNumber, year as yearParam } from '../http/params.ts';
import { predictionThread } from './predictions/off-thread.ts';
import type { PredictionTracker } from './predictions/tracker.ts';
import { championshipScenario, whatIf } from './scenario/service.ts';
import { getPitStrategyAsync } from './strategy/service.ts';
import { getWeather } from './weather/service.ts';

const raceParams = z.object({ year: yearParam, round: roundParam });

/** What the analysis routes need; the server's context owns each of them. */
export interface AnalysisRouteDeps {
  config: Config;
  db(): Db;
  tracker: PredictionTracker;
  /** False while nothing was ever tracked (a read never creates the tracker's file). */
  trackerExists(): boolean;
}

/** The analysis routes, as a Fastify plugin: `app.register(registerAnalysisRoutes, deps)`. */
export async function registerAnalysisRoutes(root: FastifyInstance, ctx: AnalysisRouteDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const roundNumber = (year: number, round: string) => resolveRace(ctx.db(), year, round).round;

  app.get(
    '/api/predictions/accuracy',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Accuracy of predictions stored before races, scored against the results',
      },
    },
    // Read-only: predictions are stored and scored by the start-up job (warm-on-listen.ts), never by a GET.
    async () =>
      ctx.trackerExists() ? ctx.tracker.summary() : { tracked: 0, scored: 0, overall: null, races: [] },
  );

  app.get(
    '/api/predictions/:year/:round',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Race prediction: P(win), P(podium), P(points), expected position and factors per driver',
        description:
          'Uses only what was known before the race (grid/qualifying when run, form); the model is fitted on ' +
          'earlier seasons. Computed in a worker thread, cached per race and data version. The next race not yet ' +
          'run is stored for the accuracy tracker when the server starts.',
        params: raceParams,
      },
    },
    async (req) => {
      const round = roundNumber(req.params.year, req.params.round);
      return predictionThread(ctx.config.DATABASE_PATH).predict(ctx.db(), req.params.year, round);
    },
  );

  app.get(
    '/api/strategy/:year/:round',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Pit strategy: stints, degradation, pit loss, undercuts, rejoin projection, safety-car likelihood',
        params: raceParams,
        querystring: z.object({
          driver: z
            .string()
            .trim()
            .min(1)
            .max(40)
            .optional()
            .describe('Driver code, number or name (e.g. VER)'),
          lap: wholeNumber(1, 100, 'lap').optional().describe('Project a stop after this lap'),
        }),
      },
    },
    async (req) => {
      const round = roundNumber(req.params.year, req.params.round);
      return getPitStrategyAsync(ctx.config, ctx.db(), req.params.year, round, req.query);
    },
  );

  app.get(
    '/api/weather/:year/:round',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Forecast at the circuit (Open-Meteo), recorded weather of past editions, rain risk',
        params: raceParams,
      },
    },
    async (req) => {
      const round = roundNumber(req.params.year, req.params.round);
      return getWeather({ config: ctx.config, db: ctx.db() }, req.params.year, round);
    },
  );

  app.get(
    '/api/scenario/:year',
    {
      schema: {
        tags: ['analysis'],
        summary: "Drivers' championship after a round: points left, who can still win, who clinches next",
        params: z.object({ year: yearParam }),
        querystring: z.object({
          round: wholeNumber(0, 40, 'round').optional().describe('After this round (default: latest)'),
          driver: z.string().trim().min(1).max(60).optional().describe('Focus on one driver'),
        }),
      },
    },
    async (req) => championshipScenario(ctx.db(), req.params.year, req.query),
  );

  app.post(
    '/api/scenario/:year/what-if',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Standings and title outcome after hypothetical results',
        params: z.object({ year: yearParam }),
        body: z.object({
          afterRound: z.number().int().min(0).max(40).optional(),
          results: z
            .array(
              z.object({
                round: z.number().int().min(1).max(40),
                session: z.enum(['RACE', 'SPRINT']).optional(),
                order: z.array(z.string().trim().min(1).max(60)).min(1).max(30),
                fastestLap: z.string().trim().min(1).max(60).optional(),
              }),
            )
            .min(1)
            .max(60),
        }),
      },
    },
    async (req) => whatIf(ctx.db(), req.params.year, req.body),
  );
}
