// Public surface of the rulebook domain.
//
// For the agent's `consult_rulebook` tool:
//
//   import { searchRulebook, formatForAgent } from '../rulebook/index.ts';
//   const result = await searchRulebook(config, logger, query, { year?: number, section?: string, k?: number });
//   // result.hits: SearchHit[] — { document, file, section, season, article, heading, page, pages, text, score,
//   //   citation: "2025 Sporting Regulations, Art. 55.17 (Issue 5, p. 72)" }
//   // result.scope.note: says which editions were searched ("No season given: searched the latest regulations…")
//   const text = formatForAgent(result); // markdown-ish block: one cited excerpt per hit, plus the scope note
//
// Errors are AppError: bad_request (empty/over-long query, unknown season or section — message lists the
// available ones), unavailable (rulebook not ingested; Chroma down). The store opens once per process
// (`getRulebook`) on first use; concurrent first callers share that initialisation.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createEmbedder } from './embedder.ts';
import { Rulebook, type SearchOptions, type SearchResult } from './rulebook.ts';

export { Rulebook, MAX_K, MAX_QUERY_CHARS } from './rulebook.ts';
export type { SearchOptions, SearchResult, ArticleResult, SearchMode } from './rulebook.ts';
export type { SearchHit, Section } from './types.ts';
export type { Embedder } from './embedder.ts';
export type { VectorStore } from './vector-store.ts';

type RulebookConfig = Pick<
  Config,
  | 'RULEBOOK_DB_PATH'
  | 'VECTOR_STORE'
  | 'CHROMA_URL'
  | 'EMBEDDING_MODEL_NAME'
  | 'EMBEDDING_BASE_URL'
  | 'EMBEDDING_API_KEY'
  | 'EMBEDDING_DIMENSIONS'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_API_KEY'
  | 'RULEBOOK_TOP_K'
>;

const instances = new Map<string, Rulebook>();

/** The process-wide rulebook for this configuration, created on first call (not yet opened). */
export function getRulebook(config: RulebookConfig, logger: Logger): Rulebook {
  const key = `${config.RULEBOOK_DB_PATH}|${config.VECTOR_STORE}|${config.CHROMA_URL}|${config.EMBEDDING_MODEL_NAME ?? ''}|${config.EMBEDDING_BASE_URL ?? ''}`;
  let rb = instances.get(key);
  if (!rb) {
    rb = new Rulebook({
      dbPath: config.RULEBOOK_DB_PATH,
      backend: config.VECTOR_STORE,
      chromaUrl: config.CHROMA_URL,
      embedder: createEmbedder(config),
      logger,
      defaultK: config.RULEBOOK_TOP_K,
    });
    instances.set(key, rb);
  }
  return rb;
}

/** Closes every rulebook opened by `getRulebook` (tests, shutdown). */
export async function closeRulebooks(): Promise<void> {
  const all = [...instances.values()];
  instances.clear();
  await Promise.all(all.map((rb) => rb.close()));
}

/** Hybrid search with citations: what `consult_rulebook(query, year?)` wraps. */
export function searchRulebook(
  config: RulebookConfig,
  logger: Logger,
  query: string,
  options: Omit<SearchOptions, 'mode'> = {},
): Promise<SearchResult> {
  return getRulebook(config, logger).search(query, options);
}

/** Renders a search result for a language model: each excerpt under its citation, then the scope. */
export function formatForAgent(result: SearchResult, maxChars = 900): string {
  if (result.hits.length === 0) return `No matching regulation text found. ${result.scope.note}`;
  const blocks = result.hits.map((h) => {
    const text = h.text.length > maxChars ? `${h.text.slice(0, maxChars)}…` : h.text;
    return `**${h.citation}**${h.heading ? ` — ${h.heading}` : ''}\n${text}`;
  });
  return `${blocks.join('\n\n')}\n\n_${result.scope.note}_`;
}
