// Event detection: compares the state before and after an update and names what a fan would call out.
import type { LiveEvent, LiveUpdate, SessionState } from './types.ts';

const NEUTRALISED = new Set(['sc', 'vsc', 'red']);
const PENALTY = /\b(PENALTY|DRIVE THROUGH|STOP AND GO|STOP\/GO|TIME PENALTY)\b/i;

function isRace(state: SessionState): boolean {
  const t = state.session?.type.toLowerCase() ?? '';
  return t.includes('race') || t === 'r' || t === 's';
}

/** A place lost to a car that pitted this long ago, or less, was lost in the pits, not on track. */
export const PIT_CYCLE_MS = 150_000;

/** When each car last entered the pits (session time), remembered across updates by an EventDetector. */
export type PitMemory = Map<string, number>;

export function detectEvents(
  prev: SessionState,
  next: SessionState,
  update: LiveUpdate,
  pits?: PitMemory,
): LiveEvent[] {
  const timeMs = next.timeMs;
  const out: LiveEvent[] = [];
  if (update.kind === 'track' && prev.trackStatus !== next.trackStatus) {
    if (
      NEUTRALISED.has(next.trackStatus) ||
      (next.trackStatus === 'green' && NEUTRALISED.has(prev.trackStatus))
    ) {
      out.push({ kind: 'track_status', timeMs, status: next.trackStatus });
    }
  }
  if (
    update.kind === 'race_control' &&
    PENALTY.test(update.message.message) &&
    !/NO FURTHER|NOTED|SERVED/i.test(update.message.message)
  ) {
    const car = /CAR (\d+)/i.exec(update.message.message)?.[1];
    out.push({ kind: 'penalty', timeMs, message: update.message.message, ...(car ? { number: car } : {}) });
  }
  if (update.kind !== 'driver') return out;
  const number = update.number;
  const before = prev.drivers[number];
  const after = next.drivers[number]!;
  if (after.retired && !before?.retired) out.push({ kind: 'retirement', timeMs, number });
  if (after.inPit && !before?.inPit) pits?.set(number, timeMs);
  if (after.inPit && !before?.inPit && isRace(next) && !after.retired) {
    out.push({
      kind: 'pit_stop',
      timeMs,
      number,
      stops: Math.max(after.pitStops, (before?.pitStops ?? 0) + 1),
    });
  }
  if (next.fastestLap && next.fastestLap !== prev.fastestLap && next.fastestLap.number === number) {
    out.push({ kind: 'fastest_lap', timeMs, number, lapMs: next.fastestLap.timeMs });
  }
  // An overtake: this car gained a place on track from the car now directly behind it (not through a pit stop
  // or retirement of the other car: a car in the pits, on its out-lap or in the pits within PIT_CYCLE_MS).
  if (
    isRace(next) &&
    before?.position != null &&
    after.position != null &&
    after.position < before.position &&
    !after.inPit &&
    !after.pitOut
  ) {
    const passedNumber = prev.order[after.position - 1];
    const passed = passedNumber ? next.drivers[passedNumber] : undefined;
    const pitted = (n: string) => {
      const at = pits?.get(n);
      return at !== undefined && timeMs - at <= PIT_CYCLE_MS;
    };
    if (
      passed &&
      passed.number !== number &&
      !passed.inPit &&
      !passed.pitOut &&
      !passed.retired &&
      !passed.stopped &&
      !pitted(passed.number) &&
      !pitted(number)
    ) {
      out.push({ kind: 'overtake', timeMs, number, passed: passed.number, position: after.position });
    }
  }
  return out;
}

/** Event detection with memory across updates (one per ingest; reset when the state is replaced). */
export class EventDetector {
  private pits: PitMemory = new Map();

  detect(prev: SessionState, next: SessionState, update: LiveUpdate): LiveEvent[] {
    return detectEvents(prev, next, update, this.pits);
  }

  reset(): void {
    this.pits = new Map();
  }
}
