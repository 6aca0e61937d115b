// The text rules of the tokenizer that transformers.js runs (BertNormalizer + BertPreTokenizer), mirrored here
// so that the builder keeps exactly the words a tokenized text can produce.

// Same character class as the BERT pre-tokenizer: Unicode punctuation plus the ASCII symbols.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PIECES = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lowercase, then drop combining marks after canonical decomposition ("Après" → "apres"). */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** Splits folded text on whitespace and around every punctuation character. */
export function preTokenize(text: string): string[] {
  return foldText(text).trim().match(PIECES) ?? [];
}

/** A vocabulary entry the tokenizer can emit whole, and that carries meaning (not a punctuation mark). */
export function isWordToken(entry: string): boolean {
  const pieces = preTokenize(entry);
  return pieces.length === 1 && pieces[0] === entry && HAS_LETTER_OR_DIGIT.test(entry);
}
