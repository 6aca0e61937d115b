// French or English, from the share of each language's stop words. A language-identification library
// (franc, cld) would add a dependency and a model of 100+ languages to tell two apart; stop words are
// what differ most between French and English prose, and counting them is exact and explainable.
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import type { Language } from '../types.js';
import { plainText, wordsOf } from './prose.js';

// Words in both lists ("on", "a", "me", "ne"...) say nothing about the language.
const french = new Set(frenchStopwords.filter((w) => !englishStopwords.includes(w)));
const english = new Set(englishStopwords.filter((w) => !frenchStopwords.includes(w)));

export interface LanguageScore {
  french: number;
  english: number;
}

export function scoreLanguage(markdown: string): LanguageScore {
  const score = { french: 0, english: 0 };
  for (const word of wordsOf(plainText(markdown))) {
    const lower = word.toLowerCase().replace(/^[ldjcnmst]['’]/, '');
    if (french.has(lower)) score.french++;
    else if (english.has(lower)) score.english++;
  }
  return score;
}

export const languageOf = ({ french: fr, english: en }: LanguageScore, fallback: Language): Language =>
  fr === en ? fallback : fr > en ? 'fr' : 'en';

/** Enough stop words, and three times more of one language: a talk written in the other language than its file. */
export function isClearly(score: LanguageScore, language: Language): boolean {
  const [mine, theirs] = language === 'fr' ? [score.french, score.english] : [score.english, score.french];
  return mine >= 12 && mine >= 3 * theirs;
}

/** A `lang` front matter field such as `fr-FR` or `en`. */
export const languageFromTag = (tag: string | undefined): Language | undefined =>
  /^fr\b/i.test(tag ?? '') ? 'fr' : /^en\b/i.test(tag ?? '') ? 'en' : undefined;
