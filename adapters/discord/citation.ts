// How a source is named in every reply, so that answers and digests cite the same way.
import { citationUrl } from '../../src/links/citation-url.js';
import type { LineRange } from '../../src/types.js';

/** `notes/qcon.md:12-18`, the form people paste into an editor's "go to line". */
export function citation(file: string, lines: LineRange): string {
  return lines[0] === lines[1] ? `${file}:${lines[0]}` : `${file}:${lines[0]}-${lines[1]}`;
}

/**
 * The citation in Discord markdown: `[file:12-18](<url>)` when the notes URL is set (the angle brackets stop
 * Discord from previewing the page under the answer), the plain citation otherwise.
 */
export function citationMarkdown(file: string, lines: LineRange, notesUrl: string | undefined): string {
  const url = citationUrl(file, lines, notesUrl);
  return url ? `[${citation(file, lines)}](<${url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>)` : citation(file, lines);
}

/** `Ada Lovelace (Analytical Engines), Alan Turing (NPL)`; names and companies pair up only when they match one to one. */
export function speakerLine(speakers: string[], companies: string[]): string {
  if (speakers.length > 0 && speakers.length === companies.length) {
    return speakers.map((speaker, i) => `${speaker} (${companies[i]})`).join(', ');
  }
  const names = speakers.join(', ');
  if (companies.length === 0) return names;
  return names ? `${names} (${companies.join(', ')})` : companies.join(', ');
}
