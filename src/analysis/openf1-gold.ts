// The OpenF1 "gold" per-lap feature tables (OPENF1_DIR/gold/laps_features_<year>.csv, 2025–2026): parsed
// once per file into per-race lap rows, used for race weather (air/track temperature) and, where the lap
// tables stop, for stints and laps.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface GoldLap {
  driverNumber: number;
  lap: number;
  lapDuration: number | null;
  pitOutLap: boolean;
  stint: number | null;
  compound: string | null;
  stintStart: number | null;
  stintEnd: number | null;
  tyreAgeAtStart: number | null;
  airTemp: number | null;
  trackTemp: number | null;
}

export interface GoldRace {
  meetingName: string;
  meetingStart: string;
  laps: GoldLap[];
}

const cache = new Map<string, GoldRace[]>();

const num = (s: string | undefined) =>
  s === undefined || s === '' ? null : Number.isFinite(Number(s)) ? Number(s) : null;

/** Race sessions of a season in calendar order (empty when the file does not exist). */
export function loadGoldRaces(openf1Dir: string | undefined, year: number): GoldRace[] {
  if (!openf1Dir) return [];
  const file = join(openf1Dir, 'gold', `laps_features_${year}.csv`);
  const hit = cache.get(file);
  if (hit) return hit;
  const races = new Map<string, GoldRace>();
  if (existsSync(file)) {
    const [header, ...rows] = parse(readFileSync(file, 'utf8'), {
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
    const col = new Map((header ?? []).map((h, i) => [h, i]));
    const get = (row: string[], name: string) => row[col.get(name) ?? -1];
    for (const row of rows) {
      if (get(row, 'session_name') !== 'Race') continue;
      const name = get(row, 'meeting_name') ?? '';
      let race = races.get(name);
      if (!race)
        races.set(
          name,
          (race = { meetingName: name, meetingStart: get(row, 'meeting_date_start') ?? '', laps: [] }),
        );
      race.laps.push({
        driverNumber: Number(get(row, 'driver_number')),
        lap: Number(get(row, 'lap_number')),
        lapDuration: num(get(row, 'lap_duration')),
        pitOutLap: get(row, 'is_pit_out_lap') === 'True',
        stint: num(get(row, 'stint_number')),
        compound: get(row, 'compound') || null,
        stintStart: num(get(row, 'stint_lap_start')),
        stintEnd: num(get(row, 'stint_lap_end')),
        tyreAgeAtStart: num(get(row, 'tyre_age_at_start')),
        airTemp: num(get(row, 'air_temperature')),
        trackTemp: num(get(row, 'track_temperature')),
      });
    }
  }
  const list = [...races.values()].sort((a, b) => a.meetingStart.localeCompare(b.meetingStart));
  cache.set(file, list);
  return list;
}
