// Lap tables of sessions the product has as live-timing recordings: those synced from the timing archive
// (TIMING_DIR) and recordings of the live feed (LIVETIMING_DIR), both laid out as
// `<dir>/<collection>/<year>_<Meeting>_<Location>_<Session>/{session_info.json,raw/<Topic>.jsonStream[.gz]}`.
// The lap-table reader (laps.ts) falls back to them for a race its CSVs do not have, so strategy, rejoin
// validation, lap replays and Ergast /laps work for a synced session without any CSV.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFeedTopicsSync } from '../../live/recordings/jsonstream.ts';
import { buildLaps, type BuiltLap } from './builder.ts';

/** The topics the builder reads (telemetry and the rest are not needed for a lap table). */
export const LAP_TOPICS = [
  'TimingData',
  'TimingAppData',
  'TrackStatus',
  'DriverList',
  'SessionInfo',
] as const;

export interface RecordedSession {
  dir: string;
  year: number;
  round: number | null;
  /** The session's name in the feed: Race, Sprint, Qualifying, Sprint Qualifying, Sprint Shootout. */
  name: string;
  eventName: string;
}

export interface RecordedLaps {
  year: number;
  round: number;
  eventName: string;
  session: string;
  laps: BuiltLap[];
}

let roots: string[] = [];
const built = new Map<string, { mtimeMs: number; laps: BuiltLap[] }>();

/** Where recorded sessions are looked for (TIMING_DIR, LIVETIMING_DIR); set by the server and the CLI. */
export function setRecordedLapsDirs(dirs: readonly (string | undefined)[]): void {
  roots = dirs.filter((d): d is string => Boolean(d));
}

export function recordedLapsDirs(): readonly string[] {
  return roots;
}

function readInfo(dir: string): RecordedSession | null {
  try {
    const info = JSON.parse(readFileSync(join(dir, 'session_info.json'), 'utf8')) as {
      Name?: string;
      Type?: string;
      StartDate?: string;
      Meeting?: { Name?: string; Number?: number };
    };
    const year = Number(info.StartDate?.slice(0, 4));
    if (!year) return null;
    return {
      dir,
      year,
      round: typeof info.Meeting?.Number === 'number' ? info.Meeting.Number : null,
      name: info.Name ?? info.Type ?? '',
      eventName: info.Meeting?.Name ?? '',
    };
  } catch {
    return null;
  }
}

/** Every recorded session under the given folders (default: the configured ones). */
export function listRecordedSessions(dirs: readonly string[] = roots): RecordedSession[] {
  const out: RecordedSession[] = [];
  for (const root of dirs) {
    let collections: string[];
    try {
      collections = readdirSync(root);
    } catch {
      continue;
    }
    for (const c of collections.sort()) {
      let sessions: string[];
      try {
        sessions = readdirSync(join(root, c));
      } catch {
        continue;
      }
      for (const s of sessions.sort()) {
        const found = readInfo(join(root, c, s));
        if (found) out.push(found);
      }
    }
  }
  return out;
}

/** The lap table of one recorded session, built once per recording (rebuilt when its folder changes). */
export function recordedSessionLaps(session: RecordedSession): BuiltLap[] {
  const mtimeMs = statSync(join(session.dir, 'raw')).mtimeMs;
  const hit = built.get(session.dir);
  if (hit && hit.mtimeMs === mtimeMs) return hit.laps;
  const laps = buildLaps(readFeedTopicsSync(session.dir, LAP_TOPICS));
  built.set(session.dir, { mtimeMs, laps });
  return laps;
}

const SESSION_NAMES: Record<string, string[]> = {
  grand_prix: ['Race'],
  sprint: ['Sprint'],
  qualifying: ['Qualifying'],
  sprint_qualifying: ['Sprint Qualifying', 'Sprint Shootout'],
};

/**
 * A session's laps from the recordings, preferring the one with the most laps when several folders hold
 * the same session (a full archive download beats a partial live recording). Undefined when none has it.
 */
export function loadRecordedLaps(
  year: number,
  round: number,
  session: 'grand_prix' | 'sprint' | 'qualifying' | 'sprint_qualifying' = 'grand_prix',
  dirs: readonly string[] = roots,
): RecordedLaps | undefined {
  const names = SESSION_NAMES[session] ?? [];
  let best: RecordedLaps | undefined;
  for (const s of listRecordedSessions(dirs)) {
    if (s.year !== year || s.round !== round || !names.includes(s.name)) continue;
    const laps = recordedSessionLaps(s);
    if (laps.length > (best?.laps.length ?? 0))
      best = { year, round, eventName: s.eventName, session: s.name, laps };
  }
  return best;
}
