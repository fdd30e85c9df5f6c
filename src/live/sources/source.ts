// The one interface every live source implements: it pushes normalised updates into a sink.
import type { LiveUpdate, ReplayStatus, SessionState, UpstreamStatus } from '../types.ts';

export interface SourceSink {
  update(u: LiveUpdate): void;
  /** The source rebuilt its state (a replay seek): replace the state wholesale. */
  reset(state: SessionState): void;
  status(s: UpstreamStatus): void;
  replay?(r: ReplayStatus): void;
}

export interface LiveSource {
  readonly kind: 'replay' | 'f1' | 'openf1';
  start(sink: SourceSink): void;
  stop(): Promise<void>;
}

export interface ReplayControls {
  play(): void;
  pause(): void;
  seek(positionMs: number): void;
  setSpeed(speed: number): void;
  status(): ReplayStatus;
}

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

/** Reconnect delay: exponential from `base` up to `max`, with full jitter so nodes do not retry in step. */
export function backoffMs(attempt: number, base = 500, max = 30_000, random = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
