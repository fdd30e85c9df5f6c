// Championship tables after any round: final tables, "after round N" and "after the British GP".
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  constructorStandingsAfter,
  driverStandingsAfter,
  standingsRaceId,
} from '../../data/queries/agent-extra.ts';
import { formatPoints } from '../text.ts';
import { defineTool, type ToolContext } from './types.ts';
import { index, raceOf, seasonOf, table, yearArg } from './common.ts';

const input = z.object({
  year: yearArg,
  after_round: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .describe('Standings after this round (default: latest).'),
  after_grand_prix: z
    .string()
    .max(200)
    .optional()
    .describe('Standings after this race of the season, e.g. "British GP" (instead of after_round).'),
});

type Kind = 'driver' | 'constructor';

function standings(kind: Kind, args: z.infer<typeof input>, ctx: ToolContext) {
  const season = seasonOf(ctx, args.year);
  let maxRound = args.after_round;
  if (args.after_grand_prix) maxRound = raceOf(ctx, season, args.after_grand_prix).round;
  const at = standingsRaceId(
    ctx.db(),
    season,
    kind === 'driver' ? 'driver_standing' : 'constructor_standing',
    maxRound,
  );
  if (!at) {
    const why =
      kind === 'constructor' && season < 1958
        ? "there was no constructors' championship before 1958"
        : 'no standings in the data for that point of the season';
    throw new AppError(
      'not_found',
      `${kind === 'driver' ? 'Drivers' : 'Constructors'}' standings for ${season} are not available: ${why}.`,
      {
        reason: 'not_run',
      },
    );
  }
  const races = index(ctx).racesOf(season);
  const race = races.find((r) => r.round === at.round)!;
  const lastRound = Math.max(...races.map((r) => r.round));
  const seasonComplete = at.round === lastRound && race.hasRaceResults;
  const rows =
    kind === 'driver'
      ? driverStandingsAfter(ctx.db(), at.raceId)
      : constructorStandingsAfter(ctx.db(), at.raceId);
  const heading = `### ${season} ${kind === 'driver' ? 'drivers' : 'constructors'}' championship after round ${at.round} (${race.grandPrixName})${seasonComplete ? ' — final' : ''}`;
  const markdown = [
    heading,
    table(
      kind === 'driver' ? ['Pos', 'Driver', 'Team(s)', 'Points', 'Wins'] : ['Pos', 'Team', 'Points', 'Wins'],
      rows.map((r) =>
        kind === 'driver'
          ? [
              r.positionText,
              r.name,
              ('teams' in r ? (r.teams as string[]) : []).join(', '),
              formatPoints(r.points),
              r.wins,
            ]
          : [r.positionText, r.name, formatPoints(r.points), r.wins],
      ),
    ),
  ].join('\n');
  return {
    data: {
      year: season,
      afterRound: at.round,
      afterGrandPrix: race.grandPrixName,
      lastRound,
      seasonComplete,
      requestedRound: maxRound ?? null,
      standings: rows,
    },
    markdown,
    sources: [`f1db — ${season} ${kind}s' standings after round ${at.round}`],
  };
}

export default [
  defineTool({
    name: 'get_driver_standings',
    description:
      "The drivers' championship table of a season — final, or after a given round or race: positions, points, wins to that round, teams. Use for champions, title fights, a driver's season points or wins, and who led after round N.",
    inputSchema: input,
    execute: (args, ctx) => standings('driver', args, ctx),
  }),
  defineTool({
    name: 'get_constructor_standings',
    description:
      "The constructors' championship table of a season (from 1958) — final, or after a given round or race: positions, points, wins. Use for constructors' champions and team points.",
    inputSchema: input,
    execute: (args, ctx) => standings('constructor', args, ctx),
  }),
];
