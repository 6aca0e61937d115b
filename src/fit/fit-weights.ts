// Fits the answer layer's three models on answered evaluation questions, one stage at a time: which
// passages reach the sentence scorer depends on the reranker, and what the decision sees depends on
// both, so each model is fitted on what the stages before it, already fitted, hand it.
import type { AnsweredQuestion, AnswerOptions } from '../answers/answer-question.js';
import { answerWeights, type AnswerWeights } from '../answers/answer-weights.js';
import { ANSWER_FEATURES } from '../answers/decide.js';
import { SENTENCE_FEATURES } from '../answers/extract-excerpts.js';
import { PASSAGE_FEATURES } from '../answers/rerank.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { analyze } from '../text/analyze.js';
import type { EvalQuestion } from '../eval/questions.js';
import { labelledRows, type LabelledRows } from './labels.js';
import { unusedWordNear, swapWord } from './counterfactuals.js';
import { probability } from '../answers/linear-model.js';
import { fitLogistic, type Sample } from './logistic.js';

export type Ask = (question: string, options: AnswerOptions) => Promise<AnsweredQuestion>;

export interface FitSource {
  ask: Ask;
  /** Whether no note uses the word: counterfactual questions swap in such words. */
  isUnused(word: string): Promise<boolean>;
}

/** The fitting source over an open knowledge base. */
export const fitSourceOf = (kb: Pick<KnowledgeBase, 'ask' | 'store'>): FitSource => ({
  ask: (question, options) => kb.ask(question, options),
  isUnused: async (word) => (await kb.store.documentFrequency(analyze(word))) === 0,
});

/**
 * Labelled rows of the questions answered with `weights`; with `counterfactuals`, the decision's rows of
 * each answerable question's unanswerable counterpart, apart.
 */
async function rowsOf(
  source: FitSource,
  questions: readonly EvalQuestion[],
  weights: AnswerWeights,
  counterfactuals = false,
): Promise<LabelledRows & { counterfactual: Sample[] }> {
  const rows: LabelledRows = { passage: [], sentence: [], answer: [] };
  const counterfactual: Sample[] = [];
  for (const q of questions) {
    const { trace } = await source.ask(q.question, { weights });
    const own = labelledRows(q, trace);
    rows.passage.push(...own.passage);
    rows.sentence.push(...own.sentence);
    rows.answer.push(...own.answer);
    if (!counterfactuals || q.gold.length === 0 || trace.rarest === undefined) continue;
    const substitute = await unusedWordNear(trace.rarest, source.isUnused);
    if (substitute === undefined) continue;
    const negative = { ...q, question: swapWord(q.question, trace.rarest, substitute), gold: [], expect: [] };
    counterfactual.push(...labelledRows(negative, (await source.ask(negative.question, { weights })).trace).answer);
  }
  // Made-up questions count, in all, as much as the written unanswerable ones (or as one, when there are
  // none): they show what silence looks like without outweighing the questions people asked. Answerable
  // and unanswerable rows otherwise keep the proportion people asked them in, so that the chance is
  // calibrated; where to draw the line is fitted apart (balancedThreshold). Weighing both classes alike
  // instead, tried, ranked the questions worse (leave-files-out, all three dev files).
  const written = Math.max(1, rows.answer.filter((r) => r.y === 0).length);
  return { ...rows, counterfactual: counterfactual.map((r) => ({ ...r, weight: written / counterfactual.length })) };
}

/** Candidate thresholds: the decision's chance in steps of 0.05. */
const THRESHOLDS = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);

/**
 * The threshold at which the decision is right as often on answerable questions as it is on the others
 * (the best balanced accuracy): the chance itself reflects how many questions of each kind were asked,
 * while a wrong abstention and a confident wrong quote are both failures the asker sees.
 */
export function balancedThreshold(rows: ReadonlyArray<Sample & { chance: number }>): number {
  const total = (y: 0 | 1): number => rows.filter((r) => r.y === y).reduce((s, r) => s + (r.weight ?? 1), 0);
  const [answerable, silent] = [total(1), total(0)];
  if (answerable === 0 || silent === 0) return 0.5;
  const accuracy = (t: number): number => {
    const kept = rows.filter((r) => r.y === 1 && r.chance >= t).reduce((s, r) => s + (r.weight ?? 1), 0);
    const refused = rows.filter((r) => r.y === 0 && r.chance < t).reduce((s, r) => s + (r.weight ?? 1), 0);
    return kept / answerable + refused / silent;
  };
  return THRESHOLDS.reduce((best, t) => (accuracy(t) > accuracy(best) ? t : best), 0.5);
}

export async function fitWeights(source: FitSource, questions: readonly EvalQuestion[], start: AnswerWeights = answerWeights): Promise<AnswerWeights> {
  const passage = fitLogistic(PASSAGE_FEATURES, (await rowsOf(source, questions, start)).passage);
  const sentence = fitLogistic(SENTENCE_FEATURES, (await rowsOf(source, questions, { ...start, passage })).sentence);
  const decisions = await rowsOf(source, questions, { ...start, passage, sentence }, true);
  const answer = fitLogistic(ANSWER_FEATURES, [...decisions.answer, ...decisions.counterfactual]);
  // The line is drawn on the questions people wrote: made-up ones, all alike, pulled it up to abstain on
  // a quarter of the answerable questions (leave-files-out).
  const threshold = balancedThreshold(decisions.answer.map((r) => ({ ...r, chance: probability(answer, r.x) })));
  return { passage, sentence, answer, threshold };
}
