// The last check before an offline answer is given: does it speak of everything the question named?
// An answer about Jackie Stewart alone to "Stewart or Lauda?", or about a whole career to "Mansell in 92",
// answers another question; saying so is better than stating it as fact.
import type { ParsedQuestion } from './parse.ts';
import { normalize } from '../text.ts';

/**
 * What the question named that the answer never mentions: a driver (unless the answer names the team the
 * question ties him to: "Piquet's Brabham"), a team asked about without drivers, or the season.
 */
export function uncovered(q: ParsedQuestion, answer: string): string[] {
  const said = ` ${normalize(answer)} `;
  const mentions = (phrase: string) => said.includes(` ${normalize(phrase)} `);
  const gaps: string[] = [];
  const teamNamed = q.constructors.some((c) => mentions(c.name) || mentions(c.fullName));
  if (!teamNamed)
    for (const d of q.drivers) if (!mentions(d.lastName) && !mentions(d.name)) gaps.push(d.name);
  // A team asked about on its own must be named; beside drivers it may only scope them ("Ferrari team-mates").
  if (!q.drivers.length && q.constructors.length && !teamNamed) gaps.push(q.constructors[0]!.name);
  if (q.year !== undefined && !saysSeason(q, said, answer, q.year)) gaps.push(String(q.year));
  return gaps;
}

/** The season, or — for "before 2026", "since 2010" — the one next to it where the span starts or ends. */
function saysSeason(q: ParsedQuestion, said: string, answer: string, year: number): boolean {
  const bound = new RegExp(`\\b(before|after|since|until|till|prior to|up to) (the )?${year}\\b`).test(
    q.norm,
  );
  const years = bound ? [year, year - 1, year + 1] : [year];
  return years.some((y) => said.includes(` ${y} `) || coversYear(answer, y));
}

/** "1984–1994", "1984-1994": a span of seasons that holds `year`. */
function coversYear(answer: string, year: number): boolean {
  for (const m of answer.matchAll(/\b(19[5-9]\d|20\d\d)\s?[–-]\s?(19[5-9]\d|20\d\d)\b/g))
    if (Number(m[1]) <= year && year <= Number(m[2])) return true;
  return false;
}
