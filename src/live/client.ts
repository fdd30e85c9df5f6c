// One client connection (WebSocket or SSE) on this node: its channel, broadcast delay queue, back-pressure, the
// private replay it may have taken, and the frames it sends (validated, in order, malformed ones counted).
import { randomUUID } from 'node:crypto';
import { badRequest, isAppError } from '../errors.ts';
import type { Channel } from './channel.ts';
import { controlSchema, describeIssue, type ControlMessage } from './control.ts';
import type { ReplaySource } from './sources/replay.ts';

export const SOFT_BUFFER_LIMIT = 1 << 20;
export const HARD_BUFFER_LIMIT = 4 << 20;
export const DELAY_QUEUE_LIMIT = 5_000;
const MALFORMED_WINDOW_MS = 10_000;
const MALFORMED_LIMIT = 5;
const PONG = '{"type":"pong"}';
const DONE = Promise.resolve();

export interface Transport {
  /** false for SSE: it cannot answer pings, a closed TCP stream is its liveness signal. */
  readonly answersPings: boolean;
  send(text: string, type: string): void;
  buffered(): number;
  close(code: number, reason: string): void;
}

/** What a connection needs from the hub it belongs to. */
export interface ClientHost {
  /** The client has delayed messages waiting: flush it on the delay timer. */
  delaying(c: ClientConn, on: boolean): void;
  control(c: ClientConn, m: ControlMessage): Promise<void>;
  remove(c: ClientConn): Promise<void>;
}

export class ClientConn {
  readonly id = randomUUID();
  lastSeen = Date.now();
  closed = false;
  /** The heartbeat group this client is pinged with. */
  pingGroup: Set<ClientConn> | null = null;
  private current: Channel | null = null;
  /** The shared channel the client's URL named; `replay.stop` returns here. */
  private homeChannel: Channel | null = null;
  private replaySource: ReplaySource | null = null;
  private delay = 0;
  private queue: { due: number; text: string; type: string }[] = [];
  private awaitingSnapshot = false;
  private malformed: number[] = [];

  constructor(
    readonly transport: Transport,
    private readonly hub: ClientHost,
    delayMs = 0,
  ) {
    this.delay = delayMs;
  }

  get channel(): Channel | null {
    return this.current;
  }

  get home(): Channel | null {
    return this.homeChannel;
  }

  /** The private replay this client controls, if it took one. */
  get privateReplay(): ReplaySource | null {
    return this.replaySource;
  }

  get delayMs(): number {
    return this.delay;
  }

  /** Joins `channel` (or leaves every channel with null). Nothing queued for the old one is sent afterwards. */
  moveTo(channel: Channel | null): Channel | null {
    const previous = this.current;
    if (previous && previous !== channel) previous.clients.delete(this);
    this.queue = [];
    this.hub.delaying(this, false);
    this.awaitingSnapshot = false;
    this.current = channel;
    if (channel) {
      channel.clients.add(this);
      // Opening a channel can take a moment (loading a recording): that time does not count against the client.
      this.lastSeen = Date.now();
      this.markReady();
    }
    return previous && previous !== channel ? previous : null;
  }

  /** Takes a private replay; the first one remembers the shared channel to return to. */
  takePrivate(source: ReplaySource): void {
    if (!this.replaySource) this.homeChannel = this.current;
    this.replaySource = source;
  }

  /** Gives the private replay up; returns the shared channel to go back to. */
  leavePrivate(): Channel | null {
    if (!this.replaySource) return null;
    this.replaySource = null;
    return this.homeChannel;
  }

  /** A new broadcast delay: what was queued is dropped and the state re-sent, delayed. */
  setDelay(ms: number): void {
    this.delay = ms;
    this.queue = [];
    const snap = this.current?.snapshotText();
    if (snap) this.deliver(snap, 'snapshot');
  }

  /** No state yet on the channel: the first delta is replaced by a snapshot, so the client starts from one. */
  expectSnapshot(): void {
    this.awaitingSnapshot = true;
  }

  hasQueued(): boolean {
    return this.queue.length > 0;
  }

  deliver(text: string, type: string): void {
    if (this.closed) return;
    if (this.delay > 0 && type !== 'ping' && type !== 'error' && type !== 'hello') {
      if (this.queue.length >= DELAY_QUEUE_LIMIT) {
        // Never let a delay queue grow without bound: restart it from a snapshot.
        const snap = this.current?.snapshotText();
        this.queue = snap ? [{ due: Date.now() + this.delay, text: snap, type: 'snapshot' }] : [];
        if (type === 'delta' || type === 'snapshot') return;
      }
      this.queue.push({ due: Date.now() + this.delay, text, type });
      this.hub.delaying(this, true);
      return;
    }
    this.write(text, type);
  }

  write(text: string, type: string): void {
    const buffered = this.transport.buffered();
    if (buffered > HARD_BUFFER_LIMIT) {
      this.close(1013, 'client too slow');
      return;
    }
    if (buffered > SOFT_BUFFER_LIMIT) {
      // Skip deltas while the socket is backed up; a fresh snapshot replaces them once it drains.
      // Events and commentary of skipped moments are dropped with them.
      if (type === 'delta' || type === 'snapshot') this.awaitingSnapshot = true;
      else if (type !== 'event' && type !== 'commentary') this.transport.send(text, type);
      return;
    }
    if (this.awaitingSnapshot) {
      // Whatever comes first once drained, the fresh state goes before it.
      const snap = this.current?.snapshotText();
      if (snap) {
        this.awaitingSnapshot = false;
        this.transport.send(snap, 'snapshot');
      }
      if (type === 'delta' || type === 'snapshot') return;
    }
    this.transport.send(text, type);
  }

  flushDelayed(now: number): void {
    while (this.queue.length > 0 && this.queue[0]!.due <= now) {
      const m = this.queue.shift()!;
      this.write(m.text, m.type);
    }
  }

  error(code: string, message: string): void {
    this.write(JSON.stringify({ type: 'error', code, message }), 'error');
  }

  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private markReady!: () => void;
  /** Resolves once the client is attached to its first channel; earlier frames wait for it. */
  readonly ready = new Promise<void>((r) => (this.markReady = r));

  /** A frame from the client. Anything marks it alive; bad frames get an error, repeated ones close 1008. */
  handle(raw: string): Promise<void> {
    this.lastSeen = Date.now();
    // The common case (every client, every heartbeat): a pong only marks the client alive.
    if (raw === PONG) return DONE;
    // Frames are handled one at a time, in order; a client cannot queue more than a few.
    if (this.pending >= 32) {
      this.close(1008, 'too many pending messages');
      return Promise.resolve();
    }
    this.pending++;
    this.chain = this.chain
      .then(() => this.ready)
      .then(() => this.process(raw))
      .finally(() => this.pending--);
    return this.chain;
  }

  /**
   * A control message that arrived over HTTP (POST …/control, for SSE clients): validated like a frame, but a
   * bad one, or one the hub refuses, rejects with the AppError (→ 4xx `{error}`) instead of an `error` message.
   */
  submit(body: unknown): Promise<void> {
    this.lastSeen = Date.now();
    const r = controlSchema.safeParse(body);
    if (!r.success) return Promise.reject(badRequest(describeIssue(r.error.issues[0])));
    const run = this.chain.then(() => this.ready).then(() => this.hub.control(this, r.data));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async process(raw: string): Promise<void> {
    if (this.closed) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.malformedFrame('message is not JSON');
    }
    const r = controlSchema.safeParse(parsed);
    if (!r.success) return this.malformedFrame(describeIssue(r.error.issues[0]));
    try {
      await this.hub.control(this, r.data);
    } catch (e) {
      if (isAppError(e)) this.error(e.code, e.message);
      else throw e;
    }
  }

  private malformedFrame(message: string): void {
    const now = Date.now();
    this.malformed = this.malformed.filter((t) => now - t < MALFORMED_WINDOW_MS);
    this.malformed.push(now);
    this.error('bad_request', message);
    if (this.malformed.length >= MALFORMED_LIMIT) this.close(1008, 'too many malformed messages');
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.transport.close(code, reason);
    } catch {
      // already gone
    }
    void this.hub.remove(this);
  }
}
