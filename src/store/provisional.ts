// Provisional classifications: between the chequered flag and the f1db release that carries a session's
// result, the classification taken from the live timing feed (or OpenF1's session_result) is kept here, shared
// by every node, and served marked as provisional. One row per (year, round, session); a later recording of
// the same session replaces it. Readers drop it once the F1 database has the session (src/data/provisional/).
import { script, type Migration } from './migrate.ts';
import type { Sql } from './sql.ts';

export const PROVISIONAL_MIGRATIONS: Migration[] = [
  script(
    'provisional-001',
    `CREATE TABLE IF NOT EXISTS provisional_result (
       year INTEGER NOT NULL, round INTEGER NOT NULL, session TEXT NOT NULL,
       source TEXT NOT NULL, recorded_at TEXT NOT NULL, session_time_ms INTEGER,
       classification TEXT NOT NULL,
       PRIMARY KEY (year, round, session)
     )`,
  ),
];

export type ProvisionalSession = 'RACE' | 'SPRINT_RACE';
export type ProvisionalSourceName = 'live timing' | 'openf1';

/** One classified car, in classification order. */
export interface ProvisionalRow {
  position: number | null;
  /** `1`…, or DNF/DNS/DSQ. */
  positionText: string;
  driverNumber: string;
  code: string | null;
  name: string | null;
  team: string | null;
  laps: number | null;
  /** The gap to the winner (`+5.123`, `1L`) or the winner's time, as the feed gives it. */
  gap: string | null;
  retired: boolean;
}

export interface ProvisionalResult {
  year: number;
  round: number;
  session: ProvisionalSession;
  source: ProvisionalSourceName;
  /** When it was recorded (wall clock, ISO). */
  recordedAt: string;
  /** Session time of the classification (replays: the replay clock), ms. */
  sessionTimeMs: number | null;
  rows: ProvisionalRow[];
}

interface Row {
  year: number | string;
  round: number | string;
  session: string;
  source: string;
  recorded_at: string;
  session_time_ms: number | string | null;
  classification: string;
}

const fromRow = (r: Row): ProvisionalResult => ({
  year: Number(r.year),
  round: Number(r.round),
  session: r.session as ProvisionalSession,
  source: r.source as ProvisionalSourceName,
  recordedAt: r.recorded_at,
  sessionTimeMs: r.session_time_ms === null ? null : Number(r.session_time_ms),
  rows: JSON.parse(r.classification) as ProvisionalRow[],
});

export class ProvisionalStore {
  constructor(private readonly sql: Sql) {}

  /** Stores (or replaces) the provisional classification of a session. */
  async put(p: ProvisionalResult): Promise<void> {
    await this.sql.run(
      `INSERT INTO provisional_result (year, round, session, source, recorded_at, session_time_ms, classification)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year, round, session) DO UPDATE SET source = excluded.source,
         recorded_at = excluded.recorded_at, session_time_ms = excluded.session_time_ms, classification = excluded.classification`,
      [p.year, p.round, p.session, p.source, p.recordedAt, p.sessionTimeMs, JSON.stringify(p.rows)],
    );
  }

  async get(year: number, round: number, session: ProvisionalSession): Promise<ProvisionalResult | null> {
    const r = await this.sql.get<Row>(
      'SELECT * FROM provisional_result WHERE year = ? AND round = ? AND session = ?',
      [year, round, session],
    );
    return r ? fromRow(r) : null;
  }

  async list(): Promise<ProvisionalResult[]> {
    const rows = await this.sql.all<Row>('SELECT * FROM provisional_result ORDER BY year, round, session');
    return rows.map(fromRow);
  }

  /** Removes a session's provisional result (its f1db result is in); whether there was one. */
  async remove(year: number, round: number, session: ProvisionalSession): Promise<boolean> {
    const r = await this.sql.run(
      'DELETE FROM provisional_result WHERE year = ? AND round = ? AND session = ?',
      [year, round, session],
    );
    return r.changes > 0;
  }
}
