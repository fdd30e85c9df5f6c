// Drivers' championship arithmetic after a round: who can still win, who has clinched, what each contender
// needs at the next round, and what-if standings from hypothetical results. Pure.
import { badRequest } from '../../errors.ts';
import { maxWeekendPoints, pointsFor, type PointsSystem, type RemainingEvent } from './points.ts';

export interface StandingEntry {
  driverId: string;
  name: string;
  points: number;
  wins: number;
  /**
   * Races and sprints started this season so far (when known): an entrant who has not started one after the
   * first round (a listed driver without a seat) is not counted as a contender, whatever the points left.
   */
  starts?: number;
}

export interface RivalMargin {
  rival: string;
  /**
   * Points the contender must outscore this rival by at the next round to clinch; negative: how many points
   * the contender may lose to this rival at that round and still clinch.
   */
  outscoreBy: number;
}

export interface ContenderStatus {
  driverId: string;
  name: string;
  position: number;
  points: number;
  gapToLeader: number;
  maxPossiblePoints: number;
  /** Can still at least tie the leader's current total (ties go to countback). */
  canStillWin: boolean;
  clinched: boolean;
  /** Can clinch at the next round (if there is one and results go their way). */
  canClinchAtNextRound: boolean;
  /**
   * Can catch the leader even if the leader finishes second in every remaining race and sprint (the
   * contender winning each): the title is in their own hands. False: they also need the leader to drop
   * further back — an outside chance.
   */
  inTheFight: boolean;
  nextRoundMargins: RivalMargin[];
  summary: string;
}

export interface ChampionshipScenario {
  year: number;
  afterRound: number;
  remaining: RemainingEvent[];
  racesRemaining: number;
  sprintsRemaining: number;
  pointsRemaining: number;
  decided: boolean;
  champion: string | null;
  contenders: ContenderStatus[];
  /** Entrants left out of the contenders because they have not started a race or sprint this season. */
  withoutStarts: string[];
  summary: string;
}

/** Orders standings by points, then wins (the first countback criterion). */
export function sortStandings<T extends StandingEntry>(s: readonly T[]): T[] {
  return [...s].sort((a, b) => b.points - a.points || b.wins - a.wins);
}

export function analyseChampionship(
  year: number,
  afterRound: number,
  standings: readonly StandingEntry[],
  remaining: readonly RemainingEvent[],
  ps: PointsSystem,
): ChampionshipScenario {
  const table = sortStandings(standings);
  const perEvent = remaining.map((ev) => maxWeekendPoints(ps, ev));
  const pointsRemaining = perEvent.reduce((a, b) => a + b, 0);
  const afterNext = pointsRemaining - (perEvent[0] ?? 0);
  // The most a contender can gain on the leader when the leader is runner-up everywhere.
  const gainOnRunnerUp = remaining.reduce((sum, ev) => sum + maxGainOverRunnerUp(ps, ev), 0);
  const next = remaining[0];
  const leader = table[0];
  const leaderPts = leader?.points ?? 0;
  const clinched =
    leader !== undefined && table.slice(1).every((r) => r.points + pointsRemaining < leader.points);
  const contenders: ContenderStatus[] = [];
  const noStart = (d: StandingEntry) => afterRound > 0 && d.starts === 0;
  const withoutStarts = table.filter(noStart).map((d) => d.name);
  table.forEach((d, i) => {
    if (noStart(d)) return;
    const maxPossible = d.points + pointsRemaining;
    const canStillWin = clinched ? i === 0 : maxPossible >= leaderPts;
    if (!canStillWin) return;
    const margins = table
      .filter((r) => r.driverId !== d.driverId && r.points + pointsRemaining >= d.points)
      .map((r) => ({ rival: r.name, outscoreBy: r.points - d.points + afterNext + 1 }));
    const worst = Math.max(0, ...margins.map((m) => m.outscoreBy));
    const canClinchNext = !clinched && next !== undefined && worst <= (perEvent[0] ?? 0);
    const isChampion = clinched && i === 0;
    const gap = leaderPts - d.points;
    const inTheFight = !clinched && (i === 0 || gap <= gainOnRunnerUp);
    contenders.push({
      driverId: d.driverId,
      name: d.name,
      position: i + 1,
      points: d.points,
      gapToLeader: leaderPts - d.points,
      maxPossiblePoints: maxPossible,
      canStillWin,
      clinched: isChampion,
      canClinchAtNextRound: canClinchNext,
      inTheFight,
      nextRoundMargins: margins,
      summary: isChampion
        ? `${d.name} has clinched the title (${d.points} pts; nobody can reach that with ${pointsRemaining} pts left).`
        : canClinchNext
          ? `${d.name} clinches at round ${next!.round} (${next!.name}) by ` +
            margins.map(describeMargin).join(' and ') +
            '.'
          : i === 0
            ? `${d.name} leads with ${d.points} pts; ${pointsRemaining} pts remain.`
            : inTheFight
              ? `${d.name} (${d.points} pts, ${gap} behind) can win it by winning, whatever the leader does: at most ${maxPossible} pts.`
              : `${d.name} (${d.points} pts, ${gap} behind) needs ${leader!.name} to finish lower than second ` +
                `too: winning everything while the leader is runner-up gains only ${gainOnRunnerUp} pts.`,
    });
  });
  const racesRemaining = remaining.length;
  const sprintsRemaining = remaining.filter((r) => r.sprint).length;
  return {
    year,
    afterRound,
    remaining: [...remaining],
    racesRemaining,
    sprintsRemaining,
    pointsRemaining,
    decided: clinched,
    champion: clinched ? leader!.name : null,
    contenders,
    withoutStarts,
    summary:
      (clinched
        ? `${leader!.name} is champion: ${leader!.points} pts with ${pointsRemaining} pts left to score.`
        : `${contenders.length} driver(s) can still mathematically win the ${year} title, ` +
          `${contenders.filter((c) => c.inTheFight).length} of them on their own results; ${pointsRemaining} pts remain ` +
          `(${racesRemaining} races, ${sprintsRemaining} sprints).`) +
      (withoutStarts.length && !clinched
        ? ` Not counted: ${withoutStarts.join(', ')} (no start this season).`
        : ''),
  };
}

export interface HypotheticalResult {
  round: number;
  session: 'RACE' | 'SPRINT_RACE';
  /** Driver ids in finishing order (P1 first). Drivers not listed score nothing. */
  order: string[];
  fastestLap?: string;
}

/** Adds hypothetical results to the standings; returns the new table with each driver's points gained. */
export function applyResults(
  standings: readonly StandingEntry[],
  results: readonly HypotheticalResult[],
  ps: PointsSystem,
): (StandingEntry & { gained: number })[] {
  const table = new Map(standings.map((s) => [s.driverId, { ...s, gained: 0 }]));
  for (const r of results) {
    if (r.session === 'SPRINT_RACE' && ps.sprint.length === 0)
      throw badRequest(`There are no sprint races in ${ps.year}`);
    if (new Set(r.order).size !== r.order.length)
      throw badRequest(`Round ${r.round} ${r.session}: a driver appears twice in the finishing order`);
    r.order.forEach((id, i) => {
      const entry = table.get(id);
      if (!entry) throw badRequest(`Driver ${id} is not in the ${ps.year} championship`);
      const pts = pointsFor(ps, r.session, i + 1, r.round, r.fastestLap === id);
      if (entry.starts !== undefined) entry.starts += 1;
      entry.points += pts;
      entry.gained += pts;
      if (r.session === 'RACE' && i === 0) entry.wins += 1;
    });
  }
  return sortStandings([...table.values()]);
}

/** Points a weekend winner gains on a driver who finishes second in each of its races. */
function maxGainOverRunnerUp(ps: PointsSystem, ev: RemainingEvent): number {
  const factor = ps.doublePointsRounds.includes(ev.round) ? 2 : 1;
  const race = factor * (ps.race[0]! - (ps.race[1] ?? 0) + ps.fastestLap);
  return race + (ev.sprint ? (ps.sprint[0] ?? 0) - (ps.sprint[1] ?? 0) : 0);
}

function describeMargin(m: RivalMargin): string {
  if (m.outscoreBy > 0) return `outscoring ${m.rival} by at least ${m.outscoreBy} pts`;
  if (m.outscoreBy === 0) return `scoring at least as many points as ${m.rival}`;
  return `losing no more than ${-m.outscoreBy} pts to ${m.rival}`;
}
