// Matching free-text names against a set of named things (drivers, teams, grands prix, circuits).
// Pure: no database. Text is compared accent- and case-insensitively ("Räikkönen" = "raikkonen").
// A query matches an entry in tiers, best first:
//   exact   the whole query equals one of the entry's names ("verstappen", "max verstappen", "ver"),
//   words   every query word is a whole word of one name ("italian" → "italian grand prix", "spa"),
//   prefix  every query word starts a word of one name ("max verst", "hamil"),
//   typo    a name (or one of its words) is within a small edit distance ("verstapen").
// Entries may carry secondary names (a grand prix's circuit or country) that rank below primary ones
// of the same tier. Choosing among several matches (season, recency) is the caller's business: see `pickBest`.
import { distance } from 'fastest-levenshtein';

/** Lower case, accents stripped, anything but letters and digits turned into single spaces. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface NameEntry<T> {
  id: string;
  /** How the entry is shown in suggestions ("Max Verstappen"). */
  label: string;
  /** Names that identify the entry; normalised here, so pass them raw. */
  names: readonly (string | null | undefined)[];
  /** Names that identify it less directly (a grand prix's circuit, place or country). */
  secondary?: readonly (string | null | undefined)[];
  value: T;
}

/**
 * Lower is better: exact primary 0, exact secondary 1, words primary 2, words secondary 3,
 * prefix primary 4, prefix secondary 5, typo 6.
 */
export type MatchRank = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface NameMatch<T> {
  entry: NameEntry<T>;
  rank: MatchRank;
}

interface Indexed<T> {
  entry: NameEntry<T>;
  /** [normalised name, its words, secondary?] */
  names: { text: string; words: string[]; secondary: boolean }[];
}

const MIN_PREFIX_QUERY = 3;

/** Edits tolerated for a typo match: none for short words, where one edit makes another name. */
function typoBudget(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

export class NameIndex<T> {
  private readonly items: Indexed<T>[];
  private readonly exact = new Map<string, { item: Indexed<T>; secondary: boolean }[]>();

  constructor(entries: readonly NameEntry<T>[]) {
    this.items = entries.map((entry) => {
      const names: Indexed<T>['names'] = [];
      const seen = new Set<string>();
      const add = (raw: string | null | undefined, secondary: boolean) => {
        const text = raw ? normalizeName(raw) : '';
        if (!text || seen.has(text)) return;
        seen.add(text);
        names.push({ text, words: text.split(' '), secondary });
      };
      for (const n of entry.names) add(n, false);
      for (const n of entry.secondary ?? []) add(n, true);
      return { entry, names };
    });
    for (const item of this.items) {
      for (const n of item.names) {
        const list = this.exact.get(n.text) ?? [];
        list.push({ item, secondary: n.secondary });
        this.exact.set(n.text, list);
      }
    }
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * Every entry the query names, each with its best rank. Exact and prefix matches are returned together
   * (so a caller can prefer, say, a driver of the right season over an exact namesake of another era);
   * typo matches only when nothing matched otherwise.
   */
  match(query: string): NameMatch<T>[] {
    const q = normalizeName(query);
    if (!q) return [];
    const best = new Map<Indexed<T>, MatchRank>();
    const offer = (item: Indexed<T>, rank: MatchRank) => {
      const prev = best.get(item);
      if (prev === undefined || rank < prev) best.set(item, rank);
    };
    for (const { item, secondary } of this.exact.get(q) ?? []) offer(item, secondary ? 1 : 0);

    if (q.replace(/ /g, '').length >= MIN_PREFIX_QUERY) {
      const qWords = q.split(' ');
      for (const item of this.items) {
        for (const n of item.names) {
          if (qWords.every((w) => n.words.includes(w))) offer(item, n.secondary ? 3 : 2);
          else if (qWords.every((w) => n.words.some((nw) => nw.startsWith(w))))
            offer(item, n.secondary ? 5 : 4);
        }
      }
    }
    if (best.size === 0) {
      const budget = typoBudget(q.length);
      if (budget > 0) {
        for (const item of this.items) {
          if (this.nearest(q, item) <= budget) offer(item, 6);
        }
      }
    }
    return [...best].map(([item, rank]) => ({ entry: item.entry, rank }));
  }

  /** The `limit` entries whose names are nearest to the query (for "did you mean" lists). */
  closest(query: string, limit = 5): NameEntry<T>[] {
    const q = normalizeName(query);
    if (!q) return [];
    return this.items
      .map((item) => ({ item, d: this.nearest(q, item) / Math.max(q.length, 1) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, limit)
      .map((x) => x.item.entry);
  }

  /** Smallest edit distance from the query to a name of the item, or to one word of a name. */
  private nearest(q: string, item: Indexed<T>): number {
    let min = Infinity;
    const single = !q.includes(' ');
    for (const n of item.names) {
      min = Math.min(min, distance(q, n.text));
      if (single && n.words.length > 1) for (const w of n.words) min = Math.min(min, distance(q, w));
      // A query that starts a longer name ("hamil") is closer than its raw distance says.
      if (n.text.startsWith(q)) min = Math.min(min, 0.5);
    }
    return min;
  }
}

/** A sort key of a match: larger is better; keys compare left to right. */
export type PreferenceKey<T> = (m: NameMatch<T>) => number;

export type Pick<T> =
  { kind: 'one'; match: NameMatch<T> } | { kind: 'ambiguous'; matches: NameMatch<T>[] } | { kind: 'none' };

/**
 * The single best match by the given keys (compared in order, larger wins). Several matches tied on every
 * key → ambiguous, and the tied ones are returned so the caller can list them.
 */
export function pickBest<T>(matches: readonly NameMatch<T>[], keys: readonly PreferenceKey<T>[]): Pick<T> {
  if (matches.length === 0) return { kind: 'none' };
  const top = topByKeys(matches, keys);
  return top.length === 1 ? { kind: 'one', match: top[0]! } : { kind: 'ambiguous', matches: top };
}

/** The items tied best by sort keys compared in order (larger wins), in their input order. */
export function topByKeys<M>(items: readonly M[], keys: readonly ((m: M) => number)[]): M[] {
  const scored = items.map((m) => ({ m, k: keys.map((key) => key(m)) }));
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };
  scored.sort((a, b) => cmp(a.k, b.k));
  return scored.filter((s) => cmp(s.k, scored[0]!.k) === 0).map((s) => s.m);
}
