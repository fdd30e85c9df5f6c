// Recordings of the F1 live-timing feed: one `<Topic>.jsonStream` per topic, each line `HH:MM:SS.mmm{json}`
// (first line the full state, later lines deltas; `.z` topics hold a JSON string of base64 raw-deflate).
// Sessions synced from the timing archive keep each topic gzipped (`<Topic>.jsonStream.gz`).
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface FeedFrame {
  timeMs: number;
  topic: string;
  data: unknown;
}

const LINE = /^(\d+):(\d\d):(\d\d)\.(\d{3})(.*)$/s;

export function parseJsonStreamLine(line: string): { timeMs: number; data: unknown } | null {
  const m = LINE.exec(line.replace(/^\uFEFF/, '').trimEnd());
  if (!m) return null;
  const timeMs = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
  try {
    return { timeMs, data: JSON.parse(m[5]!) };
  } catch {
    return null;
  }
}

/** A topic file of a recording: `<Topic>.jsonStream`, or gzipped `<Topic>.jsonStream.gz`. */
export const TOPIC_FILE = /\.jsonStream(\.gz)?$/;

export async function readTopicFile(path: string): Promise<string> {
  const buf = await readFile(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Reads every topic of a recording folder (`<dir>/raw/*.jsonStream`), merged in time order. */
export async function readFeedRecording(
  dir: string,
  opts: { telemetry?: boolean } = {},
): Promise<FeedFrame[]> {
  const rawDir = join(dir, 'raw');
  const files = (await readdir(rawDir)).filter((f) => TOPIC_FILE.test(f));
  const frames: FeedFrame[] = [];
  for (const file of files) {
    const topic = file.replace(TOPIC_FILE, '');
    if (topic.endsWith('.z') && !opts.telemetry) continue;
    pushFrames(frames, topic, await readTopicFile(join(rawDir, file)));
  }
  // Stable sort keeps each topic's own order for equal timestamps.
  return frames.sort((a, b) => a.timeMs - b.timeMs);
}

function pushFrames(frames: FeedFrame[], topic: string, text: string): void {
  for (const line of text.split('\n')) {
    const parsed = parseJsonStreamLine(line);
    if (parsed) frames.push({ timeMs: parsed.timeMs, topic, data: parsed.data });
  }
}

/**
 * The same, synchronously and for the named topics only: the lap-table reader is synchronous and builds a
 * session's laps from its timing topics (a few MB, tens of ms) the first time a race is asked for.
 */
export function readFeedTopicsSync(dir: string, topics: readonly string[]): FeedFrame[] {
  const rawDir = join(dir, 'raw');
  const wanted = new Set(topics);
  const frames: FeedFrame[] = [];
  for (const file of readdirSync(rawDir)) {
    if (!TOPIC_FILE.test(file)) continue;
    const topic = file.replace(TOPIC_FILE, '');
    if (!wanted.has(topic)) continue;
    const buf = readFileSync(join(rawDir, file));
    pushFrames(frames, topic, (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8'));
  }
  return frames.sort((a, b) => a.timeMs - b.timeMs);
}
