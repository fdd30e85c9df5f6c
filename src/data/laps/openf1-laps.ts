// Lap tables rebuilt from the OpenF1 recordings (laps.json + stints.json of a race session, 2023–2024, or the
// gold per-lap tables, 2025) for races the FastF1 lap tables do not cover (2024 rounds 19–24, 2025 22–24). OpenF1 has no track status, positions or pit-entry
// times, so: positions come from each car's time at the line; a lap is taken as neutralised when the whole
// field's median lap that lap is > 12 % slower than the race's median lap (safety car / VSC); the in-lap is
// the lap before an out-lap, and the pit-lane time cannot be measured (left out).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGoldRaces, type GoldLap } from '../../analysis/openf1-gold.ts';
import { median, type Compound, type Lap, type RaceLaps } from './laps.ts';

export interface OpenF1Lap {
  driver_number: number;
  lap_number: number;
  date_start: string | null;
  lap_duration: number | null;
  is_pit_out_lap: boolean | null;
}

export interface OpenF1Stint {
  driver_number: number;
  stint_number: number;
  lap_start: number | null;
  lap_end: number | null;
  compound: string | null;
  tyre_age_at_start: number | null;
}

const COMPOUNDS = new Set(['SOFT', 'MEDIUM', 'HARD', 'INTERMEDIATE', 'WET']);

export function lapsFromOpenF1(
  laps: readonly OpenF1Lap[],
  stints: readonly OpenF1Stint[],
  codeByNumber: ReadonlyMap<number, string>,
): Lap[] {
  const t0 = Math.min(...laps.filter((l) => l.date_start).map((l) => Date.parse(l.date_start!)));
  const byDriver = new Map<number, OpenF1Lap[]>();
  for (const l of laps) byDriver.set(l.driver_number, [...(byDriver.get(l.driver_number) ?? []), l]);
  const out: Lap[] = [];
  for (const [number, list] of byDriver) {
    list.sort((a, b) => a.lap_number - b.lap_number);
    const driver = codeByNumber.get(number) ?? String(number);
    const own = stints.filter((s) => s.driver_number === number);
    list.forEach((l, i) => {
      const next = list[i + 1];
      const start = l.date_start ? (Date.parse(l.date_start) - t0) / 1000 : null;
      const end =
        start !== null && l.lap_duration !== null
          ? start + l.lap_duration
          : next?.date_start
            ? (Date.parse(next.date_start) - t0) / 1000
            : null;
      const stint = own.find((s) => (s.lap_start ?? 0) <= l.lap_number && l.lap_number <= (s.lap_end ?? 999));
      const compound = (stint?.compound ?? '').toUpperCase();
      const outLap = l.is_pit_out_lap === true && l.lap_number > 1;
      const inLap = next?.is_pit_out_lap === true;
      out.push({
        driver,
        driverNumber: number,
        team: '',
        lap: l.lap_number,
        time: end,
        lapTime: l.lap_duration,
        stint: stint?.stint_number ?? null,
        pitOutTime: outLap ? start : null,
        pitInTime: inLap ? end : null,
        compound: (COMPOUNDS.has(compound) ? compound : 'UNKNOWN') as Compound,
        compoundName: null,
        tyreLife:
          stint && stint.tyre_age_at_start !== null && stint.lap_start !== null
            ? stint.tyre_age_at_start + l.lap_number - stint.lap_start + 1
            : null,
        freshTyre: stint ? stint.tyre_age_at_start === 0 : null,
        trackStatus: '1',
        position: null,
        accurate: !outLap && !inLap && l.lap_duration !== null,
        valid: true,
      });
    });
  }
  // Positions: order of arrival at the line, per lap.
  const byLap = new Map<number, Lap[]>();
  for (const l of out) if (l.time !== null) byLap.set(l.lap, [...(byLap.get(l.lap) ?? []), l]);
  const raceMedian = median(out.filter((l) => l.lapTime !== null && l.lap > 1).map((l) => l.lapTime!)) ?? 0;
  for (const list of byLap.values()) {
    list.sort((a, b) => a.time! - b.time!).forEach((l, i) => (l.position = i + 1));
    const lapMedian = median(list.filter((l) => l.lapTime !== null).map((l) => l.lapTime!)) ?? 0;
    if (raceMedian && lapMedian > raceMedian * 1.12) for (const l of list) l.trackStatus = '4';
  }
  return out.sort((a, b) => a.driver.localeCompare(b.driver) || a.lap - b.lap);
}

interface IndexEntry {
  season: number;
  session_key: number;
  meeting_name: string;
  session_name: string;
}

/**
 * The race of `year`/`round` from the OpenF1 recordings. The index lists each recorded season's races in
 * calendar order, and every race of a recorded season is there, so the n-th race entry is round n.
 */
export function loadOpenF1RaceLaps(
  openf1Dir: string | undefined,
  year: number,
  round: number,
  codeByNumber: ReadonlyMap<number, string>,
  /** Races the season has in the F1 database: the positional mapping is only trusted when counts agree. */
  seasonRaces?: number,
): RaceLaps | undefined {
  if (!openf1Dir) return undefined;
  const root = join(openf1Dir, 'openf1');
  const indexFile = join(root, 'index.json');
  if (!existsSync(indexFile)) return undefined;
  const races = (JSON.parse(readFileSync(indexFile, 'utf8')) as IndexEntry[]).filter(
    (e) => e.season === year && e.session_name === 'Race',
  );
  if (seasonRaces !== undefined && races.length !== seasonRaces) return undefined;
  const entry = races[round - 1];
  if (!entry) return undefined;
  const dir = join(root, String(year), String(entry.session_key));
  if (!existsSync(join(dir, 'laps.json')) || !existsSync(join(dir, 'stints.json'))) return undefined;
  const laps = JSON.parse(readFileSync(join(dir, 'laps.json'), 'utf8')) as OpenF1Lap[];
  const stints = JSON.parse(readFileSync(join(dir, 'stints.json'), 'utf8')) as OpenF1Stint[];
  if (laps.length === 0) return undefined;
  return { year, round, eventName: entry.meeting_name, laps: lapsFromOpenF1(laps, stints, codeByNumber) };
}

/**
 * The race of `year`/`round` from the OpenF1 gold per-lap tables (2025): no timestamps there, so each car's
 * time at the line is the sum of its lap durations from the start.
 */
export function loadGoldRaceLaps(
  openf1Dir: string | undefined,
  year: number,
  round: number,
  codeByNumber: ReadonlyMap<number, string>,
  seasonRaces?: number,
): RaceLaps | undefined {
  const races = loadGoldRaces(openf1Dir, year);
  if (seasonRaces !== undefined && races.length !== seasonRaces) return undefined;
  const race = races[round - 1];
  if (!race || race.laps.length === 0) return undefined;
  const laps: OpenF1Lap[] = [];
  const stints = new Map<string, OpenF1Stint>();
  const byDriver = new Map<number, GoldLap[]>();
  for (const l of race.laps) byDriver.set(l.driverNumber, [...(byDriver.get(l.driverNumber) ?? []), l]);
  for (const [number, list] of byDriver) {
    list.sort((a, b) => a.lap - b.lap);
    let elapsed = 0;
    let known = true;
    for (const l of list) {
      laps.push({
        driver_number: number,
        lap_number: l.lap,
        date_start: known ? new Date(elapsed * 1000).toISOString() : null,
        lap_duration: l.lapDuration,
        is_pit_out_lap: l.pitOutLap,
      });
      if (l.lapDuration === null) known = false;
      else elapsed += l.lapDuration;
      if (l.stint !== null)
        stints.set(`${number}#${l.stint}`, {
          driver_number: number,
          stint_number: l.stint,
          lap_start: l.stintStart,
          lap_end: l.stintEnd,
          compound: l.compound,
          tyre_age_at_start: l.tyreAgeAtStart,
        });
    }
  }
  return {
    year,
    round,
    eventName: race.meetingName,
    laps: lapsFromOpenF1(laps, [...stints.values()], codeByNumber),
  };
}
