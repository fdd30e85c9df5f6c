// Question parsing: article references, seasons and the lay-term → regulation-term vocabulary.
import { describe, expect, it } from 'vitest';
import { expandQuery, findArticleRef, findSeason, ftsQuery } from './query.ts';

describe('query parsing', () => {
  it('finds article references and seasons', () => {
    expect(findArticleRef('what does Art. 55.17 say')).toBe('55.17');
    expect(findArticleRef('B5.13.2 safety car')).toBe('B5.13.2');
    expect(findArticleRef('how fast in the pit lane')).toBeNull();
    expect(findSeason('in 2025, who…', [2024, 2025, 2026])).toBe(2025);
    expect(findSeason('in 2019, who…', [2024, 2025, 2026])).toBeNull();
  });

  it('maps lay wording to the words the regulations use', () => {
    expect(expandQuery('what happens after a jump start?')).toEqual(
      expect.arrayContaining(['false', 'start']),
    );
    expect(expandQuery('how fast can they drive in the pits')).toContain('speed');
    expect(expandQuery('points on his superlicence')).toEqual(expect.arrayContaining(['super', 'licence']));
    expect(expandQuery('is the summer break compulsory')).toContain('shutdown');
    expect(expandQuery('does sponsorship count')).toContain('marketing');
    expect(expandQuery('how many mechanics per car')).toContain('personnel');
  });

  it('builds an OR-ed FTS5 query without stop-words or seasons', () => {
    const q = ftsQuery('What is the 2025 pit lane speed limit?')!;
    expect(q).toContain('"pit"');
    expect(q).not.toContain('"the"');
    expect(q).not.toContain('2025');
    expect(ftsQuery('what is the')).toBeNull();
  });
});
