// SQLite schema of the embedded F1 database, filled from the f1db source tree (src/data YAML).
// Ids are f1db's (kebab-case: `max-verstappen`, `red-bull`, `monza`). Times are kept both as the text
// f1db prints ("1:34:00.161", "+7.959") and in milliseconds for arithmetic. Positions: `position_number`
// is null for non-classified entries; `position_text` keeps f1db's text (1, DNF, DNS, DSQ, NC, DNQ, ...).
// 2: the import also builds the Ergast cross-walk tables (src/ergast/crosswalk.ts).
export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE continent (id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, demonym TEXT);
CREATE TABLE country (
  id TEXT PRIMARY KEY, alpha2_code TEXT, alpha3_code TEXT, ioc_code TEXT, name TEXT NOT NULL, demonym TEXT,
  continent_id TEXT REFERENCES continent(id)
);

CREATE TABLE driver (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, full_name TEXT NOT NULL,
  abbreviation TEXT, permanent_number TEXT, gender TEXT, date_of_birth TEXT, date_of_death TEXT, place_of_birth TEXT,
  country_of_birth_country_id TEXT, nationality_country_id TEXT, second_nationality_country_id TEXT
);
CREATE TABLE driver_family_relationship (
  driver_id TEXT NOT NULL REFERENCES driver(id), other_driver_id TEXT NOT NULL REFERENCES driver(id), type TEXT NOT NULL,
  PRIMARY KEY (driver_id, other_driver_id, type)
);

CREATE TABLE constructor (id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL, country_id TEXT);
CREATE TABLE constructor_chronology (
  constructor_id TEXT NOT NULL REFERENCES constructor(id), position_display_order INTEGER NOT NULL,
  other_constructor_id TEXT NOT NULL, year_from INTEGER NOT NULL, year_to INTEGER,
  PRIMARY KEY (constructor_id, position_display_order)
);
CREATE TABLE engine_manufacturer (id TEXT PRIMARY KEY, name TEXT NOT NULL, country_id TEXT);
CREATE TABLE tyre_manufacturer (id TEXT PRIMARY KEY, name TEXT NOT NULL, country_id TEXT);
CREATE TABLE chassis (id TEXT PRIMARY KEY, constructor_id TEXT NOT NULL, name TEXT NOT NULL, full_name TEXT NOT NULL);
CREATE TABLE engine (
  id TEXT PRIMARY KEY, engine_manufacturer_id TEXT NOT NULL, name TEXT NOT NULL, full_name TEXT NOT NULL,
  capacity REAL, configuration TEXT, aspiration TEXT
);
CREATE TABLE entrant (id TEXT PRIMARY KEY, name TEXT NOT NULL);

CREATE TABLE circuit (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL, previous_names TEXT, type TEXT, direction TEXT,
  place_name TEXT, country_id TEXT, latitude REAL, longitude REAL, length REAL, turns INTEGER
);
CREATE TABLE circuit_layout (
  id TEXT PRIMARY KEY, circuit_id TEXT NOT NULL REFERENCES circuit(id), length REAL, turns INTEGER, years TEXT
);

CREATE TABLE grand_prix (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL, short_name TEXT NOT NULL, abbreviation TEXT,
  country_id TEXT
);

-- completed = every scheduled round of the season has race results.
CREATE TABLE season (year INTEGER PRIMARY KEY, completed INTEGER NOT NULL DEFAULT 0);

-- One row per championship round. Session dates/times are the f1db values (UTC).
CREATE TABLE race (
  id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES season(year), round INTEGER NOT NULL,
  date TEXT NOT NULL, time TEXT, grand_prix_id TEXT NOT NULL REFERENCES grand_prix(id), official_name TEXT NOT NULL,
  qualifying_format TEXT, sprint_qualifying_format TEXT, circuit_id TEXT NOT NULL REFERENCES circuit(id),
  circuit_layout_id TEXT, circuit_type TEXT, direction TEXT, course_length REAL, turns INTEGER,
  laps INTEGER, distance REAL, scheduled_laps INTEGER, scheduled_distance REAL,
  drivers_championship_decider INTEGER NOT NULL DEFAULT 0, constructors_championship_decider INTEGER NOT NULL DEFAULT 0,
  pre_qualifying_date TEXT, pre_qualifying_time TEXT,
  free_practice_1_date TEXT, free_practice_1_time TEXT, free_practice_2_date TEXT, free_practice_2_time TEXT,
  free_practice_3_date TEXT, free_practice_3_time TEXT, free_practice_4_date TEXT, free_practice_4_time TEXT,
  qualifying_1_date TEXT, qualifying_1_time TEXT, qualifying_2_date TEXT, qualifying_2_time TEXT,
  qualifying_date TEXT, qualifying_time TEXT, sprint_qualifying_date TEXT, sprint_qualifying_time TEXT,
  sprint_race_date TEXT, sprint_race_time TEXT, warming_up_date TEXT, warming_up_time TEXT,
  is_sprint_weekend INTEGER NOT NULL DEFAULT 0,
  UNIQUE (year, round)
);

-- Who entered each season: team entries and their drivers (rounds as f1db prints them, e.g. "1-24").
CREATE TABLE season_entrant_driver (
  year INTEGER NOT NULL, entrant_id TEXT NOT NULL, constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT,
  chassis_id TEXT, engine_id TEXT, tyre_manufacturer_id TEXT, driver_id TEXT NOT NULL, rounds TEXT,
  test_driver INTEGER NOT NULL DEFAULT 0
);

-- Classified results of a race or sprint race (session = 'RACE' | 'SPRINT_RACE').
CREATE TABLE race_result (
  race_id INTEGER NOT NULL REFERENCES race(id), session TEXT NOT NULL, position_display_order INTEGER NOT NULL,
  position_number INTEGER, position_text TEXT NOT NULL, driver_number TEXT, driver_id TEXT NOT NULL,
  constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, tyre_manufacturer_id TEXT,
  shared_car INTEGER NOT NULL DEFAULT 0, laps INTEGER, time TEXT, time_millis INTEGER, time_penalty TEXT,
  time_penalty_millis INTEGER, gap TEXT, gap_millis INTEGER, gap_laps INTEGER, interval TEXT, interval_millis INTEGER,
  reason_retired TEXT, points REAL, pole_position INTEGER NOT NULL DEFAULT 0, qualification_position_number INTEGER,
  grid_position_number INTEGER, grid_position_text TEXT, positions_gained INTEGER,
  pit_stops INTEGER, fastest_lap INTEGER NOT NULL DEFAULT 0, driver_of_the_day INTEGER NOT NULL DEFAULT 0,
  grand_slam INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (race_id, session, position_display_order)
);

-- Qualifying-type sessions: QUALIFYING, SPRINT_QUALIFYING, QUALIFYING_1, QUALIFYING_2, PRE_QUALIFYING.
CREATE TABLE qualifying_result (
  race_id INTEGER NOT NULL REFERENCES race(id), session TEXT NOT NULL, position_display_order INTEGER NOT NULL,
  position_number INTEGER, position_text TEXT NOT NULL, driver_number TEXT, driver_id TEXT NOT NULL,
  constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, tyre_manufacturer_id TEXT,
  time TEXT, time_millis INTEGER, q1 TEXT, q1_millis INTEGER, q2 TEXT, q2_millis INTEGER, q3 TEXT, q3_millis INTEGER,
  gap TEXT, gap_millis INTEGER, interval TEXT, interval_millis INTEGER, laps INTEGER,
  PRIMARY KEY (race_id, session, position_display_order)
);

-- Practice and warm-up: FREE_PRACTICE_1..4, WARMING_UP.
CREATE TABLE practice_result (
  race_id INTEGER NOT NULL REFERENCES race(id), session TEXT NOT NULL, position_display_order INTEGER NOT NULL,
  position_number INTEGER, position_text TEXT NOT NULL, driver_number TEXT, driver_id TEXT NOT NULL,
  constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, tyre_manufacturer_id TEXT,
  time TEXT, time_millis INTEGER, gap TEXT, gap_millis INTEGER, interval TEXT, interval_millis INTEGER, laps INTEGER,
  PRIMARY KEY (race_id, session, position_display_order)
);

-- Starting grid of a race or sprint race (session = 'RACE' | 'SPRINT_RACE').
CREATE TABLE starting_grid (
  race_id INTEGER NOT NULL REFERENCES race(id), session TEXT NOT NULL, position_display_order INTEGER NOT NULL,
  position_number INTEGER, position_text TEXT NOT NULL, driver_number TEXT, driver_id TEXT NOT NULL,
  constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, tyre_manufacturer_id TEXT,
  qualification_position_number INTEGER, qualification_position_text TEXT, grid_penalty TEXT,
  grid_penalty_positions INTEGER, time TEXT, time_millis INTEGER,
  PRIMARY KEY (race_id, session, position_display_order)
);

CREATE TABLE pit_stop (
  race_id INTEGER NOT NULL REFERENCES race(id), position_display_order INTEGER NOT NULL, position_number INTEGER,
  driver_number TEXT, driver_id TEXT NOT NULL, constructor_id TEXT NOT NULL, stop INTEGER NOT NULL, lap INTEGER,
  time TEXT, time_millis INTEGER,
  PRIMARY KEY (race_id, position_display_order)
);

CREATE TABLE fastest_lap (
  race_id INTEGER NOT NULL REFERENCES race(id), position_display_order INTEGER NOT NULL, position_number INTEGER,
  position_text TEXT, driver_number TEXT, driver_id TEXT NOT NULL, constructor_id TEXT NOT NULL, lap INTEGER,
  time TEXT, time_millis INTEGER, gap TEXT, gap_millis INTEGER, interval TEXT, interval_millis INTEGER,
  PRIMARY KEY (race_id, position_display_order)
);

CREATE TABLE driver_of_the_day (
  race_id INTEGER NOT NULL REFERENCES race(id), position_display_order INTEGER NOT NULL, position_number INTEGER,
  driver_number TEXT, driver_id TEXT NOT NULL, constructor_id TEXT NOT NULL, percentage REAL,
  PRIMARY KEY (race_id, position_display_order)
);

-- Championship standings after each round; the final table of a season is the one after its last round.
CREATE TABLE driver_standing (
  race_id INTEGER NOT NULL REFERENCES race(id), position_display_order INTEGER NOT NULL, position_number INTEGER,
  position_text TEXT NOT NULL, driver_id TEXT NOT NULL, points REAL NOT NULL, championship_won INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (race_id, position_display_order)
);
-- Final (or, for a season in progress, latest) championship tables as f1db publishes them per season.
-- championship_won marks titles of completed seasons only.
CREATE TABLE season_driver_standing (
  year INTEGER NOT NULL REFERENCES season(year), position_display_order INTEGER NOT NULL, position_number INTEGER,
  position_text TEXT NOT NULL, driver_id TEXT NOT NULL, points REAL NOT NULL, championship_won INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, position_display_order)
);
CREATE TABLE season_constructor_standing (
  year INTEGER NOT NULL REFERENCES season(year), position_display_order INTEGER NOT NULL, position_number INTEGER,
  position_text TEXT NOT NULL, constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, points REAL NOT NULL,
  championship_won INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, position_display_order)
);
CREATE TABLE constructor_standing (
  race_id INTEGER NOT NULL REFERENCES race(id), position_display_order INTEGER NOT NULL, position_number INTEGER,
  position_text TEXT NOT NULL, constructor_id TEXT NOT NULL, engine_manufacturer_id TEXT, points REAL NOT NULL,
  championship_won INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (race_id, position_display_order)
);
`;

/** Indexes are created after the bulk load (faster than maintaining them row by row). */
export const INDEX_SQL = `
CREATE INDEX race_year_idx ON race(year, round);
CREATE INDEX race_circuit_idx ON race(circuit_id);
CREATE INDEX race_gp_idx ON race(grand_prix_id);
CREATE INDEX race_result_driver_idx ON race_result(driver_id, race_id);
CREATE INDEX race_result_constructor_idx ON race_result(constructor_id, race_id);
CREATE INDEX qualifying_result_driver_idx ON qualifying_result(driver_id, race_id);
CREATE INDEX starting_grid_driver_idx ON starting_grid(driver_id, race_id);
CREATE INDEX pit_stop_driver_idx ON pit_stop(driver_id, race_id);
CREATE INDEX driver_standing_driver_idx ON driver_standing(driver_id, race_id);
CREATE INDEX constructor_standing_constructor_idx ON constructor_standing(constructor_id, race_id);
CREATE INDEX season_entrant_driver_idx ON season_entrant_driver(year, driver_id);
`;
