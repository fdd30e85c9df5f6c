// When f1db is "behind": a session (race, sprint, qualifying) has ended by the calendar in the database, and
// the database holds no result for it yet. Then the server polls f1db's releases more often.
import type { Db } from '../db.ts';
import { stmt } from '../queries/statements.ts';

/** Hours each kind of session lasts, counted from its scheduled start, before its result can exist. */
const SESSIONS = [
  { date: 'date', time: 'time', hours: 2.5, table: 'race_result', session: 'RACE' },
  {
    date: 'sprint_race_date',
    time: 'sprint_race_time',
    hours: 1.5,
    table: 'race_result',
    session: 'SPRINT_RACE',
  },
  {
    date: 'qualifying_date',
    time: 'qualifying_time',
    hours: 1.5,
    table: 'qualifying_result',
    session: 'QUALIFYING',
  },
] as const;

export interface AwaitedSession {
  raceId: number;
  year: number;
  round: number;
  session: string;
  endedAt: string;
}

/** Sessions that ended within `windowHours` before `now` and have no result in the database. */
export function sessionsAwaitingResults(db: Db, now: Date, windowHours: number): AwaitedSession[] {
  const out: AwaitedSession[] = [];
  const from = new Date(now.getTime() - (windowHours + 3) * 3600_000).toISOString().slice(0, 10);
  const to = now.toISOString().slice(0, 10);
  for (const s of SESSIONS) {
    const rows = stmt<{ id: number; year: number; round: number; d: string; t: string | null; n: number }>(
      db,
      `SELECT r.id, r.year, r.round, r.${s.date} AS d, r.${s.time} AS t,
              (SELECT COUNT(*) FROM ${s.table} x WHERE x.race_id = r.id AND x.session = '${s.session}') AS n
       FROM race r WHERE r.${s.date} BETWEEN ? AND ?`,
    ).all(from, to);
    for (const r of rows) {
      const start = Date.parse(`${r.d}T${(r.t ?? '12:00:00').replace(/Z$/, '')}Z`);
      if (Number.isNaN(start)) continue;
      const end = start + s.hours * 3600_000;
      if (end > now.getTime() || now.getTime() - end > windowHours * 3600_000 || r.n > 0) continue;
      out.push({
        raceId: r.id,
        year: r.year,
        round: r.round,
        session: s.session,
        endedAt: new Date(end).toISOString(),
      });
    }
  }
  return out;
}
