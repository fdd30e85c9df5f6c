// Statistics over many races: every "most / how many / first / youngest" question is one query here.
//
// A *metric* is a set of events — one row per win, pole, podium, start, title… — each carrying who
// (driver, team, engine, nationality), where (race, grand prix, circuit), when (date, season) and a value
// (1, or points). A query filters those events, groups them (by driver, team, season, …) and either
// aggregates each group (count, sum, distinct seasons) or picks an event per group (first, last, youngest,
// oldest). The same function serves the agent's `get_f1_stats` tool, so the offline engine and an LLM ask
// the same question the same way.
//
//   statsQuery(db, { metric: 'wins', groupBy: 'driver', filters: { withoutTitle: true } })
//   statsQuery(db, { metric: 'wins', groupBy: 'driver', filters: { driverId: 'lewis-hamilton', circuitId: 'silverstone' } })
//   statsQuery(db, { metric: 'titles', groupBy: 'nationality', count: 'drivers' })
//   statsQuery(db, { metric: 'titles', groupBy: 'driver', pick: 'oldest' })
import type { Db } from '../db.ts';
import { NON_STARTS } from './starts.ts';

export const METRICS = [
  'wins',
  'podiums',
  'poles',
  'fastest_laps',
  'points',
  'starts',
  'finishes',
  'points_finishes',
  'retirements',
  'disqualifications',
  'titles',
  'constructor_titles',
  'grand_slams',
  'hat_tricks',
  'driver_of_the_day',
  'pit_stops',
  'laps',
  'front_rows',
  'races_held',
  'one_twos',
] as const;
export type Metric = (typeof METRICS)[number];

export const GROUPS = [
  'driver',
  'driver_season',
  'driver_race',
  'driver_constructor',
  'constructor_season',
  'constructor',
  'engine',
  'tyre',
  'nationality',
  'season',
  'grand_prix',
  'circuit',
  /** The country a race was held in (its circuit's): "which country has hosted the most races". */
  'host_country',
  'race',
] as const;
export type GroupBy = (typeof GROUPS)[number];

export interface StatsFilters {
  driverId?: string | undefined;
  constructorId?: string | undefined;
  engineId?: string | undefined;
  /** Tyre manufacturer id ("bridgestone"). */
  tyreId?: string | undefined;
  /** Country id of the driver's nationality ("brazil"). */
  nationalityId?: string | undefined;
  grandPrixId?: string | undefined;
  circuitId?: string | undefined;
  /** Country id of the race's circuit ("united-states-of-america" for "American tracks"). */
  hostCountryId?: string | undefined;
  fromYear?: number | undefined;
  toYear?: number | undefined;
  /** Only events of races held on or before this date (career "as of" a date). */
  toDate?: string | undefined;
  /** Finishing position (race metrics), e.g. 2 for "second places". */
  position?: number | undefined;
  /** Starting-grid position ("wins from pole" = grid 1). */
  grid?: number | undefined;
  /** Only drivers who never won the drivers' title (completed seasons). */
  withoutTitle?: boolean | undefined;
  /** Only drivers of this gender ('FEMALE' | 'MALE'). */
  gender?: 'FEMALE' | 'MALE' | undefined;
  /** Only events of a season the driver did not win the drivers' title in. */
  notChampionThatSeason?: boolean | undefined;
  /** Only drivers who never won a Grand Prix. */
  withoutWin?: boolean | undefined;
  /** Only events of a season the driver won no Grand Prix in ("most points in a season without a win"). */
  winlessSeason?: boolean | undefined;
  /** Only drivers who never took a pole position. */
  withoutPole?: boolean | undefined;
  /** Only drivers who never finished on a Grand Prix podium. */
  withoutPodium?: boolean | undefined;
  /** Only drivers who won the drivers' title at least once. */
  champions?: boolean | undefined;
  /** Only drivers who never scored a championship point. */
  withoutPoints?: boolean | undefined;
}

export interface StatsQuery {
  metric: Metric;
  /** 'race' (default) or 'sprint' for race-result metrics. */
  session?: 'race' | 'sprint' | undefined;
  groupBy: GroupBy;
  filters?: StatsFilters | undefined;
  /** Aggregate per group: count of events (sum of points for `points`), distinct drivers or distinct seasons. */
  count?: 'events' | 'drivers' | 'seasons' | 'races' | undefined;
  /** Instead of aggregating, one event per group: the first, last, youngest or oldest. */
  pick?: 'first' | 'last' | 'youngest' | 'oldest' | 'worst_grid' | 'best_finish' | undefined;
  /** With pick 'first': each group's n-th event instead of its first ("first to 100 wins"). */
  nth?: number | undefined;
  /**
   * Instead of a total, each group's mean finishing position or grid slot over its events (classified
   * finishes, or starts from a grid slot): "Norris's average finishing position in 2024".
   */
  average?: 'position' | 'grid' | undefined;
  /**
   * Instead of a total, the share of the group's starts (in per cent) with the event ("win percentage"),
   * over groups with at least `minStarts` starts.
   */
  perStart?: { minStarts: number } | undefined;
  /**
   * Longest run of consecutive races started with the event: "most consecutive wins" (driver groups, over his
   * starts) or a team's winning streak (constructor groups, over the races it entered a car in).
   */
  streak?: boolean | undefined;
  order?: 'most' | 'fewest' | undefined;
  limit?: number | undefined;
}

export interface StatsEvent {
  date: string;
  year: number;
  round: number;
  raceName: string;
  driverId: string | null;
  driverName: string | null;
  constructorName: string | null;
  /** Age in whole years on the event date, when a driver and birth date are known. */
  age: { years: number; days: number } | null;
}

export interface StatsRow {
  key: string;
  name: string;
  value: number;
  /** With `average`: how many events the mean is over. */
  sample?: number;
  /** The event picked (pick queries), or the first and last events of the group. */
  event?: StatsEvent;
  firstEvent?: StatsEvent;
  lastEvent?: StatsEvent;
}

export interface StatsResult {
  query: StatsQuery;
  rows: StatsRow[];
  /** Groups with at least one event, before the limit. */
  groups: number;
  /** Events matched, over all groups. */
  events: number;
  /** The latest race date in the data with a result: the "as of" of every total. */
  asOf: { date: string; label: string } | null;
}

/** Titles are dated by the race that decided them (else the season's last race). */
const TITLE_RACE = `COALESCE(
  (SELECT r2.id FROM race r2 WHERE r2.year = s.year AND r2.%DECIDER% = 1 ORDER BY r2.round DESC LIMIT 1),
  (SELECT r2.id FROM race r2 WHERE r2.year = s.year ORDER BY r2.round DESC LIMIT 1))`;

/** The SQL of a metric's events: columns driver_id, constructor_id, engine_id, tyre_id, race_id, value. */
function eventsSql(metric: Metric, session: 'RACE' | 'SPRINT_RACE'): string {
  const rr = (where: string, value = '1') =>
    `SELECT rr.driver_id, rr.constructor_id, rr.engine_manufacturer_id AS engine_id,
            rr.tyre_manufacturer_id AS tyre_id, rr.race_id,
            rr.position_number AS position, rr.grid_position_number AS grid, ${value} AS value
     FROM race_result rr WHERE rr.session = '${session}' AND (${where})`;
  switch (metric) {
    case 'wins':
      return rr('rr.position_number = 1');
    case 'podiums':
      return rr('rr.position_number <= 3');
    case 'poles':
      // Pole is P1 of qualifying (shared drives of the 1950s would otherwise count a pole twice).
      return session === 'RACE'
        ? `SELECT q.driver_id, q.constructor_id, q.engine_manufacturer_id AS engine_id,
                  q.tyre_manufacturer_id AS tyre_id, q.race_id, NULL AS position, 1 AS grid, 1 AS value
           FROM qualifying_result q WHERE q.session = 'QUALIFYING' AND q.position_number = 1`
        : `SELECT q.driver_id, q.constructor_id, q.engine_manufacturer_id AS engine_id,
                  q.tyre_manufacturer_id AS tyre_id, q.race_id, NULL AS position, NULL AS grid, 1 AS value
           FROM qualifying_result q WHERE q.session = 'SPRINT_QUALIFYING' AND q.position_number = 1`;
    case 'front_rows':
      return rr('rr.grid_position_number <= 2');
    case 'fastest_laps':
      return rr('rr.fastest_lap = 1');
    case 'points':
      // Championship points come from Grands Prix and sprints alike.
      return rr('rr.points > 0', 'rr.points').replace(
        `rr.session = '${session}'`,
        session === 'RACE' ? `rr.session IN ('RACE', 'SPRINT_RACE')` : `rr.session = 'SPRINT_RACE'`,
      );
    case 'starts':
      return rr(`rr.position_text NOT IN ${NON_STARTS}`);
    case 'finishes':
      return rr('rr.position_number IS NOT NULL');
    case 'points_finishes':
      return rr('rr.points > 0');
    case 'retirements':
      return rr(`rr.position_text = 'DNF'`);
    case 'disqualifications':
      return rr(`rr.position_text = 'DSQ'`);
    case 'grand_slams':
      return rr('rr.grand_slam = 1');
    case 'hat_tricks':
      return rr('rr.position_number = 1 AND rr.pole_position = 1 AND rr.fastest_lap = 1');
    case 'driver_of_the_day':
      return rr('rr.driver_of_the_day = 1');
    case 'laps':
      return rr('rr.laps > 0', 'rr.laps');
    case 'one_twos':
      // A team's one-two: its cars first and second in the same race (the event carries the winner).
      return rr(
        `rr.position_number = 1 AND EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = rr.race_id
           AND x.session = rr.session AND x.position_number = 2 AND x.constructor_id = rr.constructor_id)`,
      );
    case 'races_held':
      return `SELECT NULL AS driver_id, NULL AS constructor_id, NULL AS engine_id, NULL AS tyre_id, r0.id AS race_id,
                     NULL AS position,
                     NULL AS grid, 1 AS value FROM race r0
              WHERE EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r0.id AND x.session = '${session}')`;
    case 'pit_stops':
      return `SELECT p.driver_id, p.constructor_id, NULL AS engine_id, NULL AS tyre_id, p.race_id, NULL AS position,
                     NULL AS grid,
                     1 AS value FROM pit_stop p`;
    case 'titles':
      return `SELECT s.driver_id, (SELECT rr.constructor_id FROM race_result rr JOIN race r3 ON r3.id = rr.race_id
                WHERE rr.driver_id = s.driver_id AND r3.year = s.year GROUP BY rr.constructor_id
                ORDER BY COUNT(*) DESC LIMIT 1) AS constructor_id, NULL AS engine_id, NULL AS tyre_id,
                ${TITLE_RACE.replace('%DECIDER%', 'drivers_championship_decider')} AS race_id,
                NULL AS position, NULL AS grid, 1 AS value
              FROM season_driver_standing s WHERE s.championship_won = 1`;
    case 'constructor_titles':
      return `SELECT NULL AS driver_id, s.constructor_id, s.engine_manufacturer_id AS engine_id, NULL AS tyre_id,
                ${TITLE_RACE.replace('%DECIDER%', 'constructors_championship_decider')} AS race_id,
                NULL AS position, NULL AS grid, 1 AS value
              FROM season_constructor_standing s WHERE s.championship_won = 1`;
  }
}

const GROUP_KEY: Record<GroupBy, { key: string; name: string }> = {
  driver: { key: 'e.driver_id', name: 'd.name' },
  driver_season: { key: "e.driver_id || '@' || r.year", name: "d.name || ' (' || r.year || ')'" },
  driver_race: {
    key: "e.driver_id || '@' || r.id",
    name: "d.name || ' (' || r.year || ' ' || gp.full_name || ')'",
  },
  driver_constructor: {
    key: "e.driver_id || '@' || e.constructor_id",
    name: "d.name || ' (' || c.name || ')'",
  },
  constructor_season: { key: "e.constructor_id || '@' || r.year", name: "c.name || ' (' || r.year || ')'" },
  constructor: { key: 'e.constructor_id', name: 'c.name' },
  engine: { key: 'e.engine_id', name: 'em.name' },
  tyre: { key: 'e.tyre_id', name: 'tm.name' },
  nationality: { key: 'd.nationality_country_id', name: 'co.name' },
  season: { key: 'r.year', name: 'CAST(r.year AS TEXT)' },
  grand_prix: { key: 'r.grand_prix_id', name: 'gp.full_name' },
  circuit: { key: 'r.circuit_id', name: 'ci.name' },
  host_country: { key: 'ci.country_id', name: 'hc.name' },
  race: { key: 'r.id', name: "r.year || ' ' || gp.full_name" },
};

const JOINS = `
  JOIN race r ON r.id = e.race_id
  LEFT JOIN driver d ON d.id = e.driver_id
  LEFT JOIN constructor c ON c.id = e.constructor_id
  LEFT JOIN engine_manufacturer em ON em.id = e.engine_id
  LEFT JOIN tyre_manufacturer tm ON tm.id = e.tyre_id
  LEFT JOIN country co ON co.id = d.nationality_country_id
  LEFT JOIN grand_prix gp ON gp.id = r.grand_prix_id
  LEFT JOIN circuit ci ON ci.id = r.circuit_id
  LEFT JOIN country hc ON hc.id = ci.country_id`;

/** Age on `date` of someone born on `birth` (ISO dates). */
export function ageOn(birth: string, date: string): { years: number; days: number } {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let years = y - by;
  if (m < bm || (m === bm && d < bd)) years--;
  const lastBirthday = Date.UTC(by + years, bm - 1, bd);
  const days = Math.round((Date.UTC(y, m - 1, d) - lastBirthday) / 86_400_000);
  return { years, days };
}

interface EventRow {
  gkey: string | number | null;
  gname: string | null;
  value: number;
  date: string;
  year: number;
  round: number;
  race_name: string;
  driver_id: string | null;
  driver_name: string | null;
  constructor_name: string | null;
  birth: string | null;
  race_id: number;
  position: number | null;
  grid: number | null;
}

export function statsQuery(db: Db, query: StatsQuery): StatsResult {
  const f = query.filters ?? {};
  const session = query.session === 'sprint' ? 'SPRINT_RACE' : 'RACE';
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (f.driverId) add('e.driver_id = ?', f.driverId);
  if (f.constructorId) add('e.constructor_id = ?', f.constructorId);
  if (f.engineId) add('e.engine_id = ?', f.engineId);
  if (f.tyreId) add('e.tyre_id = ?', f.tyreId);
  if (f.nationalityId) add('d.nationality_country_id = ?', f.nationalityId);
  if (f.gender) add('d.gender = ?', f.gender);
  if (f.notChampionThatSeason)
    where.push(
      `NOT EXISTS (SELECT 1 FROM season_driver_standing s WHERE s.year = r.year AND s.driver_id = e.driver_id AND s.championship_won = 1)`,
    );
  if (f.winlessSeason)
    where.push(
      `NOT EXISTS (SELECT 1 FROM race_result w JOIN race rw ON rw.id = w.race_id WHERE rw.year = r.year
         AND w.driver_id = e.driver_id AND w.session = 'RACE' AND w.position_number = 1)`,
    );
  if (f.grandPrixId) add('r.grand_prix_id = ?', f.grandPrixId);
  if (f.circuitId) add('r.circuit_id = ?', f.circuitId);
  if (f.hostCountryId) add('ci.country_id = ?', f.hostCountryId);
  if (f.fromYear !== undefined) add('r.year >= ?', f.fromYear);
  if (f.toYear !== undefined) add('r.year <= ?', f.toYear);
  if (f.toDate) add('r.date <= ?', f.toDate);
  if (f.position !== undefined) add('e.position = ?', f.position);
  if (f.grid !== undefined) add('e.grid = ?', f.grid);
  const champions = `(SELECT driver_id FROM season_driver_standing WHERE championship_won = 1)`;
  if (f.withoutTitle) where.push(`e.driver_id NOT IN ${champions}`);
  if (f.champions) where.push(`e.driver_id IN ${champions}`);
  if (f.withoutWin)
    where.push(
      `e.driver_id NOT IN (SELECT driver_id FROM race_result WHERE session = 'RACE' AND position_number = 1)`,
    );
  if (f.withoutPoints) where.push(`e.driver_id NOT IN (SELECT driver_id FROM race_result WHERE points > 0)`);
  if (f.withoutPole) where.push(`e.driver_id NOT IN (SELECT driver_id FROM (${eventsSql('poles', 'RACE')}))`);
  if (f.withoutPodium)
    where.push(
      `e.driver_id NOT IN (SELECT driver_id FROM race_result WHERE session = 'RACE' AND position_number <= 3)`,
    );
  const g = GROUP_KEY[query.groupBy];
  const sql = `SELECT ${g.key} AS gkey, ${g.name} AS gname, e.value, r.date, r.year, r.round, r.id AS race_id,
                      gp.full_name AS race_name, e.driver_id, d.name AS driver_name, c.name AS constructor_name,
                      d.date_of_birth AS birth, e.position, e.grid
               FROM (${eventsSql(query.metric, session)}) e ${JOINS}
               ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
               ORDER BY r.date, r.round`;
  const rows = db.prepare(sql).all(...params) as EventRow[];

  const groups = new Map<string, { name: string; events: EventRow[] }>();
  for (const r of rows) {
    if (r.gkey === null) continue;
    const key = String(r.gkey);
    let grp = groups.get(key);
    if (!grp) groups.set(key, (grp = { name: r.gname ?? key, events: [] }));
    grp.events.push(r);
  }

  let out: StatsRow[];
  if (query.streak) {
    out = streaks(db, groups, session, query.groupBy);
  } else if (query.pick === 'worst_grid') {
    // The event started furthest down the grid: "lowest grid position anyone has won from".
    out = [];
    for (const [key, grp] of groups) {
      const withGrid = grp.events.filter((e) => e.grid !== null && e.grid > 0);
      if (!withGrid.length) continue;
      const chosen = withGrid.reduce((x, y) => (y.grid! > x.grid! ? y : x));
      out.push({ key, name: grp.name, value: chosen.grid!, event: eventOf(chosen) });
    }
    out.sort((a, b) => b.value - a.value || a.event!.date.localeCompare(b.event!.date));
  } else if (query.pick === 'best_finish') {
    // The highest classified place, its first occurrence, and how often it came (sample).
    out = [];
    for (const [key, grp] of groups) {
      const placed = grp.events.filter((e) => e.position !== null && e.position > 0);
      if (!placed.length) continue;
      const best = Math.min(...placed.map((e) => e.position!));
      const at = placed.filter((e) => e.position === best);
      out.push({
        key,
        name: grp.name,
        value: best,
        sample: at.length,
        event: eventOf(at[0]!),
        lastEvent: eventOf(at.at(-1)!),
      });
    }
    out.sort((a, b) => a.value - b.value || b.sample! - a.sample!);
  } else if (query.pick) {
    const pick = query.pick;
    const byAge = pick === 'youngest' || pick === 'oldest';
    out = [];
    for (const [key, grp] of groups) {
      const candidates = byAge ? grp.events.filter((e) => e.birth) : grp.events;
      const nth = pick === 'first' && query.nth ? query.nth : 1;
      if (candidates.length < nth) continue;
      let chosen = pick === 'last' ? candidates.at(-1)! : candidates[nth - 1]!;
      if (byAge)
        for (const ev of candidates)
          if (pick === 'oldest' ? ageDays(ev) > ageDays(chosen) : ageDays(ev) < ageDays(chosen)) chosen = ev;
      out.push({ key, name: grp.name, value: byAge ? ageDays(chosen) : 0, event: eventOf(chosen) });
    }
    if (pick === 'first') out.sort((a, b) => a.event!.date.localeCompare(b.event!.date));
    else if (pick === 'last') out.sort((a, b) => b.event!.date.localeCompare(a.event!.date));
    else out.sort((a, b) => (pick === 'youngest' ? a.value - b.value : b.value - a.value));
  } else if (query.average) {
    const of = query.average;
    out = [];
    for (const [key, grp] of groups) {
      const values = grp.events.map((e) => e[of]).filter((v): v is number => v !== null && v > 0);
      if (!values.length) continue;
      out.push({
        key,
        name: grp.name,
        value: Math.round((values.reduce((x, y) => x + y, 0) / values.length) * 100) / 100,
        sample: values.length,
        firstEvent: eventOf(grp.events[0]!),
        lastEvent: eventOf(grp.events.at(-1)!),
      });
    }
    // The best average (the lowest position) first, unless the fewest is asked for.
    const sign = query.order === 'fewest' ? -1 : 1;
    out.sort((a, b) => sign * (a.value - b.value));
  } else {
    const count = query.count ?? 'events';
    out = [...groups].map(([key, grp]) => {
      let value: number;
      if (count === 'drivers') value = new Set(grp.events.map((e) => e.driver_id)).size;
      else if (count === 'seasons') value = new Set(grp.events.map((e) => e.year)).size;
      else if (count === 'races') value = new Set(grp.events.map((e) => e.race_id)).size;
      else value = grp.events.reduce((s, e) => s + e.value, 0);
      return {
        key,
        name: grp.name,
        value: Math.round(value * 100) / 100,
        firstEvent: eventOf(grp.events[0]!),
        lastEvent: eventOf(grp.events.at(-1)!),
      };
    });
    if (query.perStart) {
      // Shares of the starts: the same filters and rows, counted over starts.
      const starts = new Map(
        statsQuery(db, {
          metric: 'starts',
          session: query.session,
          groupBy: query.groupBy,
          filters: f,
          limit: 100_000,
        }).rows.map((r) => [r.key, r.value]),
      );
      out = out.flatMap((r) => {
        const n = starts.get(r.key) ?? 0;
        return n >= query.perStart!.minStarts && n > 0
          ? [{ ...r, value: Math.round((1000 * r.value) / n) / 10, sample: n }]
          : [];
      });
    }
    const sign = query.order === 'fewest' ? 1 : -1;
    out.sort((a, b) => sign * (a.value - b.value) || a.firstEvent!.date.localeCompare(b.firstEvent!.date));
  }
  const latest = db
    .prepare(
      `SELECT r.date, r.year || ' ' || gp.full_name AS label FROM race r JOIN grand_prix gp ON gp.id = r.grand_prix_id
       WHERE EXISTS (SELECT 1 FROM race_result x WHERE x.race_id = r.id) ORDER BY r.date DESC LIMIT 1`,
    )
    .get() as { date: string; label: string } | undefined;
  return {
    query,
    rows: out.slice(0, query.limit ?? 10),
    groups: out.length,
    events: rows.length,
    asOf: latest ?? null,
  };
}

/** Per driver, the longest run of consecutive race starts that each had the event, with its last event. */
function streaks(
  db: Db,
  groups: Map<string, { name: string; events: EventRow[] }>,
  session: string,
  groupBy: GroupBy,
): StatsRow[] {
  // A driver's run is over the races he started; a team's over the races it started a car in.
  const team = groupBy === 'constructor';
  const starts = db.prepare(
    `SELECT DISTINCT rr.race_id FROM race_result rr JOIN race r ON r.id = rr.race_id
     WHERE rr.${team ? 'constructor_id' : 'driver_id'} = ? AND rr.session = ? AND rr.position_text NOT IN ${NON_STARTS}
     ORDER BY r.date, r.round`,
  );
  const out: StatsRow[] = [];
  for (const [key, grp] of groups) {
    const driverId = team ? key : grp.events[0]?.driver_id;
    if (!driverId) continue;
    const hit = new Map(grp.events.map((e) => [e.race_id, e]));
    let run = 0;
    let best = 0;
    let bestEnd: EventRow | undefined;
    let runStart: EventRow | undefined;
    let bestStart: EventRow | undefined;
    for (const { race_id } of starts.all(driverId, session) as { race_id: number }[]) {
      const e = hit.get(race_id);
      if (!e) {
        run = 0;
        continue;
      }
      if (run === 0) runStart = e;
      run++;
      if (run > best) {
        best = run;
        bestEnd = e;
        bestStart = runStart;
      }
    }
    if (best > 0 && bestEnd && bestStart) {
      out.push({
        key,
        name: grp.name,
        value: best,
        firstEvent: eventOf(bestStart),
        lastEvent: eventOf(bestEnd),
      });
    }
  }
  return out.sort((a, b) => b.value - a.value || a.firstEvent!.date.localeCompare(b.firstEvent!.date));
}

function eventOf(r: EventRow): StatsEvent {
  return {
    date: r.date,
    year: r.year,
    round: r.round,
    raceName: r.race_name,
    driverId: r.driver_id,
    driverName: r.driver_name,
    constructorName: r.constructor_name,
    age: r.birth ? ageOn(r.birth, r.date) : null,
  };
}

function ageDays(r: EventRow): number {
  if (!r.birth) return Number.NaN;
  return (Date.parse(r.date) - Date.parse(r.birth)) / 86_400_000;
}
