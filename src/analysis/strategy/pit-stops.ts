// Pit stops found in the lap tables and the time they cost (pure).
// A stop is an in-lap (PitInTime set) followed by an out-lap (PitOutTime set). Two figures are measured:
//  - pit-lane time: PitOutTime − PitInTime (entry line to exit line, stationary time included);
//  - pit loss: (in-lap + out-lap) − 2 × the driver's own green-flag pace around the stop, i.e. what the stop
//    costs against staying out — the number a rejoin projection needs.
import { isGreen, lapsByDriver, median, type Compound, type Lap } from '../../data/laps/laps.ts';
import { isCleanLap, round3 } from './stints.ts';

export interface PitStop {
  driver: string;
  /** The in-lap. */
  lap: number;
  compoundBefore: Compound;
  compoundAfter: Compound;
  pitLaneTime: number | null;
  pitLoss: number | null;
  /** In-lap and out-lap both fully green: a stop usable to measure pit loss and validate projections. */
  greenFlag: boolean;
  /** Any safety car / VSC during the in- or out-lap (a "cheap" stop). */
  underNeutralisation: boolean;
  positionBefore: number | null;
  positionAfter: number | null;
}

export interface PitLossSummary {
  /** Median pit loss (s) over green-flag stops. */
  pitLoss: number | null;
  /** Median pit-lane time, entry to exit (s). */
  pitLaneTime: number | null;
  stops: number;
}

const NEUTRALISED = /[4567]/;

/** The driver's typical clean lap near `lap` (±6 laps), the reference a stop is measured against. */
export function localPace(driverLaps: readonly Lap[], lap: number, window = 6): number | null {
  const near = driverLaps
    .filter((l) => Math.abs(l.lap - lap) <= window && isCleanLap(l))
    .map((l) => l.lapTime!);
  return median(near);
}

export function findPitStops(laps: readonly Lap[]): PitStop[] {
  const stops: PitStop[] = [];
  for (const [driver, list] of lapsByDriver(laps)) {
    const byLap = new Map(list.map((l) => [l.lap, l]));
    for (const inLap of list) {
      if (inLap.pitInTime === null) continue;
      const outLap = byLap.get(inLap.lap + 1);
      if (!outLap || outLap.pitOutTime === null) continue; // retired in the pits
      const before = byLap.get(inLap.lap - 1);
      const pace = localPace(list, inLap.lap);
      const pitLoss =
        pace !== null && inLap.lapTime !== null && outLap.lapTime !== null
          ? inLap.lapTime + outLap.lapTime - 2 * pace
          : null;
      stops.push({
        driver,
        lap: inLap.lap,
        compoundBefore: inLap.compound,
        compoundAfter: outLap.compound,
        pitLaneTime: round3(outLap.pitOutTime - inLap.pitInTime),
        pitLoss: round3(pitLoss),
        greenFlag: isGreen(inLap) && isGreen(outLap) && (before ? isGreen(before) : false),
        underNeutralisation: NEUTRALISED.test(inLap.trackStatus) || NEUTRALISED.test(outLap.trackStatus),
        positionBefore: before?.position ?? null,
        positionAfter: outLap.position,
      });
    }
  }
  return stops.sort((a, b) => a.lap - b.lap || a.driver.localeCompare(b.driver));
}

/** Plausible green-flag stops only: slow stops (repairs, penalties served) would skew the circuit's figure. */
export function summarisePitLoss(stops: readonly PitStop[]): PitLossSummary {
  const green = stops.filter((s) => s.greenFlag && s.pitLoss !== null && s.pitLoss > 5 && s.pitLoss < 60);
  const lane = green.map((s) => s.pitLaneTime).filter((x): x is number => x !== null && x > 5 && x < 60);
  const typical = median(green.map((s) => s.pitLoss!));
  // Drop stops > 8 s slower than typical (a slow wheel change or a penalty being served).
  const normal = typical === null ? [] : green.filter((s) => s.pitLoss! <= typical + 8);
  return {
    pitLoss: round3(median(normal.map((s) => s.pitLoss!))),
    pitLaneTime: round3(median(lane)),
    stops: normal.length,
  };
}
