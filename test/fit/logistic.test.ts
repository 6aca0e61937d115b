import { describe, expect, it } from 'vitest';
import { probability } from '../../src/answers/linear-model.js';
import { fitLogistic, type Sample } from '../../src/fit/logistic.js';

// A small fixture: the label follows the first feature; the second is noise; the third never changes.
const rows: Sample[] = Array.from({ length: 40 }, (_, i) => {
  const signal = (i % 10) / 10;
  return { x: [signal * 20, Math.floor(i / 10) % 2, 3], y: signal > 0.45 ? 1 : 0 };
});

describe('fitLogistic', () => {
  const model = fitLogistic(['signal', 'noise', 'constant'], rows);

  it('weighs the feature that separates the labels and leaves a constant one at zero', () => {
    // Effects on the standardised scale: the signal's spread is about 5.7, the noise's 0.5.
    expect(model.weights[0]! * 5.7).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]! * 0.5)).toBeLessThan((model.weights[0]! * 5.7) / 10);
    expect(model.weights[2]).toBe(0);
  });

  it('returns weights on the raw features: the fitted chances order and separate the rows', () => {
    const chances = rows.map((r) => probability(model, r.x));
    rows.forEach((r, i) => expect(chances[i]! > 0.5).toBe(r.y === 1));
  });

  it('counts rows by their weight: a class weighed down moves the boundary towards it', () => {
    const light = rows.map((r) => ({ ...r, weight: r.y === 1 ? 0.1 : 1 }));
    const skewed = fitLogistic(['signal', 'noise', 'constant'], light);
    const edge = [0.5 * 20, 0, 3];
    expect(probability(skewed, edge)).toBeLessThan(probability(model, edge));
  });

  it('fits nothing from no rows', () => {
    expect(fitLogistic(['a'], [])).toEqual({ features: ['a'], weights: [0], bias: 0 });
  });
});
