// One session's ingest: source → reducer → event detector → hub messages (published on the bus). Updates of one
// tick become one delta; a replaced state (a seek) becomes a snapshot.
import { commentaryLine } from './commentary.ts';
import { diff } from './diff.ts';
import { EventDetector } from './detect.ts';
import { initialState, reduce } from './reducer.ts';
import type { HubMessage } from './bus.ts';
import type { LiveSource, SourceSink } from './sources/source.ts';
import type { LiveEvent, LiveUpdate, ReplayStatus, SessionState, UpstreamStatus } from './types.ts';

/** Turns a source's updates into hub messages: batches the updates of one tick into one delta. */
export class Ingest implements SourceSink {
  state: SessionState = initialState();
  seq = 0;
  private flushFrom: SessionState | null = null;
  private events: LiveEvent[] = [];
  private readonly detector = new EventDetector();

  constructor(
    readonly source: LiveSource,
    private readonly publish: (m: HubMessage) => void,
  ) {}

  start(): void {
    this.source.start(this);
  }

  stop(): Promise<void> {
    return this.source.stop();
  }

  update(u: LiveUpdate): void {
    const prev = this.state;
    this.state = reduce(prev, u);
    this.events.push(...this.detector.detect(prev, this.state, u));
    if (this.flushFrom === null) {
      this.flushFrom = prev;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    if (this.flushFrom === null) return;
    const d = diff(this.flushFrom, this.state);
    this.flushFrom = null;
    if (d) this.publish({ type: 'delta', seq: ++this.seq, delta: d, state: this.state });
    const events = this.events;
    this.events = [];
    for (const event of events) {
      this.publish({ type: 'event', event });
      this.publish({ type: 'commentary', line: commentaryLine(event, this.state.drivers) });
    }
  }

  reset(state: SessionState): void {
    this.flushFrom = null;
    this.events = [];
    this.detector.reset();
    this.state = state;
    this.publish({ type: 'snapshot', seq: ++this.seq, state });
  }

  status(status: UpstreamStatus): void {
    this.flush();
    this.publish({ type: 'status', status });
  }

  replay(status: ReplayStatus): void {
    this.publish({ type: 'replay', status });
  }
}
