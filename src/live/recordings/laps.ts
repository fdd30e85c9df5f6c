// Races rebuilt from the lap tables (LAPS_DIR/grand_prix|sprint/transformed_*_laps_<year>.csv): every completed lap
// becomes timed updates (position, gaps, lap time, stint, compound, tyre life, pit in/out, track status).
// The tables are read through the lap-table reader (data/laps/laps.ts), so replays share its
// parser and its caches: races in memory and, with a cache folder (ANALYSIS_CACHE_DIR), one JSON file per race,
// which the server's start-up warm-up fills in a worker thread. A season missing from the cache is parsed in
// such a thread too (ensureLapsCached) before a listing or a replay reads it, never on the event loop.
import { loadRaceLaps, loadSeasonRounds, lapsCsv, type Lap, type LapSession } from '../../data/laps/laps.ts';
import { ensureLapsCached, lapsSeasons } from '../../data/laps/laps-warmup.ts';
import { notFound } from '../../errors.ts';
import type { DriverState, LiveUpdate, TrackStatus } from '../types.ts';
import { colourOfTeamName, finalClassification, type EntrantLookup } from './entrants.ts';
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
          complete: true,
          durationMs: null,
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

/**
 * Rebuilds a race from its lap table. The tower is kept as the timing screens keep it: one running order in
 * which a car crossing the line takes its recorded place and the cars it passes move down one each (so no two
 * cars ever share a place), retired cars below the running ones (most laps first, the later retirement first
 * among equals), gaps as time on the leader's lap and as "nL" a lap or more down. A car's last row without a
 * lap time is the lap it did not finish; a pit entry on a retiring car's last lap is its retirement, not a stop.
 */
export async function loadLapRace(
  lapsDir: string,
  id: string,
  cacheDir?: string,
  entrants?: EntrantLookup,
): Promise<LoadedRecording> {
  const m = /^laps:(\d{4}):(\d+):([RS])$/.exec(id);
  if (!m) throw notFound(`No lap-table recording "${id}"`);
  const [year, round, kind] = [Number(m[1]), Number(m[2]), m[3] as LapKind];
  if (cacheDir) await ensureLapsCached(lapsDir, cacheDir, [{ year, session: SESSIONS[kind] }]);
  const race = loadRaceLaps(lapsDir, year, round, SESSIONS[kind], cacheDir);
  if (!race || race.laps.length === 0)
    throw notFound(
      lapsCsv(lapsDir, year, SESSIONS[kind]) ? `No lap-table recording "${id}"` : `No lap tables for ${year}`,
    );
  const meta: RecordingMeta = {
    id,
    year,
    round,
    session: kind,
    name: race.eventName,
    source: 'laps',
    complete: true,
    durationMs: null,
  };
  const who = kind === 'R' ? entrants?.(year, round) : undefined;

  // The race's laps come ordered by driver and lap: replay them in the order they were completed (cars
  // crossing the line in the same millisecond: the one classified ahead first).
  const laps = race.laps
    .map((r) => ({ r, t: toMs(r.time), lap: r.lap }))
    .filter((x): x is { r: Lap; t: number; lap: number } => x.t !== null && x.lap > 0)
    .sort((a, b) => a.t - b.t || (a.r.position ?? Infinity) - (b.r.position ?? Infinity));
  const start = Math.min(...laps.map((x) => x.t - (x.r.lapTime ?? 0) * 1000));
  const t0 = Number.isFinite(start) ? start - 60_000 : 0;
  const totalLaps = Math.max(...laps.map((x) => x.lap));
  const lastRow = new Map<string, { t: number; lap: number }>();
  for (const x of laps) lastRow.set(String(x.r.driverNumber), { t: x.t, lap: x.lap });
  const winnerFinish = Math.min(
    ...laps.filter((x) => x.lap === totalLaps).map((x) => x.t),
    Math.max(...laps.map((x) => x.t)),
  );
  // Cars that did not reach the flag, and the row where each stopped: its last row, or, when that row is a lap
  // never finished (no lap time) and never started from the pits after a pit entry on the lap before, that lap
  // before (it retired in the pits).
  type Row = (typeof laps)[number];
  const stoppedAt = new Map<Row, 'finished_lap' | 'unfinished_lap'>();
  const skipped = new Set<Row>();
  const byDriver = new Map<string, Row[]>();
  for (const x of laps) {
    const n = String(x.r.driverNumber);
    let rows = byDriver.get(n);
    if (!rows) byDriver.set(n, (rows = []));
    rows.push(x);
  }
  for (const [n, last] of lastRow) {
    if (!(last.t < winnerFinish && last.lap < totalLaps)) continue;
    const rows = byDriver.get(n)!;
    const end = rows.at(-1)!;
    const before = rows.at(-2);
    // A lap with a time, a place or a pit entry was completed (a slow lap into the pits may have no time).
    if (end.r.lapTime !== null || end.r.position !== null || end.r.pitInTime !== null)
      stoppedAt.set(end, 'finished_lap');
    else if (before && before.r.pitInTime !== null && end.r.pitOutTime === null) {
      stoppedAt.set(before, 'finished_lap');
      skipped.add(end);
    } else stoppedAt.set(end, 'unfinished_lap');
  }

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
    { best: number | null; stint: number; stints: DriverState['stints']; stops: number; laps: number }
  >();
  for (const x of laps) {
    const n = String(x.r.driverNumber);
    if (!drivers.has(n)) {
      drivers.set(n, { best: null, stint: 0, stints: [], stops: 0, laps: 0 });
      const e = who?.get(n);
      updates.push({
        kind: 'driver',
        timeMs: 0,
        number: n,
        patch: {
          tla: x.r.driver || e?.tla || n,
          team: x.r.team || e?.team || '',
          name: e?.name ?? x.r.driver,
          teamColour: colourOfTeamName(x.r.team) || e?.teamColour || '',
        },
      });
    }
  }

  // The tower: running cars in order, retired cars with the laps they completed and when they stopped.
  const running: string[] = [];
  const retired: { n: string; laps: number; t: number }[] = [];
  const shown = new Map<string, number>(); // position last sent per car
  const crossings = new Map<number, Map<string, number>>(); // lap → car → when it completed that lap
  const completed = new Map<string, number>(); // car → laps completed so far
  let leader: string | undefined;
  const placeAll = (timeMs: number, except?: string) => {
    const places = [...running, ...[...retired].sort((a, b) => b.laps - a.laps || b.t - a.t).map((r) => r.n)];
    places.forEach((n, i) => {
      if (shown.get(n) === i + 1) return;
      shown.set(n, i + 1);
      if (n !== except) updates.push({ kind: 'driver', timeMs, number: n, patch: { position: i + 1 } });
    });
  };
  const gapTo = (other: string | undefined, lap: number, t: number): string | null => {
    if (other === undefined) return null;
    const ahead = completed.get(other) ?? 0;
    if (ahead > lap) return `${ahead - lap}L`;
    const theirs = crossings.get(lap)?.get(other);
    return theirs === undefined ? null : gapText(t - theirs);
  };
  const retire = (n: string, t: number) => {
    const i = running.indexOf(n);
    if (i >= 0) running.splice(i, 1);
    retired.push({ n, laps: drivers.get(n)!.laps, t });
    updates.push({
      kind: 'driver',
      timeMs: at(t),
      number: n,
      patch: { retired: true, inPit: false, pitOut: false, gapToLeader: null, interval: null },
    });
    placeAll(at(t));
  };

  let leaderLap = 0;
  let track: TrackStatus = 'green';
  for (const x of laps) {
    const r = x.r;
    const n = String(r.driverNumber);
    const d = drivers.get(n)!;
    if (skipped.has(x)) continue;
    const stops = stoppedAt.get(x);
    const pitIn = toMs(r.pitInTime);
    const pitOut = toMs(r.pitOutTime);
    if (pitOut !== null && x.lap > 1)
      updates.push({ kind: 'driver', timeMs: at(pitOut), number: n, patch: { inPit: false, pitOut: true } });
    const lapMs = toMs(r.lapTime);
    if (stops === 'unfinished_lap') {
      // The lap it did not finish: it stopped out on track (or in the pits) during it.
      retire(n, x.t);
      continue;
    }
    if (lapMs !== null && (d.best === null || lapMs < d.best)) d.best = lapMs;
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
    d.laps = x.lap;
    completed.set(n, x.lap);
    let byLap = crossings.get(x.lap);
    if (!byLap) crossings.set(x.lap, (byLap = new Map()));
    byLap.set(n, x.t);
    // Its recorded place; cars from there down move one place each.
    const i = running.indexOf(n);
    if (i >= 0) running.splice(i, 1);
    const place = Math.min(
      Math.max(1, r.position ?? (i >= 0 ? i + 1 : running.length + 1)),
      running.length + 1,
    );
    running.splice(place - 1, 0, n);
    leader = running[0];
    const patch: Partial<DriverState> = {
      laps: x.lap,
      lastLapMs: lapMs,
      bestLapMs: d.best,
      position: place,
      gapToLeader: place === 1 ? '' : gapTo(leader, x.lap, x.t),
      interval: place === 1 ? '' : gapTo(running[place - 2], x.lap, x.t),
      tyre: { compound: r.compound, age, new: r.freshTyre === true },
      stints: d.stints,
    };
    if (pitOut !== null && x.lap > 1) patch.pitOut = false;
    shown.set(n, place);
    updates.push({ kind: 'driver', timeMs: at(x.t), number: n, patch });
    placeAll(at(x.t), n);
    if (x.lap > leaderLap) {
      leaderLap = x.lap;
      updates.push({ kind: 'lap', timeMs: at(x.t), current: Math.min(leaderLap + 1, totalLaps) });
    }
    const status = trackFromCodes(r.trackStatus);
    if (status !== track) {
      track = status;
      updates.push({ kind: 'track', timeMs: at(x.t), status });
    }
    if (stops) {
      // Its last completed lap: it went no further (into the pits to retire, or stopped before the next line).
      retire(n, x.t + 1);
      continue;
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
  const end = at(Math.max(...laps.map((x) => x.t)));
  updates.push({ kind: 'status', timeMs: end + 1, status: 'Finished' });
  const final = finalClassification(who, drivers.keys(), end + 2);
  updates.push(...final);
  updates.sort((a, b) => a.timeMs - b.timeMs);
  return { meta, durationMs: end + (final.length ? 3 : 2), updates };
}
