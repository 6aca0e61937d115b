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

// transformers.js's BertNormalizer, step by step (clean_text, handle_chinese_chars, lowercase, strip_accents), so that
// the native loader tokenizes exactly as the transformers.js pipeline over the same tokenizer.json does.
const CONTROL = /^\p{Cc}|\p{Cf}|\p{Co}|\p{Cs}$/u;
const isChinese = (cp: number) =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df) ||
  (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf) ||
  (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);

function bertNormalize(text: string): string {
  let cleaned = '';
  // Code points for the control test, as the library iterates; UTF-16 units for CJK, as it does too.
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (unit === 0 || unit === 0xfffd || (char !== '\t' && char !== '\n' && char !== '\r' && CONTROL.test(char))) continue;
    cleaned += /^\s$/.test(char) ? ' ' : char;
  }
  let spaced = '';
  for (let i = 0; i < cleaned.length; i++) spaced += isChinese(cleaned.charCodeAt(i)) ? ` ${cleaned[i]} ` : cleaned[i];
  return foldText(spaced);
}

/** The tokenizer's special tokens, matched in the raw text before normalisation (as added tokens are). */
const SPECIAL = /(\[PAD\]|\[UNK\])/;

/** The tokens a WordLevel tokenizer with the BERT normalizer and pre-tokenizer makes of `text`, special tokens kept whole. */
export function bertTokens(text: string): string[] {
  return text.split(SPECIAL).flatMap((section, i) => {
    if (i % 2 === 1) return [section];
    return bertNormalize(section).trim().match(PIECES) ?? [];
  });
}
