// Analysis tools from src/analysis: championship scenarios, pit strategy, predictions and weather.
import { z } from 'zod';
import {
  championshipScenario,
  getPitStrategyAsync,
  getWeather,
  predictionMarkdown,
  predictionThread,
  weatherMarkdown,
} from '../../analysis/index.ts';
import { formatPoints } from '../text.ts';
import { defineTool } from './types.ts';
import { grandPrixArg, raceOf, seasonOf, table, yearArg } from './common.ts';

export const scenarioTool = defineTool({
  name: 'calculate_championship_scenario',
  description:
    'The drivers\' title situation after a round: points still available (races and sprints), who can still win, whether it is decided, and what each contender needs at the next round. Use for "can X still win the title", "what does X need", "when can X clinch".',
  inputSchema: z.object({
    year: yearArg,
    after_round: z
      .number()
      .int()
      .min(0)
      .max(30)
      .optional()
      .describe('Situation after this round (default: latest)'),
    driver: z.string().max(100).optional().describe('Focus on this driver'),
  }),
  execute(args, ctx) {
    const year = seasonOf(ctx, args.year);
    const s = championshipScenario(ctx.db(), year, {
      ...(args.after_round !== undefined ? { round: args.after_round } : {}),
      ...(args.driver ? { driver: args.driver } : {}),
    });
    const markdown = [
      `### ${year} title scenario after round ${s.afterRound}`,
      s.summary,
      `Remaining: ${s.racesRemaining} races, ${s.sprintsRemaining} sprints, ${s.pointsRemaining} points.`,
      table(
        ['Pos', 'Driver', 'Points', 'Gap', 'Max possible', 'Can win'],
        s.contenders
          .slice(0, 10)
          .map((c) => [
            c.position,
            c.name,
            formatPoints(c.points),
            formatPoints(c.gapToLeader),
            formatPoints(c.maxPossiblePoints),
            c.canStillWin ? 'yes' : 'no',
          ]),
      ),
      s.driver ? `**${s.driver.name}:** ${'summary' in s.driver ? s.driver.summary : ''}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      data: s,
      markdown,
      sources: [`f1db — ${year} standings after round ${s.afterRound} and remaining calendar`],
    };
  },
});

export const strategyTool = defineTool({
  name: 'get_pit_strategy',
  description:
    'Pit strategy of a race from the lap tables: stints and compounds, tyre degradation per compound, pit loss, the undercut/overcut battles and how they ended, where a driver would rejoin if he pitted after a given lap, earlier editions at the circuit and safety-car likelihood. Upcoming races: history only.',
  inputSchema: z.object({
    year: yearArg,
    grand_prix: grandPrixArg,
    driver: z
      .string()
      .max(50)
      .optional()
      .describe('Driver code, number or name for a rejoin projection, e.g. "VER"'),
    lap: z.number().int().min(1).max(100).optional().describe('Project a stop after this lap'),
  }),
  async execute(args, ctx) {
    const race = raceOf(ctx, args.year, args.grand_prix);
    const p = await getPitStrategyAsync(ctx.config, ctx.db(), race.year, race.round, {
      ...(args.driver ? { driver: args.driver } : {}),
      ...(args.lap ? { lap: args.lap } : {}),
    });
    const markdown = [
      `### Pit strategy: ${p.year} ${p.race} (${p.circuit})`,
      p.pitLoss.pitLoss !== null ? `Pit loss ≈ ${p.pitLoss.pitLoss.toFixed(1)} s (${p.pitLoss.source}).` : '',
      p.degradation.length
        ? table(
            ['Compound', 'Degradation (s/lap)', 'Laps'],
            p.degradation.map((d) => [d.compound, d.degradationPerLap.toFixed(3), d.laps]),
          )
        : '',
      p.rejoin
        ? `Rejoin: ${p.rejoin.driver} stopping after lap ${p.rejoin.afterLap} would come out P${p.rejoin.position} (from P${p.rejoin.currentPosition}).`
        : '',
      p.safetyCar
        ? `Safety car in ${(p.safetyCar.safetyCarProbability * 100).toFixed(0)}% of editions here.`
        : '',
      ...p.notes,
    ]
      .filter(Boolean)
      .join('\n');
    return { data: p, markdown, sources: [`lap tables — ${p.year} ${p.race}`] };
  },
});

export const predictionsTool = defineTool({
  name: 'get_race_predictions',
  description:
    'Predicted outcome of a race for every driver: probability of winning, podium and points, expected position with an 80 % interval and the main factors — built only from data dated before the race (grid and qualifying when run, form, team, circuit history, reliability). Use for "who will win", "chances of", "prediction". For races already run it also shows the actual top ten.',
  inputSchema: z.object({ year: yearArg, grand_prix: grandPrixArg }),
  async execute(args, ctx) {
    const race = raceOf(ctx, args.year, args.grand_prix);
    // Off the event loop and cached per (race, data version), as GET /api/predictions.
    const p = await predictionThread(ctx.config.DATABASE_PATH).predict(ctx.db(), race.year, race.round);
    return {
      data: p,
      markdown: predictionMarkdown(p),
      sources: [`race-engineer model — ${p.year} ${p.race} prediction`],
    };
  },
});

export const weatherTool = defineTool({
  name: 'get_weather_conditions',
  description:
    'Weather for a race: the Open-Meteo forecast at the circuit when the race is within 16 days, the recorded weather of past editions, and the rain risk for strategy. Use for "will it rain", "track temperature", "weather at".',
  inputSchema: z.object({ year: yearArg, grand_prix: grandPrixArg }),
  async execute(args, ctx) {
    const race = raceOf(ctx, args.year, args.grand_prix);
    const w = await getWeather(
      { config: ctx.config, db: ctx.db(), now: () => ctx.now().getTime() },
      race.year,
      race.round,
    );
    return {
      data: w,
      markdown: weatherMarkdown(w),
      sources: [`Open-Meteo and recorded weather — ${w.year} ${w.race}`],
    };
  },
});

export default [scenarioTool, strategyTool, predictionsTool, weatherTool];
