// The rulebook service: opened once, lazily, then hybrid search (FTS5 BM25 + vectors, fused by RRF),
// article lookup and ingest. Concurrent first callers share one initialisation promise.
import { LRUCache } from 'lru-cache';
import { AppError, badRequest, notFound, unavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { ChromaStore } from './chroma-store.ts';
import { USE_LITE_ID, type Embedder } from './embedder.ts';
import { reciprocalRankFusion } from './fusion.ts';
import { embeddedModel, ingestRulebook, type IngestProgress, type IngestSummary } from './ingest.ts';
import { findArticleRef, findSeason, ftsQuery } from './query.ts';
import { parseSection, resolveScope, type Scope } from './scope.ts';
import { SqliteVecStore } from './sqlite-vec-store.ts';
import { RulebookStore, type StoredChunk, type StoredDocument } from './store.ts';
import { citationFor, type SearchHit, type Section } from './types.ts';
import type { VectorStore } from './vector-store.ts';

export type SearchMode = 'hybrid' | 'bm25' | 'dense';

export interface SearchOptions {
  year?: number;
  section?: string;
  k?: number;
  mode?: SearchMode;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Which editions were searched, and whether "latest" was assumed. */
  scope: { latest: boolean; note: string; documents: string[] };
  /** The article the question named, when it named one and it exists in scope. */
  article: string | null;
}

export interface ArticleResult {
  season: number;
  article: string;
  documents: {
    document: string;
    file: string;
    section: Section;
    citation: string;
    heading: string;
    pages: [number, number];
    text: string;
  }[];
}

export interface RulebookOptions {
  dbPath: string;
  backend: 'sqlite-vec' | 'chroma';
  chromaUrl?: string;
  embedder: Embedder;
  logger: Logger;
  defaultK?: number;
  /** Fusion weights: BM25 list, dense re-ranking of the BM25 candidates, dense-only additions. */
  weights?: Partial<FusionWeights>;
}

export interface FusionWeights {
  bm25: number;
  rerank: number;
  dense: number;
  /** How many of the nearest chunks the dense retriever may add beyond the BM25 candidates. */
  denseExtra: number;
  /** The reciprocal-rank-fusion constant: smaller trusts each list's top ranks more. */
  k: number;
}

/**
 * Measured on the dev questions split in two halves (see README): USE-lite alone ranks the right
 * article first far less often than BM25, so the fusion is sharp (k = 3, not the customary 60) and
 * lexical-led: dense similarity re-orders BM25's candidates and adds only its ten nearest chunks.
 */
export const DEFAULT_WEIGHTS: FusionWeights = { bm25: 1, rerank: 0.15, dense: 0.05, denseExtra: 10, k: 3 };

export const MAX_QUERY_CHARS = 500;
export const MAX_K = 50;
const CANDIDATES = 60;

export class Rulebook {
  private ready?: Promise<void>;
  private store?: RulebookStore;
  private vectors?: VectorStore;
  private docs: StoredDocument[] = [];
  private ingesting = false;
  private readonly queryVectors = new LRUCache<string, Float32Array>({ max: 1000 });

  private readonly weights: FusionWeights;

  constructor(private readonly opts: RulebookOptions) {
    this.weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  }

  /** Opens the store and loads the model once; every caller awaits the same promise. */
  init(): Promise<void> {
    this.ready ??= this.open().catch((err: unknown) => {
      this.ready = undefined; // a failed open (e.g. Chroma down) may be retried later
      throw err;
    });
    return this.ready;
  }

  private async open(): Promise<void> {
    const t0 = performance.now();
    const store = new RulebookStore(this.opts.dbPath);
    try {
      await this.opts.embedder.init?.(); // a provider model tells its vector size here
      const model = this.opts.embedder.id;
      this.vectors =
        this.opts.backend === 'chroma'
          ? new ChromaStore(
              this.opts.chromaUrl ?? 'http://127.0.0.1:8001',
              // One collection per model: vectors of two models never share a space.
              model === USE_LITE_ID ? 'rulebook' : `rulebook-${model.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
            )
          : new SqliteVecStore(store.db, this.opts.embedder.dimensions, this.opts.logger);
    } catch (err) {
      store.close();
      throw err;
    }
    this.store = store;
    this.docs = store.documents();
    if (this.docs.length > 0) await this.opts.embedder.embed(['warm up']); // loads the model now, not on the first question
    this.opts.logger.info(
      {
        event: 'rulebook.init',
        ms: Math.round(performance.now() - t0),
        backend: this.opts.backend,
        documents: this.docs.length,
        chunks: this.docs.reduce((n, d) => n + d.chunks, 0),
      },
      'rulebook opened',
    );
  }

  async documents(): Promise<StoredDocument[]> {
    await this.init();
    return this.docs;
  }

  /**
   * An ingest running elsewhere (a worker thread, another process) into this rulebook's file: questions
   * meanwhile hear "being indexed", and the documents are re-read once it settles.
   */
  async followIngest<T>(work: Promise<T>): Promise<T> {
    this.ingesting = true;
    try {
      return await work;
    } finally {
      this.ingesting = false;
      if (this.store) this.docs = this.store.documents();
    }
  }

  async ingest(dir: string, onProgress?: (p: IngestProgress) => void, force = false): Promise<IngestSummary> {
    await this.init();
    this.ingesting = true;
    try {
      const summary = await ingestRulebook({
        dir,
        store: this.store!,
        vectors: this.vectors!,
        embedder: this.opts.embedder,
        logger: this.opts.logger,
        onProgress,
        force,
      });
      this.docs = this.store!.documents();
      return summary;
    } finally {
      this.ingesting = false;
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    const q = query.trim();
    if (q.length === 0) throw badRequest('query is empty');
    if (q.length > MAX_QUERY_CHARS) throw badRequest(`query is longer than ${MAX_QUERY_CHARS} characters`);
    const k = options.k ?? this.opts.defaultK ?? 6;
    if (!Number.isInteger(k) || k < 1 || k > MAX_K)
      throw badRequest(`k must be an integer from 1 to ${MAX_K}`);
    await this.init();
    const scope = this.scopeFor(q, options);
    const keys = scope.docs.map((d) => d.key);
    const mode = options.mode ?? 'hybrid';
    const store = this.store!;

    const lists: { items: { id: string }[]; weight: number }[] = [];
    const match = mode === 'dense' ? null : ftsQuery(q);
    const lexical = match ? store.bm25(match, keys, CANDIDATES) : [];
    if (mode !== 'dense') lists.push({ items: lexical, weight: this.weights.bm25 });
    // Vectors of another model (EMBEDDING_MODEL_NAME changed, not yet re-ingested) are not comparable.
    const model = this.opts.embedder.id;
    const stale = this.docs.filter((d) => keys.includes(d.key) && embeddedModel(d.embeddedWith) !== model);
    if (stale.length > 0 && mode === 'dense') {
      throw unavailable(
        `${stale[0]!.title} was embedded with another model than ${model}: run "race-engineer rulebook ingest"`,
      );
    }
    const vectorsUsable = stale.length === 0; // otherwise lexical only, until the next ingest re-embeds them
    if (!vectorsUsable) {
      this.opts.logger.debug({ event: 'rulebook.search.lexical_only', stale: stale.length }, 'stale vectors');
    } else if (mode === 'dense' || (mode === 'hybrid' && lexical.length === 0)) {
      lists.push({ items: await this.vectors!.query(await this.embedQuery(q), CANDIDATES, keys), weight: 1 });
    } else if (mode === 'hybrid') {
      // Dense similarity re-ranks the lexical candidates and may add a few of its own nearest chunks.
      const dense = await this.vectors!.query(await this.embedQuery(q), CANDIDATES * 4, keys);
      const inLexical = new Set(lexical.map((r) => r.id));
      lists.push({ items: dense.filter((r) => inLexical.has(r.id)), weight: this.weights.rerank });
      lists.push({ items: dense.slice(0, this.weights.denseExtra), weight: this.weights.dense });
    }
    let ranked = reciprocalRankFusion(lists, this.weights.k);

    // A question that names an article goes straight to it (and its sub-articles), best-ranked first.
    const ref = findArticleRef(q);
    const named = ref ? store.articleChunks(ref, keys) : [];
    if (named.length > 0) {
      const rank = new Map(ranked.map((r, i) => [r.id, i]));
      const first = [...named].sort(
        (a, b) => (rank.get(a.id) ?? 1e9 + a.rowid) - (rank.get(b.id) ?? 1e9 + b.rowid),
      );
      const namedIds = new Set(first.map((c) => c.id));
      const top = ranked[0]?.score ?? 1;
      ranked = [
        ...first.map((c, i) => ({ id: c.id, score: top + 1 / (i + 1) })),
        ...ranked.filter((r) => !namedIds.has(r.id)),
      ];
    }

    const top = ranked.slice(0, k);
    const chunks = store.chunksById(top.map((r) => r.id));
    const hits = top.flatMap((r) => {
      const c = chunks.get(r.id);
      return c ? [this.toHit(c, r.score)] : [];
    });
    return {
      hits,
      scope: { latest: scope.latest, note: scope.note, documents: scope.docs.map((d) => d.title) },
      article: named.length > 0 ? ref : null,
    };
  }

  /** The full text of one article (with its sub-articles) in a season, one entry per document that has it. */
  async article(season: number, article: string, section?: string): Promise<ArticleResult> {
    const id = article.trim().replace(/^art(icle)?\.?\s*/i, '');
    if (!/^([A-F]?\d{1,2}(\.\d{1,3}){0,3}|App[A-F]?\d{1,2})$/i.test(id)) {
      throw badRequest(`"${article}" is not an article number (e.g. 55.17, B5.13.2)`);
    }
    await this.init();
    this.requireIngested();
    const sec = section ? parseSection(section, this.docs) : undefined;
    const scope = resolveScope(this.docs, season, sec);
    const chunks = this.store!.articleChunks(
      id.toUpperCase().replace(/^APP/, 'App'),
      scope.docs.map((d) => d.key),
    );
    if (chunks.length === 0) throw notFound(`no article ${id} in the ${season} regulations`);
    const byDoc = new Map<string, StoredChunk[]>();
    for (const c of chunks) byDoc.set(c.docKey, [...(byDoc.get(c.docKey) ?? []), c]);
    return {
      season,
      article: id,
      documents: [...byDoc].map(([key, cs]) => {
        const doc = this.docs.find((d) => d.key === key)!;
        return {
          document: doc.title,
          file: doc.file,
          section: doc.section,
          citation: citationFor(doc, id, cs[0]!.pageStart),
          heading: cs[0]!.heading,
          pages: [cs[0]!.pageStart, Math.max(...cs.map((c) => c.pageEnd))] as [number, number],
          text: cs.map((c) => c.text).join('\n'),
        };
      }),
    };
  }

  private requireIngested(): void {
    if (this.docs.length > 0) return;
    throw unavailable(
      this.ingesting
        ? 'the rulebook is being indexed right now (a first ingest takes about half a minute): try again shortly'
        : 'the rulebook has not been ingested yet: run "race-engineer rulebook ingest"',
    );
  }

  private scopeFor(q: string, options: SearchOptions): Scope {
    this.requireIngested();
    const section = options.section ? parseSection(options.section, this.docs) : undefined;
    const seasons = [...new Set(this.docs.map((d) => d.season))];
    const season = options.year ?? findSeason(q, seasons) ?? undefined;
    return resolveScope(this.docs, season, section);
  }

  private async embedQuery(q: string): Promise<Float32Array> {
    const key = q.toLowerCase();
    const hit = this.queryVectors.get(key);
    if (hit) return hit;
    const [v] = await this.opts.embedder.embed([q]);
    if (!v) throw new AppError('internal', 'embedder returned no vector');
    this.queryVectors.set(key, v);
    return v;
  }

  private toHit(c: StoredChunk, score: number): SearchHit {
    const doc = this.docs.find((d) => d.key === c.docKey)!;
    return {
      document: doc.title,
      file: doc.file,
      section: doc.section,
      season: doc.season,
      article: c.article,
      heading: c.heading,
      page: c.pageStart,
      pages: [c.pageStart, c.pageEnd],
      text: c.text,
      score: Number(score.toFixed(6)),
      citation: citationFor(doc, c.article, c.pageStart),
    };
  }

  async close(): Promise<void> {
    const ready = this.ready;
    this.ready = undefined;
    if (ready) await ready.catch(() => undefined);
    await this.vectors?.close();
    this.store?.close();
    this.store = undefined;
    this.vectors = undefined;
  }
}
