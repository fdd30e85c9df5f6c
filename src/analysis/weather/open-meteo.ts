// Open-Meteo forecast client (https://open-meteo.com/en/docs — no key). Responses are cached per
// coordinates and day for WEATHER_CACHE_TTL; failures become AppErrors (timeout / upstream_error / unavailable).
import { AppError } from '../../errors.ts';

export interface CurrentConditions {
  time: string;
  airTempC: number | null;
  humidityPct: number | null;
  precipitationMm: number | null;
  cloudCoverPct: number | null;
  windSpeedKph: number | null;
  windDirectionDeg: number | null;
  weatherCode: number | null;
  conditions: string;
}

export interface HourlyForecast {
  time: string;
  airTempC: number | null;
  rainProbabilityPct: number | null;
  precipitationMm: number | null;
  windSpeedKph: number | null;
  weatherCode: number | null;
  conditions: string;
}

export interface Forecast {
  latitude: number;
  longitude: number;
  elevation: number | null;
  current: CurrentConditions | null;
  hourly: HourlyForecast[];
}

export interface OpenMeteoOptions {
  baseUrl: string;
  timeoutMs: number;
  cacheTtlMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

const CURRENT = [
  'temperature_2m',
  'relative_humidity_2m',
  'precipitation',
  'cloud_cover',
  'weather_code',
  'wind_speed_10m',
  'wind_direction_10m',
];
const HOURLY = [
  'temperature_2m',
  'precipitation_probability',
  'precipitation',
  'weather_code',
  'wind_speed_10m',
];

/** WMO weather interpretation codes, as documented by Open-Meteo. */
export function describeWeatherCode(code: number | null | undefined): string {
  if (code === null || code === undefined) return 'unknown';
  if (code === 0) return 'clear sky';
  if (code <= 2) return 'partly cloudy';
  if (code === 3) return 'overcast';
  if (code === 45 || code === 48) return 'fog';
  if (code >= 51 && code <= 57) return 'drizzle';
  if (code >= 61 && code <= 67) return code >= 65 ? 'heavy rain' : 'rain';
  if (code >= 71 && code <= 77) return 'snow';
  if (code >= 80 && code <= 82) return code === 82 ? 'violent rain showers' : 'rain showers';
  if (code === 85 || code === 86) return 'snow showers';
  if (code >= 95) return 'thunderstorm';
  return 'unknown';
}

interface RawResponse {
  latitude: number;
  longitude: number;
  elevation?: number;
  current?: Record<string, number | string | null>;
  hourly?: Record<string, (number | string | null)[]>;
  error?: boolean;
  reason?: string;
}

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function parseForecast(raw: RawResponse): Forecast {
  const c = raw.current;
  const h = raw.hourly;
  const times = (h?.time ?? []) as string[];
  const col = (name: string, i: number) => numOrNull(h?.[name]?.[i]);
  return {
    latitude: raw.latitude,
    longitude: raw.longitude,
    elevation: numOrNull(raw.elevation),
    current: c
      ? {
          time: String(c.time),
          airTempC: numOrNull(c.temperature_2m),
          humidityPct: numOrNull(c.relative_humidity_2m),
          precipitationMm: numOrNull(c.precipitation),
          cloudCoverPct: numOrNull(c.cloud_cover),
          windSpeedKph: numOrNull(c.wind_speed_10m),
          windDirectionDeg: numOrNull(c.wind_direction_10m),
          weatherCode: numOrNull(c.weather_code),
          conditions: describeWeatherCode(numOrNull(c.weather_code)),
        }
      : null,
    hourly: times.map((time, i) => ({
      time,
      airTempC: col('temperature_2m', i),
      rainProbabilityPct: col('precipitation_probability', i),
      precipitationMm: col('precipitation', i),
      windSpeedKph: col('wind_speed_10m', i),
      weatherCode: col('weather_code', i),
      conditions: describeWeatherCode(col('weather_code', i)),
    })),
  };
}

export class OpenMeteoClient {
  private readonly cache = new Map<string, { expires: number; value: Forecast }>();
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly opts: OpenMeteoOptions) {
    this.fetchImpl = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  /** Current conditions plus the hourly forecast for `day` (YYYY-MM-DD, UTC), or for today and tomorrow. */
  async forecast(latitude: number, longitude: number, day?: string): Promise<Forecast> {
    const key = `${latitude.toFixed(3)},${longitude.toFixed(3)},${day ?? ''}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const params = new URLSearchParams({
      latitude: String(latitude),
      longitude: String(longitude),
      current: CURRENT.join(','),
      hourly: HOURLY.join(','),
      timezone: 'GMT',
      wind_speed_unit: 'kmh',
    });
    if (day) {
      params.set('start_date', day);
      params.set('end_date', day);
    } else params.set('forecast_days', '2');
    const url = `${this.opts.baseUrl.replace(/\/$/, '')}/v1/forecast?${params}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (e) {
      if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
        throw new AppError('timeout', `Open-Meteo did not answer within ${this.opts.timeoutMs} ms`);
      throw new AppError(
        'unavailable',
        `Open-Meteo is unreachable: ${e instanceof Error ? e.message : String(e)}` +
          (e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : ''),
      );
    }
    const body = (await res.json().catch(() => null)) as RawResponse | null;
    if (!res.ok || !body || body.error) {
      throw new AppError(
        'upstream_error',
        `Open-Meteo answered ${res.status}: ${body?.reason ?? 'unreadable response'}`,
      );
    }
    const value = parseForecast(body);
    this.cache.set(key, { expires: this.now() + this.opts.cacheTtlMs, value });
    return value;
  }
}
