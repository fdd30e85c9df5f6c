import type { LiveUpdate, SessionKind } from '../types.ts';

export type RecordingSource = 'livetiming' | 'laps' | 'openf1';

export interface RecordingMeta {
  id: string;
  year: number;
  round: number | null;
  session: SessionKind;
  name: string;
  source: RecordingSource;
  /**
   * Carries the running order, laps and gaps. A feed recording without TimingData does not: it has stints,
   * race control and the lap count, but every car stays unplaced.
   */
  complete: boolean;
  /** Replay length, when known without loading the recording (null until it has been opened once). */
  durationMs: number | null;
}

/** A recorded session as a time-ordered list of normalised updates. */
export interface LoadedRecording {
  meta: RecordingMeta;
  durationMs: number;
  updates: LiveUpdate[];
}
