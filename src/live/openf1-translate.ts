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
  private sawIntervals = false;
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
        this.sawIntervals = true;
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
        const lap = num(r.lap_number) ?? 0;
        p.laps = Math.max(p.laps, lap);
        p.at = timeMs;
        if (lapMs !== null && (p.best === null || lapMs < p.best)) p.best = lapMs;
        let byLap = this.crossings.get(lap);
        if (!byLap) this.crossings.set(lap, (byLap = new Map()));
        byLap.set(n, timeMs);
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
          ...this.tyreNow(n),
        };
        if (r.is_pit_out_lap === true) patch.pitOut = false; // the out-lap is over
        const out: LiveUpdate[] = [{ kind: 'driver', timeMs, number: n, patch }];
        if (!this.sawPosition) out.push(...this.derivedOrder(timeMs));
        if (!this.sawIntervals) out.push(...this.derivedGaps(n, lap, timeMs));
        return out;
      }
      case 'stints': {
        const startAge = num(r.tyre_age_at_start) ?? 0;
        const stints = this.stints.get(n) ?? [];
        stints[(num(r.stint_number) ?? stints.length + 1) - 1] = {
          compound: String(r.compound ?? 'UNKNOWN'),
          lapStart: num(r.lap_start) ?? 1,
          startAge,
        };
        this.stints.set(n, stints);
        return [{ kind: 'driver', timeMs, number: n, patch: this.tyreNow(n) }];
      }
      case 'pit': {
        // The car entered the pit lane; it is out again pit_duration (the pit-lane time) later.
        const p = this.driver(n);
        p.stops += 1;
        const out: LiveUpdate[] = [
          { kind: 'driver', timeMs, number: n, patch: { inPit: true, pitOut: false, pitStops: p.stops } },
        ];
        const lane = ms(r.pit_duration);
        if (lane !== null)
          out.push({
            kind: 'driver',
            timeMs: timeMs + lane,
            number: n,
            patch: { inPit: false, pitOut: true },
          });
        return out;
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

  private readonly stints = new Map<string, { compound: string; lapStart: number; startAge: number }[]>();
  private lastOrder = new Map<string, number>();
  private readonly crossings = new Map<number, Map<string, number>>(); // lap → car → session time it ended
  private readonly retired = new Set<string>();

  /**
   * Tyre and stints as of the laps a car has completed: a set's age is its age when fitted plus the laps run on
   * it (OpenF1 stints give the fitting lap and age; `lap_end` grows while the stint runs, so it is not used).
   */
  private tyreNow(n: string): Pick<DriverState, 'tyre' | 'stints'> | Record<string, never> {
    const all = (this.stints.get(n) ?? []).filter(Boolean);
    if (all.length === 0) return {};
    const done = this.progress.get(n)?.laps ?? 0;
    const current = [...all].reverse().find((s) => s.lapStart <= done + 1) ?? all[0]!;
    const upTo = all.indexOf(current);
    const stints = all.slice(0, upTo + 1).map((s, i) => {
      const next = all[i + 1];
      const end = i === upTo ? done : (next?.lapStart ?? done + 1) - 1;
      const laps = Math.max(0, end - s.lapStart + 1);
      return { compound: s.compound, laps, startAge: s.startAge, new: s.startAge === 0 };
    });
    const last = stints.at(-1)!;
    return { stints, tyre: { compound: last.compound, age: last.startAge + last.laps, new: last.new } };
  }

  /** A car that went no further: off the running order, below every car still running. */
  retire(n: string, timeMs: number): LiveUpdate[] {
    this.retired.add(n);
    const out: LiveUpdate[] = [
      {
        kind: 'driver',
        timeMs,
        number: n,
        patch: { retired: true, inPit: false, pitOut: false, gapToLeader: null, interval: null },
      },
    ];
    if (!this.sawPosition) out.push(...this.derivedOrder(timeMs));
    return out;
  }

  /** Running order from laps completed, then who completed the last of them first; retired cars last. */
  private derivedOrder(timeMs: number): LiveUpdate[] {
    const ranked = [...this.progress.entries()].sort(
      (a, b) =>
        Number(this.retired.has(a[0])) - Number(this.retired.has(b[0])) ||
        b[1].laps - a[1].laps ||
        (this.retired.has(a[0]) ? b[1].at - a[1].at : a[1].at - b[1].at),
    );
    const out: LiveUpdate[] = [];
    ranked.forEach(([n], i) => {
      if (this.lastOrder.get(n) !== i + 1)
        out.push({ kind: 'driver', timeMs, number: n, patch: { position: i + 1 } });
    });
    this.lastOrder = new Map(ranked.map(([n], i) => [n, i + 1]));
    return out;
  }

  /** Gap to the leader and to the car ahead when a car completes a lap: time on the same lap, else "nL". */
  private derivedGaps(n: string, lap: number, timeMs: number): LiveUpdate[] {
    const ranked = [...this.lastOrder.entries()]
      .filter(([x]) => !this.retired.has(x))
      .sort((a, b) => a[1] - b[1])
      .map(([x]) => x);
    const i = ranked.indexOf(n);
    if (i < 0) return [];
    const to = (other: string | undefined): string | null => {
      if (other === undefined) return null;
      const ahead = this.progress.get(other)?.laps ?? 0;
      if (ahead > lap) return `${ahead - lap}L`;
      const theirs = this.crossings.get(lap)?.get(other);
      return theirs === undefined ? null : `+${((timeMs - theirs) / 1000).toFixed(3)}`;
    };
    const patch =
      i === 0
        ? { gapToLeader: '', interval: '' }
        : { gapToLeader: to(ranked[0]), interval: to(ranked[i - 1]) };
    return [{ kind: 'driver', timeMs, number: n, patch }];
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
