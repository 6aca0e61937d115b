// Whole-corpus checks on the real conference notes in ../shared/corpus (skipped when absent):
// every file parses, every passage is its file's lines, and the gold citations of the dev sets fall
// inside passages whose talk name matches the gold talk.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitLines } from '../../src/chunks/chunk-talk.js';
import { parseNote, type ParsedNoteDetail } from '../../src/notes/parse-note.js';
import { readNotes } from '../../src/notes/read-notes.js';
import type { LineRange, NoteSource } from '../../src/types.js';

const corpusDir = resolve('../shared/corpus');
const evalDir = resolve('../shared/eval');
const available = existsSync(corpusDir);
if (!available) console.warn(`corpus tests skipped: ${corpusDir} not found (the shared corpus sits next to the repository)`);

interface Gold {
  file: string;
  lines: LineRange;
  talk: string;
}

function readGold(): Gold[] {
  return ['dev.jsonl', 'dev-corpus.jsonl']
    .map((name) => resolve(evalDir, name))
    .filter(existsSync)
    .flatMap((path) => readFileSync(path, 'utf8').split('\n').filter(Boolean))
    .flatMap((line) => (JSON.parse(line) as { gold: Gold[] }).gold);
}

const overlaps = (a: LineRange, b: LineRange): boolean => a[0] <= b[1] && b[0] <= a[1];
const tokens = (text: string): string[] =>
  text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const contained = (a: string[], b: string[]): number => (a.length === 0 ? 0 : a.filter((t) => b.includes(t)).length / a.length);

/** Gold talk names carry notes in parentheses ("Failure as a service (Kolton Andrus)"): either side may be the shorter. */
function similarTitles(ours: string, gold: string): boolean {
  const mine = tokens(ours);
  const theirs = tokens(gold.replace(/\([^)]*\)/g, ' '));
  return contained(mine, tokens(gold)) >= 0.6 || contained(theirs, mine) >= 0.6;
}

describe.skipIf(!available)('whole corpus (needs ../shared)', () => {
  let sources: NoteSource[] = [];
  let notes: ParsedNoteDetail[] = [];
  beforeAll(async () => {
    ({ sources } = await readNotes(corpusDir, { maxFileBytes: 5 * 1024 * 1024 }));
    notes = sources.map((source) => parseNote(source));
  });

  it('parses every file', () => {
    expect(sources.length).toBeGreaterThanOrEqual(40);
    const talks = notes.reduce((n, note) => n + note.talks.length, 0);
    const passages = notes.reduce((n, note) => n + note.passages.length, 0);
    console.log(`corpus: ${notes.length} files, ${talks} talks, ${passages} passages`);
    expect(talks).toBeGreaterThan(200);
  });

  it('makes every passage exactly its lines of the file, inside the file', () => {
    for (const [i, note] of notes.entries()) {
      const lines = splitLines(sources[i]!.text);
      const ids = new Set<string>();
      for (const passage of note.passages) {
        const [start, end] = passage.lines;
        expect(start).toBeGreaterThanOrEqual(1);
        expect(end).toBeLessThanOrEqual(lines.length);
        expect(start).toBeLessThanOrEqual(end);
        expect(passage.text).toBe(lines.slice(start - 1, end).join('\n'));
        expect(passage.id).toBe(`${note.file}:${start}-${end}`);
        expect(ids.has(passage.id)).toBe(false);
        ids.add(passage.id);
      }
      for (const talk of note.talks) {
        expect(talk.id).toBe(`${note.file}#${talk.lines[0]}`);
        expect(talk.lines[1]).toBeLessThanOrEqual(lines.length);
      }
    }
  });

  it('covers every gold citation with a passage, under a similar talk name', () => {
    const gold = readGold();
    expect(gold.length).toBeGreaterThan(0);
    const byFile = new Map(notes.map((n) => [n.file, n]));
    const missed: string[] = [];
    const misnamed: string[] = [];
    for (const g of gold) {
      const hits = byFile.get(g.file)?.passages.filter((p) => overlaps(p.lines, g.lines)) ?? [];
      if (hits.length === 0) missed.push(`${g.file} ${g.lines.join('-')}`);
      else if (!hits.some((p) => similarTitles(p.talk, g.talk))) misnamed.push(`${g.file} ${g.lines.join('-')}: "${g.talk}" vs "${hits.map((p) => p.talk).join('" / "')}"`);
    }
    const covered = gold.length - missed.length;
    console.log(`gold coverage: ${covered}/${gold.length} citations inside a passage`);
    console.log(`gold talk names: ${covered - misnamed.length}/${covered} similar to the passage's talk\n  ${misnamed.join('\n  ')}`);
    expect(missed).toEqual([]);
    expect((covered - misnamed.length) / covered).toBeGreaterThanOrEqual(0.85);
  });
});
