// Unreadable regulation PDFs are not "up to date": the ingest summary says how many failed, at warn — from
// the CLI's ingest and from the server's start-up ingest (a worker thread) alike.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { UseLiteEmbedder } from './embedder.ts';
import { Rulebook } from './rulebook.ts';
import { ingestRulebookOnListen } from './auto-ingest.ts';
import { closeRulebooks } from './index.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rulebook-failed-'));
  mkdirSync(join(dir, 'pdfs', '2026'), { recursive: true });
  for (const n of [1, 2, 3])
    writeFileSync(
      join(dir, 'pdfs', '2026', `FIA 2026 F1 Regulations - Section ${n} - Iss 01 - 2025-12-10.pdf`),
      'not a pdf',
    );
});
afterAll(async () => {
  await closeRulebooks();
  rmSync(dir, { recursive: true, force: true });
});

type Line = { level: number; event?: string; msg?: string; failed?: number };
const capture = () => {
  const lines: Line[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) }) };
};

describe('ingest summary with unreadable PDFs', () => {
  it('the ingest logs "3 failed" at warn', async () => {
    const { lines, logger } = capture();
    const rb = new Rulebook({
      dbPath: join(dir, 'a.db'),
      backend: 'sqlite-vec',
      embedder: new UseLiteEmbedder(),
      logger,
    });
    try {
      await rb.ingest(join(dir, 'pdfs'));
    } finally {
      await rb.close();
    }
    const done = lines.find((l) => l.event === 'rulebook.ingest.done');
    expect(done).toMatchObject({ level: 40, failed: 3 });
    expect(done!.msg).toMatch(/3 failed/);
  }, 60_000);

  it('the server start-up ingest says "3 failed" at warn, not "up to date"', async () => {
    const { lines, logger } = capture();
    const config = loadConfig({
      ...process.env,
      RULEBOOK_DIR: join(dir, 'pdfs'),
      RULEBOOK_DB_PATH: join(dir, 'b.db'),
      RULEBOOK_AUTO_INGEST: 'true',
      VECTOR_STORE: 'sqlite-vec',
    });
    const app = Fastify();
    ingestRulebookOnListen(app, config, logger);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 600 && !lines.some((l) => l.event?.startsWith('rulebook.auto_ingest')); i++)
        await new Promise((r) => setTimeout(r, 100));
      const summary = lines.find((l) => l.event === 'rulebook.auto_ingest');
      expect(summary).toMatchObject({ level: 40, failed: 3 });
      expect(summary!.msg).toMatch(/3 failed/);
      expect(summary!.msg).not.toMatch(/up to date/);
    } finally {
      await app.close();
    }
  }, 90_000);
});
