// Replay of a recorded session with play, pause, seek and speed (1×–60×). Seeking folds the reducer from the
// start up to the new position and hands the sink a fresh state.
import { badRequest } from '../../errors.ts';
import { reduceAll } from '../reducer.ts';
import type { LoadedRecording } from '../recordings/types.ts';
import type { ReplayStatus } from '../types.ts';
import { MAX_SPEED, MIN_SPEED, type LiveSource, type ReplayControls, type SourceSink } from './source.ts';

export interface ReplayOptions {
  speed?: number;
  positionMs?: number;
  playing?: boolean;
  tickMs?: number;
  now?: () => number;
}

export class ReplaySource implements LiveSource, ReplayControls {
  readonly kind = 'replay' as const;
  private sink?: SourceSink;
  private timer?: NodeJS.Timeout;
  private next = 0; // index of the next update to emit
  private position: number;
  private speed: number;
  private playing: boolean;
  private lastTick = 0;
  private readonly tickMs: number;
  private readonly now: () => number;

  constructor(
    readonly recording: LoadedRecording,
    opts: ReplayOptions = {},
  ) {
    this.speed = checkSpeed(opts.speed ?? 1);
    this.position = clamp(opts.positionMs ?? 0, 0, recording.durationMs);
    this.playing = opts.playing ?? true;
    this.tickMs = opts.tickMs ?? 50;
    this.now = opts.now ?? Date.now;
  }

  start(sink: SourceSink): void {
    this.sink = sink;
    sink.status('live');
    this.seek(this.position);
    this.lastTick = this.now();
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sink = undefined;
  }

  status(): ReplayStatus {
    return {
      playing: this.playing,
      speed: this.speed,
      positionMs: Math.round(this.position),
      durationMs: this.recording.durationMs,
    };
  }

  play(): void {
    if (this.position >= this.recording.durationMs) this.seek(0);
    this.playing = true;
    this.lastTick = this.now();
    this.sink?.status('live');
    this.sink?.replay?.(this.status());
  }

  pause(): void {
    this.playing = false;
    this.sink?.replay?.(this.status());
  }

  setSpeed(speed: number): void {
    this.speed = checkSpeed(speed);
    this.sink?.replay?.(this.status());
  }

  seek(positionMs: number): void {
    if (!Number.isFinite(positionMs)) throw badRequest('positionMs must be a number');
    this.position = clamp(positionMs, 0, this.recording.durationMs);
    const updates = this.recording.updates;
    let i = 0;
    while (i < updates.length && updates[i]!.timeMs <= this.position) i++;
    this.next = i;
    this.sink?.reset({ ...reduceAll(updates.slice(0, i)), timeMs: Math.round(this.position) });
    this.sink?.replay?.(this.status());
  }

  private tick(): void {
    const now = this.now();
    const elapsed = now - this.lastTick;
    this.lastTick = now;
    if (!this.playing || !this.sink) return;
    this.position = Math.min(this.recording.durationMs, this.position + elapsed * this.speed);
    const updates = this.recording.updates;
    while (this.next < updates.length && updates[this.next]!.timeMs <= this.position) {
      this.sink.update(updates[this.next++]!);
    }
    if (this.position >= this.recording.durationMs) {
      this.playing = false;
      this.sink.status('ended');
      this.sink.replay?.(this.status());
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw badRequest(`speed must be between ${MIN_SPEED} and ${MAX_SPEED}`);
  }
  return speed;
}
