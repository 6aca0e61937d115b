import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/questions.js';
import { parseQuestions } from '../../src/eval/questions.js';
import { isHit, score, type QuestionResult } from '../../src/eval/score.js';
import type { Excerpt } from '../../src/types.js';

const question = (id: string, gold: EvalQuestion['gold'], expect: string[] = []): EvalQuestion => ({ id, question: id, kind: gold.length ? 'topic' : 'negative', gold, expect });
const excerpt = (quote: string): Excerpt => ({ quote, conference: 'c', talk: 't', speakers: [], companies: [], file: 'a.md', lines: [1, 1], score: 1 });

describe('score', () => {
  it('counts a hit when file matches and line ranges overlap', () => {
    const q = question('q', [{ file: 'a.md', lines: [10, 20] }]);
    expect(isHit({ file: 'a.md', lines: [20, 25] }, q)).toBe(true);
    expect(isHit({ file: 'a.md', lines: [21, 25] }, q)).toBe(false);
    expect(isHit({ file: 'b.md', lines: [10, 20] }, q)).toBe(false);
  });

  it('computes recall@k, MRR, expect hits (accent-insensitive), abstentions and citations', () => {
    const questions = [question('a', [{ file: 'a.md', lines: [1, 5] }], ['équipe']), question('b', [{ file: 'b.md', lines: [1, 5] }]), question('n', [])];
    const results: QuestionResult[] = [
      { id: 'a', abstained: false, passages: [{ file: 'x.md', lines: [1, 1] }, { file: 'a.md', lines: [4, 9] }], excerpts: [excerpt('Une EQUIPE soudée')] },
      { id: 'b', abstained: true, passages: [], excerpts: [] },
      { id: 'n', abstained: true, passages: [], excerpts: [] },
    ];
    const s = score(questions, results, 5, (e) => e.quote.startsWith('Une'));
    expect(s).toEqual({ questions: 3, recall_at_k: 0.5, mrr_at_10: 0.25, expect_hit: 0.5, false_abstain: 0.5, abstain_negatives: 1, citations_valid: 1 });
    expect(score(questions, results, 1, () => true).recall_at_k).toBe(0);
  });
});

describe('parseQuestions', () => {
  it('names the line and the field that is wrong', () => {
    expect(() => parseQuestions('{"id":"a","question":"q","kind":"topic"}\n', 'f.jsonl')).toThrowError(/f\.jsonl:1: gold/);
  });
});
