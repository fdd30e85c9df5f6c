// Weather recorded at past races: OpenF1 weather.json recordings (2023–2024), the OpenF1 "gold" per-lap
// features (air and track temperature, 2025–2026), and wet-tyre running in the lap tables (2018 on).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGoldRaces } from '../openf1-gold.ts';
import type { Lap } from '../../data/laps/laps.ts';

export interface Range {
  min: number;
  max: number;
  mean: number;
}

export interface RecordedWeather {
  source: 'openf1' | 'openf1-gold' | 'lap tables';
  airTempC: Range | null;
  trackTempC: Range | null;
  humidityPct: number | null;
  windSpeedKph: number | null;
  /** Share of weather samples with rainfall (OpenF1 recordings only). */
  rainfallShare: number | null;
}

interface IndexEntry {
  season: number;
  session_key: number;
  meeting_name: string;
  session_name: string;
}

interface WeatherSample {
  air_temperature: number;
  track_temperature: number;
  humidity: number;
  wind_speed: number;
  rainfall: number;
}

export function range(xs: readonly number[]): Range | null {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return null;
  const r = (x: number) => Math.round(x * 10) / 10;
  return { min: r(Math.min(...v)), max: r(Math.max(...v)), mean: r(v.reduce((a, b) => a + b, 0) / v.length) };
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

const indexCache = new Map<string, IndexEntry[]>();

/** Summary of an OpenF1 race-session weather recording, or null when not recorded. */
export function openF1RaceWeather(
  openf1Dir: string | undefined,
  year: number,
  eventName: string,
): RecordedWeather | null {
  if (!openf1Dir) return null;
  const root = join(openf1Dir, 'openf1');
  const indexFile = join(root, 'index.json');
  if (!existsSync(indexFile)) return null;
  let index = indexCache.get(indexFile);
  if (!index)
    indexCache.set(indexFile, (index = JSON.parse(readFileSync(indexFile, 'utf8')) as IndexEntry[]));
  const entry = index.find(
    (e) => e.season === year && e.meeting_name === eventName && e.session_name === 'Race',
  );
  if (!entry) return null;
  const file = join(root, String(year), String(entry.session_key), 'weather.json');
  if (!existsSync(file)) return null;
  const samples = JSON.parse(readFileSync(file, 'utf8')) as WeatherSample[];
  if (!samples.length) return null;
  return {
    source: 'openf1',
    airTempC: range(samples.map((s) => s.air_temperature)),
    trackTempC: range(samples.map((s) => s.track_temperature)),
    humidityPct: mean(samples.map((s) => s.humidity)),
    // OpenF1 reports wind in m/s.
    windSpeedKph: mean(samples.map((s) => s.wind_speed * 3.6)),
    rainfallShare: Math.round((samples.filter((s) => s.rainfall > 0).length / samples.length) * 1000) / 1000,
  };
}

/** Air/track temperature over the race from the OpenF1 gold per-lap features (2025–2026). */
export function goldRaceWeather(
  openf1Dir: string | undefined,
  year: number,
  eventName: string,
): RecordedWeather | null {
  const race = loadGoldRaces(openf1Dir, year).find((r) => r.meetingName === eventName);
  const air = race?.laps.map((l) => l.airTemp).filter((x): x is number => x !== null) ?? [];
  if (!race || !air.length) return null;
  return {
    source: 'openf1-gold',
    airTempC: range(air),
    trackTempC: range(race.laps.map((l) => l.trackTemp).filter((x): x is number => x !== null)),
    humidityPct: null,
    windSpeedKph: null,
    rainfallShare: null,
  };
}

/** Share of racing laps driven on intermediates or full wets: the lap tables' record of a wet race. */
export function wetLapShare(laps: readonly Lap[]): number {
  const known = laps.filter((l) => l.compound !== 'UNKNOWN');
  if (!known.length) return 0;
  return (
    Math.round(
      (known.filter((l) => l.compound === 'INTERMEDIATE' || l.compound === 'WET').length / known.length) *
        1000,
    ) / 1000
  );
}
