// Drives a notification service through time with a fake clock: jumps from one wake-up to the next (the
// scheduler says when something is next due) and ticks every node at each, as nodes ticking together would.
import type { Clock, PushScheduler } from '../scheduler.ts';

export class FakeClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

/** Runs the schedulers from the clock's time to `until`; returns the number of wake-ups. */
export async function runUntil(
  clock: FakeClock,
  schedulers: PushScheduler[],
  until: number,
): Promise<number> {
  let wakes = 0;
  for (;;) {
    await Promise.all(schedulers.map((s) => s.tick()));
    const next = await schedulers[0]!.nextWakeAt(until);
    if (next === null) break;
    // Something due now again (a retry at once): move on by a millisecond, never stand still.
    clock.t = Math.max(next, clock.t + 1);
    wakes++;
  }
  clock.t = until;
  await Promise.all(schedulers.map((s) => s.tick()));
  return wakes;
}
