// What counts as a race start: a race classification row whose position text is none of these (did not start,
// did not qualify or pre-qualify, did not practise, excluded). Shared by every count of starts.
export const NON_START_CODES: ReadonlySet<string> = new Set(['DNS', 'DNQ', 'DNPQ', 'DNP', 'EX']);

/** The same list in SQL, for `position_text NOT IN ${NON_STARTS}`. */
export const NON_STARTS = `(${[...NON_START_CODES].map((c) => `'${c}'`).join(', ')})`;
