// A file that lists the other notes of the folder (a README table of contents, a SOURCES table of where
// each note came from) describes the notes rather than holding any: indexed, its rows name every
// conference and win questions about an event ("where did dotScale take place?") over the note that answers them.
import { posix } from 'node:path';
import { wordCount } from './prose.js';

/** A catalogue has at least this many lines naming other notes: a note links to a sibling day or two. */
const CATALOGUE_MIN_LINES = 3;

// A path to a note as written in Markdown or a table: no spaces, brackets, pipes or quotes.
const NOTE_PATH = /[^\s()[\]<>|"'`]+\.(?:md|markdown|txt)\b/gi;
const NOTE_EXTENSION = /\.(?:md|markdown|txt)\b/gi;

/** The other notes a line names, by a path from the folder's root or from the file's own folder. */
function notesNamedOn(line: string, dir: string, file: string, notes: ReadonlySet<string>): string[] {
  return (line.match(NOTE_PATH) ?? []).flatMap((written) => {
    const path = written.replace(/^\.\//, '');
    return [path, posix.normalize(posix.join(dir, path))].filter((p) => p !== file && notes.has(p)).slice(0, 1);
  });
}

/**
 * Why a note is skipped as a catalogue of the folder's notes (`notes`: all its files, `/`-separated paths
 * from its root), or undefined when it is a note: at least three of its lines name other notes of the
 * folder, and they outnumber its lines of prose. A note that ends with links to its sibling days keeps its
 * prose and stays a note.
 */
export function catalogueReason(file: string, text: string, notes: ReadonlySet<string>): string | undefined {
  // Each listing line names a note by its extension: a text with fewer of them than the lines needed is no
  // catalogue, known without matching its lines one by one (which was most of reading a notes folder).
  if ((text.match(NOTE_EXTENSION) ?? []).length < CATALOGUE_MIN_LINES) return undefined;
  const dir = posix.dirname(file);
  const named = new Set<string>();
  const lines = text.split('\n');
  const others: string[] = [];
  for (const line of lines) {
    const found = notesNamedOn(line, dir, file, notes);
    for (const note of found) named.add(note);
    if (found.length === 0) others.push(line);
  }
  const listing = lines.length - others.length;
  if (listing < CATALOGUE_MIN_LINES) return undefined;
  // Prose is counted only now: measuring the words of every line was dear too.
  const prose = others.filter((line) => !/^\s*#/.test(line) && wordCount(line) >= 5).length;
  return listing > prose ? `lists ${named.size} other notes of the folder: an index of the notes, not notes` : undefined;
}
