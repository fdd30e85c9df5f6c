// Versioned migrations of the run-time store, applied at start. Each domain lists its own (chats, tokens,
// tracker …) with ids that sort in the order they were written ("chats-001"); a migration runs once per
// database, recorded in store_migration. Several nodes starting together against one PostgreSQL database
// take an advisory lock first, so exactly one applies what is missing and the others find it done.
import type { Sql, SqlDatabase } from './sql.ts';
import { PostgresDatabase } from './sql.ts';

export interface Migration {
  /** `<domain>-<nnn>`; never renamed or edited once released (add a new one instead). */
  id: string;
  up(sql: Sql): Promise<void>;
}

/** A migration that runs one script per dialect (statements separated by `;` at line ends). */
export function script(id: string, sqlite: string, postgres: string = sqlite): Migration {
  return {
    id,
    async up(sql) {
      const text = sql.dialect === 'sqlite' ? sqlite : postgres;
      for (const statement of text
        .split(/;\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean))
        await sql.run(statement);
    },
  };
}

/** Arbitrary, stable key of the migration lock (pg_advisory_xact_lock). */
const MIGRATION_LOCK = 17_017_001;

/** Applies every migration not yet recorded; returns the ids applied now. */
export async function migrate(db: SqlDatabase, migrations: Migration[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const m of migrations) {
    if (ids.has(m.id)) throw new Error(`Duplicate migration id ${m.id}`);
    ids.add(m.id);
  }
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') {
      await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      if (db instanceof PostgresDatabase) await db.prepare(tx);
    }
    await tx.run(
      'CREATE TABLE IF NOT EXISTS store_migration (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set((await tx.all<{ id: string }>('SELECT id FROM store_migration')).map((r) => r.id));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await m.up(tx);
      await tx.run('INSERT INTO store_migration (id, applied_at) VALUES (?, ?)', [
        m.id,
        new Date().toISOString(),
      ]);
      applied.push(m.id);
    }
    return applied;
  });
}

/** The ids recorded as applied (readiness: every known migration is among them). */
export async function appliedMigrations(db: Sql): Promise<string[]> {
  try {
    return (await db.all<{ id: string }>('SELECT id FROM store_migration ORDER BY id')).map((r) => r.id);
  } catch {
    return [];
  }
}
