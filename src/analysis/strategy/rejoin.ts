// Where a car would rejoin if it pitted at the end of a given lap (pure).
// Every car's race time at the line after `lap` is projected two laps on (the in-lap and the out-lap) at its
// recent clean pace; the pitting car additionally loses the circuit's pit loss. Sorting those projected
// times gives the rejoin position and the gaps to the cars around it.
import { lapsByDriver, median, type Lap } from '../../data/laps/laps.ts';
import { isCleanLap, round3 } from './stints.ts';

export interface RejoinProjection {
  driver: string;
  /** The last lap completed before the stop (the stop happens on lap + 1). */
  afterLap: number;
  pitLoss: number;
  currentPosition: number;
  position: number;
  carAhead: { driver: string; gap: number } | null;
  carBehind: { driver: string; gap: number } | null;
}

/** Median of the driver's last three clean laps up to `lap`. */
function recentPace(list: readonly Lap[], lap: number): number | null {
  const clean = list.filter((l) => l.lap <= lap && isCleanLap(l)).slice(-3);
  return median(clean.map((l) => l.lapTime!));
}

export function projectRejoin(
  laps: readonly Lap[],
  driver: string,
  lap: number,
  pitLoss: number,
): RejoinProjection | null {
  const byDriver = lapsByDriver(laps);
  const own = byDriver.get(driver);
  const ownLap = own?.find((l) => l.lap === lap);
  if (!own || !ownLap || ownLap.time === null) return null;
  const ownPace = recentPace(own, lap) ?? ownLap.lapTime;
  if (ownPace === null) return null;
  const field: { driver: string; now: number; projected: number }[] = [];
  for (const [d, list] of byDriver) {
    const l = list.find((x) => x.lap === lap);
    if (!l || l.time === null) continue; // retired, or a lap down and not yet at this line
    const pace = d === driver ? ownPace : (recentPace(list, lap) ?? ownPace);
    field.push({ driver: d, now: l.time, projected: l.time + 2 * pace + (d === driver ? pitLoss : 0) });
  }
  const current = [...field].sort((a, b) => a.now - b.now).findIndex((c) => c.driver === driver) + 1;
  field.sort((a, b) => a.projected - b.projected);
  const idx = field.findIndex((c) => c.driver === driver);
  const me = field[idx]!;
  const ahead = field[idx - 1];
  const behind = field[idx + 1];
  return {
    driver,
    afterLap: lap,
    pitLoss: round3(pitLoss)!,
    currentPosition: ownLap.position ?? current,
    // Cars a lap or more ahead passed this line earlier, so they sort ahead — where they are classified.
    position: idx + 1,
    carAhead: ahead ? { driver: ahead.driver, gap: round3(me.projected - ahead.projected)! } : null,
    carBehind: behind ? { driver: behind.driver, gap: round3(behind.projected - me.projected)! } : null,
  };
}

/**
 * The projection with the rest of the field as it actually ran: only the pitting car is projected (its gap,
 * its pace and the pit loss); every other car keeps its real time at the line after the out-lap, stops
 * included. This isolates the projection's own error from other teams' later decisions (validation only).
 */
export function projectRejoinAgainstActualField(
  laps: readonly Lap[],
  driver: string,
  lap: number,
  pitLoss: number,
): number | null {
  const byDriver = lapsByDriver(laps);
  const own = byDriver.get(driver);
  const ownLap = own?.find((l) => l.lap === lap);
  if (!own || !ownLap || ownLap.time === null) return null;
  const ownPace = recentPace(own, lap) ?? ownLap.lapTime;
  if (ownPace === null) return null;
  const projected = ownLap.time + 2 * ownPace + pitLoss;
  let ahead = 0;
  for (const [d, list] of byDriver) {
    if (d === driver) continue;
    const l = list.find((x) => x.lap === lap + 2);
    if (l && l.time !== null && l.time < projected) ahead++;
  }
  return ahead + 1;
}
