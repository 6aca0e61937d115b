// Synthetic notes for the scale section: files, talks and passages recombined from real sentences of
// the notes, so that the vectors, the lexical index and the answers see a realistic vocabulary and
// realistic similarity structure, in any quantity. Seeded: every run builds the same corpus.
import type { IndexedFile } from '../src/index/store.js';
import { parseNote } from '../src/notes/parse-note.js';
import { readNotes } from '../src/notes/read-notes.js';
import { splitSentences } from '../src/text/sentences.js';
import type { Language, Passage, Talk } from '../src/types.js';

const PASSAGES_PER_FILE = 50;
const PASSAGES_PER_TALK = 5;
const CONFERENCES = 100;

export type SyntheticFile = Omit<IndexedFile, 'vectors'>;

export interface Pool {
  sentences: Array<{ text: string; language: Language }>;
  talks: string[];
  speakers: string[];
  companies: string[];
}

/** A small, fast, seedable generator (mulberry32): Math.random cannot be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function sentencePool(notesDir: string): Promise<Pool> {
  const { sources } = await readNotes(notesDir, { maxFileBytes: 5 * 1024 * 1024 });
  const notes = sources.map(parseNote);
  const passages = notes.flatMap((n) => n.passages);
  const sentences = passages.flatMap((p) =>
    splitSentences(p)
      .filter((s) => !s.heading && s.text.length >= 20)
      // One sentence per line: a passage's line range then counts its sentences.
      .map((s) => ({ text: s.text.replace(/\s*\r?\n\s*/g, ' '), language: p.language })),
  );
  if (sentences.length === 0) throw new Error(`no sentences in ${notesDir} to build synthetic passages from`);
  const talks = notes.flatMap((n) => n.talks);
  const unique = (values: string[]) => [...new Set(values.filter(Boolean))];
  return {
    sentences,
    talks: unique(talks.map((t) => t.talk)),
    speakers: unique(talks.flatMap((t) => t.speakers)),
    companies: unique(talks.flatMap((t) => t.companies)),
  };
}

/** `count` passages in files of 50, talks of 5 passages of 2–4 sentences each. */
export function syntheticFiles(pool: Pool, count: number, seed = 1): SyntheticFile[] {
  const random = seededRandom(seed);
  const pick = <T>(values: T[], fallback: T): T => (values.length === 0 ? fallback : values[Math.floor(random() * values.length)]!);
  const files: SyntheticFile[] = [];
  for (let f = 0; f * PASSAGES_PER_FILE < count; f++) {
    const file = `synthetic/notes-${String(f).padStart(5, '0')}.md`;
    const conference = `Synthetic Conference ${(f % CONFERENCES) + 1}`;
    const talks: Talk[] = [];
    const passages: Passage[] = [];
    let line = 3;
    for (let p = 0; p < PASSAGES_PER_FILE && f * PASSAGES_PER_FILE + p < count; p++) {
      if (p % PASSAGES_PER_TALK === 0) {
        const talkLine = line;
        line += 2;
        talks.push({
          id: `${file}#${talkLine}`,
          conference,
          talk: `${pick(pool.talks, 'Untitled talk')} (${f}.${talks.length + 1})`,
          speakers: [pick(pool.speakers, 'Ada Lovelace')],
          companies: random() < 0.5 ? [pick(pool.companies, 'Acme')] : [],
          language: 'en',
          file,
          lines: [talkLine, talkLine],
          empty: false,
        });
      }
      const talk = talks[talks.length - 1]!;
      const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(pool.sentences, { text: '', language: 'en' as Language }));
      const lines: [number, number] = [line, line + sentences.length - 1];
      line += sentences.length + 1;
      talk.lines = [talk.lines[0], lines[1]];
      talk.language = sentences[0]!.language;
      passages.push({
        id: `${file}:${lines[0]}-${lines[1]}`,
        talkId: talk.id,
        conference,
        talk: talk.talk,
        speakers: talk.speakers,
        companies: talk.companies,
        language: talk.language,
        file,
        lines,
        text: sentences.map((s) => s.text).join('\n'),
      });
    }
    files.push({ file, hash: `synthetic-${seed}-${f}`, encoding: 'UTF-8', conference, talks, passages });
  }
  return files;
}

/** Unit vectors drawn uniformly on the sphere (normalised Gaussians): the hardest case for a graph index. */
export function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const vectors = new Float32Array(count * dimensions);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let d = 0; d < dimensions; d++) {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      vectors[i * dimensions + d] = gaussian;
      norm += gaussian * gaussian;
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < dimensions; d++) vectors[i * dimensions + d] /= norm;
  }
  return vectors;
}
