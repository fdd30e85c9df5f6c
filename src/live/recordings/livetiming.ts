// F1 live-timing feed recordings (LIVETIMING_DIR/<collection>/<year>_<Grand-Prix>_<Place>_<Session>/raw/*.jsonStream).
import { existsSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from '../../errors.ts';
import { FeedTranslator } from '../feed-translate.ts';
import type { LiveUpdate, SessionKind } from '../types.ts';
import { readFeedRecording, readTopicFile, TOPIC_FILE } from './jsonstream.ts';
import type { LoadedRecording, RecordingMeta } from './types.ts';

const KIND: Record<string, SessionKind> = {
  Race: 'R',
  Qualifying: 'Q',
  Sprint: 'S',
  'Sprint Qualifying': 'SQ',
};

interface Found extends RecordingMeta {
  dir: string;
}

/**
 * Recordings under `livetimingDir`; `source` names them (`livetiming:<folder>`, or `timing:<folder>` for the
 * sessions synced from the timing archive into TIMING_DIR, laid out the same way).
 */
export async function listFeedRecordings(
  livetimingDir: string,
  source: 'livetiming' | 'timing' = 'livetiming',
): Promise<Found[]> {
  const out: Found[] = [];
  let collections: string[];
  try {
    collections = await readdir(livetimingDir);
  } catch {
    return [];
  }
  for (const c of collections.sort()) {
    let dirs: string[];
    try {
      dirs = await readdir(join(livetimingDir, c));
    } catch {
      continue;
    }
    for (const d of dirs.sort()) {
      const dir = join(livetimingDir, c, d);
      try {
        const info = JSON.parse(await readFile(join(dir, 'session_info.json'), 'utf8')) as {
          Type?: string;
          Name?: string;
          StartDate?: string;
          Meeting?: { Name?: string; Number?: number };
        };
        const topics = (await readdir(join(dir, 'raw')))
          .filter((f) => TOPIC_FILE.test(f))
          .map((f) => f.replace(/\.gz$/, ''));
        const year = Number(info.StartDate?.slice(0, 4)) || Number(d.slice(0, 4));
        out.push({
          id: `${source}:${d}`,
          year,
          round: info.Meeting?.Number ?? null,
          session: KIND[info.Name ?? info.Type ?? ''] ?? 'P',
          name: info.Meeting?.Name ?? d,
          source: 'livetiming',
          // Without TimingData there are no positions, laps or gaps: a tower of unplaced cars.
          complete: topics.includes('TimingData.jsonStream'),
          durationMs: await feedDuration(join(dir, 'raw'), topics),
          dir,
        });
      } catch {
        // not a recording folder
      }
    }
  }
  return out;
}

/** The time stamp of a topic file's last line, read from its tail (topic files run to many MB). */
async function lastLineTime(file: string): Promise<number> {
  if (!existsSync(file)) {
    // gzipped (a session synced from the timing archive): no tail to seek to
    const lines = (await readTopicFile(`${file}.gz`)).trimEnd().split('\n');
    return lastTime(lines);
  }
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const len = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(len);
    await fh.read(buf, 0, len, size - len);
    return lastTime(buf.toString('utf8').split('\n'));
  } finally {
    await fh.close();
  }
}

function lastTime(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\uFEFF?(\d+):(\d\d):(\d\d)\.(\d{3})/.exec(lines[i]!);
    if (m) return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
  }
  return 0;
}

/** A recording's replay length as loading it gives it: the last frame of the timing topics, plus one. */
async function feedDuration(rawDir: string, topics: string[]): Promise<number> {
  let last = 0;
  for (const t of topics)
    if (!t.endsWith('.z.jsonStream')) last = Math.max(last, await lastLineTime(join(rawDir, t)));
  return last + 1;
}

export function feedFramesToUpdates(
  frames: { timeMs: number; topic: string; data: unknown }[],
): LiveUpdate[] {
  const tr = new FeedTranslator();
  const updates: LiveUpdate[] = [];
  for (const f of frames) updates.push(...tr.apply(f.topic, f.data, f.timeMs));
  return updates;
}

export async function loadFeedRecording(
  livetimingDir: string,
  id: string,
  source: 'livetiming' | 'timing' = 'livetiming',
): Promise<LoadedRecording> {
  const found = (await listFeedRecordings(livetimingDir, source)).find((r) => r.id === id);
  if (!found) throw notFound(`No live-timing recording "${id}"`);
  const { dir, ...meta } = found;
  const frames = await readFeedRecording(dir);
  const updates = feedFramesToUpdates(frames).map((u) =>
    u.kind === 'session'
      ? { ...u, session: { ...u.session, id, year: meta.year, ...(meta.round ? { round: meta.round } : {}) } }
      : u,
  );
  return { meta, durationMs: (frames.at(-1)?.timeMs ?? 0) + 1, updates };
}
