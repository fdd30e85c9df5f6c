// Prepared statements cached per database handle: each SQL text is compiled once per open database,
// so hot request paths only bind and step. Keyed weakly, a closed and dropped handle frees its cache.
import type Database from 'better-sqlite3';
import type { Db } from '../db.ts';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on `db`, compiled on first use. */
export function stmt<Row = Record<string, unknown>>(db: Db, sql: string): TypedStatement<Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s as unknown as TypedStatement<Row>;
}

/** The subset of a better-sqlite3 statement the query layer uses, typed by its row shape. */
export interface TypedStatement<Row> {
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

/**
 * A per-database memo for values derived once from the (read-only) database: name indexes, lookups.
 * The database file never changes under an open handle (imports swap the file), so these never go stale.
 */
export function memoPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const memo = new WeakMap<Db, T>();
  return (db) => {
    let v = memo.get(db);
    if (v === undefined) {
      v = build(db);
      memo.set(db, v);
    }
    return v;
  };
}
