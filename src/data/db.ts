// Opening the embedded F1 database. The importer builds the file aside and swaps it in atomically,
// so readers only ever see a complete database.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { unavailable } from '../errors.ts';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

export function databaseExists(path: string): boolean {
  return existsSync(path);
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
