// Cross-lingual query expansion: the words of a question in the other language, from the glossary.
// "team outage" also searches "équipe panne"; a French question also searches its English words.
import { englishToFrench, frenchToEnglish } from '../text/glossary.js';
import { foldAccents, words } from '../text/analyze.js';

const fold = (word: string): string => foldAccents(word.toLowerCase());

const foldKeys = (map: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> => {
  const folded = new Map<string, readonly string[]>();
  for (const [key, values] of map) folded.set(fold(key), [...new Set([...(folded.get(fold(key)) ?? []), ...values])]);
  return folded;
};

const toEnglish = foldKeys(frenchToEnglish);
const toFrench = foldKeys(englishToFrench);

/** The question's words translated both ways (words without an entry are left out), as one query string. */
export function translateQuery(question: string): string {
  const translations = words(question).flatMap((word) => {
    const key = fold(word);
    return [...(toEnglish.get(key) ?? []), ...(toFrench.get(key) ?? [])];
  });
  return [...new Set(translations)].join(' ');
}
