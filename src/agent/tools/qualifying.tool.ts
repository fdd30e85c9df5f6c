// Qualifying and sprint qualifying (shootout) classifications, with the pole sitter called out.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { qualifyingResults, sessionResults, startingGrid } from '../../data/queries/agent-extra.ts';
import { isoDate, label } from '../race-ref.ts';
import { defineTool, type ToolContext } from './types.ts';
import { grandPrixArg, notRun, raceOf, raceSource, table, yearArg } from './common.ts';

const input = z.object({ year: yearArg, grand_prix: grandPrixArg });

function qualifying(
  kind: 'QUALIFYING' | 'SPRINT_QUALIFYING',
  year: number | string | undefined,
  grandPrix: string,
  ctx: ToolContext,
) {
  const race = raceOf(ctx, year, grandPrix);
  const db = ctx.db();
  const rows = qualifyingResults(db, race.id, kind);
  const name = kind === 'QUALIFYING' ? 'qualifying' : 'sprint qualifying';
  if (kind === 'SPRINT_QUALIFYING' && rows.length === 0 && !race.isSprintWeekend) {
    throw new AppError(
      'not_found',
      `Sprint qualifying is not available: the ${label(race)} was not a sprint weekend.`,
      {
        reason: 'no_sprint',
      },
    );
  }
  // Pole: the qualifying winner; for early races without a qualifying table, the race's pole flag or grid P1.
  let pole: { driverId: string; driver: string; constructor: string; time: string | null } | undefined;
  const top = rows.find((r) => r.position === 1);
  if (top)
    pole = {
      driverId: top.driverId,
      driver: top.driver,
      constructor: top.constructor,
      time: top.time ?? top.q3 ?? top.q2 ?? top.q1,
    };
  if (!pole && kind === 'QUALIFYING') {
    const flagged = sessionResults(db, race.id, 'RACE').find((r) => r.pole);
    const grid = startingGrid(db, race.id, 'RACE').find((r) => r.position === 1);
    if (flagged)
      pole = {
        driverId: flagged.driverId,
        driver: flagged.driver,
        constructor: flagged.constructor,
        time: null,
      };
    else if (grid)
      pole = { driverId: grid.driverId, driver: grid.driver, constructor: grid.constructor, time: null };
  }
  if (rows.length === 0 && !pole) throw notRun(race, name, isoDate(ctx.now()));
  const markdown = [
    `### ${kind === 'QUALIFYING' ? 'Qualifying' : 'Sprint qualifying'}: ${label(race)} (round ${race.round}, ${race.circuitName})`,
    pole
      ? `**${kind === 'QUALIFYING' ? 'Pole position' : 'Sprint pole'}:** ${pole.driver} (${pole.constructor})${pole.time ? ` ${pole.time}` : ''}`
      : '',
    rows.length
      ? table(
          ['Pos', 'Driver', 'Team', 'Q1', 'Q2', 'Q3', 'Time'],
          rows.map((r) => [r.positionText, r.driver, r.constructor, r.q1, r.q2, r.q3, r.time]),
        )
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    data: {
      race: { year: race.year, round: race.round, grandPrix: race.grandPrixName, date: race.date },
      session: kind,
      pole: pole ?? null,
      results: rows,
    },
    markdown,
    sources: [raceSource(race, kind === 'QUALIFYING' ? 'qualifying' : 'sprint qualifying')],
  };
}

export default [
  defineTool({
    name: 'get_qualifying_results',
    description:
      'Grand prix qualifying of one race: the pole sitter and the Q1/Q2/Q3 times. Use for pole position and qualifying questions. Not for sprint qualifying / sprint shootout (use get_sprint_qualifying_results).',
    inputSchema: input,
    execute: ({ year, grand_prix }, ctx) => qualifying('QUALIFYING', year, grand_prix, ctx),
  }),
  defineTool({
    name: 'get_sprint_qualifying_results',
    description:
      'Sprint qualifying (sprint shootout) of a sprint weekend: sprint pole and SQ1/SQ2/SQ3 times. ALWAYS use this for "sprint qualifying", "sprint shootout" or "sprint pole"; do NOT use get_qualifying_results for those.',
    inputSchema: input,
    execute: ({ year, grand_prix }, ctx) => qualifying('SPRINT_QUALIFYING', year, grand_prix, ctx),
  }),
];
