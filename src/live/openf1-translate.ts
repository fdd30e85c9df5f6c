// OpenF1 v1 records → normalised updates. Shared by the REST poller and the OpenF1 recordings. Session time is
// measured from `t0` (epoch ms). Without `position` records the running order is derived from completed laps.
import type { DriverState, LiveUpdate, TrackStatus } from './types.ts';

type Rec = Record<string, unknown>;
export const OPENF1_ENDPOINTS = [
  'sessions',
  'drivers',
  'position',
  'intervals',
  'laps',
  'stints',
  'pit',
  'race_control',
  'weather',
] as const;
export type OpenF1Endpoint = (typeof OPENF1_ENDPOINTS)[number];

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ms = (s: unknown): number | null => (num(s) === null ? null : Math.round((s as number) * 1000));

function gap(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v === 0 ? '' : `+${v.toFixed(3)}`;
  return String(v);
}

/** The session time a record describes (laps: when the lap ended). */
export function recordTime(endpoint: OpenF1Endpoint, r: Rec): number | null {
  const d = endpoint === 'laps' ? r.date_start : (r.date ?? r.date_start);
  if (typeof d !== 'string') return null;
  const t = Date.parse(d.replace(' ', 'T'));
  if (!Number.isFinite(t)) return null;
  if (endpoint === 'laps') {
    const dur = num(r.lap_duration);
    return dur === null ? null : t + Math.round(dur * 1000);
  }
  return t;
}

export class OpenF1Translator {
  private sawPosition = false;
  private readonly seen = new Set<string>();
  private readonly progress = new Map<
    string,
    { laps: number; at: number; best: number | null; stops: number }
  >();

  constructor(private t0: number | null = null) {}

  private time(at: number | null): number {
    if (at === null) return 0;
    this.t0 ??= at;
    return Math.max(0, at - this.t0);
  }

  /** Translates one batch of records of an endpoint; records already seen (same key) are skipped. */
  ingest(endpoint: OpenF1Endpoint, records: Rec[]): LiveUpdate[] {
    const out: LiveUpdate[] = [];
    for (const r of records) {
      const key = `${endpoint}|${String(r.driver_number ?? '')}|${String(r.date ?? r.date_start ?? '')}|${String(r.lap_number ?? r.stint_number ?? '')}|${String(r.lap_duration ?? r.lap_end ?? '')}`;
      if (this.seen.has(key)) continue;
      if (endpoint === 'laps' && r.lap_duration == null) continue; // lap still running
      this.seen.add(key);
      if (this.seen.size > 200_000) this.seen.clear(); // bounded: a session has far fewer records
      out.push(...this.one(endpoint, r));
    }
    return out;
  }

  private driver(n: string) {
    let p = this.progress.get(n);
    if (!p) this.progress.set(n, (p = { laps: 0, at: 0, best: null, stops: 0 }));
    return p;
  }

  private one(endpoint: OpenF1Endpoint, r: Rec): LiveUpdate[] {
    const timeMs = this.time(recordTime(endpoint, r));
    const n = r.driver_number === undefined ? '' : String(r.driver_number);
    switch (endpoint) {
      case 'sessions':
        return [
          {
            kind: 'session',
            timeMs,
            session: {
              id: String(r.session_key),
              name: `${String(r.location ?? r.circuit_short_name ?? '')} ${String(r.session_name ?? '')}`.trim(),
              type: String(r.session_type ?? r.session_name ?? ''),
              ...(num(r.year) !== null ? { year: r.year as number } : {}),
              live: true,
            },
          },
        ];
      case 'drivers':
        return [
          {
            kind: 'driver',
            timeMs,
            number: n,
            patch: {
              tla: String(r.name_acronym ?? n),
              name: String(r.full_name ?? r.broadcast_name ?? ''),
              team: String(r.team_name ?? ''),
              teamColour: String(r.team_colour ?? ''),
            },
          },
        ];
      case 'position':
        this.sawPosition = true;
        return [{ kind: 'driver', timeMs, number: n, patch: { position: num(r.position) } }];
      case 'intervals':
        return [
          {
            kind: 'driver',
            timeMs,
            number: n,
            patch: { gapToLeader: gap(r.gap_to_leader), interval: gap(r.interval) },
          },
        ];
      case 'laps': {
        const p = this.driver(n);
        const lapMs = ms(r.lap_duration);
        p.laps = Math.max(p.laps, num(r.lap_number) ?? 0);
        p.at = timeMs;
        if (lapMs !== null && (p.best === null || lapMs < p.best)) p.best = lapMs;
        const patch: Partial<DriverState> = {
          laps: p.laps,
          lastLapMs: lapMs,
          bestLapMs: p.best,
          lastLapPersonalBest: lapMs !== null && lapMs === p.best,
          sectors: [1, 2, 3].map((i) => ({
            ms: ms(r[`duration_sector_${i}`]),
            personalBest: false,
            overallBest: false,
          })),
          inPit: false,
          pitOut: r.is_pit_out_lap === true,
        };
        const out: LiveUpdate[] = [{ kind: 'driver', timeMs, number: n, patch }];
        if (!this.sawPosition) out.push(...this.derivedOrder(timeMs));
        return out;
      }
      case 'stints': {
        const age =
          (num(r.tyre_age_at_start) ?? 0) + Math.max(0, (num(r.lap_end) ?? 0) - (num(r.lap_start) ?? 0) + 1);
        const compound = String(r.compound ?? 'UNKNOWN');
        const stint = {
          compound,
          laps: age - (num(r.tyre_age_at_start) ?? 0),
          startAge: num(r.tyre_age_at_start) ?? 0,
          new: (num(r.tyre_age_at_start) ?? 0) === 0,
        };
        const stints = this.stints.get(n) ?? [];
        stints[(num(r.stint_number) ?? stints.length + 1) - 1] = stint;
        this.stints.set(n, stints);
        return [
          {
            kind: 'driver',
            timeMs,
            number: n,
            patch: { stints: stints.filter(Boolean), tyre: { compound, age, new: stint.new } },
          },
        ];
      }
      case 'pit': {
        const p = this.driver(n);
        p.stops += 1;
        return [{ kind: 'driver', timeMs, number: n, patch: { inPit: true, pitStops: p.stops } }];
      }
      case 'race_control': {
        const message = String(r.message ?? '');
        const out: LiveUpdate[] = [
          {
            kind: 'race_control',
            timeMs,
            message: {
              utc: String(r.date ?? ''),
              category: String(r.category ?? ''),
              message,
              ...(r.flag ? { flag: String(r.flag) } : {}),
              ...(num(r.lap_number) !== null ? { lap: r.lap_number as number } : {}),
            },
          },
        ];
        const status = trackFromMessage(message, r.flag);
        if (status) out.push({ kind: 'track', timeMs, status });
        return out;
      }
      case 'weather':
        return [
          {
            kind: 'weather',
            timeMs,
            weather: {
              airTemp: num(r.air_temperature) ?? 0,
              trackTemp: num(r.track_temperature) ?? 0,
              humidity: num(r.humidity) ?? 0,
              pressure: num(r.pressure) ?? 0,
              rainfall: Boolean(r.rainfall),
              windSpeed: num(r.wind_speed) ?? 0,
              windDirection: num(r.wind_direction) ?? 0,
            },
          },
        ];
    }
  }

  private readonly stints = new Map<string, DriverState['stints']>();
  private lastOrder = new Map<string, number>();

  /** Running order from laps completed, then who completed the last of them first. */
  private derivedOrder(timeMs: number): LiveUpdate[] {
    const ranked = [...this.progress.entries()].sort((a, b) => b[1].laps - a[1].laps || a[1].at - b[1].at);
    const out: LiveUpdate[] = [];
    ranked.forEach(([n], i) => {
      if (this.lastOrder.get(n) !== i + 1)
        out.push({ kind: 'driver', timeMs, number: n, patch: { position: i + 1 } });
    });
    this.lastOrder = new Map(ranked.map(([n], i) => [n, i + 1]));
    return out;
  }
}

function trackFromMessage(message: string, flag: unknown): TrackStatus | null {
  const m = message.toUpperCase();
  if (/VIRTUAL SAFETY CAR (DEPLOYED|ENDING)/.test(m)) return m.includes('ENDING') ? 'vsc_ending' : 'vsc';
  if (/SAFETY CAR DEPLOYED/.test(m)) return 'sc';
  if (flag === 'RED') return 'red';
  if (flag === 'GREEN' || /TRACK CLEAR/.test(m)) return 'green';
  return null;
}
