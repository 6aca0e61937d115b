// A passage's search terms (its text and metadata, analysed), which the reranker compares with every
// question that retrieves the passage, and the terms of its talk's title, speakers and companies, which
// both the reranker and the sentence scorer read. Analysing the 50 candidates' text again for each question was more
// than half of answering (Dec 2026, `npm run bench` answering section under a profiler: 3.5 s of 6.1 s);
// they only change with what they are analysed from, so recent passages keep theirs (`recently-used.ts`).
//
// A term set weighs a few kilobytes: 4,096 passages hold the candidates of the last hundred or so
// questions and every passage of a notes folder of a few conferences.
import { analyze } from '../text/analyze.js';
import type { Passage } from '../types.js';
import { RecentlyUsed } from './recently-used.js';
import { unsaidIn, type QueryTerm } from './term-weights.js';

const recent = new RecentlyUsed<ReadonlySet<string>>(4096);

/** The search terms of a passage: its text, talk, conference, speakers and companies. */
export function passageTerms(passage: Passage): ReadonlySet<string> {
  const searched = [passage.text, passage.talk, passage.conference, ...passage.speakers, ...passage.companies].join(' ');
  const key = `${passage.id}\u0000${searched}`;
  let terms = recent.get(key);
  if (terms === undefined) recent.set(key, (terms = new Set(analyze(searched))));
  return terms;
}

// The reranker, the sentence scorer (a sentence's terms, what is asked beyond the talk, its vector) and the
// trace each read a candidate's title terms: analysed once per passage object a question retrieves, and
// released with it.
const titles = new WeakMap<Passage, ReadonlySet<string>>();

/** The search terms of a passage's talk title, speakers and companies: what names the talk. */
export function titleTerms(passage: Passage): ReadonlySet<string> {
  let terms = titles.get(passage);
  if (!terms) titles.set(passage, (terms = new Set(analyze([passage.talk, ...passage.speakers, ...passage.companies].join(' ')))));
  return terms;
}

/**
 * What a question asks once a passage's talk is found: its words less those the talk's title, speakers and
 * companies already say. A sentence introducing the speaker matches the names; the answer, the rest.
 */
export const askedBeyondTalk = (passage: Passage, queryTerms: readonly QueryTerm[]): QueryTerm[] => unsaidIn(titleTerms(passage), queryTerms);
