// How hub messages travel from the node that ingests a session to every node that has clients for it.
// local: in-process. redis: pub/sub + an ownership key per session (one ingest across nodes) + the last state.
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { CommentaryLine } from './commentary.ts';
import type { ReplayStatus, LiveEvent, SessionState, UpstreamStatus } from './types.ts';

export type HubMessage =
  | { type: 'snapshot'; seq: number; state: SessionState }
  | { type: 'delta'; seq: number; delta: Record<string, unknown>; state?: SessionState }
  | { type: 'event'; event: LiveEvent }
  | { type: 'commentary'; line: CommentaryLine }
  | { type: 'status'; status: UpstreamStatus }
  | { type: 'replay'; status: ReplayStatus };

export interface LiveBus {
  readonly nodeId: string;
  subscribe(key: string, onMessage: (m: HubMessage) => void): Promise<() => Promise<void>>;
  publish(key: string, m: HubMessage): void;
  /** Tries to become (or stay) the one node ingesting `key`. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
  /** The last state the ingesting node published, for a node that joins late. */
  loadState(key: string): Promise<{ seq: number; state: SessionState } | null>;
  /** Whether messages can travel now (always for the in-process bus). */
  ready(): boolean;
  /** Called with false when the bus goes down and true when it is back. */
  onHealth(listener: (up: boolean) => void): void;
  close(): Promise<void>;
}

export class LocalBus implements LiveBus {
  readonly nodeId = 'local';
  private readonly handlers = new Map<string, Set<(m: HubMessage) => void>>();

  async subscribe(key: string, onMessage: (m: HubMessage) => void) {
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(onMessage);
    return async () => {
      set.delete(onMessage);
      if (set.size === 0) this.handlers.delete(key);
    };
  }

  publish(key: string, m: HubMessage): void {
    for (const h of this.handlers.get(key) ?? []) h(m);
  }

  async claim(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {}

  async loadState() {
    return null;
  }

  ready(): boolean {
    return true;
  }

  onHealth(): void {}

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

const OWNER_TTL_MS = 15_000;
// Renew only if we still own it.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisBus implements LiveBus {
  readonly nodeId = randomUUID();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(m: HubMessage) => void>>();
  private readonly owned = new Set<string>();

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly prefix = 'race-engineer:live:',
  ) {
    // The hot path (publish) never queues while Redis is down; the few control commands retry twice, then fail.
    const opts = { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    for (const c of [this.pub, this.sub]) {
      c.on('error', (err: Error) =>
        this.logger.warn({ event: 'live.bus.error', err: err.message }, 'redis error'),
      );
      c.on('ready', () => this.healthChanged());
      c.on('close', () => this.healthChanged());
      c.on('end', () => this.healthChanged());
    }
    this.sub.on('messageBuffer', (channel: Buffer, payload: Buffer) => {
      const key = channel.toString().slice((this.prefix + 'msg:').length);
      const set = this.handlers.get(key);
      if (!set) return;
      let m: HubMessage;
      try {
        m = JSON.parse(payload.toString()) as HubMessage;
      } catch {
        return;
      }
      for (const h of set) h(m);
    });
  }

  private up = false;
  private readonly healthListeners: ((up: boolean) => void)[] = [];

  ready(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  onHealth(listener: (up: boolean) => void): void {
    this.healthListeners.push(listener);
  }

  private healthChanged(): void {
    const up = this.ready();
    if (up === this.up) return;
    this.up = up;
    if (up) this.logger.info({ event: 'live.bus.up' }, 'redis connected');
    else this.logger.warn({ event: 'live.bus.down' }, 'redis unreachable');
    for (const l of this.healthListeners) l(up);
  }

  async subscribe(key: string, onMessage: (m: HubMessage) => void) {
    let set = this.handlers.get(key);
    if (!set) {
      this.handlers.set(key, (set = new Set()));
      try {
        await this.sub.subscribe(this.prefix + 'msg:' + key);
      } catch (err) {
        this.handlers.delete(key);
        throw err;
      }
    }
    set.add(onMessage);
    return async () => {
      set.delete(onMessage);
      if (set.size === 0) {
        this.handlers.delete(key);
        await this.sub.unsubscribe(this.prefix + 'msg:' + key).catch(() => undefined);
      }
    };
  }

  /** Messages not sent because Redis was unreachable (never queued: followers resync from the stored state). */
  dropped = 0;

  publish(key: string, m: HubMessage): void {
    if (this.pub.status !== 'ready') {
      this.dropped++;
      return;
    }
    const wire = m.type === 'delta' ? { type: m.type, seq: m.seq, delta: m.delta } : m;
    const p = this.pub.multi().publish(this.prefix + 'msg:' + key, JSON.stringify(wire));
    if (m.type === 'snapshot' || (m.type === 'delta' && m.state)) {
      const state = m.type === 'snapshot' ? m.state : m.state!;
      p.set(this.prefix + 'state:' + key, JSON.stringify({ seq: m.seq, state }), 'PX', 6 * 3600_000);
    }
    p.exec().catch((err: Error) =>
      this.logger.warn({ event: 'live.bus.publish_failed', err: err.message }, 'publish failed'),
    );
  }

  async claim(key: string): Promise<boolean> {
    const owner = this.prefix + 'owner:' + key;
    if (this.owned.has(key)) {
      const renewed = Number(await this.pub.eval(RENEW, 1, owner, this.nodeId, OWNER_TTL_MS));
      if (renewed === 1) return true;
      // Lost it: another node took over, or the key expired while Redis was away (then take it back at once).
      this.owned.delete(key);
    }
    const ok = await this.pub.set(owner, this.nodeId, 'PX', OWNER_TTL_MS, 'NX');
    if (ok === 'OK') this.owned.add(key);
    return ok === 'OK';
  }

  async release(key: string): Promise<void> {
    this.owned.delete(key);
    await this.pub.eval(RELEASE, 1, this.prefix + 'owner:' + key, this.nodeId).catch(() => undefined);
  }

  async loadState(key: string) {
    const raw = await this.pub.get(this.prefix + 'state:' + key);
    return raw ? (JSON.parse(raw) as { seq: number; state: SessionState }) : null;
  }

  async close(): Promise<void> {
    for (const key of [...this.owned]) await this.release(key);
    this.sub.disconnect();
    await this.pub.quit().catch(() => undefined);
  }
}
