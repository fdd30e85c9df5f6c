// Answers a statistics frame: turns it into `get_f1_stats` calls (one per metric, session and compared
// subject), and writes the facts asked for with the context a fan wants — the runner-up, the margin, the
// date, "as of" the latest race in the data.
import type { Metric } from '../../data/queries/stats.ts';
import type { StatsData, StatsInput } from '../tools/stats.tool.ts';
import { eventText } from '../tools/stats.tool.ts';
import { formatPoints, ordinal } from '../text.ts';
import type { StatsFrame } from './frame.ts';

import type { EntityIndex } from '../entities.ts';

export interface Caller {
  call<T>(name: string, args: Record<string, unknown>): Promise<{ data: T; sources: string[] }>;
  /** The calendar: how many rounds a season has, run or not. */
  index: Pick<EntityIndex, 'racesOf'>;
}

const NOUN: Record<Metric, [string, string]> = {
  wins: ['win', 'wins'],
  podiums: ['podium', 'podiums'],
  poles: ['pole', 'poles'],
  fastest_laps: ['fastest lap', 'fastest laps'],
  points: ['point', 'points'],
  starts: ['start', 'starts'],
  finishes: ['finish', 'finishes'],
  points_finishes: ['points finish', 'points finishes'],
  retirements: ['retirement', 'retirements'],
  disqualifications: ['disqualification', 'disqualifications'],
  titles: ["drivers' title", "drivers' titles"],
  constructor_titles: ["constructors' title", "constructors' titles"],
  grand_slams: ['grand slam', 'grand slams'],
  hat_tricks: ['hat-trick', 'hat-tricks'],
  driver_of_the_day: ['Driver of the Day award', 'Driver of the Day awards'],
  pit_stops: ['pit stop', 'pit stops'],
  laps: ['lap', 'laps'],
  front_rows: ['front-row start', 'front-row starts'],
  races_held: ['World Championship race', 'World Championship races'],
  one_twos: ['one-two finish', 'one-two finishes'],
};

function noun(metric: Metric, n: number, session: 'race' | 'sprint', position?: number): string {
  const [one, many] = NOUN[metric];
  const base = n === 1 ? one : many;
  if (metric === 'finishes' && position) return `P${position} ${base}`;
  if (session === 'sprint') return `sprint ${base}`;
  if (['wins', 'podiums', 'starts'].includes(metric)) return `Grand Prix ${base}`;
  return base;
}

function scopeText(f: StatsFrame): string {
  const parts: string[] = [];
  // "with Ferrari" qualifies a driver's totals; a team's own totals need no such words.
  if (f.teams.length === 1 && f.op !== 'compare' && f.drivers.length) parts.push(`with ${f.teams[0]!.name}`);
  if (f.engineId)
    parts.push(
      `with ${f.engineId.replace(/(^|-)(\w)/g, (_, d: string, c: string) => `${d ? ' ' : ''}${c.toUpperCase()}`)} engines`,
    );
  if (f.tyre) parts.push(`on ${f.tyre.name} tyres`);
  if (f.place) parts.push(`at the ${f.place.name}`);
  if (f.grid) parts.push(f.grid === 1 ? 'from pole' : `from P${f.grid} on the grid`);
  if (f.fromYear !== undefined && f.fromYear === f.toYear) parts.push(`in ${f.fromYear}`);
  else if (f.fromYear !== undefined && f.toYear !== undefined)
    parts.push(`from ${f.fromYear} to ${f.toYear}`);
  else if (f.fromYear !== undefined) parts.push(`since ${f.fromYear}`);
  else if (f.toYear !== undefined) parts.push(`up to ${f.toYear}`);
  return parts.join(' ');
}

function baseArgs(f: StatsFrame, metric: Metric, session: 'race' | 'sprint'): StatsInput {
  const args: StatsInput = { metric, group_by: 'driver' };
  if (session === 'sprint') args.session = 'sprint';
  if (f.place?.grandPrixId) args.grand_prix = f.place.grandPrixId;
  if (f.place?.circuitId) args.circuit = f.place.circuitId;
  if (f.fromYear !== undefined) args.from_season = f.fromYear;
  if (f.toYear !== undefined) args.to_season = f.toYear;
  if (f.position !== undefined) args.position = f.position;
  if (f.grid !== undefined) args.grid = f.grid;
  if (f.withoutTitle) args.without_title = true;
  if (f.withoutWin) args[f.perSeason ? 'without_win_that_season' : 'without_win'] = true;
  if (f.withoutPoints) args.without_points = true;
  if (f.withoutPole) args.without_pole = true;
  if (f.withoutPodium) args.without_podium = true;
  if (f.toDate) args.up_to_date = f.toDate;
  if (f.gender) args.gender = f.gender;
  if (f.engineId) args.engine = f.engineId;
  if (f.tyre) args.tyre = f.tyre.id;
  if (f.notChampionThatSeason) args.not_champion_that_season = true;
  if (f.champions) args.champions_only = true;
  if (f.nationality) args.nationality = f.nationality;
  if (f.hostCountry) args.host_country = f.hostCountry;
  return args;
}

const asOfText = (d: StatsData) =>
  d.asOf &&
  (d.query.filters?.toYear === undefined || d.query.filters.toYear >= Number(d.asOf.date.slice(0, 4)))
    ? ` (as of the ${d.asOf.label}, ${d.asOf.date})`
    : '';

const value = (metric: Metric, v: number) => (metric === 'points' ? formatPoints(v) : String(v));

function others(rows: StatsData['rows'], metric: Metric, from = 1, n = 4): string {
  const rest = rows.slice(from, from + n);
  return rest.length ? ` Next: ${rest.map((r) => `${r.name} ${value(metric, r.value)}`).join(', ')}.` : '';
}

/** Answers the frame; `undefined` when the frame is not one this answerer can execute. */
export async function answerStats(
  a: Caller,
  f: StatsFrame,
): Promise<{ text: string; sources: string[] } | undefined> {
  const parts: string[] = [];
  const sources: string[] = [];
  if (f.seasonOf && f.fromYear === undefined && f.drivers[0] && f.teams[0]) {
    // "his first season at Ferrari": that season is found first, then asked about.
    const r = await a.call<StatsData>('get_f1_stats', {
      metric: 'starts',
      group_by: 'season',
      driver: f.drivers[0].id,
      team: f.teams[0].id,
      limit: 100,
    });
    const years = r.data.rows.map((x) => Number(x.key)).sort((p, q) => p - q);
    const year = f.seasonOf === 'first' ? years[0] : years.at(-1);
    if (year === undefined)
      return {
        text: `${f.drivers[0].name} never started a race for ${f.teams[0].name}.`,
        sources: r.sources,
      };
    f = { ...f, fromYear: year, toYear: year };
    sources.push(...r.sources);
  }
  for (const metric of f.metrics) {
    for (const session of f.sessions) {
      const piece = await onePart(a, f, metric, session);
      if (!piece) return undefined;
      parts.push(piece.text);
      sources.push(...piece.sources);
    }
  }
  return { text: parts.join('\n\n'), sources };
}

async function onePart(
  a: Caller,
  f: StatsFrame,
  metric: Metric,
  session: 'race' | 'sprint',
): Promise<{ text: string; sources: string[] } | undefined> {
  const args = baseArgs(f, metric, session);
  const scope = scopeText(f);
  const scoped = scope ? ` ${scope}` : '';
  const call = async (extra: Partial<StatsInput>) => {
    const q = { ...args, ...extra };
    // A team's wins, poles and starts are races, not cars (a one-two is one win; two cars on the grid one
    // start; a shared 1950s drive too).
    const teamGroup = ['constructor', 'constructor_season', 'engine', 'tyre'].includes(q.group_by);
    if (
      teamGroup &&
      !q.count &&
      !q.pick &&
      ['wins', 'poles', 'fastest_laps', 'grand_slams', 'hat_tricks', 'starts', 'one_twos'].includes(metric)
    )
      q.count = 'races';
    const r = await a.call<StatsData>('get_f1_stats', q);
    return { d: r.data, sources: r.sources };
  };
  const team = f.teams[0];
  const driver = f.drivers[0];
  const teamMetric = metric === 'constructor_titles';

  if (metric === 'races_held' && f.op === 'count' && !f.place && f.fromYear !== undefined) {
    // "How many races were there in 2025?": the races run per season, and the calendar where it is unfinished.
    const { d, sources } = await call({ group_by: 'season', limit: 100 });
    const lines = [];
    for (let y = f.fromYear; y <= (f.toYear ?? f.fromYear); y++) {
      const run = d.rows.find((r) => r.key === String(y) || r.name === String(y))?.value ?? 0;
      const sprint = session === 'sprint';
      const planned = a.index.racesOf(y).filter((r) => !sprint || r.isSprintWeekend).length;
      const what = sprint ? 'sprint' : 'World Championship race';
      lines.push(
        planned > run
          ? `${y}: ${planned} ${sprint ? 'sprint weekends' : 'rounds'} on the calendar, ${run} ${sprint ? `sprint${run === 1 ? '' : 's'} ` : ''}run so far`
          : `${y}: ${run} ${what}${run === 1 ? '' : 's'}`,
      );
    }
    return { text: `${lines.join('; ')}${asOfText(d)}.`, sources };
  }
  // "At how many different tracks has the German GP been held?": the circuits that hosted it.
  if (
    metric === 'races_held' &&
    (f.subject === 'circuit' || /\b(different|distinct|how many) (circuits|tracks|venues)\b/.test(f.text)) &&
    (f.op === 'distinct' || f.op === 'count')
  ) {
    const { d, sources } = await call({ group_by: 'circuit', limit: 12 });
    const hosts = f.hostCountry ? d.resolved?.host_country : undefined;
    const where = f.place
      ? `The ${f.place.name} has been held at`
      : `World Championship races${hosts ? ` in ${hosts}` : ''} have been held at`;
    return {
      text: `${where} ${d.groups} different circuit${d.groups === 1 ? '' : 's'}${scoped.replace(` at the ${f.place?.name ?? ''}`, '')}${asOfText(d)}: ${d.rows.map((r) => `${r.name} ${r.value}`).join(', ')}${d.groups > d.rows.length ? ', …' : ''}.`,
      sources,
    };
  }
  if (metric === 'races_held') {
    const group =
      f.subject === 'host_country'
        ? 'host_country'
        : f.place?.circuitId || f.subject === 'circuit'
          ? 'circuit'
          : 'grand_prix';
    const { d, sources } = await call({ group_by: group, limit: 6 });
    const top = d.rows[0];
    if (!top) return { text: `No World Championship race${scoped} is in the data.`, sources };
    const span = (r: (typeof d.rows)[0]) =>
      r.firstEvent ? ` (first ${r.firstEvent.year}, latest ${r.lastEvent!.year})` : '';
    if (f.place)
      return {
        text: `${top.name} has held ${top.value} World Championship races${span(top)}${asOfText(d)}.`,
        sources,
      };
    return {
      text: `${top.name} has held the most World Championship races${scoped}: ${top.value}${span(top)}${asOfText(d)}.${others(d.rows, metric)}`,
      sources,
    };
  }

  if (f.rate) return rateAnswer(f, metric, session, scoped, call);

  // A season's points of one driver or team are its championship total (dropped scores and all).
  if (
    metric === 'points' &&
    (driver || team) &&
    f.op === 'count' &&
    f.fromYear !== undefined &&
    f.fromYear === f.toYear &&
    !f.place &&
    !f.position &&
    !f.grid
  ) {
    const tool = driver ? 'get_driver_standings' : 'get_constructor_standings';
    const r = await a.call<{
      year: number;
      afterRound: number;
      seasonComplete: boolean;
      standings: {
        id: string;
        name: string;
        points: number;
        position: number | null;
        positionText: string;
      }[];
    }>(tool, { year: f.fromYear });
    const id = driver?.id ?? team!.id;
    const row = r.data.standings.find((s) => s.id === id);
    const who = driver?.name ?? team!.name;
    if (!row)
      return {
        text: `${who} scored no championship points in ${f.fromYear}: no standings entry in the data.`,
        sources: r.sources,
      };
    const when = r.data.seasonComplete
      ? `in ${r.data.year}`
      : `in ${r.data.year} so far (after round ${r.data.afterRound})`;
    return {
      text: `${who} scored ${formatPoints(row.points)} points ${when}, ${row.position ? `P${row.position}` : row.positionText} in the championship.`,
      sources: r.sources,
    };
  }

  if (f.streak) {
    // A team's run ("by a team", "Ferrari's longest winning streak") counts the races it entered.
    const byTeam =
      f.subject === 'constructor' ||
      (f.teams.length > 0 && !f.drivers.length) ||
      (!f.drivers.length && /\b(team|constructor)s?\b/.test(f.text));
    const { d, sources } = await call({
      group_by: byTeam ? 'constructor' : 'driver',
      streak: true,
      limit: 5,
      ...(byTeam && team ? { team: team.id } : {}),
      ...(!byTeam && driver ? { driver: driver.id } : {}),
    });
    const top = d.rows[0];
    if (!top) return { text: noneText(f, metric, session, scoped), sources };
    const from = top.firstEvent!;
    const to = top.lastEvent!;
    if ((byTeam && team) || (!byTeam && driver))
      return {
        text: `${top.name}'s longest run of consecutive ${noun(metric, 2, session, f.position)}${scoped}: ${top.value}, from the ${eventText(from)} to the ${eventText(to)}.`,
        sources,
      };
    return {
      text: `${top.name} has the longest run of consecutive ${noun(metric, 2, session, f.position)}${scoped}: ${top.value}, from the ${eventText(from)} to the ${eventText(to)}.${others(d.rows, metric)}`,
      sources,
    };
  }
  if (f.worstGrid) {
    const { d, sources } = await call({ group_by: 'driver', pick: 'worst_grid', limit: 4 });
    const top = d.rows[0];
    if (!top?.event) return { text: noneText(f, metric, session, scoped), sources };
    return {
      text: `The furthest back anyone has started and still taken a ${noun(metric, 1, session, f.position)}${scoped}: ${top.name}, from P${top.value} (${ordinal(top.value)} on the grid) at the ${eventText(top.event)}.${
        d.rows.length > 1
          ? ` Next: ${d.rows
              .slice(1, 4)
              .map((r) => `${r.name} P${r.value} (${r.event!.year})`)
              .join(', ')}.`
          : ''
      }`,
      sources,
    };
  }

  if (f.op === 'compare' && f.makers?.length === 2) {
    const rows = [];
    const srcs: string[] = [];
    for (const e of f.makers) {
      const { d, sources } = await call(
        e.kind === 'engine' ? { engine: e.id, group_by: 'engine' } : { tyre: e.id, group_by: 'tyre' },
      );
      rows.push({
        name: `${e.name} ${e.kind === 'engine' ? 'engines' : 'tyres'}`,
        value: d.rows[0]?.value ?? 0,
        d,
      });
      srcs.push(...sources);
    }
    const [x, y] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const lead = compareText(x, y, metric, noun(metric, 2, session, f.position), scoped, 'have');
    return {
      text: `${lead} Counted by ${f.makers[0]!.kind}, whichever team ran it.${asOfText(x.d)}`,
      sources: srcs,
    };
  }
  if (f.op === 'compare') {
    const subjects = f.drivers.length >= 2 ? f.drivers.slice(0, 2) : f.teams.slice(0, 2);
    const isDriver = f.drivers.length >= 2;
    // A comparison needs two sides ("Honda or Renault engines" names one team once the engine is read).
    if (subjects.length < 2) return undefined;
    const rows: { name: string; value: number; d: StatsData }[] = [];
    const srcs: string[] = [];
    for (const s of subjects) {
      const { d, sources } = await call({
        ...(isDriver ? { driver: s.id, group_by: 'driver' } : { team: s.id, group_by: 'constructor' }),
        ...(isDriver && team ? { team: team.id } : {}),
      });
      rows.push({ name: s.name, value: d.rows[0]?.value ?? 0, d });
      srcs.push(...sources);
    }
    // One season's points are the championship's: dropped scores (before 1991), shared drives and points
    // taken away (1997, 2007) make the table differ from the sum of results.
    const season = f.fromYear !== undefined && f.fromYear === f.toYear ? f.fromYear : undefined;
    const excluded: string[] = [];
    if (
      metric === 'points' &&
      season !== undefined &&
      !(isDriver && team) &&
      !f.place &&
      !f.toDate &&
      session === 'race'
    ) {
      const table = await a
        .call<{
          standings: { id: string; points: number; positionText: string }[];
          seasonComplete: boolean;
        }>(isDriver ? 'get_driver_standings' : 'get_constructor_standings', { year: season })
        .catch(() => undefined);
      if (table)
        subjects.forEach((s, i) => {
          const row = table.data.standings.find((r) => r.id === s.id);
          if (!row) return;
          // McLaren 2007, Schumacher 1997: a zero that is an exclusion, not a season without points.
          if (row.positionText === 'EX' || row.positionText === 'DSQ')
            excluded.push(
              `${s.name} was excluded from the ${season} championship, after scoring ${value(metric, rows[i]!.value)} points in the races`,
            );
          rows[i]!.value = row.points;
        });
      if (table) srcs.push(...table.sources);
    }
    const [x, y] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const exclusion = excluded.length ? ` (${excluded.join('; ')}.)` : '';
    const lead = compareText(x, y, metric, noun(metric, 2, session, f.position), scoped, 'has');
    return { text: `${lead}${exclusion}${asOfText(x.d)}`, sources: srcs };
  }

  // "Ocon's best result last year": the highest classified place, where and how often.
  if (f.op === 'best') {
    if (!driver && !team) return undefined;
    const { d, sources } = await call({
      group_by: driver ? 'driver' : 'constructor',
      ...(driver ? { driver: driver.id } : {}),
      ...(team ? { team: team.id } : {}),
      metric: 'finishes',
      pick: 'best_finish',
      count: undefined,
    });
    const row = d.rows[0];
    const who = driver?.name ?? team!.name;
    if (!row?.event) return { text: `${who} has no classified finish${scoped} in the data.`, sources };
    const times = row.sample ?? 1;
    return {
      text: `${who}'s best ${session === 'sprint' ? 'sprint ' : ''}result${scoped}: P${row.value}${times > 1 ? `, ${times} times — first at the ${eventText(row.event)}, latest at the ${eventText(row.lastEvent!)}` : `, at the ${eventText(row.event)}`}${asOfText(d)}.`,
      sources,
    };
  }

  // "his second title", "Hamilton's 100th win": one driver's n-th event.
  if (f.nth && driver) {
    const { d, sources } = await call({ group_by: 'driver', driver: driver.id, pick: 'first', nth: f.nth });
    const e = d.rows[0]?.event;
    if (!e)
      return {
        text: `${driver.name} has fewer than ${f.nth} ${noun(metric, 2, session, f.position)}${scoped} in the data.`,
        sources,
      };
    const when =
      metric === 'titles' || metric === 'constructor_titles' ? `in ${e.year}` : `at the ${eventText(e)}`;
    return {
      text: `${driver.name}'s ${ordinal(f.nth)} ${noun(metric, 1, session, f.position)}${scoped} came ${when}.`,
      sources,
    };
  }
  if (f.nth) {
    const { d, sources } = await call({ group_by: 'driver', pick: 'first', nth: f.nth, limit: 4 });
    const top = d.rows[0];
    if (!top?.event)
      return {
        text: `Nobody has reached ${f.nth} ${noun(metric, 2, session, f.position)}${scoped} in the data.`,
        sources,
      };
    const next = d.rows
      .slice(1, 4)
      .map((r) => `${r.name} (${r.event!.year})`)
      .join(', ');
    return {
      text: `${top.name} was the first to reach ${f.nth} ${noun(metric, f.nth, session, f.position)}${scoped}: number ${f.nth} came ${metric === 'titles' || metric === 'constructor_titles' ? `in ${top.event.year}` : `at the ${eventText(top.event)}`}.${next ? ` Then: ${next}.` : ''}`,
      sources,
    };
  }

  if (f.op === 'first' || f.op === 'last') {
    const groupBy = teamMetric || (team && !driver) ? 'constructor' : 'driver';
    const { d, sources } = await call({
      group_by: groupBy,
      pick: f.op,
      ...(driver ? { driver: driver.id } : {}),
      ...(team ? { team: team.id } : {}),
      limit: 3,
    });
    const row = d.rows[0];
    if (!row?.event) return { text: noneText(f, metric, session, scoped), sources };
    const e = row.event;
    const who = row.name;
    const when =
      metric === 'titles' || metric === 'constructor_titles' ? `in ${e.year}` : `at the ${eventText(e)}`;
    const nat = d.resolved.nationality ? ` ${d.resolved.nationality}` : '';
    const subject = driver || team ? `${who}'s` : `The${nat}`;
    const kind = noun(metric, 1, session, f.position);
    const by =
      team && !driver && e.driverName && metric !== 'constructor_titles' ? `, by ${e.driverName}` : '';
    const text =
      driver || team
        ? `${subject} ${f.op} ${kind}${scoped} came ${when}${by}${e.constructorName && !team && metric !== 'constructor_titles' ? ` with ${e.constructorName}` : ''}.`
        : `${who} was the ${f.op === 'first' ? 'first' : 'most recent'}${nat} driver to take a ${kind}${scoped}: ${when}${e.constructorName ? ` (${e.constructorName})` : ''}.${
            d.rows.length > 1
              ? ` ${f.op === 'first' ? 'Then' : 'Before that'}: ${d.rows
                  .slice(1, 3)
                  .map((r) => `${r.name} (${r.event!.year})`)
                  .join(', ')}.`
              : ''
          }`;
    return { text: text.replace(/^The /, ''), sources };
  }

  // "How old was Button when he won the title?": his age at the (first) event.
  if (f.ageAsked && driver) {
    const { d, sources } = await call({ group_by: 'driver', driver: driver.id, pick: 'first' });
    const e = d.rows[0]?.event;
    if (!e?.age) return { text: noneText(f, metric, session, scoped), sources };
    const what =
      metric === 'titles' ? "his first drivers' title" : `his first ${noun(metric, 1, session, f.position)}`;
    return {
      text: `${driver.name} was ${e.age.years} years and ${e.age.days} days old when he took ${what}${scoped}, at the ${eventText(e)}${metric === 'titles' ? ` (the title was decided there, ${e.year})` : ''}.`,
      sources,
    };
  }
  if (f.op === 'youngest' || f.op === 'oldest') {
    const { d, sources } = await call({ group_by: 'driver', pick: f.op, limit: 4 });
    const row = d.rows[0];
    if (!row?.event?.age) return { text: noneText(f, metric, session, scoped), sources };
    const e = row.event;
    const age = `${e.age!.years} years and ${e.age!.days} days`;
    const what =
      metric === 'titles'
        ? 'to win the drivers’ title'
        : `to ${metric === 'points' ? 'score' : 'take'} a ${noun(metric, 1, session, f.position)}`;
    const next = d.rows
      .slice(1, 4)
      .map((r) => `${r.name} ${r.event!.age!.years} (${r.event!.year})`)
      .join(', ');
    return {
      text: `${row.name} is the ${f.op} driver ${what}${scoped}: ${age} old at the ${eventText(e)}${e.constructorName ? ` with ${e.constructorName}` : ''}.${next ? ` Next: ${next}.` : ''}`,
      sources,
    };
  }

  if (f.op === 'list') {
    const { d, sources } = await call({
      group_by: 'season',
      ...(driver ? { driver: driver.id } : {}),
      ...(team ? { team: team.id } : {}),
      limit: 100,
    });
    const who = driver?.name ?? team?.name ?? 'That';
    if (d.rows.length === 0) return { text: noneText(f, metric, session, scoped), sources };
    const years = d.rows.map((r) => Number(r.key)).sort((p, q) => p - q);
    const n = d.events;
    const kind = noun(metric, n, session, f.position);
    // "Which driver won a race for Stewart, and when?": a team's seasons say who took them too.
    let byDriver = '';
    if (
      team &&
      !driver &&
      metric !== 'constructor_titles' &&
      /\b(who|whom|which drivers?|what drivers?)\b/.test(f.text)
    ) {
      const drivers = await call({ group_by: 'driver', team: team.id, limit: 8 });
      sources.push(...drivers.sources);
      byDriver = ` By driver: ${drivers.d.rows
        .map(
          (r) =>
            `${r.name} ${value(metric, r.value)}${r.value === 1 && r.firstEvent ? ` (${eventText(r.firstEvent)})` : ''}`,
        )
        .join(', ')}${drivers.d.groups > drivers.d.rows.length ? ', …' : ''}.`;
    }
    return {
      text: `${who}: ${n} ${kind}${scoped} — in ${years.join(', ')}.${byDriver}`,
      sources,
    };
  }

  // "Frentzen won races for which teams?": one driver's totals per team.
  if (driver && !team && f.subject === 'constructor' && f.op === 'count') {
    const { d, sources } = await call({ group_by: 'constructor', driver: driver.id, limit: 20 });
    if (!d.rows.length) return { text: noneText(f, metric, session, scoped), sources };
    return {
      text: `${driver.name}'s ${noun(metric, 2, session, f.position)}${scoped} by team: ${d.rows.map((r) => `${r.name} ${value(metric, r.value)}`).join(', ')}.`,
      sources,
    };
  }

  // "Which circuit has Hamilton won the most at?", "which team did Alonso score the most points with?": one
  // subject's totals grouped by what is asked, the top rows.
  const byWhat = {
    constructor: 'team',
    circuit: 'circuit',
    race: 'Grand Prix',
    season: 'season',
    engine: 'engine',
  };
  const asked = f.subject as keyof typeof byWhat;
  if (
    (driver || team) &&
    (f.op === 'most' || f.op === 'fewest') &&
    asked in byWhat &&
    !(team && !driver && (asked === 'constructor' || asked === 'engine'))
  ) {
    const group = asked === 'race' ? 'grand_prix' : asked;
    const { d, sources } = await call({
      group_by: group,
      ...(driver ? { driver: driver.id } : {}),
      ...(team ? { team: team.id } : {}),
      ...(f.op === 'fewest' ? { order: 'fewest' } : {}),
      limit: 6,
    });
    const top = d.rows[0];
    if (!top) return { text: noneText(f, metric, session, scoped), sources };
    const ties = d.rows.filter((r) => r.value === top.value);
    const who = driver?.name ?? team!.name;
    return {
      text: `${who}'s ${f.op} ${noun(metric, 2, session, f.position)}${scoped} by ${byWhat[asked]}: ${ties.map((r) => r.name).join(' and ')} (${value(metric, top.value)})${asOfText(d)}.${others(d.rows, metric, ties.length)}`,
      sources,
    };
  }

  // Totals of one named subject: "how many wins has Hamilton at Silverstone?"
  if (
    (driver || team) &&
    (f.op === 'count' || ((f.op === 'most' || f.op === 'fewest') && f.subject !== 'driver'))
  ) {
    const groupBy = driver ? 'driver' : 'constructor';
    if (f.countSeasons) {
      const { d, sources } = await call({
        group_by: 'season',
        ...(driver ? { driver: driver.id } : {}),
        ...(team ? { team: team.id } : {}),
        limit: 100,
      });
      const years = d.rows.map((r) => Number(r.key)).sort((p, q) => p - q);
      const who = driver?.name ?? team!.name;
      return {
        text: `${who}: ${years.length} season${years.length === 1 ? '' : 's'}${scoped} (${years.join(', ')}).`,
        sources,
      };
    }
    const { d, sources } = await call({
      group_by: f.perSeason ? (driver ? 'driver_season' : 'constructor_season') : groupBy,
      ...(driver ? { driver: driver.id } : {}),
      ...(team ? { team: team.id } : {}),
    });
    const who = driver?.name ?? team!.name;
    const total = d.rows.reduce((s, r) => s + r.value, 0);
    const kind = noun(metric, total, session, f.position);
    // "has max won a race yet this season?": a yes-or-no question is answered yes or no first.
    const yesNo =
      /^(has|have|had|did|does|do|is|was|were) /.test(f.text) &&
      !/\b(how many|how much|number of)\b/.test(f.text)
        ? total
          ? 'Yes — '
          : 'No — '
        : '';
    if (total === 0)
      return {
        text: `${yesNo}${who}: 0 ${noun(metric, 2, session, f.position)}${scoped}${asOfText(d)}.`,
        sources,
      };
    // Titles are seasons, not races: "7 drivers' titles (1994, 1995, 2000, …)".
    const titleYears =
      (metric === 'titles' || metric === 'constructor_titles') && !f.perSeason
        ? (
            await call({
              group_by: 'season',
              ...(driver ? { driver: driver.id } : {}),
              ...(team ? { team: team.id } : {}),
              limit: 100,
            })
          ).d.rows
            .map((r) => Number(r.key))
            .sort((p, q) => p - q)
        : [];
    const span = titleYears.length
      ? ` (${titleYears.join(', ')})`
      : d.rows.length === 1 && d.rows[0]!.firstEvent && metric !== 'points' && metric !== 'laps'
        ? total === 1
          ? ` (the ${eventText(d.rows[0]!.firstEvent)})`
          : ` (first: ${eventText(d.rows[0]!.firstEvent)}; latest: ${eventText(d.rows[0]!.lastEvent!)})`
        : '';
    return {
      text: `${yesNo}${who}: ${value(metric, total)} ${kind}${scoped}${span}${asOfText(d)}.`,
      sources,
    };
  }

  // Counting distinct drivers/teams: "how many different drivers won a race in 2021?"
  if (f.op === 'distinct' || (f.op === 'count' && !driver && !team && f.subject !== 'driver')) {
    const listed = /\b(different|distinct|unique|how many) (teams|constructors)\b/.test(f.text)
      ? 'constructor'
      : f.subject;
    const group =
      listed === 'constructor' ? 'constructor' : listed === 'nationality' ? 'nationality' : 'driver';
    const { d, sources } = await call({
      group_by: group,
      ...(team && group !== 'constructor' ? { team: team.id } : {}),
      limit: 30,
    });
    const label = group === 'constructor' ? 'teams' : group === 'nationality' ? 'nationalities' : 'drivers';
    const list = d.rows.map((r) => `${r.name} ${value(metric, r.value)}`).join(', ');
    const forTeam = team && group !== 'constructor' && !driver ? ` for ${team.name}` : '';
    return {
      text: `${d.groups} different ${label} took ${noun(metric, 2, session, f.position)}${forTeam}${scoped}${asOfText(d)}: ${list}${d.groups > d.rows.length ? ', …' : ''}.`,
      sources,
    };
  }

  if (f.op === 'count' && !driver && !team) {
    const { d, sources } = await call({ group_by: 'driver', limit: 5 });
    const total = d.events;
    return {
      text: `${total} ${noun(metric, total, session, f.position)}${scoped}${asOfText(d)}, by ${d.groups} drivers.${d.rows.length ? ` Most: ${d.rows.map((r) => `${r.name} ${value(metric, r.value)}`).join(', ')}.` : ''}`,
      sources,
    };
  }

  // Rankings: most / fewest.
  if (f.op === 'most' || f.op === 'fewest') {
    let group = f.subject;
    if (teamMetric && group === 'driver') group = 'constructor';
    if (f.perSeason) group = group === 'constructor' ? 'constructor_season' : 'driver_season';
    if (f.perRace && group === 'driver') group = 'driver_race';
    if (f.perTeam && group === 'driver') group = 'driver_constructor';
    const count = f.countSeasons
      ? 'seasons'
      : metric === 'titles' && group === 'nationality'
        ? 'drivers'
        : undefined;
    // "most wins for McLaren", "Hamilton's most successful circuit": the one team or driver named filters the rows.
    const teamRows = ['constructor', 'constructor_season', 'engine', 'tyre'].includes(group);
    const { d, sources } = await call({
      group_by: group,
      ...(team && !teamRows ? { team: team.id } : {}),
      ...(driver && group !== 'driver' ? { driver: driver.id } : {}),
      ...(count ? { count } : {}),
      ...(f.op === 'fewest' ? { order: 'fewest' } : {}),
      limit: 6,
    });
    const top = d.rows[0];
    if (!top) return { text: noneText(f, metric, session, scoped), sources };
    const ties = d.rows.filter((r) => r.value === top.value);
    const n =
      count === 'drivers'
        ? `${top.value === 1 ? 'champion' : 'champions'}`
        : count === 'seasons'
          ? `seasons with a ${noun(metric, 1, session, f.position)}`
          : noun(metric, top.value, session, f.position);
    const nat = d.resolved.nationality
      ? ` by ${/^[AEIOU]/.test(d.resolved.nationality) ? 'an' : 'a'} ${d.resolved.nationality} driver`
      : '';
    const without = f.withoutTitle
      ? ' among drivers who never won the title'
      : f.withoutWin && !f.perSeason
        ? ' among drivers who never won a Grand Prix'
        : f.withoutPole
          ? ' among drivers who never took a pole'
          : f.withoutPodium
            ? ' among drivers who never finished on the podium'
            : f.withoutPoints
              ? ' among drivers who never scored a point'
              : '';
    const season = f.perSeason
      ? f.notChampionThatSeason
        ? ' in a season he did not win the title'
        : f.withoutWin
          ? ' in a season without a Grand Prix win'
          : ' in a single season'
      : f.perRace
        ? ' in a single race'
        : f.perTeam
          ? ' with a single team'
          : '';
    const forTeam = team && !teamRows && !driver ? ` for ${team.name}` : '';
    const who =
      ties.length > 1
        ? ties.length > 4
          ? `${ties.length} share the ${f.op} (${ties
              .slice(0, 4)
              .map((r) => r.name)
              .join(', ')}, …)`
          : `${ties.map((r) => r.name).join(' and ')} share the ${f.op}`
        : `${top.name} has the ${f.op}`;
    // "Which Grand Prix had the fewest classified finishers?": a race's own count, said of the race.
    const RACE_NOUN: Partial<Record<Metric, string>> = {
      finishes: 'classified finishers',
      starts: 'starters',
      retirements: 'retirements',
      pit_stops: 'pit stops',
      disqualifications: 'disqualifications',
    };
    if (group === 'race' && RACE_NOUN[metric] && ties.length === 1)
      return {
        text: `The ${top.name} had the ${f.op} ${RACE_NOUN[metric]}${scoped}: ${top.value}${asOfText(d)}.${others(d.rows, metric, 1)}`,
        sources,
      };
    const countText = count === 'drivers' ? `world ${n}` : n;
    const what = count === 'seasons' ? 'seasons' : NOUN[metric][1];
    return {
      text: `${who} ${what}${nat}${forTeam}${season}${scoped}${without}: ${value(metric, top.value)} ${countText}${asOfText(d)}.${others(d.rows, metric, ties.length)}`,
      sources,
    };
  }
  return undefined;
}

/** "X has more wins: 13 to 5 for Y — a difference of 8", or level. */
function compareText(
  x: { name: string; value: number },
  y: { name: string; value: number },
  metric: Metric,
  n: string,
  scoped: string,
  verb: 'has' | 'have',
): string {
  const diff = Math.abs(x.value - y.value);
  if (diff === 0) return `${x.name} and ${y.name} are level on ${value(metric, x.value)} ${n}${scoped}.`;
  const [hi, lo] = x.value > y.value ? [x, y] : [y, x];
  return `${hi.name} ${verb} more ${n}${scoped}: ${value(metric, hi.value)} to ${value(metric, lo.value)} for ${lo.name} — a difference of ${value(metric, diff)}.`;
}

type StatsCall = (extra: Partial<StatsInput>) => Promise<{ d: StatsData; sources: string[] }>;

const RATE_NAME: Partial<Record<Metric, string>> = {
  wins: 'win rate',
  poles: 'pole rate',
  podiums: 'podium rate',
  retirements: 'retirement rate',
  fastest_laps: 'fastest-lap rate',
  points_finishes: 'points-finish rate',
};

/**
 * "Hamilton's win rate", "Norris's average finishing position in 2024", "points per race": a rate over one
 * subject's starts (or two, compared). Rates are not ranked across everyone: a record rate needs a minimum
 * number of starts that the question does not give, so that is left unanswered.
 */
async function rateAnswer(
  f: StatsFrame,
  metric: Metric,
  session: 'race' | 'sprint',
  scoped: string,
  call: StatsCall,
): Promise<{ text: string; sources: string[] } | undefined> {
  // "Highest win percentage, min 20 starts": a record rate needs the minimum the question gives.
  if (f.rate === 'share' && f.minStarts && (f.op === 'most' || f.op === 'fewest') && RATE_NAME[metric]) {
    const { d, sources } = await call({
      group_by: 'driver',
      per_start: true,
      min_starts: f.minStarts,
      ...(f.teams[0] ? { team: f.teams[0].id } : {}),
      ...(f.op === 'fewest' ? { order: 'fewest' } : {}),
      limit: 5,
    });
    const [top, ...rest] = d.rows;
    if (!top) return { text: noneText(f, metric, session, scoped), sources };
    return {
      text: `${top.name} has the ${f.op === 'most' ? 'highest' : 'lowest'} ${RATE_NAME[metric]}${scoped} among drivers with at least ${f.minStarts} ${session === 'sprint' ? 'sprint starts' : 'Grand Prix starts'}: ${top.value.toFixed(1)} % (${top.sample} starts)${asOfText(d)}.${rest.length ? ` Next: ${rest.map((r) => `${r.name} ${r.value.toFixed(1)} %`).join(', ')}.` : ''}`,
      sources,
    };
  }
  const compared = f.op === 'compare' ? (f.drivers.length >= 2 ? f.drivers : f.teams).slice(0, 2) : [];
  const subjects = compared.length === 2 ? compared : f.drivers[0] ? [f.drivers[0]] : f.teams.slice(0, 1);
  if (!subjects.length || (f.op !== 'count' && f.op !== 'compare')) return undefined;
  if (f.rate === 'share' && !RATE_NAME[metric] && metric !== 'points') return undefined;
  const isDriver = compared.length === 2 ? f.drivers.length >= 2 : !!f.drivers[0];
  const team = f.teams[0];
  const sources: string[] = [];
  const starts = session === 'sprint' ? 'sprint starts' : 'Grand Prix starts';
  const rows: { name: string; rate: number; text: string }[] = [];
  let asOf = '';
  for (const s of subjects) {
    const who = isDriver
      ? {
          driver: s.id,
          group_by: 'driver' as const,
          ...(team && f.teams.length === 1 ? { team: team.id } : {}),
        }
      : { team: s.id, group_by: 'constructor' as const };
    const total = await call({ ...who, metric: 'starts' });
    sources.push(...total.sources);
    asOf = asOfText(total.d);
    const n = total.d.rows[0]?.value ?? 0;
    if (!n) {
      rows.push({ name: s.name, rate: NaN, text: `${s.name} has no ${starts}${scoped} in the data` });
      continue;
    }
    if (f.rate === 'share') {
      const hits = await call({ ...who });
      sources.push(...hits.sources);
      const k = hits.d.rows[0]?.value ?? 0;
      const rate = metric === 'points' ? k / n : (100 * k) / n;
      rows.push({
        name: s.name,
        rate,
        text:
          metric === 'points'
            ? `${s.name}: ${formatPoints(Math.round(rate * 100) / 100)} points per start${scoped} (${formatPoints(k)} points${session === 'race' ? ', sprints included,' : ''} from ${n} ${starts})`
            : `${s.name}: ${k} ${noun(metric, k, session)} from ${n} ${starts}${scoped} — a ${RATE_NAME[metric]} of ${rate.toFixed(1)} %`,
      });
    } else {
      const of = f.rate === 'average_grid' ? 'grid' : 'position';
      const avg = await call({ ...who, metric: of === 'grid' ? 'starts' : 'finishes', average: of });
      sources.push(...avg.sources);
      const row = avg.d.rows[0];
      if (!row?.sample) {
        rows.push({
          name: s.name,
          rate: NaN,
          text: `${s.name} has no classified result${scoped} in the data`,
        });
        continue;
      }
      rows.push({
        name: s.name,
        rate: row.value,
        text:
          of === 'grid'
            ? `${s.name}'s average grid position${scoped}: ${row.value.toFixed(2)}, over ${row.sample} of ${n} ${starts} (pit-lane starts not counted)`
            : `${s.name}'s average finishing position${scoped}: ${row.value.toFixed(2)}, over ${row.sample} classified finishes from ${n} ${starts} (retirements not counted)`,
      });
    }
  }
  const [x, y] = rows;
  if (x && y && Number.isFinite(x.rate) && Number.isFinite(y.rate) && x.rate !== y.rate) {
    // A lower average position is better; a higher share is.
    const better = (f.rate === 'share') === x.rate > y.rate ? x : y;
    const what =
      f.rate === 'share'
        ? metric === 'points'
          ? 'more points per start'
          : `the higher ${RATE_NAME[metric]}`
        : `the better average ${f.rate === 'average_grid' ? 'grid position' : 'finishing position'}`;
    return { text: `${better.name} has ${what}. ${x.text}; ${y.text}${asOf}.`, sources };
  }
  return { text: `${rows.map((r) => r.text).join('; ')}${asOf}.`, sources };
}

function noneText(f: StatsFrame, metric: Metric, session: 'race' | 'sprint', scoped: string): string {
  const who = f.drivers[0]?.name ?? f.teams[0]?.name;
  const kind = noun(metric, 2, session, f.position);
  if (who) return `${who} has no ${kind}${scoped} in the data.`;
  // "No driver from Switzerland has…", not "No switzerland driver has no…".
  return f.nationality
    ? `No driver from ${f.nationality.replace(/(^|-)(\w)/g, (_, d: string, c: string) => `${d ? ' ' : ''}${c.toUpperCase()}`)} has ${kind}${scoped} in the data.`
    : `There are no ${kind}${scoped} in the data.`;
}
