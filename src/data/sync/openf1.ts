// OpenF1 (2023 →) as a sync source: for each season, the session list (`/v1/sessions?year=`) and the meeting
// names (`/v1/meetings?year=`), then per race, sprint and qualifying session the records of every endpoint
// the product reads (laps, stints, pit, weather, race_control, session_result, starting_grid), exactly as
// `?session_key=` returns them. Stored in OPENF1_CACHE_DIR in the layout of the OpenF1 recordings
// (openf1/<year>/<session_key>/<endpoint>.json + openf1/index.json of the races), so every existing reader
// of OPENF1_DIR (src/live/recordings/openf1.ts, src/data/laps/openf1-laps.ts, weather) reads the cache too.
//
// Resumable: each endpoint file is written whole (temp file, rename) as it arrives, and a session is marked
// complete (`complete.json`) once every endpoint is there and the session ended long enough ago for OpenF1 to
// have published everything; a cut run fetches only what is missing. Polite: every request waits for the
// pacer (OpenF1's free tier: 3 a second, 30 a minute) and counts against OPENF1_SYNC_BUDGET; 429/5xx back off.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { Upstream } from './http.ts';
import { Pacer, perSecondAndMinute } from './pace.ts';
import type { SeasonRange, SyncContext, SyncItem, SyncSource } from './source.ts';

export const OPENF1_SESSION_ENDPOINTS = [
  'laps',
  'stints',
  'pit',
  'weather',
  'race_control',
  'session_result',
  'starting_grid',
] as const;
export type OpenF1SessionEndpoint = (typeof OPENF1_SESSION_ENDPOINTS)[number];

/** The fields of a `/v1/sessions` record this source reads. */
export interface OpenF1Session {
  session_key: number;
  meeting_key: number;
  session_name: string;
  session_type: string;
  date_start: string;
  date_end: string | null;
  year: number;
  location?: string;
  country_name?: string;
}

interface OpenF1Meeting {
  meeting_key: number;
  meeting_name: string;
}

/** First season OpenF1 has data for. */
export const OPENF1_FIRST_SEASON = 2023;
/** After a session ends, OpenF1 keeps adding records (results, late laps) for a while. */
const SETTLE_MS = 3 * 3600_000;

export function openf1Root(config: Config): string {
  return join(resolve(config.OPENF1_CACHE_DIR), 'openf1');
}

export function sessionDir(config: Config, s: Pick<OpenF1Session, 'year' | 'session_key'>): string {
  return join(openf1Root(config), String(s.year), String(s.session_key));
}

/** Races, sprints, qualifying and sprint qualifying/shootouts; practice is not used by the product. */
export function wantedSession(s: OpenF1Session): boolean {
  return s.session_type === 'Race' || s.session_type === 'Qualifying';
}

export function seasonsOf(range: SeasonRange | null, now: Date): number[] {
  const from = Math.max(OPENF1_FIRST_SEASON, range?.from ?? OPENF1_FIRST_SEASON);
  const to = Math.min(now.getUTCFullYear(), range?.to ?? now.getUTCFullYear());
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

function ended(s: OpenF1Session, now: number): boolean {
  const end = Date.parse(s.date_end ?? s.date_start);
  return Number.isFinite(end) && end < now;
}

function isComplete(config: Config, s: OpenF1Session): boolean {
  return existsSync(join(sessionDir(config, s), 'complete.json'));
}

/** When OpenF1 has published everything of a session (a file fetched before then is fetched again). */
function settledAt(s: OpenF1Session): number {
  return Date.parse(s.date_end ?? s.date_start) + SETTLE_MS;
}

/** Endpoints not on disk, or fetched before the session had settled. */
function missingEndpoints(config: Config, s: OpenF1Session): OpenF1SessionEndpoint[] {
  const dir = sessionDir(config, s);
  return OPENF1_SESSION_ENDPOINTS.filter((ep) => {
    const file = join(dir, `${ep}.json`);
    return !existsSync(file) || statSync(file).mtimeMs < settledAt(s);
  });
}

function writeJson(file: string, value: unknown): number {
  const text = JSON.stringify(value);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return text.length;
}

export class OpenF1Client {
  readonly upstream: Upstream;
  private readonly pacer: Pacer;
  private readonly base: string;

  constructor(
    config: Config,
    logger: Logger,
    private readonly signal?: AbortSignal,
  ) {
    this.base = config.OPENF1_BASE_URL.replace(/\/+$/, '');
    this.upstream = new Upstream({
      name: 'openf1',
      budget: config.OPENF1_SYNC_BUDGET,
      baseDelayMs: config.DATA_SYNC_BACKOFF_MS,
      logger,
      signal,
    });
    this.pacer = new Pacer(perSecondAndMinute(config.OPENF1_RATE_PER_SECOND, config.OPENF1_RATE_PER_MINUTE));
  }

  /**
   * One endpoint's records. OpenF1 answers an empty selection with 404 `{"detail":"No results found."}`:
   * that is an empty list, not a failure.
   */
  async records<T = Record<string, unknown>>(endpoint: string, query: Record<string, string | number>) {
    const qs = Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    const url = `${this.base}/${endpoint}?${qs}`;
    await this.pacer.wait(this.signal);
    const res = await this.upstream.request(url, { headers: { accept: 'application/json' } });
    const text = await res.text();
    this.upstream.bytes += Buffer.byteLength(text);
    if (res.status === 404 && /no results/i.test(text)) return [] as T[];
    if (!res.ok) throw new AppError('upstream_error', `openf1: ${url} answered HTTP ${res.status}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError('upstream_error', `openf1: ${url} did not answer JSON`);
    }
    if (!Array.isArray(body)) throw new AppError('upstream_error', `openf1: ${url} did not answer a list`);
    return body as T[];
  }
}

interface SeasonList {
  sessions: OpenF1Session[];
  meetings: Map<number, string>;
}

async function seasonList(client: OpenF1Client, config: Config, year: number): Promise<SeasonList> {
  const sessions = await client.records<OpenF1Session>('sessions', { year });
  const meetings = await client.records<OpenF1Meeting>('meetings', { year });
  const dir = join(openf1Root(config), String(year));
  mkdirSync(dir, { recursive: true });
  writeJson(join(dir, 'sessions.json'), sessions);
  writeJson(join(dir, 'meetings.json'), meetings);
  return { sessions, meetings: new Map(meetings.map((m) => [m.meeting_key, m.meeting_name])) };
}

/** The sessions of a season the cache lacks (not complete), in calendar order. */
function todo(config: Config, list: SeasonList, now: number): OpenF1Session[] {
  return list.sessions
    .filter((s) => wantedSession(s) && ended(s, now) && !isComplete(config, s))
    .sort((a, b) => Date.parse(a.date_start) - Date.parse(b.date_start));
}

/** index.json in the recordings' format: every cached race, in calendar order (readers number rounds by it). */
function writeIndex(config: Config): number {
  const root = openf1Root(config);
  const entries: Record<string, unknown>[] = [];
  for (let year = OPENF1_FIRST_SEASON; year <= new Date().getUTCFullYear() + 1; year++) {
    const file = join(root, String(year), 'sessions.json');
    if (!existsSync(file)) continue;
    const sessions = JSON.parse(readFileSync(file, 'utf8')) as OpenF1Session[];
    const meetingsFile = join(root, String(year), 'meetings.json');
    const meetings = new Map(
      existsSync(meetingsFile)
        ? (JSON.parse(readFileSync(meetingsFile, 'utf8')) as OpenF1Meeting[]).map((m) => [
            m.meeting_key,
            m.meeting_name,
          ])
        : [],
    );
    for (const s of sessions
      .filter((x) => x.session_name === 'Race')
      .sort((a, b) => Date.parse(a.date_start) - Date.parse(b.date_start))) {
      const dir = sessionDir(config, s);
      if (!existsSync(join(dir, 'laps.json'))) continue;
      const count = (ep: string) =>
        existsSync(join(dir, `${ep}.json`))
          ? (JSON.parse(readFileSync(join(dir, `${ep}.json`), 'utf8')) as unknown[]).length
          : 0;
      entries.push({
        season: year,
        meeting_key: s.meeting_key,
        session_key: s.session_key,
        meeting_name: meetings.get(s.meeting_key) ?? `${s.country_name ?? s.location ?? ''} Grand Prix`,
        session_name: s.session_name,
        laps: count('laps'),
        stints: count('stints'),
        weather: count('weather'),
      });
    }
  }
  mkdirSync(root, { recursive: true });
  writeJson(join(root, 'index.json'), entries);
  return entries.length;
}

export interface OpenF1SyncResult {
  changed: boolean;
  summary: string;
  requests: number;
  bytes: number;
  sessions: { fetched: number; complete: number; skipped: number };
}

export async function syncOpenF1(
  config: Config,
  logger: Logger,
  opts: {
    seasons?: SeasonRange | null;
    progress?: SyncContext['progress'];
    signal?: AbortSignal;
    now?: () => Date;
  } = {},
): Promise<OpenF1SyncResult> {
  const now = opts.now ?? (() => new Date());
  const client = new OpenF1Client(config, logger, opts.signal);
  const years = seasonsOf(opts.seasons ?? null, now());
  let fetched = 0;
  let completed = 0;
  let skipped = 0;
  let files = 0;
  try {
    for (const year of years) {
      const list = await seasonList(client, config, year);
      const sessions = todo(config, list, now().getTime());
      skipped += list.sessions.filter((s) => wantedSession(s) && isComplete(config, s)).length;
      const bar = opts.progress?.(`openf1 ${year}`);
      let i = 0;
      for (const s of sessions) {
        const dir = sessionDir(config, s);
        mkdirSync(dir, { recursive: true });
        for (const ep of missingEndpoints(config, s)) {
          const rows = await client.records(ep, { session_key: s.session_key });
          writeJson(join(dir, `${ep}.json`), rows);
          files++;
        }
        fetched++;
        // Complete only once OpenF1 has had time to publish everything; until then it is fetched again.
        if (now().getTime() > settledAt(s)) {
          writeJson(join(dir, 'complete.json'), {
            session_key: s.session_key,
            session_name: s.session_name,
            meeting: list.meetings.get(s.meeting_key) ?? null,
            fetched_at: now().toISOString(),
          });
          completed++;
        }
        bar?.update(++i, sessions.length, `${s.session_key} ${s.session_name}`);
        logger.debug(
          { event: 'data.sync.openf1.session', sessionKey: s.session_key, year },
          `openf1 ${year} ${s.session_name} ${s.session_key}`,
        );
      }
      bar?.done(`${sessions.length} sessions`);
    }
  } finally {
    // Whatever arrived is readable, also after a cut run.
    if (files > 0) writeIndex(config);
  }
  return {
    changed: files > 0,
    summary: `${years.join(', ') || 'no season'}: ${fetched} sessions fetched (${completed} complete), ${skipped} already cached, ${files} files`,
    requests: client.upstream.requests,
    bytes: client.upstream.bytes,
    sessions: { fetched, complete: completed, skipped },
  };
}

export const openf1SyncSource: SyncSource = {
  name: 'openf1',
  description:
    'OpenF1 (2023 →): laps, stints, pit, weather, race control, session result and starting grid per session, into OPENF1_CACHE_DIR',
  async plan(ctx) {
    const client = new OpenF1Client(ctx.config, ctx.logger, ctx.signal);
    const items: SyncItem[] = [];
    const now = Date.now();
    let cached = 0;
    for (const year of seasonsOf(ctx.seasons, new Date())) {
      const sessions = await client.records<OpenF1Session>('sessions', { year });
      for (const s of sessions.filter(wantedSession)) {
        if (!ended(s, now)) continue;
        if (isComplete(ctx.config, s)) {
          cached++;
          continue;
        }
        const missing = missingEndpoints(ctx.config, s);
        items.push({
          label: `${year} ${s.location ?? ''} ${s.session_name} (session ${s.session_key}): ${missing.join(', ') || 'refresh'}`,
        });
      }
    }
    return { items, note: `${cached} sessions cached and complete, ${items.length} to fetch` };
  },
  async sync(ctx) {
    return syncOpenF1(ctx.config, ctx.logger, {
      seasons: ctx.seasons,
      progress: ctx.progress,
      signal: ctx.signal,
    });
  },
};
