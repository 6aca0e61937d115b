// From a question to an Answer, in stages: understand the question (its weighed words and its kind),
// retrieve passages, rerank them, choose the sentences that answer, decide whether the notes answer at
// all, and quote. The CLI, eval and both bots call this; `trace` carries every stage's features so that
// a miss can be understood and the weights fitted (src/fit/).
import { retrieve, type RankingMode, type Retrieval, type RetrievalContext } from '../retrieval/retrieve.js';
import type { Answer, LineRange, Passage } from '../types.js';
import { answerWeights, type AnswerWeights } from './answer-weights.js';
import { chooseSentences, type ScoredSentence } from './choose-sentences.js';
import { answerFeatures, confidenceOf, secondBestScore, writtenAcross } from './decide.js';
import { intentOf } from './question-intent.js';
import { validateQuestion } from './question.js';
import { rerankRetrieval, termsByTalk } from './rerank.js';
import { ofConferences, strategyFor } from './strategies.js';
import { askedBeyondTalk } from './passage-terms.js';
import { rarestTerm, weighQueryTerms } from './term-weights.js';

export interface AnswerContext extends RetrievalContext {
  passageCount: number;
  /** The decision's chance under which the answer abstains (CONFNOTES_ABSTAIN_THRESHOLD). */
  abstainThreshold: number;
  /** Ids of the talks; other sections (introductions, conclusions) have passages but are no talks. */
  talkIds: ReadonlySet<string>;
}

export interface AnswerOptions {
  excerpts?: number;
  mode?: RankingMode;
  /** Weights other than the committed ones: eval's folds answer each held fold with the weights fitted on the others. */
  weights?: AnswerWeights;
}

/** What each stage saw, for eval's per-question report and for fitting. */
export interface AnswerTrace {
  /** The fused pool, in fused order, with the reranker's features and fitted chance. */
  passages: Array<{ id: string; file: string; lines: LineRange; features: number[]; score: number }>;
  /** Every sentence that could be quoted, with the sentence scorer's features and fitted chance. */
  sentences: ScoredSentence[];
  /** The decision's features (none when the question names only a conference: its talks are listed). */
  answer?: number[];
  /** What would be quoted, abstaining or not: eval reports how often it is right per confidence bucket. */
  quoted: Array<{ file: string; lines: LineRange }>;
  /**
   * The question's rarest word that the notes use and that does not name the talk found (its title,
   * speakers, companies), as asked: what is asked of that talk. Fitting swaps it for a word no note uses.
   */
  askedOfTalk?: string;
}

export interface AnsweredQuestion {
  answer: Answer;
  retrieval: Retrieval;
  confidence: number;
  trace: AnswerTrace;
}

/** Fused passages the reranker reorders (hybrid mode); the baselines keep their rankers' order. */
const RERANK_POOL = 50;
/** Passages each baseline ranker hands on: as many as are read for quotes. */
const BASELINE_POOL = 10;
/** Talks named when abstaining. */
const CLOSEST = 3;

export async function answerQuestion(
  context: AnswerContext,
  rawQuestion: string,
  { excerpts = 3, mode = 'hybrid', weights = answerWeights }: AnswerOptions = {},
): Promise<AnsweredQuestion> {
  const question = validateQuestion(rawQuestion);
  // Weighed before retrieval, which also searches the note terms that unknown words were read as.
  const queryTerms = await weighQueryTerms(context.store, question, context.passageCount);
  const readings = queryTerms.flatMap((t) => t.reading ?? []);
  const fused = await retrieve(context, question, { limit: mode === 'hybrid' ? RERANK_POOL : BASELINE_POOL, mode, fusion: weights.fusion, readings });
  const intent = intentOf(question, queryTerms, fused.conferences);
  const strategy = strategyFor(intent);
  const { retrieval, pool, passageScore } = rerankRetrieval(fused, intent.rankingTerms, { named: intent.named }, weights.passage, mode === 'hybrid');
  const { candidates, sentences, selection } = await chooseSentences(context, retrieval, { intent, strategy, passageScore, model: weights.sentence, excerpts });
  const answering = ofConferences(candidates, intent.named);
  const termsById = new Map(pool.map(({ passage, terms }) => [passage.id, terms] as const));
  const decision =
    strategy.kind === 'conference'
      ? undefined
      : answerFeatures({
          talkTerms: termsByTalk(answering.map(({ passage }) => ({ passage, terms: termsById.get(passage.id)! }))),
          asked: intent.topicTerms,
          passageScore: answering[0] ? passageScore.get(answering[0].passage.id)! : 0,
          sentenceScore: selection[0]?.score ?? 0,
          secondSentenceScore: secondBestScore(sentences),
          quotedTalk: selection[0]?.talkId,
          quotes: selection,
          answerKinds: intent.answerKinds,
          measure: intent.measure,
          given: intent.given,
          acrossLanguages: writtenAcross(intent.language, answering.find(({ passage }) => passage.id === selection[0]?.passageId)?.passage.language),
        });
  // A question naming only a conference is answered by listing its talks when it has any.
  const confidence = decision ? confidenceOf(decision, weights.answer) : answering.length > 0 ? 1 : 0;
  const abstained = selection.length === 0 || confidence < context.abstainThreshold;
  const answer: Answer = abstained
    ? { question, abstained: true, excerpts: [], closest: closestTalks(retrieval) }
    : { question, abstained: false, excerpts: selection.map(({ passageId: _p, talkId: _t, ...excerpt }) => excerpt) };
  const trace: AnswerTrace = {
    passages: pool.map(({ passage, features }) => ({ ...pick(passage), features, score: passageScore.get(passage.id)! })),
    sentences,
    ...(decision && { answer: decision }),
    quoted: selection.map(({ file, lines }) => ({ file, lines })),
    askedOfTalk: answering[0] && rarestTerm(askedBeyondTalk(answering[0].passage, intent.topicTerms))?.word,
  };
  return { answer, retrieval, confidence, trace };
}

const pick = ({ id, file, lines }: Passage): { id: string; file: string; lines: LineRange } => ({ id, file, lines });

function closestTalks(retrieval: Retrieval): NonNullable<Answer['closest']> {
  const seen = new Set<string>();
  const closest: NonNullable<Answer['closest']> = [];
  for (const { passage } of retrieval.ranked) {
    if (seen.has(passage.talkId)) continue;
    seen.add(passage.talkId);
    closest.push({ conference: passage.conference, talk: passage.talk, file: passage.file, lines: passage.lines });
    if (closest.length === CLOSEST) break;
  }
  return closest;
}
