// Vectors in a Chroma server (the `chromadb` client): the shared store when several server nodes
// serve one rulebook. Embeddings are computed by our Embedder, never by Chroma.
import { ChromaClient, type Collection } from 'chromadb';
import { AppError } from '../errors.ts';
import type { VectorMatch, VectorRecord, VectorStore } from './vector-store.ts';

const BATCH = 500;

export class ChromaStore implements VectorStore {
  readonly backend = 'chroma' as const;
  private collection?: Promise<Collection>;
  private readonly client: ChromaClient;

  constructor(
    url: string,
    private readonly collectionName = 'rulebook',
  ) {
    const u = new URL(url);
    this.client = new ChromaClient({
      host: u.hostname,
      port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)),
      ssl: u.protocol === 'https:',
    });
  }

  private coll(): Promise<Collection> {
    this.collection ??= this.client
      .getOrCreateCollection({
        name: this.collectionName,
        embeddingFunction: null,
        configuration: { hnsw: { space: 'cosine' } },
      })
      .catch((err: unknown) => {
        this.collection = undefined;
        throw new AppError('unavailable', `Chroma server unreachable: ${(err as Error).message}`);
      });
    return this.collection;
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    const c = await this.coll();
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      await c.upsert({
        ids: batch.map((r) => r.id),
        embeddings: batch.map((r) => Array.from(r.vector)),
        metadatas: batch.map((r) => ({ doc_key: r.docKey })),
      });
    }
  }

  async deleteDocument(docKey: string): Promise<void> {
    await (await this.coll()).delete({ where: { doc_key: docKey } });
  }

  async query(vector: Float32Array, k: number, docKeys?: readonly string[]): Promise<VectorMatch[]> {
    if (docKeys && docKeys.length === 0) return [];
    const c = await this.coll();
    const where =
      docKeys === undefined
        ? undefined
        : docKeys.length === 1
          ? { doc_key: docKeys[0]! }
          : { doc_key: { $in: [...docKeys] } };
    const res = await c.query({
      queryEmbeddings: [Array.from(vector)],
      nResults: k,
      ...(where ? { where } : {}),
      include: ['distances'],
    });
    const ids = res.ids[0] ?? [];
    const distances = res.distances[0] ?? [];
    return ids.map((id, i) => ({ id, distance: distances[i] ?? 1 }));
  }

  async count(docKey?: string): Promise<number> {
    const c = await this.coll();
    if (!docKey) return c.count();
    const res = await c.get({ where: { doc_key: docKey }, include: [] });
    return res.ids.length;
  }

  async close(): Promise<void> {
    this.collection = undefined;
  }
}
