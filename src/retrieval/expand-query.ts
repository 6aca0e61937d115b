// Query expansion: the words of a question as the notes may write them instead. Mostly the other
// language, from the glossary: "team outage" also searches "équipe panne", and a French question also
// searches its English words. Glossary lookups go through stems, not spellings: the glossary lists
// "deploy", and the question says "deploys" or "deployed"; it lists "déployer", and the question says
// "déploie".
import { englishStem, frenchStem, stemmedGlossary } from '../text/glossary-stems.js';
import { termsOf, words } from '../text/analyze.js';
import { scoreLanguage } from '../notes/language.js';
import type { Language } from '../types.js';

const inFrench = (english: string): readonly string[] => stemmedGlossary().toFrench.get(englishStem(english)) ?? [];

/**
 * Other ways the notes may write one word of a question: the glossary's equivalents in the other language
 * (none when it has none). A word of a question known to be English is only looked up as English: the
 * French stemmer cuts English words into stems of unrelated French words ("even" meets "événement").
 */
export function equivalentsOf(word: string, language?: Language): string[] {
  const french = language === 'fr' ? [] : inFrench(word);
  const english = language === 'en' ? [] : (stemmedGlossary().toEnglish.get(frenchStem(word)) ?? []);
  return [...new Set([...french, ...english])];
}

/** The question's language when its stop words tell; short questions often don't ("etsy deploys per day?"). */
export function questionLanguage(question: string): Language | undefined {
  const { french, english } = scoreLanguage(question);
  return french === english ? undefined : french > english ? 'fr' : 'en';
}

/**
 * Per word of the question, the word it makes with its neighbour when written as one: notes write
 * "AppDevs", "postmortem" or "oncall" where a question says "app devs", "post-mortem" or "on call". A
 * pair of stop words makes no compound ("be at" is not "beat").
 */
export function compoundsIn(question: string): Map<string, string[]> {
  const asked = words(question);
  const compounds = new Map<string, string[]>();
  for (let i = 1; i < asked.length; i++) {
    const [left, right] = [asked[i - 1]!, asked[i]!];
    if (termsOf(left).length === 0 && termsOf(right).length === 0) continue;
    const joined = left + right;
    if (termsOf(joined).length === 0) continue;
    for (const word of [left, right]) compounds.set(word, [...(compounds.get(word) ?? []), joined]);
  }
  return compounds;
}

/** Per word of the question, the other ways notes may write it: its equivalents and compounds (words without any are left out). */
export function equivalentsIn(question: string): Map<string, string[]> {
  const language = questionLanguage(question);
  const compounds = compoundsIn(question);
  const equivalents = new Map<string, string[]>();
  for (const word of new Set(words(question))) {
    const forms = [...new Set([...equivalentsOf(word, language), ...(compounds.get(word) ?? [])])];
    if (forms.length > 0) equivalents.set(word, forms);
  }
  return equivalents;
}

/** The equivalents and compounds of the question's words, once each, as one query string. */
export function expandQuery(question: string): string {
  return [...new Set([...equivalentsIn(question).values()].flat())].join(' ');
}
