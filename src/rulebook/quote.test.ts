// Quoting the sentences that answer: the one sharing the question's rarer words wins; sentences sharing
// nothing are never quoted; a much weaker second quote is left out.
import { describe, expect, it } from 'vitest';
import { bestSentences, sentencesOf } from './quote.ts';

const hits = [
  {
    citation: '2025 Sporting Regulations, Art. 26.8',
    text: 'Blue flags are shown to a driver about to be lapped. When shown blue flags the driver must allow the following car to pass at the first opportunity. Drivers may use the pit lane at any time.',
  },
  {
    citation: '2025 Sporting Regulations, Art. 48.1',
    text: 'The podium ceremony takes place immediately after the race. The first three drivers must attend the ceremony in their overalls.',
  },
];

describe('bestSentences', () => {
  it('splits articles into sentences and quotes the one that answers, with its article', () => {
    expect(sentencesOf(hits[0]!.text)).toHaveLength(3);
    const quotes = bestSentences('what must a driver do when shown blue flags?', hits);
    expect(quotes[0]).toMatchObject({ citation: '2025 Sporting Regulations, Art. 26.8' });
    expect(quotes[0]!.sentence).toMatch(/must allow the following car to pass/);
    expect(quotes.every((q) => !/podium/.test(q.sentence))).toBe(true);
  });

  it('quotes nothing when no sentence shares a word of the question', () => {
    expect(bestSentences('qwerty zxcvb', hits)).toEqual([]);
  });
});
