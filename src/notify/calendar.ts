// The calendar the reminders and the iCalendar feed are made from: every session with a start time in the F1
// database (refreshed by the data sync), with a stable id per session (year, round, kind: the same across
// syncs and re-imports) and the fan-facing category it belongs to.
import type { Db } from '../data/db.ts';
import { sessionsOf, type SessionKind } from '../data/queries/schedule.ts';
import { stmt } from '../data/queries/statements.ts';
import type { SessionCategory } from './types.ts';

export interface CalendarSession {
  /** `2025-05-race`: stable across syncs. */
  uid: string;
  year: number;
  round: number;
  kind: SessionKind;
  category: SessionCategory | null;
  /** "Race", "Qualifying", "Practice 1". */
  name: string;
  grandPrix: string;
  circuit: string;
  place: string | null;
  country: string | null;
  /** ms; null for sessions known only by day (before 2024). */
  startsAt: number | null;
  date: string;
}

export function sessionCategory(kind: SessionKind): SessionCategory | null {
  if (kind === 'RACE') return 'race';
  if (kind === 'SPRINT_RACE' || kind === 'SPRINT_QUALIFYING') return 'sprint';
  if (kind.startsWith('QUALIFYING') || kind === 'PRE_QUALIFYING') return 'qualifying';
  if (kind.startsWith('FREE_PRACTICE') || kind === 'WARMING_UP') return 'practice';
  return null;
}

/** Typical session lengths (the feed's DTEND; a reminder is not sent once its session started). */
export function sessionMinutes(kind: SessionKind): number {
  if (kind === 'RACE') return 120;
  return 60;
}

type Row = Record<string, unknown> & {
  date: string;
  time: string | null;
  year: number;
  round: number;
  gp_name: string;
  c_name: string;
  c_place: string | null;
  c_country: string | null;
};

/** Every session of the seasons `fromYear`–`toYear`, in start order; `constructorId` keeps that team's rounds. */
export function calendarSessions(
  db: Db,
  opts: { fromYear: number; toYear: number; constructorId?: string },
): CalendarSession[] {
  const team = opts.constructorId
    ? `AND EXISTS (SELECT 1 FROM season_entrant_driver e WHERE e.year = r.year AND e.constructor_id = ?)`
    : '';
  const params: (string | number)[] = [opts.fromYear, opts.toYear];
  if (opts.constructorId) params.push(opts.constructorId);
  const rows = stmt<Row>(
    db,
    `SELECT r.*, g.full_name AS gp_name, c.name AS c_name, c.place_name AS c_place, co.name AS c_country
     FROM race r JOIN grand_prix g ON g.id = r.grand_prix_id JOIN circuit c ON c.id = r.circuit_id
     LEFT JOIN country co ON co.id = c.country_id
     WHERE r.year BETWEEN ? AND ? ${team} ORDER BY r.year, r.round`,
  ).all(...params);
  const out: CalendarSession[] = [];
  for (const r of rows)
    for (const s of sessionsOf(r))
      out.push({
        uid: `${r.year}-${String(r.round).padStart(2, '0')}-${s.kind.toLowerCase().replace(/_/g, '-')}`,
        year: r.year,
        round: r.round,
        kind: s.kind,
        category: sessionCategory(s.kind),
        name: s.name,
        grandPrix: r.gp_name,
        circuit: r.c_name,
        place: r.c_place,
        country: r.c_country,
        startsAt: s.startsAt ? Date.parse(s.startsAt) : null,
        date: s.date,
      });
  return out.sort((a, b) => (a.startsAt ?? Date.parse(a.date)) - (b.startsAt ?? Date.parse(b.date)));
}

/** A calendar read from the database, cached for `ttlMs` (the sync replaces the file; no restart needed). */
export class CalendarSource {
  private cache?: { at: number; years: string; sessions: CalendarSession[] };

  constructor(
    private readonly db: () => Db,
    private readonly ttlMs = 60_000,
  ) {}

  /** Sessions with a start time in [fromMs, toMs). */
  between(fromMs: number, toMs: number, wallNow = Date.now()): CalendarSession[] {
    const fromYear = new Date(fromMs).getUTCFullYear();
    const toYear = new Date(toMs).getUTCFullYear();
    const years = `${fromYear}-${toYear}`;
    if (!this.cache || this.cache.years !== years || wallNow - this.cache.at > this.ttlMs)
      this.cache = { at: wallNow, years, sessions: calendarSessions(this.db(), { fromYear, toYear }) };
    return this.cache.sessions.filter(
      (s) => s.startsAt !== null && s.startsAt >= fromMs && s.startsAt < toMs,
    );
  }
}
