// The run-time store: everything the server writes while it runs (chats and their owners, API tokens, the
// identity secret, the prediction tracker), on one of two backends:
//   - SQLite (default, embedded): the chats file CHATS_DB_PATH (chats, tokens, secrets) and the tracker file
//     ANALYSIS_DB_PATH, as before; one node.
//   - PostgreSQL (DATABASE_URL=postgres://…): every part in one database, shared by every node of a cluster.
// Each part's migrations are versioned (src/store/migrate.ts) and applied when the part is first used, or
// at start by `open()` (serve): readiness means they are applied. One conformance suite
// (store.conformance.test.ts) runs against both backends.
import { existsSync } from 'node:fs';
import { ChatStore, CHAT_MIGRATIONS } from '../agent/chats.ts';
import { PredictionTracker, TRACKER_MIGRATIONS } from '../analysis/predictions/tracker.ts';
import { appliedMigrations, migrate, type Migration } from './migrate.ts';
import { SecretStore, SECRET_MIGRATIONS } from './secrets.ts';
import { PostgresDatabase, SqliteDatabase, type Param, type Sql, type SqlDatabase } from './sql.ts';
import { TokenStore, TOKEN_MIGRATIONS } from './tokens.ts';
import { ProvisionalStore, PROVISIONAL_MIGRATIONS } from './provisional.ts';
import { UsageStore, USAGE_MIGRATIONS } from './usage.ts';
import { SyncStateStore, SYNC_STATE_MIGRATIONS } from './sync-state.ts';

export type StoreBackend = 'sqlite' | 'postgres';

export interface StoreConfig {
  DATABASE_URL?: string | undefined;
  DATABASE_POOL_SIZE?: number;
  CHATS_DB_PATH: string;
  ANALYSIS_DB_PATH: string;
}

export interface Store {
  readonly backend: StoreBackend;
  readonly chats: ChatStore;
  readonly tokens: TokenStore;
  readonly secrets: SecretStore;
  readonly tracker: PredictionTracker;
  /** LLM use per day (spend limits). */
  readonly usage: UsageStore;
  /** Provisional classifications from live timing, until f1db has the session. */
  readonly provisional: ProvisionalStore;
  /** The data versions the sync installed, for the other nodes to follow. */
  readonly syncState: SyncStateStore;
  /** Whether anything was ever tracked here (a SQLite tracker file that does not exist is not created by a read). */
  trackerExists(): boolean;
  /** Opens every part and applies its migrations now (serve does, before listening). */
  open(): Promise<void>;
  /** The ids of the migrations recorded as applied. */
  appliedMigrations(): Promise<string[]>;
  /** Every part opened and migrated. */
  ready(): boolean;
  /**
   * Runs `fn` on one node at a time (a PostgreSQL advisory lock); another node holding it: not run. SQLite
   * (one node): always runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** The PostgreSQL handle when that is the backend (other domains' stores keep their tables there too). */
  readonly postgres: PostgresDatabase | undefined;
  close(): Promise<void>;
}

/** A database opened and migrated on first use; every statement waits for that. */
class Part implements Sql {
  private db: Promise<SqlDatabase> | undefined;
  private opened: SqlDatabase | undefined;
  constructor(
    readonly dialect: Sql['dialect'],
    private readonly openDb: () => SqlDatabase,
    private readonly migrations: Migration[],
  ) {}
  handle(): Promise<SqlDatabase> {
    this.db ??= (async () => {
      const db = this.openDb();
      try {
        await migrate(db, this.migrations);
      } catch (err) {
        this.db = undefined;
        throw err;
      }
      this.opened = db;
      return db;
    })();
    return this.db;
  }
  isReady(): boolean {
    return this.opened !== undefined;
  }
  async all<T>(sql: string, params?: Param[]) {
    return (await this.handle()).all<T>(sql, params);
  }
  async get<T>(sql: string, params?: Param[]) {
    return (await this.handle()).get<T>(sql, params);
  }
  async run(sql: string, params?: Param[]) {
    return (await this.handle()).run(sql, params);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>) {
    return (await this.handle()).transaction(fn);
  }
  async closeIfOpen(close: boolean): Promise<void> {
    const db = this.db;
    this.db = undefined;
    this.opened = undefined;
    if (db && close) await (await db.catch(() => undefined))?.close();
  }
}

const ALL_MIGRATIONS = [
  ...SECRET_MIGRATIONS,
  ...TOKEN_MIGRATIONS,
  ...CHAT_MIGRATIONS,
  ...TRACKER_MIGRATIONS,
  ...USAGE_MIGRATIONS,
  ...PROVISIONAL_MIGRATIONS,
  ...SYNC_STATE_MIGRATIONS,
];

export const isPostgresUrl = (url: string | undefined): url is string =>
  url !== undefined && /^postgres(ql)?:\/\//i.test(url);

export function openStore(config: StoreConfig, options: { schema?: string } = {}): Store {
  if (isPostgresUrl(config.DATABASE_URL)) {
    const pg = new PostgresDatabase({
      url: config.DATABASE_URL,
      ...(config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {}),
      ...(options.schema ? { schema: options.schema } : {}),
    });
    const part = new Part('postgres', () => pg, ALL_MIGRATIONS);
    return {
      backend: 'postgres',
      postgres: pg,
      chats: new ChatStore(part),
      tokens: new TokenStore(part),
      secrets: new SecretStore(part),
      tracker: new PredictionTracker(part),
      usage: new UsageStore(part),
      provisional: new ProvisionalStore(part),
      syncState: new SyncStateStore(part),
      trackerExists: () => true,
      open: async () => void (await part.handle()),
      ready: () => part.isReady(),
      appliedMigrations: () => appliedMigrations(part),
      exclusive: (name, fn) => pg.exclusive(name, fn),
      close: async () => {
        await part.closeIfOpen(false);
        await pg.close();
      },
    };
  }
  const main = new Part('sqlite', () => new SqliteDatabase(config.CHATS_DB_PATH), [
    ...SECRET_MIGRATIONS,
    ...TOKEN_MIGRATIONS,
    ...CHAT_MIGRATIONS,
    ...USAGE_MIGRATIONS,
    ...PROVISIONAL_MIGRATIONS,
    ...SYNC_STATE_MIGRATIONS,
  ]);
  const tracker = new Part('sqlite', () => new SqliteDatabase(config.ANALYSIS_DB_PATH), TRACKER_MIGRATIONS);
  return {
    backend: 'sqlite',
    postgres: undefined,
    chats: new ChatStore(main),
    tokens: new TokenStore(main),
    secrets: new SecretStore(main),
    tracker: new PredictionTracker(tracker),
    usage: new UsageStore(main),
    provisional: new ProvisionalStore(main),
    syncState: new SyncStateStore(main),
    trackerExists: () =>
      tracker.isReady() || (config.ANALYSIS_DB_PATH !== ':memory:' && existsSync(config.ANALYSIS_DB_PATH)),
    open: async () => {
      await main.handle();
      await tracker.handle();
    },
    ready: () => main.isReady() && tracker.isReady(),
    appliedMigrations: async () =>
      [...(await appliedMigrations(main)), ...(await appliedMigrations(tracker))].sort(),
    exclusive: async (_name, fn) => ({ ran: true, value: await fn() }),
    close: async () => {
      await main.closeIfOpen(true);
      await tracker.closeIfOpen(true);
    },
  };
}
