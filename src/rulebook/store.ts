// The rulebook's SQLite file: documents, chunks, the FTS5 index over them and the embedding cache.
// With the default backend the sqlite-vec vectors live in the same file (see sqlite-vec-store.ts).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Chunk, DocumentInfo, Section } from './types.ts';

export interface StoredDocument extends DocumentInfo {
  path: string;
  sha256: string;
  pages: number;
  chunks: number;
  embeddedWith: string;
}

export interface StoredChunk extends Chunk {
  rowid: number;
}

/** BM25 weight of definitions-appendix chunks (measured: +1 question first on each of two held-out sets). */
const DEFINITIONS_WEIGHT = 0.5;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  key TEXT PRIMARY KEY, file TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
  season INTEGER NOT NULL, section TEXT NOT NULL, title TEXT NOT NULL, issue INTEGER, issue_date TEXT,
  pages INTEGER NOT NULL, chunks INTEGER NOT NULL, embedded_with TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_key TEXT NOT NULL REFERENCES documents(key),
  article TEXT NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL, page_start INTEGER NOT NULL, page_end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc_article ON chunks(doc_key, article);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
  article, heading, text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS embedding_cache (
  hash TEXT NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (hash, model)) WITHOUT ROWID;
`;

interface DocumentRow {
  key: string;
  file: string;
  path: string;
  sha256: string;
  season: number;
  section: Section;
  title: string;
  issue: number | null;
  issue_date: string | null;
  pages: number;
  chunks: number;
  embedded_with: string;
}

interface ChunkRow {
  rowid: number;
  id: string;
  doc_key: string;
  article: string;
  heading: string;
  text: string;
  page_start: number;
  page_end: number;
}

const toChunk = (r: ChunkRow): StoredChunk => ({
  rowid: r.rowid,
  id: r.id,
  docKey: r.doc_key,
  article: r.article,
  heading: r.heading,
  text: r.text,
  pageStart: r.page_start,
  pageEnd: r.page_end,
});

export class RulebookStore {
  readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000'); // a background ingest (worker thread) may be writing
    this.db.exec(SCHEMA);
  }

  documents(): StoredDocument[] {
    const rows = this.db.prepare('SELECT * FROM documents ORDER BY season, section').all() as DocumentRow[];
    return rows.map((r) => ({
      key: r.key,
      file: r.file,
      path: r.path,
      sha256: r.sha256,
      season: r.season,
      section: r.section,
      title: r.title,
      issue: r.issue,
      issueDate: r.issue_date,
      pages: r.pages,
      chunks: r.chunks,
      embeddedWith: r.embedded_with,
    }));
  }

  /** Replaces a document edition and all its chunks in one transaction. */
  replaceDocument(doc: Omit<StoredDocument, 'chunks'>, chunks: Chunk[]): void {
    this.db.transaction(() => {
      this.deleteDocumentRows(doc.key);
      this.db
        .prepare(
          `INSERT INTO documents (key, file, path, sha256, season, section, title, issue, issue_date, pages, chunks, embedded_with, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          doc.key,
          doc.file,
          doc.path,
          doc.sha256,
          doc.season,
          doc.section,
          doc.title,
          doc.issue,
          doc.issueDate,
          doc.pages,
          chunks.length,
          doc.embeddedWith,
          new Date().toISOString(),
        );
      const ins = this.db.prepare(
        `INSERT INTO chunks (id, doc_key, article, heading, text, page_start, page_end) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      const fts = this.db.prepare(
        'INSERT INTO chunks_fts (rowid, article, heading, text) VALUES (?, ?, ?, ?)',
      );
      for (const c of chunks) {
        const { lastInsertRowid } = ins.run(
          c.id,
          c.docKey,
          c.article,
          c.heading,
          c.text,
          c.pageStart,
          c.pageEnd,
        );
        fts.run(lastInsertRowid, c.article, c.heading, c.text);
      }
    })();
  }

  private deleteDocumentRows(key: string): void {
    this.db
      .prepare('DELETE FROM chunks_fts WHERE rowid IN (SELECT rowid FROM chunks WHERE doc_key = ?)')
      .run(key);
    this.db.prepare('DELETE FROM chunks WHERE doc_key = ?').run(key);
    this.db.prepare('DELETE FROM documents WHERE key = ?').run(key);
  }

  chunksById(ids: readonly string[]): Map<string, StoredChunk> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT * FROM chunks WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as ChunkRow[];
    return new Map(rows.map((r) => [r.id, toChunk(r)]));
  }

  chunksOf(docKey: string): StoredChunk[] {
    return (
      this.db.prepare('SELECT * FROM chunks WHERE doc_key = ? ORDER BY rowid').all(docKey) as ChunkRow[]
    ).map(toChunk);
  }

  /** The chunks of an article and its sub-articles ("55" → 55, 55.1, 55.17 …), in document order. */
  articleChunks(article: string, docKeys: readonly string[]): StoredChunk[] {
    if (docKeys.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT * FROM chunks WHERE doc_key IN (${docKeys.map(() => '?').join(',')})
           AND (article = ? COLLATE NOCASE OR article LIKE ? ESCAPE '\\') ORDER BY rowid`,
      )
      .all(...docKeys, article, `${article.replace(/[%_\\]/g, '\\$&')}.%`) as ChunkRow[];
    return rows.map(toChunk);
  }

  /** BM25 over article id, heading and text (heading weighted up); `match` is an FTS5 query. */
  bm25(match: string, docKeys: readonly string[], limit: number): { id: string; score: number }[] {
    if (docKeys.length === 0) return [];
    // Rank inside FTS5 first (materialised), then filter by edition: joining first makes SQLite
    // re-run the MATCH per chunk row, which is two orders of magnitude slower. Chunks of a definitions
    // appendix weigh half: they name every defined term, so they match many questions they do not answer.
    return this.db
      .prepare(
        `WITH m AS MATERIALIZED (
           SELECT rowid, bm25(chunks_fts, 2.0, 3.0, 1.0) AS s FROM chunks_fts WHERE chunks_fts MATCH ?),
         r AS (SELECT c.id AS id, -m.s * (CASE WHEN c.heading LIKE 'APPENDIX%DEFINITIONS%' THEN ? ELSE 1 END) AS score
           FROM m JOIN chunks c ON c.rowid = m.rowid WHERE c.doc_key IN (${docKeys.map(() => '?').join(',')}))
         SELECT id, score FROM r ORDER BY score DESC LIMIT ?`,
      )
      .all(match, DEFINITIONS_WEIGHT, ...docKeys, limit) as { id: string; score: number }[];
  }

  cachedVectors(hashes: readonly string[], model: string): Map<string, Float32Array> {
    const out = new Map<string, Float32Array>();
    const get = this.db.prepare('SELECT vector FROM embedding_cache WHERE hash = ? AND model = ?');
    for (const h of hashes) {
      const row = get.get(h, model) as { vector: Buffer } | undefined;
      if (row)
        out.set(
          h,
          new Float32Array(
            row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength),
          ),
        );
    }
    return out;
  }

  cacheVectors(entries: [hash: string, vector: Float32Array][], model: string): void {
    const put = this.db.prepare(
      'INSERT OR REPLACE INTO embedding_cache (hash, model, vector) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const [h, v] of entries) put.run(h, model, Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    })();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
