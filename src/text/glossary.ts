// French ↔ English glossary for cross-lingual retrieval: English questions must reach French notes and the
// reverse, and neither the lexical index nor the English-only static embedding model can bridge the two
// languages on its own. Consumers use it to expand query words into the other language (at a lower weight)
// and to give a French word the vector of its English translation.
//
// The pairs come from FreeDict's French-English and English-French dictionaries and from Apertium's
// French-Spanish and Spanish-English ones composed through Spanish, selected by general rules (single words,
// no stop words, English words the embedding model knows, a few translations per word) in
// scripts/bilingual-glossary.mjs, which regenerates glossary-data/fr-en-pairs.ts. That file keeps the
// dictionaries' licence, GPL-2.0 (glossary-data/README.md).
//
// Format, one entry a line: French forms (lowercase, accents as written; several forms sharing one
// translation are separated by spaces), a colon, then the English words in order of preference. Keys keep
// their accents so the list stays readable and correct French; consumers fold accents themselves.
import { createHash } from 'node:crypto';
import { frenchEnglishPairs, frenchForms } from './glossary-data/fr-en-pairs.js';

/** Each line of a glossary text as its two sides of the colon, trimmed; blank and `#` lines skipped. */
function* sidesOf(text: string): Generator<[string, string]> {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`glossary line without a colon: ${line}`);
    yield [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }
}

function parse(text: string): Map<string, readonly string[]> {
  const entries = new Map<string, readonly string[]>();
  for (const [left, right] of sidesOf(text)) {
    const english = right.split(',').map((w) => w.trim()).filter((w) => w !== '');
    for (const french of left.split(/\s+/)) {
      // A form listed twice gets the union of its translations rather than silently losing one.
      const merged = [...new Set([...(entries.get(french) ?? []), ...english])];
      entries.set(french, Object.freeze(merged));
    }
  }
  return entries;
}

function invert(forward: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> {
  const reverse = new Map<string, string[]>();
  for (const [french, englishWords] of forward) {
    for (const english of englishWords) {
      const list = reverse.get(english) ?? [];
      if (!list.includes(french)) list.push(french);
      reverse.set(english, list);
    }
  }
  return new Map([...reverse].map(([english, list]) => [english, Object.freeze(list)]));
}

let forward: ReadonlyMap<string, readonly string[]> | undefined;
let reverse: ReadonlyMap<string, readonly string[]> | undefined;

// Parsed on first use, not on import: answering looks words up through the stems computed from these maps
// (glossary-stems.ts, stored in stems.json), and parsing and inverting ~16,000 entries cost every
// `confnotes ask` ~50 ms before its first word.

/** French word (lowercase, accents as written) → English equivalents (lowercase single words). */
export const frenchToEnglish = (): ReadonlyMap<string, readonly string[]> => (forward ??= parse(frenchEnglishPairs));

/**
 * French word or one of its inflected forms ("développeurs", "utilisaient") → the word's English equivalents:
 * the embedding model looks words up as written, so each form needs its own row. Query expansion goes
 * through stems instead (glossary-stems.ts), which already meet most forms.
 */
export function frenchFormsToEnglish(): ReadonlyMap<string, readonly string[]> {
  const words = new Map(frenchToEnglish());
  for (const [word, forms] of sidesOf(frenchForms)) {
    const english = frenchToEnglish().get(word);
    if (!english) throw new Error(`glossary forms of a word without an entry: ${word}`);
    for (const form of forms.split(/\s+/)) words.set(form, english);
  }
  return words;
}

/** English word → the French forms that list it, derived from the same entries. */
export const englishToFrench = (): ReadonlyMap<string, readonly string[]> => (reverse ??= invert(frenchToEnglish()));

/** Names this glossary's text: what a model built from it and the stored stems record, to tell when they are stale. */
export const glossarySha256 = (): string => createHash('sha256').update(frenchEnglishPairs).update(frenchForms).digest('hex');
