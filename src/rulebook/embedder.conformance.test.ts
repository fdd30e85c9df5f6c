// One contract for every Embedder (src/rulebook/embedder.ts), run against the built-in USE-lite model and the
// OpenAI-compatible provider embedder (against a local server speaking the real wire format): an id, a known
// vector size, one unit vector per text in order, the same vector for the same text alone or in a batch or
// concurrently, nothing lost on empty, long or non-Latin text, and related texts nearer than unrelated ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UseLiteEmbedder, type Embedder } from './embedder.ts';
import { ProviderEmbedder } from './provider-embedder.ts';
import { startEmbeddingsServer, type EmbeddingsServer } from './testing/embeddings-server.ts';

let server: EmbeddingsServer;
beforeAll(async () => {
  server = await startEmbeddingsServer(64);
});
afterAll(() => server?.close());

const backends: { name: string; make: () => Embedder }[] = [
  { name: 'USE-lite (built in)', make: () => new UseLiteEmbedder({ threads: 1 }) },
  {
    name: 'provider (OpenAI-compatible /embeddings)',
    make: () => new ProviderEmbedder({ baseURL: server.baseURL, model: 'conformance', batchSize: 4 }),
  },
];

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const close = (a: Float32Array, b: Float32Array) => a.every((x, i) => Math.abs(x - b[i]!) < 1e-4);

describe.each(backends)('Embedder conformance: $name', ({ make }) => {
  let e: Embedder;
  beforeAll(async () => {
    e = make();
    await e.init?.();
  }, 60_000);

  it('names its model and knows its vector size', () => {
    expect(e.id).toMatch(/\S/);
    expect(Number.isInteger(e.dimensions) && e.dimensions > 0).toBe(true);
  });

  it('gives one finite unit vector per text, in order', async () => {
    const texts = ['safety car', 'red flag', 'cost cap', 'wind tunnel', 'pit lane', 'parc fermé'];
    const out = await e.embed(texts);
    expect(out).toHaveLength(texts.length);
    for (const v of out) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(e.dimensions);
      expect(v.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    const alone = await e.embed([texts[3]!]);
    expect(close(alone[0]!, out[3]!)).toBe(true);
  });

  it('embeds nothing to nothing', async () => {
    expect(await e.embed([])).toEqual([]);
  });

  it('is deterministic: alone, in a batch, repeated and concurrent give the same vector', async () => {
    const text = 'Unsafe release from the pit stop';
    const [a] = await e.embed([text]);
    const batch = await e.embed(['a warm-up text', text, text, 'another one']);
    const parallel = await Promise.all([e.embed([text]), e.embed(['x', text]), e.embed([text, 'y'])]);
    for (const v of [batch[1]!, batch[2]!, parallel[0]![0]!, parallel[1]![1]!, parallel[2]![0]!])
      expect(close(v, a!)).toBe(true);
  });

  it('handles empty, long and non-Latin text', async () => {
    const out = await e.embed(['', 'x'.repeat(20_000), 'Räikkönen — 角田裕毅 — Ωmega 🏁', '   ']);
    expect(out).toHaveLength(4);
    for (const v of out) {
      expect(v.length).toBe(e.dimensions);
      expect(v.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
  });

  it('puts related texts nearer than unrelated ones', async () => {
    const [q, near, far] = await e.embed([
      'the safety car was deployed after the crash',
      'deployment of the safety car',
      'power unit financial cost cap reporting',
    ]);
    expect(dot(q!, near!)).toBeGreaterThan(dot(q!, far!));
  });
});
