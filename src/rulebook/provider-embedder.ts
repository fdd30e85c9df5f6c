// Embeddings from any OpenAI-compatible `/embeddings` endpoint: OpenAI, Ollama (`nomic-embed-text`,
// `bge-m3`…), vLLM, llama.cpp server, text-embeddings-inference. The way to a stronger model than the
// built-in USE-lite: `EMBEDDING_MODEL_NAME=openai:<model>` with `EMBEDDING_BASE_URL` (default
// `OPENAI_BASE_URL`). The vector size is learned from the first reply unless configured.
import OpenAI from 'openai';
import { AppError } from '../errors.ts';
import { normalise, type Embedder } from './embedder.ts';

export interface ProviderEmbedderOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  /** Known vector size; otherwise `init()` asks the endpoint once. */
  dimensions?: number;
  /** Texts per request (providers cap the batch; 64 suits all of the above). */
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

export class ProviderEmbedder implements Embedder {
  readonly id: string;
  private size?: number;
  private readonly client: OpenAI;

  constructor(private readonly opts: ProviderEmbedderOptions) {
    this.id = `openai:${opts.model}`;
    this.size = opts.dimensions;
    this.client = new OpenAI({
      baseURL: opts.baseURL,
      apiKey: opts.apiKey ?? 'none', // local servers (Ollama, vLLM) take any key
      timeout: opts.timeoutMs ?? 60_000,
      maxRetries: opts.maxRetries ?? 3, // the SDK backs off on 429 and 5xx
    });
  }

  get dimensions(): number {
    if (this.size === undefined) throw new Error(`the vector size of ${this.id} is not known before init()`);
    return this.size;
  }

  async init(): Promise<void> {
    if (this.size === undefined) await this.embed(['dimension probe']);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    // Blank texts are not sent (OpenAI refuses empty input): they get one fixed unit vector, as does a
    // zero vector from the endpoint, so every text has a unit vector (the Embedder contract).
    const sent = texts.map((t, i) => ({ t, i })).filter(({ t }) => t.trim() !== '');
    const vectors = await this.embedSent(sent.map(({ t }) => t));
    if (vectors.length === texts.length) return vectors;
    if (texts.length > 0 && this.size === undefined) await this.init();
    const out: Float32Array[] = texts.map(() => this.blank());
    sent.forEach(({ i }, k) => (out[i] = vectors[k]!));
    return out;
  }

  private blank(): Float32Array {
    const v = new Float32Array(this.dimensions);
    v[0] = 1;
    return v;
  }

  private async embedSent(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const batchSize = this.opts.batchSize ?? 64;
    for (let i = 0; i < texts.length; i += batchSize) {
      const batch = texts.slice(i, i + batchSize);
      let res: OpenAI.CreateEmbeddingResponse;
      try {
        res = await this.client.embeddings.create({
          model: this.opts.model,
          input: batch,
          encoding_format: 'float',
        });
      } catch (err) {
        throw new AppError(
          'unavailable',
          `the embedding endpoint ${this.opts.baseURL} failed for ${this.opts.model}: ${(err as Error).message}`,
        );
      }
      if (res.data.length !== batch.length) {
        throw new AppError(
          'unavailable',
          `the embedding endpoint returned ${res.data.length} vectors for ${batch.length} texts`,
        );
      }
      // Replies carry an index; do not trust their order.
      for (const item of [...res.data].sort((a, b) => a.index - b.index)) {
        const v = normalise(item.embedding);
        if (v.every((x) => x === 0) && v.length > 0) v[0] = 1;
        this.size ??= v.length;
        if (v.length !== this.size) {
          throw new AppError(
            'unavailable',
            `${this.id} returned a ${v.length}-d vector; the index holds ${this.size}-d vectors`,
          );
        }
        out.push(v);
      }
    }
    return out;
  }
}
