// Turns text into search terms shared by English and French notes: lower-cased, accent-folded,
// stop words of both languages dropped, and each word stemmed by both the English and the French
// Snowball stemmers. Emitting both stems lets "deployments" and "déploiements" meet on "deploy"
// without having to know each passage's language with certainty.
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import irregular from './english-irregular-forms.json' with { type: 'json' };

/** Removes diacritics: "équipe" → "equipe", "cœur" stays "cœur" (a ligature, not a diacritic). */
export const foldAccents = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '');

// Question words and chat filler carry no topic; they are stop words for retrieval only. Every interrogative
// of both languages is one, whether Snowball lists it or not: weighed as a term, "combien" looked like a
// topic that no answer says.
const questionWords = [
  'what', 'which', 'who', 'whom', 'whose', 'how', 'why', 'when', 'where', 'did', 'does', 'say', 'said', 'says', 'talk', 'talks',
  'tell', 'about', 'anything', 'something', 'mention', 'mentioned', 'think', 'thought', 'explain', 'explained',
  'quoi', 'quel', 'quels', 'quelle', 'quelles', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'qui', 'que', 'qu', 'comment',
  'pourquoi', 'quand', 'combien', 'dit', 'dire', 'parle', 'parlé', 'propos', 'sujet', 'est', 'sont', 'ont', 'fait', 'a', 'l', 'd', 'j', 'c', 'n', 's', 'y', 'en',
];

// Function words the Snowball lists leave out, which notes and questions use everywhere: weighed as
// terms, "ça", "très" or "also" dilute how much of a question a passage covers. Left out on purpose:
// "car", "plus" (English words) and "si" (French notes' "SI", the information system).
const functionWords = [
  'also', 'however', 'just', 'even', 'still', 'yet', 'though', 'although', 'thus', 'therefore', 'already', 'quite',
  'every', 'much', 'many', 'lot', 'lots', 'rather', 'indeed', 'anyway',
  'ça', 'où', 'tout', 'tous', 'toute', 'toutes', 'très', 'bien', 'comme', 'aussi', 'donc', 'alors', 'moins', 'peu', 'encore',
  'déjà', 'puis', 'vers', 'chez', 'chaque', 'autre', 'autres', 'quand', 'ainsi', 'cependant', 'néanmoins', 'pourtant',
  'faire', 'faut', 'peut', 'peuvent', 'être', 'avoir', 'là', 'voilà', 'oui', 'non', 'plutôt', 'assez', 'trop', 'beaucoup',
];

// French stop words that are also topics in English notes: "AI" (French "j'ai"), "EU" (French "eu").
// Kept as terms; in French text they are so common that BM25 gives them little weight there anyway.
const englishTopics = new Set(['ai', 'eu']);

const folded = (list: readonly string[]): string[] => list.map((w) => foldAccents(w.toLowerCase())).filter((w) => !englishTopics.has(w));

/** Snowball's stop words of both languages, folded: the function words of grammar, with no list of ours. */
export const snowballStopwords: ReadonlySet<string> = new Set(folded([...englishStopwords, ...frenchStopwords]));

export const stopwords: ReadonlySet<string> = new Set([...snowballStopwords, ...folded([...questionWords, ...functionWords])]);

/** Words as written (lower-cased, accents kept), split on anything that is not a letter or a digit. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Snowball stemming dominated indexing (1.6 s for 5k passages) and showed in every question's profile,
// while notes reuse a small vocabulary: each word is stemmed once per process (6× faster indexing).
// The cap keeps a long-running bot's memory bounded.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string[]>();

/** The search terms of one word: nothing for a stop word, else its folded English and French stems. */
export function termsOf(word: string): string[] {
  let terms = memo.get(word);
  if (terms === undefined) {
    terms = stem(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, terms);
  }
  return terms;
}

// Snowball strips suffixes and cannot undo "dealt" or "built": those English forms are stemmed from
// their base form (WordNet's verb exceptions, through scripts/english-irregular-forms.mjs).
const baseForms: ReadonlyMap<string, string> = new Map(Object.entries(irregular.forms));

function stem(word: string): string[] {
  const folded = foldAccents(word.toLowerCase());
  if (folded.length === 0 || stopwords.has(folded)) return [];
  if (/^\d+$/.test(folded)) return [folded];
  // An amount glued to its unit ("200ms", "16Mo", "2GB") says the unit as much as "200 ms" does.
  const glued = /^\d+(\p{L}{2,})$/u.exec(folded)?.[1];
  if (glued !== undefined) return [folded, ...stem(glued)];
  const english = englishStemmer(baseForms.get(folded) ?? folded);
  const french = foldAccents(frenchStemmer(word.toLowerCase()));
  return english === french ? [english] : [english, french];
}

/** All search terms of a text, in order, duplicates kept (term frequency matters to BM25). */
export function analyze(text: string): string[] {
  return words(text).flatMap(termsOf);
}
