// BM25+ search over passages for the embedded store, ranked exactly as MiniSearch 7 ranks them (see
// bm25.ts; the store contract suite checks it against MiniSearch), over postings kept in typed arrays.
//
// Not MiniSearch itself any more: at 100k passages its serialised index took 10 s to load (a Map per term
// and field, rebuilt from JSON), a question 100–170 ms, and a document frequency a whole search of its own;
// a one-file change had to index every passage again. Here postings are flat arrays that load by copying
// bytes, a search touches only the postings of the question's terms, and new postings are old ones minus
// the changed files plus theirs. A generation's postings come in parts (see lexical-parts.ts).
import { analysePassage, idf, LEXICAL_FIELDS, postingScore, queryTermCounts, type LexicalFields } from './bm25.js';
import { byScoreThenId, type StoreHit } from './store.js';

export interface LexicalIndex {
  search(query: string | ReadonlyArray<string>, k: number): StoreHit[];
  documentFrequency(terms: ReadonlyArray<string>): number;
  termsBeginning(prefix: string, limit: number): string[];
}

const FIELDS = LEXICAL_FIELDS.length;
const MAGIC = 0x434e4c58; // "CNLX"
const VERSION = 2;
const HEADER_WORDS = 8;

/**
 * Postings of some passages, numbered from 0; the postings of term t in field f are
 * docs/freqs[offsets[t·F + f] … offsets[t·F + f + 1]).
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

export interface AddedPassage {
  /** Its number in the new postings. */
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

/** Postings to carry into new ones, each passage renumbered by `newDocOf` (-1: dropped). */
export interface PostingsSource {
  postings: Postings;
  newDocOf: Int32Array;
}

/**
 * Postings of `docCount` passages: the sources' postings renumbered, plus the added passages analysed.
 * Terms no passage holds any more go.
 */
export function mergePostings(sources: ReadonlyArray<PostingsSource>, docCount: number, added: ReadonlyArray<AddedPassage>): Postings {
  const fieldLengths = new Uint32Array(docCount * FIELDS);
  for (const { postings, newDocOf } of sources) {
    for (let old = 0; old < postings.docCount; old++) {
      const doc = newDocOf[old]!;
      if (doc >= 0) fieldLengths.set(postings.fieldLengths.subarray(old * FIELDS, (old + 1) * FIELDS), doc * FIELDS);
    }
  }

  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const number = (term: string): number => {
    let t = termIndex.get(term);
    if (t === undefined) termIndex.set(term, (t = terms.push(term) - 1));
    return t;
  };
  // Entries kept per source (term, field), and the new term numbers.
  const carried = sources.map(({ postings, newDocOf }) => {
    const keptPerSlot = new Uint32Array(postings.terms.length * FIELDS);
    for (let slot = 0; slot < keptPerSlot.length; slot++) {
      let kept = 0;
      for (let i = postings.offsets[slot]!; i < postings.offsets[slot + 1]!; i++) if (newDocOf[postings.docs[i]!]! >= 0) kept++;
      keptPerSlot[slot] = kept;
    }
    const newTermOf = postings.terms.map((term, t) => {
      for (let f = 0; f < FIELDS; f++) if (keptPerSlot[t * FIELDS + f]! > 0) return number(term);
      return -1;
    });
    return { postings, newDocOf, keptPerSlot, newTermOf };
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
  for (const { keptPerSlot, newTermOf } of carried) {
    newTermOf.forEach((t, old) => {
      if (t >= 0) for (let f = 0; f < FIELDS; f++) counts[t * FIELDS + f]! += keptPerSlot[old * FIELDS + f]!;
    });
  }
  for (let i = 0; i < fresh.length; i++) counts[fresh.values[i * 3]!]! += 1;
  const offsets = new Uint32Array(counts.length + 1);
  for (let slot = 0; slot < counts.length; slot++) offsets[slot + 1] = offsets[slot]! + counts[slot]!;
  const docs = new Uint32Array(offsets[counts.length]!);
  const freqs = new Uint32Array(docs.length);
  const cursor = offsets.slice(0, counts.length);
  for (const { postings, newDocOf, newTermOf } of carried) {
    newTermOf.forEach((t, old) => {
      if (t < 0) return;
      for (let f = 0; f < FIELDS; f++) {
        const slot = t * FIELDS + f;
        for (let i = postings.offsets[old * FIELDS + f]!; i < postings.offsets[old * FIELDS + f + 1]!; i++) {
          const doc = newDocOf[postings.docs[i]!]!;
          if (doc < 0) continue;
          docs[cursor[slot]!] = doc;
          freqs[cursor[slot]!++] = postings.freqs[i]!;
        }
      }
    });
  }
  for (let i = 0; i < fresh.length; i++) {
    const slot = fresh.values[i * 3]!;
    docs[cursor[slot]!] = fresh.values[i * 3 + 1]!;
    freqs[cursor[slot]!++] = fresh.values[i * 3 + 2]!;
  }
  return { docCount, terms, fieldLengths, offsets, docs, freqs };
}

/** The postings of these passages, numbered in order. */
export const buildPostings = (passages: ReadonlyArray<LexicalFields>): Postings =>
  mergePostings([], passages.length, passages.map((passage, doc) => ({ doc, passage })));

/**
 * Postings as bytes: a header, the four arrays (host byte order, checked by the magic number), the terms,
 * then what the caller stores with them (`extra`). In pieces, viewing the arrays where they are: at 100k
 * passages, copying them into one buffer first cost a 44 MB allocation and its garbage collection.
 */
export function postingsChunks(postings: Postings, extra: Uint8Array = new Uint8Array(0)): Uint8Array[] {
  const termBytes = new TextEncoder().encode(postings.terms.join('\n'));
  const header = new Uint32Array([MAGIC, VERSION, postings.docCount, FIELDS, postings.terms.length, postings.docs.length, termBytes.byteLength, extra.byteLength]);
  const arrays = [header, postings.fieldLengths, postings.offsets, postings.docs, postings.freqs];
  return [...arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)), termBytes, extra];
}

/** What postingsChunks wrote; version 1 (a generation's lexical.bin before parts) had no extra bytes. */
export function readPostings(bytes: Uint8Array): { postings: Postings; extra: Uint8Array } {
  // Viewed in place when aligned (a big file's Buffer starts its own memory), else copied: a small Buffer
  // may sit in a shared pool where a Uint32Array cannot view it.
  const copy = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (copy.byteLength < HEADER_WORDS * 4) throw new Error('lexical index: truncated header');
  const [magic, version, docCount, fields, termCount, postingCount, termBytes, extraBytes] = new Uint32Array(copy.buffer, copy.byteOffset, HEADER_WORDS);
  if (magic !== MAGIC || (version !== VERSION && version !== 1) || fields !== FIELDS) throw new Error(`lexical index: not a version ${VERSION} index of this build`);
  const lengths = [docCount! * FIELDS, termCount! * FIELDS + 1, postingCount!, postingCount!];
  const words = HEADER_WORDS + lengths.reduce((n, l) => n + l, 0);
  if (copy.byteLength !== words * 4 + termBytes! + extraBytes!) throw new Error('lexical index: size does not match its header');
  let at = copy.byteOffset + HEADER_WORDS * 4;
  const [fieldLengths, offsets, docs, freqs] = lengths.map((length) => {
    const array = new Uint32Array(copy.buffer, at, length);
    at += length * 4;
    return array;
  }) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const start = at - copy.byteOffset;
  const text = new TextDecoder().decode(copy.subarray(start, start + termBytes!));
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount) throw new Error('lexical index: term count does not match its header');
  return { postings: { docCount: docCount!, terms, fieldLengths, offsets, docs, freqs }, extra: copy.subarray(start + termBytes!) };
}

/** Term numbers by term, kept with the postings: a generation shares most of its postings with the previous one. */
const termIndexes = new WeakMap<Postings, Map<string, number>>();

function termIndexOf(postings: Postings): Map<string, number> {
  let index = termIndexes.get(postings);
  if (!index) termIndexes.set(postings, (index = new Map(postings.terms.map((term, t) => [term, t] as const))));
  return index;
}

/** Postings searched as part of a generation: `positions` places each of their passages (-1: not in it). */
export interface LexicalPart {
  postings: Postings;
  positions: Int32Array;
}

/**
 * Search over a generation's postings, held in parts: each passage of the generation is in exactly one
 * part, and numbered by its position (`ids` names them). Scores are those of one index over all the
 * passages: holders and field lengths count the passages placed in the generation only.
 */
export function lexicalIndex(parts: ReadonlyArray<LexicalPart>, ids: ReadonlyArray<string>): LexicalIndex {
  const docCount = ids.length;
  const sums = LEXICAL_FIELDS.map(() => 0);
  let placed = 0;
  for (const { postings, positions } of parts) {
    if (positions.length !== postings.docCount) throw new Error(`lexical part of ${postings.docCount} passages placed by ${positions.length} positions`);
    for (let doc = 0; doc < postings.docCount; doc++) {
      if (positions[doc]! < 0) continue;
      placed++;
      for (let f = 0; f < FIELDS; f++) sums[f]! += postings.fieldLengths[doc * FIELDS + f]!;
    }
  }
  if (placed !== docCount) throw new Error(`lexical index of ${placed} passages for ${docCount} passages`);
  const averages = sums.map((sum) => (docCount === 0 ? 0 : sum / docCount));
  const indexed = parts.map((part) => ({ ...part, terms: termIndexOf(part.postings) }));
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

  const documentFrequency = (terms: ReadonlyArray<string>): number => {
    const search = nextStamp();
    let holders = 0;
    for (const term of new Set(terms)) {
      for (const { postings, positions, terms: termIndex } of indexed) {
        const t = termIndex.get(term);
        if (t === undefined) continue;
        for (let i = postings.offsets[t * FIELDS]!; i < postings.offsets[(t + 1) * FIELDS]!; i++) {
          const doc = positions[postings.docs[i]!]!;
          if (doc < 0 || stamps[doc] === search) continue;
          stamps[doc] = search;
          holders++;
        }
      }
    }
    return holders;
  };

  return {
    search(query, k) {
      const repeats = queryTermCounts(query);
      if (repeats.size === 0 || k <= 0) return [];
      const search = nextStamp();
      const touched: number[] = [];
      for (const [term, times] of repeats) {
        const lists = indexed.flatMap(({ postings, positions, terms }) => {
          const t = terms.get(term);
          return t === undefined ? [] : [{ postings, positions, t }];
        });
        if (lists.length === 0) continue;
        const termStamp = nextStamp();
        for (let f = 0; f < FIELDS; f++) {
          let holders = 0;
          for (const { postings, positions, t } of lists) {
            for (let i = postings.offsets[t * FIELDS + f]!; i < postings.offsets[t * FIELDS + f + 1]!; i++) if (positions[postings.docs[i]!]! >= 0) holders++;
          }
          if (holders === 0) continue;
          const termIdf = idf(docCount, holders);
          const average = averages[f]!;
          for (const { postings, positions, t } of lists) {
            const { offsets, docs, freqs, fieldLengths } = postings;
            for (let i = offsets[t * FIELDS + f]!; i < offsets[t * FIELDS + f + 1]!; i++) {
              const doc = positions[docs[i]!]!;
              if (doc < 0) continue;
              const score = postingScore(times, termIdf, freqs[i]!, fieldLengths[docs[i]! * FIELDS + f]!, average);
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
    documentFrequency,
    termsBeginning(prefix, limit) {
      // A scan of the vocabulary: asked only of a question's words that no note uses, a few a question.
      const found = new Set<string>();
      for (const { postings } of indexed) for (const term of postings.terms) if (term.length > prefix.length && term.startsWith(prefix)) found.add(term);
      // Ordered as hits are: the most holders first, equal counts in code-point order.
      return [...found]
        .map((term) => ({ id: term, score: documentFrequency([term]) }))
        .filter(({ score }) => score > 0)
        .sort(byScoreThenId)
        .slice(0, limit)
        .map(({ id }) => id);
    },
  };
}

/** Each passage of postings at its own number. */
export const inOrder = (postings: Postings): LexicalPart => ({ postings, positions: Int32Array.from({ length: postings.docCount }, (_, doc) => doc) });

/** The index of these passages, built in memory. */
export const lexicalIndexOf = (passages: ReadonlyArray<LexicalFields & { id: string }>): LexicalIndex =>
  lexicalIndex([inOrder(buildPostings(passages))], passages.map((p) => p.id));

