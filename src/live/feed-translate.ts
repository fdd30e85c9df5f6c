// F1 live-timing topics → normalised updates. Keeps the merged raw state of every topic (the feed sends a full
// state first, then deltas) and re-derives the normalised fields of whatever a message touched.
import { mergeFeed } from './feed-merge.ts';
import type { DriverState, LiveUpdate, SectorState, StintState, TrackStatus } from './types.ts';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The public topics; CarData.z and Position.z need an F1 TV token. */
export const FEED_TOPICS = [
  'Heartbeat',
  'TimingData',
  'TimingAppData',
  'TimingStats',
  'DriverList',
  'RaceControlMessages',
  'TrackStatus',
  'LapCount',
  'SessionInfo',
  'SessionStatus',
  'SessionData',
  'ExtrapolatedClock',
  'WeatherData',
  'TopThree',
];
export const AUTH_TOPICS = ['CarData.z', 'Position.z'];

const TRACK: Record<string, TrackStatus> = {
  '1': 'green',
  '2': 'yellow',
  '4': 'sc',
  '5': 'red',
  '6': 'vsc',
  '7': 'vsc_ending',
};

/** "1:18.964" / "78.964" / "+0.123" → ms; "" → null. */
export function parseLapTime(v: unknown): number | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)$/.exec(v.trim());
  if (!m) return null;
  return Math.round((Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000);
}

/** "01:02:03" → ms */
export function parseClock(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(v.trim());
  return m ? Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000) : null;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

export class FeedTranslator {
  private readonly raw: Obj = {};

  /** The merged raw state of a topic (for tests and debugging). */
  topic(name: string): unknown {
    return this.raw[name];
  }

  apply(topic: string, data: unknown, timeMs: number): LiveUpdate[] {
    if (topic.endsWith('.z')) return []; // telemetry is decoded by clients that need it; not part of the timing state
    this.raw[topic] = mergeFeed(this.raw[topic], data);
    const state = this.raw[topic];
    switch (topic) {
      case 'DriverList':
        return this.driverList(data, timeMs);
      case 'TimingData':
        return this.timingData(data, timeMs);
      case 'TimingAppData':
        return this.timingAppData(data, timeMs);
      case 'TrackStatus': {
        const status = TRACK[str((state as Obj).Status) ?? ''];
        return status ? [{ kind: 'track', timeMs, status }] : [];
      }
      case 'SessionStatus': {
        const status = str((state as Obj).Status);
        return status ? [{ kind: 'status', timeMs, status }] : [];
      }
      case 'LapCount': {
        const s = state as Obj;
        const u: LiveUpdate = { kind: 'lap', timeMs };
        if (s.CurrentLap !== undefined) u.current = num(s.CurrentLap);
        if (s.TotalLaps !== undefined) u.total = num(s.TotalLaps);
        return [u];
      }
      case 'ExtrapolatedClock': {
        const s = state as Obj;
        return [
          {
            kind: 'clock',
            timeMs,
            remainingMs: parseClock(s.Remaining),
            extrapolating: s.Extrapolating === true,
            utc: str(s.Utc),
          },
        ];
      }
      case 'WeatherData': {
        const s = state as Obj;
        return [
          {
            kind: 'weather',
            timeMs,
            weather: {
              airTemp: num(s.AirTemp),
              trackTemp: num(s.TrackTemp),
              humidity: num(s.Humidity),
              pressure: num(s.Pressure),
              rainfall: str(s.Rainfall) !== '0' && s.Rainfall !== 0 && s.Rainfall !== undefined,
              windSpeed: num(s.WindSpeed),
              windDirection: num(s.WindDirection),
            },
          },
        ];
      }
      case 'SessionInfo': {
        const s = state as Obj;
        const meeting = isObject(s.Meeting) ? s.Meeting : {};
        return [
          {
            kind: 'session',
            timeMs,
            session: {
              id: String(s.Key ?? ''),
              name: `${str(meeting.Name) ?? ''} ${str(s.Name) ?? ''}`.trim(),
              type: str(s.Type) ?? '',
              live: false,
            },
          },
        ];
      }
      case 'RaceControlMessages':
        return this.raceControl(data, timeMs);
      default:
        return [];
    }
  }

  private driverList(data: unknown, timeMs: number): LiveUpdate[] {
    if (!isObject(data)) return [];
    const all = this.raw.DriverList as Obj;
    const out: LiveUpdate[] = [];
    for (const number of Object.keys(data)) {
      const d = all[number];
      if (!isObject(d) || !/^\d+$/.test(number)) continue;
      const patch: Partial<DriverState> = {};
      if (d.Tla) patch.tla = String(d.Tla);
      if (d.FullName || d.BroadcastName) patch.name = String(d.FullName ?? d.BroadcastName);
      if (d.TeamName) patch.team = String(d.TeamName);
      if (d.TeamColour) patch.teamColour = String(d.TeamColour);
      out.push({ kind: 'driver', timeMs, number, patch });
    }
    return out;
  }

  private timingData(data: unknown, timeMs: number): LiveUpdate[] {
    if (!isObject(data) || !isObject(data.Lines)) return [];
    const all = this.raw.TimingData as Obj;
    const part = num(all.SessionPart) || 0;
    const lines = all.Lines as Obj;
    const out: LiveUpdate[] = [];
    for (const number of Object.keys(data.Lines)) {
      const l = lines[number];
      if (!isObject(l)) continue;
      out.push({ kind: 'driver', timeMs, number, patch: timingLine(l, part) });
    }
    return out;
  }

  private timingAppData(data: unknown, timeMs: number): LiveUpdate[] {
    if (!isObject(data) || !isObject(data.Lines)) return [];
    const lines = (this.raw.TimingAppData as Obj).Lines as Obj;
    const out: LiveUpdate[] = [];
    for (const number of Object.keys(data.Lines)) {
      const l = lines[number];
      // The tower line is the running order; recordings without TimingData (the free feed since Aug 2025
      // for some sessions) have only this one.
      const line = (data.Lines as Obj)[number];
      if (!this.raw.TimingData && isObject(line) && typeof line.Line === 'number')
        out.push({ kind: 'driver', timeMs, number, patch: { position: line.Line } });
      if (!isObject(l) || !l.Stints) continue;
      const raw = Array.isArray(l.Stints) ? l.Stints : Object.values(l.Stints as Obj);
      const stints: StintState[] = raw.filter(isObject).map((s) => ({
        compound: str(s.Compound) ?? 'UNKNOWN',
        laps: num(s.TotalLaps ?? 0) - num(s.StartLaps ?? 0),
        startAge: num(s.StartLaps ?? 0),
        new: s.New === 'true' || s.New === true,
      }));
      const last = raw.filter(isObject).at(-1);
      const tyre = last
        ? {
            compound: str(last.Compound) ?? 'UNKNOWN',
            age: num(last.TotalLaps ?? 0),
            new: last.New === 'true',
          }
        : null;
      out.push({ kind: 'driver', timeMs, number, patch: { stints, tyre } });
    }
    return out;
  }

  private raceControl(data: unknown, timeMs: number): LiveUpdate[] {
    if (!isObject(data) || !data.Messages) return [];
    const msgs = Array.isArray(data.Messages) ? data.Messages : Object.values(data.Messages as Obj);
    return msgs.filter(isObject).map((m) => ({
      kind: 'race_control' as const,
      timeMs,
      message: {
        utc: str(m.Utc) ?? '',
        category: str(m.Category) ?? '',
        message: str(m.Message) ?? '',
        ...(m.Flag ? { flag: String(m.Flag) } : {}),
        ...(m.Lap !== undefined ? { lap: num(m.Lap) } : {}),
      },
    }));
  }
}

function flag(v: unknown): boolean {
  return v === true;
}

function timingLine(l: Obj, part: number): Partial<DriverState> {
  const patch: Partial<DriverState> = {};
  if (l.Position !== undefined && str(l.Position) !== '') patch.position = num(l.Position);
  // Races carry GapToLeader/IntervalToPositionAhead; qualifying carries per-part Stats.
  const stats = Array.isArray(l.Stats) && part > 0 ? l.Stats[part - 1] : undefined;
  if (l.GapToLeader !== undefined) patch.gapToLeader = str(l.GapToLeader);
  else if (isObject(stats)) patch.gapToLeader = str(stats.TimeDiffToFastest);
  const interval = isObject(l.IntervalToPositionAhead) ? l.IntervalToPositionAhead.Value : undefined;
  if (interval !== undefined) patch.interval = str(interval);
  else if (isObject(stats)) patch.interval = str(stats.TimeDifftoPositionAhead);
  if (l.NumberOfLaps !== undefined) patch.laps = num(l.NumberOfLaps);
  if (isObject(l.LastLapTime)) {
    patch.lastLapMs = parseLapTime(l.LastLapTime.Value);
    patch.lastLapPersonalBest = flag(l.LastLapTime.PersonalFastest);
    patch.lastLapOverallBest = flag(l.LastLapTime.OverallFastest);
  }
  if (isObject(l.BestLapTime)) patch.bestLapMs = parseLapTime(l.BestLapTime.Value);
  const sectors = Array.isArray(l.Sectors) ? l.Sectors : isObject(l.Sectors) ? Object.values(l.Sectors) : [];
  if (sectors.length > 0) {
    patch.sectors = sectors.slice(0, 3).map((s): SectorState =>
      isObject(s)
        ? {
            ms: parseLapTime(s.Value),
            personalBest: flag(s.PersonalFastest),
            overallBest: flag(s.OverallFastest),
          }
        : { ms: null, personalBest: false, overallBest: false },
    );
  }
  if (l.NumberOfPitStops !== undefined) patch.pitStops = num(l.NumberOfPitStops);
  if (l.InPit !== undefined) patch.inPit = flag(l.InPit);
  if (l.PitOut !== undefined) patch.pitOut = flag(l.PitOut);
  if (l.Retired !== undefined) patch.retired = flag(l.Retired);
  if (l.KnockedOut !== undefined) patch.knockedOut = flag(l.KnockedOut);
  if (l.Stopped !== undefined) patch.stopped = flag(l.Stopped);
  return patch;
}
