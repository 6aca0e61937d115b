// The questions written for fitting (data/training/questions.jsonl) are labels: a gold range that no
// longer holds its answering phrase, or an "unanswerable" question whose answer a note now gives,
// would teach the models the wrong thing. Checked against the shared corpus they were written over.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readQuestions } from '../../src/eval/questions.js';
import { answeringSentences } from '../../src/fit/labels.js';
import { SHARED } from '../helpers/cli.js';

const TRAINING = 'data/training/questions.jsonl';
const CORPUS = join(SHARED, 'corpus');

/** A note's lines as the questions count them: the Latin-1 copy decoded as Latin-1. */
function linesOf(file: string): string[] {
  const bytes = readFileSync(join(CORPUS, file));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = bytes.toString('latin1');
  }
  return text.split('\n').map((line) => line.replace(/\r$/u, ''));
}

interface Checks {
  id: string;
  kind: string;
  absent?: string[];
  absent_in?: Record<string, string[]>;
}

describe.skipIf(!existsSync(CORPUS))('the training questions over the shared corpus (needs ../shared)', () => {
  const questions = readQuestions(TRAINING);
  const checks = readFileSync(TRAINING, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Checks);

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
    const corpus = files.map((file) => linesOf(file).join('\n'));
    const negatives = checks.filter((c) => c.kind === 'negative');
    expect(negatives.length).toBeGreaterThan(0);
    const found = negatives.flatMap(({ id, absent = [], absent_in = {} }) => [
      ...absent.filter((pattern) => corpus.some((text) => new RegExp(pattern, 'i').test(text))).map((pattern) => `${id}: ${pattern}`),
      ...Object.entries(absent_in).flatMap(([file, patterns]) =>
        patterns.filter((pattern) => new RegExp(pattern, 'i').test(linesOf(file).join('\n'))).map((pattern) => `${id}: ${pattern} in ${file}`),
      ),
    ]);
    expect(found).toEqual([]);
  });
});
