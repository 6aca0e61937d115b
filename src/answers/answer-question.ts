// From a question to an Answer: retrieve passages, split the best ones into sentences, score the
// sentences, decide whether the notes answer at all, and quote. The CLI, eval and both bots call this.
import { conferencesNamedIn } from '../retrieval/conference-match.js';
import { retrieve, type RankingMode, type Retrieval, type RetrievalContext } from '../retrieval/retrieve.js';
import { analyze } from '../text/analyze.js';
import { splitSentences } from '../text/sentences.js';
import type { Answer, Passage } from '../types.js';
import { absentTechnologies } from './absent-technology.js';
import { passageQuotes, LISTING_EXCERPT_RATIO, scoreSentences, selectExcerpts, talkRanks, type CandidatePassage } from './extract-excerpts.js';
import { intentOf, type Intent } from './question-intent.js';
import { validateQuestion } from './question.js';
import { dot } from '../../embeddings/dot.js';
import { coverage, weighQueryTerms } from './term-weights.js';
import { rerank, termsByTalk, type RerankCandidate } from './rerank.js';

export interface AnswerContext extends RetrievalContext {
  passageCount: number;
  /** Confidence below which the answer abstains (CONFNOTES_ABSTAIN_THRESHOLD). */
  abstainThreshold: number;
  /** Ids of the talks; other sections (introductions, conclusions) have passages but are no talks. */
  talkIds: ReadonlySet<string>;
}

export interface AnswerOptions {
  excerpts?: number;
  mode?: RankingMode;
}

export interface AnsweredQuestion {
  answer: Answer;
  retrieval: Retrieval;
  confidence: number;
}

/** Passages read sentence by sentence for quotes. */
const CANDIDATES = 10;
/** Fused passages the reranker reorders (hybrid mode); the baselines keep their rankers' order. */
const RERANK_POOL = 50;
/** Quotes from one talk at most, so that the answer can show several talks. */
const PER_TALK = 3;
/** A question asking for talks gets one quote from each of up to this many talks. */
const LISTED_TALKS = 6;
/** Best passages whose talks' word coverage counts for confidence: deeper, some talk covers any question's words. */
const CONFIDENCE_DEPTH = 3;
/** Talks named when abstaining. */
const CLOSEST = 3;

const passageTerms = (p: Passage): Set<string> =>
  new Set(analyze([p.text, p.talk, p.conference, ...p.speakers, ...p.companies].join(' ')));

/**
 * How sure we are that the notes answer: the share of the question's weight that the talk of one of
 * the best passages covers (a question names the speaker and asks about a detail further on), mixed
 * with how close in meaning that passage's best sentence is. Calibrated on held-aside questions;
 * the threshold is a setting.
 */
export function confidenceOf(topCoverage: number, topCosine: number): number {
  return 0.6 * topCoverage + 0.4 * Math.max(0, topCosine);
}

export async function answerQuestion(
  context: AnswerContext,
  rawQuestion: string,
  { excerpts = 3, mode = 'hybrid' }: AnswerOptions = {},
): Promise<AnsweredQuestion> {
  const question = validateQuestion(rawQuestion);
  const [fused, queryTerms] = await Promise.all([
    retrieve(context, question, { limit: mode === 'hybrid' ? RERANK_POOL : CANDIDATES, mode }),
    weighQueryTerms(context.store, question, context.passageCount, {
      namesConference: conferencesNamedIn(question, context.conferences).length > 0,
    }),
  ]);
  const intent = intentOf(question, queryTerms, fused.conferences);
  const pool: RerankCandidate[] = fused.ranked.map(({ passage }) => ({ passage, terms: passageTerms(passage) }));
  const termsById = new Map(pool.map(({ passage, terms }) => [passage.id, terms] as const));
  const order = mode === 'hybrid' ? rerank(pool, intent.rankingTerms) : pool.map((_, i) => i);
  const aboutEvent = eventPassageTest(intent, context.talkIds, termsById);
  const reranked = order.map((i) => fused.ranked[i]!);
  const retrieval: Retrieval = { ...fused, ranked: mode === 'hybrid' ? eventPassagesFirst(reranked, aboutEvent) : reranked };
  const candidates = await readCandidates(context, passagesToRead(retrieval, intent));
  const quotes = quotedPassages(candidates, intent.listing, context.talkIds, aboutEvent).flatMap((candidate) => {
    const options = { headings: intent.listing, quantity: intent.quantity, required: intent.eventTerms };
    const scores = scoreSentences(candidate, intent.rankingTerms, retrieval.queryVector, options);
    return passageQuotes(candidate, scores, intent.listing ? 1 : PER_TALK);
  });
  const answering = aboutEvent ? candidates.filter(({ passage }) => aboutEvent(passage)) : ofConferences(candidates, intent.named);
  const absent = await absentTechnologies(context.store, intent.topicTerms);
  const confidence = absent.length > 0 ? 0 : confidenceFor(answering, termsById, intent, retrieval);
  const abstained = quotes.length === 0 || confidence < context.abstainThreshold;
  const selection = intent.listing
    ? selectExcerpts(quotes, Math.max(excerpts, LISTED_TALKS), 1, intent.conferenceOnly ? 0 : LISTING_EXCERPT_RATIO)
    : selectExcerpts(quotes, excerpts, PER_TALK);
  const answer: Answer = abstained
    ? { question, abstained: true, excerpts: [], closest: closestTalks(retrieval) }
    : { question, abstained: false, excerpts: selection.map(({ passageId: _p, talkId: _t, ...excerpt }) => excerpt) };
  return { answer, retrieval, confidence };
}

/** The passages read for quotes: the best ones, or the best of each talk when a conference's talks are listed. */
function passagesToRead(retrieval: Retrieval, { named, conferenceOnly }: Intent): Retrieval['ranked'] {
  return (conferenceOnly ? onePerTalk(ofConferences(retrieval.ranked, named)) : retrieval.ranked).slice(0, CANDIDATES);
}

/** The items whose passage belongs to one of the conferences; all of them when none is named. */
function ofConferences<T extends { passage: Passage }>(items: T[], conferences: string[]): T[] {
  return conferences.length > 0 ? items.filter(({ passage }) => conferences.includes(passage.conference)) : items;
}

/** The best-ranked passage of each talk, in rank order. */
function onePerTalk(ranked: Retrieval['ranked']): Retrieval['ranked'] {
  const seen = new Set<string>();
  return ranked.filter(({ passage }) => !seen.has(passage.talkId) && seen.add(passage.talkId));
}

/**
 * Passages about the event a question asks about (its venue, its party): the named conference's sections
 * that are no talk (introductions, conclusions, the party) and use a word of what is asked.
 */
function eventPassageTest(
  { eventTerms, named }: Intent,
  talkIds: ReadonlySet<string>,
  termsById: ReadonlyMap<string, ReadonlySet<string>>,
): ((p: Passage) => boolean) | undefined {
  if (eventTerms.length === 0) return undefined;
  const asked = eventTerms.flatMap((t) => t.terms);
  return (p) => named.includes(p.conference) && !talkIds.has(p.talkId) && asked.some((term) => termsById.get(p.id)?.has(term));
}

/** The passages about the event first, each part in its order. */
function eventPassagesFirst(ranked: Retrieval['ranked'], aboutEvent: ((p: Passage) => boolean) | undefined): Retrieval['ranked'] {
  if (!aboutEvent) return ranked;
  const about = ranked.filter(({ passage }) => aboutEvent(passage));
  return [...about, ...ranked.filter((item) => !about.includes(item))];
}

/**
 * A question asking for talks lists talks, not an introduction that mentions the topic, when talks match;
 * one about the event quotes the passages about it, when some are among the candidates.
 */
function quotedPassages(
  candidates: CandidatePassage[],
  listing: boolean,
  talkIds: ReadonlySet<string>,
  aboutEvent: ((p: Passage) => boolean) | undefined,
): CandidatePassage[] {
  const preferred = listing
    ? candidates.filter(({ passage }) => talkIds.has(passage.talkId))
    : aboutEvent ? candidates.filter(({ passage }) => aboutEvent(passage)) : [];
  return preferred.length > 0 ? preferred : candidates;
}

async function readCandidates(context: RetrievalContext, top: Retrieval['ranked']): Promise<CandidatePassage[]> {
  const split = top.map(({ passage }) => splitSentences(passage.text, passage.lines[0], passage.language));
  const vectors = await context.embedder.embedPassages(split.flat().map((s) => s.text));
  let offset = 0;
  const ranks = talkRanks(top.map(({ passage }) => passage));
  return top.map(({ passage }, i) => {
    const sentences = split[i]!;
    const own = vectors.slice(offset, offset + sentences.length);
    offset += sentences.length;
    return { passage, rank: ranks[i]!, sentences, vectors: own };
  });
}

/**
 * How sure we are that the notes answer, from the best passages that may (the caller's `answering`): only
 * the named conference's when the question names one ("any Devoxx 2019 talk on Rust?" is not answered by
 * Rust at another conference, nor by Devoxx 2019 being in the notes), only those about the event when it
 * asks about the event. Quotes are not restricted likewise: a note whose conference could only be named
 * after its file would never be quoted.
 */
function confidenceFor(
  answering: CandidatePassage[],
  termsById: ReadonlyMap<string, ReadonlySet<string>>,
  { topicTerms, eventTerms, conferenceOnly }: Intent,
  { queryVector }: Retrieval,
): number {
  if (conferenceOnly) return answering.length > 0 ? 1 : 0;
  // A question about the event is answered when a passage about it says what is asked ("lieu", "people").
  const asked = eventTerms.length > 0 ? eventTerms : topicTerms;
  const considered = answering.slice(0, CONFIDENCE_DEPTH);
  const talkTerms = termsByTalk(considered.map(({ passage }) => ({ passage, terms: termsById.get(passage.id)! })));
  let best = 0;
  for (const candidate of considered) {
    const cover = coverage(asked, talkTerms.get(candidate.passage.talkId)!);
    const cosine = Math.max(0, ...candidate.vectors.map((v) => dot(v, queryVector)));
    best = Math.max(best, confidenceOf(cover, cosine));
  }
  return best;
}

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
