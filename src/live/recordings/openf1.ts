// OpenF1 recordings (OPENF1_DIR/openf1/<year>/<session_key>/{laps,stints,weather}.json, listed in index.json).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from '../../errors.ts';
import { OpenF1Translator, recordTime, type OpenF1Endpoint } from '../openf1-translate.ts';
import type { LiveUpdate } from '../types.ts';
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

export async function loadOpenF1Recording(openf1Dir: string, id: string): Promise<LoadedRecording> {
  const key = Number(/^openf1:(\d+)$/.exec(id)?.[1]);
  const meta = (await listOpenF1Sessions(openf1Dir)).find((m) => m.id === id);
  if (!key || !meta) throw notFound(`No OpenF1 recording "${id}"`);
  const records = await readOpenF1Records(openf1Dir, meta.year, key);
  const timed: { t: number; ep: OpenF1Endpoint; r: Record<string, unknown> }[] = [];
  const lapEnd = new Map<string, number>(); // driver|lap → when that lap ended, to time stints
  for (const r of records.laps ?? []) {
    const t = recordTime('laps', r);
    if (t !== null) {
      timed.push({ t, ep: 'laps', r });
      lapEnd.set(`${String(r.driver_number)}|${String(r.lap_number)}`, t);
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
    timed.push({ t, ep: 'stints', r: { ...r, lap_end: r.lap_start } });
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
  for (const x of timed) updates.push(...tr.ingest(x.ep, [x.r]));
  const durationMs = updates.reduce((m, u) => Math.max(m, u.timeMs), 0) + 1;
  updates.push({ kind: 'status', timeMs: durationMs, status: 'Finished' });
  return { meta, durationMs, updates };
}
