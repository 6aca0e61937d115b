// How much each word of a question matters, from how rare it is in the notes: "etsy" and
// "post-mortem" carry the question, "say" and "about" do not. Document frequencies come from the
// store, so the same code works on every store.
import { analyze, termsOf, words } from '../text/analyze.js';
import { equivalentsIn } from '../retrieval/expand-query.js';
import { describingWords } from '../text/describing-words.js';
import { englishRarity, rarity } from '../text/word-rarity.js';
import { readingOf, type ReadingStore } from './unknown-words.js';
import { INTERJECTIONS } from '../text/greetings.js';

export interface QueryTerm {
  word: string;
  /** The search terms of the word and of its equivalents (glossary translations, joined neighbours): a French sentence can answer an English question. */
  terms: string[];
  /** Inverse document frequency; 0 for words the notes never use. */
  idf: number;
  /** How many passages use it. */
  df: number;
  /** How rare the word is in general English, or in French past the English list, or as its English translation (0 common … 1 rare). */
  rarity: number;
  /** The note terms a word no note uses was read as: cut short, mistyped or written as two (`unknown-words.ts`). */
  reading?: string[];
}

// Words about the asking and the note-taking, not the topic: "has anyone got notes from the Rust talk?"
// asks about Rust. Notes seldom use them, so their document frequency would make them weigh like
// topics. They stay searchable in the index: only the question's weighing ignores them.
const askingWords = new Set([
  'whats', 'anyone', 'anybody', 'someone', 'somebody', 'we', 'us', 'our', 'take', 'took', 'notes', 'note', 'cover', 'covered',
  'covers', 'present', 'presented', 'presenting', 'speaker', 'speakers', 'session', 'sessions', 'announce', 'announced',
  'discuss', 'discussed', 'hear', 'heard', 'want', 'wanted', 'really', 'actually', 'there', 'any', 'quelqu', 'quelque',
  'chose', 'intervenant', 'intervenante', 'conférencier', 'conférencière', 'présenté', 'présentée', 'annoncé', 'noté',
  'vraiment', 'entendu',
]);
// The asking's words, and the interjections and shorthand a chat message wraps a question in ("hey, …",
// "bonjour, …", "…, please", "… svp ?"): no note uses most of them, so they would weigh like a name the
// notes are silent on. Those come from compromise's lexicon and the Lefff's (scripts/interjections.mjs).
const framing: ReadonlySet<string> = new Set([...askingWords, ...INTERJECTIONS]);

/** The question's words with their weights. */
export async function weighQueryTerms(store: ReadingStore, question: string, passageCount: number): Promise<QueryTerm[]> {
  const equivalents = equivalentsIn(question);
  const names = writtenAsNames(question);
  const signOff = signOffWords(question);
  const unique = [...new Set(words(question))]
    .filter((word) => termsOf(word).length > 0 && !framing.has(word))
    .map((word) => {
      const forms = [...new Set([word, ...(equivalents.get(word) ?? [])])];
      return { word, forms, terms: [...new Set(forms.flatMap(termsOf))] };
    });
  const weighed = await Promise.all(
    unique.map(async ({ word, forms, terms: own }): Promise<QueryTerm | undefined> => {
      const used = await store.documentFrequency(analyze(forms.join(' ')));
      // A word written as a name ("Deno") is one the notes do not mention, not one cut short or mistyped ("denormalize").
      const read = used === 0 && !names.has(word) ? await readingOf(store, word) : undefined;
      // A slipped function word ("abotu") weighs as little as the word meant.
      if (read !== undefined && 'functionWord' in read) return undefined;
      const reading = read?.terms;
      const terms = reading === undefined ? own : [...new Set([...own, ...reading])];
      const df = read?.df ?? used;
      const idf = df === 0 ? 0 : Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
      // A word written as a name is one, however common its spelling ("Stripe"). Otherwise a word is as
      // rare as it is in English or in French, or as its commonest English translation: a French word the
      // glossary does not translate ("sert") is still common French, while an English word's French
      // translations ("calls" → "appel") say nothing of how rare the English word is.
      const rare = names.has(word) ? 1 : Math.min(rarity(word), ...(equivalents.get(word) ?? []).map(englishRarity));
      return { word, terms, idf, df, rarity: rare, ...(reading !== undefined && { reading }) };
    }),
  );
  const weighedWords = weighed.filter((term): term is QueryTerm => term !== undefined);
  // A word of general English or French that no note uses and that the question describes with ("dull",
  // "reliably", "jetable") is more often said otherwise than missing from the notes: only what the question
  // names can be. A word past both lists or written as a name (rarity 1) stays, whatever its place:
  // products are named with adjectives too ("the svelte talk").
  const saidOtherwise = (t: QueryTerm): boolean => t.df === 0 && t.rarity < 1;
  const describing = weighedWords.some(saidOtherwise) ? await describingWords(question) : new Set<string>();
  const kept = weighedWords.filter((t) => !(saidOtherwise(t) && describing.has(t.word)));
  // Words after the question mark that no note uses sign the message off ("…? cheers", "…? thx"): no
  // name the notes are silent on. One word the notes use there makes it a second question, weighed whole.
  const trailing = kept.filter((t) => signOff.has(t.word));
  return trailing.every((t) => t.df === 0) ? kept.filter((t) => !signOff.has(t.word)) : kept;
}

/**
 * The words after a message's last question mark that the question before it does not use: how a chat
 * message signs off ("…? cheers", "…? thx"), or a second question without its mark.
 */
export function signOffWords(question: string): Set<string> {
  const end = question.lastIndexOf('?');
  if (end < 0) return new Set();
  const asked = new Set(words(question.slice(0, end)));
  return new Set(words(question.slice(end + 1)).filter((word) => !asked.has(word)));
}

/**
 * The question's words written as names, lower-cased: capitalised past the question's first word
 * ("what did Stripe say", "AWS", "S3"), or with a capital inside ("iOS"). Questions typed in lower case
 * have none; their rarity then says it. Nor have questions in capitals or in title case ("WHAT DID
 * STRIPE SAY", "What Did Stripe Say"), which capitalise their function words too: there a capital
 * marks every word, not names.
 */
export function writtenAsNames(question: string): Set<string> {
  const tokens = question.match(/[\p{L}\p{N}]+/gu) ?? [];
  const functionWords = tokens.slice(1).filter((token) => termsOf(token.toLowerCase()).length === 0);
  if (functionWords.length > 0 && functionWords.every((token) => /^\p{Lu}/u.test(token))) return new Set();
  return new Set(
    tokens
      .filter((token, i) => (i > 0 && /^\p{Lu}/u.test(token)) || /^.+\p{Lu}/u.test(token))
      .map((token) => token.toLowerCase()),
  );
}

/** Whether a text's terms say a word of the question, in any of its forms or equivalents. */
export const says = (textTerms: ReadonlySet<string>, term: QueryTerm): boolean => term.terms.some((t) => textTerms.has(t));

/** The words of the question a text does not say: what remains asked once the text's words are set aside. */
export const unsaidIn = (textTerms: ReadonlySet<string>, queryTerms: readonly QueryTerm[]): QueryTerm[] =>
  queryTerms.filter((t) => !says(textTerms, t));

/** Share of the question's weight that a text covers (0..1): words the notes never use count as missing. */
export function coverage(queryTerms: QueryTerm[], textTerms: ReadonlySet<string>): number {
  const unseen = unseenWordWeight(queryTerms);
  return weightedCoverage(queryTerms, textTerms, (t) => (t.idf > 0 ? t.idf : unseen));
}

/** How distinctive a word is: rare in the notes and in general English, as a name is. */
export const distinctiveness = (t: QueryTerm): number => t.idf * t.rarity;

/** Share of the question's distinctive weight that a text covers (0..1). */
export const distinctiveCoverage = (queryTerms: QueryTerm[], textTerms: ReadonlySet<string>): number =>
  weightedCoverage(queryTerms, textTerms, distinctiveness);

function weightedCoverage(queryTerms: QueryTerm[], textTerms: ReadonlySet<string>, weight: (t: QueryTerm) => number): number {
  let total = 0;
  let covered = 0;
  for (const term of queryTerms) {
    const w = weight(term);
    total += w;
    if (says(textTerms, term)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/** The question's word that the notes use and that weighs most by `weight`; the first of equals. */
function heaviestUsed(queryTerms: readonly QueryTerm[], weight: (t: QueryTerm) => number): QueryTerm | undefined {
  let heaviest: QueryTerm | undefined;
  for (const term of queryTerms) if (term.idf > 0 && (!heaviest || weight(term) > weight(heaviest))) heaviest = term;
  return heaviest;
}

/** The question's rarest word that the notes use: often the name that says which talk is meant. */
export const rarestTerm = (queryTerms: readonly QueryTerm[]): QueryTerm | undefined => heaviestUsed(queryTerms, (t) => t.idf);

/**
 * The question's most distinctive word that the notes use: rare in the notes and in general English, as a
 * name is. A common word the notes happen to use once ("lovely") is rarer in the notes than the product
 * asked about, but says less about which talk is meant.
 */
export const mostDistinctiveTerm = (queryTerms: readonly QueryTerm[]): QueryTerm | undefined => heaviestUsed(queryTerms, distinctiveness);

/**
 * A word absent from all notes weighs as the question's words the notes use weigh, on average: it asks
 * as much as they do, and no rarity in the notes says how much more.
 */
export function unseenWordWeight(queryTerms: readonly QueryTerm[]): number {
  const seen = queryTerms.filter((t) => t.idf > 0);
  return seen.length === 0 ? 1 : seen.reduce((sum, t) => sum + t.idf, 0) / seen.length;
}
