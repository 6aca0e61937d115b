// How each kind of question is answered, chosen once per question: what to read, what may be quoted,
// how many quotes a talk gives and how the answer's excerpts are picked. A question about a talk's
// content gets the best few sentences; one asking which talks there were gets one quote from each of
// several talks, their titles allowed; one naming only a conference lists that conference's talks.
import type { Retrieval } from '../retrieval/retrieve.js';
import type { Passage } from '../types.js';
import { FOLLOWING_EXCERPT_RATIO, LISTING_EXCERPT_RATIO, selectExcerpts, type CandidatePassage, type ScoredExcerpt } from './extract-excerpts.js';
import { passageTerms } from './passage-terms.js';
import type { Intent } from './question-intent.js';
import { rarestTerm, says, type QueryTerm } from './term-weights.js';

export interface Strategy {
  kind: 'content' | 'listing' | 'conference';
  /** The passages read sentence by sentence, best first. */
  read(ranked: Retrieval['ranked']): Retrieval['ranked'];
  /** The read passages that may be quoted. */
  quotable(candidates: CandidatePassage[], asked: QuotableContext): CandidatePassage[];
  /** Headings may be quoted, and a quote opening a talk's notes takes in its title: a talk's title answers "which talks…". */
  headings: boolean;
  /** Quotes one passage may give. */
  perPassage: number;
  /** The answer's excerpts among the quotes, at most `excerpts` (the caller's wish). */
  select(quotes: ScoredExcerpt[], excerpts: number): ScoredExcerpt[];
}

/** Passages read for quotes. */
const CANDIDATES = 10;
/** Quotes from one talk at most, so that the answer can show several talks. */
const PER_TALK = 3;
/** A question asking for talks gets one quote from each of up to this many talks. */
const LISTED_TALKS = 6;

/** The items whose passage belongs to one of the conferences; all of them when none is named. */
export function ofConferences<T extends { passage: Passage }>(items: T[], conferences: readonly string[]): T[] {
  return conferences.length > 0 ? items.filter(({ passage }) => conferences.includes(passage.conference)) : items;
}

/** The best-ranked passage of each talk, in rank order. */
function onePerTalk(ranked: Retrieval['ranked']): Retrieval['ranked'] {
  const seen = new Set<string>();
  return ranked.filter(({ passage }) => !seen.has(passage.talkId) && seen.add(passage.talkId));
}

export interface QuotableContext {
  /** Ids of the talks: other sections (introductions, lists of the talks attended) are no talks. */
  talkIds: ReadonlySet<string>;
  /** What the question asks about, less the conference: the listed talks must say it. */
  topicTerms: readonly QueryTerm[];
}

/**
 * Talks that say the topic's rarest word, or the rarest word the best-ranked talk says, not an introduction
 * that mentions them: in "which talks touched on caching?", the talk found is on caching, and "touched",
 * rarer in the notes, may be only how the question asks. When no talk's notes say them, a section that
 * does: a list of the talks attended ("- [Give REST a rest: … GraphQL](./tue/mob318.md)") names them where
 * their own notes may not. A word no note uses is said by none: then talks, as before.
 */
function talksFirst(candidates: CandidatePassage[], { talkIds, topicTerms }: QuotableContext): CandidatePassage[] {
  const talks = candidates.filter(({ passage }) => talkIds.has(passage.talkId));
  const rarest = topicTerms.find((t) => t.df === 0) ?? rarestTerm(topicTerms);
  const best = talks[0] && passageTerms(talks[0].passage);
  const rarestOfBest = best && rarestTerm(topicTerms.filter((t) => says(best, t)));
  const topic = [rarest, rarestOfBest].filter((t): t is QueryTerm => t !== undefined);
  const saysTopic = ({ passage }: CandidatePassage): boolean => topic.length === 0 || topic.some((t) => says(passageTerms(passage), t));
  return [talks.filter(saysTopic), candidates.filter(saysTopic), talks].find((list) => list.length > 0) ?? candidates;
}

// A question naming a conference is answered from that conference's notes only: another conference's
// talk, however close its words, does not say what happened there.
const content = (named: readonly string[]): Strategy => ({
  kind: 'content',
  read: (ranked) => ofConferences(ranked, named).slice(0, CANDIDATES),
  quotable: (candidates) => candidates,
  headings: false,
  perPassage: PER_TALK,
  select: (quotes, excerpts) => selectExcerpts(quotes, excerpts, PER_TALK, FOLLOWING_EXCERPT_RATIO),
});

const listing = (named: readonly string[]): Strategy => ({
  kind: 'listing',
  read: (ranked) => ofConferences(ranked, named).slice(0, CANDIDATES),
  quotable: talksFirst,
  headings: true,
  perPassage: 1,
  select: (quotes, excerpts) => selectExcerpts(quotes, Math.max(excerpts, LISTED_TALKS), 1, LISTING_EXCERPT_RATIO),
});

const conference = (named: readonly string[]): Strategy => ({
  ...listing(named),
  kind: 'conference',
  read: (ranked) => onePerTalk(ofConferences(ranked, named)).slice(0, CANDIDATES),
  // Every talk of the conference is listed, however weakly its best sentence scores.
  select: (quotes, excerpts) => selectExcerpts(quotes, Math.max(excerpts, LISTED_TALKS), 1, 0),
});

export function strategyFor({ conferenceOnly, listing: asksForTalks, named }: Intent): Strategy {
  return conferenceOnly ? conference(named) : asksForTalks ? listing(named) : content(named);
}
