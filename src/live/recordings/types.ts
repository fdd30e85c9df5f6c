import type { LiveUpdate, SessionKind } from '../types.ts';

export type RecordingSource = 'livetiming' | 'laps' | 'openf1';

export interface RecordingMeta {
  id: string;
  year: number;
  round: number | null;
  session: SessionKind;
  name: string;
  source: RecordingSource;
}

/** A recorded session as a time-ordered list of normalised updates. */
export interface LoadedRecording {
  meta: RecordingMeta;
  durationMs: number;
  updates: LiveUpdate[];
}
