// Talking to one public upstream politely and robustly: every request names the project in its user agent,
// counts against a budget for the run (a sync never turns into a flood), and 429/5xx/network failures are
// retried with exponential backoff (a Retry-After header is honoured up to a cap). Downloads go to
// `<dest>.part` and resume with an HTTP Range request (If-Range on the ETag) after a cut, in this run or the
// next; the file is renamed to `dest` only when complete.
import {
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';

export const USER_AGENT =
  'race-engineer/0.1.0 (self-hosted Formula 1 race engineer; data sync; +https://github.com/f1db/f1db for f1db)';

export interface UpstreamOptions {
  /** Short name for logs and errors (`github`, `openf1`). */
  name: string;
  /** Requests (every attempt counts) this upstream may receive in one run. */
  budget: number;
  /** Retries after a 429, a 5xx or a network failure. */
  retries?: number;
  /** First backoff delay; doubles each retry (with jitter), capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per request (headers and body). */
  timeoutMs?: number;
  /** Extra headers on every request (an Authorization token, Accept). */
  headers?: Record<string, string>;
  logger?: Logger;
  signal?: AbortSignal;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** Bytes that were already on disk from an earlier, cut attempt. */
  resumedFrom: number;
}

const RETRY_STATUS = (s: number) => s === 429 || s >= 500;

export class Upstream {
  requests = 0;
  bytes = 0;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly opts: UpstreamOptions) {
    this.retries = opts.retries ?? 4;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.maxDelayMs = opts.maxDelayMs ?? 60_000;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  get name(): string {
    return this.opts.name;
  }

  get remaining(): number {
    return Math.max(0, this.opts.budget - this.requests);
  }

  /** One request with budget, retries and backoff; the response of the last attempt (ok or a final 4xx). */
  async request(
    url: string,
    init: { headers?: Record<string, string>; method?: string } = {},
  ): Promise<Response> {
    let attempt = 0;
    for (;;) {
      this.spend(url);
      let res: Response | undefined;
      let failure: string;
      try {
        res = await fetch(url, {
          method: init.method ?? 'GET',
          redirect: 'follow',
          headers: { 'user-agent': USER_AGENT, ...this.opts.headers, ...init.headers },
          signal: this.signal(),
        });
        if (!RETRY_STATUS(res.status)) return res;
        failure = `HTTP ${res.status}`;
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        failure = (err as Error).message;
      }
      if (attempt >= this.retries) {
        if (res) return res;
        throw new AppError(
          'upstream_error',
          `${this.name}: ${url} failed after ${attempt + 1} attempts (${failure})`,
        );
      }
      const delay = this.delay(attempt, res?.headers.get('retry-after') ?? null);
      await res?.body?.cancel().catch(() => {});
      this.opts.logger?.warn(
        { event: 'data.sync.retry', upstream: this.name, url, failure, attempt: attempt + 1, delayMs: delay },
        `${this.name}: ${failure}, retrying in ${delay} ms`,
      );
      await sleep(delay, this.opts.signal);
      attempt++;
    }
  }

  /** GET and parse JSON; a non-2xx answer is an `upstream_error` naming the status. */
  async json<T>(url: string, headers?: Record<string, string>): Promise<T> {
    const res = await this.request(url, { headers: { accept: 'application/json', ...headers } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new AppError('upstream_error', `${this.name}: ${url} answered HTTP ${res.status}`);
    }
    const text = await res.text();
    this.bytes += Buffer.byteLength(text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AppError('upstream_error', `${this.name}: ${url} did not answer JSON`);
    }
  }

  /**
   * Downloads `url` to `dest` through `dest.part`, resuming what an earlier attempt left there. A body cut
   * mid-way is resumed with a Range request from the bytes on disk; a server that ignores the Range (200) or
   * whose ETag changed restarts from zero.
   */
  async download(
    url: string,
    dest: string,
    opts: { onProgress?: (bytes: number, total: number | null) => void } = {},
  ): Promise<DownloadResult> {
    const part = `${dest}.part`;
    const etagFile = `${part}.etag`;
    const startSize = existsSync(part) ? statSync(part).size : 0;
    let attempt = 0;
    for (;;) {
      const have = existsSync(part) ? statSync(part).size : 0;
      const etag = have > 0 && existsSync(etagFile) ? readText(etagFile) : null;
      const headers: Record<string, string> = {};
      if (have > 0) {
        headers.range = `bytes=${have}-`;
        if (etag) headers['if-range'] = etag;
      }
      const res = await this.request(url, { headers });
      if (res.status === 416 && have > 0) {
        // The part file is already complete (or longer than the resource): start over once.
        await res.body?.cancel().catch(() => {});
        rmSync(part, { force: true });
        if (attempt++ >= this.retries)
          throw new AppError('upstream_error', `${this.name}: ${url}: range not satisfiable`);
        continue;
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => {});
        throw new AppError('upstream_error', `${this.name}: downloading ${url} failed: HTTP ${res.status}`);
      }
      const append = res.status === 206 && have > 0;
      const newEtag = res.headers.get('etag');
      if (newEtag) writeText(etagFile, newEtag);
      const length = Number(res.headers.get('content-length') ?? NaN);
      const total = Number.isFinite(length) ? length + (append ? have : 0) : null;
      let written = append ? have : 0;
      const counter = new Transform({
        transform: (chunk: Buffer, _enc, cb) => {
          written += chunk.length;
          this.bytes += chunk.length;
          opts.onProgress?.(written, total);
          cb(null, chunk);
        },
      });
      try {
        await pipeline(
          Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
          counter,
          createWriteStream(part, { flags: append ? 'a' : 'w' }),
        );
        if (total !== null && written < total) throw new Error(`body ended at ${written} of ${total} bytes`);
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        if (attempt >= this.retries)
          throw new AppError(
            'upstream_error',
            `${this.name}: downloading ${url} was cut at ${written} bytes ${attempt + 1} times (${(err as Error).message}); run again to resume`,
          );
        const delay = this.delay(attempt, null);
        this.opts.logger?.warn(
          { event: 'data.sync.resume', upstream: this.name, url, at: written, delayMs: delay },
          `${this.name}: download cut at ${written} bytes, resuming`,
        );
        await sleep(delay, this.opts.signal);
        attempt++;
        continue;
      }
      renameSync(part, dest);
      rmSync(etagFile, { force: true });
      return { path: dest, bytes: written, resumedFrom: startSize };
    }
  }

  private spend(url: string): void {
    if (this.requests >= this.opts.budget) {
      throw new AppError(
        'upstream_error',
        `${this.name}: request budget of ${this.opts.budget} for this run used up (next: ${url})`,
      );
    }
    this.requests++;
  }

  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    return this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
  }

  private delay(attempt: number, retryAfter: string | null): number {
    const fromHeader = retryAfterMs(retryAfter);
    const backoff = this.baseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
    return Math.round(Math.min(this.maxDelayMs, Math.max(backoff, fromHeader ?? 0)));
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const s = Number(value);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Waits `ms`, rejecting with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

function readText(p: string): string {
  return readFileSync(p, 'utf8').trim();
}
function writeText(p: string, s: string): void {
  writeFileSync(p, s);
}
