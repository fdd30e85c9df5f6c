// Race times of lapped finishers, as Jolpica prints them from 2023 on (its re-curation gives a "Lapped" car a
// Time; f1db and the Ergast dump have only "+1 Lap"). The lap tables carry the session time at which each lap
// ended: the winner's last crossing minus his race time is the start, and a lapped car's race time is its own
// last crossing minus that start, plus any time penalty.
import type { Lap, RaceLaps } from '../data/laps/laps.ts';

/** Session time (s) of the start: the winner's last crossing minus his race time; undefined without his laps. */
export function raceStart(
  race: RaceLaps,
  winner: { driverNumber: number; millis: number },
): number | undefined {
  let last: { lap: number; time: number } | undefined;
  for (const l of race.laps)
    if (l.driverNumber === winner.driverNumber && l.time !== null && (!last || l.lap > last.lap))
      last = { lap: l.lap, time: l.time };
  return last ? last.time - winner.millis / 1000 : undefined;
}

/** Race time (ms) at each driver's last completed lap, by car number; empty when the winner has no lap data. */
export function raceTimesFromLaps(
  race: RaceLaps,
  winner: { driverNumber: number; millis: number },
): Map<number, number> {
  const out = new Map<number, number>();
  const startS = raceStart(race, winner);
  if (startS === undefined) return out;
  const lastCrossing = new Map<number, { lap: number; time: number }>();
  for (const l of race.laps) {
    if (l.time === null) continue;
    const seen = lastCrossing.get(l.driverNumber);
    if (!seen || l.lap > seen.lap) lastCrossing.set(l.driverNumber, { lap: l.lap, time: l.time });
  }
  for (const [n, c] of lastCrossing) out.set(n, Math.round((c.time - startS) * 1000));
  return out;
}

/**
 * Lap-1 times the lap tables lack (all of 2023 round 18), estimated as the crossing time minus the start. The
 * estimate is within about 0.07 s of the timing feed's lap-1 times where both exist; the row matters more than
 * the last digits, since a missing lap 1 shifts every later page of /laps.
 */
export function fillLapOne(
  race: RaceLaps,
  winner: { driverNumber: number; millis: number } | undefined,
): Lap[] {
  const missing = race.laps.some((l) => l.lap === 1 && l.lapTime === null && l.time !== null);
  const startS = missing && winner ? raceStart(race, winner) : undefined;
  if (startS === undefined) return race.laps;
  return race.laps.map((l) =>
    l.lap === 1 && l.lapTime === null && l.time !== null && l.time > startS
      ? { ...l, lapTime: Math.round((l.time - startS) * 1000) / 1000 }
      : l,
  );
}
