import { describe, expect, it } from 'vitest';
import type { AnswerTrace } from '../../src/answers/answer-question.js';
import { answeringSentences, labelledRows } from '../../src/fit/labels.js';

describe('answeringSentences', () => {
  it('marks the sentence holding an expected phrase, accents and case aside, and the one a phrase starts in', () => {
    const texts = ['Le four chauffait trop.', 'On a acheté deux PÉTRINS neufs.', 'Ils coûtaient', 'cher. Fin.'];
    expect(answeringSentences(texts, ['deux petrins'])).toEqual([false, true, false, false]);
    expect(answeringSentences(texts, ['coûtaient cher'])).toEqual([false, false, true, false]);
    expect(answeringSentences(texts, [])).toEqual([false, false, false, false]);
  });
});

describe('labelledRows', () => {
  const trace: AnswerTrace = {
    passages: [
      { id: 'n.md:1-3', file: 'n.md', lines: [1, 3], features: [1, 0], score: 0.5 },
      { id: 'n.md:10-12', file: 'n.md', lines: [10, 12], features: [0.5, 1], score: 0.5 },
      { id: 'm.md:1-2', file: 'm.md', lines: [1, 2], features: [0.3, 0], score: 0.5 },
    ],
    sentences: [
      { passageId: 'n.md:10-12', file: 'n.md', lines: [10, 10], text: 'The oven broke.', features: [0.1], score: 0.1 },
      { passageId: 'n.md:10-12', file: 'n.md', lines: [11, 12], text: 'They bought two ovens.', features: [0.9], score: 0.9 },
    ],
    answer: [0.7, 0.2],
    quoted: [{ file: 'n.md', lines: [11, 12] }],
  };
  const question = { id: 'q', question: 'how many ovens?', kind: 'topic', expect: ['two ovens'], gold: [{ file: 'n.md', lines: [9, 12] as [number, number] }] };

  it('labels the gold passage, the answering sentence and an answerable question, each question weighing one per model', () => {
    const rows = labelledRows(question, trace);
    expect(rows.passage.map((r) => r.y)).toEqual([0, 1, 0]);
    expect(rows.passage.reduce((s, r) => s + r.weight!, 0)).toBeCloseTo(1);
    expect(rows.sentence.map((r) => r.y)).toEqual([0, 1]);
    expect(rows.answer).toEqual([{ x: [0.7, 0.2], y: 1 }]);
  });

  it('labels a question the notes cannot answer as one to abstain on, and skips rows with one class only', () => {
    const rows = labelledRows({ ...question, gold: [], expect: [] }, trace);
    expect(rows.answer).toEqual([{ x: [0.7, 0.2], y: 0 }]);
    expect(rows.passage).toEqual([]);
    expect(rows.sentence).toEqual([]);
  });
});
