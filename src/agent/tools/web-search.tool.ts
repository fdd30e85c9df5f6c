// Web search through Tavily's search API — offered to the model only when TAVILY_API_KEY is set.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { defineTool } from './types.ts';

interface TavilyResult {
  title?: string;
  url?: string;
  content?: string;
}

export default defineTool({
  name: 'perform_web_search',
  description:
    'Searches the web for recent F1 news (driver moves, penalties announced today, technical updates) that the F1 database and rulebook do not hold. Returns titles, snippets and URLs. Do not use for results, standings or rules: the other tools are authoritative.',
  inputSchema: z.object({ query: z.string().min(2).max(300).describe('Search terms') }),
  enabled: (config) => Boolean(config.TAVILY_API_KEY),
  async execute({ query }, ctx) {
    const res = await fetch(`${ctx.config.TAVILY_BASE_URL.replace(/\/$/, '')}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.config.TAVILY_API_KEY}` },
      body: JSON.stringify({ query, search_depth: 'basic', max_results: 3, topic: 'news' }),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (!res.ok) throw new AppError('upstream_error', `Web search failed: HTTP ${res.status}`);
    const body = (await res.json()) as { results?: TavilyResult[] };
    const results = (body.results ?? []).map((r) => ({
      title: String(r.title ?? ''),
      url: String(r.url ?? ''),
      snippet: String(r.content ?? '').slice(0, 500),
    }));
    const markdown = results.length
      ? results.map((r) => `**${r.title}**\n${r.snippet}\n<${r.url}>`).join('\n\n')
      : 'No web results.';
    return { data: { query, results }, markdown, sources: results.map((r) => r.url) };
  },
});
