// Builds a conference's digest from its notes files: every talk in day and document order, each
// talk with a body getting its highlights. Reads the notes folder itself (not the index), so a digest
// reflects the notes as they are now.
import type { Embedder } from '../../embeddings/embedder.js';
import { parseNote } from '../notes/parse-note.js';
import { readNotes } from '../notes/read-notes.js';
import type { Digest, DigestTalk, NoteSource, ParsedNote, Talk } from '../types.js';
import { groupConferences, type ConferenceGroup } from './conference-groups.js';
import { findConference } from './find-conference.js';
import { highlightCandidates, pickHighlights } from './highlights.js';

export interface ParsedFile {
  source: NoteSource;
  note: ParsedNote;
}

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
  notes: ParsedNote[],
  embedder: Embedder,
  include: (talk: Talk) => boolean = () => true,
): Promise<Digest> {
  const byFile = new Map(notes.map((n) => [n.file, n]));
  const members = group.files.map((f) => byFile.get(f)).filter((n): n is ParsedNote => n !== undefined);
  const talks = members.flatMap((note) =>
    note.talks
      .filter(include)
      .sort((a, b) => a.lines[0] - b.lines[0])
      .map((talk) => ({
        talk,
        candidates: talk.empty ? [] : highlightCandidates(note.passages.filter((p) => p.talkId === talk.id), talk.language),
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

export interface ConferenceRequest {
  notesDir: string;
  maxFileBytes: number;
  /** Resolves file paths given in the query (default: the process's working directory). */
  cwd?: string;
}

/** The conference a user names (full or partial name, or a file path), with the parsed notes of the folder. */
export async function findConferenceNotes(query: string, request: ConferenceRequest): Promise<{ group: ConferenceGroup; notes: ParsedNote[] }> {
  const notes = (await parseNotesFolder(request.notesDir, request.maxFileBytes)).map((f) => f.note);
  const group = findConference(query, groupConferences(notes), { notesDir: request.notesDir, cwd: request.cwd ?? process.cwd() });
  return { group, notes };
}

/** The digest of the conference a user names: what the chat service's `digest(conference)` answers. */
export async function digestOfConference(query: string, request: ConferenceRequest & { embedder: Embedder }): Promise<Digest> {
  const { group, notes } = await findConferenceNotes(query, request);
  return buildDigest(group, notes, request.embedder);
}
