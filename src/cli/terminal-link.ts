// Clickable citations in a terminal: OSC 8 hyperlinks, which most terminals render as links and the rest
// show as plain text. Only on a TTY: escape codes in a pipe or a file would be noise.
import type { Cite } from '../answers/format-text.js';
import { citationUrl } from '../links/citation-url.js';

/** OSC 8 ; params ; URI ST, text, then the same sequence with an empty URI to close the link. */
export const terminalLink = (text: string, url: string): string => `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;

/** How the CLI writes a citation: a terminal link when the notes URL is set and stdout is a TTY, the text otherwise. */
export function terminalCitations(notesUrl: string | undefined, isTTY: boolean): Cite {
  return (text, file, lines) => {
    const url = isTTY ? citationUrl(file, lines, notesUrl) : undefined;
    // A control character in a URL would end the escape sequence early.
    return url && !/[\u0000-\u001F\u007F]/.test(url) ? terminalLink(text, url) : text;
  };
}
