// Races rebuilt from the lap tables (LAPS_DIR/grand_prix|sprint/transformed_*_laps_<year>.csv): every completed lap
// becomes timed updates (position, gaps, lap time, stint, compound, tyre life, pit in/out, track status).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { notFound } from '../../errors.ts';
import type { DriverState, LiveUpdate, TrackStatus } from '../types.ts';
import type { LoadedRecording, RecordingMeta } from './types.ts';

interface LapRow {
  Time: string;
  Driver: string;
  DriverNumber: string;
  LapTime: string;
  LapNumber: string;
  Stint: string;
  PitOutTime: string;
  PitInTime: string;
  Compound: string;
  TyreLife: string;
  FreshTyre: string;
  Team: string;
  TrackStatus: string;
  Position: string;
  RoundNumber: string;
  EventName: string;
}

const KINDS = { R: 'grand_prix', S: 'sprint' } as const;
type LapKind = keyof typeof KINDS;

/** "0 days 01:13:00.002000" → ms */
export function parseTimedelta(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^(\d+) days (\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(v.trim());
  if (!m) return null;
  return Math.round(((Number(m[1]) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4])) * 1000);
}

/** Parses a season table in slices, yielding between them so live clients are not starved meanwhile. */
async function parseYielding(text: string): Promise<LapRow[]> {
  const rows: LapRow[] = [];
  const parser = parse({ columns: true, skip_empty_lines: true });
  parser.on('data', (r: LapRow) => rows.push(r));
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  const SLICE = 128 * 1024;
  for (let i = 0; i < text.length; i += SLICE) {
    parser.write(text.slice(i, i + SLICE));
    await new Promise((r) => setImmediate(r));
  }
  parser.end();
  await done;
  return rows;
}

const fileCache = new Map<string, Promise<LapRow[]>>();

function readYear(lapsDir: string, kind: LapKind, year: number): Promise<LapRow[]> {
  const path = join(lapsDir, KINDS[kind], `transformed_${KINDS[kind]}_laps_${year}.csv`);
  let rows = fileCache.get(path);
  if (!rows) {
    rows = readFile(path, 'utf8').then(parseYielding);
    rows.catch(() => fileCache.delete(path));
    // Keep only a few seasons parsed: each is a few MB.
    if (fileCache.size >= 4) fileCache.delete(fileCache.keys().next().value!);
    fileCache.set(path, rows);
  }
  return rows;
}

export async function listLapRaces(lapsDir: string): Promise<RecordingMeta[]> {
  const out: RecordingMeta[] = [];
  for (const kind of Object.keys(KINDS) as LapKind[]) {
    let files: string[];
    try {
      files = await readdir(join(lapsDir, KINDS[kind]));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      const year = Number(/_(\d{4})\.csv$/.exec(f)?.[1]);
      if (!year) continue;
      // Only the two identifying columns are needed: scan lines instead of parsing the whole table.
      const text = await readFile(join(lapsDir, KINDS[kind], f), 'utf8');
      const lines = text.split('\n');
      const header = lines[0]!.split(',');
      const ri = header.indexOf('RoundNumber');
      const ni = header.indexOf('EventName');
      const seen = new Map<number, string>();
      for (let i = 1; i < lines.length; i++) {
        const cells = lines[i]!.split(',');
        const round = Number(cells[ri]);
        if (round && !seen.has(round)) seen.set(round, cells[ni] ?? '');
      }
      for (const [round, name] of [...seen].sort((a, b) => a[0] - b[0])) {
        out.push({ id: `laps:${year}:${round}:${kind}`, year, round, session: kind, name, source: 'laps' });
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

export async function loadLapRace(lapsDir: string, id: string): Promise<LoadedRecording> {
  const m = /^laps:(\d{4}):(\d+):([RS])$/.exec(id);
  if (!m) throw notFound(`No lap-table recording "${id}"`);
  const [year, round, kind] = [Number(m[1]), Number(m[2]), m[3] as LapKind];
  let all: LapRow[];
  try {
    all = await readYear(lapsDir, kind, year);
  } catch {
    throw notFound(`No lap tables for ${year}`);
  }
  const rows = all.filter((r) => Number(r.RoundNumber) === round);
  if (rows.length === 0) throw notFound(`No lap-table recording "${id}"`);
  const meta: RecordingMeta = { id, year, round, session: kind, name: rows[0]!.EventName, source: 'laps' };

  const laps = rows
    .map((r) => ({ r, t: parseTimedelta(r.Time), lap: Number(r.LapNumber) }))
    .filter((x): x is { r: LapRow; t: number; lap: number } => x.t !== null && x.lap > 0)
    .sort((a, b) => a.t - b.t);
  const start = Math.min(...laps.map((x) => x.t - (Number(x.r.LapTime) * 1000 || 0)));
  const t0 = Number.isFinite(start) ? start - 60_000 : 0;
  const totalLaps = Math.max(...laps.map((x) => x.lap));
  // Crossing time of every car at every lap, to print gaps to the leader and to the car ahead.
  const crossing = new Map<number, Map<number, number>>(); // lap → position → time
  for (const x of laps) {
    const pos = Number(x.r.Position);
    if (!pos) continue;
    let byPos = crossing.get(x.lap);
    if (!byPos) crossing.set(x.lap, (byPos = new Map()));
    byPos.set(pos, x.t);
  }
  const lastRow = new Map<string, { t: number; lap: number }>();
  for (const x of laps) lastRow.set(x.r.DriverNumber, { t: x.t, lap: x.lap });
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
    const n = x.r.DriverNumber;
    if (!drivers.has(n)) {
      drivers.set(n, { best: null, stint: 0, stints: [], stops: 0 });
      updates.push({
        kind: 'driver',
        timeMs: 0,
        number: n,
        patch: { tla: x.r.Driver, team: x.r.Team, name: x.r.Driver },
      });
    }
  }
  let leaderLap = 0;
  let track: TrackStatus = 'green';
  for (const x of laps) {
    const r = x.r;
    const n = r.DriverNumber;
    const d = drivers.get(n)!;
    const lapMs = r.LapTime ? Math.round(Number(r.LapTime) * 1000) : null;
    if (lapMs !== null && (d.best === null || lapMs < d.best)) d.best = lapMs;
    const pitIn = parseTimedelta(r.PitInTime);
    const pitOut = parseTimedelta(r.PitOutTime);
    if (pitOut !== null && x.lap > 1)
      updates.push({ kind: 'driver', timeMs: at(pitOut), number: n, patch: { inPit: false, pitOut: true } });
    const stint = Number(r.Stint) || d.stint;
    const age = Number(r.TyreLife) || 0;
    if (stint !== d.stint) {
      d.stint = stint;
      d.stints = [
        ...d.stints,
        {
          compound: r.Compound || 'UNKNOWN',
          laps: 0,
          startAge: Math.max(0, age - 1),
          new: r.FreshTyre === 'True',
        },
      ];
    }
    const cur = d.stints.at(-1);
    if (cur) d.stints = [...d.stints.slice(0, -1), { ...cur, laps: age - cur.startAge }];
    const pos = Number(r.Position) || null;
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
      tyre: { compound: r.Compound || 'UNKNOWN', age, new: r.FreshTyre === 'True' },
      stints: d.stints,
      pitOut: pitOut !== null && x.lap > 1 ? false : undefined,
    };
    if (patch.pitOut === undefined) delete patch.pitOut;
    updates.push({ kind: 'driver', timeMs: at(x.t), number: n, patch });
    if (x.lap > leaderLap) {
      leaderLap = x.lap;
      updates.push({ kind: 'lap', timeMs: at(x.t), current: Math.min(leaderLap + 1, totalLaps) });
    }
    const status = trackFromCodes(r.TrackStatus);
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
