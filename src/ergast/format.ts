// Ergast JSON objects from SQL rows. Every value is a string, optional fields are left out when unknown,
// and keys come in the order the real API prints them.

export type Obj = Record<string, unknown>;

/** 26 → "26", 0.5 → "0.5". */
export const num = (v: number | string | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

function put(o: Obj, key: string, v: string | number | null | undefined): void {
  if (v !== null && v !== undefined && v !== '') o[key] = String(v);
}

export interface DriverCols {
  d_id: string;
  d_num: string | null;
  d_code: string | null;
  d_url: string;
  d_given: string;
  d_family: string;
  d_dob: string | null;
  d_nat: string | null;
}
export const DRIVER_COLS = `ed.ergast_id AS d_id, ed.permanent_number AS d_num, ed.code AS d_code, ed.url AS d_url,
  ed.given_name AS d_given, ed.family_name AS d_family, ed.date_of_birth AS d_dob, ed.nationality AS d_nat`;

export function driver(r: DriverCols): Obj {
  const o: Obj = { driverId: r.d_id };
  put(o, 'permanentNumber', r.d_num);
  put(o, 'code', r.d_code);
  o.url = r.d_url;
  o.givenName = r.d_given;
  o.familyName = r.d_family;
  put(o, 'dateOfBirth', r.d_dob);
  put(o, 'nationality', r.d_nat);
  return o;
}

export interface ConstructorCols {
  c_id: string;
  c_url: string;
  c_name: string;
  c_nat: string | null;
}
export const CONSTRUCTOR_COLS = `ec.ergast_id AS c_id, ec.url AS c_url, ec.name AS c_name, ec.nationality AS c_nat`;

export function constructor(r: ConstructorCols): Obj {
  const o: Obj = { constructorId: r.c_id, url: r.c_url, name: r.c_name };
  put(o, 'nationality', r.c_nat);
  return o;
}

export interface CircuitCols {
  ci_id: string;
  ci_url: string;
  ci_name: string;
  ci_lat: string | null;
  ci_long: string | null;
  ci_locality: string | null;
  ci_country: string | null;
}
export const CIRCUIT_COLS = `eci.ergast_id AS ci_id, eci.url AS ci_url, eci.name AS ci_name, eci.lat AS ci_lat,
  eci.long AS ci_long, eci.locality AS ci_locality, eci.country AS ci_country`;

export function circuit(r: CircuitCols): Obj {
  const loc: Obj = {};
  put(loc, 'lat', r.ci_lat);
  put(loc, 'long', r.ci_long);
  put(loc, 'locality', r.ci_locality);
  put(loc, 'country', r.ci_country);
  return { circuitId: r.ci_id, url: r.ci_url, circuitName: r.ci_name, Location: loc };
}

export interface RaceCols extends CircuitCols {
  race_id: number;
  year: number;
  round: number;
  r_url: string;
  r_name: string;
  r_date: string;
  r_time: string | null;
}
export const RACE_COLS = `r.id AS race_id, r.year, r.round, er.url AS r_url, er.name AS r_name, r.date AS r_date,
  er.time AS r_time, ${CIRCUIT_COLS}`;

/** "13:00:00" → "13:00:00Z"; f1db sometimes prints "13:00". */
export function utcTime(t: string | null | undefined): string | undefined {
  if (!t) return undefined;
  const hms = /^\d{2}:\d{2}$/.test(t) ? `${t}:00` : t;
  return hms.endsWith('Z') ? hms : `${hms}Z`;
}

export function raceHead(r: RaceCols): Obj {
  const o: Obj = {
    season: String(r.year),
    round: String(r.round),
    url: r.r_url,
    raceName: r.r_name,
    Circuit: circuit(r),
    date: r.r_date,
  };
  const t = utcTime(r.r_time);
  if (t) o.time = t;
  return o;
}

export interface SessionCols {
  free_practice_1_date: string | null;
  free_practice_1_time: string | null;
  free_practice_2_date: string | null;
  free_practice_2_time: string | null;
  free_practice_3_date: string | null;
  free_practice_3_time: string | null;
  qualifying_date: string | null;
  qualifying_time: string | null;
  sprint_qualifying_date: string | null;
  sprint_qualifying_time: string | null;
  sprint_race_date: string | null;
  sprint_race_time: string | null;
  /** The Ergast dump's own schedule (JSON), preferred when present. */
  r_sessions: string | null;
}
export const SESSION_COLS = `r.free_practice_1_date, r.free_practice_1_time, r.free_practice_2_date,
  r.free_practice_2_time, r.free_practice_3_date, r.free_practice_3_time, r.qualifying_date, r.qualifying_time,
  r.sprint_qualifying_date, r.sprint_qualifying_time, r.sprint_race_date, r.sprint_race_time, er.sessions AS r_sessions`;

/** A race of the schedule: the race head plus its sessions in chronological order, as Ergast lists them. */
export function raceWithSessions(r: RaceCols & SessionCols): Obj {
  const o = raceHead(r);
  const fromDump = r.r_sessions ? (JSON.parse(r.r_sessions) as [string, string, string | null][]) : undefined;
  const sessions: [string, string | null, string | null][] = fromDump ?? [
    ['FirstPractice', r.free_practice_1_date, r.free_practice_1_time],
    ['SecondPractice', r.free_practice_2_date, r.free_practice_2_time],
    ['ThirdPractice', r.free_practice_3_date, r.free_practice_3_time],
    ['Qualifying', r.qualifying_date, r.qualifying_time],
    ['SprintQualifying', r.sprint_qualifying_date, r.sprint_qualifying_time],
    ['Sprint', r.sprint_race_date, r.sprint_race_time],
  ];
  const dated = sessions.filter((s) => s[1]);
  // Stable sort by date then time keeps Ergast's order for sessions without a time.
  dated.sort((a, b) => `${a[1]}T${a[2] ?? ''}`.localeCompare(`${b[1]}T${b[2] ?? ''}`));
  for (const [key, date, time] of dated) {
    const s: Obj = { date };
    const t = utcTime(time);
    if (t) s.time = t;
    o[key] = s;
  }
  return o;
}

/** 67.012 s → "1:07.012"; 5133.607 → "1:25:33.607". */
export function lapTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).padStart(6, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
