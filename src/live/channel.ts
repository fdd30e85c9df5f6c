// One session's clients on this node, with the node's copy of the state: every bus message is serialised once
// and handed to each client.
import { channel as diagnosticsChannel } from 'node:diagnostics_channel';
import { applyDelta } from './diff.ts';
import { initialState } from './reducer.ts';
import type { HubMessage } from './bus.ts';
import type { ClientConn } from './client.ts';
import type { Ingest } from './ingest.ts';
import { ReplaySource } from './sources/replay.ts';
import type { LiveSource } from './sources/source.ts';
import type { ReplayStatus, SessionState, UpstreamStatus } from './types.ts';

/** Published per message handed to this node's clients ({ type, clients, ms }), for metrics (Node diagnostics_channel). */
export const LIVE_FANOUT_CHANNEL = 'race-engineer.live.fanout';
const fanout = diagnosticsChannel(LIVE_FANOUT_CHANNEL);

export interface ChannelInfo {
  key: string;
  session: {
    id: string;
    year: number | null;
    round: number | null;
    session: string;
    name: string;
    live: boolean;
  };
  /** The recording behind a replay channel (lets a client fork a private copy). */
  recordingId?: string;
}

/** One session's clients on this node, with the node's copy of the state. */
export class Channel {
  readonly clients = new Set<ClientConn>();
  state: SessionState | null = null;
  seq = 0;
  upstream: UpstreamStatus | null = null;
  replay: ReplayStatus | null = null;
  ingest: Ingest | null = null;
  unsubscribe: (() => Promise<void>) | null = null;
  private snapshotCache: string | null = null;
  /** Wall time the last replay status arrived, to tell where a playing replay is now. */
  private replayAt = 0;
  closeTimer?: NodeJS.Timeout;
  claimTimer?: NodeJS.Timeout;
  closed = false;

  constructor(
    readonly info: ChannelInfo,
    private readonly resync: () => void,
    /** Opens the channel's source again (a client returning to a channel that closed meanwhile). */
    readonly makeSource: (resume: SessionState | null) => Promise<LiveSource>,
  ) {}

  /**
   * Where the channel's replay is now: the replay itself when this node runs it, else the last status moved on
   * by the time since it arrived (a playing replay does not announce every step).
   */
  replayNow(now = Date.now()): ReplayStatus | null {
    const source = this.ingest?.source;
    if (source instanceof ReplaySource) return source.status();
    const r = this.replay;
    if (!r || !r.playing) return r;
    const positionMs = Math.min(r.durationMs, Math.round(r.positionMs + (now - this.replayAt) * r.speed));
    return { ...r, positionMs };
  }

  snapshotText(): string | null {
    if (!this.state) return null;
    this.snapshotCache ??= JSON.stringify({ type: 'snapshot', seq: this.seq, state: this.state });
    return this.snapshotCache;
  }

  receive(m: HubMessage): void {
    let text: string;
    switch (m.type) {
      case 'snapshot':
        this.state = m.state;
        this.seq = m.seq;
        this.snapshotCache = null;
        text = this.snapshotText()!;
        break;
      case 'delta':
        if (!m.state && (this.state === null ? m.seq !== 1 : m.seq !== this.seq + 1)) {
          // Missed a message on the bus: fetch the stored state and send everyone a snapshot.
          this.resync();
          return;
        }
        this.state = m.state ?? applyDelta(this.state ?? initialState(), m.delta);
        this.seq = m.seq;
        this.snapshotCache = null;
        text = JSON.stringify({ type: 'delta', seq: m.seq, delta: m.delta });
        break;
      case 'status':
        this.upstream = m.status;
        text = JSON.stringify(m);
        break;
      case 'replay':
        this.replay = m.status;
        this.replayAt = Date.now();
        text = JSON.stringify(m);
        break;
      default:
        text = JSON.stringify(m);
    }
    const started = fanout.hasSubscribers ? performance.now() : 0;
    for (const c of this.clients) c.deliver(text, m.type);
    if (fanout.hasSubscribers)
      fanout.publish({ type: m.type, clients: this.clients.size, ms: performance.now() - started });
  }

  /** A message from this node to this channel's clients only (not through the bus). */
  deliverLocal(text: string, type: string): void {
    for (const c of this.clients) c.deliver(text, type);
  }
}
