// Race times of lapped finishers, as Jolpica prints them from 2023 on (its re-curation gives a "Lapped" car a
// Time; f1db and the Ergast dump have only "+1 Lap"). The lap tables carry the session time at which each lap
// ended: the winner's last crossing minus his race time is the start, and a lapped car's race time is its own
// last crossing minus that start, plus any time penalty.
import type { RaceLaps } from '../data/laps/laps.ts';

/** Race time (ms) at each driver's last completed lap, by car number; empty when the winner has no lap data. */
export function raceTimesFromLaps(
  race: RaceLaps,
  winner: { driverNumber: number; millis: number },
): Map<number, number> {
  const lastCrossing = new Map<number, { lap: number; time: number }>();
  for (const l of race.laps) {
    if (l.time === null) continue;
    const seen = lastCrossing.get(l.driverNumber);
    if (!seen || l.lap > seen.lap) lastCrossing.set(l.driverNumber, { lap: l.lap, time: l.time });
  }
  const out = new Map<number, number>();
  const w = lastCrossing.get(winner.driverNumber);
  if (!w) return out;
  const startS = w.time - winner.millis / 1000;
  for (const [n, c] of lastCrossing) out.set(n, Math.round((c.time - startS) * 1000));
  return out;
}
