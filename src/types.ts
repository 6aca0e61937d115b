// The data that flows through confnotes, from a notes file to an answer.
// Every module reads and writes these shapes; nothing here knows about Slack, Discord or a store.

/** 1-based, inclusive line range in the original file. */
export type LineRange = [start: number, end: number];

export type Language = 'fr' | 'en';

/** A notes file read from disk, decoded to text. */
export interface NoteSource {
  /** Path relative to the notes folder, `/`-separated. */
  file: string;
  /** Decoded text with line endings kept as they were (CRLF stays CRLF). */
  text: string;
  /** Encoding the bytes were decoded from, e.g. `UTF-8`, `windows-1252`. */
  encoding: string;
  /** sha256 of the raw bytes: the index re-embeds a file only when this changes. */
  hash: string;
}

/** What is known of a talk, carried by the talk and by each of its passages. */
export interface TalkFields {
  conference: string;
  /** ISO date (YYYY-MM-DD) or year (YYYY) when the note states it. */
  date?: string;
  talk: string;
  speakers: string[];
  companies: string[];
  language: Language;
  file: string;
}

/** One talk of a conference, as found in a notes file. */
export interface Talk extends TalkFields {
  /** Stable id: `${file}#${lines[0]}`. */
  id: string;
  /** Lines of the whole talk section, heading included. */
  lines: LineRange;
  /** True when the talk has a heading but no body: listed in digests, yields no passages. */
  empty: boolean;
}

/**
 * What the Markdown parser read in some lines of a file, for the sentence splitter and the digests.
 * Line numbers are the file's in a Markdown block (src/notes/markdown.ts), and relative to the
 * passage's first line (0) in a passage. Columns count UTF-16 code units from the line's start.
 */
export interface MarkdownStructure {
  /**
   * Where each unit of text begins, in line order: a block, a list item at any depth, a paragraph in a
   * quote or an item, a heading's line, a table row, a line of code or HTML, a line that holds only
   * images. A line break before a unit is a hard one; any other between two non-blank lines only wraps
   * a unit's text. The unit's words begin at `column`, after its list, quote or heading marks.
   */
  units: Array<[line: number, column: number]>;
  /**
   * Lines that name the talk rather than say something: headings (a setext heading's underline included)
   * and, in a talk's passages, the header lines the note reader took as its speakers, roles and programme
   * fields.
   */
  headings: number[];
  /** Lines of code blocks (their fences included) and tables: written as they are, not prose. */
  literal: number[];
}

/** A retrievable piece of a talk. Its text is exactly the file's lines `lines[0]..lines[1]`. */
export interface Passage extends TalkFields {
  /** Stable id: `${file}:${lines[0]}-${lines[1]}`. */
  id: string;
  talkId: string;
  lines: LineRange;
  text: string;
  /**
   * Its Markdown structure, lines relative to `lines[0]`. Absent from passages indexed before the
   * parser carried it (until the next sync rebuilds them) and from text that was never Markdown.
   */
  structure?: MarkdownStructure;
}

/** What parsing one file yields. */
export interface ParsedNote {
  file: string;
  hash: string;
  encoding: string;
  conference: string;
  date?: string;
  tags: string[];
  language: Language;
  talks: Talk[];
  passages: Passage[];
  /** Non-fatal problems (e.g. broken front matter), each a one-line message for the index summary. */
  warnings: string[];
}

export interface Excerpt {
  /** Verbatim text of the note: the sentences that answer. */
  quote: string;
  conference: string;
  talk: string;
  speakers: string[];
  companies: string[];
  file: string;
  /** Lines of the quote itself. */
  lines: LineRange;
  score: number;
}

/** The answer to a question, independent of any chat platform. */
export interface Answer {
  question: string;
  abstained: boolean;
  excerpts: Excerpt[];
  /** When abstaining: the closest talks, so the asker knows where to look. */
  closest?: Array<{ conference: string; talk: string; file: string; lines: LineRange }>;
}

/** Passage returned by retrieval, with its fused score. */
export interface RankedPassage {
  passage: Passage;
  score: number;
  /** Per-ranker ranks (1-based) for diagnostics and eval baselines. */
  ranks: { lexical?: number; vector?: number };
}

/** A conference digest: every talk with a few verbatim highlights. Platform-free. */
export interface Digest {
  conference: string;
  date?: string;
  files: string[];
  talks: DigestTalk[];
}

export interface DigestTalk {
  talk: string;
  speakers: string[];
  companies: string[];
  file: string;
  lines: LineRange;
  highlights: Array<{ quote: string; lines: LineRange }>;
  /** The talk has no notes: listed as "(no notes)". */
  empty: boolean;
}
