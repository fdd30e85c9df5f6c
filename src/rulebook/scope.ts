// Which document editions a search covers. A named season searches that season; no season means
// "the latest regulations": the newest edition of each section (2026 Sporting, but 2025 Technical
// while 2026's Section C is not in the folder). Unknown seasons and sections are bad requests that
// list what exists.
import { badRequest } from '../errors.ts';
import { SECTIONS, type DocumentInfo, type Section } from './types.ts';

export interface Scope {
  docs: DocumentInfo[];
  /** True when no season was asked for and the latest editions were used. */
  latest: boolean;
  note: string;
}

export function parseSection(value: string, docs: readonly DocumentInfo[]): Section {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const wanted = norm(value);
  const aliases: Record<string, Section> = {
    pufinancial: 'PU Financial',
    powerunitfinancial: 'PU Financial',
    pu: 'PU Financial',
  };
  const found = SECTIONS.find((s) => norm(s) === wanted) ?? aliases[wanted];
  const available = [...new Set(docs.map((d) => d.section))];
  if (!found || !available.includes(found)) {
    throw badRequest(`unknown section "${value}"; available: ${available.join(', ')}`, { available });
  }
  return found;
}

export function resolveScope(
  docs: readonly DocumentInfo[],
  season: number | undefined,
  section: Section | undefined,
): Scope {
  const seasons = [...new Set(docs.map((d) => d.season))].sort();
  if (season !== undefined) {
    if (!seasons.includes(season)) {
      throw badRequest(`no regulations for season ${season}; available: ${seasons.join(', ')}`, {
        available: seasons,
      });
    }
    const inSeason = docs.filter((d) => d.season === season);
    const picked = section ? inSeason.filter((d) => d.section === section) : inSeason;
    if (picked.length === 0) {
      const available = inSeason.map((d) => d.section);
      throw badRequest(`no ${section} regulations for ${season}; available: ${available.join(', ')}`, {
        available,
      });
    }
    return { docs: picked, latest: false, note: `Searched the ${season} regulations.` };
  }
  const latest = new Map<Section, DocumentInfo>();
  for (const d of docs) {
    const cur = latest.get(d.section);
    if (!cur || d.season > cur.season) latest.set(d.section, d);
  }
  const picked = [...latest.values()].filter((d) => !section || d.section === section);
  const list = picked.map((d) => `${d.season} ${d.section}`).join(', ');
  return { docs: picked, latest: true, note: `No season given: searched the latest regulations (${list}).` };
}
