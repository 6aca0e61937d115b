// A file that lists the other notes of the folder (a README table of contents, a SOURCES table of where
// each note came from) describes the notes rather than holding any: indexed, its rows name every
// conference and win questions about an event ("where did dotScale take place?") over the note that answers them.
import { posix } from 'node:path';

/** A file naming at least this many other notes by path is a catalogue; a note links to a sibling day or two. */
const CATALOGUE_MIN_NOTES = 3;

/**
 * How many other notes of the folder `file` names by path, written from the folder's root or from the
 * file's own folder (`seeds/000.txt`, `./Day1/talk.md`).
 */
export function notesNamedIn(file: string, text: string, otherFiles: readonly string[]): number {
  const dir = posix.dirname(file);
  return otherFiles.filter((other) => other !== file && (text.includes(other) || text.includes(posix.relative(dir, other)))).length;
}

/** Why a note is skipped as a catalogue of the folder, or undefined when it is a note. */
export function catalogueReason(file: string, text: string, otherFiles: readonly string[]): string | undefined {
  const named = notesNamedIn(file, text, otherFiles);
  return named >= CATALOGUE_MIN_NOTES ? `lists ${named} other notes of the folder: an index of the notes, not notes` : undefined;
}
