// One contract, every backend: the same cases run against sqlite-vec (embedded) and a real Chroma
// server started from the chromadb package on a free port.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromaStore } from './chroma-store.ts';
import { startChromaServer, type ChromaServer } from './chroma-server.ts';
import { normalise } from './embedder.ts';
import { SqliteVecStore } from './sqlite-vec-store.ts';
import type { VectorStore } from './vector-store.ts';

const DIM = 8;
const unit = (...xs: number[]) => normalise([...xs, ...new Array(DIM - xs.length).fill(0)]);

interface Backend {
  name: string;
  open(): Promise<VectorStore>;
  teardown(): Promise<void>;
}

let chroma: ChromaServer | undefined;
let collections = 0;
const backends: Backend[] = [
  {
    name: 'sqlite-vec',
    async open() {
      return new SqliteVecStore(new Database(':memory:'), DIM);
    },
    async teardown() {},
  },
  {
    name: 'chroma',
    async open() {
      chroma ??= await startChromaServer();
      return new ChromaStore(chroma.url, `conformance_${process.pid}_${collections++}`);
    },
    async teardown() {
      await chroma?.stop();
    },
  },
];

describe.each(backends)('VectorStore conformance: $name', (backend) => {
  let store: VectorStore;
  beforeAll(async () => {
    store = await backend.open();
    await store.upsert([
      { id: 'a', vector: unit(1, 0, 0), docKey: '2025-sporting' },
      { id: 'b', vector: unit(0, 1, 0), docKey: '2025-sporting' },
      { id: 'c', vector: unit(1, 1, 0), docKey: '2026-sporting' },
      { id: 'd', vector: unit(0, 0, 1), docKey: '2026-general' },
    ]);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await backend.teardown();
  });

  it('returns the nearest records first with cosine distances', async () => {
    const res = await store.query(unit(1, 0.1, 0), 3);
    expect(res.map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(res[0]!.distance).toBeGreaterThanOrEqual(0);
    expect(res[0]!.distance).toBeLessThan(0.01);
    expect(res[1]!.distance).toBeCloseTo(1 - (1 + 0.1) / (Math.SQRT2 * Math.hypot(1, 0.1)), 3);
  });

  it('restricts a query to the given document editions', async () => {
    const res = await store.query(unit(1, 0, 0), 10, ['2026-sporting', '2026-general']);
    expect(res.map((r) => r.id).sort()).toEqual(['c', 'd']);
    expect(await store.query(unit(1, 0, 0), 10, [])).toEqual([]);
    expect(await store.query(unit(1, 0, 0), 10, ['2030-sporting'])).toEqual([]);
  });

  it('counts records overall and per document', async () => {
    expect(await store.count()).toBe(4);
    expect(await store.count('2025-sporting')).toBe(2);
    expect(await store.count('2030-sporting')).toBe(0);
  });

  it('upsert replaces a record with the same id', async () => {
    await store.upsert([{ id: 'b', vector: unit(0, 0, 0, 1), docKey: '2025-sporting' }]);
    expect(await store.count()).toBe(4);
    const res = await store.query(unit(0, 0, 0, 1), 1);
    expect(res[0]!.id).toBe('b');
  });

  it('deletes every record of one document and nothing else', async () => {
    await store.deleteDocument('2025-sporting');
    expect(await store.count('2025-sporting')).toBe(0);
    expect(await store.count()).toBe(2);
    const ids = (await store.query(unit(1, 0, 0), 10)).map((r) => r.id).sort();
    expect(ids).toEqual(['c', 'd']);
  });
});
