// The fitted weights of the answer layer (src/answers/answer-weights.json, written by `npm run fit`):
// how the rankings are fused, and one linear model each to rank passages, score sentences and decide
// whether to answer.
import { ANSWER_FEATURES } from './decide.js';
import { SENTENCE_FEATURES } from './extract-excerpts.js';
import { checkFeatures, type LinearModel } from './linear-model.js';
import type { FusionWeights } from '../retrieval/retrieve.js';
import { PASSAGE_FEATURES } from './rerank.js';
import fitted from './answer-weights.json' with { type: 'json' };

export interface AnswerWeights {
  fusion: FusionWeights;
  passage: LinearModel;
  sentence: LinearModel;
  answer: LinearModel;
}

export const answerWeights: AnswerWeights = {
  fusion: fitted.fusion,
  passage: checkFeatures(fitted.passage, PASSAGE_FEATURES, 'passage'),
  sentence: checkFeatures(fitted.sentence, SENTENCE_FEATURES, 'sentence'),
  answer: checkFeatures(fitted.answer, ANSWER_FEATURES, 'answer'),
};
