// OpenF1 recordings (OPENF1_DIR/openf1/<year>/<session_key>/{laps,stints,weather}.json, listed in index.json).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from '../../errors.ts';
import { OpenF1Translator, recordTime, type OpenF1Endpoint } from '../openf1-translate.ts';
import type { LiveUpdate } from '../types.ts';
import { finalClassification, type EntrantLookup } from './entrants.ts';
import type { LoadedRecording, RecordingMeta } from './types.ts';

interface IndexEntry {
  season: number;
  session_key: number;
  meeting_name: string;
  session_name: string;
}

export const OPENF1_RECORDED: OpenF1Endpoint[] = ['laps', 'stints', 'weather'];

export async function readOpenF1Index(openf1Dir: string): Promise<IndexEntry[]> {
  try {
    return JSON.parse(await readFile(join(openf1Dir, 'openf1', 'index.json'), 'utf8')) as IndexEntry[];
  } catch {
    return [];
  }
}

/** Round numbers are not in the recordings: they are the order of the season's races in the index. */
export async function listOpenF1Sessions(openf1Dir: string): Promise<RecordingMeta[]> {
  const index = await readOpenF1Index(openf1Dir);
  const rounds = new Map<number, number>();
  return index.map((e) => {
    const round = (rounds.get(e.season) ?? 0) + 1;
    rounds.set(e.season, round);
    return {
      id: `openf1:${e.session_key}`,
      year: e.season,
      round,
      session: e.session_name === 'Race' ? 'R' : e.session_name === 'Sprint' ? 'S' : 'Q',
      name: e.meeting_name,
      source: 'openf1',
      complete: true,
      durationMs: null,
    } satisfies RecordingMeta;
  });
}

/** The recorded records of one session, by endpoint (what the OpenF1 API returns for `?session_key=`). */
export async function readOpenF1Records(
  openf1Dir: string,
  year: number,
  sessionKey: number,
): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const ep of OPENF1_RECORDED) {
    try {
      out[ep] = JSON.parse(
        await readFile(join(openf1Dir, 'openf1', String(year), String(sessionKey), `${ep}.json`), 'utf8'),
      );
    } catch {
      out[ep] = [];
    }
  }
  return out;
}

/**
 * An OpenF1 race recording (laps, stints, weather) as updates. What the recordings lack is derived: who the cars
 * are (codes, names, teams, colours) from the F1 database; pit stops from the laps started in the pits (the
 * car entered at the start of its out-lap and left the pit lane by the end of its first sector); gaps and
 * intervals from when cars completed each lap; retirements from cars whose laps stop before the flag.
 */
export async function loadOpenF1Recording(
  openf1Dir: string,
  id: string,
  entrants?: EntrantLookup,
): Promise<LoadedRecording> {
  const key = Number(/^openf1:(\d+)$/.exec(id)?.[1]);
  const meta = (await listOpenF1Sessions(openf1Dir)).find((m) => m.id === id);
  if (!key || !meta) throw notFound(`No OpenF1 recording "${id}"`);
  const records = await readOpenF1Records(openf1Dir, meta.year, key);
  const timed: { t: number; ep: OpenF1Endpoint; r: Record<string, unknown> }[] = [];
  const lapEnd = new Map<string, number>(); // driver|lap → when that lap ended, to time stints
  const last = new Map<string, { t: number; lap: number; lapMs: number }>(); // each car's last completed lap
  for (const r of records.laps ?? []) {
    const t = recordTime('laps', r);
    if (t === null) continue;
    const n = String(r.driver_number);
    const lap = Number(r.lap_number);
    timed.push({ t, ep: 'laps', r });
    lapEnd.set(`${n}|${lap}`, t);
    if (!(last.get(n)?.lap ?? 0) || lap > last.get(n)!.lap)
      last.set(n, { t, lap, lapMs: Math.round(Number(r.lap_duration) * 1000) });
    const started = Date.parse(String(r.date_start ?? '').replace(' ', 'T'));
    if (r.is_pit_out_lap === true && lap > 1 && Number.isFinite(started)) {
      const s1 = typeof r.duration_sector_1 === 'number' ? r.duration_sector_1 : 20;
      timed.push({
        t: started,
        ep: 'pit',
        r: { driver_number: r.driver_number, lap_number: lap - 1, date: r.date_start, pit_duration: s1 },
      });
    }
  }
  // The session starts a minute before the first lap ends; weather from before that is shown at time 0.
  const first = Math.min(...timed.map((x) => x.t));
  for (const r of records.weather ?? []) {
    const t = recordTime('weather', r);
    if (t !== null) timed.push({ t: Math.max(t, first - 60_000), ep: 'weather', r });
  }
  for (const r of records.stints ?? []) {
    // A stint becomes known when its first lap starts (the end of the lap before).
    const t = lapEnd.get(`${String(r.driver_number)}|${Number(r.lap_start) - 1}`) ?? first;
    timed.push({ t, ep: 'stints', r: { ...r, date: new Date(t).toISOString() } });
  }
  timed.sort((a, b) => a.t - b.t);
  const t0 = Number.isFinite(first) ? first - 60_000 : 0;
  const tr = new OpenF1Translator(t0);
  const updates: LiveUpdate[] = [
    {
      kind: 'session',
      timeMs: 0,
      session: {
        id,
        name: `${meta.name} Race`,
        type: 'Race',
        year: meta.year,
        round: meta.round ?? undefined,
        live: false,
      },
    },
    { kind: 'status', timeMs: 0, status: 'Started' },
  ];
  const who = meta.round ? entrants?.(meta.year, meta.round) : undefined;
  const cars = new Set([...last.keys(), ...(who?.keys() ?? [])]);
  for (const n of [...cars].sort((a, b) => Number(a) - Number(b))) {
    const e = who?.get(n);
    if (e)
      updates.push({
        kind: 'driver',
        timeMs: 0,
        number: n,
        patch: { tla: e.tla, name: e.name, team: e.team, teamColour: e.teamColour },
      });
  }
  // A car whose laps stop before the winner's last one retired during its next lap.
  const totalLaps = Math.max(0, ...[...last.values()].map((l) => l.lap));
  const winnerFinish = Math.min(...[...last.values()].filter((l) => l.lap === totalLaps).map((l) => l.t));
  // Entrants with no lap at all stopped on the first lap: out once the leader has completed it.
  const firstLap = Math.min(...timed.filter((x) => x.ep === 'laps' && x.r.lap_number === 1).map((x) => x.t));
  const retirements = [
    ...[...last.entries()]
      .filter(([, l]) => l.lap < totalLaps && l.t < winnerFinish)
      .map(([n, l]) => ({ n, t: Math.min(l.t + Math.round(1.5 * (l.lapMs || 90_000)), winnerFinish) })),
    ...[...cars].filter((n) => !last.has(n)).map((n) => ({ n, t: firstLap + 1 })),
  ];
  let r = 0;
  retirements.sort((a, b) => a.t - b.t);
  for (const x of timed) {
    while (r < retirements.length && retirements[r]!.t <= x.t) {
      const { n, t } = retirements[r++]!;
      updates.push(...tr.retire(n, Math.max(0, t - t0)));
    }
    updates.push(...tr.ingest(x.ep, [x.r]));
  }
  for (; r < retirements.length; r++) updates.push(...tr.retire(retirements[r]!.n, retirements[r]!.t - t0));
  updates.sort((a, b) => a.timeMs - b.timeMs);
  const end = updates.reduce((m, u) => Math.max(m, u.timeMs), 0) + 1;
  updates.push({ kind: 'status', timeMs: end, status: 'Finished' });
  const final = finalClassification(who, cars, end + 1);
  updates.push(...final);
  return { meta, durationMs: end + (final.length ? 2 : 1), updates };
}
