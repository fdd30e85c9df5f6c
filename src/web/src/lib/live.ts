// Client side of the live protocol (src/live/PROTOCOL.md): apply deltas to the held state, and turn the
// server's detected events into commentary lines. Pure.
import type { DriverState, LiveEvent, SessionState } from '../../../live/types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge as the protocol defines it: objects key by key, arrays replaced whole, null deletes the key. */
export function mergeDelta<T>(base: T, delta: unknown): T {
  if (!isObj(delta) || !isObj(base)) return delta as T;
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(delta)) {
    if (v === null) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = mergeDelta(out[k], v);
    else out[k] = v;
  }
  return out as T;
}

export function lapTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const m = Math.floor(ms / 60000);
  const s = (ms % 60000) / 1000;
  return m > 0 ? `${m}:${s.toFixed(3).padStart(6, '0')}` : s.toFixed(3);
}

const who = (drivers: Record<string, DriverState>, n: string | undefined) =>
  n === undefined ? '' : (drivers[n]?.tla ?? `#${n}`);

const TRACK: Record<string, string> = {
  sc: 'Safety car deployed',
  vsc: 'Virtual safety car',
  vsc_ending: 'VSC ending',
  red: 'Red flag — session stopped',
  yellow: 'Yellow flag',
  green: 'Green flag — racing resumes',
};

/** One commentary line for a detected event, in the words a pit wall would use. */
export function commentary(ev: LiveEvent, drivers: Record<string, DriverState>): string {
  switch (ev.kind) {
    case 'overtake':
      return `${who(drivers, ev.number)} passes ${who(drivers, ev.passed)} for P${ev.position}`;
    case 'pit_stop':
      return `${who(drivers, ev.number)} into the pits (stop ${ev.stops})`;
    case 'fastest_lap':
      return `Fastest lap: ${who(drivers, ev.number)} ${lapTime(ev.lapMs)}`;
    case 'track_status':
      return TRACK[ev.status] ?? `Track status: ${ev.status}`;
    case 'penalty':
      return `${ev.number ? `${who(drivers, ev.number)}: ` : ''}${ev.message}`;
    case 'retirement':
      return `${who(drivers, ev.number)} is out of the session`;
  }
}

/** "1:05:03" / "12:04" from a duration in ms. */
export function clock(ms: number): string {
  const t = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const p = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${p(m)}:${p(s)}` : `${m}:${p(s)}`;
}

export function emptyState(): SessionState {
  return {
    session: null,
    status: 'Inactive',
    clock: { remainingMs: null, extrapolating: false, utc: null },
    lap: { current: null, total: null },
    trackStatus: 'green',
    order: [],
    drivers: {},
    fastestLap: null,
    raceControl: [],
    weather: null,
    timeMs: 0,
  };
}

/** Where a replay is now: the last reported position advanced by the wall time since, at its speed. */
export function replayPosition(
  r: { playing: boolean; speed: number; positionMs: number; durationMs: number; receivedAt: number },
  nowMs: number,
): number {
  if (!r.playing) return r.positionMs;
  return Math.min(r.durationMs, r.positionMs + Math.max(0, nowMs - r.receivedAt) * r.speed);
}
