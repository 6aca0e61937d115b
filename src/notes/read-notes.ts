// The I/O edge of note reading: walks the notes folder and turns each readable text file into a NoteSource.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConfnotesError } from '../errors.js';
import type { NoteSource } from '../types.js';
import { binaryReason } from './binary.js';
import { catalogueReason } from './catalogue.js';
import { decodeBytes } from './decode.js';

// reStructuredText and AsciiDoc notes are read by the Markdown reader, their section titles rewritten as its
// headings (restructured-text.ts, asciidoc.ts); their other markup reads as text.
export const NOTE_EXTENSIONS = ['.md', '.markdown', '.rst', '.adoc', '.asciidoc', '.txt'] as const;

export interface SkippedFile {
  /** Relative to the notes folder, `/`-separated. */
  file: string;
  /** One line, for the index summary. */
  reason: string;
  /**
   * `unreadable`: the file could not be used now (too big, binary, empty, I/O error), so an indexed
   * version is kept; `not-notes`: it reads fine but holds no notes, so it leaves the index.
   */
  kind: 'unreadable' | 'not-notes';
}

export interface ReadNotesResult {
  sources: NoteSource[];
  skipped: SkippedFile[];
}

export interface ReadNotesOptions {
  maxFileBytes: number;
}

export const isNoteFile = (name: string): boolean => NOTE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Hidden folders (.git, .obsidian) and dependencies hold no notes, only noise. */
const isSkippedDir = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

async function listNoteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return isSkippedDir(entry.name) ? [] : listNoteFiles(path);
      return entry.isFile() && isNoteFile(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads one file; returns the reason it is skipped instead of a source. */
async function readOne(path: string, file: string, maxFileBytes: number): Promise<NoteSource | string> {
  try {
    const { size } = await stat(path);
    if (size > maxFileBytes) return `over the size limit (${megabytes(size)} > ${megabytes(maxFileBytes)})`;
    const bytes = await readFile(path);
    if (bytes.length === 0) return 'empty file';
    const binary = binaryReason(bytes);
    if (binary) return binary;
    const { text, encoding } = decodeBytes(bytes);
    if (text.trim() === '') return 'empty file (only whitespace)';
    return { file, text, encoding, hash: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Every `.md`, `.markdown`, `.rst`, `.adoc`, `.asciidoc` and `.txt` file under `dir`, sorted by path, with the files that could not be used or are not notes. */
export async function readNotes(dir: string, { maxFileBytes }: ReadNotesOptions): Promise<ReadNotesResult> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new ConfnotesError('NOTES_DIR_MISSING', `notes folder ${dir} does not exist or is not a folder`);
  const paths = (await listNoteFiles(dir)).sort();
  const files = paths.map((path) => relative(dir, path).split(sep).join('/'));
  const folder = new Set(files);
  const sources: NoteSource[] = [];
  const skipped: SkippedFile[] = [];
  for (const [i, path] of paths.entries()) {
    const file = files[i]!;
    const result = await readOne(path, file, maxFileBytes);
    if (typeof result === 'string') {
      skipped.push({ file, reason: result, kind: 'unreadable' });
      continue;
    }
    const catalogue = catalogueReason(file, result.text, folder);
    if (catalogue) skipped.push({ file, reason: catalogue, kind: 'not-notes' });
    else sources.push(result);
  }
  return { sources, skipped };
}
