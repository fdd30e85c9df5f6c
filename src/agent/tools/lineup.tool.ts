// Team line-ups by season: who drove for a team (which rounds, which engine), or which team a driver drove for.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { roundRanges, seasonEntries, type SeasonEntry } from '../../data/queries/entries.ts';
import { driverOf, seasonOf, table, teamOf, yearArg } from './common.ts';
import { defineTool, type ToolResult } from './types.ts';

export const getTeamLineup = defineTool({
  name: 'get_team_lineup',
  description:
    'A season\'s entries as raced: a team\'s drivers with the rounds each started and the engine, or the team(s) one driver drove for. Use for line-ups, "who drove for", "what team was X with", engine suppliers, mid-season replacements.',
  inputSchema: z.object({
    year: yearArg,
    team: z.string().max(100).optional().describe('Constructor name or id'),
    driver: z.string().max(100).optional().describe('Driver name, code or id'),
  }),
  execute(args, ctx): ToolResult<{ year: number; entries: SeasonEntry[] }> {
    const year = seasonOf(ctx, args.year);
    const team = args.team ? teamOf(ctx, args.team, year) : undefined;
    const driver = args.driver ? driverOf(ctx, args.driver, year) : undefined;
    const entries = seasonEntries(ctx.db(), year, { constructorId: team?.id, driverId: driver?.id });
    if (entries.length === 0)
      throw new AppError(
        'not_found',
        `No race entry ${[driver?.name, team?.name].filter(Boolean).join(' with ')} in ${year} is in the data.`,
      );
    const markdown = [
      `### ${year} entries${team ? ` — ${team.name}` : ''}${driver ? ` — ${driver.name}` : ''}`,
      table(
        ['Driver', 'Team', 'Engine', 'Rounds', 'Starts'],
        entries.map((e) => [e.driver, e.constructor, e.engine, roundRanges(e.rounds), e.starts]),
      ),
    ].join('\n\n');
    return { data: { year, entries }, markdown, sources: [`f1db — ${year} race results (entries as raced)`] };
  },
});

export default [getTeamLineup];
