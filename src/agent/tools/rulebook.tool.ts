// The FIA regulations, through the rulebook domain's hybrid search (cited articles).
import { z } from 'zod';
import { formatForAgent, searchRulebook } from '../../rulebook/index.ts';
import { defineTool } from './types.ts';

export default defineTool({
  name: 'consult_rulebook',
  description:
    'Searches the FIA Formula 1 regulations (Sporting, Technical, Financial; 2024–2026) and returns the matching articles with citations (document, article, issue, page). Use for any rules question: penalties, points systems, tyre and power-unit allocations, parc fermé, safety car, red flags, cost cap, car dimensions. Pass the season when the question names one; otherwise the latest regulations are searched.',
  inputSchema: z.object({
    query: z.string().min(2).max(500).describe('The rules question, in plain words'),
    year: z.number().int().min(2000).max(2100).optional().describe('Season of the regulations, e.g. 2025'),
    section: z
      .string()
      .max(40)
      .optional()
      .describe('Optional: sporting, technical, financial, general, operational'),
  }),
  async execute({ query, year, section }, ctx) {
    const result = await searchRulebook(ctx.config, ctx.logger, query, {
      ...(year !== undefined ? { year } : {}),
      ...(section ? { section } : {}),
    });
    const hits = result.hits.map((h) => ({
      citation: h.citation,
      document: h.document,
      season: h.season,
      section: h.section,
      article: h.article,
      heading: h.heading,
      page: h.page,
      text: h.text,
    }));
    return {
      data: { hits, note: result.scope.note, article: result.article },
      markdown: formatForAgent(result),
      sources: [...new Set(hits.map((h) => h.citation))],
    };
  },
});
