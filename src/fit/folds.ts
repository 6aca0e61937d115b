// Splits evaluation questions into folds by notes file: a question and the notes that answer it are in
// the same fold, so that weights fitted on the other folds never saw the held fold's notes. Questions
// whose gold spans several files join those files into one group. Questions the notes cannot answer
// have no file: each goes, in a stable order of their ids, to the fold with the fewest questions.
// A seed deals the groups in another stable order, no longer largest first: another split of the same
// files, to see how far the fold figures move with the split alone.
import { createHash } from 'node:crypto';
import type { EvalQuestion } from '../eval/questions.js';

const hashOf = (text: string): string => createHash('md5').update(text).digest('hex');

/** The fold (0..n-1) of each question, in the questions' order; `seed` deals the files in another order. */
export function foldsByFile(questions: readonly EvalQuestion[], n: number, seed?: string): number[] {
  const key = (text: string): string => hashOf((seed ?? '') + text);
  const parent = new Map<string, string>();
  const find = (file: string): string => {
    let root = file;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(file, root);
    return root;
  };
  for (const q of questions) {
    for (const { file } of q.gold) if (!parent.has(file)) parent.set(file, file);
    for (const { file } of q.gold.slice(1)) parent.set(find(file), find(q.gold[0]!.file));
  }
  const groups = new Map<string, number[]>();
  const negatives: number[] = [];
  questions.forEach((q, i) => {
    if (q.gold.length === 0) return negatives.push(i);
    const root = find(q.gold[0]!.file);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  // Largest groups first, each to the fold with the fewest questions so far: folds of even size.
  const sizes = new Array<number>(n).fill(0);
  const fold = new Array<number>(questions.length).fill(0);
  const place = (members: number[]): void => {
    const target = sizes.indexOf(Math.min(...sizes));
    for (const i of members) fold[i] = target;
    sizes[target]! += members.length;
  };
  const bySize = seed === undefined ? (x: number[], y: number[]) => y.length - x.length : () => 0;
  [...groups].sort(([a, x], [b, y]) => bySize(x, y) || (key(a) < key(b) ? -1 : 1)).forEach(([, members]) => place(members));
  negatives.sort((a, b) => (key(questions[a]!.id) < key(questions[b]!.id) ? -1 : 1)).forEach((i) => place([i]));
  return fold;
}

/**
 * Each fold's questions to score and questions to fit on. Questions written only for fitting (`training`)
 * are split with the scored ones, by notes file: whichever file asked about a held fold's notes, they are
 * never fitted on, and a training question is never scored.
 */
export function leaveFilesOut(
  scored: readonly EvalQuestion[],
  training: readonly EvalQuestion[],
  n: number,
  seed?: string,
): Array<{ test: EvalQuestion[]; fit: EvalQuestion[] }> {
  const all = [...scored, ...training];
  const fold = foldsByFile(all, n, seed);
  return Array.from({ length: n }, (_, f) => ({
    test: scored.filter((_, i) => fold[i] === f),
    fit: all.filter((_, i) => fold[i] !== f),
  }));
}
