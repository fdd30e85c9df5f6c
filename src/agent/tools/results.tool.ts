// Race and sprint classifications: one tool per session kind, so a model routes "sprint" questions
// to the sprint tool instead of reading the grand prix classification.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  fastestLapOf,
  sessionResults,
  startingGrid,
  type SessionRow,
} from '../../data/queries/agent-extra.ts';
import { isoDate, label } from '../race-ref.ts';
import type { RaceEntity } from '../entities.ts';
import { formatPoints } from '../text.ts';
import { provisionalSessionRows } from '../../data/provisional/service.ts';
import type { ProvisionalResult } from '../../store/provisional.ts';
import { defineTool, type ToolContext } from './types.ts';
import { grandPrixArg, notRun, raceOf, raceSource, table, yearArg } from './common.ts';

const input = z.object({ year: yearArg, grand_prix: grandPrixArg });

function raceInfo(race: RaceEntity) {
  return {
    year: race.year,
    round: race.round,
    grandPrix: race.grandPrixName,
    officialName: race.officialName,
    date: race.date,
    circuit: race.circuitName,
    place: race.place,
  };
}

function status(r: SessionRow): string {
  if (r.position !== null && !r.reasonRetired)
    return r.position === 1 ? (r.time ?? '') : (r.gap ?? r.time ?? '');
  return r.reasonRetired ? `${r.positionText} (${r.reasonRetired})` : r.positionText;
}

function classification(
  session: 'RACE' | 'SPRINT_RACE',
  year: number | string | undefined,
  grandPrix: string,
  ctx: ToolContext,
) {
  const race = raceOf(ctx, year, grandPrix);
  const rows = sessionResults(ctx.db(), race.id, session);
  const name = session === 'RACE' ? 'race' : 'sprint';
  if (session === 'SPRINT_RACE' && rows.length === 0 && !race.isSprintWeekend) {
    throw new AppError(
      'not_found',
      `Sprint results are not available: the ${label(race)} was not a sprint weekend.`,
      {
        reason: 'no_sprint',
      },
    );
  }
  if (rows.length === 0) throw notRun(race, name, isoDate(ctx.now()));
  const grid = startingGrid(ctx.db(), race.id, session);
  for (const row of rows) {
    if (row.grid === null) {
      const g = grid.find((x) => x.driverId === row.driverId);
      if (g) {
        row.grid = g.position;
        row.gridText = g.positionText;
      }
    }
  }
  const fastest = session === 'RACE' ? fastestLapOf(ctx.db(), race.id) : undefined;
  const title = `### ${session === 'RACE' ? 'Race' : 'Sprint'} classification: ${label(race)} (round ${race.round}, ${race.circuitName}, ${race.date})`;
  const markdown = [
    title,
    table(
      ['Pos', 'Driver', 'Team', 'Grid', 'Laps', 'Time/Gap/Status', 'Pts', 'Stops'],
      rows.map((r) => [
        r.positionText,
        r.driver,
        r.constructor,
        r.gridText ?? r.grid,
        r.laps,
        status(r),
        r.points === null ? '' : formatPoints(r.points),
        r.pitStops,
      ]),
    ),
    fastest
      ? `**Fastest lap:** ${fastest.driver} (${fastest.constructor}) ${fastest.time ?? ''}${fastest.lap ? ` on lap ${fastest.lap}` : ''}.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    data: { race: raceInfo(race), session, results: rows, fastestLap: fastest ?? null },
    markdown,
    sources: [raceSource(race, session === 'RACE' ? 'classification' : 'sprint classification')],
  };
}

/** The classification recorded from live timing, said to be provisional in the table, the data and the sources. */
function provisionalAnswer(
  session: 'RACE' | 'SPRINT_RACE',
  race: RaceEntity,
  p: ProvisionalResult,
  ctx: ToolContext,
) {
  const rows = provisionalSessionRows(ctx.db(), race.year, p);
  const from = p.source === 'openf1' ? 'OpenF1' : 'live timing';
  const title = `### ${session === 'RACE' ? 'Race' : 'Sprint'} classification: ${label(race)} (round ${race.round}, ${race.circuitName}, ${race.date}) — provisional, from ${from}`;
  const markdown = [
    title,
    `Provisional, from ${from} at the flag (${p.recordedAt.slice(0, 16).replace('T', ' ')} UTC): the official f1db result is not in yet; post-race penalties may change it.`,
    table(
      ['Pos', 'Driver', 'Team', 'Laps', 'Gap/Status'],
      rows.map((r) => [
        r.positionText,
        r.driver,
        r.constructor,
        r.laps ?? '',
        r.gap ?? (r.reasonRetired ? 'DNF' : ''),
      ]),
    ),
  ].join('\n');
  return {
    data: {
      race: raceInfo(race),
      session,
      results: rows,
      fastestLap: null,
      provisional: true,
      source: p.source,
      recordedAt: p.recordedAt,
    },
    markdown,
    sources: [
      `provisional, from ${from} — ${label(race)} ${session === 'RACE' ? 'classification' : 'sprint classification'} (until f1db's release)`,
    ],
  };
}

/** f1db's classification; while f1db has none, the provisional one from live timing when there is one. */
async function classificationOrProvisional(
  session: 'RACE' | 'SPRINT_RACE',
  year: number | string | undefined,
  grandPrix: string,
  ctx: ToolContext,
) {
  if (ctx.provisional) {
    const race = raceOf(ctx, year, grandPrix);
    if (sessionResults(ctx.db(), race.id, session).length === 0) {
      const p = await ctx.provisional(race.year, race.round, session);
      if (p) return provisionalAnswer(session, race, p, ctx);
    }
  }
  return classification(session, year, grandPrix, ctx);
}

export default [
  defineTool({
    name: 'get_race_results',
    description:
      'The grand prix (main race) classification of one race: positions, grid slots, laps, gaps, retirement reasons, points, pit-stop counts and the fastest lap. Use for winners, podiums, finishing and grid positions, DNFs and why, pit stops, fastest laps. Not for sprints (use get_sprint_results).',
    inputSchema: input,
    execute: ({ year, grand_prix }, ctx) => classificationOrProvisional('RACE', year, grand_prix, ctx),
  }),
  defineTool({
    name: 'get_sprint_results',
    description:
      'The sprint race classification of a sprint weekend. ALWAYS use this when the question mentions a sprint (not the sprint shootout/qualifying); do NOT use get_race_results for sprints.',
    inputSchema: input,
    execute: ({ year, grand_prix }, ctx) => classificationOrProvisional('SPRINT_RACE', year, grand_prix, ctx),
  }),
];
