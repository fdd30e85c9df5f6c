// The pure reducer: (state, update) → new state. Never mutates its input, so the hub can diff old against new
// and replays can seek by folding from the start.
import type { DriverState, LiveUpdate, SessionState } from './types.ts';

export const RACE_CONTROL_KEEP = 50;

export function initialState(): SessionState {
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

export function emptyDriver(number: string): DriverState {
  return {
    number,
    tla: number,
    name: '',
    team: '',
    teamColour: '',
    position: null,
    gapToLeader: null,
    interval: null,
    laps: 0,
    lastLapMs: null,
    bestLapMs: null,
    lastLapPersonalBest: false,
    lastLapOverallBest: false,
    sectors: [emptySector(), emptySector(), emptySector()],
    tyre: null,
    stints: [],
    pitStops: 0,
    inPit: false,
    pitOut: false,
    retired: false,
    knockedOut: false,
    stopped: false,
  };
}

const emptySector = () => ({ ms: null, personalBest: false, overallBest: false });

/**
 * Running order: classified cars by position, then retired cars by laps completed (most first).
 * Cars without a position yet follow, by racing number.
 */
export function runningOrder(drivers: Record<string, DriverState>): string[] {
  return Object.values(drivers)
    .sort((a, b) => {
      if (a.retired !== b.retired) return a.retired ? 1 : -1;
      if (a.retired && b.retired && a.laps !== b.laps) return b.laps - a.laps;
      const pa = a.position ?? Number.MAX_SAFE_INTEGER;
      const pb = b.position ?? Number.MAX_SAFE_INTEGER;
      if (pa !== pb) return pa - pb;
      return Number(a.number) - Number(b.number);
    })
    .map((d) => d.number);
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function reduce(state: SessionState, update: LiveUpdate): SessionState {
  const timeMs = Math.max(state.timeMs, update.timeMs);
  switch (update.kind) {
    case 'session':
      return { ...state, session: update.session, timeMs };
    case 'status':
      return { ...state, status: update.status, timeMs };
    case 'clock':
      return {
        ...state,
        clock: { remainingMs: update.remainingMs, extrapolating: update.extrapolating, utc: update.utc },
        timeMs,
      };
    case 'lap':
      return {
        ...state,
        lap: { current: update.current ?? state.lap.current, total: update.total ?? state.lap.total },
        timeMs,
      };
    case 'track':
      return { ...state, trackStatus: update.status, timeMs };
    case 'weather':
      return { ...state, weather: update.weather, timeMs };
    case 'race_control': {
      const raceControl = [...state.raceControl, update.message].slice(-RACE_CONTROL_KEEP);
      return { ...state, raceControl, timeMs };
    }
    case 'driver': {
      const prev = state.drivers[update.number] ?? emptyDriver(update.number);
      const next: DriverState = { ...prev, ...update.patch, number: update.number };
      const drivers = { ...state.drivers, [update.number]: next };
      let order = runningOrder(drivers);
      if (sameOrder(order, state.order)) order = state.order;
      let fastestLap = state.fastestLap;
      if (next.bestLapMs !== null && (fastestLap === null || next.bestLapMs < fastestLap.timeMs)) {
        fastestLap = { number: next.number, timeMs: next.bestLapMs, lap: next.laps || null };
      }
      return { ...state, drivers, order, fastestLap, timeMs };
    }
  }
}

export function reduceAll(updates: Iterable<LiveUpdate>, state = initialState()): SessionState {
  let s = state;
  for (const u of updates) s = reduce(s, u);
  return s;
}
