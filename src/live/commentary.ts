// Server-side commentary: each detected event becomes one line in the words a pit wall would use, written once
// per channel and sent to every client as a `commentary` message (so a client's broadcast delay applies to it
// like to the state). Templates; the lines name cars by their three-letter codes as the state has them.
import type { DriverState, LiveEvent } from './types.ts';

export interface CommentaryLine {
  timeMs: number;
  kind: LiveEvent['kind'];
  text: string;
}

function lapTime(ms: number): string {
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

export function commentaryLine(ev: LiveEvent, drivers: Record<string, DriverState>): CommentaryLine {
  return { timeMs: ev.timeMs, kind: ev.kind, text: commentary(ev, drivers) };
}
