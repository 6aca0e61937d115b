// Tells a note whose lines nest block quotes or list items thousands deep, which the Markdown parser would
// read for minutes, from the notes people write. CommonMark sets no limit on nesting, and the parser's work on
// a line grows with its depth: 200 lines each opening 4,000 list items ("- - - … item") kept `confnotes index`
// busy for more than two minutes, and 1,000 list levels nested by indentation for 43 s. markdown-it stops
// nesting at 100 levels in its default preset, as an internal protection; notes nest a few.
export const MAX_NESTING = 100;

// The container markers that may open a line, each after up to three columns of indentation: a block
// quote's ">", a bullet ("-", "+", "*") or an ordinal ("1.", "2)") followed by a space or the line's end.
const CONTAINER = /[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/uy;
// "- - -", "* * *": a thematic break, not three list items.
const THEMATIC_BREAK = /^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;

const columnsOf = (indent: string): number => [...indent].reduce((column, char) => (char === '\t' ? column + 4 - (column % 4) : column + 1), 0);

/**
 * How many block quotes and list items a line opens or stands in: the markers chained at its start, plus the
 * list levels its indentation stands for when it opens a container (a nested list item is indented by at
 * least two columns a level). A line opening none counts 0: deep indentation alone is code or a continuation.
 */
export function lineNesting(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  const indent = /^[ \t]*/u.exec(line)![0];
  let markers = 0;
  CONTAINER.lastIndex = indent.length;
  while (CONTAINER.lastIndex < line.length && CONTAINER.exec(line)) markers++;
  return markers === 0 ? 0 : Math.floor(columnsOf(indent) / 2) + markers;
}

/** Why a note is not read, when a line nests deeper than MAX_NESTING; undefined otherwise. */
export function nestingReason(text: string): string | undefined {
  // Not `splitLines`: the parser also ends a line at a lone carriage return, and nests by its lines.
  const lines = text.split(/\r\n|\r|\n/u);
  for (const [i, line] of lines.entries()) {
    const depth = lineNesting(line);
    if (depth > MAX_NESTING) return `line ${i + 1} nests ${depth} block quotes or list items (at most ${MAX_NESTING} are read)`;
  }
  return undefined;
}
