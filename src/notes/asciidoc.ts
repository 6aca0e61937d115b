// AsciiDoc notes read by the Markdown reader, as reStructuredText ones are (restructured-text.ts): the note
// is handed to the parser rewritten line for line, and its own lines stay what passages and quotes are cut
// from. What would mislead a Markdown parser:
// - section titles open with `=` ("== Talk"), which Markdown reads as text;
// - a listing or literal block is delimited by `----` or `....`, and `----` under a line of text is a
//   Markdown heading underline; the other delimited blocks (`====` example, `****` sidebar, `____` quote,
//   `++++` passthrough) hold text, and their delimiters read as underlines or rules;
// - a block's attribute line (`[source,java]`, `[NOTE]`), a document attribute (`:toc: left`), a table's
//   `|===` are settings, not notes;
// - nested list items are marked by repeating the marker (`** item`, `.. step`), which Markdown reads as text.
// Inline markup (`*bold*`, `link:url[text]`) reads well enough as text.

import { splitLines } from '../chunks/chunk-talk.js';

const TITLE = /^(={1,6})[ \t]+(?=\S)/u;
// A listing (`----`) or literal (`....`) block: code to the reader, fenced with as many backticks.
const CODE_DELIMITER = /^(?:-{4,}|\.{4,})[ \t]*$/u;
// Comment (`////`) blocks are left to the reader as code too: neither is prose to quote.
const COMMENT_DELIMITER = /^\/{4,}[ \t]*$/u;
const TEXT_DELIMITER = /^(?:={4,}|\*{4,}|_{4,}|\+{4,}|\|={3,})[ \t]*$/u;
const SETTING = /^(?:\[\[?[^\]]*\]\]?|:!?[\w-]+!?:.*)[ \t]*$/u;
const NESTED_ITEM = /^([*.])\1+(?=[ \t])/u;

/** The note's text as Markdown, with as many lines: "== Talk" becomes "## Talk", a `----` block a fenced one. */
export function asciiDocAsMarkdown(text: string): string {
  return splitLines(text)
    .map((line) => {
      if (CODE_DELIMITER.test(line) || COMMENT_DELIMITER.test(line)) return '`'.repeat(Math.max(3, line.trim().length));
      if (TEXT_DELIMITER.test(line) || SETTING.test(line)) return '';
      const title = TITLE.exec(line);
      if (title) return `${'#'.repeat(title[1]!.length)}${line.slice(title[1]!.length)}`;
      // "** item" is a second-level bullet: indented under the first, as Markdown nests it.
      const nested = NESTED_ITEM.exec(line);
      if (nested) return `${' '.repeat(2 * (nested[0].length - 1))}${nested[1] === '*' ? '*' : '-'}${line.slice(nested[0].length)}`;
      return line.replace(/^\.(?=[ \t])/u, '-');
    })
    .join('\n');
}

/** Whether a note is written in AsciiDoc, by its file's extension. */
export const isAsciiDoc = (file: string): boolean => /\.(?:adoc|asciidoc)$/iu.test(file);
