// The shared test database (built from the real f1db data by test/global-setup.ts), opened once per worker.
import { openDatabase, type Db } from '../db.ts';

let db: Db | undefined;

export function testDb(): Db {
  const path = process.env.DATABASE_PATH;
  if (!path) throw new Error('DATABASE_PATH is not set: run the tests through vitest (test/global-setup.ts)');
  db ??= openDatabase(path);
  return db;
}
