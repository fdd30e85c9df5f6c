// REST: GET /api/rulebook/search and GET /api/rulebook/articles/:season/:article.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { wholeNumber } from '../http/params.ts';
import { MAX_K, MAX_QUERY_CHARS, type Rulebook } from './index.ts';

const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q is empty')
    .max(MAX_QUERY_CHARS, `q is longer than ${MAX_QUERY_CHARS} characters`),
  year: wholeNumber(1950, 2100, 'year').optional().describe('Season (default: latest regulations)'),
  section: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('General, Sporting, Technical, Financial, PU Financial, Operational'),
  k: wholeNumber(1, MAX_K, 'k').optional(),
});

/** What the rulebook routes need: the server's rulebook (opened on first search). */
export interface RulebookRouteDeps {
  rulebook(): Rulebook;
}

/** The rulebook routes, as a Fastify plugin: `app.register(registerRulebookRoutes, deps)`. */
export async function registerRulebookRoutes(root: FastifyInstance, deps: RulebookRouteDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const rulebook = () => deps.rulebook();

  app.get(
    '/api/rulebook/search',
    {
      schema: {
        tags: ['rulebook'],
        summary: 'Hybrid search of the FIA regulations',
        description:
          'BM25 (SQLite FTS5) and dense vectors fused by reciprocal rank fusion. A query naming an article ' +
          '("Art. 55.17") returns that article first. Without `year` the latest edition of each section is ' +
          'searched; the `x-rulebook-scope` header says which. Returns an array of cited chunks.',
        querystring: searchQuery,
      },
    },
    async (req, reply) => {
      const { q, year, section, k } = req.query;
      const result = await rulebook().search(q, {
        ...(year !== undefined ? { year } : {}),
        ...(section !== undefined ? { section } : {}),
        ...(k !== undefined ? { k } : {}),
      });
      reply.header('x-rulebook-scope', encodeURIComponent(result.scope.note));
      return result.hits;
    },
  );

  app.get(
    '/api/rulebook/articles/:season/:article',
    {
      schema: {
        tags: ['rulebook'],
        summary: 'The exact text of one article (with its sub-articles) and its citation',
        params: z.object({
          season: wholeNumber(1950, 2100, 'season'),
          article: z.string().trim().min(1).max(40),
        }),
        querystring: z.object({ section: z.string().trim().min(1).max(40).optional() }),
      },
    },
    async (req) => rulebook().article(req.params.season, req.params.article, req.query.section),
  );
}
