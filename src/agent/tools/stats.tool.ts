// Statistics over many races and seasons: records, totals, counts, firsts and age records, filtered by
// driver, team, engine, nationality, grand prix, circuit, seasons and finishing/grid position.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { resolveCircuit, resolveCountry, resolveGrandPrix } from '../../data/queries/resolve.ts';
import {
  GROUPS,
  METRICS,
  statsQuery,
  type StatsEvent,
  type StatsFilters,
  type StatsResult,
} from '../../data/queries/stats.ts';
import { formatPoints } from '../text.ts';
import { driverOf, index, table, teamOf } from './common.ts';
import { defineTool, type ToolContext, type ToolResult } from './types.ts';

const season = z.number().int().min(1950).max(2100);

export const statsInput = z.object({
  metric: z
    .enum(METRICS)
    .describe(
      'What is counted: wins, podiums, poles, fastest_laps, points, starts, finishes, points_finishes, retirements (DNF), disqualifications, titles (drivers), constructor_titles, grand_slams, hat_tricks (pole+win+fastest lap), driver_of_the_day, pit_stops, laps, front_rows, races_held (races run, e.g. at a circuit), one_twos (a team first and second in one race).',
    ),
  session: z.enum(['race', 'sprint']).optional().describe('Grand Prix (default) or sprint results.'),
  group_by: z
    .enum(GROUPS)
    .describe(
      'Rows of the answer: per driver, driver_season (single-season records), driver_race, driver_constructor (a driver with one team), constructor, constructor_season, engine, tyre, nationality, season, grand_prix, circuit, host_country (the country a race was held in) or race.',
    ),
  driver: z.string().max(100).optional().describe('Only this driver (name, surname, code or f1db id).'),
  team: z.string().max(100).optional().describe('Only with this constructor.'),
  engine: z
    .string()
    .max(100)
    .optional()
    .describe('Only with this engine manufacturer (f1db id, e.g. "honda").'),
  tyre: z
    .string()
    .max(100)
    .optional()
    .describe('Only on this tyre manufacturer ("bridgestone", "Michelin").'),
  nationality: z
    .string()
    .max(100)
    .optional()
    .describe('Only drivers of this nationality ("Brazil", "British").'),
  grand_prix: z.string().max(100).optional().describe('Only this grand prix (the event across years).'),
  circuit: z.string().max(100).optional().describe('Only races at this circuit.'),
  host_country: z
    .string()
    .max(100)
    .optional()
    .describe('Only races held in this country ("USA", "Italy"), at any of its circuits.'),
  from_season: season.optional(),
  to_season: season.optional(),
  up_to_date: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/)
    .optional()
    .describe('Only races on or before this date.'),
  position: z.number().int().min(1).max(40).optional().describe('Only results at this finishing position.'),
  grid: z.number().int().min(1).max(40).optional().describe('Only results from this grid slot (1 = pole).'),
  without_title: z.boolean().optional().describe('Only drivers who never won the drivers’ championship.'),
  not_champion_that_season: z
    .boolean()
    .optional()
    .describe(
      'Only seasons in which the driver did not win the title ("most wins in a season without the title").',
    ),
  without_win: z.boolean().optional().describe('Only drivers who never won a Grand Prix.'),
  without_win_that_season: z
    .boolean()
    .optional()
    .describe(
      'Only seasons in which the driver won no Grand Prix ("most points in a season without a win").',
    ),
  without_pole: z.boolean().optional().describe('Only drivers who never took a pole position.'),
  without_podium: z.boolean().optional().describe('Only drivers who never finished on a Grand Prix podium.'),
  champions_only: z.boolean().optional().describe('Only drivers who won the drivers’ championship.'),
  count: z
    .enum(['events', 'drivers', 'seasons', 'races'])
    .optional()
    .describe(
      'What each row counts: events (default; points are summed), distinct drivers, seasons or races.',
    ),
  average: z
    .enum(['position', 'grid'])
    .optional()
    .describe(
      'Instead of a total per row: the mean finishing position (use metric finishes: classified results) or the mean grid slot (use metric starts), with the number of races it is over.',
    ),
  pick: z
    .enum(['first', 'last', 'youngest', 'oldest', 'worst_grid', 'best_finish'])
    .optional()
    .describe(
      "Instead of a total per row: its first, last, youngest or oldest event (age on the day), the one started furthest down the grid, or its best classified finish (use metric finishes; how often in the row's sample).",
    ),
  per_start: z
    .boolean()
    .optional()
    .describe('Instead of a total per row: the percentage of its starts with the event ("win percentage").'),
  min_starts: z
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('With per_start: only rows with at least this many starts (default 1).'),
  without_points: z.boolean().optional().describe('Only drivers who never scored a championship point.'),
  nth: z
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('With pick "first": the n-th event of each row ("first to 100 wins").'),
  streak: z
    .boolean()
    .optional()
    .describe('Longest run of consecutive race starts with the event (per driver).'),
  gender: z.enum(['FEMALE', 'MALE']).optional().describe('Only drivers of this gender.'),
  order: z.enum(['most', 'fewest']).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export type StatsInput = z.infer<typeof statsInput>;

export interface StatsData extends StatsResult {
  /** The filters as resolved names, for the answer's wording. */
  resolved: Record<string, string>;
}

function resolveFilters(
  ctx: ToolContext,
  args: StatsInput,
): { filters: StatsFilters; resolved: Record<string, string> } {
  const db = ctx.db();
  const idx = index(ctx);
  const resolved: Record<string, string> = {};
  const filters: StatsFilters = {
    fromYear: args.from_season,
    toYear: args.to_season,
    toDate: args.up_to_date,
    position: args.position,
    grid: args.grid,
    withoutTitle: args.without_title,
    champions: args.champions_only,
    withoutWin: args.without_win,
    withoutPoints: args.without_points,
    winlessSeason: args.without_win_that_season,
    withoutPole: args.without_pole,
    withoutPodium: args.without_podium,
    notChampionThatSeason: args.not_champion_that_season,
    gender: args.gender,
  };
  const season = args.to_season ?? args.from_season;
  if (args.driver) {
    const d = driverOf(ctx, args.driver, season);
    filters.driverId = d.id;
    resolved.driver = d.name;
  }
  if (args.team) {
    const c = teamOf(ctx, args.team, season);
    filters.constructorId = c.id;
    resolved.team = c.name;
  }
  if (args.engine) {
    const row = idx.engineMaker(args.engine);
    if (!row) throw new AppError('not_found', `No engine manufacturer called "${args.engine}" in the data.`);
    filters.engineId = row.id;
    resolved.engine = row.name;
  }
  if (args.tyre) {
    const row = idx.tyreMaker(args.tyre);
    if (!row) throw new AppError('not_found', `No tyre manufacturer called "${args.tyre}" in the data.`);
    filters.tyreId = row.id;
    resolved.tyre = row.name;
  }
  if (args.nationality) {
    const c = resolveCountry(db, args.nationality);
    filters.nationalityId = c.id;
    resolved.nationality = c.demonym ?? c.name;
  }
  if (args.grand_prix) {
    const gp = resolveGrandPrix(db, args.grand_prix);
    filters.grandPrixId = gp.id;
    resolved.grand_prix = gp.name;
  }
  if (args.circuit) {
    const c = resolveCircuit(db, args.circuit);
    filters.circuitId = c.id;
    resolved.circuit = c.name;
  }
  if (args.host_country) {
    const c = resolveCountry(db, args.host_country);
    filters.hostCountryId = c.id;
    resolved.host_country = c.name;
  }
  return { filters, resolved };
}

export function eventText(e: StatsEvent): string {
  return `${e.year} ${e.raceName} (${e.date})`;
}

export const getF1Stats = defineTool({
  name: 'get_f1_stats',
  description:
    'Statistics over many races: all-time and season records, totals and counts ("most wins at Monaco", "how many podiums has Alonso", "drivers with a pole in 2021", "most wins without a title", "country with most champions", "single-season pole record"), firsts and lasts ("first Brazilian champion", "Piastri\'s maiden win"), age records ("youngest winner", "oldest champion"). Filter by driver, team, engine, nationality, grand prix, circuit, seasons, finishing or grid position; group by driver, team, season, race….',
  inputSchema: statsInput,
  execute(args, ctx): ToolResult<StatsData> {
    const { filters, resolved } = resolveFilters(ctx, args);
    const result = statsQuery(ctx.db(), {
      metric: args.metric,
      session: args.session,
      groupBy: args.group_by,
      filters,
      count: args.count,
      average: args.average,
      pick: args.pick,
      perStart: args.per_start ? { minStarts: args.min_starts ?? 1 } : undefined,
      streak: args.streak,
      nth: args.nth,
      order: args.order,
      limit: args.limit,
    });
    const valueHeader = args.pick
      ? args.pick === 'youngest' || args.pick === 'oldest'
        ? 'Age'
        : 'When'
      : args.average
        ? `Average ${args.average === 'grid' ? 'grid slot' : 'finishing position'} (races)`
        : args.per_start
          ? `${args.metric} per start, % (starts)`
          : args.metric;
    const rows = result.rows.map((r, i) => [
      i + 1,
      r.name,
      r.event && args.pick === 'best_finish'
        ? `P${r.value} (${r.sample ?? 1}×), first ${eventText(r.event)}`
        : r.event
          ? args.pick === 'youngest' || args.pick === 'oldest'
            ? `${r.event.age?.years ?? '?'} y ${r.event.age?.days ?? '?'} d — ${eventText(r.event)}`
            : eventText(r.event)
          : args.average
            ? `${r.value.toFixed(2)} (${r.sample ?? 0})`
            : args.per_start
              ? `${r.value} (${r.sample ?? 0})`
              : formatPoints(r.value),
    ]);
    const scope = Object.entries(resolved)
      .map(([k, v]) => `${k.replace('_', ' ')} ${v}`)
      .join(', ');
    const markdown = [
      `### ${args.metric.replace(/_/g, ' ')} by ${args.group_by.replace('_', ' ')}${scope ? ` (${scope})` : ''}`,
      rows.length ? table(['#', args.group_by.replace('_', ' '), valueHeader], rows) : 'No matching results.',
      result.asOf ? `As of the ${result.asOf.label} (${result.asOf.date}).` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      data: { ...result, resolved },
      markdown,
      sources: [`f1db — ${args.session === 'sprint' ? 'sprint' : 'race'} results and standings, all seasons`],
    };
  },
});

export default [getF1Stats];
