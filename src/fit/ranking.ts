// A ranking model from labelled rows grouped by question: the reranker and the sentence scorer are read
// as orders within one question (which passage first, which sentence quoted), so they are fitted on
// pairs of one question's right and wrong items (a pairwise logistic model, as RankNet with a linear
// scorer), where a pointwise fit also spends its weights telling one question's items from another's.
// The scale and offset are then fitted on the rows themselves (Platt scaling), so that the model's
// output stays a chance that the decision and the sentence scorer can read.
import { logit, type LinearModel } from '../answers/linear-model.js';
import { fitLogistic, roundWeight, type Sample } from './logistic.js';

const difference = (a: readonly number[], b: readonly number[]): number[] => a.map((v, j) => v - b[j]!);

export function fitRanking(features: readonly string[], groups: ReadonlyArray<readonly Sample[]>): LinearModel {
  const pairs: Sample[] = [];
  for (const rows of groups) {
    const right = rows.filter((r) => r.y === 1);
    const wrong = rows.filter((r) => r.y === 0);
    // Every question weighs the same, however many pairs it has; each pair is seen both ways.
    const weight = 1 / (2 * right.length * wrong.length);
    for (const r of right) {
      for (const w of wrong) {
        pairs.push({ x: difference(r.x, w.x), y: 1, weight }, { x: difference(w.x, r.x), y: 0, weight });
      }
    }
  }
  const order = fitLogistic(features, pairs);
  const scale = fitLogistic(['score'], groups.flat().map((r) => ({ ...r, x: [logit(order, r.x)] })));
  const a = scale.weights[0]!;
  return { features, weights: order.weights.map((w) => roundWeight(a * w)), bias: roundWeight(scale.bias + a * order.bias) };
}
