import { describe, expect, it } from 'vitest';
import { logit, probability } from '../../src/answers/linear-model.js';
import type { Sample } from '../../src/fit/logistic.js';
import { fitRanking } from '../../src/fit/ranking.js';

// Questions whose items differ in level: in every question the right item has the higher "within" value,
// while "level" is one per question and, across questions, runs with the label (the questions with
// right items high on it are the ones with few wrong items), so a pointwise fit would lean on it.
const groups: Sample[][] = Array.from({ length: 12 }, (_, q) => {
  const level = q;
  const right: Sample = { x: [level, 2 + (q % 3)], y: 1 };
  const wrong: Sample[] = Array.from({ length: 1 + (q % 4) }, (_, i) => ({ x: [level, i % 3], y: 0 }));
  return [right, ...wrong];
});

describe('fitRanking', () => {
  const model = fitRanking(['level', 'within'], groups);

  it('puts each question’s right item first, from what differs within a question', () => {
    for (const rows of groups) {
      const scores = rows.map((r) => logit(model, r.x));
      expect(scores.indexOf(Math.max(...scores))).toBe(0);
    }
    expect(model.weights[1]).toBeGreaterThan(0);
    // A value shared by a question's items cannot order them: its weight stays at zero.
    expect(model.weights[0]).toBe(0);
  });

  it('keeps its output a chance: right items above one half on the whole, wrong ones below', () => {
    const mean = (rows: Sample[]) => rows.reduce((s, r) => s + probability(model, r.x), 0) / rows.length;
    const all = groups.flat();
    expect(mean(all.filter((r) => r.y === 1))).toBeGreaterThan(0.5);
    expect(mean(all.filter((r) => r.y === 0))).toBeLessThan(0.5);
  });
});
