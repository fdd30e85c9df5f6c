// Scoring the agent on question sets (JSONL: question, category, accept[], expect_unavailable):
// accuracy per category and latency percentiles.
import { readFileSync } from 'node:fs';
import { normalize } from '../text.ts';

export interface QaItem {
  id: string;
  category: string;
  question: string;
  accept: string[];
  expect_unavailable: boolean;
}

export function readQaFile(path: string): QaItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaItem);
}

const UNAVAILABLE =
  /\b(not available|not in the data|no such|not yet|hasn t been|has not been|no results?|not been run|not run|no data)\b/;

/** Correct when an accepted string appears as whole words (accent- and case-insensitive); or, for questions
 *  about things not in the data, when the answer says the result is not available. */
export function judge(item: QaItem, answer: string): boolean {
  const text = normalize(answer);
  if (item.expect_unavailable) return UNAVAILABLE.test(text);
  return item.accept.some((acc) => {
    const a = normalize(acc);
    return a !== '' && (' ' + text + ' ').includes(' ' + a + ' ');
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface QaReport {
  total: number;
  correct: number;
  categories: { category: string; total: number; correct: number }[];
  p50: number;
  p95: number;
  failures: { id: string; question: string; answer: string }[];
}

export async function runQaEval(
  items: QaItem[],
  ask: (question: string) => Promise<string>,
  onProgress?: (done: number, total: number) => void,
): Promise<QaReport> {
  const times: number[] = [];
  const byCat = new Map<string, { total: number; correct: number }>();
  const failures: QaReport['failures'] = [];
  let correct = 0;
  for (const [i, item] of items.entries()) {
    const t0 = performance.now();
    const answer = await ask(item.question);
    times.push(performance.now() - t0);
    const ok = judge(item, answer);
    const cat = byCat.get(item.category) ?? { total: 0, correct: 0 };
    cat.total++;
    if (ok) {
      cat.correct++;
      correct++;
    } else failures.push({ id: item.id, question: item.question, answer });
    byCat.set(item.category, cat);
    onProgress?.(i + 1, items.length);
  }
  return {
    total: items.length,
    correct,
    categories: [...byCat]
      .map(([category, v]) => ({ category, ...v }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    failures,
  };
}

export function formatQaReport(r: QaReport): string {
  const pct = (c: number, t: number) => `${((100 * c) / Math.max(t, 1)).toFixed(1)}%`;
  const width = Math.max(8, ...r.categories.map((c) => c.category.length));
  const lines = [
    `${'category'.padEnd(width)}  correct  total  accuracy`,
    ...r.categories.map(
      (c) =>
        `${c.category.padEnd(width)}  ${String(c.correct).padStart(7)}  ${String(c.total).padStart(5)}  ${pct(c.correct, c.total).padStart(8)}`,
    ),
    `${'ALL'.padEnd(width)}  ${String(r.correct).padStart(7)}  ${String(r.total).padStart(5)}  ${pct(r.correct, r.total).padStart(8)}`,
    `latency p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`,
  ];
  return lines.join('\n');
}
