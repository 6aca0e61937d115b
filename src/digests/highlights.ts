// A talk's highlights: a few of its own sentences, quoted verbatim, that say what the talk was about.
// Extractive on purpose — a digest must never put words in a speaker's mouth. Sentences are scored by
// how close they are to the centroid of the talk's sentences (what the notes keep coming back to),
// then picked with maximal marginal relevance so that two highlights do not say the same thing.
import { plainText, wordsOf } from '../notes/prose.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import type { LineRange, Passage } from '../types.js';
import { dot } from '../../embeddings/dot.js';

export interface Candidate {
  quote: string;
  lines: LineRange;
}

const MAX_HIGHLIGHTS = 3;
// Weight of centrality against novelty in MMR: mostly central, enough novelty to spread over the talk.
const LAMBDA = 0.7;
// Two sentences this close are rephrasings of each other; the second would add nothing.
const NEAR_DUPLICATE = 0.92;
// One highlight per this many usable sentences: a five-line talk gets one, a long one three.
const SENTENCES_PER_HIGHLIGHT = 4;

interface Tier {
  minWords: number;
  /** Emphasis, code spans and brackets must close within the sentence. */
  wholeMarkup: boolean;
  maxChars: number;
  /** A sentence ending with ":" introduces a list the highlight would not show. */
  allowLeadIn: boolean;
}
// Strict first; a talk whose notes are only terse bullets still gets its best line from the relaxed tier.
const strict: Tier = { minWords: 6, wholeMarkup: true, maxChars: 400, allowLeadIn: false };
const relaxed: Tier = { minWords: 3, wholeMarkup: false, maxChars: Infinity, allowLeadIn: true };

/** The words a reader sees once images, URLs and tags are gone (link texts stay). */
const proseWords = (text: string): string[] => wordsOf(plainText(text));

/**
 * A sentence that runs on from an image or a bare link on the line above starts at the line below
 * instead: the quote stays verbatim, only shorter. The whole line is judged too, as the sentence may
 * begin in the middle of the link's markup.
 */
function withoutLeadingMarkupLines(text: string, sentence: Sentence): Candidate {
  let start = sentence.start;
  let first = sentence.lines[0];
  for (let lineEnd = text.indexOf('\n', start); lineEnd >= 0 && lineEnd < sentence.end; lineEnd = text.indexOf('\n', start)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const markupOnly = [text.slice(lineStart, lineEnd), text.slice(start, lineEnd)].some((part) => proseWords(part).length === 0);
    if (!markupOnly) break;
    start = lineEnd + 1;
    while (text[start] === ' ' || text[start] === '\t') start++;
    first++;
  }
  return { quote: text.slice(withOpeningMarkup(text, start, sentence.end), sentence.end), lines: [first, sentence.lines[1]] };
}

const inlineMarkers = ['**', '__', '`', '*', '_'];
const count = (text: string, marker: string): number => text.split(marker).length - 1;

/**
 * Sentence splitting drops the markup a line opens with, which leaves "Stop waiting** - a post…"
 * when the line read "**Stop waiting** - a post…". Taking the opener back keeps the quote verbatim
 * and its emphasis whole.
 */
function withOpeningMarkup(text: string, start: number, end: number): number {
  for (const marker of inlineMarkers) {
    const opened = text.slice(start - marker.length, start) === marker;
    if (opened && count(text.slice(start, end), marker) % 2 === 1) return start - marker.length;
  }
  if (text[start - 1] === '[' && count(text.slice(start, end), ']') > count(text.slice(start, end), '[')) return start - 1;
  return start;
}

/** A quote whose emphasis, code or brackets open or close outside it reads as a fragment. */
function balanced(quote: string): boolean {
  const withoutBold = quote.replaceAll('**', '').replaceAll('__', '');
  return (
    count(quote, '**') % 2 === 0 &&
    count(quote, '`') % 2 === 0 &&
    count(withoutBold, '*') % 2 === 0 &&
    count(quote, '[') === count(quote, ']') &&
    count(quote, '(') === count(quote, ')')
  );
}

function usable(quote: string, tier: Tier): boolean {
  const trimmed = quote.trim();
  if (trimmed.length > tier.maxChars) return false;
  if (!tier.allowLeadIn && trimmed.endsWith(':')) return false;
  if (tier.wholeMarkup && !balanced(trimmed)) return false;
  return proseWords(trimmed).length >= tier.minWords;
}

/**
 * The sentences of a talk's passages that can stand alone as a highlight, in document order.
 * Passages may overlap, so a sentence met twice at the same place is kept once.
 */
export function highlightCandidates(passages: Passage[]): Candidate[] {
  const seen = new Set<string>();
  const all: Candidate[] = [];
  for (const passage of [...passages].sort((a, b) => a.lines[0] - b.lines[0])) {
    for (const sentence of splitSentences(passage)) {
      // Headings, code and tables are never prose to quote.
      if (sentence.heading || sentence.literal) continue;
      const id = `${sentence.lines[0]}-${sentence.lines[1]}:${sentence.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      all.push(withoutLeadingMarkupLines(passage.text, sentence));
    }
  }
  const best = all.filter((c) => usable(c.quote, strict));
  return best.length > 0 ? best : all.filter((c) => usable(c.quote, relaxed));
}

function centroid(vectors: Float32Array[]): Float32Array {
  const mean = new Float32Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < v.length; i++) mean[i]! += v[i]!;
  const norm = Math.hypot(...mean);
  if (norm > 0) for (let i = 0; i < mean.length; i++) mean[i]! /= norm;
  return mean;
}

/**
 * Picks 1 to 3 candidates (none when there are none), given one L2-normalised vector per
 * candidate, and returns them in document order.
 */
export function pickHighlights(candidates: Candidate[], vectors: Float32Array[]): Candidate[] {
  if (candidates.length !== vectors.length) throw new Error(`${candidates.length} candidates but ${vectors.length} vectors`);
  const wanted = Math.min(MAX_HIGHLIGHTS, Math.ceil(candidates.length / SENTENCES_PER_HIGHLIGHT));
  const center = centroid(vectors);
  const centrality = vectors.map((v) => dot(v, center));
  const chosen: number[] = [];
  const pool = new Set(candidates.keys());
  while (chosen.length < wanted && pool.size > 0) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of pool) {
      const redundancy = Math.max(0, ...chosen.map((j) => dot(vectors[i]!, vectors[j]!)));
      if (redundancy >= NEAR_DUPLICATE) {
        pool.delete(i);
        continue;
      }
      const score = LAMBDA * centrality[i]! - (1 - LAMBDA) * redundancy;
      // Ties (e.g. sentences the model cannot embed) go to the earlier sentence.
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) break;
    chosen.push(best);
    pool.delete(best);
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!);
}
