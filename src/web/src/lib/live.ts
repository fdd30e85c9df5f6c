// Client side of the live protocol (src/live/PROTOCOL.md): apply deltas to the held state, and turn the
// server's detected events into commentary lines (the server's own templates). Pure.

// The server's own pure helpers, so client and server apply deltas and start from the same empty state.
export { applyDelta as mergeDelta } from '../../../live/diff.ts';
export { initialState as emptyState } from '../../../live/reducer.ts';
// Commentary is written on the server (`commentary` messages); the same words for any event a client holds.
export { commentary } from '../../../live/commentary.ts';

export function lapTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  const m = Math.floor(ms / 60000);
  const s = (ms % 60000) / 1000;
  return m > 0 ? `${m}:${s.toFixed(3).padStart(6, '0')}` : s.toFixed(3);
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
