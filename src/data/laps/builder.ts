// Lap tables built from a live-timing recording (the official archive's topics, or a recording of the live
// feed): one row per completed lap with lap time, sectors, position, gap, stint, compound, tyre age, pit in/out
// and the track statuses seen during the lap, in the same `Lap` shape the FastF1-derived CSVs give, so
// strategy, rejoin validation, replays and Ergast /laps read either.
//
// Topic states are merged by the live feed's translator (one merge of deltas in the product). A lap is
// completed when TimingData's NumberOfLaps of a driver grows; its time is LastLapTime. A recording without
// TimingData (some archived races) still has TimingAppData: a lap is then completed when the current stint's
// TotalLaps grows, its position is the driver's tower line, and its time the gap between completions (marked
// not accurate).
import { FeedTranslator, parseLapTime } from '../../live/feed-translate.ts';
import type { Compound, Lap } from './laps.ts';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : isObject(v) ? Object.values(v) : []);
const num = (v: unknown): number | null => {
  if (v === undefined || v === null || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

export interface BuiltLap extends Lap {
  sector1: number | null;
  sector2: number | null;
  sector3: number | null;
  /** Gap to the leader as the tower shows it (`+1.234`, `1 L`), qualifying: to the fastest of the part. */
  gapToLeader: string | null;
  /** Qualifying part (1–3) the lap was set in; null in races. */
  sessionPart: number | null;
}

export interface FeedFrameLike {
  timeMs: number;
  topic: string;
  data: unknown;
}

const COMPOUNDS = new Set(['SOFT', 'MEDIUM', 'HARD', 'INTERMEDIATE', 'WET']);

interface DriverTrack {
  laps: number;
  lapStartMs: number;
  statuses: string;
  pitIn: number | null;
  pitOut: number | null;
  wasInPit: boolean;
  stintLaps: number;
  stintCount: number;
  seen: boolean;
}

/** Builds the lap table of one session from its frames (any order; sorted by time here). */
export function buildLaps(frames: readonly FeedFrameLike[]): BuiltLap[] {
  const sorted = [...frames].filter((f) => !f.topic.endsWith('.z')).sort((a, b) => a.timeMs - b.timeMs);
  const hasTiming = sorted.some((f) => f.topic === 'TimingData');
  const tr = new FeedTranslator();
  const tracks = new Map<string, DriverTrack>();
  const out: BuiltLap[] = [];
  let track = '1';
  const track0 = (n: string): DriverTrack => {
    let t = tracks.get(n);
    if (!t) {
      t = {
        laps: 0,
        lapStartMs: 0,
        statuses: track,
        pitIn: null,
        pitOut: null,
        wasInPit: false,
        stintLaps: 0,
        stintCount: 0,
        seen: false,
      };
      tracks.set(n, t);
    }
    return t;
  };
  const state = (topic: string): Obj => {
    const s = tr.topic(topic);
    return isObject(s) ? s : {};
  };
  const line = (topic: string, n: string): Obj => {
    const lines = state(topic).Lines;
    return isObject(lines) && isObject(lines[n]) ? lines[n] : {};
  };
  const driverInfo = (n: string) => {
    const d = state('DriverList')[n];
    return isObject(d) ? { tla: String(d.Tla ?? n), team: String(d.TeamName ?? '') } : { tla: n, team: '' };
  };
  const tyre = (n: string) => {
    const stints = list(line('TimingAppData', n).Stints).filter(isObject);
    const last = stints.at(-1);
    const compound = String(last?.Compound ?? '').toUpperCase();
    return {
      stint: stints.length || null,
      compound: (COMPOUNDS.has(compound) ? compound : 'UNKNOWN') as Compound,
      tyreLife: num(last?.TotalLaps),
      fresh: last ? last.New === true || last.New === 'true' : null,
    };
  };

  const complete = (n: string, t: DriverTrack, timeMs: number, fromTiming: boolean) => {
    const timing = line('TimingData', n);
    const info = driverInfo(n);
    const ty = tyre(n);
    const sectors = list(timing.Sectors).map((s) => (isObject(s) ? parseLapTime(s.Value) : null));
    const lastLap = isObject(timing.LastLapTime) ? parseLapTime(timing.LastLapTime.Value) : null;
    const part = num(state('TimingData').SessionPart);
    const stats = list(timing.Stats);
    const partStats = part && isObject(stats[part - 1]) ? (stats[part - 1] as Obj) : undefined;
    const position = fromTiming ? num(timing.Position) : num(line('TimingAppData', n).Line);
    const lapTime = fromTiming ? lastLap : t.laps > 0 && t.lapStartMs > 0 ? timeMs - t.lapStartMs : null;
    const gap = fromTiming ? String(timing.GapToLeader ?? partStats?.TimeDiffToFastest ?? '') || null : null;
    t.laps++;
    out.push({
      driver: info.tla,
      driverNumber: Number(n),
      team: info.team,
      lap: t.laps,
      time: timeMs / 1000,
      lapTime: lapTime === null ? null : lapTime / 1000,
      stint: ty.stint,
      pitOutTime: t.pitOut === null ? null : t.pitOut / 1000,
      pitInTime: t.pitIn === null ? null : t.pitIn / 1000,
      compound: ty.compound,
      compoundName: null,
      tyreLife: ty.tyreLife,
      freshTyre: ty.fresh,
      trackStatus: t.statuses,
      position,
      accurate: fromTiming && lapTime !== null && t.pitIn === null && t.pitOut === null,
      valid: fromTiming ? lastLap !== null : lapTime !== null,
      sector1: sectors[0] == null ? null : sectors[0] / 1000,
      sector2: sectors[1] == null ? null : sectors[1] / 1000,
      sector3: sectors[2] == null ? null : sectors[2] / 1000,
      gapToLeader: gap,
      sessionPart: part && partStats ? part : null,
    });
    t.lapStartMs = timeMs;
    t.statuses = track;
    t.pitIn = null;
    t.pitOut = null;
  };

  for (const f of sorted) {
    tr.apply(f.topic, f.data, f.timeMs);
    if (f.topic === 'TrackStatus') {
      const s = String(state('TrackStatus').Status ?? '');
      if (/^\d$/.test(s)) {
        track = s;
        for (const t of tracks.values()) if (!t.statuses.includes(s)) t.statuses += s;
      }
      continue;
    }
    if (!isObject(f.data) || !isObject(f.data.Lines)) continue;
    if (f.topic === 'TimingData') {
      for (const n of Object.keys(f.data.Lines)) {
        const l = line('TimingData', n);
        const t = track0(n);
        const inPit = l.InPit === true;
        // In the garage when the session opens is no pit entry.
        if (inPit && !t.wasInPit && t.seen) t.pitIn = f.timeMs;
        t.seen = true;
        if (!inPit && t.wasInPit) t.pitOut = f.timeMs;
        t.wasInPit = inPit;
        const laps = num(l.NumberOfLaps);
        // The sector 3 time and LastLapTime come in the message that raises NumberOfLaps (or just before).
        if (laps !== null && laps > t.laps) {
          while (t.laps < laps - 1) t.laps++; // laps the feed never announced one by one
          complete(n, t, f.timeMs, true);
        }
      }
    } else if (f.topic === 'TimingAppData' && !hasTiming) {
      for (const n of Object.keys(f.data.Lines)) {
        const stints = list(line('TimingAppData', n).Stints).filter(isObject);
        const last = stints.at(-1);
        if (!last) continue;
        const t = track0(n);
        const driven = stints.reduce(
          (sum, s) => sum + Math.max(0, (num(s.TotalLaps) ?? 0) - (num(s.StartLaps) ?? 0)),
          0,
        );
        if (stints.length > t.stintCount && t.stintCount > 0) {
          // A new set of tyres: the lap just completed was the in-lap, the next one is the out-lap.
          const inLap = out.findLast((l) => l.driverNumber === Number(n));
          if (inLap && inLap.pitInTime === null) inLap.pitInTime = inLap.time;
          t.pitOut = f.timeMs;
        }
        t.stintCount = stints.length;
        if (driven > t.laps) complete(n, t, f.timeMs, false);
      }
    }
  }
  return out.sort((a, b) => a.driver.localeCompare(b.driver) || a.lap - b.lap);
}

/** Each driver's fastest lap (and its sectors) of a built table; qualifying compares it with the results. */
export function bestLaps(laps: readonly BuiltLap[]): Map<string, BuiltLap> {
  const best = new Map<string, BuiltLap>();
  for (const l of laps) {
    if (l.lapTime === null || !l.valid) continue;
    const b = best.get(l.driver);
    if (!b || l.lapTime < b.lapTime!) best.set(l.driver, l);
  }
  return best;
}
