// The two run-time store backends a conformance suite runs against: SQLite files in a temporary folder, and a
// PostgreSQL schema of its own on the test database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreConfig } from '../store.ts';
import { dropSchema, requirePostgres, TEST_DATABASE_URL, uniqueSchema } from './postgres.ts';

export interface StoreBackend {
  name: string;
  setup(): Promise<{ open(): Store; teardown(): Promise<void> }>;
}

/** Both backends; `prefix` names the temporary folder and the schema. */
export function storeBackends(prefix: string): StoreBackend[] {
  return [
    {
      name: 'sqlite',
      async setup() {
        const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
        const config: StoreConfig = {
          CHATS_DB_PATH: join(dir, 'chats.db'),
          ANALYSIS_DB_PATH: join(dir, 'analysis.db'),
        };
        return {
          open: () => openStore(config),
          teardown: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: 'postgres',
      async setup() {
        await requirePostgres();
        const schema = uniqueSchema(prefix);
        const config: StoreConfig = {
          DATABASE_URL: TEST_DATABASE_URL,
          CHATS_DB_PATH: '',
          ANALYSIS_DB_PATH: '',
        };
        return { open: () => openStore(config, { schema }), teardown: () => dropSchema(schema) };
      },
    },
  ];
}
