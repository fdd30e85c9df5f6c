// A new f1db release appearing while the server runs (issue 14): the server's own sync (DATA_SYNC=f1db)
// fetches it from a local GitHub releases server, and the new database is swapped in without a restart —
// every request during the swap answered 200, new requests read the new version, a request in flight stays
// on its version (and the SQL tool reads the same version as the agent's other tools), caches are per
// version, and with the upstream down afterwards the server keeps serving and says so in /api/health.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { readMeta } from '../data/db.ts';
import { syncF1dbRelease } from '../data/sync/f1db-release.ts';
import { f1dbTarball, GithubReleasesServer } from '../data/sync/testing/github-releases.ts';
import { startLoad } from '../data/sync/testing/load.ts';
import { runReadOnlySql } from '../agent/tools/sql.tool.ts';
import { buildApp, type App } from './app.ts';
import { createContext, type AppContext } from './context.ts';

let work: string;
let gh: GithubReleasesServer;
let config: Config;
let ctx: AppContext;
let app: App;
let base: string;
let v2: Buffer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'data-swap-'));
  const f1db = process.env.F1DB_DIR!;
  const v1 = await f1dbTarball(f1db, [1950], 'a'.repeat(40));
  v2 = await f1dbTarball(f1db, [1950, 1951], 'b'.repeat(40));
  gh = new GithubReleasesServer();
  await gh.start();
  gh.release = { tag: 'v2026.1.0', publishedAt: '2026-03-09T10:00:00Z', tarball: v1 };
  config = loadConfig({
    DATABASE_PATH: join(work, 'race-engineer.db'),
    CHATS_DB_PATH: join(work, 'chats.db'),
    PUSH_DB_PATH: join(work, 'push.db'),
    DATA_SYNC_DIR: join(work, 'sync'),
    GITHUB_API_URL: gh.base,
    DATA_SYNC: 'f1db',
    DATA_SYNC_BACKOFF_MS: '5',
    DATA_SYNC_BUDGET: '4',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
  await syncF1dbRelease(config, silentLogger);
  ctx = createContext(config, silentLogger);
  await ctx.store.open();
  app = await buildApp(config, silentLogger, ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a new f1db release while the server runs', () => {
  it('is swapped in without a restart: every request during the swap answered, none with an error', async () => {
    const before = (await (await fetch(`${base}/api/health`)).json()) as { dataVersion: string };
    expect(before.dataVersion).toBe('2026.1.0');
    const seasonsBefore = (await (await fetch(`${base}/api/seasons`)).json()) as unknown[];

    // A request in flight: it holds its version across the swap.
    const inFlight = ctx.data.lease();
    gh.release = { tag: 'v2026.1.1', publishedAt: '2026-03-10T08:00:00Z', tarball: v2 };
    const load = startLoad(base, ['/api/health', '/api/seasons', '/api/races/1950/1'], 8);
    const run = await ctx.sync.runNow();
    await new Promise((r) => setTimeout(r, 300));
    const answers = await load.stop();

    expect(run?.outcomes[0]?.changed).toBe(true);
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const versions = answers.map((a) => a.version).filter(Boolean);
    expect(versions[0]).toBe('2026.1.0');
    expect(versions.at(-1)).toBe('2026.1.1');

    const after = (await (await fetch(`${base}/api/health`)).json()) as {
      dataVersion: string;
      data: { releaseDate: string; sync: string; lastCheck: { ok: boolean; changed: boolean } };
    };
    expect(after.dataVersion).toBe('2026.1.1');
    expect(after.data).toMatchObject({
      releaseDate: '2026-03-10T08:00:00Z',
      sync: 'f1db',
      lastCheck: { ok: true, changed: true },
    });
    // Caches are per version: the season list now has 1951.
    const seasonsAfter = (await (await fetch(`${base}/api/seasons`)).json()) as unknown[];
    expect(JSON.stringify(seasonsAfter)).not.toBe(JSON.stringify(seasonsBefore));

    // The request in flight still reads the old version, and so does the SQL tool on its path.
    await inFlight.run(async () => {
      expect(readMeta(ctx.db())['f1db_version']).toBe('2026.1.0');
      const sql = await runReadOnlySql(ctx.db().name, "SELECT value FROM meta WHERE key = 'f1db_version'");
      expect(sql.rows[0]).toEqual({ value: '2026.1.0' });
    });
    expect(readMeta(ctx.db())['f1db_version']).toBe('2026.1.1');
    const sqlNew = await runReadOnlySql(ctx.db().name, "SELECT value FROM meta WHERE key = 'f1db_version'");
    expect(sqlNew.rows[0]).toEqual({ value: '2026.1.1' });
    expect(ctx.data.retiredOpen).toBe(1);
    inFlight.lease.release();
  }, 120_000);

  it('upstream down: the check fails in words and the server keeps serving what it has', async () => {
    gh.down = true;
    const run = await ctx.sync.runNow();
    expect(run?.failures).toHaveLength(1);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as {
      dataVersion: string;
      data: { lastCheck: { ok: boolean; summary: string } };
    };
    expect(body.dataVersion).toBe('2026.1.1');
    expect(body.data.lastCheck.ok).toBe(false);
    expect(body.data.lastCheck.summary).toMatch(/f1db failed: github/);
    expect((await fetch(`${base}/api/races/1951/1`)).status).toBe(200);
    gh.down = false;
  }, 60_000);
});
