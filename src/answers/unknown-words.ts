// People type words cut short ("env", "sécu", "vulns"), slip while typing ("databses", "abotu") and write
// as one word what the notes write as two ("codebase", "followup"). Such a word is in no note and in no
// dictionary, so it would weigh like a name the notes never mention, which marks a question they cannot
// answer. It is read as what it stands for: the commonest note term it begins ("environ", "secur",
// "vulner"); else a function word a single slip away ("about"), which weighs nothing, as the commonest
// words are the likeliest meant; else the two words the notes write it as ("code base"); else the
// commonest note term a slip away ("databas").
import type { Store } from '../index/store.js';
import { equivalentsOf } from '../retrieval/expand-query.js';
import { foldAccents, termsOf, words } from '../text/analyze.js';
import { keysTouching } from '../text/keyboards.js';
import { rankOf } from '../text/word-rarity.js';

/** Shorter, a beginning is shared by too many unrelated words ("co", "re"). */
const MIN_BEGINNING = 3;

// Lucene's DirectSpellChecker defaults: a word shorter than 4 letters is not corrected, and its first
// letter is kept (slips seldom fall on it). Nor is a word read as a term that short: the French stemmer
// cuts a slip undone down to one ("kyber" → "kuber" → "kub"), more often a name's accident than what was meant.
const MIN_CORRECTED = 4;
/** The letters a missed key may have left out: the keyboards' own, unaccented. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether a letter typed next to `beside` is a finger's slip on it: the same key pressed twice, or a key touching it. */
const slipsBeside = (letter: string, beside: string | undefined): boolean => beside !== undefined && (letter === beside || keysTouching(beside).has(letter));

/** A compound's part shorter than this is a letter or an abbreviation, not a word ("e" of "email"). */
const MIN_PART = 2;
/** Passages searched, best first, for a compound's parts written apart. */
const APART_PASSAGES = 20;

/**
 * What a word no note uses was read as: note terms (one, or a compound's parts), with how many passages
 * hold them, or a function word.
 */
export type Reading = { terms: string[]; df: number } | { functionWord: string };

/** What reading a word asks of the store. */
export type ReadingStore = Pick<Store, 'termsBeginning' | 'documentFrequency' | 'lexicalSearch' | 'passages'>;

/**
 * What a word no note uses stands for when it is cut short, mistyped or written as two; nothing for a
 * word of a dictionary (the English list, the glossary), whose absence from the notes means what it says.
 * A word with a number (a version, a product: "es6", "k8s") is only read as the two words the notes may
 * write it as ("bakehouse24", "Bakehouse 24"): cut short or mended, it would be another version or product.
 */
export async function readingOf(store: ReadingStore, word: string): Promise<Reading | undefined> {
  if (rankOf(word) !== undefined || equivalentsOf(word).length > 0) return undefined;
  if (/\d/u.test(word)) return writtenApart(store, word);
  const terms = termsOf(word);
  for (const term of terms) {
    if (term.length < MIN_BEGINNING) continue;
    const [completion] = await store.termsBeginning(term, 1);
    if (completion !== undefined) return { terms: [completion], df: await store.documentFrequency([completion]) };
  }
  if (word.length < MIN_CORRECTED) return undefined;
  // The slip is undone on the word as typed, then the word analysed: "talsk" is "talks", whose term is
  // "talk"; its own term, "talsk", is no slip from it. A word that analyses to nothing is a stop word.
  const variants = [...new Set(slipsOf(word))].sort();
  const functionWord = variants.find((variant) => termsOf(variant).length === 0);
  if (functionWord !== undefined) return { functionWord };
  const apart = await writtenApart(store, word);
  if (apart !== undefined) return apart;
  // Each term is one exact lookup (batched into one statement by the database store), however many
  // terms the notes hold; the commonest the notes use wins, ties in code-point order.
  const candidates = [...new Set(variants.flatMap(termsOf))].filter((term) => term.length >= MIN_CORRECTED).sort();
  const holders = await Promise.all(candidates.map((term) => store.documentFrequency([term])));
  const best = holders.reduce((at, count, i) => (count > holders[at]! ? i : at), 0);
  if (holders[best]! > 0) return { terms: [candidates[best]!], df: holders[best]! };
  return undefined;
}

/**
 * The parts of a compound the notes write as two words, with how many of the passages searched do: a
 * closed compound and its open form are one word spelt two ways ("codebase", "code base"; "followup",
 * "follow up"), as retrieval already joins a question's two words into the notes' one (expand-query.ts).
 * Only as the notes write it: two words each used apart ("web", "pack") do not make a name they never
 * write ("webpack"). The first split, left to right, that some passage writes apart wins.
 */
async function writtenApart(store: ReadingStore, word: string): Promise<Reading | undefined> {
  // Each split in two, each part with its search terms: none for a stop word ("up" of "followup").
  const compoundPart = (part: string): CompoundPart => ({ part, terms: termsOf(part) });
  const splits: Array<readonly [CompoundPart, CompoundPart]> = [];
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) splits.push([compoundPart(word.slice(0, at)), compoundPart(word.slice(at))]);
  // Each part with terms must be a note's. All parts are looked up at once, which the database store
  // answers with one statement.
  const used = await Promise.all(splits.map((parts) => Promise.all(parts.map(({ terms }) => (terms.length === 0 ? 1 : store.documentFrequency(terms))))));
  for (const [i, parts] of splits.entries()) {
    const terms = parts.flatMap((part) => part.terms);
    if (terms.length === 0 || used[i]!.includes(0)) continue;
    const hits = await store.lexicalSearch(terms, APART_PASSAGES);
    const writing = (await store.passages(hits.map(({ id }) => id))).filter(({ text }) => writesApart(text, parts));
    if (writing.length > 0) return { terms, df: writing.length };
  }
  return undefined;
}

/** One part of a compound split in two, with its search terms. */
interface CompoundPart {
  part: string;
  terms: string[];
}

/** Whether a text writes the two parts as neighbouring words, in any inflection ("code base" for "codebases"). */
function writesApart(text: string, [left, right]: readonly [CompoundPart, CompoundPart]): boolean {
  const same = (written: string, { part, terms }: CompoundPart): boolean => written === part || termsOf(written).some((term) => terms.includes(term));
  const tokens = words(foldAccents(text));
  return tokens.some((token, i) => i + 1 < tokens.length && same(token, left) && same(tokens[i + 1]!, right));
}

/**
 * Every word one slip from `word` past its first letter, as fingers slip on a keyboard: a key missed (a
 * letter added back), two keys pressed in the wrong order (neighbours swapped), a key pressed beside the
 * right one (a letter replaced by one whose key touches it), or a key pressed with its neighbour or
 * twice (a letter dropped that doubles or touches a letter beside it). Damerau (1964) found four
 * misspellings in five to be one such slip, and studies of typing find a wrong or an extra key most
 * often beside the right one (surveyed by Kukich, 1992). A slip to any letter would read names the notes
 * never mention as words they use ("figma" as "film", "sqlite" as "split"); allowing two slips, more so.
 */
export function* slipsOf(word: string): Generator<string> {
  for (let at = 1; at <= word.length; at++) {
    const [head, tail] = [word.slice(0, at), word.slice(at)];
    const letter = tail[0];
    if (letter !== undefined) {
      if (slipsBeside(letter, head.at(-1)) || slipsBeside(letter, tail[1])) yield head + tail.slice(1);
      for (const meant of keysTouching(letter)) yield head + meant + tail.slice(1);
    }
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const missed of LETTERS) yield head + missed + tail;
  }
}
