// The rulebook service end to end over two real regulation PDFs (2025 PU Financial, 2026 Operational):
// ingest (skip when unchanged, unreadable files skipped), hybrid search, article lookup, bad input,
// opened-once initialisation, and the REST routes through fastify. The index is built once into
// .cache/test and reused while the PDFs and the chunking code are unchanged.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { silentLogger } from '../logger.ts';
import { buildApp, type App } from '../server/app.ts';
import { createContext, type AppContext } from '../server/context.ts';
import { UseLiteEmbedder } from './embedder.ts';
import { closeRulebooks, formatForAgent } from './index.ts';
import { ingestRulebookOnListen, rulebookAutoIngestEnabled } from './auto-ingest.ts';
import { Rulebook } from './rulebook.ts';

const SOURCES = {
  '2025': '2025_fia_formula_1_pu_financial_regulations_-_issue_8_-_2025-07-31.pdf',
  '2026': 'FIA 2026 F1 Regulations - Section F [Operational] - Iss 05 - 2025-12-10.pdf',
};

const rulebookDir = process.env.RULEBOOK_DIR;
if (!rulebookDir) throw new Error('tests need RULEBOOK_DIR (see .ci/run)');

const codeHash = createHash('sha256');
for (const f of ['chunker.ts', 'ingest.ts', 'embedder.ts', 'use-lite-onnx.ts', 'store.ts'])
  codeHash.update(readFileSync(new URL(f, import.meta.url)));
for (const [y, f] of Object.entries(SOURCES)) codeHash.update(readFileSync(join(rulebookDir, y, f)));
const DB_PATH = resolve(`.cache/test/rulebook-${codeHash.digest('hex').slice(0, 16)}.db`);

let pdfDir: string;
const embedder = new UseLiteEmbedder();
let rb: Rulebook;

function expectAppError(p: Promise<unknown>, code: string, message?: RegExp) {
  return expect(p).rejects.toSatisfy(
    (e: unknown) => e instanceof AppError && e.code === code && (!message || message.test(e.message)),
  );
}

beforeAll(async () => {
  pdfDir = mkdtempSync(join(tmpdir(), 'rulebook-pdfs-'));
  for (const [y, f] of Object.entries(SOURCES)) {
    mkdirSync(join(pdfDir, y), { recursive: true });
    symlinkSync(join(rulebookDir, y, f), join(pdfDir, y, f));
  }
  // An unreadable "PDF" and a stray file: both must be logged and skipped, never crash the ingest.
  writeFileSync(
    join(pdfDir, '2026', 'FIA 2026 F1 Regulations - Section B [Sporting] - Iss 04 - 2025-12-10.pdf'),
    'not a pdf',
  );
  writeFileSync(join(pdfDir, 'README.txt'), 'notes');
  rb = new Rulebook({ dbPath: DB_PATH, backend: 'sqlite-vec', embedder, logger: silentLogger });
  await rb.ingest(pdfDir);
}, 300_000);

afterAll(async () => {
  await rb.close();
  await closeRulebooks();
  rmSync(pdfDir, { recursive: true, force: true });
});

describe('ingest', () => {
  it('skips unchanged documents quickly and reports unreadable files', async () => {
    const t0 = performance.now();
    const s = await rb.ingest(pdfDir);
    expect(s).toMatchObject({ found: 3, ingested: 0, skipped: 2 });
    expect(s.failed.map((f) => f.file).sort()).toEqual([
      '2026/FIA 2026 F1 Regulations - Section B [Sporting] - Iss 04 - 2025-12-10.pdf',
      'README.txt',
    ]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const docs = await rb.documents();
    expect(docs.map((d) => d.key).sort()).toEqual(['2025-pu-financial', '2026-operational']);
    expect(docs.every((d) => d.chunks > 50)).toBe(true);
  });
  it('rejects a folder that does not exist', async () => {
    await expectAppError(rb.ingest(join(pdfDir, 'missing')), 'bad_request');
  });
});

describe('search', () => {
  it('searches the latest regulations when no season is named, and says so', async () => {
    const r = await rb.search(
      'How fast can the air blow in the wind tunnel, and how big can the scale model be?',
    );
    expect(r.scope.latest).toBe(true);
    expect(r.scope.note).toMatch(/latest regulations \(2025 PU Financial, 2026 Operational\)/);
    expect(r.hits.length).toBe(6);
    expect(r.hits[0]!.season).toBe(2026);
    expect(r.hits.slice(0, 5).some((h) => h.article.startsWith('F4.'))).toBe(true);
  });
  it('goes straight to an article the question names, with a full citation', async () => {
    const r = await rb.search('What does Art. F4.3.2 say?');
    expect(r.article).toBe('F4.3.2');
    const h = r.hits[0]!;
    expect(h.article).toBe('F4.3.2');
    expect(h.citation).toMatch(/^2026 Operational Regulations, Art\. F4\.3\.2 \(Issue 5, p\. \d+\)$/);
    expect(h.heading).toMatch(/F4 AERODYNAMIC TESTING RESTRICTIONS/);
  });
  it('honours season and section filters, and a season named in the question', async () => {
    const r = await rb.search('What is the cost cap for power unit manufacturers?', { year: 2025, k: 10 });
    expect(r.hits).toHaveLength(10);
    expect(new Set(r.hits.map((h) => `${h.season} ${h.section}`))).toEqual(new Set(['2025 PU Financial']));
    const named = await rb.search('In 2025, what was the power unit cost cap?');
    expect(named.scope.latest).toBe(false);
    expect(named.hits.every((h) => h.season === 2025)).toBe(true);
    const sec = await rb.search('shutdown period', { section: 'operational' });
    expect(sec.hits.every((h) => h.section === 'Operational')).toBe(true);
  });
  it('runs BM25-only and dense-only retrieval', async () => {
    for (const mode of ['bm25', 'dense'] as const) {
      const r = await rb.search('factory shutdown period in summer', { mode, k: 3 });
      expect(r.hits.length, mode).toBe(3);
    }
  });
  it('rejects bad input with the available options', async () => {
    await expectAppError(rb.search('   '), 'bad_request', /empty/);
    await expectAppError(rb.search('x'.repeat(501)), 'bad_request', /longer than 500/);
    await expectAppError(rb.search('points', { year: 2019 }), 'bad_request', /available: 2025, 2026/);
    await expectAppError(
      rb.search('points', { section: 'Technical' }),
      'bad_request',
      /available: PU Financial, Operational/,
    );
    await expectAppError(
      rb.search('points', { year: 2026, section: 'PU Financial' }),
      'bad_request',
      /available: Operational/,
    );
    await expectAppError(rb.search('points', { k: 0 }), 'bad_request');
  });
  it('formats cited excerpts for the agent', async () => {
    const text = formatForAgent(await rb.search('wind tunnel occupancy hours', { k: 2 }));
    expect(text).toMatch(/^\*\*2026 Operational Regulations, Art\. F\d/);
    expect(text).toMatch(/No season given/);
  });
});

describe('article lookup', () => {
  it('returns the article with its sub-articles and citation', async () => {
    const a = await rb.article(2026, 'F4.3');
    expect(a.documents).toHaveLength(1);
    expect(a.documents[0]!.citation).toMatch(
      /^2026 Operational Regulations, Art\. F4\.3 \(Issue 5, p\. \d+\)$/,
    );
    expect(a.documents[0]!.text).toContain('F4.3.2');
  });
  it('404s an unknown article and 400s a malformed one or an unknown season', async () => {
    await expectAppError(rb.article(2026, 'F9.9'), 'not_found');
    await expectAppError(rb.article(2026, 'drop table'), 'bad_request');
    await expectAppError(rb.article(2019, '1.1'), 'bad_request', /available/);
  });
});

describe('opened once', () => {
  it('shares one initialisation between concurrent first callers and logs rulebook.init once', async () => {
    const lines: { event?: string; ms?: number }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as { event?: string });
        done();
      },
    });
    const fresh = new Rulebook({
      dbPath: DB_PATH,
      backend: 'sqlite-vec',
      embedder,
      logger: pino({ level: 'info' }, sink),
    });
    try {
      const results = await Promise.all(
        ['cost cap', 'wind tunnel', 'shutdown', 'test bench', 'Art. F3.1'].map((q) => fresh.search(q)),
      );
      expect(results.every((r) => r.hits.length > 0)).toBe(true);
      await fresh.search('dyno hours');
      const inits = lines.filter((l) => l.event === 'rulebook.init');
      expect(inits).toHaveLength(1);
      expect(inits[0]!.ms).toBeGreaterThanOrEqual(0);
    } finally {
      await fresh.close();
    }
  });
  it('answers 503 (unavailable) before anything is ingested', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulebook-empty-'));
    const empty = new Rulebook({
      dbPath: join(dir, 'r.db'),
      backend: 'sqlite-vec',
      embedder,
      logger: silentLogger,
    });
    try {
      await expectAppError(empty.search('points'), 'unavailable', /rulebook ingest/);
      await expectAppError(empty.article(2025, '55.17'), 'unavailable', /rulebook ingest/);
    } finally {
      await empty.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('REST routes', () => {
  let app: App;
  let ctx: AppContext;
  beforeAll(async () => {
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      RULEBOOK_DB_PATH: DB_PATH,
      VECTOR_STORE: 'sqlite-vec',
    });
    ctx = createContext(config, silentLogger);
    app = await buildApp(config, silentLogger, ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('GET /api/rulebook/search returns an array of cited chunks', async () => {
    const res = await get('/api/rulebook/search?q=wind%20tunnel%20speed&k=3');
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown>[];
    expect(body).toHaveLength(3);
    for (const key of [
      'document',
      'section',
      'season',
      'article',
      'heading',
      'page',
      'text',
      'score',
      'citation',
    ]) {
      expect(body[0]).toHaveProperty(key);
    }
    expect(decodeURIComponent(String(res.headers['x-rulebook-scope']))).toMatch(/latest regulations/);
  });
  it('GET /api/rulebook/articles/:season/:article returns the article, 404 when unknown', async () => {
    const ok = await get('/api/rulebook/articles/2026/F4.3.2');
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { documents: { citation: string }[] }).documents[0]!.citation).toMatch(
      /Art\. F4\.3\.2/,
    );
    const missing = await get('/api/rulebook/articles/2026/F9.9');
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { error: { code: string } }).error.code).toBe('not_found');
  });
  it('400s empty, over-long and unknown-filter queries with a JSON error', async () => {
    for (const url of [
      '/api/rulebook/search?q=',
      '/api/rulebook/search',
      `/api/rulebook/search?q=${'x'.repeat(501)}`,
      '/api/rulebook/search?q=points&year=2019',
      '/api/rulebook/search?q=points&section=Technical',
      '/api/rulebook/search?q=points&k=500',
      '/api/rulebook/articles/abc/1.1',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect((res.json() as { error: { code: string } }).error.code, url).toBe('bad_request');
    }
    const res = await get('/api/rulebook/search?q=points&year=2019');
    expect((res.json() as { error: { message: string } }).error.message).toMatch(/available: 2025, 2026/);
  });
});

describe('ingest when the server starts', () => {
  it('brings an empty index up to date in the background once listening (off in tests unless asked)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulebook-auto-'));
    const base = { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', RULEBOOK_DIR: pdfDir };
    expect(rulebookAutoIngestEnabled(loadConfig(base))).toBe(false);
    expect(rulebookAutoIngestEnabled(loadConfig({ ...base, RULEBOOK_DIR: '' }))).toBe(false);
    const config = loadConfig({
      ...base,
      RULEBOOK_AUTO_INGEST: 'true',
      RULEBOOK_DB_PATH: join(dir, 'rulebook.db'),
      VECTOR_STORE: 'sqlite-vec',
    });
    expect(rulebookAutoIngestEnabled(config)).toBe(true);
    const lines: { event?: string; thread?: string }[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          lines.push(JSON.parse(chunk.toString()) as { event?: string; thread?: string });
          cb();
        },
      }),
    );
    const ctx = createContext(config, silentLogger);
    const app = await buildApp(config, silentLogger, ctx);
    ingestRulebookOnListen(app, config, logger);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      let status = 0;
      for (let i = 0; i < 300 && status !== 200; i++) {
        status = (await app.inject({ url: '/api/rulebook/search?q=wind%20tunnel&k=1' })).statusCode;
        if (status !== 200) {
          expect(status).toBe(503); // being indexed: said so, never a crash
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      expect(status).toBe(200);
      // The work ran in the worker thread; its log lines came through the server's logger.
      await expect.poll(() => lines.some((l) => l.event === 'rulebook.auto_ingest')).toBe(true);
      expect(lines.find((l) => l.event === 'rulebook.ingest.done')?.thread).toBe('rulebook-ingest');
    } finally {
      await app.close();
      await ctx.close();
      await closeRulebooks();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
