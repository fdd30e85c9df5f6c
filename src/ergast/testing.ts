// Test support: a copy of the shared test database with the Ergast cross-walk built in
// (`.cache/test/ergast.db`), rebuilt only when the source database changed.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { silentLogger } from '../logger.ts';
import { buildErgastCrosswalk } from './crosswalk.ts';

function contentHash(path: string): string | undefined {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare(`SELECT value FROM meta WHERE key = 'content_hash'`).get() as
      { value: string } | undefined;
    const cw = db.prepare(`SELECT value FROM meta WHERE key = 'ergast_crosswalk_source'`).get() as
      { value: string } | undefined;
    return cw?.value ?? row?.value;
  } finally {
    db.close();
  }
}

/** Path of a database with the cross-walk, built from DATABASE_PATH and ERGAST_CSV_DIR. */
export function ergastTestDatabase(): string {
  const source = process.env.DATABASE_PATH;
  const csvDir = process.env.ERGAST_CSV_DIR;
  if (!source || !existsSync(source))
    throw new Error('Ergast tests need DATABASE_PATH (set by the global setup)');
  if (!csvDir) throw new Error('Ergast tests need ERGAST_CSV_DIR (e.g. ../shared/data/ergast-csv/data)');
  const target = resolve('.cache/test/ergast.db');
  const want = `${contentHash(source)}|${csvDir}`;
  if (existsSync(target) && contentHash(target) === want) return target;
  const tmp = `${target}.building-${process.pid}`;
  copyFileSync(source, tmp);
  const db = new Database(tmp);
  try {
    buildErgastCrosswalk(db, csvDir, silentLogger);
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('ergast_crosswalk_source', ?)`).run(want);
  } finally {
    db.close();
  }
  renameSync(tmp, target);
  rmSync(`${tmp}-wal`, { force: true });
  return target;
}
