// BM25+ search over passages for the embedded store, ranked exactly as MiniSearch 7 ranks them (see
// bm25.ts; the store contract suite checks it against MiniSearch), over postings kept in typed arrays.
//
// Not MiniSearch itself any more: at 100k passages its serialised index took 10 s to load (a Map per term
// and field, rebuilt from JSON), a question 100–170 ms, and a document frequency a whole search of its own;
// a one-file change had to index every passage again. Here a generation stores its postings as flat
// arrays (lexical.bin) that load by copying bytes, a search touches only the postings of the question's
// terms, and the next generation's postings are the previous ones minus the changed files plus theirs.
import { analyze } from '../text/analyze.js';
import { analysePassage, idf, LEXICAL_FIELDS, postingScore, type LexicalFields } from './bm25.js';
import type { StoreHit } from './store.js';

export interface LexicalIndex {
  search(query: string, k: number): StoreHit[];
  documentFrequency(terms: ReadonlyArray<string>): number;
}

const FIELDS = LEXICAL_FIELDS.length;
const MAGIC = 0x434e4c58; // "CNLX"
const VERSION = 1;
const HEADER_WORDS = 8;

/**
 * A generation's postings. Passages are numbered in generation order; the postings of term t in field f
 * are docs/freqs[offsets[t·F + f] … offsets[t·F + f + 1]).
 */
export interface Postings {
  docCount: number;
  terms: string[];
  /** Distinct words per passage and field (MiniSearch's field length), passage-major. */
  fieldLengths: Uint32Array;
  offsets: Uint32Array;
  docs: Uint32Array;
  freqs: Uint32Array;
}

const EMPTY: Postings = { docCount: 0, terms: [], fieldLengths: new Uint32Array(0), offsets: new Uint32Array(1), docs: new Uint32Array(0), freqs: new Uint32Array(0) };

export interface AddedPassage {
  /** Its number in the new generation. */
  doc: number;
  passage: LexicalFields;
}

/** A growable array of uint32 triples. */
class Triples {
  values = new Uint32Array(3 * 1024);
  length = 0;

  push(a: number, b: number, c: number): void {
    if ((this.length + 1) * 3 > this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    const at = this.length++ * 3;
    this.values[at] = a;
    this.values[at + 1] = b;
    this.values[at + 2] = c;
  }
}

/**
 * The postings of a new generation of `docCount` passages: the previous generation's, each passage
 * renumbered by `newDocOf` (-1: dropped), plus the added passages. Terms no passage holds any more go.
 */
export function updatePostings(previous: Postings, newDocOf: Int32Array, docCount: number, added: ReadonlyArray<AddedPassage>): Postings {
  const fieldLengths = new Uint32Array(docCount * FIELDS);
  for (let old = 0; old < previous.docCount; old++) {
    const doc = newDocOf[old]!;
    if (doc >= 0) fieldLengths.set(previous.fieldLengths.subarray(old * FIELDS, (old + 1) * FIELDS), doc * FIELDS);
  }

  // Entries kept per previous (term, field), and the new term numbers.
  const keptPerSlot = new Uint32Array(previous.terms.length * FIELDS);
  for (let slot = 0; slot < keptPerSlot.length; slot++) {
    let kept = 0;
    for (let i = previous.offsets[slot]!; i < previous.offsets[slot + 1]!; i++) if (newDocOf[previous.docs[i]!]! >= 0) kept++;
    keptPerSlot[slot] = kept;
  }
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const number = (term: string): number => {
    let t = termIndex.get(term);
    if (t === undefined) termIndex.set(term, (t = terms.push(term) - 1));
    return t;
  };
  const newTermOf = previous.terms.map((term, t) => {
    for (let f = 0; f < FIELDS; f++) if (keptPerSlot[t * FIELDS + f]! > 0) return number(term);
    return -1;
  });
  // The added passages' postings as (slot, doc, freq) triples, each passage analysed once and let go:
  // holding 100k analysed passages at once spent more time in the garbage collector than in analysis.
  const fresh = new Triples();
  for (const { doc, passage } of added) {
    const analysed = analysePassage(passage);
    fieldLengths.set(analysed.lengths, doc * FIELDS);
    for (const term in analysed.freqs) {
      const freqs = analysed.freqs[term]!;
      const t = number(term);
      for (let f = 0; f < FIELDS; f++) if (freqs[f]! > 0) fresh.push(t * FIELDS + f, doc, freqs[f]!);
    }
  }

  const counts = new Uint32Array(terms.length * FIELDS);
  newTermOf.forEach((t, old) => {
    if (t >= 0) for (let f = 0; f < FIELDS; f++) counts[t * FIELDS + f]! += keptPerSlot[old * FIELDS + f]!;
  });
  for (let i = 0; i < fresh.length; i++) counts[fresh.values[i * 3]!]! += 1;
  const offsets = new Uint32Array(counts.length + 1);
  for (let slot = 0; slot < counts.length; slot++) offsets[slot + 1] = offsets[slot]! + counts[slot]!;
  const docs = new Uint32Array(offsets[counts.length]!);
  const freqs = new Uint32Array(docs.length);
  const cursor = offsets.slice(0, counts.length);
  newTermOf.forEach((t, old) => {
    if (t < 0) return;
    for (let f = 0; f < FIELDS; f++) {
      const slot = t * FIELDS + f;
      for (let i = previous.offsets[old * FIELDS + f]!; i < previous.offsets[old * FIELDS + f + 1]!; i++) {
        const doc = newDocOf[previous.docs[i]!]!;
        if (doc < 0) continue;
        docs[cursor[slot]!] = doc;
        freqs[cursor[slot]!++] = previous.freqs[i]!;
      }
    }
  });
  for (let i = 0; i < fresh.length; i++) {
    const slot = fresh.values[i * 3]!;
    docs[cursor[slot]!] = fresh.values[i * 3 + 1]!;
    freqs[cursor[slot]!++] = fresh.values[i * 3 + 2]!;
  }
  return { docCount, terms, fieldLengths, offsets, docs, freqs };
}

/** The postings of these passages, numbered in order. */
export const buildPostings = (passages: ReadonlyArray<LexicalFields>): Postings =>
  updatePostings(EMPTY, new Int32Array(0), passages.length, passages.map((passage, doc) => ({ doc, passage })));

/**
 * lexical.bin: a header, the four arrays (host byte order, checked by the magic number), the terms. In
 * pieces, viewing the arrays where they are: at 100k passages, copying them into one buffer first cost a
 * 44 MB allocation and its garbage collection at every write.
 */
export function postingsChunks(postings: Postings): Uint8Array[] {
  const termBytes = new TextEncoder().encode(postings.terms.join('\n'));
  const header = new Uint32Array([MAGIC, VERSION, postings.docCount, FIELDS, postings.terms.length, postings.docs.length, termBytes.byteLength, 0]);
  const arrays = [header, postings.fieldLengths, postings.offsets, postings.docs, postings.freqs];
  return [...arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), termBytes];
}

export function readPostings(bytes: Uint8Array): Postings {
  // Viewed in place when aligned (a big file's Buffer starts its own memory), else copied: a small Buffer
  // may sit in a shared pool where a Uint32Array cannot view it.
  const copy = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (copy.byteLength < HEADER_WORDS * 4) throw new Error('lexical index: truncated header');
  const [magic, version, docCount, fields, termCount, postingCount, termBytes] = new Uint32Array(copy.buffer, copy.byteOffset, HEADER_WORDS);
  if (magic !== MAGIC || version !== VERSION || fields !== FIELDS) throw new Error('lexical index: not a version 1 index of this build');
  const lengths = [docCount! * FIELDS, termCount! * FIELDS + 1, postingCount!, postingCount!];
  const words = HEADER_WORDS + lengths.reduce((n, l) => n + l, 0);
  if (copy.byteLength !== words * 4 + termBytes!) throw new Error('lexical index: size does not match its header');
  let at = copy.byteOffset + HEADER_WORDS * 4;
  const [fieldLengths, offsets, docs, freqs] = lengths.map((length) => {
    const array = new Uint32Array(copy.buffer, at, length);
    at += length * 4;
    return array;
  }) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const text = new TextDecoder().decode(copy.subarray(at - copy.byteOffset));
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount) throw new Error('lexical index: term count does not match its header');
  return { docCount: docCount!, terms, fieldLengths, offsets, docs, freqs };
}

/** Search over postings; `ids` names the passages in generation order. */
export function lexicalIndex(postings: Postings, ids: ReadonlyArray<string>): LexicalIndex {
  const { docCount, fieldLengths, offsets, docs, freqs } = postings;
  if (ids.length !== docCount) throw new Error(`lexical index of ${docCount} passages for ${ids.length} passages`);
  const termIndex = new Map(postings.terms.map((term, t) => [term, t] as const));
  const averages = LEXICAL_FIELDS.map((_, f) => {
    let sum = 0;
    for (let doc = 0; doc < docCount; doc++) sum += fieldLengths[doc * FIELDS + f]!;
    return docCount === 0 ? 0 : sum / docCount;
  });
  // Reused by every search: the stamp says which search (and term) last touched a passage.
  const stamps = new Uint32Array(docCount);
  const termStamps = new Uint32Array(docCount);
  const scores = new Float64Array(docCount);
  const matched = new Uint16Array(docCount);
  let stamp = 0;
  const nextStamp = (): number => {
    if (stamp >= 0xfffffff0) {
      stamps.fill(0);
      termStamps.fill(0);
      stamp = 0;
    }
    return ++stamp;
  };

  return {
    search(query, k) {
      const repeats = new Map<string, number>();
      for (const term of analyze(query)) repeats.set(term, (repeats.get(term) ?? 0) + 1);
      if (repeats.size === 0 || k <= 0) return [];
      const search = nextStamp();
      const touched: number[] = [];
      for (const [term, times] of repeats) {
        const t = termIndex.get(term);
        if (t === undefined) continue;
        const termStamp = nextStamp();
        for (let f = 0; f < FIELDS; f++) {
          const start = offsets[t * FIELDS + f]!;
          const end = offsets[t * FIELDS + f + 1]!;
          const holders = end - start;
          if (holders === 0) continue;
          const termIdf = idf(docCount, holders);
          const average = averages[f]!;
          for (let i = start; i < end; i++) {
            const doc = docs[i]!;
            const tf = freqs[i]!;
            const score = postingScore(times, f, termIdf, tf, fieldLengths[doc * FIELDS + f]!, average);
            if (stamps[doc] !== search) {
              stamps[doc] = search;
              scores[doc] = 0;
              matched[doc] = 0;
              touched.push(doc);
            }
            scores[doc]! += score;
            if (termStamps[doc] !== termStamp) {
              termStamps[doc] = termStamp;
              matched[doc]! += 1;
            }
          }
        }
      }
      // The best k, best first, equal scores in generation order; MiniSearch multiplies by the number of
      // the question's distinct terms a passage holds.
      const best: Array<{ doc: number; score: number }> = [];
      for (const doc of touched) {
        const score = scores[doc]! * matched[doc]!;
        const last = best[k - 1];
        if (last && (score < last.score || (score === last.score && doc > last.doc))) continue;
        let at = best.length;
        while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.doc > doc))) at--;
        best.splice(at, 0, { doc, score });
        if (best.length > k) best.pop();
      }
      return best.map(({ doc, score }) => ({ id: ids[doc]!, score }));
    },
    documentFrequency(terms) {
      const search = nextStamp();
      let holders = 0;
      for (const term of new Set(terms)) {
        const t = termIndex.get(term);
        if (t === undefined) continue;
        for (let i = offsets[t * FIELDS]!; i < offsets[(t + 1) * FIELDS]!; i++) {
          if (stamps[docs[i]!] === search) continue;
          stamps[docs[i]!] = search;
          holders++;
        }
      }
      return holders;
    },
  };
}

/** The index of these passages, built in memory (tests, and generations written before lexical.bin). */
export const lexicalIndexOf = (passages: ReadonlyArray<LexicalFields & { id: string }>): LexicalIndex =>
  lexicalIndex(buildPostings(passages), passages.map((p) => p.id));

