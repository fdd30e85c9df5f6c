// The one markdown table of the product: chat answers, tool results, analysis and eval reports.

export type Cell = string | number | null | undefined;

/** A GitHub-flavoured markdown table; an empty cell prints as "–". */
export function markdownTable(headers: string[], rows: Cell[][]): string {
  const cell = (v: Cell) => (v === null || v === undefined || v === '' ? '–' : String(v));
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
