// Mending misspelt ordinary words of F1 questions ("champinship", "constructers", "wich", "qualifyng") into the
// words the question reader knows. Names are mended by the entity index; this handles the rest. A word is
// changed only when it is not a name and exactly one known word is within reach; an English word ("wich",
// "constructers" are in the word list) only into a long word of the sport, where a slip cannot mean another word.
import { distance } from 'fastest-levenshtein';
import { isTransposition } from '../entities.ts';
import { isEnglishWord } from '../dictionary.ts';
import { normalize } from '../text.ts';

export function mendWords(
  text: string,
  known: ReadonlySet<string>,
  isName: (word: string) => boolean,
): string {
  return text.replace(/\p{L}+/gu, (raw) => {
    const w = normalize(raw);
    if (w.length < 4 || known.has(w) || isName(w)) return raw;
    const english = isEnglishWord(w);
    if (english && w.length < 8) return raw;
    // Two slips only in a long word that is no English word ("champinshp"); "different" is not "difference".
    const budget = w.length >= 9 && !english ? 2 : 1;
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const word of known) {
      if (word.length < (english ? 8 : 4) || Math.abs(word.length - w.length) > budget || word[0] !== w[0])
        continue;
      let d = distance(w, word);
      if (d === 2 && isTransposition(w, word)) d = 1;
      if (d > budget || d > bestD) continue;
      tie = d === bestD && word !== best;
      if (d < bestD) [best, bestD, tie] = [word, d, false];
    }
    return best && !tie ? best : raw;
  });
}
