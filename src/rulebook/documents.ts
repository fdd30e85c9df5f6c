// Describes a regulation PDF from its path: season (folder or file name), section, issue and date.
// The FIA names files inconsistently ("Issue 5", "Iss 04", "issue_03"), so each field has its own pattern.
import { basename, dirname } from 'node:path';
import type { DocumentInfo, Section } from './types.ts';

const SECTION_LETTERS: Record<string, Section> = {
  A: 'General',
  B: 'Sporting',
  C: 'Technical',
  D: 'Financial',
  E: 'PU Financial',
  F: 'Operational',
};

function sectionOf(name: string): Section | null {
  const letter = /\bSection[\s_]+([A-F])\b/i.exec(name);
  if (letter) return SECTION_LETTERS[letter[1]!.toUpperCase()]!;
  const n = name.toLowerCase().replace(/[_-]+/g, ' ');
  if (/\bsporting\b/.test(n)) return 'Sporting';
  if (/\btechnical\b/.test(n)) return 'Technical';
  if (/\b(pu|power unit)\b.*\bfinancial\b/.test(n)) return 'PU Financial';
  if (/\bfinancial\b/.test(n)) return 'Financial';
  if (/\boperational\b/.test(n)) return 'Operational';
  if (/\bgeneral\b/.test(n)) return 'General';
  return null;
}

const SLUG: Record<Section, string> = {
  General: 'general',
  Sporting: 'sporting',
  Technical: 'technical',
  Financial: 'financial',
  'PU Financial': 'pu-financial',
  Operational: 'operational',
};

export function documentKey(season: number, section: Section): string {
  return `${season}-${SLUG[section]}`;
}

/** Returns null when the path does not look like an FIA F1 regulation (no season or no section). */
export function describeDocument(path: string): DocumentInfo | null {
  const file = basename(path);
  const folder = basename(dirname(path));
  const stem = file.replace(/\.pdf$/i, '');
  const issueDate = /(20\d{2}-\d{2}-\d{2})/.exec(stem)?.[1] ?? null;
  const seasonFromName = /(?:^|[^\d-])(20\d{2})(?![\d-])/.exec(stem)?.[1];
  const season = /^20\d{2}$/.test(folder)
    ? Number(folder)
    : seasonFromName
      ? Number(seasonFromName)
      : issueDate
        ? Number(issueDate.slice(0, 4))
        : null;
  const section = sectionOf(stem);
  if (season === null || section === null) return null;
  const issueMatch = /\biss(?:ue)?[\s_-]*0*(\d{1,3})\b/i.exec(stem.replace(/_/g, ' '));
  return {
    key: documentKey(season, section),
    file,
    season,
    section,
    title: `${season} ${section} Regulations`,
    issue: issueMatch ? Number(issueMatch[1]) : null,
    issueDate,
  };
}
