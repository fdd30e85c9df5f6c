// The official F1 live-timing static archive as a sync source (`data sync --only timing --seasons 2025`):
// `<base>/<year>/Index.json` lists the meetings and their sessions, `<base>/<session Path>Index.json` the
// session's feeds, and `<base>/<session Path><Topic>.jsonStream` each topic (lines `HH:MM:SS.mmm{json}`).
// Races, sprints and qualifying sessions that have ended are stored in TIMING_DIR laid out like the live-timing
// recordings (`<year>/<year>_<Meeting>_<Location>_<Session>/raw/<Topic>.jsonStream.gz` + session_info.json),
// so replays list them and the lap-table builder (src/data/laps/builder.ts) reads them.
//
// Resumable: each topic is downloaded through the Upstream (`.part` + Range) and gzipped in place; a session's
// session_info.json is written only once every topic is in, so an interrupted run picks up where it stopped and
// a complete session is never fetched again (not even its Index.json).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { Upstream } from './http.ts';
import type { SeasonRange, SyncContext, SyncItem, SyncSource } from './source.ts';

/** The topics the product reads (timing tower, strategy, race control, weather, radio). */
export const ARCHIVE_TOPICS = [
  'TimingData',
  'TimingAppData',
  'TimingStats',
  'LapCount',
  'TrackStatus',
  'RaceControlMessages',
  'SessionInfo',
  'SessionData',
  'DriverList',
  'WeatherData',
  'TopThree',
  'ExtrapolatedClock',
  'TeamRadio',
] as const;

export interface ArchiveSession {
  Key?: number;
  Type?: string;
  Name?: string;
  StartDate?: string;
  EndDate?: string;
  GmtOffset?: string;
  Path?: string;
}

export interface ArchiveMeeting {
  Key?: number;
  Name?: string;
  Location?: string;
  Number?: number;
  OfficialName?: string;
  Country?: unknown;
  Circuit?: unknown;
  Sessions?: ArchiveSession[];
}

/** A session's `Index.json` feeds: `{ TimingData: { KeyFramePath, StreamPath } }`. */
export type ArchiveFeeds = Record<string, { KeyFramePath?: string; StreamPath?: string }>;

export interface ArchiveSeasonIndex {
  Year?: number;
  Meetings?: ArchiveMeeting[];
}

/** One session to keep: where it comes from and where it goes. */
export interface ArchiveTarget {
  year: number;
  meeting: ArchiveMeeting;
  session: ArchiveSession;
  /** `<year>_<Meeting-Name>_<Location>_<Session-Name>`, as the recordings name their folders. */
  folder: string;
  dir: string;
}

const dash = (s: string | undefined) => (s ?? '').trim().replace(/\s+/g, '-');

/** The archive's JSON files start with a UTF-8 byte order mark. */
export function parseArchiveJson<T>(text: string): T {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
}

/** Session end in UTC from the archive's local EndDate and GmtOffset (`-06:00:00`). */
export function sessionEndUtc(s: ArchiveSession): number | null {
  if (!s.EndDate) return null;
  const local = Date.parse(`${s.EndDate.slice(0, 19)}Z`);
  if (Number.isNaN(local)) return null;
  const m = /^(-)?(\d+):(\d\d)/.exec(s.GmtOffset ?? '');
  const offset = m ? (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  return local - offset;
}

/** Races, sprints, qualifying and sprint qualifying that have ended and have an archive path. */
export function archiveTargets(
  index: ArchiveSeasonIndex,
  year: number,
  timingDir: string,
  now = Date.now(),
): ArchiveTarget[] {
  const out: ArchiveTarget[] = [];
  for (const meeting of index.Meetings ?? []) {
    for (const session of meeting.Sessions ?? []) {
      if (session.Type !== 'Race' && session.Type !== 'Qualifying') continue;
      if (!session.Path) continue;
      const end = sessionEndUtc(session);
      if (end === null || end > now) continue;
      const folder = `${year}_${dash(meeting.Name)}_${dash(meeting.Location)}_${dash(session.Name)}`;
      out.push({ year, meeting, session, folder, dir: join(timingDir, String(year), folder) });
    }
  }
  return out;
}

export const isStored = (t: ArchiveTarget) => existsSync(join(t.dir, 'session_info.json'));

export function timingUpstream(config: Config, logger: Logger, signal?: AbortSignal): Upstream {
  return new Upstream({
    name: 'f1-timing',
    budget: config.TIMING_SYNC_BUDGET,
    baseDelayMs: config.DATA_SYNC_BACKOFF_MS,
    logger,
    signal,
  });
}

const baseUrl = (config: Config) => config.TIMING_ARCHIVE_URL.replace(/\/*$/, '/');

function seasonsOf(range: SeasonRange | null, now = new Date()): number[] {
  const year = now.getUTCFullYear();
  const from = range?.from ?? year;
  const to = range?.to ?? year;
  const out: number[] = [];
  for (let y = Math.max(2018, from); y <= to; y++) out.push(y);
  return out;
}

async function seasonIndex(up: Upstream, config: Config, year: number): Promise<ArchiveSeasonIndex | null> {
  const url = `${baseUrl(config)}${year}/Index.json`;
  const res = await up.request(url, { headers: { accept: 'application/json' } });
  if (res.status === 404 || res.status === 403) {
    await res.body?.cancel().catch(() => {});
    return null; // the archive has no such season (yet)
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new AppError('upstream_error', `${up.name}: ${url} answered HTTP ${res.status}`);
  }
  const text = await res.text();
  up.bytes += Buffer.byteLength(text);
  try {
    return parseArchiveJson<ArchiveSeasonIndex>(text);
  } catch {
    throw new AppError('upstream_error', `${up.name}: ${url} is not an archive index`);
  }
}

async function gzipFile(src: string, dest: string): Promise<void> {
  const tmp = `${dest}.tmp`;
  await pipeline(createReadStream(src), createGzip(), createWriteStream(tmp));
  renameSync(tmp, dest);
  rmSync(src, { force: true });
}

export interface SessionFetch {
  fetched: number;
  missing: string[];
}

/** Downloads the product's topics of one session that are not stored yet, then marks it complete. */
export async function fetchSession(up: Upstream, config: Config, t: ArchiveTarget): Promise<SessionFetch> {
  const raw = join(t.dir, 'raw');
  mkdirSync(raw, { recursive: true });
  const base = `${baseUrl(config)}${t.session.Path}`;
  // The session's own index says which feeds it has (LapCount only in races, TeamRadio not before 2020...).
  let feeds: ArchiveFeeds | null = null;
  const res = await up.request(`${base}Index.json`, { headers: { accept: 'application/json' } });
  if (res.ok) {
    const text = await res.text();
    up.bytes += Buffer.byteLength(text);
    try {
      feeds = parseArchiveJson<{ Feeds?: ArchiveFeeds }>(text).Feeds ?? null;
    } catch {
      feeds = null;
    }
  } else {
    await res.body?.cancel().catch(() => {});
    if (res.status !== 404 && res.status !== 403)
      throw new AppError('upstream_error', `${up.name}: ${base}Index.json answered HTTP ${res.status}`);
  }
  let fetched = 0;
  const missing: string[] = [];
  for (const topic of ARCHIVE_TOPICS) {
    const gz = join(raw, `${topic}.jsonStream.gz`);
    if (existsSync(gz)) continue;
    const stream = feeds ? feeds[topic]?.StreamPath : `${topic}.jsonStream`;
    if (!stream) {
      missing.push(topic);
      continue;
    }
    const plain = join(raw, `${topic}.jsonStream`);
    try {
      await up.download(`${base}${stream}`, plain);
    } catch (err) {
      // A feed the index lists but the archive does not serve (404) is a gap, not a failure of the run.
      if (/HTTP 40[34]\b/.test((err as Error).message)) {
        missing.push(topic);
        continue;
      }
      throw err;
    }
    await gzipFile(plain, gz);
    fetched++;
  }
  writeFileSync(join(t.dir, 'topics.json'), JSON.stringify({ missing }));
  const info = { ...t.session, Meeting: { ...t.meeting, Sessions: undefined } };
  writeFileSync(join(t.dir, 'session_info.json.tmp'), JSON.stringify(info, null, 2));
  renameSync(join(t.dir, 'session_info.json.tmp'), join(t.dir, 'session_info.json'));
  return { fetched, missing };
}

/** Reads a stored session's info (what fetchSession wrote), or null. */
export function storedSessionInfo(dir: string): (ArchiveSession & { Meeting?: ArchiveMeeting }) | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'session_info.json'), 'utf8')) as ArchiveSession & {
      Meeting?: ArchiveMeeting;
    };
  } catch {
    return null;
  }
}

async function targets(ctx: SyncContext, up: Upstream): Promise<ArchiveTarget[]> {
  const out: ArchiveTarget[] = [];
  for (const year of seasonsOf(ctx.seasons)) {
    const index = await seasonIndex(up, ctx.config, year);
    if (index) out.push(...archiveTargets(index, year, ctx.config.TIMING_DIR));
  }
  return out;
}

const label = (t: ArchiveTarget) => `${t.year} ${t.meeting.Name ?? '?'} ${t.session.Name ?? '?'}`;

export const timingArchiveSource: SyncSource = {
  name: 'timing',
  description:
    'F1 live-timing static archive: races, sprints and qualifying (13 topics each) into TIMING_DIR',
  async plan(ctx) {
    const up = timingUpstream(ctx.config, ctx.logger, ctx.signal);
    const all = await targets(ctx, up);
    const todo = all.filter((t) => !isStored(t));
    const items: SyncItem[] = todo.map((t) => ({
      label: `${label(t)} (${ARCHIVE_TOPICS.length} topics)`,
      url: `${baseUrl(ctx.config)}${t.session.Path}`,
    }));
    return { items, note: `${all.length - todo.length} of ${all.length} archived sessions stored` };
  },
  async sync(ctx) {
    const up = timingUpstream(ctx.config, ctx.logger, ctx.signal);
    const all = await targets(ctx, up);
    const todo = all.filter((t) => !isStored(t));
    const progress = ctx.progress('timing archive');
    let topics = 0;
    let sessions = 0;
    for (const [i, t] of todo.entries()) {
      progress.update(i, todo.length, label(t));
      const r = await fetchSession(up, ctx.config, t);
      topics += r.fetched;
      sessions++;
      ctx.logger.info(
        { event: 'data.sync.timing.session', session: t.folder, topics: r.fetched, missing: r.missing },
        `timing: ${label(t)} stored (${r.fetched} topics${r.missing.length ? `, missing ${r.missing.join(', ')}` : ''})`,
      );
    }
    progress.done(`${sessions} sessions`);
    return {
      changed: sessions > 0,
      summary: `${sessions} sessions fetched (${topics} topics), ${all.length - todo.length} already stored`,
      requests: up.requests,
      bytes: up.bytes,
    };
  },
};
