// The Universal Sentence Encoder-lite tokenizer: a SentencePiece unigram vocabulary (8,000 pieces)
// segmented by best total score. It reproduces, id for id, the tokenizer of the TensorFlow.js USE
// (also used by @energetic-ai/embeddings) — including its tie-breaking and the merging of repeated
// unknown pieces — so vectors computed here equal those computed there.

const SEPARATOR = '\u2581';
const RESERVED = 6;
const UNKNOWN = 0;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Vocabulary index when a piece ends here, else -1. */
  index: number;
  score: number;
  /** Piece length in code points. */
  length: number;
}

const newNode = (length: number): TrieNode => ({ children: new Map(), index: -1, score: 0, length });

export class UseLiteTokenizer {
  private readonly root = newNode(0);
  /** UTF-16 length of each piece: the original steps back by this when reading the best path. */
  private readonly pieceLength: number[];

  constructor(vocabulary: readonly (readonly [string, number])[]) {
    this.pieceLength = vocabulary.map(([piece]) => piece.length);
    for (let i = RESERVED; i < vocabulary.length; i++) {
      const [piece, score] = vocabulary[i]!;
      let node = this.root;
      let depth = 0;
      for (const ch of piece) {
        depth++;
        let next = node.children.get(ch);
        if (!next) node.children.set(ch, (next = newNode(depth)));
        node = next;
      }
      node.index = i;
      node.score = score;
    }
  }

  encode(text: string): number[] {
    const normalised = text.normalize('NFKC');
    const symbols = normalised.length > 0 ? [...(SEPARATOR + normalised.replace(/ /g, SEPARATOR))] : [];
    const n = symbols.length;
    // Candidates ending at each position, grouped by start position in ascending order.
    const ending: { index: number; score: number; length: number }[][] = Array.from(
      { length: n + 1 },
      () => [],
    );
    for (let i = 0; i < n; i++) {
      let node = this.root.children.get(symbols[i]!);
      let found = false;
      for (let j = i; j < n && node; j++) {
        if (node.index >= 0) {
          ending[i + node.length]!.push({ index: node.index, score: node.score, length: node.length });
          found = true;
        }
        node = j + 1 < n ? node.children.get(symbols[j + 1]!) : undefined;
      }
      if (!found) ending[i + 1]!.push({ index: UNKNOWN, score: 0, length: 1 });
    }
    const words = new Array<number>(n + 1).fill(0);
    const best = new Array<number>(n + 1).fill(0);
    for (let end = 0; end <= n; end++) {
      // Candidates were added by ascending start position: the order in which the original visits
      // them (an object keyed by start), which matters because ties go to the later candidate.
      for (const c of ending[end]!) {
        const score = c.score + best[end - c.length]!;
        if (best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          words[end] = c.index;
        }
      }
    }
    const out: number[] = [];
    for (let at = n; at > 0; at -= this.pieceLength[words[at]!]!) out.push(words[at]!);
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of out) {
      if (!(previousUnknown && id === UNKNOWN)) merged.push(id);
      previousUnknown = id === UNKNOWN;
    }
    return merged.reverse();
  }
}
