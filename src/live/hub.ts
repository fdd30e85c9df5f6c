// Fan-out. One Ingest per session (source → reducer → detector → bus), one Channel per session on every node
// (bus → state copy → clients). Messages are serialised once per channel, not once per client.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { AppError, badRequest, isAppError, unavailable } from '../errors.ts';
import { applyDelta, diff } from './diff.ts';
import { EventDetector } from './detect.ts';
import { initialState, reduce } from './reducer.ts';
import type { HubMessage, LiveBus } from './bus.ts';
import type { RecordingCatalog } from './recordings/catalog.ts';
import { ReplaySource } from './sources/replay.ts';
import type { LiveSource, SourceSink } from './sources/source.ts';
import type { LiveEvent, LiveUpdate, ReplayStatus, SessionState, UpstreamStatus } from './types.ts';

export const SOFT_BUFFER_LIMIT = 1 << 20;
export const HARD_BUFFER_LIMIT = 4 << 20;
export const DELAY_QUEUE_LIMIT = 5_000;
export const MAX_DELAY_S = 300;
const MALFORMED_WINDOW_MS = 10_000;
const MALFORMED_LIMIT = 5;
/**
 * Clients are pinged in this many staggered groups, one group every heartbeat/slices: each client still gets a
 * ping (and is checked for staleness) once per heartbeat, but the pings of 10 000 clients, and their pongs, are
 * spread over the interval instead of arriving as one burst that delays the next broadcast.
 */
export const HEARTBEAT_SLICES = 15;
const PONG = '{"type":"pong"}';
/** How long opening a channel waits for the bus (Redis) before answering 503. */
const BUS_TIMEOUT_MS = 1_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(unavailable('Live timing cannot reach its message bus; try again shortly')),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
const DONE = Promise.resolve();

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
    for (const event of events) this.publish({ type: 'event', event });
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

export interface Transport {
  /** false for SSE: it cannot answer pings, a closed TCP stream is its liveness signal. */
  readonly answersPings: boolean;
  send(text: string, type: string): void;
  buffered(): number;
  close(code: number, reason: string): void;
}

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
    for (const c of this.clients) c.deliver(text, m.type);
  }

  /** A message from this node to this channel's clients only (not through the bus). */
  deliverLocal(text: string, type: string): void {
    for (const c of this.clients) c.deliver(text, type);
  }
}

const controlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('delay'), seconds: z.number().min(0).max(MAX_DELAY_S) }),
  z.object({
    type: z.literal('replay.start'),
    id: z.string().min(1).max(200),
    speed: z.number().min(1).max(60).optional(),
    positionMs: z.number().min(0).optional(),
  }),
  z.object({ type: z.literal('replay.play') }),
  z.object({ type: z.literal('replay.pause') }),
  z.object({ type: z.literal('replay.seek'), positionMs: z.number().min(0) }),
  z.object({ type: z.literal('replay.speed'), speed: z.number().min(1).max(60) }),
  z.object({ type: z.literal('replay.stop') }),
]);
export type ControlMessage = z.infer<typeof controlSchema>;

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  return `invalid message${issue?.path.length ? ` at "${issue.path.join('.')}"` : ''}: ${issue?.message ?? 'bad value'}`;
}

export class ClientConn {
  readonly id = randomUUID();
  lastSeen = Date.now();
  delayMs = 0;
  channel: Channel | null = null;
  /** The shared channel the client's URL named; `replay.stop` returns here. */
  home: Channel | null = null;
  privateReplay: ReplaySource | null = null;
  queue: { due: number; text: string; type: string }[] = [];
  awaitingSnapshot = false;
  closed = false;
  /** The heartbeat group this client is pinged with. */
  pingGroup: Set<ClientConn> | null = null;
  private malformed: number[] = [];

  constructor(
    readonly transport: Transport,
    private readonly hub: Hub,
  ) {}

  deliver(text: string, type: string): void {
    if (this.closed) return;
    if (this.delayMs > 0 && type !== 'ping' && type !== 'error' && type !== 'hello') {
      if (this.queue.length >= DELAY_QUEUE_LIMIT) {
        // Never let a delay queue grow without bound: restart it from a snapshot.
        const snap = this.channel?.snapshotText();
        this.queue = snap ? [{ due: Date.now() + this.delayMs, text: snap, type: 'snapshot' }] : [];
        if (type === 'delta' || type === 'snapshot') return;
      }
      this.queue.push({ due: Date.now() + this.delayMs, text, type });
      this.hub.delayed.add(this);
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
      if (type === 'delta' || type === 'snapshot') this.awaitingSnapshot = true;
      else if (type !== 'event') this.transport.send(text, type);
      return;
    }
    if (this.awaitingSnapshot && (type === 'delta' || type === 'snapshot')) {
      this.awaitingSnapshot = false;
      const snap = this.channel?.snapshotText();
      if (snap) this.transport.send(snap, 'snapshot');
      return;
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

  attached(): void {
    this.markReady();
  }

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

export interface HubOptions {
  bus: LiveBus;
  logger: Logger;
  catalog: RecordingCatalog;
  heartbeatMs: number;
  staleMs: number;
  /** ms a channel with no clients lingers before its ingest stops */
  lingerMs?: number;
  defaultDelayMs?: number;
}

export class Hub {
  readonly channels = new Map<string, Channel>();
  readonly clients = new Map<string, ClientConn>();
  readonly delayed = new Set<ClientConn>();
  private readonly opening = new Map<string, Promise<Channel>>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly delayTimer: NodeJS.Timeout;
  private readonly pingGroups: Set<ClientConn>[] = Array.from({ length: HEARTBEAT_SLICES }, () => new Set());
  private beats = 0;
  private registered = 0;
  private privateSeq = 0;

  constructor(private readonly opts: HubOptions) {
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs / HEARTBEAT_SLICES);
    this.delayTimer = setInterval(() => {
      const now = Date.now();
      for (const c of this.delayed) {
        c.flushDelayed(now);
        if (c.queue.length === 0) this.delayed.delete(c);
      }
    }, 50);
    this.heartbeat.unref?.();
    this.delayTimer.unref?.();
    opts.bus.onHealth((up) => this.busHealth(up));
  }

  /**
   * The bus went down: clients of bus-backed channels hear `reconnecting` (their state is kept). Back up: the
   * ingesting node republishes a snapshot (and so stores it), the others read the stored one, and clients hear
   * the upstream status again.
   */
  private busHealth(up: boolean): void {
    for (const ch of this.channels.values()) {
      if (!ch.unsubscribe) continue; // private channels do not use the bus
      if (!up) {
        ch.deliverLocal(JSON.stringify({ type: 'status', status: 'reconnecting' }), 'status');
        continue;
      }
      if (ch.ingest) ch.ingest.reset(ch.ingest.state);
      else void this.resync(ch).catch(() => undefined);
      ch.deliverLocal(JSON.stringify({ type: 'status', status: ch.upstream ?? 'live' }), 'status');
    }
  }

  get bus(): LiveBus {
    return this.opts.bus;
  }

  private beat(): void {
    const group = this.pingGroups[this.beats++ % HEARTBEAT_SLICES]!;
    if (group.size === 0) return;
    const now = Date.now();
    const ping = JSON.stringify({ type: 'ping', ts: now });
    for (const c of group) {
      if (c.transport.answersPings && now - c.lastSeen > this.opts.staleMs) {
        this.opts.logger.info({ event: 'live.client.stale', client: c.id }, 'closing stale client');
        c.close(1001, 'stale');
      } else c.write(ping, 'ping');
    }
  }

  /** The channel for `info.key`, opening it (and claiming its ingest) on first use. */
  open(
    info: ChannelInfo,
    makeSource: (resume: SessionState | null) => Promise<LiveSource>,
    opts: { shared?: boolean } = {},
  ): Promise<Channel> {
    const existing = this.channels.get(info.key);
    if (existing) {
      clearTimeout(existing.closeTimer);
      return Promise.resolve(existing);
    }
    let p = this.opening.get(info.key);
    if (!p) {
      p = this.create(info, makeSource, opts.shared ?? true).finally(() => this.opening.delete(info.key));
      this.opening.set(info.key, p);
    }
    return p;
  }

  private async create(
    info: ChannelInfo,
    makeSource: (resume: SessionState | null) => Promise<LiveSource>,
    shared: boolean,
  ): Promise<Channel> {
    const bus = shared ? this.opts.bus : null;
    // Redis away: say so at once (503) instead of waiting for commands that cannot complete.
    if (bus && !bus.ready())
      throw unavailable('Live timing is reconnecting to its message bus; try again shortly');
    const channel: Channel = new Channel(info, () => void this.resync(channel), makeSource);
    const deliver = (m: HubMessage) => channel.receive(m);
    if (bus) {
      try {
        channel.unsubscribe = await withTimeout(bus.subscribe(info.key, deliver), BUS_TIMEOUT_MS);
        const stored = await withTimeout(bus.loadState(info.key), BUS_TIMEOUT_MS);
        if (stored) channel.receive({ type: 'snapshot', seq: stored.seq, state: stored.state });
      } catch (err) {
        await channel.unsubscribe?.().catch(() => undefined);
        if (isAppError(err)) throw err;
        throw unavailable('Live timing cannot reach its message bus; try again shortly');
      }
    }
    const tryIngest = async () => {
      if (channel.ingest) {
        if (bus && !(await bus.claim(info.key))) {
          // Lost ownership (e.g. a network split): stop, another node ingests now.
          await channel.ingest.stop();
          channel.ingest = null;
        }
        return;
      }
      if (bus && !(await bus.claim(info.key))) return;
      // A node taking over from one that died resumes from the last published state.
      const source = await makeSource(channel.state);
      const publish = bus ? (m: HubMessage) => bus.publish(info.key, m) : deliver;
      channel.ingest = new Ingest(source, publish);
      channel.ingest.start();
      this.opts.logger.info(
        { event: 'live.ingest.start', key: info.key, node: this.opts.bus.nodeId },
        'ingest started',
      );
    };
    try {
      await withTimeout(tryIngest(), BUS_TIMEOUT_MS * 4);
    } catch (err) {
      if (!bus) throw err;
      // The bus failed between the checks: keep the channel (it follows, the claim timer retries).
      this.opts.logger.warn(
        { event: 'live.ingest.claim_failed', key: info.key, err: String(err) },
        'claim failed',
      );
    }
    if (bus && this.opts.bus.nodeId !== 'local') {
      channel.claimTimer = setInterval(() => void tryIngest().catch(() => undefined), 5_000);
      channel.claimTimer.unref?.();
    }
    this.channels.set(info.key, channel);
    return channel;
  }

  private async resync(channel: Channel): Promise<void> {
    const stored = await this.opts.bus.loadState(channel.info.key);
    if (stored) channel.receive({ type: 'snapshot', seq: stored.seq, state: stored.state });
  }

  register(transport: Transport): ClientConn {
    const c = new ClientConn(transport, this);
    c.delayMs = this.opts.defaultDelayMs ?? 0;
    this.clients.set(c.id, c);
    // Round-robin, so a burst of connections spreads evenly over the heartbeat groups.
    c.pingGroup = this.pingGroups[this.registered++ % HEARTBEAT_SLICES]!;
    c.pingGroup.add(c);
    return c;
  }

  attach(c: ClientConn, channel: Channel): void {
    const previous = c.channel;
    if (previous && previous !== channel) {
      previous.clients.delete(c);
      // A channel left empty closes after the grace period, whatever made it (a client taking control too).
      if (previous.clients.size === 0) this.scheduleClose(previous);
    }
    // Nothing queued for the old channel may arrive after the new hello.
    c.queue = [];
    this.delayed.delete(c);
    c.awaitingSnapshot = false;
    c.channel = channel;
    channel.clients.add(c);
    // Opening a channel can take a moment (loading a recording): that time does not count against the client.
    c.lastSeen = Date.now();
    c.attached();
    clearTimeout(channel.closeTimer);
    c.write(
      JSON.stringify({
        type: 'hello',
        clientId: c.id,
        session: channel.info.session,
        heartbeatMs: this.opts.heartbeatMs,
        staleMs: this.opts.staleMs,
      }),
      'hello',
    );
    const snap = channel.snapshotText();
    if (snap) c.deliver(snap, 'snapshot');
    // Nothing ingested yet: the first delta is replaced by a snapshot, so every client starts from one.
    else c.awaitingSnapshot = true;
    if (channel.upstream) c.deliver(JSON.stringify({ type: 'status', status: channel.upstream }), 'status');
    const replay = channel.replayNow();
    if (replay) c.deliver(JSON.stringify({ type: 'replay', status: replay }), 'replay');
  }

  async remove(c: ClientConn): Promise<void> {
    this.clients.delete(c.id);
    this.delayed.delete(c);
    c.pingGroup?.delete(c);
    const ch = c.channel;
    c.channel = null;
    if (ch) {
      ch.clients.delete(c);
      if (ch.clients.size === 0) this.scheduleClose(ch);
    }
  }

  private scheduleClose(ch: Channel): void {
    clearTimeout(ch.closeTimer);
    ch.closeTimer = setTimeout(() => {
      if (ch.clients.size === 0) {
        this.opts.logger.debug({ event: 'live.channel.close', key: ch.info.key }, 'closing channel');
        void this.closeChannel(ch);
      }
    }, this.opts.lingerMs ?? 10_000);
    ch.closeTimer.unref?.();
  }

  private async closeChannel(ch: Channel): Promise<void> {
    if (ch.closed) return;
    ch.closed = true;
    clearTimeout(ch.closeTimer);
    if (this.channels.get(ch.info.key) === ch) this.channels.delete(ch.info.key);
    clearInterval(ch.claimTimer);
    if (ch.ingest) {
      await ch.ingest.stop();
      ch.ingest = null;
      if (ch.unsubscribe) await this.opts.bus.release(ch.info.key);
    }
    await ch.unsubscribe?.();
  }

  async control(c: ClientConn, m: ControlMessage): Promise<void> {
    switch (m.type) {
      case 'pong':
      case 'ping':
        return;
      case 'delay': {
        c.delayMs = Math.round(m.seconds * 1000);
        c.queue = [];
        const snap = c.channel?.snapshotText();
        if (snap) c.deliver(snap, 'snapshot');
        return;
      }
      case 'replay.start': {
        const rec = await this.opts.catalog.load((await this.opts.catalog.byId(m.id)).id);
        await this.startPrivate(c, rec.meta.id, { speed: m.speed, positionMs: m.positionMs });
        return;
      }
      case 'replay.stop':
        if (c.privateReplay && c.home) {
          const priv = c.channel;
          const home = c.home;
          c.privateReplay = null;
          const back = home.closed ? await this.open(home.info, home.makeSource) : home;
          this.attach(c, back);
          if (priv) await this.closeChannel(priv);
        }
        return;
      default: {
        if (!c.privateReplay) {
          const rid = c.channel?.info.recordingId;
          if (!rid) throw new AppError('bad_request', 'This session is live: there is no replay to control');
          // The private copy starts where the shared replay is now, at its speed.
          const now = c.channel?.replayNow();
          await this.startPrivate(c, rid, { positionMs: now?.positionMs ?? 0, speed: now?.speed });
        }
        const r = c.privateReplay!;
        if (m.type === 'replay.play') r.play();
        else if (m.type === 'replay.pause') r.pause();
        else if (m.type === 'replay.seek') r.seek(m.positionMs);
        else if (m.type === 'replay.speed') r.setSpeed(m.speed);
      }
    }
  }

  private async startPrivate(
    c: ClientConn,
    recordingId: string,
    opts: { speed?: number; positionMs?: number },
  ): Promise<void> {
    const rec = await this.opts.catalog.load(recordingId);
    const old = c.privateReplay ? c.channel : null;
    if (!c.privateReplay) c.home = c.channel;
    const source = new ReplaySource(rec, { speed: opts.speed ?? 1, positionMs: opts.positionMs ?? 0 });
    const key = `private:${c.id}:${++this.privateSeq}`;
    const ch = await this.open(
      {
        key,
        session: {
          id: rec.meta.id,
          year: rec.meta.year,
          round: rec.meta.round,
          session: rec.meta.session,
          name: rec.meta.name,
          live: false,
        },
        recordingId: rec.meta.id,
      },
      async () => source,
      { shared: false },
    );
    c.privateReplay = source;
    this.attach(c, ch);
    if (old) await this.closeChannel(old);
  }

  stats() {
    return {
      node: this.opts.bus.nodeId,
      clients: this.clients.size,
      channels: [...this.channels.values()].map((ch) => ({
        key: ch.info.key,
        clients: ch.clients.size,
        ingesting: ch.ingest !== null,
        seq: ch.seq,
      })),
    };
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    clearInterval(this.delayTimer);
    for (const c of [...this.clients.values()]) c.close(1001, 'server shutting down');
    for (const ch of [...this.channels.values()]) await this.closeChannel(ch);
    await this.opts.bus.close();
  }
}
