// OpenF1 REST poller: one poll of every endpoint per interval for the asked session, inside the API's rate limit
// (30 requests / 10 s, enforced here by a token bucket). Cursors (`date>`) fetch only new records.
import type { Logger } from '../../logger.ts';
import { OPENF1_ENDPOINTS, OpenF1Translator, type OpenF1Endpoint } from '../openf1-translate.ts';
import { backoffMs, type LiveSource, type SourceSink } from './source.ts';

export interface OpenF1PollerOptions {
  baseUrl: string;
  sessionKey: number | 'latest';
  intervalMs: number;
  logger: Logger;
  rateLimit?: { requests: number; perMs: number };
  maxBackoffMs?: number;
}

type Rec = Record<string, unknown>;

/** Token bucket: waits instead of exceeding the upstream limit. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
  ) {
    this.tokens = capacity;
  }
  async take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.capacity) / this.perMs);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) * this.perMs) / this.capacity)));
    }
  }
}

const DATED: Partial<Record<OpenF1Endpoint, string>> = {
  position: 'date',
  intervals: 'date',
  pit: 'date',
  race_control: 'date',
  weather: 'date',
  laps: 'date_start',
};

export class OpenF1Poller implements LiveSource {
  readonly kind = 'openf1' as const;
  private sink?: SourceSink;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private failures = 0;
  private sessionKey: number | null = null;
  private readonly cursors = new Map<OpenF1Endpoint, string>();
  private translator = new OpenF1Translator();
  private readonly limiter: RateLimiter;
  requests = 0;

  constructor(private readonly opts: OpenF1PollerOptions) {
    const rl = opts.rateLimit ?? { requests: 30, perMs: 10_000 };
    this.limiter = new RateLimiter(rl.requests, rl.perMs);
  }

  start(sink: SourceSink): void {
    this.sink = sink;
    void this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async get(endpoint: string, query: string): Promise<Rec[]> {
    await this.limiter.take();
    this.requests++;
    const res = await fetch(`${this.opts.baseUrl}/${endpoint}?${query}`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`OpenF1 ${endpoint} answered ${res.status}`);
    const body = (await res.json()) as unknown;
    if (!Array.isArray(body)) throw new Error(`OpenF1 ${endpoint} did not return a list`);
    return body as Rec[];
  }

  private async pollOnce(): Promise<void> {
    const sink = this.sink!;
    if (this.sessionKey === null) {
      const sessions = await this.get('sessions', `session_key=${this.opts.sessionKey}`);
      const s = sessions.at(-1);
      if (!s || typeof s.session_key !== 'number') throw new Error('OpenF1 has no such session');
      this.sessionKey = s.session_key;
      this.translator = new OpenF1Translator(
        typeof s.date_start === 'string' ? Date.parse(s.date_start) : null,
      );
      for (const u of this.translator.ingest('sessions', [s])) sink.update(u);
      for (const u of this.translator.ingest(
        'drivers',
        await this.get('drivers', `session_key=${this.sessionKey}`),
      ))
        sink.update(u);
    }
    for (const ep of OPENF1_ENDPOINTS) {
      if (ep === 'sessions' || ep === 'drivers') continue;
      const field = DATED[ep];
      const cursor = this.cursors.get(ep);
      const q = `session_key=${this.sessionKey}${field && cursor ? `&${field}>${encodeURIComponent(cursor)}` : ''}`;
      const records = await this.get(ep, q);
      if (field) {
        // Laps are published before they end: keep re-reading the newest ones until they carry a duration.
        const done = ep === 'laps' ? records.filter((r) => r.lap_duration != null) : records;
        const open = ep === 'laps' ? records.filter((r) => r.lap_duration == null) : [];
        const dates = done
          .map((r) => String(r[field] ?? ''))
          .filter(Boolean)
          .sort();
        const openDates = open
          .map((r) => String(r[field] ?? ''))
          .filter(Boolean)
          .sort();
        let next = dates.at(-1);
        if (openDates.length > 0 && (next === undefined || openDates[0]! <= next)) {
          next = cursor; // do not skip past a lap still running
        }
        if (next) this.cursors.set(ep, next);
      }
      for (const u of this.translator.ingest(ep, records)) sink.update(u);
    }
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    let delay = this.opts.intervalMs;
    try {
      await this.pollOnce();
      if (this.failures > 0 || this.requests <= OPENF1_ENDPOINTS.length + 1) this.sink?.status('live');
      this.failures = 0;
    } catch (err) {
      this.sink?.status('reconnecting');
      delay = backoffMs(this.failures++, this.opts.intervalMs, this.opts.maxBackoffMs ?? 60_000);
      this.opts.logger.warn(
        { event: 'live.openf1.poll_failed', err: (err as Error).message, delay },
        'OpenF1 poll failed',
      );
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), delay);
    this.timer.unref?.();
  }
}
