// A sink that records what a source emits and folds it through the reducer (tests and benchmarks).
import { initialState, reduce } from '../reducer.ts';
import type { SourceSink } from '../sources/source.ts';
import type { LiveUpdate, ReplayStatus, SessionState, UpstreamStatus } from '../types.ts';

export class CollectingSink implements SourceSink {
  updates: LiveUpdate[] = [];
  statuses: UpstreamStatus[] = [];
  resets = 0;
  replays: ReplayStatus[] = [];
  state: SessionState = initialState();

  update(u: LiveUpdate): void {
    this.updates.push(u);
    this.state = reduce(this.state, u);
  }
  reset(state: SessionState): void {
    this.resets++;
    this.state = state;
  }
  status(s: UpstreamStatus): void {
    this.statuses.push(s);
  }
  replay(r: ReplayStatus): void {
    this.replays.push(r);
  }
}

export async function waitFor(cond: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
