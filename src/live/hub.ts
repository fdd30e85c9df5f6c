// Fan-out on this node: the channels (one per session, `channel.ts`) and their ingests (`ingest.ts`), the client
// connections (`client.ts`) and what their control messages do (`control.ts`). One Ingest per session across the
// nodes (source → reducer → detector → bus), one Channel per session on every node (bus → state copy → clients).
// Messages are serialised once per channel, not once per client; transports frame them once (`transport.ts`).
import type { Logger } from '../logger.ts';
import { isAppError, unavailable } from '../errors.ts';
import type { HubMessage, LiveBus } from './bus.ts';
import { Channel, type ChannelInfo } from './channel.ts';
import { ClientConn, type ClientHost, type Transport } from './client.ts';
import { runControl, type ControlHost, type ControlMessage } from './control.ts';
import { Ingest } from './ingest.ts';
import type { RecordingCatalog } from './recordings/catalog.ts';
import { ReplaySource } from './sources/replay.ts';
import type { LiveSource } from './sources/source.ts';
import type { SessionState } from './types.ts';

export { Channel, type ChannelInfo } from './channel.ts';
export {
  ClientConn,
  DELAY_QUEUE_LIMIT,
  HARD_BUFFER_LIMIT,
  SOFT_BUFFER_LIMIT,
  type Transport,
} from './client.ts';
export { MAX_DELAY_S, type ControlMessage } from './control.ts';
export { Ingest } from './ingest.ts';

/**
 * Clients are pinged in this many staggered groups, one group every heartbeat/slices: each client still gets a
 * ping (and is checked for staleness) once per heartbeat, but the pings of 10 000 clients, and their pongs, are
 * spread over the interval instead of arriving as one burst that delays the next broadcast.
 */
export const HEARTBEAT_SLICES = 15;
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

export class Hub implements ClientHost, ControlHost {
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
  private readonly ingestObservers = new Set<(info: ChannelInfo, m: HubMessage) => void>();

  constructor(private readonly opts: HubOptions) {
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs / HEARTBEAT_SLICES);
    this.delayTimer = setInterval(() => {
      const now = Date.now();
      for (const c of this.delayed) {
        c.flushDelayed(now);
        if (!c.hasQueued()) this.delayed.delete(c);
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
      const send = bus ? (m: HubMessage) => bus.publish(info.key, m) : deliver;
      // Observers (push alerts) hear each message once, on the node that ingests: one sender per channel.
      const publish = (m: HubMessage) => {
        for (const o of this.ingestObservers) o(info, m);
        send(m);
      };
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

  delaying(c: ClientConn, on: boolean): void {
    if (on) this.delayed.add(c);
    else this.delayed.delete(c);
  }

  register(transport: Transport): ClientConn {
    const c = new ClientConn(transport, this, this.opts.defaultDelayMs ?? 0);
    this.clients.set(c.id, c);
    // Round-robin, so a burst of connections spreads evenly over the heartbeat groups.
    c.pingGroup = this.pingGroups[this.registered++ % HEARTBEAT_SLICES]!;
    c.pingGroup.add(c);
    return c;
  }

  attach(c: ClientConn, channel: Channel): void {
    const previous = c.moveTo(channel);
    // A channel left empty closes after the grace period, whatever made it (a client taking control too).
    if (previous && previous.clients.size === 0) this.scheduleClose(previous);
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
    else c.expectSnapshot();
    if (channel.upstream) c.deliver(JSON.stringify({ type: 'status', status: channel.upstream }), 'status');
    const replay = channel.replayNow();
    if (replay) c.deliver(JSON.stringify({ type: 'replay', status: replay }), 'replay');
  }

  async remove(c: ClientConn): Promise<void> {
    this.clients.delete(c.id);
    c.pingGroup?.delete(c);
    const ch = c.moveTo(null);
    if (ch && ch.clients.size === 0) this.scheduleClose(ch);
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

  control(c: ClientConn, m: ControlMessage): Promise<void> {
    return runControl(this, c, m);
  }

  async recording(id: string): Promise<string> {
    return (await this.opts.catalog.byId(id)).id;
  }

  async stopPrivate(c: ClientConn): Promise<void> {
    const priv = c.privateReplay ? c.channel : null;
    const home = c.leavePrivate();
    if (!home) return;
    const back = home.closed ? await this.open(home.info, home.makeSource) : home;
    this.attach(c, back);
    if (priv) await this.closeChannel(priv);
  }

  async startPrivate(
    c: ClientConn,
    recordingId: string,
    opts: { speed?: number; positionMs?: number },
  ): Promise<void> {
    const rec = await this.opts.catalog.load(recordingId);
    const old = c.privateReplay ? c.channel : null;
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
    c.takePrivate(source);
    this.attach(c, ch);
    if (old) await this.closeChannel(old);
  }

  /** Hears every message a shared channel's ingest publishes on this node; returns the unsubscribe. */
  observeIngest(fn: (info: ChannelInfo, m: HubMessage) => void): () => void {
    this.ingestObservers.add(fn);
    return () => this.ingestObservers.delete(fn);
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

  /** Closes every client (default 1012 Service Restart: clients reconnect, to another node behind a balancer). */
  async close(code = 1012, reason = 'server restarting: reconnect'): Promise<void> {
    clearInterval(this.heartbeat);
    clearInterval(this.delayTimer);
    for (const c of [...this.clients.values()]) c.close(code, reason);
    for (const ch of [...this.channels.values()]) await this.closeChannel(ch);
    await this.opts.bus.close();
  }
}
