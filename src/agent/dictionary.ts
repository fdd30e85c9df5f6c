// English words (the word-list package, ~274 000 words), so the typo mender never turns an ordinary word
// ("under", "change", "reason") into a name that is one edit away ("Unser", "Changy", "Revson").
// Read once, on first use.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(word);
}
