// The data sync on several nodes sharing PostgreSQL: two schedules (two nodes, each with its own F1 database
// file) and two store instances on one schema, against a local GitHub releases server. One node at a time
// syncs (the advisory lock), and the other installs the version the first recorded without waiting for its
// own schedule.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../logger.ts';
import type { Store } from '../../store/store.ts';
import { storeBackends } from '../../store/testing/backends.ts';
import { DbHandle } from '../handle.ts';
import { installedRelease } from './f1db-release.ts';
import { SYNC_LOCK, SyncSchedule } from './schedule.ts';
import { f1dbTarball, GithubReleasesServer } from './testing/github-releases.ts';

const postgres = storeBackends('datasync').find((b) => b.name === 'postgres')!;

interface Node {
  store: Store;
  handle: DbHandle;
  sync: SyncSchedule;
  dbPath: string;
}

let work: string;
let gh: GithubReleasesServer;
let v1: Buffer;
let v2: Buffer;
let teardown: () => Promise<void>;
let a: Node;
let b: Node;

function node(name: string, store: Store): Node {
  const dbPath = join(work, name, 'race-engineer.db');
  const config = loadConfig({
    DATABASE_PATH: dbPath,
    DATA_SYNC_DIR: join(work, name, 'sync'),
    GITHUB_API_URL: gh.base,
    DATA_SYNC: 'f1db',
    DATA_SYNC_BACKOFF_MS: '5',
    LOG_LEVEL: 'silent',
  });
  const handle = new DbHandle(dbPath, { logger: silentLogger });
  const sync = new SyncSchedule({
    config,
    logger: silentLogger,
    handle,
    cluster: {
      exclusive: (lock, fn) => store.exclusive(lock, fn),
      versions: () => store.syncState.versions(),
      record: (source, version) => store.syncState.record(source, version, name),
    },
  });
  return { store, handle, sync, dbPath };
}

const releaseRequests = () => gh.seen.filter((r) => r.url.endsWith('/releases/latest')).length;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'data-sync-cluster-'));
  const f1db = process.env.F1DB_DIR!;
  [v1, v2] = await Promise.all([
    f1dbTarball(f1db, [1950], 'a'.repeat(40)),
    f1dbTarball(f1db, [1950, 1951], 'b'.repeat(40)),
  ]);
  gh = new GithubReleasesServer();
  await gh.start();
  const env = await postgres.setup();
  teardown = env.teardown;
  a = node('a', env.open());
  b = node('b', env.open());
  await Promise.all([a.store.open(), b.store.open()]);
}, 120_000);

afterAll(async () => {
  for (const n of [a, b]) {
    await n?.sync.stop();
    n?.handle.close();
    await n?.store.close();
  }
  await teardown?.();
  await gh?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('data sync with two nodes on PostgreSQL', () => {
  it('a node does not sync while another holds the lock, and asks the upstream nothing', async () => {
    gh.release = { tag: 'v2026.1.0', publishedAt: '2026-03-09T10:00:00Z', tarball: v1 };
    let release!: () => void;
    const held = a.store.exclusive(SYNC_LOCK, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 100));
    try {
      expect(await b.sync.runNow()).toBeNull();
      expect(b.sync.status().lastCheck).toMatchObject({ ok: true, changed: false });
      expect(b.sync.status().lastCheck!.summary).toMatch(/another node is syncing/);
      expect(releaseRequests()).toBe(0);
    } finally {
      release();
      await held;
    }
  });

  it('the node that syncs records the version; the other follows it, and only then', async () => {
    const first = await a.sync.runNow();
    expect(first?.outcomes[0]).toMatchObject({ source: 'f1db', changed: true, version: 'v2026.1.0' });
    expect(installedRelease(a.dbPath).tag).toBe('v2026.1.0');
    expect(a.handle.db().prepare('SELECT COUNT(*) AS n FROM race').get()).toMatchObject({ n: 7 });
    expect((await b.store.syncState.versions()).map((v) => [v.source, v.version, v.node])).toEqual([
      ['f1db', 'v2026.1.0', 'a'],
    ]);
    // Node a is current: following changes nothing and asks the upstream nothing.
    const before = releaseRequests();
    expect(await a.sync.follow()).toBe(false);
    expect(releaseRequests()).toBe(before);

    // Node b is behind (no database at all): it syncs at once.
    expect(await b.sync.follow()).toBe(true);
    expect(installedRelease(b.dbPath).tag).toBe('v2026.1.0');
    expect(b.handle.db().prepare('SELECT COUNT(*) AS n FROM race').get()).toMatchObject({ n: 7 });
    expect(await b.sync.follow()).toBe(false);

    // A patch release: node b finds it on its own schedule; node a follows without its own check.
    gh.release = { tag: 'v2026.1.1', publishedAt: '2026-03-10T10:00:00Z', tarball: v2 };
    expect((await b.sync.runNow())?.outcomes[0]).toMatchObject({ changed: true, version: 'v2026.1.1' });
    expect((await a.store.syncState.versions())[0]).toMatchObject({ version: 'v2026.1.1', node: 'b' });
    expect(await a.sync.follow()).toBe(true);
    expect(installedRelease(a.dbPath).tag).toBe('v2026.1.1');
    // The new file is what node a's requests read now (swapped in, no restart).
    const races = a.handle.db().prepare('SELECT COUNT(*) AS n FROM race').get() as { n: number };
    expect(races.n).toBeGreaterThan(7);
    // The recorded version keeps the node that installed it first.
    expect((await b.store.syncState.versions())[0]).toMatchObject({ version: 'v2026.1.1', node: 'b' });
  }, 120_000);
});
