// The normalised live-timing model shared by every source, the reducer, the hub and the wire protocol
// (see PROTOCOL.md). Sources turn their own formats into `LiveUpdate`s; the reducer folds them into `SessionState`.

export type TrackStatus = 'green' | 'yellow' | 'sc' | 'vsc' | 'vsc_ending' | 'red';
export type SessionKind = 'R' | 'Q' | 'S' | 'SQ' | 'P';

export interface SessionMeta {
  id: string;
  name: string;
  type: string;
  year?: number;
  round?: number;
  live: boolean;
}

export interface SectorState {
  ms: number | null;
  personalBest: boolean;
  overallBest: boolean;
}

export interface StintState {
  compound: string;
  laps: number;
  startAge: number;
  new: boolean;
}

export interface DriverState {
  number: string;
  tla: string;
  name: string;
  team: string;
  teamColour: string;
  position: number | null;
  gapToLeader: string | null;
  interval: string | null;
  laps: number;
  lastLapMs: number | null;
  bestLapMs: number | null;
  lastLapPersonalBest: boolean;
  lastLapOverallBest: boolean;
  sectors: SectorState[];
  tyre: { compound: string; age: number; new: boolean } | null;
  stints: StintState[];
  pitStops: number;
  inPit: boolean;
  pitOut: boolean;
  retired: boolean;
  knockedOut: boolean;
  stopped: boolean;
}

export interface RaceControlMessage {
  utc: string;
  category: string;
  message: string;
  flag?: string;
  lap?: number;
}

export interface Weather {
  airTemp: number;
  trackTemp: number;
  humidity: number;
  pressure: number;
  rainfall: boolean;
  windSpeed: number;
  windDirection: number;
}

export interface SessionState {
  session: SessionMeta | null;
  status: string;
  clock: { remainingMs: number | null; extrapolating: boolean; utc: string | null };
  lap: { current: number | null; total: number | null };
  trackStatus: TrackStatus;
  order: string[];
  drivers: Record<string, DriverState>;
  fastestLap: { number: string; timeMs: number; lap: number | null } | null;
  raceControl: RaceControlMessage[];
  weather: Weather | null;
  timeMs: number;
}

/** One normalised input to the reducer. `timeMs` is session time (ms since the recording/feed started). */
export type LiveUpdate =
  | { kind: 'session'; timeMs: number; session: SessionMeta }
  | { kind: 'status'; timeMs: number; status: string }
  | { kind: 'clock'; timeMs: number; remainingMs: number | null; extrapolating: boolean; utc: string | null }
  | { kind: 'lap'; timeMs: number; current?: number; total?: number }
  | { kind: 'track'; timeMs: number; status: TrackStatus }
  | { kind: 'driver'; timeMs: number; number: string; patch: Partial<Omit<DriverState, 'number'>> }
  | { kind: 'race_control'; timeMs: number; message: RaceControlMessage }
  | { kind: 'weather'; timeMs: number; weather: Weather };

/** Something worth telling a fan, detected by comparing two states. */
export type LiveEvent =
  | { kind: 'overtake'; timeMs: number; number: string; passed: string; position: number }
  | { kind: 'pit_stop'; timeMs: number; number: string; stops: number }
  | { kind: 'fastest_lap'; timeMs: number; number: string; lapMs: number }
  | { kind: 'track_status'; timeMs: number; status: TrackStatus }
  | { kind: 'penalty'; timeMs: number; number?: string; message: string }
  | { kind: 'retirement'; timeMs: number; number: string };

/** A source's link to its upstream. */
export type UpstreamStatus = 'live' | 'reconnecting' | 'ended';

export interface ReplayStatus {
  playing: boolean;
  speed: number;
  positionMs: number;
  durationMs: number;
}
