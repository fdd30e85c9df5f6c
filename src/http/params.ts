// Request schemas shared by every domain's routes (neutral: no domain and not the server).
// Path and query parameters shared by the F1 data routes. Malformed values fail validation (→ 400);
// well-formed values the data does not know (a season not in the database, round 30) are the query layer's
// not_found (→ 404).
import { z } from 'zod';

/** The first world championship season; nothing earlier can exist. */
export const FIRST_SEASON = 1950;
const LAST_PLAUSIBLE_SEASON = 2100;

/**
 * A whole number in a path or query string, written as plain digits: `z.coerce` would read "" and " " as 0,
 * "0x10" as 16 and "1e3" as 1000; those are malformed here (400). Numbers already parsed (JSON) pass.
 */
export function wholeNumber(min: number, max: number, what = 'a whole number') {
  return z
    .union([z.string().regex(/^\d{1,9}$/, `${what} is written as digits only`), z.number()])
    .transform((v) => Number(v))
    .pipe(
      z
        .number()
        .int(`${what} is a whole number`)
        .min(min, `${what} is ${min} or more`)
        .max(max, `${what} is ${max} or less`),
    );
}

export const year = z
  .union([z.string().regex(/^\d{1,9}$/, 'a season is written as digits only'), z.number()])
  .transform((v) => Number(v))
  .pipe(
    z
      .number()
      .int()
      .min(FIRST_SEASON, `a season is ${FIRST_SEASON} or later`)
      .max(LAST_PLAUSIBLE_SEASON, `a season is ${LAST_PLAUSIBLE_SEASON} or earlier`),
  )
  .describe('Season, e.g. 2024');

/** A round number (1, 2, ...) or a grand prix, circuit or place name ("monza", "italian"). */
export const round = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((value, ctx) => {
    const numeric = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(value);
    if (numeric && !(/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 99)) {
      ctx.addIssue({ code: 'custom', message: 'a round number is a whole number from 1 to 99' });
    }
  })
  .describe('Round number or grand prix name, e.g. 16, "monza", "Italian Grand Prix"');

/** A driver, constructor or circuit: f1db id or a name, code or number. */
export const name = (what: string) => z.string().trim().min(1).max(100).describe(what);

export const limit = wholeNumber(1, 1000, 'limit').default(50).describe('Maximum number of results');

export const yearParams = z.object({ year });
export const raceParams = z.object({ year, round });
export const standingsQuery = z.object({
  round: round
    .optional()
    .describe('Standings after this round (number or grand prix name); default: the latest'),
});
export const listQuery = z.object({
  search: z.string().trim().min(1).max(100).optional().describe('Name, code or number to search for'),
  year: year.optional().describe('Only entrants of this season (default without search: the latest season)'),
  limit,
});
