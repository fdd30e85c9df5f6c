// The sentences of retrieved articles that answer a question: with no language model to summarise, the
// offline answer quotes the one or two sentences that share the most of the question's words (rarer words
// count more), from the best-ranked articles, instead of pasting article openings.
import { normalizeName } from '../data/queries/names.ts';

export interface QuotableHit {
  citation: string;
  text: string;
}

export interface Quote {
  citation: string;
  sentence: string;
  score: number;
}

const STOP = new Set(
  `a an the of in on at to for by with from and or is are was were be been do does did what which who whom how when
  where why can could would should will shall may might if then than that this these those it its there their
  they he she his her any all each every under during about into onto over per as not no so such i we you me my
  happen happens f1 formula one rule rules regulation regulations article articles fia allowed`.split(/\s+/),
);

const round = (x: number) => Math.round(x * 100) / 100;

/** Light stemming so "flags" meets "flag" and "penalties" meets "penalty". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function terms(text: string): string[] {
  return normalizeName(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

/** Sentences of an article's text: split after . ; or a line break, numbered sub-articles kept whole. */
export function sentencesOf(text: string): string[] {
  return (
    text
      .replace(/\s+/g, ' ')
      .split(/(?<=[.;!?])\s+(?=[A-Z(a-z]\)?|\d+\.\d+|[A-Z])/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 25 && s.split(' ').length >= 6)
      // A run-on clause list is quoted up to a word boundary near 500 characters.
      .map((s) => (s.length > 500 ? `${s.slice(0, 500).replace(/\s+\S*$/, '')} …` : s))
  );
}

/**
 * The best one or two sentences for the question from the first `maxHits` hits. A sentence scores the sum
 * of the inverse frequencies (over all candidate sentences) of the question's words it contains.
 * Sentences sharing no question word are never quoted.
 */
export function bestSentences(
  question: string,
  hits: readonly QuotableHit[],
  maxHits = 2,
  want = 2,
): Quote[] {
  const asked = [...new Set(terms(question))];
  if (asked.length === 0) return [];
  const candidates = hits.slice(0, maxHits).flatMap((h, rank) =>
    sentencesOf(h.text).map((sentence) => ({
      citation: h.citation,
      sentence,
      rank,
      words: new Set(terms(sentence)),
    })),
  );
  const df = new Map<string, number>();
  for (const c of candidates) for (const w of asked) if (c.words.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const scored = candidates
    .map((c) => {
      let score = 0;
      for (const w of asked) if (c.words.has(w)) score += Math.log(1 + candidates.length / (df.get(w) ?? 1));
      return { ...c, score };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  // The retriever ranked the articles with more than words (vectors, headings): the first quote comes from
  // the best-ranked article that has a matching sentence; a second, from another article, only when it
  // matches nearly as well.
  const first = [...scored].sort((a, b) => a.rank - b.rank || b.score - a.score)[0];
  if (!first) return [];
  const out: Quote[] = [{ citation: first.citation, sentence: first.sentence, score: round(first.score) }];
  for (const c of scored) {
    if (out.length >= want) break;
    if (c === first || c.score < 0.75 * first.score || c.citation === first.citation) continue;
    out.push({ citation: c.citation, sentence: c.sentence, score: round(c.score) });
  }
  return out;
}
