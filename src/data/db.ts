// Opening the embedded F1 database. The importer builds the file aside and swaps it in atomically,
// so readers only ever see a complete database.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { unavailable } from '../errors.ts';
import { SCHEMA_VERSION } from './schema.ts';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

/** What is wrong with the F1 database file, in words; null when it is a complete database of this schema. */
export function databaseProblem(path: string): string | null {
  if (!existsSync(path)) return 'missing';
  if (statSync(path).size === 0) return 'an empty file';
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const version = (
      db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined
    )?.value;
    if (version === undefined) return 'not a complete import (no schema version)';
    if (version !== String(SCHEMA_VERSION))
      return `schema version ${version}, this version needs ${SCHEMA_VERSION}`;
    db.prepare('SELECT COUNT(*) FROM race').get();
    return null;
  } catch (err) {
    return `unreadable (${(err as Error).message})`;
  } finally {
    db?.close();
  }
}

/** Opens the F1 database; throws `unavailable` with a how-to when it has not been imported yet. */
export function openDatabase(path: string, { readonly = true }: OpenOptions = {}): Db {
  if (!existsSync(path)) {
    throw unavailable(
      `No F1 database at ${path}. Run "race-engineer data import" (set F1DB_DIR to an f1db source tree, or let it download f1db).`,
    );
  }
  const db = new Database(path, { readonly, fileMustExist: true });
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('query_only = ' + (readonly ? 'ON' : 'OFF'));
  return db;
}

export function readMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
