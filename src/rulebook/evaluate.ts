// Retrieval evaluation over a JSONL question set: recall@1/5/10, MRR and latency per search mode.
// A hit is the expected article, or one of its sub-articles, in the named document.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import type { Rulebook, SearchMode } from './rulebook.ts';
import type { SearchHit } from './types.ts';

const questionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  year: z.number().int().nullable().optional(),
  document: z.string(),
  section: z.string().optional(),
  articles: z.array(z.string()).min(1),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export function readQuestions(path: string): EvalQuestion[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw badRequest(`cannot read ${path}: ${(err as Error).message}`);
  }
  return text
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l.length > 0)
    .map(([l, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(l);
      } catch {
        throw badRequest(`${path}:${n}: not JSON`);
      }
      const parsed = questionSchema.safeParse(json);
      if (!parsed.success) throw badRequest(`${path}:${n}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    });
}

export function isHit(
  hit: Pick<SearchHit, 'file' | 'article'>,
  q: Pick<EvalQuestion, 'document' | 'articles'>,
): boolean {
  if (hit.file !== q.document) return false;
  const a = hit.article.toUpperCase();
  return q.articles.some((x) => a === x.toUpperCase() || a.startsWith(`${x.toUpperCase()}.`));
}

export interface ModeReport {
  mode: SearchMode;
  questions: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  p50Ms: number;
  p95Ms: number;
  misses: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function evaluate(
  rulebook: Rulebook,
  questions: EvalQuestion[],
  modes: SearchMode[] = ['bm25', 'dense', 'hybrid'],
): Promise<ModeReport[]> {
  await rulebook.init();
  const reports: ModeReport[] = [];
  for (const mode of modes) {
    const ranks: (number | null)[] = [];
    const times: number[] = [];
    const misses: string[] = [];
    for (const q of questions) {
      const t0 = performance.now();
      const { hits } = await rulebook.search(q.question, {
        k: 10,
        mode,
        ...(q.year ? { year: q.year } : {}),
      });
      times.push(performance.now() - t0);
      const idx = hits.findIndex((h) => isHit(h, q));
      ranks.push(idx < 0 ? null : idx + 1);
      if (idx !== 0) misses.push(`${q.id}${idx < 0 ? ' (not in top 10)' : ` (rank ${idx + 1})`}`);
    }
    const n = questions.length || 1;
    const at = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
    times.sort((a, b) => a - b);
    reports.push({
      mode,
      questions: questions.length,
      recallAt1: at(1),
      recallAt5: at(5),
      recallAt10: at(10),
      mrr: ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      misses,
    });
  }
  return reports;
}

export function formatReport(reports: ModeReport[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    'mode     questions  recall@1  recall@5  recall@10  MRR    p50 ms  p95 ms',
    ...reports.map(
      (r) =>
        `${r.mode.padEnd(8)} ${String(r.questions).padStart(9)}  ${f(r.recallAt1).padStart(8)}  ${f(r.recallAt5).padStart(8)}  ${f(r.recallAt10).padStart(9)}  ${f(r.mrr)}  ${r.p50Ms.toFixed(1).padStart(6)}  ${r.p95Ms.toFixed(1).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}
