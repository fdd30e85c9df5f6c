// The Open-Meteo client and the weather report, against a local server replaying recorded Open-Meteo JSON,
// and the recorded weather of past races from the shared data set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Db } from '../../data/db.ts';
import { OpenMeteoClient, describeWeatherCode } from './open-meteo.ts';
import { getWeather, rainRiskFromProbability } from './service.ts';
import { weatherMarkdown } from '../markdown.ts';
import { loadSeasonLaps } from '../../data/laps/laps.ts';
import { startOpenMeteoReplay, type ReplayServer } from './testing/open-meteo-replay.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', name), 'utf8');
const FORECAST = fixture('open-meteo-forecast-zandvoort.json');

let server: ReplayServer;
let db: Db;

beforeAll(async () => {
  server = await startOpenMeteoReplay(200, FORECAST);
  db = openDatabase(process.env.DATABASE_PATH!);
  // Parse the lap tables of the editions used below once, up front (seconds on a busy machine).
  for (let y = 2019; y <= 2025; y++) loadSeasonLaps(process.env.LAPS_DIR, y);
});
afterAll(async () => {
  await server.close();
  db.close();
});

describe('OpenMeteoClient', () => {
  it('requests the forecast for the race day and parses current and hourly data', async () => {
    const client = new OpenMeteoClient({ baseUrl: server.url, timeoutMs: 2000, cacheTtlMs: 60_000 });
    const f = await client.forecast(52.388819, 4.540922, '2026-08-23');
    const q = server.requests.at(-1)!;
    expect(q.pathname).toBe('/v1/forecast');
    expect(q.searchParams.get('start_date')).toBe('2026-08-23');
    expect(q.searchParams.get('hourly')).toContain('precipitation_probability');
    expect(f.current?.airTempC).toBe(18.4);
    expect(f.current?.conditions).toBe('partly cloudy');
    expect(f.hourly).toHaveLength(24);
    expect(f.hourly[13]).toMatchObject({
      time: '2026-08-23T13:00',
      rainProbabilityPct: 55,
      conditions: 'rain',
    });
  });

  it('caches a forecast for the TTL', async () => {
    let now = 0;
    const client = new OpenMeteoClient({
      baseUrl: server.url,
      timeoutMs: 2000,
      cacheTtlMs: 1000,
      now: () => now,
    });
    const before = server.requests.length;
    await client.forecast(10, 20);
    await client.forecast(10, 20);
    expect(server.requests.length).toBe(before + 1);
    now = 5000;
    await client.forecast(10, 20);
    expect(server.requests.length).toBe(before + 2);
  });

  it('turns an Open-Meteo error, a timeout and a dead server into AppErrors', async () => {
    const client = new OpenMeteoClient({ baseUrl: server.url, timeoutMs: 300, cacheTtlMs: 0 });
    server.respond(400, fixture('open-meteo-error.json'));
    await expect(client.forecast(1, 2, '2030-01-01')).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('out of allowed range'),
    });
    server.respond(200, FORECAST, 1500);
    await expect(client.forecast(1, 3)).rejects.toMatchObject({ code: 'timeout' });
    server.respond(200, FORECAST);
    const dead = new OpenMeteoClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500, cacheTtlMs: 0 });
    await expect(dead.forecast(1, 2)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('describes WMO weather codes', () => {
    expect(describeWeatherCode(0)).toBe('clear sky');
    expect(describeWeatherCode(63)).toBe('rain');
    expect(describeWeatherCode(95)).toBe('thunderstorm');
    expect(describeWeatherCode(null)).toBe('unknown');
  });
});

describe('getWeather', () => {
  const config = (url: string) =>
    loadConfig({ ...process.env, OPEN_METEO_URL: url, OPEN_METEO_TIMEOUT: '2', WEATHER_CACHE_TTL: '1' });

  it('forecasts an upcoming race within the horizon: race window and rain risk', async () => {
    const w = await getWeather(
      { config: config(server.url), db, now: () => Date.parse('2026-08-20T10:00:00Z') },
      2026,
      12,
    );
    expect(w.status).toBe('upcoming');
    expect(w.notes).toEqual([]);
    expect(w.forecastAvailable).toBe(true);
    expect(w.raceStartUtc).toBe('2026-08-23T13:00:00Z');
    // 12:00 to 16:00 UTC around a 13:00 start.
    expect(w.raceWindow.map((h) => h.time)).toEqual([
      '2026-08-23T12:00',
      '2026-08-23T13:00',
      '2026-08-23T14:00',
      '2026-08-23T15:00',
      '2026-08-23T16:00',
    ]);
    expect(w.rainRisk).toMatchObject({ level: 'high', probabilityPct: 55 });
    const md = weatherMarkdown(w);
    expect(md).toMatch(/\*\*Rain risk: high \(55 %\):\*\* High rain risk \(55 %\)/);
    expect(md).toMatch(/\| 13:00 \| rain \|/);
    expect(w.history.length).toBeGreaterThan(0);
  });

  it('offline: says the forecast is unavailable and gives the recorded weather of past editions', async () => {
    const w = await getWeather(
      { config: config('http://127.0.0.1:9'), db, now: () => Date.parse('2026-08-20T10:00:00Z') },
      2026,
      12,
    );
    expect(w.forecastAvailable).toBe(false);
    expect(w.notes.join(' ')).toMatch(/Forecast unavailable/);
    expect(w.history.some((h) => h.wetLapShare !== null)).toBe(true);
  });

  it('beyond the horizon: no forecast request for the race day, a clear note', async () => {
    const before = server.requests.length;
    const w = await getWeather(
      { config: config(server.url), db, now: () => Date.parse('2026-07-01T10:00:00Z') },
      2026,
      12,
    );
    expect(w.forecastAvailable).toBe(false);
    expect(w.notes.join(' ')).toMatch(/days away/);
    expect(server.requests.slice(before).every((r) => !r.searchParams.has('start_date'))).toBe(true);
  });

  it('past race: recorded OpenF1 weather, never a forecast', async () => {
    const before = server.requests.length;
    const w = await getWeather({ config: config(server.url), db }, 2024, 14);
    expect(server.requests.length).toBe(before);
    expect(w.status).toBe('past');
    const self = w.history[0]!;
    expect(self.year).toBe(2024);
    expect(self.recorded?.source).toBe('openf1');
    // The title says what happened, never "Rain risk: unknown" next to "This race was dry".
    expect(w.rainRisk.headline).toBe('Dry race');
    expect(w.rainRisk.note).toMatch(/^This race was dry\./);
    expect(self.recorded!.trackTempC!.max).toBeGreaterThan(self.recorded!.airTempC!.max);
    // 2021 Belgian GP: run behind the safety car on wet tyres.
    expect(w.history.find((h) => h.year === 2021)?.wetLapShare).toBe(1);
  });

  it('rain risk thresholds', () => {
    expect(rainRiskFromProbability(10).level).toBe('low');
    expect(rainRiskFromProbability(20).level).toBe('moderate');
    expect(rainRiskFromProbability(40).level).toBe('high');
  });
});
