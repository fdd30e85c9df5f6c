// Keeps requests to an upstream under its published rate limits (OpenF1's free tier: 3 a second and 30 a
// minute): before each request `wait()` sleeps until sending one more keeps every sliding window within its
// limit. Retries inside `Upstream` are spaced by its own backoff, which is longer than these windows.
import { sleep } from './http.ts';

export interface RateLimit {
  /** Requests allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

export class Pacer {
  private readonly sent: number[] = [];
  private readonly longest: number;

  constructor(
    private readonly limits: RateLimit[],
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.longest = Math.max(0, ...limits.map((l) => l.windowMs));
  }

  /** Milliseconds to wait before the next request may go (0: now). Pure: does not record anything. */
  delay(now = this.clock()): number {
    let wait = 0;
    for (const { limit, windowMs } of this.limits) {
      const inWindow = this.sent.filter((t) => now - t < windowMs);
      if (inWindow.length >= limit) {
        // The oldest request that must leave the window before one more fits.
        const oldest = inWindow[inWindow.length - Math.floor(limit)]!;
        wait = Math.max(wait, oldest + windowMs - now);
      }
    }
    return Math.max(0, Math.ceil(wait));
  }

  async wait(signal?: AbortSignal): Promise<void> {
    for (let d = this.delay(); d > 0; d = this.delay()) await sleep(d, signal);
    const now = this.clock();
    this.sent.push(now);
    while (this.sent.length && now - this.sent[0]! >= this.longest) this.sent.shift();
  }
}

/** OpenF1's limits per second and per minute. */
export function perSecondAndMinute(perSecond: number, perMinute: number): RateLimit[] {
  return [
    { limit: perSecond, windowMs: 1000 },
    { limit: perMinute, windowMs: 60_000 },
  ];
}
