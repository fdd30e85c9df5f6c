// Relations between drivers and teams in a season, from the line-ups as raced: who drove for a team,
// which team a driver drove for, the engine in the back, and who replaced whom.
import type { SeasonEntry } from '../../data/queries/entries.ts';
import { roundRanges } from '../../data/queries/entries.ts';
import type { EntityIndex } from '../entities.ts';
import { currentSeason } from '../race-ref.ts';
import type { ParsedQuestion } from './parse.ts';
import type { Caller } from './stats-answer.ts';

const LINEUP =
  /\b([a-z]+ s( race)? drivers|drivers were|every driver|all (the |of the )?drivers|drivers? (they |it )?(used|ran|fielded|had)|list (the |all |every )?drivers|who (all |else )?(drove|raced|were|was|is|are|drives|races|was driving|were driving)( \w+)? for|(which|what) drivers (drove|raced|were|competed|did \w+)( \w+)? (for|at|with)|line ?ups?|driver (pairing|line ?up)|(two|their|its|the)( race)? drivers(?! (championships?|titles?|world|standings|crowns?|cup|champions?)\b)|drivers (for|at|of)|who drove the|^(the )?[a-z]+( [a-z]+)? drivers (in )?(19|20)\d\d\b|(who|which|what) (were|was|are|is) the( two)? [a-z]+( [a-z]+)? drivers)\b/;
const TEAM_OF =
  /\b(what|which) (team|constructor|car)\b|\bwho did \w+( \w+)? (drive|race) for\b|\bwho was \w+( \w+)? (driving|racing) for\b|\b(drove|driving|raced|racing) for (what|which)\b/;
const ENGINE = /\b(engines?|power units?|powered|engine (supplier|manufacturer)|motor|pu)\b/;
const REPLACED =
  /\b(replaced|replace|replacing|replacement|(took|take|taking|takes) [a-z ]{0,40}?seat|got (his|her|the|[a-z]+ s) seat|took over from|stood in|stand in|standing in|filled in|fill in|filling in|deputi[sz]ed|substitute[ds]?|subbed|in place of|his seat|her seat|put in (his|her) (car|seat)|in (his|her) car)\b/;

/** "Whose seat did Schumacher take", "who did de Vries replace": the driver named came in for someone. */
const CAME_IN_FOR =
  /\bwhose (seat|place|car|drive)\b|\bwho (did|was) [a-z]+( [a-z]+)?( [a-z]+)? (replace|replacing|take over from|taking over from|stand in for|standing in for|fill in for|filling in for|sub for|come in for)\b|\b(replaced|took over from|stood in for|filled in for) (who|whom)\b/;

type Relation = 'lineup' | 'team' | 'engine' | 'replacement' | 'predecessor';

export function relationAsked(q: ParsedQuestion): Relation | undefined {
  const n = q.norm;
  const team = q.constructors.length > 0;
  const driver = q.drivers.length > 0;
  if (CAME_IN_FOR.test(n) && driver) return 'predecessor';
  if (REPLACED.test(n) && driver) return 'replacement';
  // "won the most races with Honda engines": the engine is a filter of a statistic, not the question.
  const engineFilter =
    /\b(most|how many|fewest|number of|more|fewer|or|vs|versus)\b/.test(n) &&
    /\b(won|win|wins|poles?|podiums?|points|titles?)\b/.test(n);
  if (
    ENGINE.test(n) &&
    (team || driver) &&
    !engineFilter &&
    !/\b(penalt|rule|regulation|allocation|failure)/.test(n)
  )
    return 'engine';
  if (LINEUP.test(n) && team && !driver) return 'lineup';
  if (TEAM_OF.test(n) && driver && !team && !/\b(won|win|wins|most)\b/.test(n)) return 'team';
  return undefined;
}

/** With no season named: the debut or last season when asked, else this season, else the driver's last. */
export function seasonMeant(norm: string, years: Set<number> | undefined, current: number): number {
  if (!years?.size) return current;
  const sorted = [...years].sort((a, b) => a - b);
  if (
    /\b(debut|first|rookie)\b|\b(start|started|begin|began|begun) (his|her) (f1 |formula 1 |formula one |grand prix )?career\b/.test(
      norm,
    )
  )
    return sorted[0]!;
  if (/\b(last|final)\b/.test(norm) || !years.has(current)) return sorted.at(-1)!;
  return current;
}

interface LineupData {
  year: number;
  entries: SeasonEntry[];
}

export async function answerRelation(
  a: Caller,
  index: EntityIndex,
  q: ParsedQuestion,
  kind: Relation,
  now: Date,
): Promise<{ text: string; sources: string[] }> {
  const team = q.constructors[0];
  const driver = q.drivers[0];
  const year =
    q.year ??
    (kind === 'predecessor' && driver
      ? await seasonAtTeam(a, driver.id, driver.years, team, 'first')
      : kind === 'replacement' && driver && team
        ? await seasonAtTeam(a, driver.id, driver.years, team, 'last')
        : seasonMeant(q.norm, driver?.years ?? team?.years, currentSeason(index, now)));
  const { data, sources } = await a.call<LineupData>('get_team_lineup', {
    year,
    ...(team ? { team: team.id } : {}),
    ...(driver && kind !== 'lineup' && !((kind === 'replacement' || kind === 'predecessor') && team)
      ? { driver: driver.id }
      : {}),
  });
  const entries = data.entries;
  const rounds = (e: SeasonEntry) => `${e.rounds.length === 1 ? 'round' : 'rounds'} ${roundRanges(e.rounds)}`;
  if (kind === 'lineup') {
    const list = entries.map((e) => `${e.driver} (${rounds(e)})`);
    return {
      text: `${entries[0]!.constructor}'s drivers in ${year}: ${list.join(', ')}.${entries[0]!.engine ? ` Engine: ${[...new Set(entries.map((e) => e.engine))].join(', ')}.` : ''}`,
      sources,
    };
  }
  if (kind === 'team') {
    const list = entries.map((e) => `${e.constructor}${entries.length > 1 ? ` (${rounds(e)})` : ''}`);
    return { text: `${entries[0]!.driver} drove for ${list.join(' and ')} in ${year}.`, sources };
  }
  if (kind === 'engine') {
    // Per team, its engines by how many race entries used them: customer cars of a chassis maker
    // ("Lotus" with a BRM engine in 1963) show after the works engine.
    const byTeam = new Map<string, Map<string, number>>();
    for (const e of entries) {
      const counts = byTeam.get(e.constructor) ?? new Map<string, number>();
      if (e.engine) counts.set(e.engine, (counts.get(e.engine) ?? 0) + e.rounds.length);
      byTeam.set(e.constructor, counts);
    }
    const parts = [...byTeam].map(([t, counts]) => {
      const ranked = [...counts].sort((x, y) => y[1] - x[1]);
      if (!ranked.length) return `${t} ran an engine the data does not name`;
      const total = ranked.reduce((n, [, c]) => n + c, 0);
      const [main, ...others] = ranked;
      return others.length
        ? `${t} ran ${main![0]} engines (${main![1]} of its ${total} race entries); also ${others.map(([e, c]) => `${e} (${c})`).join(', ')}`
        : `${t} ran ${main![0]} engines`;
    });
    // "what engine did Button have": said of his team, with his name, so the answer is about him.
    const whose = driver && !team ? `${driver.name}'s team ` : '';
    return { text: `In ${year}, ${whose}${parts.join('; ')}.`, sources };
  }
  // Replacement: the team's drivers who first raced after the named driver, in rounds he missed.
  const mine = entries.filter((e) => e.driverId === driver!.id);
  if (mine.length === 0)
    return {
      text: `${driver!.name} has no race entry${team ? ` with ${team.name}` : ''} in ${year} in the data.`,
      sources,
    };
  const own = mine[0]!;
  let teamEntries = entries;
  let extra = sources;
  if (!team) {
    const t = await a.call<LineupData>('get_team_lineup', { year, team: own.constructorId });
    teamEntries = t.data.entries;
    extra = [...sources, ...t.sources];
  }
  const ownRounds = new Set(teamEntries.filter((e) => e.driverId === own.driverId).flatMap((e) => e.rounds));
  const first = Math.min(...ownRounds);
  if (kind === 'predecessor') {
    // The team's driver who raced before the named driver's first race and in none of his rounds: the one
    // whose seat he took (Gachot's for Schumacher), or stood in for (Albon's for de Vries at Monza 2022).
    const before = teamEntries
      .filter((e) => e.driverId !== own.driverId && e.rounds.some((r) => r < first))
      .filter((e) => !e.rounds.some((r) => ownRounds.has(r)))
      .sort((x, y) => lastBefore(y.rounds, first) - lastBefore(x.rounds, first));
    const seat = before[0];
    const last = Math.max(...ownRounds);
    const back = seat?.rounds.some((r) => r > last);
    return seat
      ? {
          text: `${own.driver} ${back ? 'stood in for' : 'took the seat of'} ${seat.driver} at ${own.constructor} in ${year}: ${seat.driver} raced ${rounds(seat)}, ${own.driver} ${rounds({ ...own, rounds: [...ownRounds] })}.`,
          sources: extra,
        }
      : await seatOfLastSeason(a, own, year, teamEntries, extra, rounds({ ...own, rounds: [...ownRounds] }));
  }
  const inHisPlace = teamEntries.filter(
    (e) => e.driverId !== own.driverId && e.rounds[0]! > first && e.rounds.some((r) => !ownRounds.has(r)),
  );
  // "who replaced Vettel at Ferrari": after a full last season there, the newcomer of the season after.
  if (inHisPlace.length === 0 && q.year === undefined) {
    const next = await a
      .call<LineupData>('get_team_lineup', { year: year + 1, team: own.constructorId })
      .catch(() => undefined);
    const stayed = new Set(teamEntries.map((e) => e.driverId));
    const newcomers = [
      ...new Map(
        (next?.data.entries ?? []).filter((e) => !stayed.has(e.driverId)).map((e) => [e.driverId, e]),
      ).values(),
    ];
    if (next && newcomers.length)
      return {
        text: `${newcomers.map((e) => e.driver).join(' and ')} took ${own.driver}'s seat at ${own.constructor} for ${year + 1}: ${own.driver} raced for the team until ${year} (${rounds({ ...own, rounds: [...ownRounds] })} that season).`,
        sources: [...extra, ...next.sources],
      };
  }
  if (inHisPlace.length === 0)
    return {
      text: `Nobody replaced ${own.driver} at ${own.constructor} during ${year}: he raced ${rounds({ ...own, rounds: [...ownRounds] })} and the team's other drivers were there from the start.`,
      sources: extra,
    };
  return {
    text: `${inHisPlace.map((e) => `${e.driver} (${rounds(e)})`).join(' and ')} took ${own.driver}'s seat at ${own.constructor} in ${year}; ${own.driver} raced ${rounds({ ...own, rounds: [...ownRounds] })}.`,
    sources: extra,
  };
}

function lastBefore(rounds: readonly number[], round: number): number {
  return Math.max(...rounds.filter((r) => r < round));
}

/**
 * The season a driver arrived at a team (the first, `from: 'first'`) or left it (the last), among the seasons both
 * raced (one line-up call per season, earliest or latest first). Arriving means getting the seat: a one-off
 * stand-in (Russell at Mercedes in 2020) does not count, only a season with at least half the team's rounds.
 */
async function seasonAtTeam(
  a: Caller,
  driverId: string,
  years: Set<number>,
  team: { id: string; years: Set<number> } | undefined,
  from: 'first' | 'last',
): Promise<number> {
  const sorted = [...years].sort((x, y) => (from === 'first' ? x - y : y - x));
  if (!team) return sorted[0]!;
  // Only stand-ins there (Schumacher's one Jordan race): the first season he raced for it at all.
  let any: number | undefined;
  for (const year of sorted.filter((y) => team.years.has(y))) {
    const lineup = await a
      .call<LineupData>('get_team_lineup', { year, team: team.id })
      .catch(() => undefined);
    const entries = lineup?.data.entries ?? [];
    const his = new Set(entries.filter((e) => e.driverId === driverId).flatMap((e) => e.rounds)).size;
    const rounds = new Set(entries.flatMap((e) => e.rounds)).size;
    if (his > 0 && (from === 'last' || his * 2 >= rounds)) return year;
    if (his > 0) any ??= year;
  }
  return any ?? sorted[0]!;
}

/** A driver new to a team at the start of a season took the seat of the one who left it after the season before. */
async function seatOfLastSeason(
  a: Caller,
  own: SeasonEntry,
  year: number,
  teamEntries: SeasonEntry[],
  sources: string[],
  ownRounds: string,
): Promise<{ text: string; sources: string[] }> {
  const prior = (await a
    .call<LineupData>('get_team_lineup', { year: year - 1, team: own.constructorId })
    .catch(() => undefined)) ?? { data: { year: year - 1, entries: [] }, sources: [] };
  const stayed = new Set(teamEntries.map((e) => e.driverId));
  const left = [
    ...new Map(
      prior.data.entries.filter((e) => !stayed.has(e.driverId)).map((e) => [e.driverId, e]),
    ).values(),
  ];
  const newcomer = !prior.data.entries.some((e) => e.driverId === own.driverId);
  if (newcomer && left.length === 1)
    return {
      text: `${own.driver} took the seat of ${left[0]!.driver} at ${own.constructor}: ${left[0]!.driver} raced for the team in ${year - 1}, ${own.driver} from ${year} (${ownRounds}).`,
      sources: [...sources, ...prior.sources],
    };
  return {
    text: `${own.driver} replaced nobody at ${own.constructor} during ${year}: he raced ${ownRounds}, and no driver of the team stopped before his first race.`,
    sources,
  };
}
