// Live championship standings: the table before the session plus the points the running order would score now,
// by the season's points system (race and sprint, and the fastest-lap point of 2019–2024). Pure, shared by the
// web page (with the table before the round from /api/standings) and the tests.

const RACE_2010 = [25, 18, 15, 12, 10, 8, 6, 4, 2, 1];
const RACE_2003 = [10, 8, 6, 5, 4, 3, 2, 1];
const SPRINT_2021 = [3, 2, 1];
const SPRINT_2022 = [8, 7, 6, 5, 4, 3, 2, 1];

/** The points table of a season's race ('R') or sprint ('S'); null for seasons it does not cover (before 2003). */
export function pointsTable(year: number, session: 'R' | 'S'): number[] | null {
  if (session === 'S') return year === 2021 ? SPRINT_2021 : year >= 2022 ? SPRINT_2022 : null;
  return year >= 2010 ? RACE_2010 : year >= 2003 ? RACE_2003 : null;
}

/** One point for the fastest lap, to a driver classified in the top ten (2019–2024 races). */
export function fastestLapPoint(year: number, session: 'R' | 'S', position: number): number {
  return session === 'R' && year >= 2019 && year <= 2024 && position <= 10 ? 1 : 0;
}

export interface StandingBefore {
  code: string;
  name: string;
  points: number;
  position: number;
}

export interface RunningCar {
  tla: string;
  name?: string;
  position: number | null;
  retired: boolean;
}

export interface LiveStanding {
  code: string;
  name: string;
  points: number;
  /** Points this session would give as the cars run now. */
  gained: number;
  position: number;
  /** Places up (+) or down (−) against the table before the session (null: not in it). */
  moved: number | null;
}

/** The drivers' table if the session ended in the running order now; null when the season's system is unknown. */
export function liveStandings(
  year: number,
  session: 'R' | 'S',
  before: StandingBefore[],
  cars: RunningCar[],
  fastestLapTla: string | null,
): LiveStanding[] | null {
  const table = pointsTable(year, session);
  if (!table) return null;
  const scored = new Map<string, number>();
  for (const car of cars) {
    if (car.position == null || car.retired) continue;
    const pts =
      (table[car.position - 1] ?? 0) +
      (car.tla === fastestLapTla ? fastestLapPoint(year, session, car.position) : 0);
    if (pts > 0) scored.set(car.tla, pts);
  }
  const rows = new Map<string, LiveStanding>();
  for (const b of before)
    rows.set(b.code, { code: b.code, name: b.name, points: b.points, gained: 0, position: 0, moved: null });
  for (const car of cars) {
    if (!rows.has(car.tla))
      rows.set(car.tla, {
        code: car.tla,
        name: car.name ?? car.tla,
        points: 0,
        gained: 0,
        position: 0,
        moved: null,
      });
  }
  for (const [code, pts] of scored) {
    const r = rows.get(code)!;
    r.gained = pts;
    r.points += pts;
  }
  const was = new Map(before.map((b) => [b.code, b.position]));
  const order = [...rows.values()].sort(
    (a, b) => b.points - a.points || (was.get(a.code) ?? 99) - (was.get(b.code) ?? 99),
  );
  order.forEach((r, i) => {
    r.position = i + 1;
    const w = was.get(r.code);
    r.moved = w === undefined ? null : w - r.position;
  });
  return order;
}
