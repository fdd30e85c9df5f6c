// Validates the rejoin projection against real green-flag stops in the lap tables: for each stop, project
// from the line before the in-lap (as a pit wall would) and compare with the position at the end of the
// out-lap. The pit loss used is the one known beforehand: the median of earlier editions of the same event
// in the lap tables, else the green stops already made earlier in the same race, else a default.
// Two figures: `within1` projects the pitting car against the field as it actually ran (other cars' own
// stops in the same window included — the projection's own error); `allStayOutWithin1` assumes every other
// car stays out, which is what a "box now?" call must assume and is hurt by rivals reacting in the same laps.
import { findPitStops, summarisePitLoss, type PitStop } from './pit-stops.ts';
import { projectRejoin, projectRejoinAgainstActualField } from './rejoin.ts';
import type { RaceLaps } from '../../data/laps/laps.ts';

export const DEFAULT_PIT_LOSS = 22;

export interface RejoinValidationRow {
  year: number;
  stops: number;
  within1: number;
  exact: number;
  allStayOutWithin1: number;
  /** The naive baseline: "you come out where you are" (position before the stop). */
  baselineWithin1: number;
  meanAbsError: number;
}

export interface RejoinValidation {
  seasons: RejoinValidationRow[];
  overall: RejoinValidationRow;
}

/** A stop usable for validation: green flag throughout, position known before and after, not the last laps. */
function usable(s: PitStop): boolean {
  return s.greenFlag && s.positionBefore !== null && s.positionAfter !== null && s.lap >= 3;
}

export function validateRejoin(seasons: Map<number, Map<number, RaceLaps>>): RejoinValidation {
  const rows: RejoinValidationRow[] = [];
  const priorLoss = new Map<string, number[]>(); // event name → pit loss of earlier editions
  const all: Acc = { stops: 0, within1: 0, exact: 0, allStayOutWithin1: 0, baselineWithin1: 0, absErr: 0 };
  for (const [year, races] of [...seasons].sort((a, b) => a[0] - b[0])) {
    const acc: Acc = { stops: 0, within1: 0, exact: 0, allStayOutWithin1: 0, baselineWithin1: 0, absErr: 0 };
    const thisYear: [string, number][] = [];
    for (const race of [...races.values()].sort((a, b) => a.round - b.round)) {
      const stops = findPitStops(race.laps);
      const earlier = priorLoss.get(race.eventName);
      const editionLoss = earlier?.length ? earlier[earlier.length - 1]! : null;
      for (const stop of stops.filter(usable)) {
        const sameRaceEarlier = summarisePitLoss(stops.filter((s) => s.lap < stop.lap));
        const pitLoss =
          editionLoss ?? (sameRaceEarlier.stops >= 3 ? sameRaceEarlier.pitLoss : null) ?? DEFAULT_PIT_LOSS;
        const position = projectRejoinAgainstActualField(race.laps, stop.driver, stop.lap - 1, pitLoss);
        const stayOut = projectRejoin(race.laps, stop.driver, stop.lap - 1, pitLoss);
        if (position === null || !stayOut) continue;
        const err = Math.abs(position - stop.positionAfter!);
        if (Math.abs(stayOut.position - stop.positionAfter!) <= 1) acc.allStayOutWithin1++;
        acc.stops++;
        acc.absErr += err;
        if (err <= 1) acc.within1++;
        if (err === 0) acc.exact++;
        if (Math.abs(stop.positionBefore! - stop.positionAfter!) <= 1) acc.baselineWithin1++;
      }
      const summary = summarisePitLoss(stops);
      if (summary.pitLoss !== null && summary.stops >= 3) thisYear.push([race.eventName, summary.pitLoss]);
    }
    for (const [name, loss] of thisYear) priorLoss.set(name, [...(priorLoss.get(name) ?? []), loss]);
    rows.push(toRow(year, acc));
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += acc[k];
  }
  return { seasons: rows, overall: toRow(0, all) };
}

type Acc = Omit<RejoinValidationRow, 'year' | 'meanAbsError'> & { absErr: number };

function toRow(year: number, a: Acc): RejoinValidationRow {
  return {
    year,
    stops: a.stops,
    within1: a.within1,
    exact: a.exact,
    allStayOutWithin1: a.allStayOutWithin1,
    baselineWithin1: a.baselineWithin1,
    meanAbsError: a.stops ? Math.round((a.absErr / a.stops) * 100) / 100 : 0,
  };
}
