// Weighted reciprocal rank fusion (Cormack et al. 2009): robust to the incomparable score scales of
// BM25 and cosine distance. k = 60 is the customary constant; the rulebook uses a sharper one.

export interface Ranked {
  id: string;
}

export function reciprocalRankFusion(
  lists: { items: readonly Ranked[]; weight: number }[],
  k = 60,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const { items, weight } of lists) {
    items.forEach((item, rank) => scores.set(item.id, (scores.get(item.id) ?? 0) + weight / (k + rank + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
