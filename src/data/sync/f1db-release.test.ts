// f1db from its GitHub releases, against a local server in GitHub's wire format (releases API JSON, a 302 to
// the codeload tarball, Range and ETag): a release is imported and recorded, an unchanged one is skipped
// with one request, a patch release is taken, a cut download resumes, a corrupt archive keeps the old
// database with one clear log line, 429/5xx back off within the request budget.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import { installedRelease, parseF1dbVersion, syncF1dbRelease } from './f1db-release.ts';
import { runSync } from './run.ts';
import { f1dbReleaseSource } from './f1db-release.ts';
import { USER_AGENT } from './http.ts';
import { f1dbTarball, GithubReleasesServer } from './testing/github-releases.ts';
import { removeLeftoverImports } from '../import/importer.ts';

let work: string;
let gh: GithubReleasesServer;
let v1: Buffer;
let v2: Buffer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'f1db-release-'));
  const f1db = process.env.F1DB_DIR!;
  [v1, v2] = await Promise.all([
    f1dbTarball(f1db, [1950], 'a'.repeat(40)),
    f1dbTarball(f1db, [1950, 1951], 'b'.repeat(40)),
  ]);
  gh = new GithubReleasesServer();
  await gh.start();
}, 60_000);
afterAll(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
let config: Config;
beforeEach(() => {
  n++;
  gh.seen.length = 0;
  gh.failNext = [];
  gh.cutNextBodyAt = null;
  gh.release = { tag: 'v2026.1.0', publishedAt: '2026-03-09T10:00:00Z', tarball: v1 };
  config = loadConfig({
    DATABASE_PATH: join(work, `db-${n}`, 'race-engineer.db'),
    DATA_SYNC_DIR: join(work, `sync-${n}`),
    GITHUB_API_URL: gh.base,
    DATA_SYNC_BACKOFF_MS: '5',
    LOG_LEVEL: 'silent',
  });
});

function capture(): { logger: typeof silentLogger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const races = async (path: string) => {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM race').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('f1db releases sync', () => {
  it('parses YYYY.RR.MICRO tags', () => {
    expect(parseF1dbVersion('v2026.20.1')).toEqual({ year: 2026, round: 20, micro: 1 });
    expect(parseF1dbVersion('2025.24.0')).toEqual({ year: 2025, round: 24, micro: 0 });
    expect(parseF1dbVersion('latest')).toBeNull();
  });

  it('imports the latest release through the redirect, records tag and date, then skips it unchanged in under a second', async () => {
    const r = await syncF1dbRelease(config, silentLogger);
    expect(r.changed).toBe(true);
    expect(gh.requestsTo('/repos/f1db/f1db/tarball/v2026.1.0')).toHaveLength(1);
    expect(gh.requestsTo('/codeload/')).toHaveLength(1);
    expect(gh.seen.every((s) => s.userAgent === USER_AGENT)).toBe(true);
    const installed = installedRelease(config.DATABASE_PATH);
    expect(installed).toMatchObject({
      tag: 'v2026.1.0',
      releaseDate: '2026-03-09T10:00:00Z',
      schemaCurrent: true,
    });
    expect(await races(config.DATABASE_PATH)).toBe(7);
    expect(existsSync(join(config.DATA_SYNC_DIR, 'f1db', 'f1db-v2026.1.0.tar.gz'))).toBe(false);

    gh.seen.length = 0;
    const t0 = performance.now();
    const again = await syncF1dbRelease(config, silentLogger);
    const ms = performance.now() - t0;
    expect(again.changed).toBe(false);
    expect(again.summary).toMatch(/current/);
    expect(gh.seen).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  }, 60_000);

  it('takes a patch release (same round, higher MICRO) and the dry run lists it first', async () => {
    await syncF1dbRelease(config, silentLogger);
    gh.release = { tag: 'v2026.1.1', publishedAt: '2026-03-10T08:00:00Z', tarball: v2 };
    const plan = await f1dbReleaseSource.plan({
      config,
      logger: silentLogger,
      seasons: null,
      progress: () => ({ update() {}, done() {} }),
    });
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]!.url).toBe(`${gh.base}/repos/f1db/f1db/tarball/v2026.1.1`);
    expect(gh.requestsTo('/codeload/')).toHaveLength(1); // the dry run downloaded nothing
    const r = await syncF1dbRelease(config, silentLogger);
    expect(r.changed).toBe(true);
    expect(installedRelease(config.DATABASE_PATH).tag).toBe('v2026.1.1');
    expect(await races(config.DATABASE_PATH)).toBe(7 + 8);
  }, 60_000);

  it('resumes a download cut mid-way with a Range request', async () => {
    gh.cutNextBodyAt = Math.floor(v1.length / 2);
    const { logger, lines } = capture();
    const r = await syncF1dbRelease(config, logger);
    expect(r.changed).toBe(true);
    const downloads = gh.requestsTo('/codeload/');
    expect(downloads).toHaveLength(2);
    expect(downloads[0]!.range).toBeNull();
    // Resumed from what reached the disk before the cut (up to the half that was sent; on a loaded machine
    // the reset can drop bytes still in flight).
    const from = Number(/^bytes=(\d+)-$/.exec(downloads[1]!.range ?? '')?.[1]);
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(Math.floor(v1.length / 2));
    expect(lines.filter((l) => l.event === 'data.sync.resume')).toHaveLength(1);
    expect(await races(config.DATABASE_PATH)).toBe(7);
  }, 60_000);

  it('a corrupt archive keeps the old database, with one clear log line', async () => {
    await syncF1dbRelease(config, silentLogger);
    const corrupt = Buffer.from(v2);
    corrupt.fill(0x41, 200, 2000); // inside the deflate stream: the gzip CRC / inflate fails
    gh.release = { tag: 'v2026.2.0', publishedAt: '2026-03-23T10:00:00Z', tarball: corrupt };
    const { logger, lines } = capture();
    const run = await runSync({ config, logger, only: ['f1db'] });
    expect(run.outcomes).toHaveLength(0);
    expect(run.failures).toHaveLength(1);
    const failed = lines.filter((l) => l.event === 'data.sync.failed');
    expect(failed).toHaveLength(1);
    expect(String(failed[0]!.msg)).toMatch(
      /f1db v2026\.2\.0 .* could not be imported .*keeping f1db v2026\.1\.0/,
    );
    expect(installedRelease(config.DATABASE_PATH).tag).toBe('v2026.1.0');
    expect(await races(config.DATABASE_PATH)).toBe(7);
    // The bad file is gone: the next run downloads it afresh.
    expect(existsSync(join(config.DATA_SYNC_DIR, 'f1db', 'f1db-v2026.2.0.tar.gz'))).toBe(false);
  }, 60_000);

  it('backs off on 429 and 5xx and succeeds', async () => {
    gh.failNext = [429, 503, 502];
    const { logger, lines } = capture();
    const r = await syncF1dbRelease(config, logger);
    expect(r.changed).toBe(true);
    expect(lines.filter((l) => l.event === 'data.sync.retry').map((l) => l.failure)).toEqual([
      'HTTP 429',
      'HTTP 503',
      'HTTP 502',
    ]);
  }, 60_000);

  it('respects the request budget when upstream keeps failing', async () => {
    gh.failNext = Array(50).fill(503);
    const budgeted = { ...config, DATA_SYNC_BUDGET: 3 };
    const err = await syncF1dbRelease(budgeted, silentLogger).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/request budget of 3/);
    expect(gh.seen).toHaveLength(3);
  });

  it('upstream down for the whole run: a failure in words, the database in place untouched', async () => {
    await syncF1dbRelease(config, silentLogger);
    gh.down = true;
    try {
      const run = await runSync({
        config: { ...config, DATA_SYNC_BUDGET: 3 },
        logger: silentLogger,
        only: ['f1db'],
      });
      expect(run.failures[0]!.error).toMatch(/github/);
      expect(installedRelease(config.DATABASE_PATH).tag).toBe('v2026.1.0');
    } finally {
      gh.down = false;
    }
  });

  it('removes leftover .importing files of dead processes at the next start', () => {
    const dir = join(work, `leftover-${n}`);
    rmSync(dir, { recursive: true, force: true });
    const db = join(dir, 'race-engineer.db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${db}.importing-999999`, 'x'.repeat(1000));
    writeFileSync(`${db}.importing-${process.pid}x`, 'not ours'); // not the pattern
    expect(removeLeftoverImports(db)).toEqual(['race-engineer.db.importing-999999']);
    expect(existsSync(`${db}.importing-999999`)).toBe(false);
  });
});
