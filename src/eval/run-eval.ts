// Asks every question of an evaluation set through the same path as the bots (KnowledgeBase.ask),
// once with the hybrid ranking and once with each ranker alone, and scores all three.
import type { KnowledgeBase } from '../knowledge-base.js';
import type { RankingMode } from '../retrieval/retrieve.js';
import type { CitationCheck, QuestionResult, Scores } from './score.js';
import { score, scoreByKind } from './score.js';
import type { EvalQuestion } from './questions.js';

export interface EvalReport extends Scores {
  k: number;
  by_kind: Record<string, Scores>;
  baselines: { bm25: Scores & { by_kind: Record<string, Scores> }; vector: Scores & { by_kind: Record<string, Scores> } };
  results: QuestionResult[];
}

async function runMode(kb: KnowledgeBase, questions: EvalQuestion[], mode: RankingMode): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const { answer, retrieval } = await kb.ask(q.question, { mode });
    results.push({
      id: q.id,
      abstained: answer.abstained,
      passages: retrieval.ranked.slice(0, 10).map(({ passage }) => ({ file: passage.file, lines: passage.lines })),
      excerpts: answer.excerpts,
    });
  }
  return results;
}

export async function runEval(kb: KnowledgeBase, questions: EvalQuestion[], k: number, citationValid: CitationCheck): Promise<EvalReport> {
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
    baselines: { bm25: { ...bm25.scores, by_kind: bm25.byKind }, vector: { ...vector.scores, by_kind: vector.byKind } },
    results: hybrid.results,
  };
}

const figure = (x: number | null): string => (x === null ? '   -' : x.toFixed(2).padStart(5));

/** A readable table: one row per kind, then the overall figures and the baselines. */
export function formatEvalTable(report: EvalReport): string {
  const header = `${'set'.padEnd(16)} ${'n'.padStart(3)}  recall@${report.k}  mrr@10  expect  f.abst  abst.neg  cites`;
  const row = (name: string, s: Scores): string =>
    `${name.padEnd(16)} ${String(s.questions).padStart(3)}  ${figure(s.recall_at_k)}     ${figure(s.mrr_at_10)}  ${figure(s.expect_hit)}  ${figure(s.false_abstain)}  ${figure(s.abstain_negatives)}     ${figure(s.citations_valid)}`;
  return [
    header,
    ...Object.entries(report.by_kind).map(([kind, s]) => row(kind, s)),
    row('all (hybrid)', report),
    row('baseline bm25', report.baselines.bm25),
    row('baseline vector', report.baselines.vector),
  ].join('\n');
}
