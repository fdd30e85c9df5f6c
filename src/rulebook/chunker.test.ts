// Chunking: the three numbering styles, running headers, contents pages, appendices, and one real PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument, isContentsPage, plausiblyFollows, stripPageFurniture } from './chunker.ts';
import { describeDocument } from './documents.ts';
import { extractPages } from './extract.ts';

const header = (n: number) =>
  `2025 Formula 1 Sporting Regulations ${n}/90 30 April 2025\n©2025 Fédération Internationale de l’Automobile Issue 5`;

describe('plausiblyFollows', () => {
  it('accepts the next article, sub-article or first child', () => {
    expect(plausiblyFollows([], [1])).toBe(true);
    expect(plausiblyFollows([48], [48, 1])).toBe(true);
    expect(plausiblyFollows([48, 1], [48, 2])).toBe(true);
    expect(plausiblyFollows([48, 2], [49])).toBe(true);
    expect(plausiblyFollows([3, 5, 9], [3, 6])).toBe(true);
  });
  it('rejects going back and wild jumps (wrapped cross-references)', () => {
    expect(plausiblyFollows([49, 3], [47, 2])).toBe(false);
    expect(plausiblyFollows([49, 3], [49, 3])).toBe(false);
    expect(plausiblyFollows([49, 3], [55, 11])).toBe(false);
    expect(plausiblyFollows([12], [12, 7])).toBe(false);
  });
});

describe('chunkDocument', () => {
  const pages = [
    `${header(1)}\nCONTENTS\n1) REGULATIONS 3\n2) GENERAL UNDERTAKING 3\n3) GENERAL CONDITIONS 4\n4) LICENCES 4\n5) CHAMPIONSHIP EVENTS 5`,
    `${header(2)}\n1) REGULATIONS\n1.1 The FIA will organise the FIA Formula One World Championship.\n1.2 Additional text about the championship, which\nwraps to a second line and cites\n55.11, the safety car article.\n2) GENERAL UNDERTAKING\n2.1 All drivers undertake to observe the Code.`,
    `${header(3)}\n2.2 Every competitor must comply.\nAPPENDIX 1\nINFORMATION REQUIRED\n1.1 Appendix paragraph reusing a number.`,
  ];
  const chunks = chunkDocument(pages, { docKey: '2025-sporting', idPrefix: '' });

  it('drops contents pages and running headers', () => {
    expect(chunks.map((c) => c.text).join('\n')).not.toMatch(/CONTENTS|Fédération|30 April/);
  });
  it('splits on sub-articles, keeps wrapped cross-references as text, carries the parent heading', () => {
    expect(chunks.map((c) => c.article)).toEqual(['1.1', '1.2', '2.1', '2.2', 'App1']);
    const c12 = chunks.find((c) => c.article === '1.2')!;
    expect(c12.text).toContain('55.11, the safety car article.');
    expect(c12.heading).toBe('1 REGULATIONS');
    expect(chunks.find((c) => c.article === '2.2')!.pageStart).toBe(3);
  });
  it('keeps appendix text under the appendix, not under the article numbers it reuses', () => {
    const app = chunks.find((c) => c.article === 'App1')!;
    expect(app.text).toContain('Appendix paragraph reusing a number');
    expect(chunks.filter((c) => c.article === '1.1')).toHaveLength(1);
  });
  it('titles an appendix from the upper-case line under a bare "APPENDIX n"', () => {
    expect(chunks.find((c) => c.article === 'App1')!.heading).toBe('APPENDIX 1: INFORMATION REQUIRED');
    const titled = chunkDocument(
      ['1) RULES\n1.1 A rule.\nAPPENDIX 2 - FORMS\nTHIS LINE IS NOT A TITLE\nText.'],
      {
        docKey: 'x',
        idPrefix: '',
      },
    );
    expect(titled.find((c) => c.article === 'App2')!.heading).toBe('APPENDIX 2: FORMS');
  });
  it('splits long articles into parts that keep the article id', () => {
    const long = Array.from(
      { length: 80 },
      (_, i) => `line ${i} of a very long sub-article about parc fermé.`,
    ).join('\n');
    const parts = chunkDocument([`1) PARC FERME\n1.1 The rule.\n${long}`], {
      docKey: 'x',
      idPrefix: '',
    });
    expect(parts.length).toBeGreaterThan(1);
    expect(new Set(parts.map((p) => p.article))).toEqual(new Set(['1.1']));
    expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
  });
  it('reads 2026 section-prefixed numbering', () => {
    const c = chunkDocument(
      [
        'ARTICLE B1: TOTAL TIME CLASSIFIED SESSIONS (TTCS)\nB1.1 Safety Car (SC)\nB1.1.1 The safety car will be driven by an experienced circuit driver.\nB1.1.2 All Cars must stay within ten (10) car lengths.',
      ],
      { docKey: '2026-sporting', idPrefix: 'B' },
    );
    expect(c.map((x) => x.article)).toEqual(['B1.1.1', 'B1.1.2']);
    expect(c[1]!.heading).toBe('B1 TOTAL TIME CLASSIFIED SESSIONS (TTCS) › B1.1 Safety Car (SC)');
  });
});

describe('page furniture and contents', () => {
  it('removes lines repeated at the top of most pages', () => {
    const bodies = ['safety car', 'parc fermé', 'tyres', 'points', 'penalties'];
    const lines = stripPageFurniture(bodies.map((b, n) => `${header(n + 1)}\n${b}`));
    expect(lines.map((p) => p.map((l) => l.text))).toEqual(bodies.map((b) => [b]));
  });
  it('recognises a contents page', () => {
    const toc = [
      'ARTICLE 1: GENERAL PRINCIPLES 6',
      '1.1 Formula One World Championship',
      'ARTICLE 2: DEFINITIONS 8',
      'ARTICLE 3: AERODYNAMIC COMPONENTS 11',
    ];
    expect(isContentsPage(toc.map((text) => ({ text, page: 1 })))).toBe(true);
    expect(isContentsPage([{ text: '3.1 The car must weigh 800 kg', page: 4 }])).toBe(false);
  });
});

describe('a real regulation PDF', () => {
  it('chunks the 2026 Operational regulations by article with pages and headings', async () => {
    const dir = process.env.RULEBOOK_DIR;
    if (!dir) throw new Error('tests need RULEBOOK_DIR (see .ci/run)');
    const path = join(
      dir,
      '2026',
      'FIA 2026 F1 Regulations - Section F [Operational] - Iss 05 - 2025-12-10.pdf',
    );
    const doc = describeDocument(path)!;
    expect(doc).toMatchObject({
      key: '2026-operational',
      season: 2026,
      section: 'Operational',
      issue: 5,
      issueDate: '2025-12-10',
    });
    const chunks = chunkDocument(await extractPages(new Uint8Array(readFileSync(path))), {
      docKey: doc.key,
      idPrefix: 'F',
    });
    const articles = new Set(chunks.map((c) => c.article));
    for (const a of ['F3.1.1', 'F4.2.1', 'F4.3.2', 'F5.2.5']) expect(articles).toContain(a);
    const f432 = chunks.find((c) => c.article === 'F4.3.2')!;
    expect(f432.heading).toMatch(/^F4 AERODYNAMIC TESTING RESTRICTIONS/);
    expect(f432.pageStart).toBeGreaterThan(1);
    expect(chunks.every((c) => !/Fédération Internationale/.test(c.text))).toBe(true);
  });
});

describe('describeDocument', () => {
  it('reads season, section, issue and date from the FIA file names', () => {
    expect(
      describeDocument('/x/2025/FIA 2025 Formula 1 Sporting Regulations - Issue 5 - 2025-04-30.pdf'),
    ).toMatchObject({
      key: '2025-sporting',
      title: '2025 Sporting Regulations',
      issue: 5,
    });
    expect(
      describeDocument('/x/2025/2025_fia_formula_1_pu_financial_regulations_-_issue_8_-_2025-07-31.pdf'),
    ).toMatchObject({
      section: 'PU Financial',
      issue: 8,
    });
    expect(
      describeDocument('/x/2024/fia_formula_1_financial_regulations_-_issue_22_-_2024-12-11.pdf'),
    ).toMatchObject({
      season: 2024,
      section: 'Financial',
    });
    expect(describeDocument('/x/misc/notes.pdf')).toBeNull();
  });
});
