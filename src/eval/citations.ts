// Checks that a quote stands verbatim in its file within its lines, reading the file as the index did.
import { splitLines } from '../chunks/chunk-talk.js';
import { readNotes } from '../notes/read-notes.js';
import type { Excerpt, NoteSource } from '../types.js';
import type { CitationCheck } from './score.js';

/** The text of lines `start..end` (1-based, inclusive) of a note, cut into lines as the chunker cuts them. */
export const linesOf = (text: string, [start, end]: [number, number]): string => splitLines(text).slice(start - 1, end).join('\n');

export function citationChecker(sources: NoteSource[]): CitationCheck {
  const texts = new Map(sources.map((s) => [s.file, s.text] as const));
  return (excerpt: Excerpt) => {
    const text = texts.get(excerpt.file);
    return text !== undefined && excerpt.quote.length > 0 && linesOf(text, excerpt.lines).includes(excerpt.quote);
  };
}

export async function citationCheckerFor(notesDir: string, maxFileBytes: number): Promise<CitationCheck> {
  const { sources } = await readNotes(notesDir, { maxFileBytes });
  return citationChecker(sources);
}

