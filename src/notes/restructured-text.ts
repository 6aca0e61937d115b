// reStructuredText notes read by the Markdown reader. Their section titles are underlined (and may be
// overlined) with any punctuation character, not only Markdown's `=` and `-`: a `~~~~` underline opens a
// fenced code block to a Markdown parser, which then swallows the notes down to the next one. And a line
// opening on `#` is text in reStructuredText, a heading in Markdown. So an `.rst` note is handed to the
// parser rewritten line for line: each title an ATX heading of its level, its adornment lines blank,
// other lines that Markdown would read as headings or fences with those marks blanked. The note's own
// lines stay what passages and quotes are cut from; only what the parser sees of its structure changes.

import { splitLines } from '../chunks/chunk-talk.js';

/** The characters docutils accepts for adornments, as its documentation lists them. */
const ADORNMENT = /^([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])\1{2,}\s*$/u;
// What Markdown would read as a heading or a fence opening; in reStructuredText, text.
const MARKDOWN_ONLY = /^(\s{0,3})(#+|`{3,}|~{3,})/u;

const isTitleText = (line: string): boolean => line.trim() !== '' && !ADORNMENT.test(line) && !/^\s/u.test(line);

/**
 * The note's text as Markdown, with as many lines: "Title\n~~~~~" becomes "## Title\n", levels taken in the
 * order the styles (the character, with or without an overline) first appear, as docutils assigns them.
 */
export function restructuredTextAsMarkdown(text: string): string {
  const lines = splitLines(text);
  const out = lines.map((line) => line.replace(MARKDOWN_ONLY, (_, indent: string, marks: string) => indent + ' '.repeat(marks.length)));
  const styles: string[] = [];
  const levelOf = (style: string): number => {
    if (!styles.includes(style)) styles.push(style);
    return Math.min(styles.indexOf(style) + 1, 6);
  };
  for (let i = 1; i < lines.length; i++) {
    const under = ADORNMENT.exec(lines[i]!);
    const title = lines[i - 1]!;
    if (!under || !isTitleText(title)) continue;
    const above = lines[i - 2];
    const over = above !== undefined && above.trim() === lines[i]!.trim();
    // A title stands alone: after a blank line, the overline, or at the top.
    if (!over && above !== undefined && above.trim() !== '') continue;
    out[i - 1] = `${'#'.repeat(levelOf(`${over ? 'over' : ''}${under[1]}`))} ${title.trim()}`;
    out[i] = '';
    if (over) out[i - 2] = '';
  }
  return out.join('\n');
}

/** Whether a note is written in reStructuredText, by its file's extension. */
export const isRestructuredText = (file: string): boolean => /\.rst$/iu.test(file);
