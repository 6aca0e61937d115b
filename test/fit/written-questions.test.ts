// The questions written over the shared corpus are labels: for fitting (data/training/questions.jsonl), a
// gold range that no longer holds its answering phrase, or an "unanswerable" question whose answer a note
// now gives, would teach the models the wrong thing; for checking (data/check/questions.jsonl, never
// fitted on), it would misreport them. Checked against the corpus they were written over.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../src/eval/questions.js';
import { decodeBytes } from '../../src/notes/decode.js';
import { answeringSentences } from '../../src/fit/labels.js';
import { SHARED } from '../helpers/cli.js';

const WRITTEN = ['data/training/questions.jsonl', 'data/check/questions.jsonl'];
const CORPUS = join(SHARED, 'corpus');

/** A note's text, decoded as the index decodes it (the Latin-1 copy too) with CRLF read as LF, read once per file. */
const texts = new Map<string, string>();
const textOf = (file: string): string => {
  if (!texts.has(file)) texts.set(file, decodeBytes(readFileSync(join(CORPUS, file))).text.replace(/\r\n/gu, '\n'));
  return texts.get(file)!;
};
/** A note's lines as the questions count them. */
const linesOf = (file: string): string[] => textOf(file).split('\n');

interface Checks {
  id: string;
  kind: string;
  absent?: string[];
  absent_in?: Record<string, string[]>;
}

describe.skipIf(!existsSync(CORPUS)).each(WRITTEN)('the questions of %s, over the shared corpus (needs ../shared)', (written) => {
  const questions = readQuestions(written);
  const checks = readFileSync(written, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Checks);

  it('cites, for each answerable question, lines that hold one of its answering phrases', () => {
    const unanswered = questions
      .filter((q) => q.gold.length > 0)
      .filter((q) => {
        const cited = q.gold.flatMap(({ file, lines: [from, to] }) => linesOf(file).slice(from - 1, to));
        return !answeringSentences([cited.join(' ')], q.expect)[0];
      })
      .map((q) => q.id);
    expect(unanswered).toEqual([]);
  });

  it('finds nowhere the answer of a question written as unanswerable', () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((file) => file !== 'SOURCES.md' && statSync(join(CORPUS, file)).isFile());
    const corpus = files.map(textOf);
    const negatives = checks.filter((c) => c.kind === 'negative');
    expect(negatives.length).toBeGreaterThan(0);
    const found = negatives.flatMap(({ id, absent = [], absent_in = {} }) => [
      ...absent.filter((pattern) => corpus.some((text) => new RegExp(pattern, 'i').test(text))).map((pattern) => `${id}: ${pattern}`),
      ...Object.entries(absent_in).flatMap(([file, patterns]) =>
        patterns.filter((pattern) => new RegExp(pattern, 'i').test(textOf(file))).map((pattern) => `${id}: ${pattern} in ${file}`),
      ),
    ]);
    expect(found).toEqual([]);
  });
});
