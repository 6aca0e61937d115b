// A passage of any Markdown text, its structure read by the real parser and chunker.
import { passageStructure, splitLines } from '../../src/chunks/chunk-talk.js';
import { parseMarkdown } from '../../src/notes/markdown.js';
import type { Language, Passage } from '../../src/types.js';

/** The whole text as one passage of `notes.md` whose first line is `firstLine`. */
export function markdownPassage(text: string, firstLine = 1, language: Language = 'en'): Passage {
  const count = splitLines(text).length;
  const lines: [number, number] = [firstLine, firstLine + count - 1];
  return {
    id: `notes.md:${lines[0]}-${lines[1]}`,
    talkId: 'notes.md#1',
    conference: 'Conf',
    talk: 'Talk',
    speakers: [],
    companies: [],
    language,
    file: 'notes.md',
    lines,
    text,
    structure: passageStructure(parseMarkdown(text).blocks, [1, count]),
  };
}
