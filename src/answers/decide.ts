// Decides whether the notes answer: a fitted chance that they answer the question, from how much of it
// no note uses (a product or a company the notes never mention leaves them silent, whatever the common
// words match; weighed apart when the question and the quote are in different languages), the
// reranker's and the sentence scorer's own scores (the best quote's and the best other
// sentence's), and whether the talk quoted says the question's constraints: its distinctive words (the
// heaviest it leaves unsaid) and the kind of thing asked for (an amount of what was asked, a person).
// Below the threshold, it abstains.
import { probability, type LinearModel } from './linear-model.js';
import { termsOf } from '../text/analyze.js';
import { namesPerson, statesAmountOf, statesMeasureOf, type AnswerKind } from './question-intent.js';
import type { Measure } from '../text/units.js';
import type { Language } from '../types.js';
import type { ScoredSentence } from './choose-sentences.js';
import { distinctiveness, says, unseenWordWeight, type QueryTerm } from './term-weights.js';

export const ANSWER_FEATURES = [
  'unseen_share',
  'passage_score',
  'sentence_score',
  'heaviest_unsaid',
  'kind_unstated',
  'second_sentence',
  'unseen_share_across',
] as const;

export interface Evidence {
  /** Per talk id, the terms of its passages among the passages that may answer. */
  talkTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** The words whose coverage counts (the topic, or what is asked about the event). */
  asked: QueryTerm[];
  /** The reranker's chance for the best answering passage. */
  passageScore: number;
  /** The sentence scorer's chance for the best quote. */
  sentenceScore: number;
  /**
   * Its chance for the best other sentence: what the notes say of the question they often say in more
   * than one line, where a detail they leave out matches one line at most (a title, a speaker's line).
   */
  secondSentenceScore: number;
  /** The talk of the best quote. */
  quotedTalk?: string;
  /** The answer's quotes, with the speakers of their talks. */
  quotes: ReadonlyArray<{ quote: string; speakers: readonly string[] }>;
  /** What each asking of the question asks for. */
  answerKinds: readonly AnswerKind[];
  /** For an amount, what it measures when the question says ("how long…"). */
  measure?: Measure | undefined;
  /** The question's own words: a name or a number it writes does not answer it. */
  given: ReadonlySet<string>;
  /**
   * The question is written in one language and the quote in the other: then a word no note uses is more
   * often one the glossary does not translate ("fariner" asked of notes that say "dust with flour").
   */
  acrossLanguages: boolean;
}

export function answerFeatures({ talkTerms, asked, passageScore, sentenceScore, secondSentenceScore, quotedTalk, quotes, answerKinds, measure, given, acrossLanguages }: Evidence): number[] {
  // What the notes use of the question, and how much of it they never use, apart: a paraphrase and a
  // name the notes never mention both leave words unseen; the rest of the question tells them apart.
  const seen = asked.filter((t) => t.df > 0);
  // By weight, not by terms: neighbouring words share their compound ("one direction" → "onedirection").
  // An unseen word weighs as rare as it is in general use: a name the notes never mention (a
  // product, a company) is what they are silent on; a common word is more often one they say otherwise.
  const unseenWeight = asked.filter((t) => t.df === 0).reduce((sum, t) => sum + t.rarity, 0) * unseenWordWeight(asked);
  const unseenShare = unseenWeight === 0 ? 0 : unseenWeight / (unseenWeight + seen.reduce((sum, t) => sum + t.idf, 0));
  const quoted = quotedTalk === undefined ? undefined : talkTerms.get(quotedTalk);
  // How distinctive the heaviest word is that the talk quoted does not say: a name said in another talk
  // weighs, a common word said otherwise hardly. A talk that never says "erlang" and one that never says
  // "food" both leave all of "any erlang?" and "how was the food?" unsaid; only the first is silent.
  const heaviestUnsaid = Math.max(0, ...seen.filter((t) => quoted === undefined || !says(quoted, t)).map(distinctiveness));
  // An amount answers only when it is said of what was asked, or in a unit of what was measured: "1 year"
  // in a quote does not say how many attended, and says how long something took.
  const askedTerms = new Set(asked.flatMap((t) => t.terms));
  // A size is also a count of what it is made of, whatever the question names: "how big is the team?" is
  // answered by "12 engineers", "how big was the meetup?" by "300 of us". A price is one only in a
  // currency: "3 jours" beside "formation" counts the days of the course, not its price. Otherwise a year
  // or another number of the question is not what an amount counts ("portland 2017 … how many").
  const counted = (word: string): boolean => {
    if (measure === 'size') return true;
    if (measure === 'price') return false;
    return asked.length === 0 || (!/^\d+$/u.test(word) && termsOf(word).some((term) => askedTerms.has(term)));
  };
  // Who answers is a name: quoted, or the speaker of the talk quoted.
  const states: Record<Exclude<AnswerKind, 'any'>, (q: Evidence['quotes'][number]) => boolean> = {
    amount: ({ quote }) => statesAmountOf(quote, counted, given) || (measure !== undefined && statesMeasureOf(quote, measure, given)),
    person: ({ quote, speakers }) => speakers.length > 0 || namesPerson(quote, given),
  };
  // The share of the askings whose kind no quote states: a quote naming the flour answers half of "how
  // many loaves a day, and what flour do they use?".
  const kindUnstated = answerKinds.filter((kind) => kind !== 'any' && !quotes.some(states[kind])).length / answerKinds.length;
  // The same share again when the question and the quote are in different languages, for the fit to weigh
  // apart: there the glossary's gaps leave words unseen that the notes do say, in the other language.
  return [unseenShare, passageScore, sentenceScore, heaviestUnsaid, kindUnstated, secondSentenceScore, acrossLanguages ? unseenShare : 0];
}

/** The question is written in one language and the quote in the other; false when either language is unknown. */
export const writtenAcross = (questionLanguage: Language | undefined, quoteLanguage: Language | undefined): boolean =>
  questionLanguage !== undefined && quoteLanguage !== undefined && questionLanguage !== quoteLanguage;

/** The second-best score of the sentences, each counted once where overlapping passages share it. */
export function secondBestScore(sentences: ReadonlyArray<Pick<ScoredSentence, 'file' | 'lines' | 'score'>>): number {
  const best = new Map<string, number>();
  for (const { file, lines, score } of sentences) {
    const key = `${file}:${lines[0]}-${lines[1]}`;
    best.set(key, Math.max(best.get(key) ?? 0, score));
  }
  return [...best.values()].sort((a, b) => b - a)[1] ?? 0;
}

/** The fitted chance that the notes answer the question. */
export const confidenceOf = (features: readonly number[], model: LinearModel): number => probability(model, features);
