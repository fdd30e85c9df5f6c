// The swappable F1 database handle: a file replaced by another process (`data import`) is picked up without
// a restart, a pinned request keeps its version until it ends, the retired version is closed after its last
// lease (and its hard link removed), and an unusable replacement is refused with one log line while the
// version in place keeps serving.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { readMeta } from './db.ts';
import { DbHandle } from './handle.ts';
import { importF1db } from './import/importer.ts';
import { f1dbTarball } from './sync/testing/github-releases.ts';

let work: string;
let built: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'db-handle-'));
  const tarball = join(work, 'f1db.tar.gz');
  writeFileSync(tarball, await f1dbTarball(process.env.F1DB_DIR!, [1950], 'd'.repeat(40)));
  built = join(work, 'built.db');
  await importF1db({ source: tarball, dbPath: built, logger: silentLogger, version: '2026.1.0' });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Another process's import: a complete file built aside and renamed over the path. */
function publish(path: string, version: string): void {
  const aside = `${path}.importing-1`;
  copyFileSync(built, aside);
  const db = new Database(aside);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'f1db_version'").run(version);
  db.close();
  renameSync(aside, path);
}

describe('DbHandle', () => {
  it('picks up a replaced file, keeps pinned work on its version, then closes the old one', () => {
    const path = join(work, 'a.db');
    publish(path, '2026.1.0');
    const handle = new DbHandle(path, { logger: silentLogger, checkIntervalMs: 0, retireGraceMs: 0 });
    try {
      const first = handle.db();
      expect(readMeta(first)['f1db_version']).toBe('2026.1.0');
      expect(first.name).toMatch(/a\.db\.open-\d+-\d+$/);
      const pinned = handle.lease();

      publish(path, '2026.1.1');
      expect(readMeta(handle.db())['f1db_version']).toBe('2026.1.1');
      pinned.run(() => expect(readMeta(handle.db())['f1db_version']).toBe('2026.1.0'));
      expect(handle.retiredOpen).toBe(1);
      expect(first.open).toBe(true);

      pinned.lease.release();
      expect(handle.retiredOpen).toBe(0);
      expect(first.open).toBe(false);
      // After its release, the pin reads the current version.
      pinned.run(() => expect(readMeta(handle.db())['f1db_version']).toBe('2026.1.1'));
      expect(readdirSync(work).filter((f) => f.startsWith('a.db.open-'))).toHaveLength(1);
    } finally {
      handle.close();
    }
    expect(readdirSync(work).filter((f) => f.startsWith('a.db.open-'))).toHaveLength(0);
  });

  it('refuses an unusable replacement with one log line and keeps serving', () => {
    const path = join(work, 'b.db');
    publish(path, '2026.1.0');
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        lines.push(JSON.parse(c.toString()) as Record<string, unknown>);
        cb();
      },
    });
    const handle = new DbHandle(path, { logger: pino(sink), checkIntervalMs: 0 });
    try {
      expect(handle.version().version).toBe('2026.1.0');
      writeFileSync(`${path}.tmp`, Buffer.alloc(8192, 0x5a));
      renameSync(`${path}.tmp`, path);
      expect(handle.refresh()).toBe(false);
      expect(readMeta(handle.db())['f1db_version']).toBe('2026.1.0');
      handle.db();
      expect(lines.filter((l) => l.event === 'data.swap.refused')).toHaveLength(1);
    } finally {
      handle.close();
    }
  });
});
