// What route handlers need: configuration, the logger and lazily opened stores.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type Db } from '../data/db.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  /** The F1 database, opened read-only on first use. */
  db(): Db;
  close(): Promise<void>;
}

export function createContext(config: Config, logger: Logger): AppContext {
  let db: Db | undefined;
  const closers: (() => Promise<void> | void)[] = [];
  return {
    config,
    logger,
    db() {
      db ??= openDatabase(config.DATABASE_PATH);
      return db;
    },
    async close() {
      for (const c of closers) await c();
      db?.close();
      db = undefined;
    },
  };
}
