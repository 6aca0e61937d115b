// Scores answered questions against gold citations. Pure, so that anyone can re-score a run's JSON.
import { foldAccents } from '../text/analyze.js';
import type { Excerpt, LineRange } from '../types.js';
import type { EvalQuestion } from './questions.js';

export interface QuestionResult {
  id: string;
  abstained: boolean;
  /** The ranked top 10 passages. */
  passages: Array<{ file: string; lines: LineRange }>;
  excerpts: Excerpt[];
  /** Hybrid runs: the confidence and the features behind the answer, so that a miss can be understood. */
  explain?: {
    confidence: number;
    decision?: Record<string, number>;
    passages: Array<{ file: string; lines: LineRange; score: number; features: Record<string, number> }>;
    /** What would be quoted, abstaining or not. */
    quoted: Array<{ file: string; lines: LineRange }>;
    sentences: Array<{ file: string; lines: LineRange; score: number; features: Record<string, number> }>;
  };
}

/** A figure is null when no question of the set can measure it (e.g. recall over negatives only). */
export interface Scores {
  questions: number;
  recall_at_k: number | null;
  mrr_at_10: number | null;
  expect_hit: number | null;
  false_abstain: number | null;
  abstain_negatives: number | null;
  citations_valid: number | null;
}

const overlaps = (a: LineRange, b: LineRange): boolean => a[0] <= b[1] && b[0] <= a[1];

export const isHit = (passage: { file: string; lines: LineRange }, question: EvalQuestion): boolean =>
  question.gold.some((g) => g.file === passage.file && overlaps(g.lines, passage.lines));

const normalise = (text: string): string => foldAccents(text.toLowerCase()).replace(/\s+/g, ' ');

/** A quote is valid when it is found verbatim in its file, within its lines. */
export type CitationCheck = (excerpt: Excerpt) => boolean;

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;

export function score(questions: EvalQuestion[], results: QuestionResult[], k: number, citationValid: CitationCheck): Scores {
  const byId = new Map(results.map((r) => [r.id, r] as const));
  const answerable = questions.filter((q) => q.gold.length > 0);
  const negatives = questions.filter((q) => q.gold.length === 0);
  const firstHit = (q: EvalQuestion): number => byId.get(q.id)!.passages.slice(0, 10).findIndex((p) => isHit(p, q));
  const excerpts = results.flatMap((r) => r.excerpts);
  const firstHitRanks = answerable.map(firstHit);
  const expectHit = (q: EvalQuestion): boolean => {
    const quoted = normalise(byId.get(q.id)!.excerpts.map((e) => e.quote).join(' \n '));
    return q.expect.some((phrase) => quoted.includes(normalise(phrase)));
  };
  return {
    questions: questions.length,
    recall_at_k: mean(firstHitRanks.map((i) => (i >= 0 && i < k ? 1 : 0))),
    mrr_at_10: mean(firstHitRanks.map((i) => (i >= 0 ? 1 / (i + 1) : 0))),
    expect_hit: mean(answerable.map((q) => (expectHit(q) ? 1 : 0))),
    false_abstain: mean(answerable.map((q) => (byId.get(q.id)!.abstained ? 1 : 0))),
    abstain_negatives: mean(negatives.map((q) => (byId.get(q.id)!.abstained ? 1 : 0))),
    citations_valid: mean(excerpts.map((e) => (citationValid(e) ? 1 : 0))),
  };
}

export function scoreByKind(questions: EvalQuestion[], results: QuestionResult[], k: number, citationValid: CitationCheck): Record<string, Scores> {
  const kinds = [...new Set(questions.map((q) => q.kind))].sort();
  return Object.fromEntries(kinds.map((kind) => [kind, score(questions.filter((q) => q.kind === kind), results, k, citationValid)]));
}
