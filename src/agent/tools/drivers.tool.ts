// Driver-centred tools: head-to-head comparisons (one race or a whole season) and career profiles.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { qualifyingResults, sessionResults } from '../../data/queries/agent-extra.ts';
import { careerTotals } from '../../data/queries/drivers.ts';
import { stmt } from '../../data/queries/statements.ts';
import type { DriverEntity } from '../entities.ts';
import { isoDate, label } from '../race-ref.ts';
import { formatPoints } from '../text.ts';
import { defineTool, type ToolResult } from './types.ts';
import { driverOf, index, notRun, raceOf, raceSource, seasonOf, table, yearArg } from './common.ts';

const rank = (pos: number | null | undefined) => (pos === null || pos === undefined ? 999 : pos);

const compareInput = z.object({
  driver1: z.string().min(1).max(100).describe('First driver: name, surname or three-letter code'),
  driver2: z.string().min(1).max(100).describe('Second driver'),
  year: yearArg,
  grand_prix: z
    .string()
    .max(200)
    .optional()
    .describe('Compare at one race (grand prix, circuit, "last race"); omit for the whole season.'),
});

export const compareDrivers = defineTool({
  name: 'compare_drivers',
  description:
    'Head-to-head of two drivers: at one race (finishing, grid and qualifying positions, who finished ahead) or over a season (race and qualifying head-to-heads, points, wins, average finish). Use for "X vs Y", "who finished ahead", "who beat whom".',
  inputSchema: compareInput,
  execute(args, ctx): ToolResult {
    const db = ctx.db();
    if (args.grand_prix) {
      const race = raceOf(ctx, args.year, args.grand_prix);
      const d1 = driverOf(ctx, args.driver1, race.year);
      const d2 = driverOf(ctx, args.driver2, race.year);
      const results = sessionResults(db, race.id, 'RACE');
      if (results.length === 0) throw notRun(race, 'race', isoDate(ctx.now()));
      const quali = qualifyingResults(db, race.id, 'QUALIFYING');
      const side = (d: DriverEntity) => {
        const r = results.find((x) => x.driverId === d.id);
        const q = quali.find((x) => x.driverId === d.id);
        return {
          driverId: d.id,
          driver: d.name,
          team: r?.constructor ?? null,
          finish: r?.positionText ?? null,
          position: r?.position ?? null,
          order: r ? results.indexOf(r) : 999,
          grid: r?.grid ?? null,
          qualifying: q?.position ?? null,
          reasonRetired: r?.reasonRetired ?? null,
        };
      };
      const a = side(d1);
      const b = side(d2);
      const missing = [a, b].filter((s) => s.finish === null).map((s) => s.driver);
      if (missing.length) {
        throw new AppError('not_found', `${missing.join(' and ')} did not take part in the ${label(race)}.`, {
          reason: 'not_entered',
        });
      }
      const ahead = a.order < b.order ? a : b;
      const markdown = [
        `### ${a.driver} vs ${b.driver}: ${label(race)}`,
        table(
          ['', a.driver, b.driver],
          [
            ['Finish', a.finish, b.finish],
            ['Grid', a.grid, b.grid],
            ['Qualifying', a.qualifying, b.qualifying],
            ['Retired', a.reasonRetired, b.reasonRetired],
          ],
        ),
        `**Ahead at the flag:** ${ahead.driver}.`,
      ].join('\n');
      return {
        data: {
          scope: 'race',
          race: { year: race.year, round: race.round, grandPrix: race.grandPrixName },
          driver1: a,
          driver2: b,
          ahead: ahead.driverId,
        },
        markdown,
        sources: [raceSource(race, 'classification')],
      };
    }
    const season = seasonOf(ctx, args.year);
    const d1 = driverOf(ctx, args.driver1, season);
    const d2 = driverOf(ctx, args.driver2, season);
    const rows = stmt<{
      round: number;
      driver_id: string;
      session: string;
      pos: number | null;
      points: number | null;
    }>(
      db,
      `SELECT r.round, rr.driver_id, 'RACE' AS session, rr.position_number AS pos, rr.points FROM race_result rr
         JOIN race r ON r.id = rr.race_id WHERE r.year = ? AND rr.session = 'RACE' AND rr.driver_id IN (?, ?)
       UNION ALL
       SELECT r.round, q.driver_id, 'Q', q.position_number, NULL FROM qualifying_result q
         JOIN race r ON r.id = q.race_id WHERE r.year = ? AND q.session = 'QUALIFYING' AND q.driver_id IN (?, ?)`,
    ).all(season, d1.id, d2.id, season, d1.id, d2.id);
    const h2h = (session: string) => {
      const score = { d1: 0, d2: 0 };
      const rounds = new Set(rows.filter((r) => r.session === session).map((r) => r.round));
      for (const round of rounds) {
        const a = rows.find((r) => r.session === session && r.round === round && r.driver_id === d1.id);
        const b = rows.find((r) => r.session === session && r.round === round && r.driver_id === d2.id);
        if (!a || !b || rank(a.pos) === rank(b.pos)) continue;
        if (rank(a.pos) < rank(b.pos)) score.d1++;
        else score.d2++;
      }
      return score;
    };
    const summary = (d: DriverEntity) => {
      const races = rows.filter((r) => r.session === 'RACE' && r.driver_id === d.id);
      const finishes = races.map((r) => r.pos).filter((p): p is number => p !== null);
      return {
        driverId: d.id,
        driver: d.name,
        races: races.length,
        wins: finishes.filter((p) => p === 1).length,
        podiums: finishes.filter((p) => p <= 3).length,
        racePoints: races.reduce((s, r) => s + (r.points ?? 0), 0),
        averageFinish: finishes.length
          ? Math.round((finishes.reduce((s, p) => s + p, 0) / finishes.length) * 10) / 10
          : null,
      };
    };
    const a = summary(d1);
    const b = summary(d2);
    if (a.races === 0 && b.races === 0) {
      throw new AppError('not_found', `Neither ${d1.name} nor ${d2.name} raced in ${season}.`, {
        reason: 'not_entered',
      });
    }
    const race = h2h('RACE');
    const quali = h2h('Q');
    const markdown = [
      `### ${a.driver} vs ${b.driver}: ${season} season`,
      table(
        ['', a.driver, b.driver],
        [
          ['Race head-to-head', race.d1, race.d2],
          ['Qualifying head-to-head', quali.d1, quali.d2],
          ['Races', a.races, b.races],
          ['Wins', a.wins, b.wins],
          ['Podiums', a.podiums, b.podiums],
          ['Points from races', formatPoints(a.racePoints), formatPoints(b.racePoints)],
          ['Average finish', a.averageFinish, b.averageFinish],
        ],
      ),
    ].join('\n');
    return {
      data: {
        scope: 'season',
        year: season,
        driver1: a,
        driver2: b,
        raceHeadToHead: race,
        qualifyingHeadToHead: quali,
      },
      markdown,
      sources: [`f1db — ${season} race and qualifying classifications`],
    };
  },
});

const profileInput = z.object({
  driver: z.string().min(1).max(100).describe('Driver name, surname or three-letter code'),
  up_to_year: z
    .number()
    .int()
    .min(1950)
    .max(2100)
    .optional()
    .describe('Count only up to this season (with up_to_round: that round).'),
  up_to_round: z
    .number()
    .int()
    .min(1)
    .max(30)
    .optional()
    .describe('With up_to_year: count up to and including this round.'),
});

export const driverProfile = defineTool({
  name: 'get_driver_profile',
  description:
    'A driver\'s career: nationality, birth date, seasons, teams, race starts, wins, podiums, poles, fastest laps, sprint wins, career points and world titles — optionally only up to a given season/round. Use for "career", "how many wins/podiums/poles", "so far", "as of round N".',
  inputSchema: profileInput,
  execute(args, ctx) {
    const d = driverOf(ctx, args.driver, args.up_to_year);
    const idx = index(ctx);
    let upTo: string | undefined;
    if (args.up_to_year !== undefined) {
      const races = idx
        .racesOf(args.up_to_year)
        .filter((r) => args.up_to_round === undefined || r.round <= args.up_to_round);
      upTo = races.at(-1)?.date;
    }
    const info = stmt<Record<string, string | null>>(
      ctx.db(),
      `SELECT d.full_name, d.date_of_birth, d.date_of_death, d.place_of_birth, n.name AS nationality, n.demonym,
              d.permanent_number, d.abbreviation
       FROM driver d LEFT JOIN country n ON n.id = d.nationality_country_id WHERE d.id = ?`,
    ).get(d.id)!;
    const totals = careerTotals(ctx.db(), d.id, upTo);
    const scope = upTo
      ? ` (up to ${args.up_to_round ? `round ${args.up_to_round} of ` : ''}${args.up_to_year})`
      : '';
    const markdown = [
      `### ${d.name}${scope}`,
      `${info.full_name}, ${info.demonym ?? info.nationality ?? ''}, born ${info.date_of_birth ?? '?'}${info.place_of_birth ? ` in ${info.place_of_birth}` : ''}.`,
      table(
        [
          'Seasons',
          'Teams',
          'Starts',
          'Wins',
          'Podiums',
          'Poles',
          'Fastest laps',
          'Sprint wins',
          'Points',
          'Titles',
          'Best finish',
        ],
        [
          [
            totals.seasons.length ? `${totals.seasons[0]}–${totals.seasons.at(-1)}` : '',
            totals.teams.join(', '),
            totals.starts,
            totals.wins,
            totals.podiums,
            totals.poles,
            totals.fastestLaps,
            totals.sprintWins,
            formatPoints(totals.points),
            totals.championships,
            totals.bestFinish ? `P${totals.bestFinish.position} ×${totals.bestFinish.times}` : '',
          ],
        ],
      ),
    ].join('\n');
    return {
      data: { driverId: d.id, name: d.name, ...info, upToDate: upTo ?? null, ...totals },
      markdown,
      sources: [`f1db — ${d.name} career results${scope}`],
    };
  },
});

export default [compareDrivers, driverProfile];
