// Races rebuilt from the lap tables (LAPS_DIR/grand_prix|sprint/transformed_*_laps_<year>.csv): every completed lap
// becomes timed updates (position, gaps, lap time, stint, compound, tyre life, pit in/out, track status).
// The tables are read through the analysis module's reader (analysis/strategy/laps.ts), so replays share its
// parser and its caches: races in memory and, with a cache folder (ANALYSIS_CACHE_DIR), one JSON file per race,
// which the server's start-up warm-up fills in a worker thread. A season missing from the cache is parsed in
// such a thread too (ensureLapsCached) before a listing or a replay reads it, never on the event loop.
import {
  loadRaceLaps,
  loadSeasonRounds,
  lapsCsv,
  type Lap,
  type LapSession,
} from '../../analysis/strategy/laps.ts';
import { ensureLapsCached, lapsSeasons } from '../../analysis/strategy/laps-warmup.ts';
import { notFound } from '../../errors.ts';
import type { DriverState, LiveUpdate, TrackStatus } from '../types.ts';
import type { LoadedRecording, RecordingMeta } from './types.ts';

const SESSIONS = { R: 'grand_prix', S: 'sprint' } as const satisfies Record<string, LapSession>;
type LapKind = keyof typeof SESSIONS;

/** Seconds (the lap tables' session times) → ms. */
const toMs = (s: number | null): number | null => (s === null ? null : Math.round(s * 1000));

/** Every race and sprint in the lap tables, by kind, then season, then round. */
export async function listLapRaces(lapsDir: string, cacheDir?: string): Promise<RecordingMeta[]> {
  const seasons = lapsSeasons(lapsDir);
  if (cacheDir) await ensureLapsCached(lapsDir, cacheDir, seasons); // a cold cache is filled off the event loop
  const out: RecordingMeta[] = [];
  for (const kind of Object.keys(SESSIONS) as LapKind[]) {
    const years = seasons
      .filter((s) => s.session === SESSIONS[kind])
      .map((s) => s.year)
      .sort((a, b) => a - b);
    for (const year of years) {
      const rounds = loadSeasonRounds(lapsDir, year, SESSIONS[kind], cacheDir);
      for (const { round, eventName } of [...rounds].sort((a, b) => a.round - b.round)) {
        if (!round) continue;
        out.push({
          id: `laps:${year}:${round}:${kind}`,
          year,
          round,
          session: kind,
          name: eventName,
          source: 'laps',
        });
      }
    }
  }
  return out;
}

function trackFromCodes(codes: string): TrackStatus {
  // The codes seen during the lap, in order; the last one is the status as the lap ended.
  const last = codes.trim().at(-1);
  return (
    ({ '1': 'green', '2': 'yellow', '4': 'sc', '5': 'red', '6': 'vsc', '7': 'vsc_ending' } as const)[
      last as '1'
    ] ?? 'green'
  );
}

function gapText(ms: number): string {
  return `+${(ms / 1000).toFixed(3)}`;
}

export async function loadLapRace(lapsDir: string, id: string, cacheDir?: string): Promise<LoadedRecording> {
  const m = /^laps:(\d{4}):(\d+):([RS])$/.exec(id);
  if (!m) throw notFound(`No lap-table recording "${id}"`);
  const [year, round, kind] = [Number(m[1]), Number(m[2]), m[3] as LapKind];
  if (cacheDir) await ensureLapsCached(lapsDir, cacheDir, [{ year, session: SESSIONS[kind] }]);
  const race = loadRaceLaps(lapsDir, year, round, SESSIONS[kind], cacheDir);
  if (!race || race.laps.length === 0)
    throw notFound(
      lapsCsv(lapsDir, year, SESSIONS[kind]) ? `No lap-table recording "${id}"` : `No lap tables for ${year}`,
    );
  const meta: RecordingMeta = { id, year, round, session: kind, name: race.eventName, source: 'laps' };

  // The race's laps come ordered by driver and lap: replay them in the order they were completed (cars
  // crossing the line in the same millisecond: the one classified ahead first).
  const laps = race.laps
    .map((r) => ({ r, t: toMs(r.time), lap: r.lap }))
    .filter((x): x is { r: Lap; t: number; lap: number } => x.t !== null && x.lap > 0)
    .sort((a, b) => a.t - b.t || (a.r.position ?? Infinity) - (b.r.position ?? Infinity));
  const start = Math.min(...laps.map((x) => x.t - (x.r.lapTime ?? 0) * 1000));
  const t0 = Number.isFinite(start) ? start - 60_000 : 0;
  const totalLaps = Math.max(...laps.map((x) => x.lap));
  // Crossing time of every car at every lap, to print gaps to the leader and to the car ahead.
  const crossing = new Map<number, Map<number, number>>(); // lap → position → time
  for (const x of laps) {
    const pos = x.r.position;
    if (!pos) continue;
    let byPos = crossing.get(x.lap);
    if (!byPos) crossing.set(x.lap, (byPos = new Map()));
    byPos.set(pos, x.t);
  }
  const lastRow = new Map<string, { t: number; lap: number }>();
  for (const x of laps) lastRow.set(String(x.r.driverNumber), { t: x.t, lap: x.lap });
  const winnerFinish = crossing.get(totalLaps)?.get(1) ?? Math.max(...laps.map((x) => x.t));

  const updates: LiveUpdate[] = [];
  const at = (t: number) => Math.max(0, t - t0);
  updates.push({
    kind: 'session',
    timeMs: 0,
    session: {
      id,
      name: `${meta.name} ${kind === 'R' ? 'Race' : 'Sprint'}`,
      type: kind === 'R' ? 'Race' : 'Sprint',
      year,
      round,
      live: false,
    },
  });
  updates.push({ kind: 'lap', timeMs: 0, current: 0, total: totalLaps });
  updates.push({ kind: 'status', timeMs: 0, status: 'Started' });
  const drivers = new Map<
    string,
    { best: number | null; stint: number; stints: DriverState['stints']; stops: number }
  >();
  for (const x of laps) {
    const n = String(x.r.driverNumber);
    if (!drivers.has(n)) {
      drivers.set(n, { best: null, stint: 0, stints: [], stops: 0 });
      updates.push({
        kind: 'driver',
        timeMs: 0,
        number: n,
        patch: { tla: x.r.driver, team: x.r.team, name: x.r.driver },
      });
    }
  }
  let leaderLap = 0;
  let track: TrackStatus = 'green';
  for (const x of laps) {
    const r = x.r;
    const n = String(r.driverNumber);
    const d = drivers.get(n)!;
    const lapMs = toMs(r.lapTime);
    if (lapMs !== null && (d.best === null || lapMs < d.best)) d.best = lapMs;
    const pitIn = toMs(r.pitInTime);
    const pitOut = toMs(r.pitOutTime);
    if (pitOut !== null && x.lap > 1)
      updates.push({ kind: 'driver', timeMs: at(pitOut), number: n, patch: { inPit: false, pitOut: true } });
    const stint = r.stint || d.stint;
    const age = r.tyreLife || 0;
    if (stint !== d.stint) {
      d.stint = stint;
      d.stints = [
        ...d.stints,
        { compound: r.compound, laps: 0, startAge: Math.max(0, age - 1), new: r.freshTyre === true },
      ];
    }
    const cur = d.stints.at(-1);
    if (cur) d.stints = [...d.stints.slice(0, -1), { ...cur, laps: age - cur.startAge }];
    const pos = r.position || null;
    const byPos = crossing.get(x.lap);
    const leaderT = byPos?.get(1);
    const aheadT = pos && pos > 1 ? byPos?.get(pos - 1) : undefined;
    const patch: Partial<DriverState> = {
      laps: x.lap,
      lastLapMs: lapMs,
      bestLapMs: d.best,
      position: pos,
      gapToLeader: pos === 1 ? '' : leaderT !== undefined ? gapText(x.t - leaderT) : null,
      interval: pos === 1 ? '' : aheadT !== undefined ? gapText(x.t - aheadT) : null,
      tyre: { compound: r.compound, age, new: r.freshTyre === true },
      stints: d.stints,
      pitOut: pitOut !== null && x.lap > 1 ? false : undefined,
    };
    if (patch.pitOut === undefined) delete patch.pitOut;
    updates.push({ kind: 'driver', timeMs: at(x.t), number: n, patch });
    if (x.lap > leaderLap) {
      leaderLap = x.lap;
      updates.push({ kind: 'lap', timeMs: at(x.t), current: Math.min(leaderLap + 1, totalLaps) });
    }
    const status = trackFromCodes(r.trackStatus);
    if (status !== track) {
      track = status;
      updates.push({ kind: 'track', timeMs: at(x.t), status });
    }
    if (pitIn !== null) {
      d.stops += 1;
      updates.push({
        kind: 'driver',
        timeMs: at(pitIn),
        number: n,
        patch: { inPit: true, pitStops: d.stops },
      });
    }
  }
  // A car whose last lap ended before the winner finished never reached the flag: it retired.
  for (const [n, last] of lastRow) {
    if (last.t < winnerFinish && last.lap < totalLaps) {
      updates.push({ kind: 'driver', timeMs: at(last.t) + 1, number: n, patch: { retired: true } });
    }
  }
  const end = at(Math.max(...laps.map((x) => x.t)));
  updates.push({ kind: 'status', timeMs: end + 1, status: 'Finished' });
  updates.sort((a, b) => a.timeMs - b.timeMs);
  return { meta, durationMs: end + 1, updates };
}
