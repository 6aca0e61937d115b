// The JSON files that let transformers.js load the static model as an ordinary BERT-style encoder.

export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';
/** Ids 0 and 1; the vocabulary's words follow from id 2. */
export const SPECIAL_TOKENS = [PAD_TOKEN, UNK_TOKEN] as const;

// A lookup costs the same at any length, so only padding bounds it: long enough for any note passage.
export const MAX_TOKENS = 4096;

export type Precision = 'int8' | 'float32';

/** Where transformers.js looks for the graph: `onnx/model.onnx`, or `onnx/model_quantized.onnx` for dtype q8. */
export function modelFileName(precision: Precision): string {
  return precision === 'int8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

export function modelConfig(dimensions: number, vocabSize: number, precision: Precision): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dimensions,
    vocab_size: vocabSize,
    max_position_embeddings: MAX_TOKENS,
    'transformers.js_config': { dtype: precision === 'int8' ? 'q8' : 'fp32' },
  };
}

/** `words` in id order after the special tokens. */
export function tokenizerJson(words: readonly string[]): object {
  const vocab: Record<string, number> = {};
  [...SPECIAL_TOKENS, ...words].forEach((token, id) => (vocab[token] = id));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: UNK_TOKEN },
  };
}

/** transformers.js has no WordLevel model: it falls back to a plain vocabulary look-up, which needs these tokens named here. */
export function tokenizerConfig(): object {
  return {
    unk_token: UNK_TOKEN,
    pad_token: PAD_TOKEN,
    model_max_length: MAX_TOKENS,
    do_lower_case: true,
    clean_up_tokenization_spaces: false,
  };
}
