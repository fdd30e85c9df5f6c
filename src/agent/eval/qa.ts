// Scoring the agent on question sets (JSONL: question, group, category, accept[], accept_all[],
// expect_unavailable), with the grading rules of the fan-QA sets: accent- and case-folded matching, plain
// numbers matched as whole numbers, every `accept_all` string required. Each reply is one of
//   correct     the accepted answer (or, for questions the data cannot answer, a plain "not in the data"),
//   wrong       a wrong value stated as fact — the outcome that costs trust,
//   abstained   the engine said it could not answer, or that the data does not hold it.
import { readFileSync } from 'node:fs';
import { AppError } from '../../errors.ts';

export interface QaItem {
  id: string;
  group?: string;
  category: string;
  question: string;
  accept: string[];
  accept_all?: string[];
  expect_unavailable: boolean;
}

export type Verdict = 'correct' | 'wrong' | 'abstained';

export interface QaReply {
  answer: string;
  /** The engine's own account (offline engine); replies without one are read from their words. */
  status?: 'answered' | 'unavailable' | 'abstained' | undefined;
}

export function readQaFile(path: string): QaItem[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  return lines
    .map((l, i) => ({ l: l.trim(), i }))
    .filter(({ l }) => l)
    .map(({ l, i }) => {
      try {
        const item = JSON.parse(l) as QaItem;
        if (typeof item.question !== 'string' || !Array.isArray(item.accept)) throw new Error('no question');
        return item;
      } catch {
        throw new AppError('bad_request', `${path}:${i + 1}: not a question record`);
      }
    });
}

/** Lower case with accents folded (NFKD, combining marks dropped), as the sets' grading rules say. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A plain number matches only as a whole number ("6" is not in "16", "2026" or "6.5"); text as a substring. */
export function matches(reply: string, accepted: string): boolean {
  const a = fold(accepted).trim();
  if (!a) return false;
  const text = fold(reply);
  if (/^\d+$/.test(a)) return new RegExp(`(?<![\\d.])${a}(?![\\d]|\\.\\d)`).test(text);
  return text.includes(a);
}

const UNAVAILABLE =
  /\b(not available|not in the data|no such|not yet|hasn t been|has not been|no results?|not been run|not run|no data|does not (hold|store|have|record)|doesn t (hold|store|have|record)|was not held|wasn t held|never (started|raced|took part)|not held|isn t in|is not in|cannot|can t)\b/;

function saysUnavailable(answer: string): boolean {
  return UNAVAILABLE.test(fold(answer).replace(/[^a-z0-9]+/g, ' '));
}

export function verdict(item: QaItem, reply: QaReply): Verdict {
  const declined = reply.status ? reply.status !== 'answered' : saysUnavailable(reply.answer);
  if (item.expect_unavailable)
    return declined && reply.status !== 'abstained' ? 'correct' : declined ? 'abstained' : 'wrong';
  const hit =
    item.accept.some((s) => matches(reply.answer, s)) &&
    (item.accept_all ?? []).every((s) => matches(reply.answer, s));
  if (hit) return 'correct';
  return declined ? 'abstained' : 'wrong';
}

/** True when the reply is correct (kept for callers that only need a yes/no). */
export function judge(item: QaItem, answer: string): boolean {
  return verdict(item, { answer }) === 'correct';
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Tally {
  name: string;
  total: number;
  correct: number;
  wrong: number;
  abstained: number;
}

export interface QaReport {
  total: number;
  correct: number;
  wrong: number;
  abstained: number;
  groups: Tally[];
  categories: Tally[];
  p50: number;
  p95: number;
  max: number;
  misses: { id: string; verdict: Verdict; question: string; answer: string }[];
}

function tally(map: Map<string, Tally>, name: string, v: Verdict): void {
  const t = map.get(name) ?? { name, total: 0, correct: 0, wrong: 0, abstained: 0 };
  t.total++;
  t[v]++;
  map.set(name, t);
}

export async function runQaEval(
  items: QaItem[],
  ask: (question: string) => Promise<QaReply>,
  onProgress?: (done: number, total: number) => void,
): Promise<QaReport> {
  const times: number[] = [];
  const groups = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  const misses: QaReport['misses'] = [];
  const counts = { correct: 0, wrong: 0, abstained: 0 };
  for (const [i, item] of items.entries()) {
    const t0 = performance.now();
    const reply = await ask(item.question);
    times.push(performance.now() - t0);
    const v = verdict(item, reply);
    counts[v]++;
    tally(groups, item.group ?? item.category, v);
    tally(categories, item.category, v);
    if (v !== 'correct')
      misses.push({ id: item.id, verdict: v, question: item.question, answer: reply.answer });
    onProgress?.(i + 1, items.length);
  }
  const sorted = (m: Map<string, Tally>) => [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    total: items.length,
    ...counts,
    groups: sorted(groups),
    categories: sorted(categories),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(0, ...times),
    misses,
  };
}

function tableOf(title: string, rows: Tally[], all: Tally): string[] {
  const pct = (c: number, t: number) => `${((100 * c) / Math.max(t, 1)).toFixed(1)}%`;
  const width = Math.max(title.length, 5, ...rows.map((c) => c.name.length));
  const line = (t: Tally) =>
    `${t.name.padEnd(width)}  ${String(t.total).padStart(5)}  ${String(t.correct).padStart(7)}  ${String(t.wrong).padStart(5)}  ${String(t.abstained).padStart(9)}  ${pct(t.correct, t.total).padStart(8)}`;
  return [
    `${title.padEnd(width)}  total  correct  wrong  abstained  accuracy`,
    ...rows.map(line),
    line({ ...all, name: 'ALL' }),
  ];
}

export function formatQaReport(r: QaReport, opts: { categories?: boolean } = {}): string {
  const all: Tally = {
    name: 'ALL',
    total: r.total,
    correct: r.correct,
    wrong: r.wrong,
    abstained: r.abstained,
  };
  const lines = tableOf('group', r.groups, all);
  if (opts.categories) lines.push('', ...tableOf('category', r.categories, all));
  lines.push(`latency p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`);
  return lines.join('\n');
}
