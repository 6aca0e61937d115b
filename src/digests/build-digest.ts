// Builds a conference's digest: every talk in day and document order, each talk with a body getting
// its highlights. What users ask for is built from the index's stored talks and passages (with their
// line ranges), so a bot machine without the notes folder shows the same digest as the writer; the
// watcher, which announces talks as they are written, builds it from the folder it watches.
import type { Embedder } from '../../embeddings/embedder.js';
import type { Store } from '../index/store.js';
import { parseNote } from '../notes/parse-note.js';
import { readNotes } from '../notes/read-notes.js';
import type { Digest, DigestTalk, NoteSource, ParsedNote, Talk } from '../types.js';
import { groupConferences, type ConferenceGroup, type NoteHeader } from './conference-groups.js';
import { findConference } from './find-conference.js';
import { highlightCandidates, pickHighlights } from './highlights.js';

export interface ParsedFile {
  source: NoteSource;
  note: ParsedNote;
}

/** What a digest reads of one file: its talks and passages, parsed from the file or read from the index. */
export type DigestNote = Pick<ParsedNote, 'file' | 'talks' | 'passages'>;

const EMBED_BATCH = 256;

/** Every readable notes file of the folder, parsed. Unreadable files are left out, as the index does. */
export async function parseNotesFolder(notesDir: string, maxFileBytes: number): Promise<ParsedFile[]> {
  const { sources } = await readNotes(notesDir, { maxFileBytes });
  return sources.map((source) => ({ source, note: parseNote(source) }));
}

async function embedAll(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) vectors.push(...(await embedder.embedPassages(texts.slice(i, i + EMBED_BATCH))));
  return vectors;
}

/**
 * The digest of one conference group. `include` narrows it to some talks (the watcher announces only
 * new ones); `files` then lists only the files those talks come from.
 */
export async function buildDigest(
  group: ConferenceGroup,
  notes: DigestNote[],
  embedder: Embedder,
  include: (talk: Talk) => boolean = () => true,
): Promise<Digest> {
  const byFile = new Map(notes.map((n) => [n.file, n]));
  const members = group.files.map((f) => byFile.get(f)).filter((n): n is DigestNote => n !== undefined);
  const talks = members.flatMap((note) =>
    note.talks
      .filter(include)
      .sort((a, b) => a.lines[0] - b.lines[0])
      .map((talk) => ({
        talk,
        candidates: talk.empty ? [] : highlightCandidates(note.passages.filter((p) => p.talkId === talk.id)),
      })),
  );
  const vectors = await embedAll(embedder, talks.flatMap((t) => t.candidates.map((c) => c.quote)));
  let offset = 0;
  const digestTalks = talks.map(({ talk, candidates }): DigestTalk => {
    const own = vectors.slice(offset, (offset += candidates.length));
    return {
      talk: talk.talk,
      speakers: talk.speakers,
      companies: talk.companies,
      file: talk.file,
      lines: talk.lines,
      highlights: pickHighlights(candidates, own),
      empty: talk.empty,
    };
  });
  const files = group.files.filter((f) => digestTalks.some((t) => t.file === f));
  return {
    conference: group.name,
    ...(group.date !== undefined && { date: group.date }),
    files: files.length > 0 ? files : group.files,
    talks: digestTalks,
  };
}

export interface ConferencePaths {
  /** A file path given in the query is read relative to the notes folder or to `cwd`. */
  notesDir: string;
  cwd?: string;
}

/**
 * Each indexed file's conference and date, as grouping needs them. The date is the one its talks and
 * passages carry (the note's); only files without talks have their passages read for it.
 */
async function indexedHeaders(store: Pick<Store, 'manifest' | 'talks' | 'passagesOf'>): Promise<{ headers: NoteHeader[]; talks: Talk[] }> {
  const [manifest, talks] = await Promise.all([store.manifest(), store.talks()]);
  const dates = new Map(talks.filter((t) => t.date !== undefined).map((t) => [t.file, t.date!] as const));
  const files = Object.entries(manifest?.files ?? {});
  const talkless = files.filter(([, entry]) => entry.talks === 0 && entry.passages > 0).map(([file]) => file);
  for (const passage of talkless.length > 0 ? await store.passagesOf(talkless) : []) {
    if (passage.date !== undefined) dates.set(passage.file, passage.date);
  }
  const headers = files.map(([file, { conference }]) => ({ file, conference, ...(dates.has(file) && { date: dates.get(file)! }) }));
  return { headers, talks };
}

/** The digest of the conference a user names (full or partial name, or a notes file), from the index. */
export async function digestFromIndex(
  query: string,
  store: Pick<Store, 'manifest' | 'talks' | 'passagesOf'>,
  embedder: Embedder,
  paths: ConferencePaths,
): Promise<Digest> {
  const { headers, talks } = await indexedHeaders(store);
  const group = findConference(query, groupConferences(headers), { notesDir: paths.notesDir, cwd: paths.cwd ?? process.cwd() });
  const passages = await store.passagesOf(group.files);
  const notes = group.files.map((file) => ({
    file,
    talks: talks.filter((t) => t.file === file),
    passages: passages.filter((p) => p.file === file),
  }));
  return buildDigest(group, notes, embedder);
}
