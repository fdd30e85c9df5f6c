// LLM use per UTC day, per identity and in total (identity '*'), shared by every node through the store:
// the counters behind the spend limits (src/agent/spend.ts).
import { script, type Migration } from './migrate.ts';
import type { Sql } from './sql.ts';

export const USAGE_MIGRATIONS: Migration[] = [
  script(
    'usage-001',
    `CREATE TABLE IF NOT EXISTS llm_usage (
       day TEXT NOT NULL, identity TEXT NOT NULL, answers INTEGER NOT NULL, tokens INTEGER NOT NULL,
       PRIMARY KEY (day, identity)
     )`,
  ),
];

export const TOTAL = '*';

export class UsageStore {
  constructor(private readonly sql: Sql) {}

  async get(day: string, identity: string): Promise<{ answers: number; tokens: number }> {
    const row = await this.sql.get<{ answers: number | string; tokens: number | string }>(
      'SELECT answers, tokens FROM llm_usage WHERE day = ? AND identity = ?',
      [day, identity],
    );
    return { answers: Number(row?.answers ?? 0), tokens: Number(row?.tokens ?? 0) };
  }

  /** Adds one answer and its tokens to the identity's and the total's counters of that day, atomically. */
  async add(day: string, identity: string, tokens: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const who of identity === TOTAL ? [TOTAL] : [identity, TOTAL])
        await tx.run(
          `INSERT INTO llm_usage (day, identity, answers, tokens) VALUES (?, ?, 1, ?)
           ON CONFLICT (day, identity) DO UPDATE SET answers = llm_usage.answers + 1,
             tokens = llm_usage.tokens + excluded.tokens`,
          [day, who, Math.round(tokens)],
        );
    });
  }
}
