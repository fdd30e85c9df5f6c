// Chat history in the run-time store (src/store/: a SQLite file at CHATS_DB_PATH, or PostgreSQL when
// DATABASE_URL is set, so every node behind a load balancer sees the same chats). The F1 database is
// read-only and replaced wholesale by imports, so conversations cannot live there. Every chat has an owner
// (an anonymous browser identity or an API token, see identity.ts); every read and write names it, so a chat
// of another owner is indistinguishable from one that does not exist.
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import { script, type Migration } from '../store/migrate.ts';
import type { Sql } from '../store/sql.ts';

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

export const CHAT_MIGRATIONS: Migration[] = [
  script(
    'chats-001',
    `CREATE TABLE IF NOT EXISTS chat (
       id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, owner TEXT
     );
     CREATE TABLE IF NOT EXISTS chat_message (
       chat_id TEXT NOT NULL REFERENCES chat(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
       role TEXT NOT NULL CHECK (role IN ('user', 'assistant')), content TEXT NOT NULL, created_at TEXT NOT NULL,
       meta TEXT, PRIMARY KEY (chat_id, seq)
     )`,
  ),
  {
    // Files from before owners (and before versioned migrations): the column is added, and their chats
    // (owner NULL) belong to nobody.
    id: 'chats-002',
    async up(sql) {
      if (sql.dialect === 'sqlite') {
        const cols = await sql.all<{ name: string }>("SELECT name FROM pragma_table_info('chat')");
        if (!cols.some((c) => c.name === 'owner')) await sql.run('ALTER TABLE chat ADD COLUMN owner TEXT');
        await sql.run('DROP INDEX IF EXISTS chat_updated_idx');
      }
      await sql.run('CREATE INDEX IF NOT EXISTS chat_owner_idx ON chat(owner, updated_at)');
    },
  },
];

type Turn = { role: 'user' | 'assistant'; content: string };

export class ChatStore {
  constructor(private readonly sql: Sql) {}

  async create(title: string, owner: string): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.sql.run('INSERT INTO chat (id, title, created_at, updated_at, owner) VALUES (?, ?, ?, ?, ?)', [
      id,
      title.slice(0, 120),
      now,
      now,
      owner,
    ]);
    return id;
  }

  async exists(id: string, owner: string): Promise<boolean> {
    return (
      (await this.sql.get('SELECT 1 AS x FROM chat WHERE id = ? AND owner = ?', [id, owner])) !== undefined
    );
  }

  /**
   * The history to answer from and store, given the one a client sent for a stored chat: the stored messages
   * where both have one (the client's copy of an answer never replaces the stored answer), then whatever the
   * client has beyond the stored chat. The client may stop short of the stored chat (regenerate, edit the last
   * question) or go beyond it, never change it: a different role or question at a stored place is refused.
   */
  async mergeHistory(chatId: string, history: Turn[]): Promise<Turn[]> {
    const stored = await this.sql.all<Turn>(
      'SELECT role, content FROM chat_message WHERE chat_id = ? ORDER BY seq',
      [chatId],
    );
    const n = Math.min(stored.length, history.length);
    for (let i = 0; i < n; i++) {
      const [s, h] = [stored[i]!, history[i]!];
      if (s.role !== h.role || (s.role === 'user' && s.content !== h.content))
        throw new AppError(
          'conflict',
          `Message ${i + 1} differs from the stored chat: a stored history cannot be rewritten (start a new chat).`,
        );
    }
    return [...stored.slice(0, n), ...history.slice(n)].map((m) => ({ role: m.role, content: m.content }));
  }

  async append(chatId: string, messages: Omit<StoredMessage, 'createdAt'>[]): Promise<void> {
    await this.sql.transaction((tx) => appendIn(tx, chatId, messages));
  }

  /**
   * Stores a finished turn after the history the client answered from. The stored chat keeps the longest
   * prefix it shares with that history; what follows is replaced, so a regenerated answer (history ending
   * before the old answer) or an edited question never leaves the old turn behind or stores a question twice.
   */
  async saveTurn(chatId: string, history: Turn[], turn: Omit<StoredMessage, 'createdAt'>[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await lockChat(tx, chatId);
      const stored = await tx.all<{ seq: number; role: string; content: string }>(
        'SELECT seq, role, content FROM chat_message WHERE chat_id = ? ORDER BY seq',
        [chatId],
      );
      let kept = 0;
      while (
        kept < stored.length &&
        kept < history.length &&
        stored[kept]!.role === history[kept]!.role &&
        stored[kept]!.content === history[kept]!.content
      )
        kept++;
      if (kept < stored.length)
        await tx.run('DELETE FROM chat_message WHERE chat_id = ? AND seq >= ?', [chatId, stored[kept]!.seq]);
      await appendIn(tx, chatId, [...history.slice(kept), ...turn]);
    });
  }

  async list(owner: string, limit = 100): Promise<ChatSummary[]> {
    const rows = await this.sql.all<{
      id: string;
      title: string;
      created_at: string;
      updated_at: string;
      n: number | string;
    }>(
      `SELECT c.id, c.title, c.created_at, c.updated_at, (SELECT COUNT(*) FROM chat_message m WHERE m.chat_id = c.id) AS n
       FROM chat c WHERE c.owner = ? ORDER BY c.updated_at DESC, c.id LIMIT ?`,
      [owner, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      messageCount: Number(r.n),
    }));
  }

  async get(id: string, owner: string): Promise<Chat | undefined> {
    const c = await this.sql.get<{ id: string; title: string; created_at: string; updated_at: string }>(
      'SELECT id, title, created_at, updated_at FROM chat WHERE id = ? AND owner = ?',
      [id, owner],
    );
    if (!c) return undefined;
    const messages = (
      await this.sql.all<{
        role: 'user' | 'assistant';
        content: string;
        created_at: string;
        meta: string | null;
      }>('SELECT role, content, created_at, meta FROM chat_message WHERE chat_id = ? ORDER BY seq', [id])
    ).map((m) => ({
      role: m.role,
      content: m.content,
      createdAt: m.created_at,
      meta: m.meta ? (JSON.parse(m.meta) as Record<string, unknown>) : null,
    }));
    return { id: c.id, title: c.title, createdAt: c.created_at, updatedAt: c.updated_at, messages };
  }

  async delete(id: string, owner: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM chat WHERE id = ? AND owner = ?', [id, owner])).changes > 0;
  }

  /** Deletes every chat of an owner; returns how many. */
  async deleteAll(owner: string): Promise<number> {
    return (await this.sql.run('DELETE FROM chat WHERE owner = ?', [owner])).changes;
  }
}

/** Serialises writes to one chat across nodes (Postgres row lock); SQLite's BEGIN IMMEDIATE already does. */
async function lockChat(tx: Sql, chatId: string): Promise<void> {
  if (tx.dialect === 'postgres') await tx.get('SELECT id FROM chat WHERE id = ? FOR UPDATE', [chatId]);
}

async function appendIn(
  tx: Sql,
  chatId: string,
  messages: Omit<StoredMessage, 'createdAt'>[],
): Promise<void> {
  await lockChat(tx, chatId);
  const now = new Date().toISOString();
  for (const m of messages)
    await tx.run(
      `INSERT INTO chat_message (chat_id, seq, role, content, created_at, meta)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_message WHERE chat_id = ?), ?, ?, ?, ?)`,
      [chatId, chatId, m.role, m.content, now, m.meta ? JSON.stringify(m.meta) : null],
    );
  await tx.run('UPDATE chat SET updated_at = ? WHERE id = ?', [now, chatId]);
}
