// Picks, inside the best passages, the sentences that answer the question and quotes them verbatim
// with their own lines. Pure: sentences are read, analysed and embedded by the caller (`read-passages.ts`).
import { announcesWhatFollows, asksWhatFollows, proseWordCount, wordCount } from '../notes/prose.js';
import type { Sentence } from '../text/sentences.js';
import type { Excerpt, Passage } from '../types.js';
import { coverage, type QueryTerm } from './term-weights.js';
import { probability, type LinearModel } from './linear-model.js';
import { askedBeyondTalk, titleTerms } from './passage-terms.js';
import { dot } from '../../embeddings/dot.js';
import type { ReadPassage } from './read-passages.js';

export interface CandidatePassage extends ReadPassage {
  passage: Passage;
  /** Rank of the passage's talk among the candidates (the rank of its best passage), 0-based. */
  rank: number;
}

export interface ScoredExcerpt extends Excerpt {
  passageId: string;
  talkId: string;
}

/** A quote shorter than this takes in its neighbours: one sentence of notes rarely carries the answer alone. */
const MIN_QUOTE_WORDS = 30;
/** A neighbouring sentence scoring at least this share of the best one is quoted too. */
const KEEP_NEIGHBOUR_RATIO = 0.85;
/** At most this many sentences per quote. */
const MAX_QUOTE_SENTENCES = 3;

/**
 * The rank of each passage's talk, for passages in rank order: the rank of the talk's best passage. The
 * ranking says which talk answers; within the talk, the sentences say where.
 */
export function talkRanks(passages: ReadonlyArray<Pick<Passage, 'talkId'>>): number[] {
  const best = new Map<string, number>();
  passages.forEach(({ talkId }, rank) => best.has(talkId) || best.set(talkId, rank));
  return passages.map(({ talkId }) => best.get(talkId)!);
}

export const SENTENCE_FEATURES = [
  'cosine',
  'coverage',
  'talk_rank',
  'passage_score',
  'length',
  'remaining_coverage',
  'lead_in',
  'remaining_cosine',
] as const;

export interface SentenceQuery {
  queryTerms: QueryTerm[];
  queryVector: Float32Array;
  /** A listing quotes talk titles: headings may then be quoted. */
  headings?: boolean;
}

/**
 * One row of SENTENCE_FEATURES per sentence of a passage, or null for a sentence that is never the quote:
 * a heading names the talk (context, not an answer) except when the question asks which talks there were;
 * a sentence of links only.
 */
export function sentenceFeatures(candidate: CandidatePassage, query: SentenceQuery, passageScore: number, remainingVector?: Float32Array): Array<number[] | null> {
  const { queryTerms, queryVector, headings = false } = query;
  // Terms the passage's metadata contributes to every one of its sentences ("Etsy" in the talk title).
  const named = titleTerms(candidate.passage);
  const remaining = askedBeyondTalk(candidate.passage, queryTerms);
  const own = candidate.terms;
  return candidate.sentences.map((sentence, i) => {
    if (sentence.heading && !headings) return null;
    // Only links ("[slides](…)"): a listing may quote a linked talk title; nothing else is answered by one.
    const words = (headings ? wordCount : proseWordCount)(sentence.text);
    if (words === 0) return null;
    const terms = new Set([...own[i]!, ...named]);
    const around = new Set([...terms, ...(own[i - 1] ?? []), ...(own[i + 1] ?? [])]);
    const lead = leadIn(candidate.sentences, i);
    return [
      Math.max(0, dot(candidate.vectors[i]!, queryVector)),
      coverage(queryTerms, terms),
      1 / (1 + candidate.rank),
      passageScore,
      Math.log1p(words),
      remaining.length === 0 ? 0 : coverage(remaining, around),
      lead === undefined ? 0 : coverage(queryTerms, own[lead]!),
      remainingVector === undefined ? 0 : Math.max(0, dot(candidate.vectors[i]!, remainingVector)),
    ];
  });
}

/**
 * The sentence of the notes that leads in to sentence `i`, if any: notes often ask the speaker's question
 * and answer it below ("Why proof dough?", then the reasons), or announce what follows ("Her tips:", then
 * the tips). It is the sentence right before, the heading `i` stands under, or the line whose list `i` is
 * an item of, when that one ends on "?" or ":". A heading leads to nothing: it opens a section of its own.
 */
export function leadIn(sentences: readonly Sentence[], i: number): number | undefined {
  const { column, heading: opensSection } = sentences[i]!;
  if (opensSection) return undefined;
  for (let k = i - 1; k >= 0; k--) {
    const above = sentences[k]!;
    const encloses = above.heading || above.column < column;
    if (k === i - 1 || encloses) {
      if (asksWhatFollows(above.text) || announcesWhatFollows(above.text)) return k;
      if (encloses) return undefined;
    }
  }
  return undefined;
}

/** Each sentence's fitted chance of being the answer; 0 for a sentence that is never quoted. */
export function scoreSentences(features: ReadonlyArray<number[] | null>, model: LinearModel): number[] {
  return features.map((x) => (x === null ? 0 : probability(model, x)));
}

/**
 * The best runs of sentences of one passage, as verbatim excerpts, best first and never overlapping:
 * notes often answer in two places of one paragraph ("public post-mortems" … "no blame"). `titled`: a
 * run near the headings above it (the talk's title and header lines, or a part's heading) takes them in,
 * for a question asking which talks there were, whose answer is the talks' titles as much as what they said.
 */
export function passageQuotes(candidate: CandidatePassage, scores: number[], count = 1, titled = false): ScoredExcerpt[] {
  const taken = new Set<number>();
  const runs: Array<{ first: number; last: number; best: number }> = [];
  while (runs.length < count) {
    const run = bestRun(candidate.sentences, scores, taken);
    if (!run) break;
    if (titled) run.first = titleAbove(candidate.sentences, run.first, taken);
    for (let i = run.first; i <= run.last; i++) taken.add(i);
    runs.push(run);
  }
  // Runs that follow each other are one place of the notes, read best in one piece: one excerpt, not two
  // under the same citation.
  const joined: typeof runs = [];
  for (const run of [...runs].sort((a, b) => a.first - b.first)) {
    const previous = joined[joined.length - 1];
    if (previous && previous.last + 1 === run.first) {
      joined[joined.length - 1] = { first: previous.first, last: run.last, best: scores[run.best]! > scores[previous.best]! ? run.best : previous.best };
    } else joined.push(run);
  }
  return joined.map((run) => excerptOf(candidate, run.first, run.last, scores[run.best]!)).sort((a, b) => b.score - a.score);
}

/**
 * Where a listed talk's quote starts: at the headings above it, when no more sentences stand between them
 * than a quote holds, none of them quoted already. A talk's notes often open on a line or two of context
 * ("Talk 3", a link to the slides) before what the best sentence says; the title is still what was asked.
 */
function titleAbove(sentences: readonly Sentence[], first: number, taken: ReadonlySet<number>): number {
  let above = first - 1;
  while (above >= 0 && first - 1 - above < MAX_QUOTE_SENTENCES && !taken.has(above) && !sentences[above]!.heading) above -= 1;
  if (above < 0 || taken.has(above) || !sentences[above]!.heading) return first;
  while (above > 0 && sentences[above - 1]!.heading && !taken.has(above - 1)) above -= 1;
  return above;
}

/**
 * The best sentence not yet quoted, widened to its neighbours when it is too short to stand alone, and to
 * a neighbour that scores nearly as well, before it as after it: the line stating what a list or a
 * sentence answers is as often above the best one as below.
 */
function bestRun(sentences: Sentence[], scores: number[], taken: ReadonlySet<number>): { first: number; last: number; best: number } | undefined {
  let best = -1;
  scores.forEach((s, i) => {
    if (!taken.has(i) && s > 0 && (best < 0 || s > scores[best]!)) best = i;
  });
  if (best < 0) return undefined;
  const free = (i: number): boolean => i >= 0 && i < sentences.length && !taken.has(i) && !sentences[i]!.heading && !sentences[best]!.heading;
  const text = (first: number, last: number): string => sentences.slice(first, last + 1).map((s) => s.text).join(' ');
  const close = (i: number): boolean => free(i) && scores[i]! >= KEEP_NEIGHBOUR_RATIO * scores[best]!;
  let first = best;
  let last = best;
  while (last - first + 1 < MAX_QUOTE_SENTENCES) {
    const tooShort = wordCount(text(first, last)) < MIN_QUOTE_WORDS || announcesWhatFollows(sentences[last]!.text);
    const next = free(last + 1) && (tooShort || close(last + 1));
    const previous = free(first - 1) && (tooShort || close(first - 1));
    // A quote reads on before it reads back, unless the line before scores closer to the best.
    if (next && !(close(first - 1) && scores[first - 1]! > scores[last + 1]!)) last += 1;
    else if (previous) first -= 1;
    else break;
  }
  return { first, last: announcedListEnd(sentences, first, last, free), best };
}

/**
 * A quote whose sentence announces a list ("Pro tips include:") runs to the list's end: the items stand
 * deeper than the sentence announcing them, and the answer is all of them, not the first two.
 */
function announcedListEnd(sentences: Sentence[], first: number, last: number, free: (i: number) => boolean): number {
  let announcing = last;
  while (announcing >= first && !announcesWhatFollows(sentences[announcing]!.text)) announcing -= 1;
  if (announcing < first) return last;
  const depth = sentences[announcing]!.column;
  let end = last;
  while (free(end + 1) && sentences[end + 1]!.column > depth) end += 1;
  return end;
}

function excerptOf({ passage, sentences }: CandidatePassage, first: number, last: number, score: number): ScoredExcerpt {
  return {
    quote: passage.text.slice(sentences[first]!.start, sentences[last]!.end),
    conference: passage.conference,
    talk: passage.talk,
    speakers: passage.speakers,
    companies: passage.companies,
    file: passage.file,
    lines: [sentences[first]!.lines[0], sentences[last]!.lines[1]],
    score,
    passageId: passage.id,
    talkId: passage.talkId,
  };
}

/** A further excerpt must score at least this share of the best one: a weak second quote only adds noise. */
export const FOLLOWING_EXCERPT_RATIO = 0.7;
/** When talks are listed, each further talk only needs to be on topic, not as close as the best. */
export const LISTING_EXCERPT_RATIO = 0.5;

/**
 * The excerpts of an answer: the best quote of each candidate passage, best first, at most
 * `perTalk` from one talk so that questions about a conference get several talks, and no quote
 * twice (the same note can be in the folder under two names).
 */
export function selectExcerpts(quotes: ScoredExcerpt[], count: number, perTalk: number, ratio = FOLLOWING_EXCERPT_RATIO): ScoredExcerpt[] {
  const chosen: ScoredExcerpt[] = [];
  const byTalk = new Map<string, number>();
  const seen = new Set<string>();
  const sorted = [...quotes].sort((a, b) => b.score - a.score);
  const floor = (sorted[0]?.score ?? 0) * ratio;
  // Passages overlap: a quote of lines already quoted would show the reader the same place twice.
  const quotedAlready = (q: ScoredExcerpt): boolean => chosen.some((c) => c.file === q.file && c.lines[0] <= q.lines[1] && q.lines[0] <= c.lines[1]);
  for (const quote of sorted) {
    const used = byTalk.get(quote.talkId) ?? 0;
    const key = quote.quote.replace(/\s+/g, ' ');
    if (used >= perTalk || seen.has(key) || quote.score < floor || quotedAlready(quote)) continue;
    seen.add(key);
    chosen.push(quote);
    byTalk.set(quote.talkId, used + 1);
    if (chosen.length === count) break;
  }
  return chosen;
}
