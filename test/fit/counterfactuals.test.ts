import { describe, expect, it } from 'vitest';
import { swapWord, unusedWordNear } from '../../src/fit/counterfactuals.js';
import { rankOf } from '../../src/text/word-rarity.js';

describe('swapWord', () => {
  it('replaces whole words in any case and leaves words that contain it', () => {
    expect(swapWord('What did Etsy say? etsy, not Etsyland.', 'etsy', 'zorbex')).toBe('What did zorbex say? zorbex, not Etsyland.');
  });
});

describe('unusedWordNear', () => {
  it('takes the nearest word of about the same rarity that the notes do not use', async () => {
    const used = new Set<string>();
    const word = await unusedWordNear('bakery', async (w) => !used.has(w));
    expect(word).toBeDefined();
    expect(Math.abs(rankOf(word!)! - rankOf('bakery')!)).toBeLessThanOrEqual(3);
  });

  it('passes over words the notes use', async () => {
    const first = await unusedWordNear('bakery', async () => true);
    const second = await unusedWordNear('bakery', async (w) => w !== first);
    expect(second).not.toBe(first);
  });
});
