// Who drove which car in a race, from the F1 database: recordings that carry only racing numbers (OpenF1's laps
// and stints) or only codes and team names (the lap tables) get codes, names, teams and team colours from it.
import type { Db } from '../../data/db.ts';
import type { LiveUpdate } from '../types.ts';
import { teamColour, teamColourFromFeed } from '../../web/src/lib/teams.ts';

export interface Entrant {
  number: string;
  tla: string;
  name: string;
  team: string;
  /** Six hex digits without "#", as the F1 feed sends team colours; "" when the team has none on file. */
  teamColour: string;
  /** Place in the official classification (1 = winner; unclassified cars follow in f1db's order). */
  place: number;
}

export type EntrantLookup = (year: number, round: number) => Map<string, Entrant>;

/** "#3671c6" → "3671c6"; derived (hsl) colours of unknown teams → "". */
export function hexColour(css: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(css);
  return m ? m[1]!.toLowerCase() : '';
}

/** A team's colour from its name as the feeds and lap tables print it ("Red Bull Racing"). */
export function colourOfTeamName(team: string): string {
  return hexColour(teamColourFromFeed('', team));
}

/** Entrants of a race (the race's classification, else its starting grid), by racing number. */
export function entrantsFromDb(db: () => Db): EntrantLookup {
  const memo = new Map<string, Map<string, Entrant>>();
  return (year, round) => {
    const key = `${year}|${round}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const out = new Map<string, Entrant>();
    try {
      const rows = db()
        .prepare(
          `SELECT rr.position_display_order AS place, rr.driver_number AS n, d.abbreviation AS tla, d.full_name AS name, c.id AS teamId, c.name AS team
           FROM race_result rr JOIN race r ON r.id = rr.race_id
           JOIN driver d ON d.id = rr.driver_id JOIN constructor c ON c.id = rr.constructor_id
           WHERE r.year = ? AND r.round = ? AND rr.session = 'RACE' AND rr.driver_number IS NOT NULL
           ORDER BY rr.position_display_order`,
        )
        .all(year, round) as {
        place: number;
        n: string;
        tla: string | null;
        name: string;
        teamId: string;
        team: string;
      }[];
      for (const r of rows) {
        out.set(r.n, {
          number: r.n,
          tla: r.tla ?? r.n,
          name: r.name,
          team: r.team,
          teamColour: hexColour(teamColour(r.teamId)),
          place: r.place,
        });
      }
    } catch {
      // no database, or a race it does not have: the recording's own fields stand
    }
    memo.set(key, out);
    return out;
  };
}

/**
 * The end of a rebuilt race: the official classification (post-race penalties included) replaces the order at
 * the flag, as the timing screens do once the result is final, then the session is Finalised.
 */
export function finalClassification(
  who: Map<string, Entrant> | undefined,
  present: Iterable<string>,
  timeMs: number,
): LiveUpdate[] {
  const cars = new Set(present);
  const ranked = [...(who?.values() ?? [])]
    .filter((e) => cars.has(e.number))
    .sort((a, b) => a.place - b.place);
  if (ranked.length === 0) return [];
  return [
    ...ranked.map((e, i): LiveUpdate => ({
      kind: 'driver',
      timeMs,
      number: e.number,
      patch: { position: i + 1 },
    })),
    { kind: 'status', timeMs, status: 'Finalised' },
  ];
}
