// Maps the f1db YAML entities onto the SQLite schema (src/data/schema.ts). Pure mapping: every function
// takes parsed YAML and returns rows; the importer writes them.
import { durationMillis, parseGap, positionNumber } from './time.ts';

export type Row = Record<string, string | number | null>;
type Y = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : v == null || v === '' ? null : Number(v);
const bool = (v: unknown): number => (v === true || v === 'true' ? 1 : 0);

export function continentRow(y: Y): Row {
  return { id: str(y.id), code: str(y.code), name: str(y.name), demonym: str(y.demonym) };
}

export function countryRow(y: Y): Row {
  return {
    id: str(y.id),
    alpha2_code: str(y.alpha2Code),
    alpha3_code: str(y.alpha3Code),
    ioc_code: str(y.iocCode),
    name: str(y.name),
    demonym: str(y.demonym),
    continent_id: str(y.continentId),
  };
}

export function driverRows(y: Y): { driver: Row; family: Row[] } {
  const driver = {
    id: str(y.id),
    name: str(y.name),
    first_name: str(y.firstName),
    last_name: str(y.lastName),
    full_name: str(y.fullName),
    abbreviation: str(y.abbreviation),
    permanent_number: str(y.permanentNumber),
    gender: str(y.gender),
    date_of_birth: str(y.dateOfBirth),
    date_of_death: str(y.dateOfDeath),
    place_of_birth: str(y.placeOfBirth),
    country_of_birth_country_id: str(y.countryOfBirthCountryId),
    nationality_country_id: str(y.nationalityCountryId),
    second_nationality_country_id: str(y.secondNationalityCountryId),
  };
  const family = ((y.familyRelationships as Y[] | null) ?? []).map((f) => ({
    driver_id: driver.id,
    other_driver_id: str(f.driverId),
    type: str(f.type),
  }));
  return { driver, family };
}

export function constructorRows(y: Y): { constructor: Row; chronology: Row[] } {
  const constructor = {
    id: str(y.id),
    name: str(y.name),
    full_name: str(y.fullName),
    country_id: str(y.countryId),
  };
  const chronology = ((y.chronology as Y[] | null) ?? []).map((c, i) => ({
    constructor_id: constructor.id,
    position_display_order: i + 1,
    other_constructor_id: str(c.constructorId),
    year_from: num(c.yearFrom),
    year_to: num(c.yearTo),
  }));
  return { constructor, chronology };
}

export function circuitRows(y: Y, layoutYears: Map<string, string>): { circuit: Row; layouts: Row[] } {
  const circuit = {
    id: str(y.id),
    name: str(y.name),
    full_name: str(y.fullName),
    previous_names: str(y.previousNames),
    type: str(y.type),
    direction: str(y.direction),
    place_name: str(y.placeName),
    country_id: str(y.countryId),
    latitude: num(y.latitude),
    longitude: num(y.longitude),
    length: num(y.length),
    turns: num(y.turns),
  };
  const layouts = ((y.layouts as Y[] | null) ?? []).map((l) => ({
    id: str(l.id),
    circuit_id: circuit.id,
    length: num(l.length),
    turns: num(l.turns),
    years: layoutYears.get(String(l.id)) ?? null,
  }));
  return { circuit, layouts };
}

/** f1db keeps a layout's years only as a YAML comment ("- id: monza-7 # 2000-present"). */
export function layoutYearsFromText(text: string): Map<string, string> {
  const years = new Map<string, string>();
  for (const m of text.matchAll(/-\s+id:\s*([\w-]+)\s*#\s*(.+)$/gm)) years.set(m[1]!, m[2]!.trim());
  return years;
}

export function grandPrixRow(y: Y): Row {
  return {
    id: str(y.id),
    name: str(y.name),
    full_name: str(y.fullName),
    short_name: str(y.shortName),
    abbreviation: str(y.abbreviation),
    country_id: str(y.countryId),
  };
}

export function simpleRow(y: Y, fields: Record<string, string>): Row {
  const row: Row = {};
  for (const [column, key] of Object.entries(fields)) {
    const v = y[key];
    row[column] = typeof v === 'number' ? v : str(v);
  }
  return row;
}

const RACE_SESSION_FIELDS = [
  'preQualifying',
  'freePractice1',
  'freePractice2',
  'freePractice3',
  'freePractice4',
  'qualifying1',
  'qualifying2',
  'qualifying',
  'sprintQualifying',
  'sprintRace',
  'warmingUp',
] as const;

const snake = (s: string) =>
  s
    .replace(/([A-Z])/g, '_$1')
    .replace(/(\d+)/g, '_$1')
    .toLowerCase();

export function raceRow(y: Y, year: number): Row {
  const row: Row = {
    id: num(y.id),
    year,
    round: num(y.round),
    date: str(y.date),
    time: str(y.time),
    grand_prix_id: str(y.grandPrixId),
    official_name: str(y.officialName),
    qualifying_format: str(y.qualifyingFormat),
    sprint_qualifying_format: str(y.sprintQualifyingFormat),
    circuit_id: str(y.circuitId),
    circuit_layout_id: str(y.circuitLayoutId),
    circuit_type: str(y.circuitType),
    direction: str(y.direction),
    course_length: num(y.courseLength),
    turns: num(y.turns),
    laps: num(y.laps),
    distance: num(y.distance),
    scheduled_laps: num(y.scheduledLaps),
    scheduled_distance: num(y.scheduledDistance),
    drivers_championship_decider: bool(y.driversChampionshipDecider),
    constructors_championship_decider: bool(y.constructorsChampionshipDecider),
    is_sprint_weekend:
      y.sprintRaceLaps != null || y.sprintRaceDate != null || y.sprintQualifyingFormat != null ? 1 : 0,
  };
  for (const s of RACE_SESSION_FIELDS) {
    row[`${snake(s)}_date`] = str(y[`${s}Date`]);
    row[`${snake(s)}_time`] = str(y[`${s}Time`]);
  }
  return row;
}

function entryBase(raceId: number, session: string | null, y: Y, index: number): Row {
  const base: Row = {
    race_id: raceId,
    position_display_order: index + 1,
    position_number: positionNumber(y.position),
    driver_number: str(y.driverNumber),
    driver_id: str(y.driverId),
    constructor_id: str(y.constructorId),
  };
  if (session !== null) base.session = session;
  return base;
}

export function raceResultRow(raceId: number, session: string, y: Y, index: number): Row {
  const gap = parseGap(y.gap);
  const interval = parseGap(y.interval);
  const grid = y.gridPosition;
  return {
    ...entryBase(raceId, session, y, index),
    position_text: String(y.position),
    engine_manufacturer_id: str(y.engineManufacturerId),
    tyre_manufacturer_id: str(y.tyreManufacturerId),
    shared_car: bool(y.sharedCar),
    laps: num(y.laps),
    time: str(y.time),
    time_millis: durationMillis(y.time),
    time_penalty: str(y.timePenalty),
    time_penalty_millis: durationMillis(y.timePenalty),
    gap: str(y.gap),
    gap_millis: gap.millis,
    gap_laps: gap.laps,
    interval: str(y.interval),
    interval_millis: interval.millis,
    reason_retired: str(y.reasonRetired),
    points: num(y.points),
    grid_position_number: positionNumber(grid),
    grid_position_text: str(grid),
    grand_slam: bool(y.grandSlam),
  };
}

export function qualifyingRow(raceId: number, session: string, y: Y, index: number): Row {
  const gap = parseGap(y.gap);
  const interval = parseGap(y.interval);
  return {
    ...entryBase(raceId, session, y, index),
    position_text: String(y.position),
    engine_manufacturer_id: str(y.engineManufacturerId),
    tyre_manufacturer_id: str(y.tyreManufacturerId),
    time: str(y.time),
    time_millis: durationMillis(y.time),
    q1: str(y.q1),
    q1_millis: durationMillis(y.q1),
    q2: str(y.q2),
    q2_millis: durationMillis(y.q2),
    q3: str(y.q3),
    q3_millis: durationMillis(y.q3),
    gap: str(y.gap),
    gap_millis: gap.millis,
    interval: str(y.interval),
    interval_millis: interval.millis,
    laps: num(y.laps),
  };
}

export function practiceRow(raceId: number, session: string, y: Y, index: number): Row {
  const gap = parseGap(y.gap);
  const interval = parseGap(y.interval);
  return {
    ...entryBase(raceId, session, y, index),
    position_text: String(y.position),
    engine_manufacturer_id: str(y.engineManufacturerId),
    tyre_manufacturer_id: str(y.tyreManufacturerId),
    time: str(y.time),
    time_millis: durationMillis(y.time),
    gap: str(y.gap),
    gap_millis: gap.millis,
    interval: str(y.interval),
    interval_millis: interval.millis,
    laps: num(y.laps),
  };
}

export function startingGridRow(raceId: number, session: string, y: Y, index: number): Row {
  const penalty = str(y.gridPenalty);
  return {
    ...entryBase(raceId, session, y, index),
    position_text: String(y.position),
    engine_manufacturer_id: str(y.engineManufacturerId),
    tyre_manufacturer_id: str(y.tyreManufacturerId),
    grid_penalty: penalty,
    grid_penalty_positions: penalty !== null && /^\d+$/.test(penalty) ? Number(penalty) : null,
    time: str(y.time),
    time_millis: durationMillis(y.time),
  };
}

export function pitStopRow(raceId: number, y: Y, index: number): Row {
  return {
    ...entryBase(raceId, null, y, index),
    stop: num(y.stop),
    lap: num(y.lap),
    time: str(y.time),
    time_millis: durationMillis(y.time),
  };
}

export function fastestLapRow(raceId: number, y: Y, index: number): Row {
  const gap = parseGap(y.gap);
  const interval = parseGap(y.interval);
  return {
    ...entryBase(raceId, null, y, index),
    position_text: str(y.position),
    lap: num(y.lap),
    time: str(y.time),
    time_millis: durationMillis(y.time),
    gap: str(y.gap),
    gap_millis: gap.millis,
    interval: str(y.interval),
    interval_millis: interval.millis,
  };
}

export function driverOfTheDayRow(raceId: number, y: Y, index: number): Row {
  return { ...entryBase(raceId, null, y, index), percentage: num(y.percentage) };
}

export function driverStandingRow(key: Row, y: Y, index: number): Row {
  return {
    ...key,
    position_display_order: index + 1,
    position_number: positionNumber(y.position),
    position_text: String(y.position),
    driver_id: str(y.driverId),
    points: num(y.points) ?? 0,
  };
}

export function constructorStandingRow(key: Row, y: Y, index: number): Row {
  return {
    ...key,
    position_display_order: index + 1,
    position_number: positionNumber(y.position),
    position_text: String(y.position),
    constructor_id: str(y.constructorId),
    engine_manufacturer_id: str(y.engineManufacturerId),
    points: num(y.points) ?? 0,
  };
}

/**
 * Entrants nest as entrant → constructors → chassis/engines/tyreManufacturers → drivers, or flat when an
 * entrant had one of each. Walk the tree carrying the inherited ids and emit one row per driver entry.
 */
export function seasonEntrantDriverRows(year: number, entrants: Y[]): Row[] {
  const rows: Row[] = [];
  const firstId = (list: unknown, key: string) =>
    Array.isArray(list) && list.length > 0 ? str((list[0] as Y)[key]) : null;
  const walk = (node: Y, inherited: Row) => {
    const here: Row = { ...inherited };
    if (node.entrantId != null) here.entrant_id = str(node.entrantId);
    if (node.constructorId != null) here.constructor_id = str(node.constructorId);
    if (node.engineManufacturerId != null) here.engine_manufacturer_id = str(node.engineManufacturerId);
    if (node.tyreManufacturerId != null) here.tyre_manufacturer_id = str(node.tyreManufacturerId);
    here.chassis_id = str(node.chassisId) ?? firstId(node.chassis, 'chassisId') ?? here.chassis_id ?? null;
    here.engine_id = str(node.engineId) ?? firstId(node.engines, 'engineId') ?? here.engine_id ?? null;
    for (const key of ['constructors', 'tyreManufacturers'] as const) {
      const children = node[key];
      if (Array.isArray(children)) for (const c of children) walk(c as Y, here);
    }
    if (Array.isArray(node.drivers)) {
      for (const d of node.drivers as Y[]) {
        rows.push({
          year,
          entrant_id: here.entrant_id ?? null,
          constructor_id: here.constructor_id ?? null,
          engine_manufacturer_id: here.engine_manufacturer_id ?? null,
          chassis_id: here.chassis_id ?? null,
          engine_id: here.engine_id ?? null,
          tyre_manufacturer_id: here.tyre_manufacturer_id ?? null,
          driver_id: str(d.driverId),
          rounds: str(d.rounds),
          test_driver: bool(d.testDriver),
        });
      }
    }
  };
  for (const e of entrants) walk(e, {});
  return rows.filter((r) => r.constructor_id !== null && r.driver_id !== null);
}
