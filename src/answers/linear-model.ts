// A fitted linear scorer: the weights that rank passages, score sentences and decide to abstain are
// numbers fitted by `npm run fit` (src/fit/), not picked by hand. The scores are logits; `probability`
// turns one into the fitted chance that the item is right.

export interface LinearModel {
  /** Feature names, in the order of `weights`: a model fitted on other features is refused. */
  features: readonly string[];
  weights: readonly number[];
  bias: number;
}

export const logit = (model: LinearModel, x: readonly number[]): number => {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * x[i]!;
  return z;
};

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export const probability = (model: LinearModel, x: readonly number[]): number => sigmoid(logit(model, x));

/** Throws when a model was fitted on other features than the code computes (a stale weights file). */
export function checkFeatures(model: LinearModel, expected: readonly string[], name: string): LinearModel {
  if (model.features.length !== expected.length || model.features.some((f, i) => f !== expected[i])) {
    throw new Error(`${name} weights were fitted on [${model.features.join(', ')}], the code computes [${expected.join(', ')}]: run npm run fit`);
  }
  return model;
}
