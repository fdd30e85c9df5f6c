// `race-engineer eval live`: replays recordings of every kind to their end, as a client sees them (the first
// state, then every delta applied with the client's merge), and compares the final tower with the official
// f1db result: running order, pit stops, laps completed, best laps (qualifying), and what a fan would notice on
// the way (two cars on one position, a lapped car shown with a gap, an overtake "on" a car that had just pitted,
// missing codes, colours, gaps or tyre ages).
import type { Db } from '../data/db.ts';
import { applyDelta, diff } from './diff.ts';
import { EventDetector } from './detect.ts';
import { initialState, reduce } from './reducer.ts';
import type { RecordingCatalog } from './recordings/catalog.ts';
import type { LiveEvent, SessionState } from './types.ts';
import { markdownTable } from '../markdown.ts';

export interface LiveEvalCase {
  label: string;
  year: number;
  round: number;
  session?: string;
  source?: string;
}

/** One race per lap-table era, the rounds with feed recordings (default pick and each source), OpenF1. */
export const LIVE_EVAL_CASES: LiveEvalCase[] = [
  { label: 'laps 2024 R1', year: 2024, round: 1, source: 'laps' },
  { label: 'laps 2025 R20', year: 2025, round: 20, source: 'laps' },
  { label: 'laps 2021 R22', year: 2021, round: 22, source: 'laps' },
  { label: 'laps 2025 R18', year: 2025, round: 18, source: 'laps' },
  { label: 'default /api/live/2025/20', year: 2025, round: 20 },
  { label: 'default /api/live/2025/18', year: 2025, round: 18 },
  { label: 'feed 2025 R20 race (no TimingData)', year: 2025, round: 20, source: 'livetiming' },
  { label: 'feed 2025 R20 qualifying', year: 2025, round: 20, session: 'Q' },
  { label: 'openf1 2024 R1', year: 2024, round: 1, source: 'openf1' },
  { label: 'openf1 2023 R1', year: 2023, round: 1, source: 'openf1' },
  { label: 'openf1 2024 R20 (no lap tables)', year: 2024, round: 20, source: 'openf1' },
];

export interface LiveEvalRow {
  label: string;
  picked: string;
  session: string;
  /** Official classification places the final order matches (same car at the same index). */
  order: [number, number];
  /** The same at the chequered flag, before the official classification (penalties) is applied. */
  orderAtFlag: [number, number] | null;
  /** Drivers whose stop count equals f1db's (races). */
  pitStops: [number, number] | null;
  /** Drivers whose laps completed equal f1db's (races). */
  laps: [number, number] | null;
  /** Drivers whose best lap equals their official time in the last part they ran (qualifying). */
  bestLaps: [number, number] | null;
  /** Share of the towers clients see (after each instant's updates) where two cars hold the same position. */
  duplicatePositionStates: number;
  /** Cars a lap or more down shown with a time gap instead of "nL", at the end. */
  lappedShownAsTime: number;
  /** Overtakes reported on a car that had entered the pits in the 150 s before. */
  overtakesOnPittedCars: [number, number];
  /** Fields a fan expects, at the end: three-letter codes, team colours, gaps (races). */
  codes: [number, number];
  colours: [number, number];
  gaps: [number, number] | null;
  /** Drivers whose tyre age at the end covers at least the laps run since their last tyre change. */
  tyreAge: [number, number];
  /** Retired cars still holding a running position (shared with a running car or above one). */
  retiredInRunningOrder: number;
  ms: number;
}

interface Official {
  order: string[];
  pitStops: Map<string, number | null>;
  laps: Map<string, number | null>;
  bestQ: Map<string, number | null>;
}

function official(db: Db, year: number, round: number, session: string): Official {
  const table = session === 'Q' ? 'qualifying_result' : 'race_result';
  const f1dbSession = session === 'Q' ? 'QUALIFYING' : session === 'S' ? 'SPRINT_RACE' : 'RACE';
  const extra =
    session === 'Q' ? 'q.q1_millis AS q1, q.q2_millis AS q2, q.q3_millis AS q3' : 'q.pit_stops AS stops';
  const rows = db
    .prepare(
      `SELECT q.driver_number AS n, q.laps AS laps, ${extra} FROM ${table} q JOIN race r ON r.id = q.race_id
       WHERE r.year = ? AND r.round = ? AND q.session = ? ORDER BY q.position_display_order`,
    )
    .all(year, round, f1dbSession) as {
    n: string;
    laps: number | null;
    stops?: number | null;
    q1?: number | null;
    q2?: number | null;
    q3?: number | null;
  }[];
  // The tower shows each car's best lap of the last part it ran in (Q3, else Q2, else Q1), as the result does.
  const best = (r: (typeof rows)[number]) => r.q3 ?? r.q2 ?? r.q1 ?? null;
  return {
    order: rows.map((r) => r.n),
    pitStops: new Map(rows.map((r) => [r.n, r.stops ?? null])),
    laps: new Map(rows.map((r) => [r.n, r.laps])),
    bestQ: new Map(rows.map((r) => [r.n, best(r)])),
  };
}

function hasDuplicatePositions(s: SessionState): boolean {
  const seen = new Set<number>();
  for (const d of Object.values(s.drivers)) {
    if (d.position == null) continue;
    if (seen.has(d.position)) return true;
    seen.add(d.position);
  }
  return false;
}

/** Replays one recording to its end as a client sees it and scores it against f1db. */
export async function evalCase(catalog: RecordingCatalog, db: Db, c: LiveEvalCase): Promise<LiveEvalRow> {
  const started = performance.now();
  const meta = await catalog.resolve(c.year, c.round, c.session, c.source);
  const rec = await catalog.load(meta.id);
  const detector = new EventDetector();
  let state = initialState();
  let client: SessionState = structuredClone(state);
  let dupStates = 0;
  let states = 0;
  const events: LiveEvent[] = [];
  const pitEntries = new Map<string, number[]>();
  // Per driver: laps completed when the current set of tyres went on (a stint began), to check the tyre age.
  const stintFrom = new Map<string, { stints: number; lap: number }>();
  const updates = rec.updates;
  let atFlag: string[] | null = null;
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i]!;
    const next = reduce(state, u);
    events.push(...detector.detect(state, next, u));
    const d = diff(state, next);
    if (d) client = applyDelta(client, d);
    state = next;
    if (u.kind === 'status' && u.status === 'Finished') atFlag = [...client.order];
    if (u.kind !== 'driver') continue;
    // Updates of one instant reach clients together (one delta): look at the tower once they are all in.
    if (updates[i + 1]?.timeMs !== u.timeMs) {
      states++;
      if (hasDuplicatePositions(client)) dupStates++;
    }
    const after = client.drivers[u.number];
    const known = stintFrom.get(u.number);
    if (after && (!known || (after.stints?.length ?? 0) > known.stints))
      stintFrom.set(u.number, { stints: after.stints?.length ?? 0, lap: after.laps ?? 0 });
  }
  for (const e of events) {
    if (e.kind === 'pit_stop') pitEntries.set(e.number, [...(pitEntries.get(e.number) ?? []), e.timeMs]);
  }
  const overtakes = events.filter((e) => e.kind === 'overtake');
  const onPitted = overtakes.filter((e) =>
    (pitEntries.get(e.passed) ?? []).some((t) => t <= e.timeMs && e.timeMs - t <= 150_000),
  );

  const off = official(db, c.year, c.round, meta.session);
  const drivers = Object.values(client.drivers);
  const order = client.order;
  // Cars that never took part (a withdrawal) are not in the recording: compare the cars that are.
  const offOrder = off.order.filter((n) => n in client.drivers);
  const orderHits = offOrder.filter((n, i) => order[i] === n).length;
  const flagHits = atFlag ? offOrder.filter((n, i) => atFlag![i] === n).length : null;
  const isRace = meta.session === 'R' || meta.session === 'S';
  const score = (m: Map<string, number | null>, get: (n: string) => number | null | undefined) => {
    const known = [...m.entries()].filter(([n, v]) => v !== null && n in client.drivers);
    return [known.filter(([n, v]) => get(n) === v).length, known.length] as [number, number];
  };
  const leaderLaps = Math.max(0, ...drivers.map((d) => d.laps ?? 0));
  const running = drivers.filter((d) => !d.retired && d.position != null);
  const lappedShownAsTime = isRace
    ? running.filter((d) => d.laps < leaderLaps && /^\+\d/.test(d.gapToLeader ?? '')).length
    : 0;
  const lowestRunning = Math.max(0, ...running.map((d) => d.position!));
  const retiredInRunningOrder = drivers.filter(
    (d) => d.retired && d.position != null && d.position <= lowestRunning,
  ).length;
  return {
    label: c.label,
    picked: meta.id,
    session: meta.session,
    order: [orderHits, offOrder.length],
    orderAtFlag: flagHits === null || !isRace ? null : [flagHits, offOrder.length],
    pitStops: isRace ? score(off.pitStops, (n) => client.drivers[n]?.pitStops) : null,
    laps: isRace ? score(off.laps, (n) => client.drivers[n]?.laps) : null,
    bestLaps: meta.session === 'Q' ? score(off.bestQ, (n) => client.drivers[n]?.bestLapMs) : null,
    duplicatePositionStates: states ? dupStates / states : 0,
    lappedShownAsTime,
    overtakesOnPittedCars: [onPitted.length, overtakes.length],
    codes: [drivers.filter((d) => /^[A-Z]{3}$/.test(d.tla ?? '')).length, drivers.length],
    colours: [drivers.filter((d) => /^#?[0-9a-f]{6}$/i.test(d.teamColour ?? '')).length, drivers.length],
    gaps: isRace
      ? [
          running.filter((d) => d.position === 1 || /^\+\d|^\d+L$/.test(d.gapToLeader ?? '')).length,
          running.length,
        ]
      : null,
    tyreAge: [
      drivers.filter((d) => d.tyre && d.tyre.age >= (d.laps ?? 0) - (stintFrom.get(d.number)?.lap ?? 0))
        .length,
      drivers.length,
    ],
    retiredInRunningOrder,
    ms: Math.round(performance.now() - started),
  };
}

export async function evalLive(
  catalog: RecordingCatalog,
  db: Db,
  cases: LiveEvalCase[] = LIVE_EVAL_CASES,
  onCase?: (c: LiveEvalCase) => void,
): Promise<LiveEvalRow[]> {
  const rows: LiveEvalRow[] = [];
  for (const c of cases) {
    onCase?.(c);
    rows.push(await evalCase(catalog, db, c));
  }
  return rows;
}

const frac = (x: [number, number] | null) => (x ? `${x[0]}/${x[1]}` : '–');

export function formatLiveEval(rows: LiveEvalRow[]): string {
  const headers = [
    'replay',
    'recording',
    'final order vs official',
    'order at the flag',
    'pit stops vs official',
    'laps vs official',
    'best laps = official Q times',
    'states with 2 cars on 1 place',
    'lapped shown as time',
    'overtakes on pitted cars',
    'codes',
    'colours',
    'gaps',
    'tyre age ≥ laps on the set',
  ];
  const body = rows.map((r) => [
    r.label,
    r.picked,
    frac(r.order),
    frac(r.orderAtFlag),
    frac(r.pitStops),
    frac(r.laps),
    frac(r.bestLaps),
    `${(r.duplicatePositionStates * 100).toFixed(1)} %`,
    String(r.lappedShownAsTime),
    frac(r.overtakesOnPittedCars),
    frac(r.codes),
    frac(r.colours),
    frac(r.gaps),
    frac(r.tyreAge),
  ]);
  return markdownTable(headers, body);
}
