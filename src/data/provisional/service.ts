// Provisional results: when a session the hub ingests reaches its flag (status Finished, then Finalised), its
// classification is stored in the run-time store as provisional; readers (REST, the agent's results tools,
// MCP) get it while the F1 database has no result for that session, and it is removed once an f1db release
// with the session is in (superseded). Live sessions only, unless PROVISIONAL_FROM_REPLAYS (checks, demos).
import type { Db } from '../db.ts';
import type { Logger } from '../../logger.ts';
import type { HubMessage } from '../../live/bus.ts';
import type { ChannelInfo } from '../../live/channel.ts';
import type { SessionState } from '../../live/types.ts';
import type { SessionRow } from '../queries/agent-extra.ts';
import type { ProvisionalResult, ProvisionalSession, ProvisionalStore } from '../../store/provisional.ts';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  classificationFromOpenF1,
  classificationFromState,
  isFinished,
  type OpenF1SessionResult,
} from './classify.ts';

/** What the agent's tools and the routes read: a session's provisional result, null when none or superseded. */
export type ProvisionalLookup = (
  year: number,
  round: number,
  session: ProvisionalSession,
) => Promise<ProvisionalResult | null>;

export const LIVE_TIMING = 'live timing';

export function hasF1dbResult(db: Db, year: number, round: number, session: ProvisionalSession): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM race_result rr JOIN race r ON r.id = rr.race_id
         WHERE r.year = ? AND r.round = ? AND rr.session = ? LIMIT 1`,
      )
      .get(year, round, session) !== undefined
  );
}

/** The round a live session belongs to: the channel's, the feed's, or the race weekend around `at`. */
export function roundOf(
  db: Db,
  info: Pick<ChannelInfo, 'session'>,
  state: SessionState,
  at: Date,
): { year: number; round: number } | null {
  const year = info.session.year ?? state.session?.year ?? null;
  const round = info.session.round ?? state.session?.round ?? null;
  if (year !== null && round !== null) return { year, round };
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const row = db
    .prepare(
      `SELECT year, round FROM race WHERE date BETWEEN ? AND ? ORDER BY ABS(julianday(date) - julianday(?)) LIMIT 1`,
    )
    .get(day(new Date(at.getTime() - 3 * 86_400_000)), day(at), day(at)) as
    { year: number; round: number } | undefined;
  return row ?? null;
}

export function sessionOf(
  info: Pick<ChannelInfo, 'session'>,
  state: SessionState,
): ProvisionalSession | null {
  const kind = `${info.session.session ?? ''} ${state.session?.type ?? ''} ${state.session?.name ?? ''}`;
  if (/qualifying|shootout|practice|\bSQ\b|\bQ\b|\bP\b/i.test(kind)) return null;
  if (/sprint|\bS\b/i.test(kind)) return 'SPRINT_RACE';
  if (/race|\bR\b/i.test(kind)) return 'RACE';
  return null;
}

export interface ProvisionalResultsOptions {
  store: ProvisionalStore;
  db: () => Db;
  logger: Logger;
  /** Record from replayed recordings too (off: live sessions only). */
  fromReplays?: boolean;
  /** `data sync --only openf1`'s cache: its session_result stands in when live timing recorded nothing. */
  openf1CacheDir?: string;
  now?: () => Date;
}

export class ProvisionalResults {
  private readonly recorded = new Map<string, string>();
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: ProvisionalResultsOptions) {}

  /** Stores the classification of a finished session; false when not applicable or f1db has it already. */
  async record(info: Pick<ChannelInfo, 'key' | 'session'>, state: SessionState): Promise<boolean> {
    if (!isFinished(state)) return false;
    if (!info.session.live && !this.o.fromReplays) return false;
    const session = sessionOf(info, state);
    const db = this.o.db();
    const now = (this.o.now ?? (() => new Date()))();
    const at = state.clock.utc ? new Date(state.clock.utc) : now;
    const where = roundOf(db, info, state, Number.isNaN(at.getTime()) ? now : at);
    if (!session || !where) return false;
    if (hasF1dbResult(db, where.year, where.round, session)) return false;
    const rows = classificationFromState(state);
    if (rows.length === 0) return false;
    const text = JSON.stringify(rows);
    const key = `${info.key}|${where.year}|${where.round}|${session}`;
    if (this.recorded.get(key) === text) return false;
    this.recorded.set(key, text);
    await this.o.store.put({
      ...where,
      session,
      source: LIVE_TIMING,
      recordedAt: now.toISOString(),
      sessionTimeMs: state.timeMs,
      rows,
    });
    this.o.logger.info(
      { event: 'data.provisional.recorded', ...where, session, cars: rows.length, status: state.status },
      `provisional ${session} result of ${where.year} round ${where.round} from live timing (${rows.length} cars)`,
    );
    return true;
  }

  /** Listens to this node's ingests (the ingesting node of a channel hears its messages). */
  watch(hub: { observeIngest(fn: (info: ChannelInfo, m: HubMessage) => void): () => void }): () => void {
    return hub.observeIngest((info, m) => {
      if (m.type !== 'delta' && m.type !== 'snapshot') return;
      if (!m.state || !isFinished(m.state)) return;
      const state = m.state;
      this.pending = this.pending
        .then(() => this.record(info, state))
        .catch((err: unknown) =>
          this.o.logger.error({ event: 'data.provisional.failed', err }, 'provisional result not stored'),
        );
    });
  }

  /** Resolves when every recording started so far is stored. */
  settled(): Promise<unknown> {
    return this.pending;
  }

  /** The provisional result while f1db lacks the session; once f1db has it, the stored one is removed. */
  readonly lookup: ProvisionalLookup = async (year, round, session) => {
    if (hasF1dbResult(this.o.db(), year, round, session)) {
      if (await this.o.store.remove(year, round, session))
        this.o.logger.info(
          { event: 'data.provisional.superseded', year, round, session },
          `provisional ${session} result of ${year} round ${round} superseded by f1db`,
        );
      return null;
    }
    return (
      (await this.o.store.get(year, round, session)) ??
      (this.o.openf1CacheDir
        ? openf1Provisional(this.o.db(), this.o.openf1CacheDir, year, round, session)
        : null)
    );
  };
}

/** Provisional rows in the shape of the F1 database's classification rows (the results tools' `results`). */
export function provisionalSessionRows(db: Db, year: number, p: ProvisionalResult): SessionRow[] {
  const entrant = db.prepare(
    `SELECT d.id AS driverId, d.name AS driver, d.abbreviation, c.id AS constructorId, c.name AS constructor
     FROM race_result rr JOIN race r ON r.id = rr.race_id JOIN driver d ON d.id = rr.driver_id
     JOIN constructor c ON c.id = rr.constructor_id
     WHERE r.year = ? AND rr.driver_number = ? ORDER BY r.round DESC LIMIT 1`,
  );
  return p.rows.map((r) => {
    const e = entrant.get(year, r.driverNumber) as
      | {
          driverId: string;
          driver: string;
          abbreviation: string | null;
          constructorId: string;
          constructor: string;
        }
      | undefined;
    return {
      position: r.position,
      positionText: r.positionText,
      driverId: e?.driverId ?? `number-${r.driverNumber}`,
      driver: e?.driver ?? r.name ?? `#${r.driverNumber}`,
      abbreviation: e?.abbreviation ?? r.code,
      number: r.driverNumber,
      constructorId: e?.constructorId ?? '',
      constructor: e?.constructor ?? r.team ?? '',
      grid: null,
      gridText: null,
      laps: r.laps,
      time: null,
      gap: r.gap,
      points: null,
      reasonRetired: r.retired ? 'retired' : null,
      pitStops: null,
      fastestLap: false,
      pole: false,
      driverOfTheDay: false,
    };
  });
}

interface CachedSession {
  session_key: number;
  meeting_key: number;
  session_name: string;
  date_start: string;
  year: number;
}

/**
 * The OpenF1 session_result of a round from the sync cache (OPENF1_CACHE_DIR/openf1/<year>/): round n is the
 * season's n-th race by date (trusted only when the season's race count equals the F1 database's, as the
 * other OpenF1 readers do); the sprint is the sprint session of that race's meeting.
 */
export function openf1Provisional(
  db: Db,
  cacheDir: string,
  year: number,
  round: number,
  session: ProvisionalSession,
): ProvisionalResult | null {
  const root = join(cacheDir, 'openf1', String(year));
  const listFile = join(root, 'sessions.json');
  if (!existsSync(listFile)) return null;
  const sessions = JSON.parse(readFileSync(listFile, 'utf8')) as CachedSession[];
  const races = sessions
    .filter((s) => s.session_name === 'Race')
    .sort((a, b) => Date.parse(a.date_start) - Date.parse(b.date_start));
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM race WHERE year = ?').get(year) as { n: number };
  if (races.length !== n) return null;
  const race = races[round - 1];
  const target =
    session === 'RACE'
      ? race
      : sessions.find((s) => s.meeting_key === race?.meeting_key && s.session_name === 'Sprint');
  if (!target) return null;
  const file = join(root, String(target.session_key), 'session_result.json');
  if (!existsSync(file)) return null;
  const results = JSON.parse(readFileSync(file, 'utf8')) as OpenF1SessionResult[];
  if (results.length === 0) return null;
  const who = db.prepare(
    `SELECT d.abbreviation AS code, d.name AS name, c.name AS team FROM race_result rr
     JOIN race r ON r.id = rr.race_id JOIN driver d ON d.id = rr.driver_id
     JOIN constructor c ON c.id = rr.constructor_id
     WHERE r.year = ? AND rr.driver_number = ? ORDER BY r.round DESC LIMIT 1`,
  );
  const rows = classificationFromOpenF1(results, (number) => {
    const e = who.get(year, number) as { code: string | null; name: string; team: string } | undefined;
    return { code: e?.code ?? null, name: e?.name ?? null, team: e?.team ?? null };
  });
  return {
    year,
    round,
    session,
    source: 'openf1',
    recordedAt: new Date(statSafe(file)).toISOString(),
    sessionTimeMs: null,
    rows,
  };
}

function statSafe(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}
