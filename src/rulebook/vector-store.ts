// The contract every vector backend meets (sqlite-vec embedded, Chroma server). Vectors are
// L2-normalised by the embedder; `distance` is cosine distance (0 = same direction).
// One conformance suite (vector-store.conformance.test.ts) runs against every backend.

export interface VectorRecord {
  id: string;
  vector: Float32Array;
  /** The document edition the vector belongs to (e.g. "2025-sporting"): the unit filters work on. */
  docKey: string;
}

export interface VectorMatch {
  id: string;
  distance: number;
}

export interface VectorStore {
  readonly backend: 'sqlite-vec' | 'chroma';
  /** Inserts or replaces records by id. */
  upsert(records: VectorRecord[]): Promise<void>;
  /** Removes every record of one document edition. */
  deleteDocument(docKey: string): Promise<void>;
  /** The k nearest records, nearest first; `docKeys` restricts the search to those editions. */
  query(vector: Float32Array, k: number, docKeys?: readonly string[]): Promise<VectorMatch[]>;
  count(docKey?: string): Promise<number>;
  close(): Promise<void>;
}
