// Vectors in the rulebook's own SQLite file through the sqlite-vec extension (vec0 virtual table),
// so text, FTS5 index and vectors live in one file and one transaction.
import type Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import type { Logger } from '../logger.ts';
import type { VectorMatch, VectorRecord, VectorStore } from './vector-store.ts';

export class SqliteVecStore implements VectorStore {
  readonly backend = 'sqlite-vec' as const;

  constructor(
    private readonly db: Database.Database,
    private readonly dimensions: number,
    logger?: Logger,
  ) {
    sqliteVec.load(db);
    // A different embedding model (another vector size) makes the old vectors useless: drop them. Every
    // document then records another model, so the next ingest embeds it again; lexical search goes on.
    const existing = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'chunk_vectors'")
      .get() as { sql: string } | undefined;
    const size = existing && /FLOAT\[(\d+)\]/i.exec(existing.sql)?.[1];
    if (size && Number(size) !== dimensions) {
      db.exec('DROP TABLE chunk_vectors');
      logger?.warn(
        { event: 'rulebook.vectors.reset', from: Number(size), to: dimensions },
        'embedding size changed: stored vectors dropped; run "race-engineer rulebook ingest"',
      );
    }
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS chunk_vectors USING vec0(
         chunk_id TEXT PRIMARY KEY, embedding FLOAT[${dimensions}] distance_metric=cosine, doc_key TEXT)`,
    );
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM chunk_vectors WHERE chunk_id = ?');
    const ins = this.db.prepare('INSERT INTO chunk_vectors(chunk_id, embedding, doc_key) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const r of records) {
        if (r.vector.length !== this.dimensions) {
          throw new Error(
            `vector for ${r.id} has ${r.vector.length} dimensions, expected ${this.dimensions}`,
          );
        }
        del.run(r.id);
        ins.run(r.id, r.vector, r.docKey);
      }
    })();
  }

  async deleteDocument(docKey: string): Promise<void> {
    this.db.prepare('DELETE FROM chunk_vectors WHERE doc_key = ?').run(docKey);
  }

  async query(vector: Float32Array, k: number, docKeys?: readonly string[]): Promise<VectorMatch[]> {
    if (docKeys && docKeys.length === 0) return [];
    const filter = docKeys ? `AND doc_key IN (${docKeys.map(() => '?').join(',')})` : '';
    return this.db
      .prepare(
        `SELECT chunk_id AS id, distance FROM chunk_vectors
         WHERE embedding MATCH ? AND k = ? ${filter} ORDER BY distance`,
      )
      .all(vector, Math.min(k, 4096), ...(docKeys ?? [])) as VectorMatch[];
  }

  async count(docKey?: string): Promise<number> {
    const row = docKey
      ? this.db.prepare('SELECT count(*) AS n FROM chunk_vectors WHERE doc_key = ?').get(docKey)
      : this.db.prepare('SELECT count(*) AS n FROM chunk_vectors').get();
    return (row as { n: number }).n;
  }

  async close(): Promise<void> {
    // The database handle belongs to the rulebook store, which closes it.
  }
}
