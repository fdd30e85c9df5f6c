// Relations between drivers and teams in a season, from the line-ups as raced: who drove for a team,
// which team a driver drove for, the engine in the back, and who replaced whom.
import type { SeasonEntry } from '../../data/queries/entries.ts';
import { roundRanges } from '../../data/queries/entries.ts';
import type { EntityIndex } from '../entities.ts';
import { currentSeason } from '../race-ref.ts';
import type { ParsedQuestion } from './parse.ts';
import type { Caller } from './stats-answer.ts';

const LINEUP =
  /\b([a-z]+ s drivers|drivers were|every driver|all (the |of the )?drivers|drivers? (they |it )?(used|ran|fielded|had)|list (the |all |every )?drivers|who (all |else )?(drove|raced|were|was|is|are|drives|races|was driving|were driving)( \w+)? for|(which|what) drivers (drove|raced|were|competed|did \w+)( \w+)? (for|at|with)|line ?ups?|driver (pairing|line ?up)|(two|their|its|the) drivers|drivers (for|at|of)|who drove the)\b/;
const TEAM_OF =
  /\b(what|which) (team|constructor|car)\b|\bwho did \w+( \w+)? (drive|race) for\b|\bwho was \w+( \w+)? (driving|racing) for\b|\b(drove|driving|raced|racing) for (what|which)\b/;
const ENGINE = /\b(engines?|power units?|powered|engine (supplier|manufacturer)|motor|pu)\b/;
const REPLACED =
  /\b(replaced|replace|replacing|replacement|took [a-z ]{0,40}?seat|got (his|her|the|[a-z]+ s) seat|took over from|stood in|stand in|standing in|filled in|fill in|filling in|deputi[sz]ed|substitute[ds]?|subbed|in place of|his seat|her seat)\b/;

export function relationAsked(q: ParsedQuestion): 'lineup' | 'team' | 'engine' | 'replacement' | undefined {
  const n = q.norm;
  const team = q.constructors.length > 0;
  const driver = q.drivers.length > 0;
  if (REPLACED.test(n) && driver) return 'replacement';
  if (ENGINE.test(n) && (team || driver) && !/\b(penalt|rule|regulation|allocation|failure)/.test(n))
    return 'engine';
  if (LINEUP.test(n) && team && !driver) return 'lineup';
  if (TEAM_OF.test(n) && driver && !team && !/\b(won|win|wins|most)\b/.test(n)) return 'team';
  return undefined;
}

/** With no season named: the debut or last season when asked, else this season, else the driver's last. */
export function seasonMeant(norm: string, years: Set<number> | undefined, current: number): number {
  if (!years?.size) return current;
  const sorted = [...years].sort((a, b) => a - b);
  if (/\b(debut|first|rookie)\b/.test(norm)) return sorted[0]!;
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
  kind: 'lineup' | 'team' | 'engine' | 'replacement',
  now: Date,
): Promise<{ text: string; sources: string[] }> {
  const team = q.constructors[0];
  const driver = q.drivers[0];
  const year = q.year ?? seasonMeant(q.norm, driver?.years, currentSeason(index, now));
  const { data, sources } = await a.call<LineupData>('get_team_lineup', {
    year,
    ...(team ? { team: team.id } : {}),
    ...(driver && kind !== 'lineup' && !(kind === 'replacement' && team) ? { driver: driver.id } : {}),
  });
  const entries = data.entries;
  const rounds = (e: SeasonEntry) => `rounds ${roundRanges(e.rounds)}`;
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
    return { text: `In ${year}, ${parts.join('; ')}.`, sources };
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
  const inHisPlace = teamEntries.filter(
    (e) => e.driverId !== own.driverId && e.rounds[0]! > first && e.rounds.some((r) => !ownRounds.has(r)),
  );
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
