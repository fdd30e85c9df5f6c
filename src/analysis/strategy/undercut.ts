// Undercut / overcut battles between neighbouring cars and how they turned out (pure).
// A battle: two cars running nose to tail (consecutive positions, within `maxGap` s) at the line before the
// first of them pits, the other pitting within `maxLapsApart` laps. If the car behind pits first it tries
// the undercut; if the car ahead pits first, the car behind tries the overcut by staying out. The outcome
// is read at the line after both out-laps: did the attacker (the car that was behind) get ahead?
import { lapsByDriver, type Lap } from '../../data/laps/laps.ts';
import type { PitStop } from './pit-stops.ts';
import { round3 } from './stints.ts';

export interface PitBattle {
  type: 'undercut' | 'overcut';
  attacker: string;
  defender: string;
  attackerStopLap: number;
  defenderStopLap: number;
  gapBefore: number;
  result: 'success' | 'failed' | 'unknown';
  /** Positions gained by the attacker relative to the defender (+1 = got ahead). */
  summary: string;
}

export interface BattleOptions {
  maxGap?: number;
  maxLapsApart?: number;
}

export function findPitBattles(
  laps: readonly Lap[],
  stops: readonly PitStop[],
  opts: BattleOptions = {},
): PitBattle[] {
  const maxGap = opts.maxGap ?? 3;
  const maxLapsApart = opts.maxLapsApart ?? 5;
  const byDriver = lapsByDriver(laps);
  const at = (d: string, lap: number) => byDriver.get(d)?.find((l) => l.lap === lap);
  const battles: PitBattle[] = [];
  const seen = new Set<string>();
  for (const first of stops) {
    if (first.underNeutralisation) continue;
    const lineLap = first.lap - 1;
    const mine = at(first.driver, lineLap);
    if (!mine || mine.time === null || mine.position === null) continue;
    for (const other of stops) {
      if (other.driver === first.driver || other.lap <= first.lap || other.lap > first.lap + maxLapsApart)
        continue;
      if (other.underNeutralisation) continue;
      const theirs = at(other.driver, lineLap);
      if (!theirs || theirs.time === null || theirs.position === null) continue;
      if (Math.abs(theirs.position - mine.position) !== 1) continue;
      const gap = Math.abs(theirs.time - mine.time);
      if (gap > maxGap) continue;
      const key = [first.driver, other.driver].sort().join('/') + lineLap;
      if (seen.has(key)) continue;
      seen.add(key);
      const firstWasBehind = mine.position > theirs.position;
      const attacker = firstWasBehind ? first.driver : other.driver;
      const defender = firstWasBehind ? other.driver : first.driver;
      const checkLap = other.lap + 1;
      const a = at(attacker, checkLap);
      const d = at(defender, checkLap);
      let result: PitBattle['result'] = 'unknown';
      if (a?.time != null && d?.time != null) result = a.time < d.time ? 'success' : 'failed';
      const type = firstWasBehind ? 'undercut' : 'overcut';
      battles.push({
        type,
        attacker,
        defender,
        attackerStopLap: firstWasBehind ? first.lap : other.lap,
        defenderStopLap: firstWasBehind ? other.lap : first.lap,
        gapBefore: round3(gap)!,
        result,
        summary:
          result === 'unknown'
            ? `${attacker} tried the ${type} on ${defender}; outcome unknown (one of them did not complete lap ${checkLap})`
            : `${attacker} ${result === 'success' ? 'made' : 'failed'} the ${type} on ${defender} (${round3(gap)} s behind before the stops)`,
      });
    }
  }
  return battles;
}

export interface UndercutOpportunity {
  /** The car behind, which could pit first. */
  attacker: string;
  defender: string;
  /** Gap at the line after `lap` (s). */
  gap: number;
  attackerTyreAge: number | null;
  defenderCompound: string;
  defenderTyreAge: number | null;
  /** Lap-time gain of a fresh tyre over the defender's worn one: degradation × tyre age (s per lap). */
  freshTyreGainPerLap: number | null;
  verdict: 'undercut on' | 'marginal' | 'not enough';
}

/**
 * Undercut opportunities at the line after `lap`: each pair of consecutive cars within `maxGap` s. The
 * gain of pitting first is estimated from the defender's tyre age and the race's degradation on his
 * compound; "undercut on" when one lap of it covers the gap, "marginal" when two laps do.
 */
export function undercutOpportunities(
  laps: readonly Lap[],
  lap: number,
  degradationByCompound: ReadonlyMap<string, number>,
  maxGap = 3,
): UndercutOpportunity[] {
  const running = laps
    .filter((l) => l.lap === lap && l.time !== null && l.pitInTime === null)
    .sort((a, b) => a.time! - b.time!);
  const out: UndercutOpportunity[] = [];
  for (let i = 1; i < running.length; i++) {
    const ahead = running[i - 1]!;
    const behind = running[i]!;
    const gap = behind.time! - ahead.time!;
    if (gap > maxGap) continue;
    const deg = degradationByCompound.get(ahead.compound);
    const gain = deg !== undefined && ahead.tyreLife !== null ? Math.max(0, deg) * ahead.tyreLife : null;
    out.push({
      attacker: behind.driver,
      defender: ahead.driver,
      gap: round3(gap)!,
      attackerTyreAge: behind.tyreLife,
      defenderCompound: ahead.compound,
      defenderTyreAge: ahead.tyreLife,
      freshTyreGainPerLap: round3(gain),
      verdict:
        gain === null
          ? 'not enough'
          : gain >= gap
            ? 'undercut on'
            : 2 * gain >= gap
              ? 'marginal'
              : 'not enough',
    });
  }
  return out;
}
