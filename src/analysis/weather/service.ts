// Weather for a race: Open-Meteo forecast at the circuit (upcoming races within the forecast horizon),
// recorded weather of this and earlier editions, and a rain-risk note for strategy.
import type { Config } from '../../config.ts';
import type { Db } from '../../data/db.ts';
import { isAppError } from '../../errors.ts';
import { getRace, previousEditions, type RaceInfo } from '../races.ts';
import { raceLaps } from '../strategy/service.ts';
import { OpenMeteoClient, type CurrentConditions, type HourlyForecast } from './open-meteo.ts';
import { goldRaceWeather, openF1RaceWeather, wetLapShare, type RecordedWeather } from './recorded.ts';

/** Open-Meteo forecasts 16 days ahead (today included). */
export const FORECAST_HORIZON_DAYS = 15;

export interface EditionWeather {
  year: number;
  round: number;
  recorded: RecordedWeather | null;
  /** Share of laps on intermediates or wets (null when the race is not in the lap tables). */
  wetLapShare: number | null;
  wet: boolean | null;
}

export interface WeatherReport {
  year: number;
  round: number;
  race: string;
  circuit: string;
  coordinates: { latitude: number; longitude: number } | null;
  raceStartUtc: string;
  status: 'upcoming' | 'past';
  forecastAvailable: boolean;
  current: CurrentConditions | null;
  /** Hourly forecast from an hour before the start to three hours after. */
  raceWindow: HourlyForecast[];
  /** This race (when already run) and earlier editions at the circuit. */
  history: EditionWeather[];
  rainRisk: {
    level: 'low' | 'moderate' | 'high' | 'unknown';
    probabilityPct: number | null;
    /** What a page shows as the title: a risk for a forecast, what happened for a past race. */
    headline: string;
    note: string;
  };
  notes: string[];
}

export interface WeatherDeps {
  config: Config;
  db: Db;
  /** Clock for the forecast horizon (tests). */
  now?: () => number;
}

const clients = new Map<string, OpenMeteoClient>();

function clientFor(config: Config): OpenMeteoClient {
  const key = `${config.OPEN_METEO_URL}|${config.OPEN_METEO_TIMEOUT}|${config.WEATHER_CACHE_TTL}`;
  let c = clients.get(key);
  if (!c)
    clients.set(
      key,
      (c = new OpenMeteoClient({
        baseUrl: config.OPEN_METEO_URL,
        timeoutMs: config.OPEN_METEO_TIMEOUT * 1000,
        cacheTtlMs: config.WEATHER_CACHE_TTL * 1000,
      })),
    );
  return c;
}

function startUtc(race: RaceInfo): string {
  return `${race.date}T${(race.time ?? '14:00').slice(0, 5)}:00Z`;
}

function editionWeather(config: Config, db: Db, race: RaceInfo): EditionWeather {
  let laps;
  try {
    laps = config.LAPS_DIR ? raceLaps(config, db, race.year, race.round) : undefined;
  } catch {
    laps = undefined;
  }
  const eventName = laps?.eventName ?? race.name;
  const recorded =
    openF1RaceWeather(config.OPENF1_DIR, race.year, eventName) ??
    goldRaceWeather(config.OPENF1_DIR, race.year, eventName);
  const share = laps ? wetLapShare(laps.laps) : null;
  const rained = recorded?.rainfallShare != null ? recorded.rainfallShare > 0.05 : null;
  return {
    year: race.year,
    round: race.round,
    recorded,
    wetLapShare: share,
    wet: share !== null ? share > 0.05 || rained === true : rained,
  };
}

export function rainRiskFromProbability(p: number): WeatherReport['rainRisk'] {
  if (p >= 40)
    return {
      level: 'high',
      probabilityPct: p,
      headline: `Rain risk: high (${Math.round(p)} %)`,
      note: `High rain risk (${p} %): plan dry and wet strategies; intermediates ready, and a wet spell brings safety cars and cheap stops.`,
    };
  if (p >= 20)
    return {
      level: 'moderate',
      probabilityPct: p,
      headline: `Rain risk: moderate (${Math.round(p)} %)`,
      note: `Moderate rain risk (${p} %): teams will keep intermediates ready and the pit window flexible.`,
    };
  return {
    level: 'low',
    probabilityPct: p,
    headline: `Rain risk: low (${Math.round(p)} %)`,
    note: `Low rain risk (${p} %): a standard dry strategy is expected.`,
  };
}

export async function getWeather(deps: WeatherDeps, year: number, round: number): Promise<WeatherReport> {
  const { config, db } = deps;
  const race = getRace(db, year, round);
  const now = deps.now?.() ?? Date.now();
  const start = startUtc(race);
  const past = race.hasResult || Date.parse(start) + 3 * 3600e3 < now;
  const notes: string[] = [];
  const editions = [...(past ? [race] : []), ...previousEditions(db, race.circuitId, race.date, 5)];
  const history = editions.map((r) => editionWeather(config, db, r));
  const coordinates =
    race.latitude !== null && race.longitude !== null
      ? { latitude: race.latitude, longitude: race.longitude }
      : null;

  let current: CurrentConditions | null = null;
  let raceWindow: HourlyForecast[] = [];
  let forecastAvailable = false;
  if (!past && coordinates) {
    const daysAway = Math.floor(
      (Date.parse(race.date) - Date.parse(new Date(now).toISOString().slice(0, 10))) / 864e5,
    );
    const inHorizon = daysAway <= FORECAST_HORIZON_DAYS;
    try {
      const f = await clientFor(config).forecast(
        coordinates.latitude,
        coordinates.longitude,
        inHorizon ? race.date : undefined,
      );
      current = f.current;
      if (inHorizon) {
        const t0 = Date.parse(start) - 3600e3;
        const t1 = Date.parse(start) + 3 * 3600e3;
        raceWindow = f.hourly.filter((h) => {
          const t = Date.parse(`${h.time}Z`);
          return t >= t0 && t <= t1;
        });
        forecastAvailable = raceWindow.length > 0;
      } else {
        notes.push(
          `Forecast unavailable: the race is ${daysAway} days away and Open-Meteo forecasts ${FORECAST_HORIZON_DAYS + 1} days ahead. Current conditions at the circuit are shown.`,
        );
      }
    } catch (e) {
      notes.push(
        `Forecast unavailable: ${isAppError(e) ? e.message : String(e)}. Showing recorded weather of past editions.`,
      );
    }
  } else if (!coordinates) notes.push('Forecast unavailable: the circuit has no coordinates.');

  const recordedWet = history.filter((h) => h.wet !== null);
  const wetCount = recordedWet.filter((h) => h.wet).length;
  const historyNote = recordedWet.length
    ? `Wet running in ${wetCount} of ${recordedWet.length} recorded edition(s) here.`
    : 'No recorded weather for earlier editions.';
  let rainRisk: WeatherReport['rainRisk'];
  if (forecastAvailable) {
    const p = Math.max(...raceWindow.map((h) => h.rainProbabilityPct ?? 0));
    rainRisk = rainRiskFromProbability(p);
    rainRisk.note += ` ${historyNote}`;
  } else if (past) {
    const self = history[0];
    rainRisk = {
      level: 'unknown',
      probabilityPct: null,
      headline: self?.wet === true ? 'Wet race' : self?.wet === false ? 'Dry race' : 'Weather not recorded',
      note:
        (self?.wet === true
          ? 'This race had wet running. '
          : self?.wet === false
            ? 'This race was dry. '
            : 'No weather record for this race. ') + historyNote,
    };
  } else {
    rainRisk = {
      level: 'unknown',
      probabilityPct: null,
      headline: 'Rain risk: no forecast yet',
      note: `No forecast yet. ${historyNote}`,
    };
  }
  return {
    year,
    round,
    race: race.name,
    circuit: race.circuitName,
    coordinates,
    raceStartUtc: start,
    status: past ? 'past' : 'upcoming',
    forecastAvailable,
    current,
    raceWindow,
    history,
    rainRisk,
    notes,
  };
}
