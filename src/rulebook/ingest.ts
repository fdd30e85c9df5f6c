// PDF folder → chunks, FTS index and vectors. A document whose bytes (sha256), embedding model and
// vector count are unchanged is skipped, so re-ingesting an unchanged folder does no PDF or model work.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Logger } from '../logger.ts';
import { CHUNKER_VERSION, chunkDocument } from './chunker.ts';
import { describeDocument } from './documents.ts';
import type { Embedder } from './embedder.ts';
import { extractPages } from './extract.ts';
import type { RulebookStore } from './store.ts';
import type { Chunk, DocumentInfo } from './types.ts';
import type { VectorStore } from './vector-store.ts';
import { badRequest } from '../errors.ts';

export type IngestProgress =
  | { phase: 'document'; index: number; total: number; file: string; action: 'skip' | 'ingest' }
  | { phase: 'embed'; file: string; done: number; total: number };

export interface IngestOptions {
  dir: string;
  store: RulebookStore;
  vectors: VectorStore;
  embedder: Embedder;
  logger: Logger;
  onProgress?: (p: IngestProgress) => void;
  /** Re-ingest even unchanged documents. */
  force?: boolean;
}

export interface IngestSummary {
  found: number;
  ingested: number;
  skipped: number;
  failed: { file: string; reason: string }[];
  chunks: number;
  embedded: number;
  embeddingsFromCache: number;
  ms: number;
}

/** What a stored document was built with (its `embeddedWith`): the embedding model and the chunker's version. */
export const indexVersion = (embedderId: string): string => `${embedderId}+chunker${CHUNKER_VERSION}`;

/** The embedding model of an `indexVersion` (earlier indexes stored the model id alone). */
export const embeddedModel = (version: string): string => version.replace(/\+chunker\d+$/, '');

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * What the embedder sees: the heading path and the opening words (USE-lite is a sentence model).
 * Article numbers are dropped and ALL-CAPS headings lower-cased: the model's 8k-piece vocabulary is
 * case-sensitive and spells upper-case words letter by letter, which drowns their meaning.
 */
export function embeddingText(c: Pick<Chunk, 'heading' | 'text'>, maxWords = 48): string {
  const clean = (s: string) =>
    s
      .replace(/\b[A-F]?\d{1,2}(\.\d{1,3})+\b\s*(\(continued\))?/g, ' ')
      .replace(/\b[A-Z][A-Z'’-]+\b/g, (w) => (w.length <= 4 ? w : w.toLowerCase()))
      .replace(/\s+/g, ' ')
      .trim();
  const words = clean(c.text).split(' ').slice(0, maxWords).join(' ');
  const heading = c.heading
    .split(' › ')
    .map((part) => clean(part.replace(/^(App)?[A-F]?\d{1,2}(\.\d{1,3})*\s+/, '')))
    .join('. ');
  return heading ? `${heading}. ${words}` : words;
}

function listPdfs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

export async function ingestRulebook(opts: IngestOptions): Promise<IngestSummary> {
  const { store, vectors, embedder, logger } = opts;
  const started = performance.now();
  let files: string[];
  try {
    files = listPdfs(opts.dir);
  } catch (err) {
    throw badRequest(`cannot read rulebook folder ${opts.dir}: ${(err as Error).message}`);
  }
  const summary: IngestSummary = {
    found: 0,
    ingested: 0,
    skipped: 0,
    failed: [],
    chunks: 0,
    embedded: 0,
    embeddingsFromCache: 0,
    ms: 0,
  };
  const candidates: { path: string; info: DocumentInfo }[] = [];
  for (const path of files) {
    const info = /\.pdf$/i.test(path) ? describeDocument(path) : null;
    if (!info) {
      const reason = /\.pdf$/i.test(path) ? 'no season or section in its name' : 'not a .pdf file';
      logger.warn(
        { event: 'rulebook.ingest.skipped', file: relative(opts.dir, path), reason },
        'skipped file',
      );
      summary.failed.push({ file: relative(opts.dir, path), reason });
      continue;
    }
    candidates.push({ path, info });
  }
  summary.found = candidates.length;
  const existing = new Map(store.documents().map((d) => [d.key, d]));
  const indexedWith = indexVersion(embedder.id);

  for (const [index, { path, info }] of candidates.entries()) {
    const file = relative(opts.dir, path);
    const bytes = new Uint8Array(readFileSync(path));
    const hash = sha256(bytes);
    const prev = existing.get(info.key);
    const current =
      !opts.force &&
      prev?.sha256 === hash &&
      prev.embeddedWith === indexedWith &&
      (await vectors.count(info.key)) === prev.chunks;
    opts.onProgress?.({
      phase: 'document',
      index: index + 1,
      total: candidates.length,
      file,
      action: current ? 'skip' : 'ingest',
    });
    if (current) {
      summary.skipped++;
      continue;
    }
    const t0 = performance.now();
    let pages: string[];
    try {
      pages = await extractPages(bytes);
    } catch (err) {
      const reason = (err as Error).message;
      logger.warn({ event: 'rulebook.ingest.unreadable', file, reason }, 'unreadable PDF skipped');
      summary.failed.push({ file, reason });
      continue;
    }
    const idPrefix = /\bSection[\s_]+([A-F])\b/i.exec(info.file)?.[1]?.toUpperCase() ?? '';
    const chunks = chunkDocument(pages, { docKey: info.key, idPrefix });
    if (chunks.length === 0) {
      logger.warn({ event: 'rulebook.ingest.empty', file }, 'no articles found; skipped');
      summary.failed.push({ file, reason: 'no articles found in its text' });
      continue;
    }

    const texts = chunks.map((c) => embeddingText(c));
    const hashes = texts.map((t) => sha256(t));
    const cached = store.cachedVectors(hashes, embedder.id);
    const missing = [...new Set(hashes.filter((h) => !cached.has(h)))];
    const textByHash = new Map(hashes.map((h, i) => [h, texts[i]!]));
    for (let i = 0; i < missing.length; i += 64) {
      const batch = missing.slice(i, i + 64);
      const vecs = await embedder.embed(batch.map((h) => textByHash.get(h)!));
      store.cacheVectors(
        batch.map((h, j) => [h, vecs[j]!]),
        embedder.id,
      );
      batch.forEach((h, j) => cached.set(h, vecs[j]!));
      opts.onProgress?.({
        phase: 'embed',
        file,
        done: Math.min(i + 64, missing.length),
        total: missing.length,
      });
    }

    store.replaceDocument(
      { ...info, path, sha256: hash, pages: pages.length, embeddedWith: indexedWith },
      chunks,
    );
    await vectors.deleteDocument(info.key);
    await vectors.upsert(
      chunks.map((c, i) => ({ id: c.id, docKey: c.docKey, vector: cached.get(hashes[i]!)! })),
    );

    summary.ingested++;
    summary.chunks += chunks.length;
    summary.embedded += missing.length;
    summary.embeddingsFromCache += hashes.length - missing.length;
    logger.info(
      {
        event: 'rulebook.ingest.document',
        file,
        key: info.key,
        pages: pages.length,
        chunks: chunks.length,
        articles: new Set(chunks.map((c) => c.article)).size,
        embedded: missing.length,
        ms: Math.round(performance.now() - t0),
      },
      `ingested ${info.title}`,
    );
  }
  summary.ms = Math.round(performance.now() - started);
  const done = { event: 'rulebook.ingest.done', ...summary, failed: summary.failed.length };
  if (summary.failed.length > 0)
    logger.warn(done, `rulebook ingest finished, ${summary.failed.length} failed`);
  else logger.info(done, 'rulebook ingest finished');
  return summary;
}
