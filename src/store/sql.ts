// The one SQL handle every run-time store is written against, with two backends: an embedded SQLite file
// (better-sqlite3, the default) and PostgreSQL (pg, `DATABASE_URL`). Statements use `?` placeholders; the
// PostgreSQL backend numbers them ($1, $2 …). Every write that touches more than one row goes through
// `transaction`, which is BEGIN … COMMIT on one connection (SQLite: BEGIN IMMEDIATE, queued so that two
// async transactions on the one connection never interleave).
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type Dialect = 'sqlite' | 'postgres';
export type Param = string | number | boolean | null;

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Runs a statement; `changes` is the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: Param[]): Promise<{ changes: number }>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface SqlDatabase extends Sql {
  /** Where the data lives, for logs (a file path, or the Postgres URL without its password). */
  readonly location: string;
  close(): Promise<void>;
}

/** `?` → `$1, $2 …` (our statements never carry a literal question mark). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  /**
   * The tail of the queue of transactions on this file, shared by every connection of this process to it:
   * a second connection's BEGIN would block the thread (busy_timeout) while the first one's transaction
   * waits for that same thread to go on. Statements outside a transaction wait for it too. Other processes
   * on the file wait in busy_timeout.
   */
  private static readonly queues = new Map<string, { tail: Promise<unknown>; users: number }>();
  private readonly key: string;
  private get queue(): Promise<unknown> {
    return SqliteDatabase.queues.get(this.key)!.tail;
  }
  private set queue(p: Promise<unknown>) {
    SqliteDatabase.queues.get(this.key)!.tail = p;
  }

  constructor(readonly location: string) {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    this.key = location === ':memory:' ? `:memory:${Math.random()}` : resolve(location);
    const q = SqliteDatabase.queues.get(this.key) ?? { tail: Promise.resolve(), users: 0 };
    q.users++;
    SqliteDatabase.queues.set(this.key, q);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
  }

  private direct(): Sql {
    const db = this.db;
    const self: Sql = {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: Param[] = []) => db.prepare(sql).all(...params.map(bind)) as T[],
      get: async <T>(sql: string, params: Param[] = []) =>
        db.prepare(sql).get(...params.map(bind)) as T | undefined,
      run: async (sql: string, params: Param[] = []) => ({
        changes: db.prepare(sql).run(...params.map(bind)).changes,
      }),
      // Nested: already inside the one open transaction.
      transaction: async <T>(fn: (tx: Sql) => Promise<T>) => fn(self),
    };
    return self;
  }

  private async serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.serial(() => this.direct().all<T>(sql, params));
  }
  get<T>(sql: string, params?: Param[]): Promise<T | undefined> {
    return this.serial(() => this.direct().get<T>(sql, params));
  }
  run(sql: string, params?: Param[]): Promise<{ changes: number }> {
    return this.serial(() => this.direct().run(sql, params));
  }
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(this.direct());
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }
  async close(): Promise<void> {
    await this.queue;
    this.db.close();
    const q = SqliteDatabase.queues.get(this.key)!;
    if (--q.users === 0) SqliteDatabase.queues.delete(this.key);
  }
}

const bind = (p: Param) => (typeof p === 'boolean' ? (p ? 1 : 0) : p);

/** A Postgres URL with its password replaced, for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface PostgresOptions {
  url: string;
  /** Connections per process. */
  poolSize?: number;
  /** A schema to work in (created when missing): tests keep to their own. */
  schema?: string;
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;

  constructor(options: PostgresOptions) {
    this.schema = options.schema;
    this.location = redactUrl(options.url);
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema))
      throw new Error(`Invalid schema name ${options.schema}`);
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle client losing its server (Postgres restarted) must not crash the process; the next query
    // gets a fresh connection.
    this.pool.on('error', () => undefined);
  }

  /** Creates the configured schema when missing (before the first migration). */
  async prepare(tx: Sql): Promise<void> {
    if (this.schema) await tx.run(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
  }

  private on(client: pg.Pool | pg.PoolClient): Sql {
    const self: Sql = {
      dialect: 'postgres',
      all: async <T>(sql: string, params: Param[] = []) =>
        (await client.query(numberPlaceholders(sql), params)).rows as T[],
      get: async <T>(sql: string, params: Param[] = []) =>
        (await client.query(numberPlaceholders(sql), params)).rows[0] as T | undefined,
      run: async (sql: string, params: Param[] = []) => ({
        changes: (await client.query(numberPlaceholders(sql), params)).rowCount ?? 0,
      }),
      transaction: async <T>(fn: (tx: Sql) => Promise<T>) =>
        client === this.pool ? this.transaction(fn) : fn(self),
    };
    return self;
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.on(this.pool).all<T>(sql, params);
  }
  get<T>(sql: string, params?: Param[]): Promise<T | undefined> {
    return this.on(this.pool).get<T>(sql, params);
  }
  run(sql: string, params?: Param[]): Promise<{ changes: number }> {
    return this.on(this.pool).run(sql, params);
  }
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(this.on(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  /**
   * Runs `fn` only if no other session holds the advisory lock `name` (one node of a cluster at a time);
   * resolves undefined without running it otherwise. The lock is held on one connection for as long as `fn` runs.
   */
  async exclusive<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const client = await this.pool.connect();
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        name,
      ]);
      if (!got.rows[0]?.ok) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }
  private ended = false;
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }
}
