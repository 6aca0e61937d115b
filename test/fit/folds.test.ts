import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/questions.js';
import { foldsByFile, leaveFilesOut } from '../../src/fit/folds.js';

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

  it('deals the files in another order with a seed: another split, by file still, the same for the same seed', () => {
    const seeded = foldsByFile(questions, 3, 'second');
    expect(seeded).not.toEqual(folds);
    expect(foldsByFile(questions, 3, 'second')).toEqual(seeded);
    const at = (id: string): number => seeded[questions.findIndex((x) => x.id === id)]!;
    expect(new Set(['a1', 'a2', 'a3'].map(at)).size).toBe(1);
    expect(new Set(['c1', 'cd', 'd1'].map(at)).size).toBe(1);
    expect(new Set(seeded)).toEqual(new Set([0, 1, 2]));
  });
});

describe('leaveFilesOut', () => {
  const scored = [q('a1', 'a.md'), q('b1', 'b.md'), q('c1', 'c.md'), q('n1')];
  const training = [q('ta', 'a.md'), q('tb', 'b.md'), q('tab', 'a.md', 'b.md'), q('td', 'd.md'), q('tn')];
  const plan = leaveFilesOut(scored, training, 3);
  const filesOf = (questions: EvalQuestion[]): Set<string> => new Set(questions.flatMap((x) => x.gold.map((g) => g.file)));

  it('scores every scored question once and never a training one', () => {
    expect(plan.flatMap(({ test }) => test.map((x) => x.id)).sort()).toEqual(['a1', 'b1', 'c1', 'n1']);
  });

  it('never fits a fold on a question, scored or written for fitting, about the notes it scores', () => {
    for (const { test, fit } of plan) {
      const held = filesOf(test);
      expect([...filesOf(fit)].filter((file) => held.has(file))).toEqual([]);
      expect(fit.some((x) => test.includes(x))).toBe(false);
    }
  });

  it('fits each fold on the training questions of the other folds\' notes', () => {
    const foldOfA = plan.find(({ test }) => test.some((x) => x.id === 'a1'))!;
    expect(foldOfA.fit.map((x) => x.id)).not.toContain('ta');
    expect(foldOfA.fit.map((x) => x.id)).not.toContain('tab');
    expect(plan.filter(({ fit }) => fit.some((x) => x.id === 'td'))).toHaveLength(2);
  });
});
