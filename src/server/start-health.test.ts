// Database health at start: an empty, corrupt or wrong-schema F1 database is found before listening — rebuilt
// from the configured source (atomically), or the start stops with one line naming the file and the fix —
// and the start-up background jobs survive a database they cannot read, logging one line.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../logger.ts';
import { databaseProblem } from '../data/db.ts';
import { isAppError } from '../errors.ts';
import { runPredictionStartup } from '../analysis/predictions/warm-on-listen.ts';
import { ensureDatabase } from './serve.ts';
import { PredictionTracker } from '../analysis/predictions/tracker.ts';
import { SqliteDatabase } from '../store/sql.ts';

let work: string;
let source: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'start-health-'));
  // A small f1db tree: every entity, one season.
  source = join(work, 'f1db');
  const data = join(process.env.F1DB_DIR!, 'src', 'data');
  for (const folder of readdirSync(data)) {
    if (folder === 'seasons') continue;
    cpSync(join(data, folder), join(source, 'src', 'data', folder), { recursive: true });
  }
  cpSync(join(data, 'seasons', '1950'), join(source, 'src', 'data', 'seasons', '1950'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const broken: Record<string, (path: string) => void> = {
  empty: (path) => writeFileSync(path, ''),
  corrupt: (path) => writeFileSync(path, Buffer.alloc(8192, 0x5a)),
  'wrong schema': (path) => {
    const db = new Database(path);
    db.exec(
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '1')",
    );
    db.close();
  },
  'no schema': (path) => {
    const db = new Database(path);
    db.exec('CREATE TABLE something_else (x)');
    db.close();
  },
};

describe('F1 database health at start', () => {
  it.each(Object.keys(broken))('%s file, no source: one line naming the file and the fix', async (kind) => {
    const path = join(work, `${kind.replace(/ /g, '-')}.db`);
    broken[kind]!(path);
    expect(databaseProblem(path)).not.toBeNull();
    const config = loadConfig({ DATABASE_PATH: path, AUTO_IMPORT: 'false', LOG_LEVEL: 'silent' });
    const err = await ensureDatabase(config, silentLogger).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(err)).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain(path);
    expect(message).toMatch(/race-engineer data import/);
    expect(message.split('\n')).toHaveLength(1);
  });

  it.each(Object.keys(broken))(
    '%s file with a source: rebuilt before listening',
    async (kind) => {
      const path = join(work, `rebuilt-${kind.replace(/ /g, '-')}.db`);
      broken[kind]!(path);
      const config = loadConfig({ DATABASE_PATH: path, F1DB_DIR: source, LOG_LEVEL: 'silent' });
      await ensureDatabase(config, silentLogger);
      expect(databaseProblem(path)).toBeNull();
      const db = new Database(path, { readonly: true });
      expect((db.prepare('SELECT COUNT(*) AS n FROM race').get() as { n: number }).n).toBe(7);
      db.close();
    },
    60_000,
  );

  it('`serve` on an empty file exits with one line, never a stack trace (the issue repro)', () => {
    const path = join(work, 'serve-empty.db');
    writeFileSync(path, '');
    const r = spawnSync(process.execPath, ['bin/race-engineer.js', 'serve'], {
      env: { PATH: process.env.PATH!, DATABASE_PATH: path, LOG_LEVEL: 'silent', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('the predictions start-up job logs one line when the database cannot be read, and never throws', async () => {
    const path = join(work, 'jobs-corrupt.db');
    broken.corrupt!(path);
    const lines: { level: number; event?: string; err?: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    await runPredictionStartup(
      { DATABASE_PATH: path },
      () => new Database(path, { readonly: true }),
      new PredictionTracker(new SqliteDatabase(':memory:')),
      logger,
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.every((l) => l.level === 40 && /^analysis\.predictions\..*failed$/.test(l.event ?? '')),
    ).toBe(true);
  }, 30_000);
});
