// What route handlers need: configuration, the logger and lazily opened stores.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type Db } from '../data/db.ts';
import { ChatStore } from '../agent/chats.ts';

export interface AppContext {
  config: Config;
  logger: Logger;
  /** The F1 database, opened read-only on first use. */
  db(): Db;
  /** Agent chat history (writable SQLite at CHATS_DB_PATH), opened on first use. */
  chats(): ChatStore;
  close(): Promise<void>;
}

export function createContext(config: Config, logger: Logger): AppContext {
  let db: Db | undefined;
  let chats: ChatStore | undefined;
  const closers: (() => Promise<void> | void)[] = [];
  return {
    config,
    logger,
    db() {
      db ??= openDatabase(config.DATABASE_PATH);
      return db;
    },
    chats() {
      chats ??= new ChatStore(config.CHATS_DB_PATH);
      return chats;
    },
    async close() {
      chats?.close();
      chats = undefined;
      for (const c of closers) await c();
      db?.close();
      db = undefined;
    },
  };
}
