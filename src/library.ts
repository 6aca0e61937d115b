// The `confnotes` package entry: open a knowledge base and ask it, with the types a caller meets.
// `confnotes/langchain` (src/langchain/index.ts) builds on this.
export { openConfnotes, type Confnotes, type ConfnotesOptions } from './library/open-confnotes.js';
export type { ConfnotesService } from './service.js';
export type { Answer, Digest, DigestTalk, Excerpt, LineRange, Passage, RankedPassage, Talk } from './types.js';
export type { Config } from './config.js';
export { ConfnotesError, isConfnotesError, type ErrorCode } from './errors.js';
export { citationOf, formatAnswerText } from './answers/format-text.js';
export { formatDigestText } from './digests/format-digest-text.js';
