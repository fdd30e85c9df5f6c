// Client side of the live protocol (src/live/PROTOCOL.md): apply deltas to the held state, and turn the
// server's detected events into commentary lines. Pure.
import type { DriverState, LiveEvent } from '../../../live/types.ts';

// The server's own pure helpers, so client and server apply deltas and start from the same empty state.
export { applyDelta as mergeDelta } from '../../../live/diff.ts';
export { initialState as emptyState } from '../../../live/reducer.ts';

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

/** Where a replay is now: the last reported position advanced by the wall time since, at its speed. */
export function replayPosition(
  r: { playing: boolean; speed: number; positionMs: number; durationMs: number; receivedAt: number },
  nowMs: number,
): number {
  if (!r.playing) return r.positionMs;
  return Math.min(r.durationMs, r.positionMs + Math.max(0, nowMs - r.receivedAt) * r.speed);
}
