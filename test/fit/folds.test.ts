import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/questions.js';
import { foldsByFile } from '../../src/fit/folds.js';

const q = (id: string, ...files: string[]): EvalQuestion => ({
  id, question: id, kind: 'topic', expect: [], gold: files.map((file) => ({ file, lines: [1, 2] as [number, number] })),
});

describe('foldsByFile', () => {
  const questions = [
    q('a1', 'a.md'), q('a2', 'a.md'), q('a3', 'a.md'),
    q('b1', 'b.md'), q('b2', 'b.md'),
    q('c1', 'c.md'), q('cd', 'c.md', 'd.md'), q('d1', 'd.md'),
    q('e1', 'e.md'),
    q('n1'), q('n2'), q('n3'),
  ];
  const folds = foldsByFile(questions, 3);
  const foldOf = (id: string): number => folds[questions.findIndex((x) => x.id === id)]!;

  it('keeps every question of a notes file in one fold, joining files one question spans', () => {
    expect(new Set(['a1', 'a2', 'a3'].map(foldOf)).size).toBe(1);
    expect(foldOf('b1')).toBe(foldOf('b2'));
    expect(new Set(['c1', 'cd', 'd1'].map(foldOf)).size).toBe(1);
  });

  it('never puts the questions of one file in two folds, and spreads files and negatives over all folds', () => {
    const used = new Set(folds);
    expect(used).toEqual(new Set([0, 1, 2]));
    const negatives = ['n1', 'n2', 'n3'].map(foldOf).sort();
    expect(negatives).toEqual([0, 1, 2]);
  });

  it('is the same on every run', () => {
    expect(foldsByFile(questions, 3)).toEqual(folds);
  });
});
