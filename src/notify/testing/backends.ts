// The two backends of the push store for tests: a SQLite file in a temporary folder and a PostgreSQL schema of
// its own (dropped afterwards). `second()` opens another handle on the same data, as a second node would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dropSchema,
  requirePostgres,
  TEST_DATABASE_URL,
  uniqueSchema,
} from '../../store/testing/postgres.ts';
import { PostgresDatabase, SqliteDatabase } from '../../store/sql.ts';
import { SqlPushStore } from '../sql-store.ts';

export interface PushBackend {
  name: 'sqlite' | 'postgres';
  /** A store on this backend's data (call twice for two nodes). */
  open(): Promise<SqlPushStore>;
  teardown(): Promise<void>;
}

export function sqliteBackend(): PushBackend {
  const dir = mkdtempSync(join(tmpdir(), 'push-store-'));
  return {
    name: 'sqlite',
    async open() {
      const s = new SqlPushStore(new SqliteDatabase(join(dir, 'push.db')));
      await s.open();
      return s;
    },
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): PushBackend {
  const schema = uniqueSchema('push');
  return {
    name: 'postgres',
    async open() {
      await requirePostgres();
      const s = new SqlPushStore(new PostgresDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 4 }));
      await s.open();
      return s;
    },
    async teardown() {
      await dropSchema(schema);
    },
  };
}
