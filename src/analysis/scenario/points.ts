// Championship points systems by season (drivers' championship). Pure.
import { badRequest } from '../../errors.ts';

export interface PointsSystem {
  year: number;
  race: readonly number[];
  sprint: readonly number[];
  /** Bonus point for the fastest lap (awarded only to a top-ten finisher). */
  fastestLap: number;
  /** Rounds that score double (2014 Abu Dhabi). */
  doublePointsRounds: readonly number[];
}

const MODERN = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1] as const;

/** Points systems are supported from 1991 (every finishing position's points counted, no dropped scores). */
export function pointsSystem(year: number): PointsSystem {
  if (!Number.isInteger(year) || year < 1991) {
    throw badRequest(
      `Championship scenarios are supported from 1991 (dropped-score seasons before); got ${year}`,
    );
  }
  const race = year >= 2010 ? MODERN : year >= 2003 ? [10, 8, 6, 5, 4, 3, 2, 1] : [10, 6, 4, 3, 2, 1];
  const sprint = year >= 2022 ? [8, 7, 6, 5, 4, 3, 2, 1] : year === 2021 ? [3, 2, 1] : [];
  return {
    year,
    race,
    sprint,
    fastestLap: year >= 2019 && year <= 2024 ? 1 : 0,
    doublePointsRounds: year === 2014 ? [19] : [],
  };
}

export interface RemainingEvent {
  round: number;
  name: string;
  sprint: boolean;
}

/** The most one driver can still score in one weekend. */
export function maxWeekendPoints(ps: PointsSystem, ev: RemainingEvent): number {
  const factor = ps.doublePointsRounds.includes(ev.round) ? 2 : 1;
  return factor * (ps.race[0]! + ps.fastestLap) + (ev.sprint ? (ps.sprint[0] ?? 0) : 0);
}

/** Points for a finishing position (1-based) in a race or sprint. */
export function pointsFor(
  ps: PointsSystem,
  session: 'RACE' | 'SPRINT_RACE',
  position: number,
  round: number,
  fastestLap = false,
): number {
  const table = session === 'RACE' ? ps.race : ps.sprint;
  const base = table[position - 1] ?? 0;
  const bonus = session === 'RACE' && fastestLap && position <= 10 ? ps.fastestLap : 0;
  const factor = session === 'RACE' && ps.doublePointsRounds.includes(round) ? 2 : 1;
  return factor * (base + bonus);
}
