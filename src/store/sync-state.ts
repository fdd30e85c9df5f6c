// The versions of the data sources installed by the data sync (f1db `v2026.20.1`, …), shared by every node
// through the store: the node that ran a sync records what it installed, and the others, which keep their own
// copy of the data (each node its own read-only F1 database file), see that a newer version exists and sync
// it themselves, one node at a time (docs/data-sync.md, "Several nodes").
import { script, type Migration } from './migrate.ts';
import type { Sql } from './sql.ts';

export const SYNC_STATE_MIGRATIONS: Migration[] = [
  script(
    'sync-001',
    `CREATE TABLE IF NOT EXISTS data_versions (
       source TEXT PRIMARY KEY, version TEXT NOT NULL, node TEXT NOT NULL, updated_at TEXT NOT NULL
     )`,
  ),
];

export interface DataVersion {
  source: string;
  version: string;
  /** Which node installed it first. */
  node: string;
  updatedAt: string;
}

export class SyncStateStore {
  constructor(private readonly sql: Sql) {}

  /** Records the version a node installed; a version already recorded keeps its first node and time. */
  async record(source: string, version: string, node: string, at = new Date()): Promise<void> {
    await this.sql.run(
      `INSERT INTO data_versions (source, version, node, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (source) DO UPDATE SET version = excluded.version, node = excluded.node,
         updated_at = excluded.updated_at
       WHERE data_versions.version <> excluded.version`,
      [source, version, node, at.toISOString()],
    );
  }

  async versions(): Promise<DataVersion[]> {
    const rows = await this.sql.all<{ source: string; version: string; node: string; updated_at: string }>(
      'SELECT source, version, node, updated_at FROM data_versions ORDER BY source',
    );
    return rows.map((r) => ({ source: r.source, version: r.version, node: r.node, updatedAt: r.updated_at }));
  }
}
