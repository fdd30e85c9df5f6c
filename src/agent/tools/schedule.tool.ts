import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { isoDate, lastRace, nextRace } from '../race-ref.ts';
import { defineTool } from './types.ts';
import { index, seasonOf, table, yearArg } from './common.ts';
import { localClock, localTime, raceStart, startText, timeZoneSchema } from '../../time-zone.ts';

/** The table's start column: the wall clock in the zone its header names, else f1db's UTC time. */
function startCell(e: ScheduleEntry, timeZone: string | undefined): string {
  const ms = raceStart(e.date, e.time);
  if (ms === undefined) return '';
  return timeZone ? localClock(ms, timeZone) : new Date(ms).toISOString().slice(11, 16);
}

export interface ScheduleEntry {
  round: number;
  grandPrix: string;
  officialName: string;
  date: string;
  time: string | null;
  /** The race start in the asker's time zone, when one was given and the start time is known. */
  localStart?: string;
  circuit: string;
  place: string;
  country: string;
  sprintWeekend: boolean;
  status: 'completed' | 'upcoming' | 'no_results_in_data';
}

export default defineTool({
  name: 'get_season_schedule',
  description:
    'The calendar of a season: every round with date, circuit, place, sprint weekends and whether it has been run, plus the last completed and the next race. ALWAYS call this first for "last race", "next race", "when is", "where is" or calendar questions, and for race dates and venues.',
  inputSchema: z.object({
    year: yearArg,
    time_zone: timeZoneSchema
      .optional()
      .describe(
        'IANA time zone to give race start times in (e.g. "Europe/London"); default the asker\'s, else UTC.',
      ),
  }),
  execute({ year, time_zone }, ctx) {
    const tz = time_zone ?? ctx.timeZone;
    const idx = index(ctx);
    const season = seasonOf(ctx, year);
    const races = idx.racesOf(season);
    if (races.length === 0) {
      throw new AppError('not_found', `The ${season} calendar is not available in the data.`, {
        reason: 'no_season',
      });
    }
    const today = isoDate(ctx.now());
    const entries: ScheduleEntry[] = races.map((r) => {
      const start = raceStart(r.date, r.time);
      return {
        round: r.round,
        grandPrix: r.grandPrixName,
        officialName: r.officialName,
        date: r.date,
        time: r.time,
        ...(tz && start !== undefined ? { localStart: localTime(start, tz) } : {}),
        circuit: r.circuitName,
        place: r.place,
        country: r.country,
        sprintWeekend: r.isSprintWeekend,
        status: r.hasRaceResults ? 'completed' : r.date >= today ? 'upcoming' : 'no_results_in_data',
      };
    });
    const last = lastRace(idx, ctx.now(), season);
    const next = nextRace(idx, ctx.now(), season);
    const nextStart = next ? startText(next.date, next.time, tz) : undefined;
    const statusText = {
      completed: '✅ completed',
      upcoming: '🔜 upcoming',
      no_results_in_data: '⏳ no results in data yet',
    };
    const markdown = [
      `### ${season} calendar (today: ${today})`,
      table(
        ['Round', 'Grand Prix', 'Date', tz ? `Start (${tz})` : 'Start (UTC)', 'Circuit', 'Sprint', 'Status'],
        entries.map((e) => [
          e.round,
          e.grandPrix,
          e.date,
          startCell(e, tz),
          `${e.circuit}, ${e.place}`,
          e.sprintWeekend ? 'yes' : '',
          statusText[e.status],
        ]),
      ),
      last ? `**Last race with results:** round ${last.round}, ${last.grandPrixName} (${last.date}).` : '',
      next
        ? `**Next race:** round ${next.round}, ${next.grandPrixName} on ${next.date}${nextStart ? `, start ${nextStart}` : ''} at ${next.circuitName}.`
        : '',
    ]
      .filter(Boolean)
      .join('\n');
    return {
      data: {
        year: season,
        today,
        races: entries,
        lastRace: last ? { round: last.round, grandPrix: last.grandPrixName, date: last.date } : null,
        nextRace: next
          ? {
              round: next.round,
              grandPrix: next.grandPrixName,
              date: next.date,
              circuit: next.circuitName,
              start: nextStart ?? null,
            }
          : null,
      },
      markdown,
      sources: [`f1db — ${season} calendar`],
    };
  },
});
