// Shared shapes of the rulebook domain: documents, chunks and search hits.

export const SECTIONS = [
  'General',
  'Sporting',
  'Technical',
  'Financial',
  'PU Financial',
  'Operational',
] as const;
export type Section = (typeof SECTIONS)[number];

/** One regulation PDF, described from its file name and folder. */
export interface DocumentInfo {
  /** Stable key of this edition, e.g. `2025-sporting`: one document per season and section. */
  key: string;
  file: string;
  season: number;
  section: Section;
  /** e.g. "2025 Sporting Regulations". */
  title: string;
  issue: number | null;
  /** ISO date of the issue, when the file name gives it. */
  issueDate: string | null;
}

/** A piece of one article (or sub-article) with everything a citation needs. */
export interface Chunk {
  /** Deterministic id: `<document key>:<article>#<part>`. */
  id: string;
  docKey: string;
  /** e.g. "55.17", "B5.13.2", "App1-3" for appendix text. */
  article: string;
  /** Parent headings joined with " › ", most general first. */
  heading: string;
  text: string;
  pageStart: number;
  pageEnd: number;
}

export interface SearchHit {
  document: string;
  file: string;
  section: Section;
  season: number;
  article: string;
  heading: string;
  page: number;
  pages: [number, number];
  text: string;
  score: number;
  /** e.g. "2025 Sporting Regulations, Art. 55.17 (Issue 5, p. 72)". */
  citation: string;
}

export function citationFor(doc: DocumentInfo, article: string, page: number): string {
  const art = article.startsWith('App')
    ? `Appendix ${article.slice(3).replace('-', ', para. ')}`
    : `Art. ${article}`;
  const issue = doc.issue === null ? '' : `Issue ${doc.issue}, `;
  return `${doc.title}, ${art} (${issue}p. ${page})`;
}
