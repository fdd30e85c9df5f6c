// Chat history in its own writable SQLite file (CHATS_DB_PATH): the F1 database is read-only and
// replaced wholesale by imports, so conversations cannot live there. Every chat has an owner (an anonymous
// browser identity or an API token, see identity.ts); every read and write names it, so a chat of another
// owner is indistinguishable from one that does not exist.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';

export interface StoredMessage {
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  /** For assistant turns: engine, tools used, sources. */
  meta?: Record<string, unknown> | null;
}

export interface ChatSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}

export interface Chat extends Omit<ChatSummary, 'messageCount'> {
  messages: StoredMessage[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS chat (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, owner TEXT
);
CREATE TABLE IF NOT EXISTS store_secret (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chat_message (
  chat_id TEXT NOT NULL REFERENCES chat(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')), content TEXT NOT NULL, created_at TEXT NOT NULL,
  meta TEXT, PRIMARY KEY (chat_id, seq)
);
`;
// Files from before owners: the column is added, and their chats (owner NULL) belong to nobody.
const OWNER_INDEX = 'CREATE INDEX IF NOT EXISTS chat_owner_idx ON chat(owner, updated_at)';

type Turn = { role: 'user' | 'assistant'; content: string };

export class ChatStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('chat')").all() as { name: string }[];
    if (!columns.some((c) => c.name === 'owner')) this.db.exec('ALTER TABLE chat ADD COLUMN owner TEXT');
    this.db.exec('DROP INDEX IF EXISTS chat_updated_idx');
    this.db.exec(OWNER_INDEX);
  }

  /** A random secret made once and kept in this file (signs the identity cookie when COOKIE_SECRET is unset). */
  secret(name: string): string {
    const fresh = randomBytes(32).toString('base64url');
    this.db.prepare('INSERT OR IGNORE INTO store_secret (name, value) VALUES (?, ?)').run(name, fresh);
    return (this.db.prepare('SELECT value FROM store_secret WHERE name = ?').get(name) as { value: string })
      .value;
  }

  create(title: string, owner: string): string {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db
      .prepare('INSERT INTO chat (id, title, created_at, updated_at, owner) VALUES (?, ?, ?, ?, ?)')
      .run(id, title.slice(0, 120), now, now, owner);
    return id;
  }

  exists(id: string, owner: string): boolean {
    return this.db.prepare('SELECT 1 FROM chat WHERE id = ? AND owner = ?').get(id, owner) !== undefined;
  }

  /**
   * The history to answer from and store, given the one a client sent for a stored chat: the stored messages
   * where both have one (the client's copy of an answer never replaces the stored answer), then whatever the
   * client has beyond the stored chat. The client may stop short of the stored chat (regenerate, edit the last
   * question) or go beyond it, never change it: a different role or question at a stored place is refused.
   */
  mergeHistory(chatId: string, history: Turn[]): Turn[] {
    const stored = this.db
      .prepare('SELECT role, content FROM chat_message WHERE chat_id = ? ORDER BY seq')
      .all(chatId) as Turn[];
    const n = Math.min(stored.length, history.length);
    for (let i = 0; i < n; i++) {
      const [s, h] = [stored[i]!, history[i]!];
      if (s.role !== h.role || (s.role === 'user' && s.content !== h.content))
        throw new AppError(
          'conflict',
          `Message ${i + 1} differs from the stored chat: a stored history cannot be rewritten (start a new chat).`,
        );
    }
    return [...stored.slice(0, n), ...history.slice(n)];
  }

  append(chatId: string, messages: Omit<StoredMessage, 'createdAt'>[]): void {
    const now = new Date().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO chat_message (chat_id, seq, role, content, created_at, meta)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_message WHERE chat_id = ?), ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const m of messages)
        insert.run(chatId, chatId, m.role, m.content, now, m.meta ? JSON.stringify(m.meta) : null);
      this.db.prepare('UPDATE chat SET updated_at = ? WHERE id = ?').run(now, chatId);
    })();
  }

  /**
   * Stores a finished turn after the history the client answered from. The stored chat keeps the longest
   * prefix it shares with that history; what follows is replaced, so a regenerated answer (history ending
   * before the old answer) or an edited question never leaves the old turn behind or stores a question twice.
   */
  saveTurn(chatId: string, history: Turn[], turn: Omit<StoredMessage, 'createdAt'>[]): void {
    this.db.transaction(() => {
      const stored = this.db
        .prepare('SELECT seq, role, content FROM chat_message WHERE chat_id = ? ORDER BY seq')
        .all(chatId) as { seq: number; role: string; content: string }[];
      let kept = 0;
      while (
        kept < stored.length &&
        kept < history.length &&
        stored[kept]!.role === history[kept]!.role &&
        stored[kept]!.content === history[kept]!.content
      )
        kept++;
      if (kept < stored.length)
        this.db
          .prepare('DELETE FROM chat_message WHERE chat_id = ? AND seq >= ?')
          .run(chatId, stored[kept]!.seq);
      this.append(chatId, [...history.slice(kept), ...turn]);
    })();
  }

  list(owner: string, limit = 100): ChatSummary[] {
    return (
      this.db
        .prepare(
          `SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT COUNT(*) FROM chat_message m WHERE m.chat_id = c.id) AS n
           FROM chat c WHERE c.owner = ? ORDER BY c.updated_at DESC LIMIT ?`,
        )
        .all(owner, limit) as {
        id: string;
        title: string;
        created_at: string;
        updated_at: string;
        n: number;
      }[]
    ).map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      messageCount: r.n,
    }));
  }

  get(id: string, owner: string): Chat | undefined {
    const c = this.db
      .prepare('SELECT id, title, created_at, updated_at FROM chat WHERE id = ? AND owner = ?')
      .get(id, owner) as { id: string; title: string; created_at: string; updated_at: string } | undefined;
    if (!c) return undefined;
    const messages = (
      this.db
        .prepare('SELECT role, content, created_at, meta FROM chat_message WHERE chat_id = ? ORDER BY seq')
        .all(id) as {
        role: 'user' | 'assistant';
        content: string;
        created_at: string;
        meta: string | null;
      }[]
    ).map((m) => ({
      role: m.role,
      content: m.content,
      createdAt: m.created_at,
      meta: m.meta ? (JSON.parse(m.meta) as Record<string, unknown>) : null,
    }));
    return { id: c.id, title: c.title, createdAt: c.created_at, updatedAt: c.updated_at, messages };
  }

  delete(id: string, owner: string): boolean {
    return this.db.prepare('DELETE FROM chat WHERE id = ? AND owner = ?').run(id, owner).changes > 0;
  }

  /** Deletes every chat of an owner; returns how many. */
  deleteAll(owner: string): number {
    return this.db.prepare('DELETE FROM chat WHERE owner = ?').run(owner).changes;
  }

  close(): void {
    this.db.close();
  }
}
