// Asks every question of an evaluation set through the same path as the bots (KnowledgeBase.ask),
// once with the hybrid ranking and once with each ranker alone, and scores all three. With folds, the
// fitted weights are refitted on the other folds' questions (split by notes file) and each held fold
// is answered with them: figures far below the plain run's mean something is fitted to the questions.
import type { KnowledgeBase } from '../knowledge-base.js';
import type { AnswerTrace } from '../answers/answer-question.js';
import type { AnswerWeights } from '../answers/answer-weights.js';
import { ANSWER_FEATURES } from '../answers/decide.js';
import { SENTENCE_FEATURES } from '../answers/extract-excerpts.js';
import { PASSAGE_FEATURES } from '../answers/rerank.js';
import type { RankingMode } from '../retrieval/retrieve.js';
import { fitSourceOf, fitWeights } from '../fit/fit-weights.js';
import { namesLeftOut, NOTHING_LEFT_OUT, type LeftOut } from '../fit/leave-out.js';
import { answerWeights } from '../answers/answer-weights.js';
import { leaveFilesOut } from '../fit/folds.js';
import type { CitationCheck, QuestionResult, Scores } from './score.js';
import { isHit, score, scoreByKind } from './score.js';
import type { EvalQuestion } from './questions.js';

export interface Reliability {
  /** Confidence bucket [from, to). */
  from: number;
  to: number;
  /** Answerable and unanswerable questions whose confidence fell in the bucket. */
  questions: number;
  /** Share of them whose would-be quote overlaps a gold citation. */
  right: number | null;
}

export interface FoldFigures extends Scores {
  fold: number;
}

export interface EvalReport extends Scores {
  k: number;
  by_kind: Record<string, Scores>;
  /** Per questions file, when several are scored together. */
  by_set: Record<string, Scores>;
  baselines: { bm25: Scores & { by_kind: Record<string, Scores> }; vector: Scores & { by_kind: Record<string, Scores> } };
  /** Share of answers right per confidence bucket: the confidence is calibrated when the two agree. */
  reliability: Reliability[];
  /** Leave-files-out cross-validation of the fitted weights (eval --folds N). */
  folds?: {
    n: number;
    /** The seed that dealt the notes files to folds (eval --fold-seed), when not the default split. */
    seed?: string;
    /** Features every fold's fit left out (eval --without), as `stage:feature`. */
    without: string[];
    pooled: Scores;
    by_kind: Record<string, Scores>;
    by_set: Record<string, Scores>;
    per_fold: FoldFigures[];
    /** Each question answered with the weights fitted without its fold's notes: what a miss of the folds looked like. */
    results: QuestionResult[];
  };
  results: QuestionResult[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const named = (names: readonly string[], values: readonly number[]): Record<string, number> =>
  Object.fromEntries(names.map((name, i) => [name, round(values[i]!)]));

/** The features behind a question's answer, readable: the best passages and sentences and the decision. */
function explain(trace: AnswerTrace, ranked: Array<{ passage: { id: string } }>, confidence: number): QuestionResult['explain'] {
  const byId = new Map(trace.passages.map((p) => [p.id, p] as const));
  return {
    confidence: round(confidence),
    decision: trace.answer && named(ANSWER_FEATURES, trace.answer),
    passages: ranked.slice(0, 5).flatMap(({ passage }) => {
      const p = byId.get(passage.id);
      return p ? [{ file: p.file, lines: p.lines, score: round(p.score), features: named(PASSAGE_FEATURES, p.features) }] : [];
    }),
    quoted: trace.quoted,
    sentences: trace.sentences
      .filter((s) => trace.quoted.some((q) => q.file === s.file && q.lines[0] <= s.lines[0] && s.lines[1] <= q.lines[1]))
      .map((s) => ({ file: s.file, lines: s.lines, score: round(s.score), features: named(SENTENCE_FEATURES, s.features) })),
  };
}

async function runMode(kb: KnowledgeBase, questions: EvalQuestion[], mode: RankingMode, weights?: AnswerWeights): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const { answer, retrieval, confidence, trace } = await kb.ask(q.question, { mode, ...(weights && { weights }) });
    results.push({
      id: q.id,
      abstained: answer.abstained,
      passages: retrieval.ranked.slice(0, 10).map(({ passage }) => ({ file: passage.file, lines: passage.lines })),
      excerpts: answer.excerpts,
      ...(mode === 'hybrid' && { explain: explain(trace, retrieval.ranked, confidence) }),
    });
  }
  return results;
}

function scoreBySet(questions: EvalQuestion[], results: QuestionResult[], k: number, citationValid: CitationCheck): Record<string, Scores> {
  const sets = [...new Set(questions.flatMap((q) => (q.set ? [q.set] : [])))];
  if (sets.length < 2) return {};
  return Object.fromEntries(sets.map((set) => [set, score(questions.filter((q) => q.set === set), results, k, citationValid)]));
}

const BUCKETS = 5;

export function reliabilityOf(questions: EvalQuestion[], results: QuestionResult[]): Reliability[] {
  const byId = new Map(questions.map((q) => [q.id, q] as const));
  return Array.from({ length: BUCKETS }, (_, b) => {
    const [from, to] = [b / BUCKETS, (b + 1) / BUCKETS];
    const inside = results.filter((r) => r.explain && r.explain.confidence >= from && (r.explain.confidence < to || (b === BUCKETS - 1 && r.explain.confidence <= 1)));
    const right = inside.filter((r) => {
      const q = byId.get(r.id)!;
      return q.gold.length > 0 && r.explain!.quoted.some((quoted) => isHit(quoted, q));
    }).length;
    return { from, to, questions: inside.length, right: inside.length === 0 ? null : Math.round((right / inside.length) * 1000) / 1000 };
  });
}

async function runFolds(
  kb: KnowledgeBase,
  questions: EvalQuestion[],
  training: EvalQuestion[],
  { n, seed, without }: { n: number; seed?: string; without: LeftOut },
  k: number,
  citationValid: CitationCheck,
): Promise<NonNullable<EvalReport['folds']>> {
  const held: QuestionResult[] = [];
  const perFold: FoldFigures[] = [];
  for (const [f, { test, fit }] of leaveFilesOut(questions, training, n, seed).entries()) {
    if (test.length === 0) continue;
    const weights = await fitWeights(fitSourceOf(kb), fit, answerWeights, without);
    const results = await runMode(kb, test, 'hybrid', weights);
    held.push(...results);
    perFold.push({ fold: f + 1, ...score(test, results, k, citationValid) });
  }
  return {
    n,
    ...(seed !== undefined && { seed }),
    without: namesLeftOut(without),
    pooled: score(questions, held, k, citationValid),
    by_kind: scoreByKind(questions, held, k, citationValid),
    by_set: scoreBySet(questions, held, k, citationValid),
    per_fold: perFold,
    results: held,
  };
}

export async function runEval(
  kb: KnowledgeBase,
  questions: EvalQuestion[],
  k: number,
  citationValid: CitationCheck,
  { folds, foldSeed, training = [], without = NOTHING_LEFT_OUT }: { folds?: number; foldSeed?: string; training?: EvalQuestion[]; without?: LeftOut } = {},
): Promise<EvalReport> {
  const scored = async (mode: RankingMode) => {
    const results = await runMode(kb, questions, mode);
    return { results, scores: score(questions, results, k, citationValid), byKind: scoreByKind(questions, results, k, citationValid) };
  };
  const hybrid = await scored('hybrid');
  const bm25 = await scored('lexical');
  const vector = await scored('vector');
  return {
    ...hybrid.scores,
    k,
    by_kind: hybrid.byKind,
    by_set: scoreBySet(questions, hybrid.results, k, citationValid),
    baselines: { bm25: { ...bm25.scores, by_kind: bm25.byKind }, vector: { ...vector.scores, by_kind: vector.byKind } },
    reliability: reliabilityOf(questions, hybrid.results),
    ...(folds && folds > 1 && { folds: await runFolds(kb, questions, training, { n: folds, seed: foldSeed, without }, k, citationValid) }),
    results: hybrid.results,
  };
}

const figure = (x: number | null): string => (x === null ? '   -' : x.toFixed(2).padStart(5));

/** A readable table: one row per kind, then the overall figures, the baselines and the folds. */
export function formatEvalTable(report: EvalReport): string {
  const header = `${'set'.padEnd(16)} ${'n'.padStart(3)}  recall@${report.k}  mrr@10  expect  f.abst  abst.neg  cites`;
  const row = (name: string, s: Scores): string =>
    `${name.padEnd(16)} ${String(s.questions).padStart(3)}  ${figure(s.recall_at_k)}     ${figure(s.mrr_at_10)}  ${figure(s.expect_hit)}  ${figure(s.false_abstain)}  ${figure(s.abstain_negatives)}     ${figure(s.citations_valid)}`;
  const folds = report.folds
    ? [
        '',
        `leave-files-out, ${report.folds.n} folds (weights refitted without each fold's notes files${report.folds.seed !== undefined ? `; files dealt with seed ${report.folds.seed}` : ''}${report.folds.without.length > 0 ? `; left out: ${report.folds.without.join(', ')}` : ''})`,
        ...Object.entries(report.folds.by_kind).map(([kind, s]) => row(kind, s)),
        ...Object.entries(report.folds.by_set).map(([set, s]) => row(set, s)),
        ...report.folds.per_fold.map((s) => row(`fold ${s.fold}`, s)),
        row('all folds', report.folds.pooled),
      ]
    : [];
  const reliability = [
    '',
    'confidence   questions  right',
    ...report.reliability.map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}   ${String(b.questions).padStart(9)}  ${figure(b.right)}`),
  ];
  return [
    header,
    ...Object.entries(report.by_kind).map(([kind, s]) => row(kind, s)),
    ...Object.entries(report.by_set).map(([set, s]) => row(set, s)),
    row('all (hybrid)', report),
    row('baseline bm25', report.baselines.bm25),
    row('baseline vector', report.baselines.vector),
    ...folds,
    ...reliability,
  ].join('\n');
}
