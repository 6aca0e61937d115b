// Turns answered evaluation questions into labelled rows for the three fitted models: a pooled passage
// is right when it overlaps a gold citation, a sentence when it holds an expected answering phrase, and
// a decision to answer when the notes can answer the question.
import type { AnswerTrace } from '../answers/answer-question.js';
import { isHit } from '../eval/score.js';
import type { EvalQuestion } from '../eval/questions.js';
import { foldAccents } from '../text/analyze.js';
import type { Sample } from './logistic.js';

export interface LabelledRows {
  passage: Sample[];
  sentence: Sample[];
  answer: Sample[];
}

const normalise = (text: string): string => foldAccents(text.toLowerCase()).replace(/\s+/g, ' ').trim();

/**
 * Whether each sentence (in passage order) holds an expected phrase. A phrase that runs on into the next
 * sentence marks the sentence it starts in.
 */
export function answeringSentences(texts: readonly string[], expect: readonly string[]): boolean[] {
  const phrases = expect.map(normalise).filter((p) => p !== '');
  const own = texts.map(normalise);
  return own.map((text, i) =>
    phrases.some((p) => text.includes(p) || (i + 1 < own.length && `${text} ${own[i + 1]}`.includes(p) && !own[i + 1]!.includes(p))),
  );
}

/**
 * Rows of one question. Each model's rows of a question weigh 1 in all, so that a question with a long
 * pool counts as much as one with a short pool; positives and negatives are balanced within each question
 * for the same reason (a pool of 50 has one or two right passages).
 */
export function labelledRows(question: EvalQuestion, trace: AnswerTrace): LabelledRows {
  const balanced = (rows: Array<{ x: number[]; y: 0 | 1 }>): Sample[] => {
    const positives = rows.filter((r) => r.y === 1).length;
    const negatives = rows.length - positives;
    if (positives === 0 || negatives === 0) return [];
    return rows.map((r) => ({ ...r, weight: r.y === 1 ? 0.5 / positives : 0.5 / negatives }));
  };
  const passage = balanced(trace.passages.map((p) => ({ x: p.features, y: isHit(p, question) ? 1 : 0 })));
  const byPassage = new Map<string, AnswerTrace['sentences']>();
  for (const s of trace.sentences) byPassage.set(s.passageId, [...(byPassage.get(s.passageId) ?? []), s]);
  const sentenceRows = [...byPassage.values()].flatMap((list) => {
    const answers = answeringSentences(list.map((s) => s.text), question.expect);
    return list.map((s, i) => ({ x: s.features, y: (answers[i] ? 1 : 0) as 0 | 1 }));
  });
  // The decision learns whether the notes answer the question at all. Labelling by whether the quote was
  // right taught it to abstain on answerable questions whose quote missed (one abstention in eight,
  // three in four of them with the right talk quoted): a near quote beats none.
  const answer: Sample[] = trace.answer ? [{ x: trace.answer, y: question.gold.length > 0 ? 1 : 0 }] : [];
  return { passage, sentence: balanced(sentenceRows), answer };
}
