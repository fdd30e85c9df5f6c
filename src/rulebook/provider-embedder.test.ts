// The OpenAI-compatible embedder against a local HTTP server speaking the real `/v1/embeddings` wire
// format (vectors: hashed bag of words, 64-d, replies deliberately out of order), then a real rulebook
// (one regulation PDF) indexed with it, and the switch back to the built-in model on the same file.
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { createEmbedder, UseLiteEmbedder } from './embedder.ts';
import { ProviderEmbedder } from './provider-embedder.ts';
import { Rulebook } from './rulebook.ts';

const DIMS = 64;

function hashedBagOfWords(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  for (const w of text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)) {
    let h = 2166136261;
    for (const ch of w) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    v[(h >>> 0) % DIMS]! += 1;
  }
  return v;
}

let server: Server;
let baseURL: string;
const seen: { inputs: number; auth?: string }[] = [];
let failNext = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      if (failNext > 0) {
        failNext--;
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': '10' })
          .end('{"error":{"message":"Rate limit reached","type":"rate_limit_error"}}');
        return;
      }
      const { model, input } = JSON.parse(body) as { model: string; input: string[] };
      seen.push({ inputs: input.length, auth: req.headers.authorization });
      const data = input.map((t, index) => ({ object: 'embedding', index, embedding: hashedBagOfWords(t) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: data.reverse(), // order is the index field's job
          model,
          usage: { prompt_tokens: input.length, total_tokens: input.length },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('ProviderEmbedder', () => {
  it('learns its vector size once, batches, keeps input order and normalises', async () => {
    seen.length = 0;
    const e = new ProviderEmbedder({ baseURL, apiKey: 'k-123', model: 'test-embed', batchSize: 3 });
    expect(() => e.dimensions).toThrow(/not known/);
    await e.init();
    expect(e.dimensions).toBe(DIMS);
    const texts = [
      'safety car',
      'red flag',
      'cost cap',
      'wind tunnel',
      'safety car',
      'pit lane',
      'parc ferme',
    ];
    const out = await e.embed(texts);
    expect(seen.map((s) => s.inputs)).toEqual([1, 3, 3, 1]);
    expect(seen[0]!.auth).toBe('Bearer k-123');
    expect(out).toHaveLength(7);
    for (const v of out) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect([...out[0]!]).toEqual([...out[4]!]);
    expect([...out[0]!]).not.toEqual([...out[1]!]);
    expect(e.id).toBe('openai:test-embed');
  });

  it('retries a 429 and reports a dead endpoint as unavailable, naming it', async () => {
    failNext = 1;
    const e = new ProviderEmbedder({ baseURL, model: 'm', dimensions: DIMS });
    expect(await e.embed(['one'])).toHaveLength(1);
    expect(failNext).toBe(0);
    const dead = new ProviderEmbedder({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', maxRetries: 0 });
    await expect(dead.embed(['x'])).rejects.toSatisfy(
      (err: unknown) =>
        err instanceof AppError && err.code === 'unavailable' && /127\.0\.0\.1:9/.test(err.message),
    );
  });

  it('is chosen by EMBEDDING_MODEL_NAME=openai:<model>; an unknown name is a clear error', () => {
    const e = createEmbedder({
      EMBEDDING_MODEL_NAME: 'openai:nomic-embed-text',
      EMBEDDING_BASE_URL: baseURL,
    });
    expect(e).toBeInstanceOf(ProviderEmbedder);
    expect(e.id).toBe('openai:nomic-embed-text');
    expect(() => createEmbedder({ EMBEDDING_MODEL_NAME: 'word2vec' })).toThrow(/openai:<model>/);
  });
});

describe('a rulebook indexed through the provider, then switched to the built-in model', () => {
  const rulebookDir = process.env.RULEBOOK_DIR;
  const FILE = 'FIA 2026 F1 Regulations - Section F [Operational] - Iss 05 - 2025-12-10.pdf';
  let dir: string;

  beforeAll(() => {
    if (!rulebookDir) throw new Error('tests need RULEBOOK_DIR (see .ci/run)');
    dir = mkdtempSync(join(tmpdir(), 'rulebook-provider-'));
    mkdirSync(join(dir, 'pdfs', '2026'), { recursive: true });
    symlinkSync(join(rulebookDir, '2026', FILE), join(dir, 'pdfs', '2026', FILE));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('searches with provider vectors; after a model change, lexical only until re-ingested', async () => {
    const dbPath = join(dir, 'rulebook.db');
    const provider = new ProviderEmbedder({ baseURL, model: 'test-embed' });
    const a = new Rulebook({ dbPath, backend: 'sqlite-vec', embedder: provider, logger: silentLogger });
    const s = await a.ingest(join(dir, 'pdfs'));
    expect(s.ingested).toBe(1);
    const dense = await a.search('wind tunnel testing restrictions', { mode: 'dense', k: 5 });
    expect(dense.hits.some((h) => h.article.startsWith('F4'))).toBe(true);
    await a.close();

    const b = new Rulebook({
      dbPath,
      backend: 'sqlite-vec',
      embedder: new UseLiteEmbedder(),
      logger: silentLogger,
    });
    const lexical = await b.search('wind tunnel testing restrictions', { k: 5 });
    expect(lexical.hits[0]!.article).toMatch(/^F4/);
    await expect(b.search('wind tunnel', { mode: 'dense' })).rejects.toSatisfy(
      (err: unknown) =>
        err instanceof AppError && err.code === 'unavailable' && /rulebook ingest/.test(err.message),
    );
    expect((await b.ingest(join(dir, 'pdfs'))).ingested).toBe(1);
    expect((await b.search('wind tunnel', { mode: 'dense', k: 3 })).hits).toHaveLength(3);
    await b.close();
  }, 120_000);
});
