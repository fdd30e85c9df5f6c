// Ergast-style identifiers for entities the Ergast tables do not know (newer than the CSV dump, or when
// no dump is configured). Ergast ids are lower-case ASCII with underscores: `hamilton`, `max_verstappen`,
// `red_bull`, `albert_park`.
import { normalizeName } from '../data/queries/names.ts';

/** The product's name normal form with the spaces dropped, to match names across spellings: "Hülkenberg" →
 * "hulkenberg", "De Vries" → "devries". */
export function compactName(s: string): string {
  return normalizeName(s).replace(/ /g, '');
}

/** "de Vries" → "de_vries", "Red Bull" → "red_bull". */
export function ergastSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A driver id in Ergast style: the surname, or forename_surname when the surname is taken. */
export function deriveDriverId(firstName: string, lastName: string, taken: ReadonlySet<string>): string {
  const bySurname = ergastSlug(lastName);
  if (bySurname && !taken.has(bySurname)) return bySurname;
  const full = ergastSlug(`${firstName} ${lastName}`);
  if (!taken.has(full)) return full;
  for (let i = 2; ; i++) if (!taken.has(`${full}_${i}`)) return `${full}_${i}`;
}

/** A constructor or circuit id in Ergast style from its name (or f1db id), unique among `taken`. */
export function deriveId(name: string, taken: ReadonlySet<string>): string {
  const base = ergastSlug(name) || 'unknown';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** Ergast's status text for a classified finisher: "Finished", "+1 Lap", "+3 Laps". */
export function lapsDownStatus(lapsDown: number): string {
  if (lapsDown <= 0) return 'Finished';
  return lapsDown === 1 ? '+1 Lap' : `+${lapsDown} Laps`;
}

/** f1db position text of a non-classified entry → Ergast's one-letter positionText. */
export function ergastPositionText(positionText: string): string {
  switch (positionText) {
    case 'DNF':
      return 'R';
    case 'DSQ':
      return 'D';
    case 'NC':
      return 'N';
    case 'DNS':
    case 'DNP':
      return 'W';
    case 'DNQ':
    case 'DNPQ':
      return 'F';
    case 'EX':
      return 'E';
    default:
      return positionText;
  }
}
