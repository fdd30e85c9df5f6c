// Recordings of the F1 live-timing feed: one `<Topic>.jsonStream` per topic, each line `HH:MM:SS.mmm{json}`
// (first line the full state, later lines deltas; `.z` topics hold a JSON string of base64 raw-deflate).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

/** Reads every topic of a recording folder (`<dir>/raw/*.jsonStream`), merged in time order. */
export async function readFeedRecording(
  dir: string,
  opts: { telemetry?: boolean } = {},
): Promise<FeedFrame[]> {
  const rawDir = join(dir, 'raw');
  const files = (await readdir(rawDir)).filter((f) => f.endsWith('.jsonStream'));
  const frames: FeedFrame[] = [];
  for (const file of files) {
    const topic = file.replace(/\.jsonStream$/, '');
    if (topic.endsWith('.z') && !opts.telemetry) continue;
    const text = await readFile(join(rawDir, file), 'utf8');
    for (const line of text.split('\n')) {
      const parsed = parseJsonStreamLine(line);
      if (parsed) frames.push({ timeMs: parsed.timeMs, topic, data: parsed.data });
    }
  }
  // Stable sort keeps each topic's own order for equal timestamps.
  return frames.sort((a, b) => a.timeMs - b.timeMs);
}
