// Splits the text of a regulation PDF into article-aware chunks. Pure: pages of text in, chunks out.
//
// The FIA documents number their articles in three styles, all handled here:
//   sporting 2024/25   "48) FALSE START"            then "48.1 Any of the penalties…"
//   technical/finance  "ARTICLE 3: AERODYNAMIC…" or "5. REPORTING REQUIREMENTS", then "3.6 Front Bodywork", "3.6.1 Nose"
//   2026 sections      "ARTICLE B5: TOTAL TIME…"    then "B5.13 Safety Car (SC)", "B5.13.2 …"
// A numbered line only opens a new chunk when its number plausibly follows the previous one, so
// cross-references that happen to wrap to the start of a line ("55.11, any other car…") stay text.
// Known hazards: change-marked issues print struck-through (deleted) text inline with the live text,
// and PDF tables lose their columns; neither can be recovered from the text layer, so such chunks
// may carry a deleted sentence or a flattened table. Appendices reuse article numbers, so appendix
// text is kept under its own id ("App3", "AppB2") and never under the article numbers it repeats.
import type { Chunk } from './types.ts';

/** Bumped whenever chunking changes, so that an ingest re-chunks documents whose bytes did not change. */
export const CHUNKER_VERSION = 2;

export interface ChunkOptions {
  docKey: string;
  /** Letter that prefixes every article number in this document (2026 sections: "B"), or "". */
  idPrefix: string;
  /** Longer chunks are split into parts of about `targetChars` at line boundaries. */
  maxChars?: number;
  targetChars?: number;
}

interface Line {
  text: string;
  page: number;
}

const normalise = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** Removes lines that repeat at the top or bottom of most pages (running headers, footers, page numbers). */
export function stripPageFurniture(pages: string[]): Line[][] {
  const split = pages.map((p) =>
    p
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l.length > 0),
  );
  const edge = (lines: string[]) => [...lines.slice(0, 7), ...lines.slice(-3)];
  const counts = new Map<string, number>();
  for (const lines of split) {
    for (const key of new Set(edge(lines).map(normalise))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(split.length * 0.4));
  const furniture = new Set([...counts].filter(([, n]) => n >= threshold).map(([k]) => k));
  return split.map((lines, i) =>
    lines
      .filter((l, j) => !((j < 7 || j >= lines.length - 3) && furniture.has(normalise(l))))
      .map((text) => ({ text, page: i + 1 })),
  );
}

/** "ARTICLE 3: AERODYNAMIC COMPONENTS 11", "APPENDIX 2 ‐ ELIGIBLE WIND TUNNEL ASSETS …… 50" */
const TOC_ENTRY = /^(ARTICLE|APPENDIX)\s+[A-F]?\d{1,2}\b.*[A-Za-z)’'\]]\s?[.…\s]*\d{1,3}$/;
const TOC_LINE = /(\.{4,}|…{2,}|\s\d{1,3})\s*$/;
const LOOKS_NUMBERED = /^(ARTICLE\s+|APPENDIX\s+)?[A-F]?\d{1,2}(\.\d{1,3})*[.):]?\s/i;

/** A contents page lists numbered headings that end in page numbers. */
export function isContentsPage(lines: Line[]): boolean {
  const tocLike = lines.filter(
    (l) => (LOOKS_NUMBERED.test(l.text) && TOC_LINE.test(l.text)) || /\.{6,}/.test(l.text),
  ).length;
  const listedHeadings = lines.filter((l) => TOC_ENTRY.test(l.text)).length;
  return (tocLike >= 5 && tocLike >= lines.length * 0.4) || listedHeadings >= 3;
}

/** True when `next` can follow `prev` in an article numbering (no going back, no wild jumps). */
export function plausiblyFollows(prev: number[], next: number[]): boolean {
  if (next.some((n) => n > 120)) return false;
  let i = 0;
  while (i < prev.length && i < next.length && prev[i] === next[i]) i++;
  if (i === next.length) return false; // equal or an ancestor of prev: going back
  const rest = (from: number) => next.slice(from).every((n) => n <= 2);
  if (i === prev.length) return next[i]! <= 2 && rest(i + 1); // first child of prev
  const step = next[i]! - prev[i]!;
  if (step <= 0) return false;
  return step <= (i === 0 ? 3 : 6) && rest(i + 1);
}

interface Boundary {
  id: string;
  path: number[];
  title: string;
  /** A bare heading ("B3.6 Post Sprint & Post Race Parc Fermé") rather than the first line of text. */
  isHeading: boolean;
  appendix: boolean;
}

const APPENDIX = /^APPENDIX\s+([A-F]?\d{1,2})\b\s*[:\-‐–.]?\s*(.*)$/;

function looksLikeHeading(rest: string): boolean {
  return (
    rest.length <= 70 &&
    !/[.,;:]$/.test(rest) &&
    rest.split(/\s+/).length <= 9 &&
    /^[A-Z“"(]/.test(rest) &&
    !/\b(must|shall|will|may|is|are)\b/.test(rest) &&
    // A wrapped sentence stops mid-phrase: "…the championship, which"
    !/\b(which|that|and|or|the|of|to|a|an|by|with|in|on|for|from|as|at|be)$/i.test(rest)
  );
}

export function parseBoundary(text: string, prefix: string): Omit<Boundary, 'appendix'> | null {
  const p = prefix;
  const num = p ? `${p}(\\d{1,2}(?:\\.\\d{1,3}){0,3})` : `(\\d{1,2}(?:\\.\\d{1,3}){0,3})`;
  // Upper-case "ARTICLE" only: running text says "Article D12 or Article D13".
  let m = new RegExp(`^ARTICLE\\s+${num}\\s*([:.\\-–]?)\\s*(.*)$`).exec(text);
  if (m && !m[1]!.includes('.') && (m[2] !== '' || m[3] === '' || m[3] === m[3]!.toUpperCase())) {
    return make(m[1]!, m[3]!.trim(), true);
  }
  if (!p) {
    m = /^(\d{1,2})\)\s+(\S.*)$/.exec(text);
    if (m) return make(m[1]!, m[2]!, true);
    m = /^(\d{1,2})\.\s+([A-Z][A-Z0-9 ,&'’()\-‐–/]+)$/.exec(text);
    if (m && m[2]!.length >= 4) return make(m[1]!, m[2]!, true);
  }
  m = new RegExp(`^${num}\\.?\\s+(\\S.*)$`).exec(text);
  if (m && m[1]!.includes('.') && /^[A-Z“"‘'([]/.test(m[2]!)) {
    return make(m[1]!, m[2]!, looksLikeHeading(m[2]!));
  }
  return null;

  function make(n: string, title: string, isHeading: boolean) {
    return { id: `${p}${n}`, path: n.split('.').map(Number), title: title.trim(), isHeading };
  }
}

export function chunkDocument(pages: string[], opts: ChunkOptions): Chunk[] {
  const maxChars = opts.maxChars ?? 2000;
  const targetChars = opts.targetChars ?? 1400;
  const lines = stripPageFurniture(pages)
    .filter((p) => !isContentsPage(p))
    .flat();

  const chunks: Chunk[] = [];
  const titles = new Map<string, string>(); // id → heading text, for the heading path of descendants
  let prev: number[] = [];
  let current: { b: Boundary; lines: Line[] } | null = null;
  let inAppendix = false;

  const headingPath = (b: Boundary): string => {
    if (b.appendix) return b.title;
    const parts: string[] = [];
    for (let depth = 1; depth <= b.path.length; depth++) {
      const id = `${opts.idPrefix}${b.path.slice(0, depth).join('.')}`;
      const t = titles.get(id);
      if (t && (depth < b.path.length || b.isHeading)) parts.push(depth === 1 ? `${id} ${t}` : `${id} ${t}`);
    }
    return parts.join(' › ');
  };

  const flush = () => {
    if (!current) return;
    const { b, lines: body } = current;
    current = null;
    const textLines = b.isHeading && !b.appendix ? body.slice(1) : body;
    if (textLines.length === 0) return;
    const heading = headingPath(b);
    let part: Line[] = [];
    let size = 0;
    const parts: Line[][] = [];
    const total = textLines.reduce((n, l) => n + l.text.length + 1, 0);
    for (const l of textLines) {
      part.push(l);
      size += l.text.length + 1;
      if (total > maxChars && size >= targetChars) {
        parts.push(part);
        part = [];
        size = 0;
      }
    }
    if (part.length > 0) {
      // A short tail is better glued to the part before it than left as a fragment.
      if (parts.length > 0 && size < targetChars / 3) parts[parts.length - 1]!.push(...part);
      else parts.push(part);
    }
    parts.forEach((p, i) => {
      const prefix = i === 0 || b.appendix ? '' : `${b.id} (continued) `;
      chunks.push({
        id: `${opts.docKey}:${b.id}#${i + 1}`,
        docKey: opts.docKey,
        article: b.id,
        heading,
        text: prefix + p.map((l) => l.text).join('\n'),
        pageStart: p[0]!.page,
        pageEnd: p[p.length - 1]!.page,
      });
    });
  };

  for (const line of lines) {
    // "APPENDIX 7" on a line of its own: its title ("AERODYNAMIC TESTING RESTRICTIONS (ATR)") is the next line.
    if (current?.b.appendix && current.lines.length === 1 && !current.b.title.includes(':')) {
      if (isTitleLine(line.text)) current.b.title += `: ${line.text.trim()}`;
    }
    const app = APPENDIX.exec(line.text);
    if (app && !TOC_ENTRY.test(line.text)) {
      flush();
      inAppendix = true;
      const b: Boundary = {
        id: `App${app[1]}`,
        path: [],
        title: `APPENDIX ${app[1]}${app[2] ? `: ${app[2]}` : ''}`,
        isHeading: true,
        appendix: true,
      };
      current = { b, lines: [line] };
      continue;
    }
    const found = parseBoundary(line.text, opts.idPrefix);
    // Inside an appendix only an explicit "ARTICLE n" heading returns to the articles.
    const allowed = found && (!inAppendix || (found.path.length === 1 && /^ARTICLE\s/i.test(line.text)));
    if (found && allowed && plausiblyFollows(prev, found.path)) {
      flush();
      inAppendix = false;
      prev = found.path;
      if (found.isHeading) titles.set(found.id, found.title);
      current = { b: { ...found, appendix: false }, lines: [line] };
      continue;
    }
    if (current) current.lines.push(line);
    // Text before the first article (cover, conventions, change log) is not regulation text.
  }
  flush();
  return dedupeIds(chunks);
}

/** An upper-case title line such as "DEFINITIONS AND INTERPRETATION" (not a sentence, not a form field). */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  const letters = t.replace(/[^A-Za-z]/g, '');
  return t.length >= 4 && t.length <= 120 && letters.length >= 4 && letters === letters.toUpperCase();
}

/** A repeated appendix heading (an appendix quoted in another) must not collide with the first. */
function dedupeIds(chunks: Chunk[]): Chunk[] {
  const seen = new Map<string, number>();
  return chunks.map((c) => {
    const n = seen.get(c.id) ?? 0;
    seen.set(c.id, n + 1);
    return n === 0 ? c : { ...c, id: `${c.id}~${n + 1}` };
  });
}
