// Client of the F1 live-timing feed over SignalR Core (JSON hub protocol, records end with 0x1e):
// negotiate → WebSocket → handshake → Subscribe(topics) → full state as the invocation result, then `feed`
// deltas. Reconnects with backoff and jitter; the hub keeps the state meanwhile.
import WebSocket from 'ws';
import type { Logger } from '../../logger.ts';
import { AUTH_TOPICS, FEED_TOPICS, FeedTranslator } from '../feed-translate.ts';
import { backoffMs, type LiveSource, type SourceSink } from './source.ts';

export const RS = '\u001e';

export interface SignalROptions {
  url: string; // e.g. https://livetiming.formula1.com/signalrcore
  token?: string; // F1 TV subscription token: adds CarData.z and Position.z
  logger: Logger;
  topics?: string[];
  maxBackoffMs?: number;
  /** Silence after which the link counts as dropped (the hub pings every 15 s). */
  idleTimeoutMs?: number;
}

export class SignalRSource implements LiveSource {
  readonly kind = 'f1' as const;
  private sink?: SourceSink;
  private ws?: WebSocket;
  private stopped = false;
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private idleTimer?: NodeJS.Timeout;
  private pingTimer?: NodeJS.Timeout;
  private firstTs: number | null = null;
  private translator = new FeedTranslator();
  connections = 0;

  constructor(private readonly opts: SignalROptions) {}

  start(sink: SourceSink): void {
    this.sink = sink;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    clearInterval(this.pingTimer);
    this.ws?.terminate();
  }

  private topics(): string[] {
    return this.opts.topics ?? [...FEED_TOPICS, ...(this.opts.token ? AUTH_TOPICS : [])];
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const headers: Record<string, string> = {};
      if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
      const res = await fetch(`${this.opts.url}/negotiate?negotiateVersion=1`, {
        method: 'POST',
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`negotiate answered ${res.status}`);
      const neg = (await res.json()) as { connectionToken?: string; connectionId?: string };
      const id = neg.connectionToken ?? neg.connectionId;
      if (!id) throw new Error('negotiate gave no connection token');
      // The feed's load balancer pins the WebSocket to the negotiating node through its cookie.
      const cookie = res.headers
        .getSetCookie?.()
        .map((c) => c.split(';')[0])
        .join('; ');
      if (cookie) headers.cookie = cookie;
      const wsUrl = `${this.opts.url.replace(/^http/, 'ws')}?id=${encodeURIComponent(id)}`;
      this.open(new WebSocket(wsUrl, { headers, perMessageDeflate: false }));
    } catch (err) {
      this.retry(err as Error);
    }
  }

  private open(ws: WebSocket): void {
    this.ws = ws;
    let buffer = '';
    let handshaken = false;
    ws.on('open', () => {
      ws.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
      this.touch();
    });
    ws.on('message', (data) => {
      this.touch();
      buffer += data.toString();
      // Bounded: one record never exceeds the size of a full state (a few MB).
      if (buffer.length > 32 * 1024 * 1024) return ws.terminate();
      let i: number;
      while ((i = buffer.indexOf(RS)) >= 0) {
        const record = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        let msg: Record<string, unknown>;
        try {
          msg = JSON.parse(record) as Record<string, unknown>;
        } catch {
          this.opts.logger.warn({ event: 'live.signalr.bad_record' }, 'unparsable record');
          continue;
        }
        if (!handshaken) {
          if (msg.error) return this.retry(new Error(`handshake refused: ${String(msg.error)}`));
          handshaken = true;
          this.connections++;
          ws.send(
            JSON.stringify({ type: 1, invocationId: '0', target: 'Subscribe', arguments: [this.topics()] }) +
              RS,
          );
          this.pingTimer = setInterval(
            () => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ type: 6 }) + RS),
            15_000,
          );
          continue;
        }
        this.onMessage(msg);
      }
    });
    ws.on('close', () => this.retry(new Error('connection closed')));
    ws.on('error', (err) =>
      this.opts.logger.warn({ event: 'live.signalr.error', err: err.message }, 'feed socket error'),
    );
  }

  private touch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.ws?.terminate(), this.opts.idleTimeoutMs ?? 60_000);
    this.idleTimer.unref?.();
  }

  private lastTime = 0;

  /** Session time from the feed's own timestamps (the full state has none: it keeps the last time seen). */
  private time(ts: unknown): number {
    const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
    if (!Number.isFinite(t)) return this.lastTime;
    this.firstTs ??= t;
    this.lastTime = Math.max(this.lastTime, t - this.firstTs);
    return this.lastTime;
  }

  private onMessage(msg: Record<string, unknown>): void {
    const sink = this.sink;
    if (!sink) return;
    if (msg.type === 3 && msg.invocationId === '0') {
      // Subscribe's result: the full state of every topic. A fresh translator so stale raw keys do not linger.
      this.translator = new FeedTranslator();
      this.attempt = 0;
      sink.status('live');
      const result = (msg.result ?? {}) as Record<string, unknown>;
      const timeMs = this.time(undefined);
      for (const [topic, data] of Object.entries(result)) {
        for (const u of this.translator.apply(topic, data, timeMs)) sink.update(u);
      }
    } else if (msg.type === 1 && msg.target === 'feed' && Array.isArray(msg.arguments)) {
      const [topic, data, ts] = msg.arguments as [string, unknown, string];
      if (typeof topic !== 'string') return;
      for (const u of this.translator.apply(topic, data, this.time(ts))) sink.update(u);
    } else if (msg.type === 7) {
      this.ws?.terminate();
    }
  }

  private retry(err: Error): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.idleTimer);
    if (this.stopped || this.retryTimer) return;
    this.ws?.removeAllListeners();
    this.ws?.on('error', () => undefined);
    this.ws?.terminate();
    this.sink?.status('reconnecting');
    const delay = backoffMs(this.attempt++, 500, this.opts.maxBackoffMs ?? 30_000);
    this.opts.logger.warn(
      { event: 'live.signalr.reconnect', err: err.message, delay },
      'feed dropped: reconnecting',
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
    this.retryTimer.unref?.();
  }
}
