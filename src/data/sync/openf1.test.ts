// The openf1 sync source against a local server replaying OpenF1's JSON from the recordings (OPENF1_DIR):
// a season is cached in the recordings' layout and read back by the existing lap reader, a second run asks
// only for the session lists, 429/5xx back off within the budget, a budget-cut or aborted run resumes with
// only what is missing, an upstream down fails the source and leaves the cache alone, and the pacer keeps
// every second under the limit.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { raceLaps } from '../../analysis/strategy/service.ts';
import { openDatabase } from '../db.ts';
import { loadOpenF1RaceLaps } from '../laps/openf1-laps.ts';
import { USER_AGENT } from './http.ts';
import { OPENF1_SESSION_ENDPOINTS, openf1Root, openf1SyncSource, syncOpenF1 } from './openf1.ts';
import { Pacer, perSecondAndMinute } from './pace.ts';
import { runSync } from './run.ts';
import { OpenF1ArchiveServer } from './testing/openf1-archive.ts';

const OPENF1_DIR = process.env.OPENF1_DIR!;
const RACES = 3; // the first three races of 2024 keep each run short
const PER_SESSION = OPENF1_SESSION_ENDPOINTS.length;
const LISTS = 2; // sessions + meetings per season

let server: OpenF1ArchiveServer;
let work: string;
let firstKeys: number[];

beforeAll(async () => {
  const index = JSON.parse(readFileSync(join(OPENF1_DIR, 'openf1', 'index.json'), 'utf8')) as {
    season: number;
    session_key: number;
  }[];
  firstKeys = index.filter((e) => e.season === 2024).map((e) => e.session_key);
  firstKeys = firstKeys.slice(0, RACES);
  server = new OpenF1ArchiveServer(OPENF1_DIR, (e) => firstKeys.includes(e.session_key));
  await server.start();
  work = mkdtempSync(join(tmpdir(), 'openf1-sync-'));
});
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
let config: Config;
function configWith(extra: Record<string, string> = {}): Config {
  return loadConfig({
    OPENF1_BASE_URL: server.base,
    OPENF1_CACHE_DIR: join(work, `cache-${n}`),
    DATA_SYNC_BACKOFF_MS: '5',
    OPENF1_RATE_PER_SECOND: '50',
    OPENF1_RATE_PER_MINUTE: '10000',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}
beforeEach(() => {
  n++;
  server.seen.length = 0;
  server.failNext = [];
  config = configWith();
});

const seasons = { from: 2024, to: 2024 };

describe('openf1 sync source', () => {
  it('caches a season in the recordings layout, readable by the lap reader; a second run asks only for the lists', async () => {
    const r = await syncOpenF1(config, silentLogger, { seasons });
    expect(r.changed).toBe(true);
    expect(r.requests).toBe(LISTS + RACES * PER_SESSION);
    expect(r.sessions).toEqual({ fetched: RACES, complete: RACES, skipped: 0 });
    expect(server.seen.every((s) => s.userAgent === USER_AGENT)).toBe(true);
    const key = firstKeys[0]!;
    const dir = join(openf1Root(config), '2024', String(key));
    // Byte-for-byte the records OpenF1 answered (the recording), and OpenF1's empty 404 as [].
    expect(JSON.parse(readFileSync(join(dir, 'laps.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(OPENF1_DIR, 'openf1', '2024', String(key), 'laps.json'), 'utf8')),
    );
    expect(JSON.parse(readFileSync(join(dir, 'session_result.json'), 'utf8'))).toEqual([]);
    expect(existsSync(join(dir, 'complete.json'))).toBe(true);
    const index = JSON.parse(readFileSync(join(openf1Root(config), 'index.json'), 'utf8')) as {
      session_key: number;
    }[];
    expect(index.map((e) => e.session_key)).toEqual(firstKeys);

    const laps = loadOpenF1RaceLaps(config.OPENF1_CACHE_DIR, 2024, 1, new Map([[1, 'VER']]));
    expect(laps?.laps.filter((l) => l.driver === 'VER').length).toBeGreaterThan(50);

    server.seen.length = 0;
    const again = await syncOpenF1(config, silentLogger, { seasons });
    expect(again.changed).toBe(false);
    expect(again.requests).toBe(LISTS);
    expect(again.sessions.skipped).toBe(RACES);
    const plan = await openf1SyncSource.plan({
      config,
      logger: silentLogger,
      seasons,
      progress: () => ({ update() {}, done() {} }),
    });
    expect(plan.items).toEqual([]);
  });

  it('backs off on 429 (Retry-After) and 5xx, every attempt counted against the budget', async () => {
    server.failNext = [{ status: 429, retryAfter: 0 }, { status: 503 }, { status: 429, retryAfter: 0 }];
    const r = await syncOpenF1(config, silentLogger, { seasons });
    expect(r.requests).toBe(LISTS + RACES * PER_SESSION + 3);
    expect(server.seen.slice(0, 3).map((s) => s.status)).toEqual([429, 503, 429]);
    expect(r.sessions.complete).toBe(RACES);
  });

  it('a run cut by its budget stops there; the next run fetches only what is missing', async () => {
    const budget = LISTS + PER_SESSION + 3; // the first session and three files of the second
    const cut = configWith({ OPENF1_SYNC_BUDGET: String(budget), OPENF1_CACHE_DIR: config.OPENF1_CACHE_DIR });
    await expect(syncOpenF1(cut, silentLogger, { seasons })).rejects.toThrow(/request budget of \d+/);
    expect(server.seen.length).toBe(budget);
    const second = join(openf1Root(config), '2024', String(firstKeys[1]));
    expect(existsSync(join(second, 'stints.json'))).toBe(true);
    expect(existsSync(join(second, 'complete.json'))).toBe(false);
    const stintsMtime = statSync(join(second, 'stints.json')).mtimeMs;
    // What arrived is already readable (index written on the way out).
    expect(existsSync(join(openf1Root(config), 'index.json'))).toBe(true);

    server.seen.length = 0;
    const rest = await syncOpenF1(config, silentLogger, { seasons });
    expect(rest.requests).toBe(LISTS + (PER_SESSION - 3) + PER_SESSION);
    expect(server.seen.some((s) => s.path.includes(`session_key=${firstKeys[0]}`))).toBe(false);
    expect(statSync(join(second, 'stints.json')).mtimeMs).toBe(stintsMtime);
    expect(existsSync(join(second, 'complete.json'))).toBe(true);
  });

  it('an aborted run (killed mid-way) leaves whole files only and resumes', async () => {
    const ac = new AbortController();
    const run = syncOpenF1(config, silentLogger, { seasons, signal: ac.signal });
    const poll = setInterval(() => {
      if (server.seen.length >= LISTS + 5) ac.abort(new Error('killed'));
    }, 1);
    await expect(run).rejects.toThrow();
    clearInterval(poll);
    const dir = join(openf1Root(config), '2024', String(firstKeys[0]));
    for (const ep of OPENF1_SESSION_ENDPOINTS) {
      const f = join(dir, `${ep}.json`);
      if (existsSync(f)) expect(() => JSON.parse(readFileSync(f, 'utf8'))).not.toThrow();
    }
    const done = await syncOpenF1(config, silentLogger, { seasons });
    expect(done.sessions.complete).toBe(RACES);
    const total = server.seen.filter((s) => !/sessions|meetings/.test(s.path)).length;
    expect(total).toBeLessThanOrEqual(RACES * PER_SESSION + 1); // at most the request in flight again
  });

  it('an upstream down for the whole run fails the source and keeps the cache', async () => {
    await syncOpenF1(config, silentLogger, { seasons });
    const file = join(openf1Root(config), '2024', String(firstKeys[0]), 'laps.json');
    const before = readFileSync(file, 'utf8');
    await server.close();
    try {
      const run = await runSync({
        config: configWith({ OPENF1_CACHE_DIR: config.OPENF1_CACHE_DIR, OPENF1_SYNC_BUDGET: '20' }),
        logger: silentLogger,
        only: ['openf1'],
        seasons,
      });
      expect(run.outcomes).toEqual([]);
      expect(run.failures[0]?.source).toBe('openf1');
      expect(run.failures[0]?.error).toMatch(/openf1: .* failed after 5 attempts/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      await server.start();
    }
  });

  it('stays under the per-second limit (server-side arrival times)', async () => {
    const slow = configWith({ OPENF1_RATE_PER_SECOND: '6', OPENF1_CACHE_DIR: config.OPENF1_CACHE_DIR });
    await syncOpenF1(slow, silentLogger, { seasons: { from: 2024, to: 2024 } });
    const at = server.seen.map((s) => s.at).sort((a, b) => a - b);
    expect(at.length).toBe(LISTS + RACES * PER_SESSION);
    for (let i = 0; i + 6 < at.length; i++) expect(at[i + 6]! - at[i]!).toBeGreaterThanOrEqual(950);
  }, 30_000);
});

describe('strategy laps from the OpenF1 cache', () => {
  it('a whole synced season stands in where neither the lap tables nor the recordings are configured', async () => {
    const full = new OpenF1ArchiveServer(OPENF1_DIR, (e) => e.season === 2024);
    await full.start();
    const db = openDatabase(process.env.DATABASE_PATH!);
    try {
      const cfg = loadConfig({
        OPENF1_BASE_URL: full.base,
        OPENF1_CACHE_DIR: join(work, 'full'),
        LAPS_DIR: process.env.LAPS_DIR!, // the lap tables stop at 2024 round 18
        ANALYSIS_CACHE_DIR: join(work, 'analysis-cache'),
        OPENF1_RATE_PER_SECOND: '1000',
        OPENF1_RATE_PER_MINUTE: '100000',
        LOG_LEVEL: 'silent',
      });
      expect(raceLaps(cfg, db, 2024, 19)).toBeUndefined(); // not in the tables, no recordings, nothing cached
      await syncOpenF1(cfg, silentLogger, { seasons });
      const laps = raceLaps(cfg, db, 2024, 19);
      expect(laps?.eventName).toBe('United States Grand Prix');
      expect(new Set(laps!.laps.map((l) => l.driver)).size).toBe(20);
    } finally {
      db.close();
      await full.close();
    }
  }, 60_000);
});

describe('Pacer', () => {
  it('allows the burst of each window, then waits until the oldest request leaves it', async () => {
    let now = 0;
    const p = new Pacer(perSecondAndMinute(3, 30), () => now);
    for (let i = 0; i < 3; i++) {
      expect(p.delay()).toBe(0);
      await p.wait();
    }
    expect(p.delay()).toBe(1000);
    // 30 a minute: after 30 requests spread over 10 s, the 31st waits for the minute.
    for (let i = 3; i < 30; i++) {
      now = Math.floor(i / 3) * 1000;
      expect(p.delay()).toBe(0);
      await p.wait();
    }
    now = 10_000;
    expect(p.delay()).toBe(50_000);
  });
});
